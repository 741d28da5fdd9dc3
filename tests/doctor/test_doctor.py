"""`trackit doctor` against real parts: moto in server mode with IAM enforced (the role, trust policy and bucket
policy of deploy/aws/trackit-aws.yaml), the fake Slack Web API over HTTP, the running Bolt app, app state on
SQLite and a real PostgreSQL. A good deployment is all green; a deliberately broken one names each fault and its
fix, and exits 1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.compose import build_app
from bot.config import Settings
from bot.doctor import DoctorOptions, Report, Status, run_doctor
from bot.doctor.manifest import CANDIDATES, bot_scopes
from bot.ingest.pipeline import ingest
from bot.services import Services, VocabularyCache
from bot.slack.client import make_client
from bot.slack.http import SlackHttpServer
from bot.state.db import StateStore
from bot.state.ingest_runs import finish_ingest_run, start_ingest_run
from bot.state.leader import LeaderLease
from bot.state.source_deliveries import SeenDelivery, record_deliveries
from bot.state.subscriptions import subscribe
from bot.store.registry import open_store
from tests.ingest.test_pipeline import write_cur
from tests.support.aws_stack import ACCOUNT, bot_user, deploy, iam_enforced
from tests.support.fake_slack import FakeSlack
from tests.support.moto_server import MotoServer

pytestmark = [pytest.mark.aws, pytest.mark.slack]

SECRET = "0123456789abcdef0123456789abcdef"
EXTERNAL_ID = "trackit-external-id-0001"
SOURCE = "s3://trackit-billing/trackit/trackit-cur2"
MANIFEST = next(p for p in CANDIDATES if p.is_file())


@dataclass
class Deployment:
    settings: Settings
    fake: FakeSlack
    url: str
    state: StateStore
    now: datetime  # 3 hours after the objects were written to S3 (their LastModified is the real clock)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def deployment(
    request: pytest.FixtureRequest, aws: MotoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Deployment]:
    """A healthy deployment: stack deployed for the bot's IAM user, one CUR delivery in the bucket and ingested,
    a daily delivery history up to 3 hours ago, a subscription in a channel the bot is in, a scheduler leader, the
    app running over HTTP with the same signing secret."""
    user_arn, keys = bot_user()
    stack = deploy({"BotPrincipalArn": user_arn, "ExternalId": EXTERNAL_ID})
    write_cur(tmp_path / "cur", date(2026, 11, 1), "asm-1", ["1.00", "2.50"])
    import boto3

    s3 = boto3.client("s3", region_name="us-east-1")
    for path in (p for p in (tmp_path / "cur").rglob("*") if p.is_file()):
        s3.upload_file(str(path), stack.bucket, f"trackit/trackit-cur2/{path.relative_to(tmp_path / 'cur').as_posix()}")
    now = datetime.now(UTC) + timedelta(hours=3)
    for name, value in keys.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_SESSION_TOKEN")

    state_url = (
        f"sqlite:///{tmp_path / 'state.sqlite3'}"
        if request.param == "sqlite"
        else str(request.getfixturevalue("postgres_url"))
    )
    state = StateStore(state_url)
    state.migrate()
    settings = Settings(
        data_dir=tmp_path,
        database_url=state_url,
        sources=(SOURCE,),
        aws_role_arn=stack.role_arn,
        aws_external_id=EXTERNAL_ID,
        slack_bot_token="xoxb-good",
        slack_signing_secret=SECRET,
        slack_manifest=str(MANIFEST),
        ops_channel="C0OPS",
    )
    store = open_store(settings.billing_store_url)
    from bot.aws.session import AwsIdentity

    with iam_enforced(aws.url):
        ingest(SOURCE, store, identity=AwsIdentity(role_arn=stack.role_arn, external_id=EXTERNAL_ID), progress=False)
        daily = [now - timedelta(hours=3) - timedelta(days=d) for d in range(14)]
        record_deliveries(state, SOURCE, [SeenDelivery(date(2026, 11, 1), f"d{i}", t) for i, t in enumerate(daily)])
        run = start_ingest_run(state, SOURCE, now=now - timedelta(minutes=20))
        finish_ingest_run(state, run.id, status="ok", now=now - timedelta(minutes=19))
        subscribe(state, channel_id="C0COSTS", kind="daily", created_by="U1")
        subscribe(state, channel_id="C0PUBLIC", kind="weekly", created_by="U1")
        lease = LeaderLease(state, holder="bot-1:4242:abcd")
        assert lease.acquire()

        fake = FakeSlack().start()
        fake.granted_scopes = bot_scopes(MANIFEST)
        fake.channels = {
            "C0COSTS": {"id": "C0COSTS", "name": "costs", "is_member": True, "is_private": True},
            "C0PUBLIC": {"id": "C0PUBLIC", "name": "spend", "is_member": False},
            "C0OPS": {"id": "C0OPS", "name": "finops-ops", "is_member": True, "is_private": True},
        }
        settings = Settings(**{**settings.__dict__, "slack_api_url": fake.api_url})
        services = Services(settings=settings, store=store, state=state, vocabulary=VocabularyCache(store))
        server = SlackHttpServer(
            build_app(services, client=make_client("xoxb-good", base_url=fake.api_url)),
            "127.0.0.1",
            0,
            signing_secret=SECRET,
        )
        server.start()
        try:
            yield Deployment(settings, fake, server.url, state, now)
        finally:
            server.close()
            fake.close()
            lease.close()
            store.close()
            state.dispose()


def _by_id(report: Report) -> dict[str, Any]:
    return {c.id: c for c in report.checks}


def test_a_good_deployment_is_all_green(deployment: Deployment) -> None:
    report = run_doctor(deployment.settings, DoctorOptions(url=deployment.url, now=deployment.now))
    problems = [f"{c.id}: {c.detail} -> {c.fix}" for c in report.checks if c.status in (Status.FAIL, Status.WARN)]
    # A public channel the bot is not in yet is only a warning: it joins before its first post.
    assert problems == [
        "slack.channel.C0PUBLIC: the bot is not a member yet; posts for: weekly subscription -> Nothing to do if "
        "the bot has channels:join (it joins #spend before its first post); else type /invite @trackit in #spend."
    ]
    checks = _by_id(report)
    assert set(checks) == {
        "slack.token",
        "slack.scopes",
        "slack.signing_secret",
        "slack.endpoint",
        "slack.channel.C0OPS",
        "slack.channel.C0COSTS",
        "slack.channel.C0PUBLIC",
        "aws.identity",
        "aws.role",
        f"source.{SOURCE}",
        "state.schema",
        "store.billing",
        "scheduler.leader",
        f"delivery.{SOURCE}",
    }
    assert checks["slack.token"].detail == "valid: @trackit in workspace Fake (T0FAKE)"
    assert checks["aws.role"].detail.startswith(f"assumed as arn:aws:sts::{ACCOUNT}:assumed-role/TrackItReadOnly/")
    assert checks["slack.channel.C0COSTS"].detail == "the bot is a member; posts for: daily subscription"
    assert checks["scheduler.leader"].detail.startswith("jobs run on bot-1:4242:abcd")
    assert (
        checks[f"delivery.{SOURCE}"].detail == "last delivery 3 h ago (usually every 1 d (learned from 14 deliveries))"
    )
    assert report.ok


def test_a_broken_deployment_names_each_fault_and_its_fix(
    deployment: Deployment, aws: MotoServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The running app was started with another signing secret than the one configured here; the bot was removed
    # from the subscribed channel; the external id has a typo; the source went silent four days ago; a scope
    # the manifest asks for was never granted.
    settings = Settings(
        **{
            **deployment.settings.__dict__,
            "slack_signing_secret": "f" * 32,
            "aws_external_id": "trackit-external-id-0002",
        }
    )
    deployment.fake.channels["C0COSTS"]["is_member"] = False
    wanted = bot_scopes(MANIFEST)
    deployment.fake.granted_scopes = wanted[1:]
    later = deployment.now + timedelta(days=4)
    with iam_enforced(aws.url):
        report = run_doctor(settings, DoctorOptions(url=deployment.url, now=later))
    checks = _by_id(report)
    failed = {c.id for c in report.checks if c.status is Status.FAIL}
    assert failed == {
        "slack.scopes",
        "slack.endpoint",
        "slack.channel.C0COSTS",
        "aws.role",
        f"source.{SOURCE}",
        f"delivery.{SOURCE}",
    }
    assert checks["slack.scopes"].detail == f"the token lacks {wanted[0]} (asked for by {MANIFEST.name})"
    assert f"Add {wanted[0]} under OAuth & Permissions" in checks["slack.scopes"].fix
    assert checks["slack.endpoint"].detail == "the running app refused a request signed with this signing secret"
    assert "runs with a different SLACK_SIGNING_SECRET" in checks["slack.endpoint"].fix
    assert checks["slack.channel.C0COSTS"].detail == (
        "the bot is not a member of this private channel; posts for: daily subscription"
    )
    assert checks["slack.channel.C0COSTS"].fix.startswith("In #costs, type /invite @trackit")
    role = checks["aws.role"]
    assert role.detail == (
        f"arn:aws:iam::{ACCOUNT}:user/trackit-bot may not assume it with the external id in "
        "TRACKIT_AWS_EXTERNAL_ID (AccessDenied)"
    )
    assert "sts:ExternalId equal to TRACKIT_AWS_EXTERNAL_ID" in role.fix
    assert "could not assume role" in checks[f"source.{SOURCE}"].detail
    stale = checks[f"delivery.{SOURCE}"]
    assert stale.detail == f"no new delivery in {SOURCE} for 4 d 3 h (usually every 1 d; late after 2 d)"
    assert "Data Exports" in stale.fix
    assert not report.ok


def test_the_command_line_prints_json_and_exits_1_on_a_failure(
    deployment: Deployment, aws: MotoServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    s = deployment.settings
    env = {
        "TRACKIT_DATA_DIR": str(s.data_dir),
        "TRACKIT_DATABASE_URL": s.database_url,
        "TRACKIT_SOURCES": SOURCE,
        "TRACKIT_AWS_ROLE_ARN": s.aws_role_arn,
        "TRACKIT_AWS_EXTERNAL_ID": s.aws_external_id,
        "SLACK_BOT_TOKEN": "xoxb-revoked",
        "SLACK_SIGNING_SECRET": SECRET,
        "TRACKIT_SLACK_API_URL": s.slack_api_url,
        "TRACKIT_SLACK_MANIFEST": str(MANIFEST),
        "TRACKIT_CONFIG": "/nonexistent.toml",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    deployment.fake.revoked_tokens.add("xoxb-revoked")
    with iam_enforced(aws.url):
        code = main(["doctor", "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and out["schema"] == "trackit.doctor/1" and out["ok"] is False
    token = next(c for c in out["checks"] if c["id"] == "slack.token")
    assert (token["status"], token["detail"]) == ("fail", "Slack refused the token (token_revoked)")
    assert token["fix"].startswith("Reinstall the app to the workspace")
    assert {c["id"]: c["status"] for c in out["checks"]}["aws.role"] == "ok"


def test_socket_mode_needs_an_app_token_and_a_bare_machine_says_what_is_missing(tmp_path: Path) -> None:
    report = run_doctor(Settings(data_dir=tmp_path, slack_app_token="xoxb-wrong"), DoctorOptions())
    checks = _by_id(report)
    assert checks["slack.token"].detail == "not set"
    assert checks["slack.app_token"].detail == "SLACK_APP_TOKEN does not start with xapp- ('xoxb-')"
    assert checks["state.schema"].detail == f"no app state at {tmp_path.resolve() / 'state.sqlite3'} yet"
    assert not (tmp_path / "state.sqlite3").exists()  # the doctor creates nothing
    assert checks["aws.identity"].status is Status.SKIP
