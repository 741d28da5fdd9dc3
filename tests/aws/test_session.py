from __future__ import annotations

import boto3
import pytest

from bot.aws.session import AwsIdentity, make_session
from bot.errors import SourceAccessDenied
from tests.support.moto_server import MotoServer


def test_assumed_role_credentials_carry_the_roles_account(aws: MotoServer) -> None:
    role_arn = "arn:aws:iam::111122223333:role/trackit-reader"
    session = make_session(AwsIdentity(role_arn=role_arn, external_id="ext-123"))
    identity = session.client("sts").get_caller_identity()
    assert identity["Account"] == "111122223333"
    assert "trackit-reader" in identity["Arn"]


def test_without_a_role_the_base_credentials_are_used(aws: MotoServer) -> None:
    session = make_session(AwsIdentity())
    assert (
        session.client("sts").get_caller_identity()["Account"] == boto3.client("sts").get_caller_identity()["Account"]
    )


def test_a_refused_assume_role_names_the_role(aws: MotoServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens: STS unreachable
    session = make_session(AwsIdentity(role_arn="arn:aws:iam::111122223333:role/missing"))
    with pytest.raises(SourceAccessDenied, match="arn:aws:iam::111122223333:role/missing"):
        session.client("sts", config=boto3.session.Config(retries={"max_attempts": 1})).get_caller_identity()
