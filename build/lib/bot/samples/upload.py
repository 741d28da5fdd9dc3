"""Copy a generated layout into S3, keeping manifests true to where the files now are."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def _rewrite_manifest(body: dict[str, Any], bucket: str, prefix: str) -> dict[str, Any]:
    def key(k: str) -> str:
        return f"{prefix}/{k}" if prefix else k

    out = dict(body)
    if "bucket" in out:
        out["bucket"] = bucket
    if "reportKeys" in out:
        out["reportKeys"] = [key(k) for k in out["reportKeys"]]
    if "dataFiles" in out:
        out["dataFiles"] = [
            f"s3://{bucket}/{key(uri.split('/', 3)[3])}" if uri.startswith("s3://") else uri for uri in out["dataFiles"]
        ]
    return out


def upload_to_s3(local_dir: Path, bucket: str, prefix: str, s3_client: Any) -> list[str]:
    """Upload every file under `local_dir` to `s3://bucket/prefix/<relative path>`; return the keys written.

    Manifests (`*Manifest.json`) are rewritten on the way so that their `bucket`, `reportKeys` and `dataFiles`
    name the uploaded objects, as AWS's own manifests do. The ground-truth file is uploaded too (it is not part
    of any AWS layout; readers ignore unknown files). `s3_client` is a boto3 S3 client.
    """
    prefix = prefix.strip("/")
    root = Path(local_dir)
    keys: list[str] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        key = f"{prefix}/{rel}" if prefix else rel
        if path.name.endswith("Manifest.json"):
            body = _rewrite_manifest(json.loads(path.read_text()), bucket, prefix)
            s3_client.put_object(
                Bucket=bucket, Key=key, Body=json.dumps(body, indent=2).encode(), ContentType="application/json"
            )
        else:
            s3_client.upload_file(str(path), bucket, key)
        keys.append(key)
    return keys
