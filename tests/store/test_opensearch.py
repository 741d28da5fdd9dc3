"""What only the OpenSearch backend does: AWS Signature V4 for Amazon OpenSearch Service, its client's TLS and
password options, and the registry's part: its word when the client library is missing, and no search client
imported for the DuckDB default. Shared behaviour (errors, crash safety, 429 retries, ...) is tested for both
search backends in test_search_cluster.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from bot.errors import ConfigError
from bot.store import registry
from bot.store.opensearch import OpenSearchClient, OpenSearchStore
from bot.store.registry import open_store
from tests.store.cluster_proxy import ClusterProxy, SeenRequest, running_proxy
from tests.store.sources import item, make_source
from tests.store.test_duckdb import _child_env

KEY, SECRET, TOKEN = "AKIDTRACKITTEST", "trackit/test/secret/key", "session-token-from-sts"
_AUTH = re.compile(r"AWS4-HMAC-SHA256 Credential=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})")


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """AWS credentials in the environment only: no profile files, no instance metadata lookups."""
    for name in (
        "AWS_PROFILE",
        "AWS_DEFAULT_PROFILE",
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_ROLE_ARN",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    monkeypatch.setenv("AWS_SESSION_TOKEN", TOKEN)


@pytest.fixture
def proxy(os_url: str) -> Iterator[ClusterProxy]:
    with running_proxy(os_url, rejected_type="rejected_execution_exception") as server:
        server.refuse = 0
        yield server


def client(store: OpenSearchStore) -> OpenSearchClient:
    assert isinstance(store._cluster, OpenSearchClient)
    return store._cluster


def signature_problems(seen: SeenRequest, region: str) -> list[str]:
    """Recompute the SigV4 signature of a request the cluster received with the known secret; [] when it holds."""
    received = {name.lower(): value for name, value in seen.headers.items()}
    found = _AUTH.fullmatch(received.get("authorization", ""))
    if not found:
        return [f"{seen.method} {seen.path}: not SigV4-signed: {received.get('authorization')!r}"]
    scope, signed, signature = found.groups()
    date = received["x-amz-date"]
    problems = []
    if scope != f"{KEY}/{date[:8]}/{region}/es/aws4_request":
        problems.append(f"{seen.method} {seen.path}: credential scope {scope}")
    if received.get("x-amz-security-token") != TOKEN or "x-amz-security-token" not in signed.split(";"):
        problems.append(f"{seen.method} {seen.path}: the session token is not sent and signed")
    if received.get("x-amz-content-sha256") != hashlib.sha256(seen.body).hexdigest():
        problems.append(f"{seen.method} {seen.path}: the signed payload hash is not the body's")
    headers = {name: value for name, value in received.items() if name in signed.split(";")}
    request = AWSRequest(seen.method, f"http://{received['host']}{seen.path}", headers, seen.body)
    request.context["timestamp"] = date
    signer = SigV4Auth(Credentials(KEY, SECRET, TOKEN), "es", region)
    expected = signer.signature(signer.string_to_sign(request, signer.canonical_request(request)), request)
    if expected != signature:
        problems.append(f"{seen.method} {seen.path}: the signature does not match the request received")
    return problems


# ------------------------------------------------------------------------------------------- AWS SigV4


@pytest.mark.opensearch
def test_aws_auth_signs_every_request_with_the_session_credentials(
    aws_env: None, proxy: ClusterProxy, tmp_path: Path
) -> None:
    prefix = "t" + uuid.uuid4().hex[:12]
    # A local stand-in for the domain: plain HTTP on the proxy's port (a real domain is https on 443, the default).
    store = open_store(f"opensearch://127.0.0.1:{proxy.port}?auth=aws&tls=false&region=eu-west-3&prefix={prefix}")
    try:
        store.replace_period(make_source(tmp_path, [item("2024-01-05", "2.50")]))
        assert [p.billed_total for p in store.periods()] == [2.5]
    finally:
        for p in store.periods():
            store.delete_period(p.billing_period)
        store.close()
    methods = {seen.method for seen in proxy.seen}
    assert {"GET", "PUT", "POST", "DELETE"} <= methods  # bodies (bulk, search) and body-less requests
    assert any(seen.path.split("?")[0].endswith("/_bulk") for seen in proxy.seen)
    assert [p for seen in proxy.seen for p in signature_problems(seen, "eu-west-3")] == []


def test_aws_auth_defaults_to_https_on_443_and_the_region_of_the_domain(aws_env: None) -> None:
    store = open_store("opensearch://search-billing-4kd9x2.ap-southeast-2.es.amazonaws.com?auth=aws")
    assert isinstance(store, OpenSearchStore)
    assert store.host == "https://search-billing-4kd9x2.ap-southeast-2.es.amazonaws.com:443"
    connection = client(store).client.transport.connection_pool.connections[0]
    signer = connection.http_auth.signer
    assert (signer.region, signer.service, connection.pool.cert_reqs) == ("ap-southeast-2", "es", "CERT_REQUIRED")
    assert "authorization" not in connection.headers  # no basic auth beside the signature


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "opensearch://vpc-billing.internal?auth=aws",
            "opensearch store URL: auth=aws needs the domain's region: add region=<region> (e.g. region=eu-west-1)",
        ),
        (
            "opensearch://admin:pw@search-b.eu-west-1.es.amazonaws.com?auth=aws",
            "opensearch store URL: auth=aws signs requests with AWS credentials: drop user:password",
        ),
        (
            "opensearch://search-b.eu-west-1.es.amazonaws.com?auth=kerberos",
            "opensearch store URL: auth='kerberos' is not known: use auth=aws (SigV4) or leave it out",
        ),
    ],
)
def test_aws_auth_that_cannot_work_is_a_config_error(aws_env: None, url: str, expected: str) -> None:
    with pytest.raises(ConfigError) as err:
        open_store(url)
    assert str(err.value) == expected


def test_aws_auth_without_credentials_says_where_they_come_from(aws_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name)
    with pytest.raises(ConfigError) as err:
        open_store("opensearch://search-b.eu-west-1.es.amazonaws.com?auth=aws")
    assert str(err.value) == (
        "opensearch store URL: auth=aws found no AWS credentials: set AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, "
        "aws_profile=NAME, or run with an instance or task role"
    )
    with pytest.raises(ConfigError, match=r"^opensearch store URL: cannot use AWS profile 'nobody': "):
        open_store("opensearch://search-b.eu-west-1.es.amazonaws.com?auth=aws&aws_profile=nobody")


# ------------------------------------------------------------------------------------------- other options


def test_url_options_tls_and_password_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKIT_OPENSEARCH_PASSWORD", "from-env")
    store = open_store("opensearch://admin@os.internal:9243?tls=true&ca_certs=/etc/ca.pem&prefix=billing")
    assert isinstance(store, OpenSearchStore)
    connection = client(store).client.transport.connection_pool.connections[0]
    assert (store.host, store._prefix) == ("https://os.internal:9243", "billing")
    assert (connection.pool.cert_reqs, connection.pool.ca_certs) == ("CERT_REQUIRED", "/etc/ca.pem")
    assert connection.headers["authorization"] == "Basic " + base64.b64encode(b"admin:from-env").decode()
    assert "from-env" not in store.host

    insecure = open_store("opensearch://os.internal?tls=1&verify=false")
    assert isinstance(insecure, OpenSearchStore)
    connection = client(insecure).client.transport.connection_pool.connections[0]
    assert (insecure.host, connection.pool.cert_reqs, insecure._prefix) == (
        "https://os.internal:9200",
        "CERT_NONE",
        "trackit",
    )


def test_missing_client_library_names_the_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "opensearchpy", None)  # what `import opensearchpy` sees when not installed
    monkeypatch.delitem(sys.modules, "bot.store.opensearch", raising=False)
    monkeypatch.delitem(registry._BACKENDS, "opensearch", raising=False)
    with pytest.raises(ConfigError) as err:
        open_store("opensearch://search-b.eu-west-1.es.amazonaws.com?auth=aws")
    assert str(err.value) == (
        "opensearch:// needs the Python package 'opensearchpy', which is not installed: "
        "pip install 'trackit-bot[opensearch]'"
    )
    with pytest.raises(ConfigError) as err:
        open_store("solr://x")
    # Other tests may have registered backends of their own: the built-in ones are always named.
    message = str(err.value)
    assert message.startswith("unknown billing store URL 'solr://x': use one of ")
    assert {"duckdb://", "elasticsearch://", "opensearch://"} <= set(message.split(": use one of ")[1].split(", "))


def test_the_duckdb_default_imports_no_search_client(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from bot.store.registry import open_store\n"
        f"open_store('duckdb://{tmp_path}/billing').close()\n"
        "print(sorted(m for m in ('elasticsearch', 'opensearchpy') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], env=_child_env(), capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
