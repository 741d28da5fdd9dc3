from __future__ import annotations

import boto3

from tests.support.moto_server import MotoServer


def test_boto3_clients_talk_to_the_local_moto_server(aws: MotoServer) -> None:
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket="cur")
    s3.put_object(Bucket="cur", Key="a/b.csv", Body=b"x")
    assert [o["Key"] for o in s3.list_objects_v2(Bucket="cur")["Contents"]] == ["a/b.csv"]
    assert aws.url.startswith("http://127.0.0.1:")
