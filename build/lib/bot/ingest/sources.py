"""Where export files come from: a local directory or file, or an S3 bucket and prefix.

A source lists its objects (keys relative to its root, with size and time), reads small objects (manifests) into
memory, and fetches data files to local paths: a local source hands back its own files; S3 streams each object to
a temporary directory in chunks (`download_fileobj`), so a month is never held in memory.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from botocore.exceptions import BotoCoreError, ClientError

from bot.aws.session import RETRY_CONFIG, AwsIdentity, make_session
from bot.errors import IngestError, SourceAccessDenied
from bot.ingest.layout import ObjectInfo

#: Called with the number of bytes just transferred.
BytesCallback = Callable[[int], None]

_DENIED = {"AccessDenied", "403", "AllAccessDisabled", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken"}


class FileSource(abc.ABC):
    """A tree of export objects."""

    uri: str

    @abc.abstractmethod
    def list(self) -> list[ObjectInfo]:
        """Every object under the root (all pages), keys relative to the root with `/` separators."""

    @abc.abstractmethod
    def read_bytes(self, key: str) -> bytes:
        """A small object's content (manifests)."""

    @abc.abstractmethod
    def fetch(self, key: str, workdir: Path, on_bytes: BytesCallback | None = None) -> Path:
        """A local, absolute path holding the object (downloaded into `workdir` when remote)."""


class LocalSource(FileSource):
    """A directory (walked recursively) or a single file; files under `exclude` (an ingest's own staging
    folders, when the store lives inside the exported tree) are not part of it."""

    def __init__(self, path: Path, exclude: Sequence[Path] = ()) -> None:
        self.path = path.expanduser().resolve()
        if not self.path.exists():
            raise IngestError(f"{self.path}: no such file or directory", hint="Give a directory, a file or s3://...")
        self.root = self.path if self.path.is_dir() else self.path.parent
        self.uri = str(self.path)
        self.exclude = tuple(p.expanduser().resolve() for p in exclude)

    def list(self) -> list[ObjectInfo]:
        files = sorted(p for p in self.path.rglob("*") if p.is_file()) if self.path.is_dir() else [self.path]
        files = [p for p in files if not any(p.is_relative_to(x) for x in self.exclude)]
        out = []
        for p in files:
            st = p.stat()
            out.append(ObjectInfo(p.relative_to(self.root).as_posix(), st.st_size, _utc(st.st_mtime)))
        return out

    def read_bytes(self, key: str) -> bytes:
        return (self.root / key).read_bytes()

    def fetch(self, key: str, workdir: Path, on_bytes: BytesCallback | None = None) -> Path:
        path = (self.root / key).resolve()
        if on_bytes is not None:
            on_bytes(path.stat().st_size)
        return path


class S3Source(FileSource):
    """`s3://bucket/prefix`, read with credentials from `identity` (profile or assumed role with external id).

    The bucket's region is discovered with GetBucketLocation; listing pages through every object. Access
    refusals raise `SourceAccessDenied` naming the bucket and the role.
    """

    def __init__(self, bucket: str, prefix: str, identity: AwsIdentity) -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.identity = identity
        self.uri = f"s3://{bucket}/{self.prefix}" if self.prefix else f"s3://{bucket}"
        self._client: Any = None

    @property
    def client(self) -> Any:
        if self._client is None:
            session = make_session(self.identity)
            probe = session.client("s3", config=RETRY_CONFIG)
            try:
                location = probe.get_bucket_location(Bucket=self.bucket).get("LocationConstraint")
            except SourceAccessDenied as exc:  # the assume-role failed: say which bucket it was for
                raise SourceAccessDenied(f"{exc.message} (to read bucket {self.bucket})", hint=exc.hint) from exc
            except (ClientError, BotoCoreError) as exc:
                raise self._translate(exc, "GetBucketLocation") from exc
            # us-east-1 answers None; the legacy "EU" constraint means eu-west-1.
            region = {None: "us-east-1", "": "us-east-1", "EU": "eu-west-1"}.get(location, location)
            self._client = session.client("s3", region_name=region, config=RETRY_CONFIG)
        return self._client

    def _full(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key

    def list(self) -> list[ObjectInfo]:
        out: list[ObjectInfo] = []
        paginator = self.client.get_paginator("list_objects_v2")
        kwargs: dict[str, str] = {"Bucket": self.bucket}
        if self.prefix:
            kwargs["Prefix"] = self.prefix + "/"
        try:
            for page in paginator.paginate(**kwargs):
                for obj in page.get("Contents", []):
                    key = str(obj["Key"])
                    if key.endswith("/"):
                        continue  # "folder" placeholder objects
                    rel = key[len(self.prefix) + 1 :] if self.prefix else key
                    modified = obj["LastModified"].astimezone(UTC)
                    out.append(ObjectInfo(rel, int(obj["Size"]), modified))
        except (ClientError, BotoCoreError) as exc:
            raise self._translate(exc, "ListObjectsV2") from exc
        return out

    def read_bytes(self, key: str) -> bytes:
        try:
            body = self.client.get_object(Bucket=self.bucket, Key=self._full(key))["Body"]
            return bytes(body.read())
        except (ClientError, BotoCoreError) as exc:
            raise self._translate(exc, "GetObject", key) from exc

    def fetch(self, key: str, workdir: Path, on_bytes: BytesCallback | None = None) -> Path:
        dest = (workdir / "s3" / key).resolve()
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            with dest.open("wb") as fh:
                self.client.download_fileobj(self.bucket, self._full(key), fh, Callback=on_bytes)
        except (ClientError, BotoCoreError) as exc:
            raise self._translate(exc, "GetObject", key) from exc
        return dest

    def _translate(self, exc: Exception, action: str, key: str = "") -> IngestError:
        code = ""
        if isinstance(exc, ClientError):
            code = str(exc.response.get("Error", {}).get("Code", ""))
        who = f"role {self.identity.role_arn}" if self.identity.role_arn else "the bot's credentials"
        where = f"s3://{self.bucket}/{self._full(key)}" if key else f"bucket {self.bucket}"
        if isinstance(exc, SourceAccessDenied):
            return exc
        if code in _DENIED:
            return SourceAccessDenied(
                f"S3 refused {action} on {where} for {who} ({code})",
                hint=f"Allow s3:GetBucketLocation, s3:ListBucket and s3:GetObject on bucket {self.bucket} for {who}.",
            )
        if code == "NoSuchBucket":
            return IngestError(f"bucket {self.bucket} does not exist", hint="Check the s3:// URL of the source.")
        if code in ("NoSuchKey", "404"):
            return IngestError(f"{where} disappeared while reading it", hint="Run the ingest again.")
        return IngestError(f"S3 {action} on {where} failed: {exc}")


def _utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def open_file_source(uri: str, identity: AwsIdentity | None = None, exclude: Sequence[Path] = ()) -> FileSource:
    """The source named by `uri`: `s3://bucket/prefix`, `file:///path`, or a plain local path (without the
    folders in `exclude`)."""
    parts = urlsplit(uri)
    if parts.scheme == "s3":
        if not parts.netloc:
            raise IngestError(f"{uri!r} names no bucket", hint="Use s3://bucket/prefix.")
        return S3Source(parts.netloc, parts.path, identity or AwsIdentity())
    if parts.scheme == "file":
        return LocalSource(Path(parts.path), exclude)
    return LocalSource(Path(uri), exclude)
