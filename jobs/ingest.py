"""Ingestion on every delivery: poll each configured source, load new deliveries, then look for anomalies.

Every `settings.ingest_interval_minutes` (30 by default) each source in `settings.sources` is ingested
(`bot.ingest.pipeline.ingest`: a delivery already live is a no-op, a new one replaces its period atomically) and
recorded as an ingest run (`/trackit status` shows them). When something new was loaded, the anomaly job
(`ANOMALY_JOB_ID`) and the budget job are asked to run now. A failure is recorded with its message and, when
`settings.ops_channel` is set, posted there (once per source, error and day). A re-delivery refused by the
guards (empty, much smaller or older than the live one) is recorded the same way: the run fails with the
reason, the periods that did load are counted, and `/trackit status` shows it until an operator runs
`trackit ingest --force` or a good delivery arrives.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bot.errors import TrackItError
from bot.scheduler import JobContext
from bot.slack.blocks import Message, context, header, message, section
from bot.state.deliveries import DeliveryKey
from bot.state.ingest_runs import IngestRun, finish_ingest_run, start_ingest_run

if TYPE_CHECKING:  # the pipeline (readers, boto3) is imported only when an ingest runs
    from bot.ingest.pipeline import IngestReport

log = logging.getLogger(__name__)

JOB_ID = "ingest"
#: Jobs asked to run right after new data was loaded (anomaly alerts come from part B's job of that id).
ANOMALY_JOB_ID = "anomaly_alerts"
BUDGETS_JOB_ID = "budgets"

Ingester = Callable[[str], "IngestReport"]


@dataclass(frozen=True)
class SourceOutcome:
    """One source's run: its record, and how many periods were loaded (new or replaced)."""

    run: IngestRun
    loaded: int


def ingest_source(ctx: JobContext, uri: str, ingester: Ingester) -> SourceOutcome:
    """Ingest one source and record the run; never raises (a failure is recorded as the run's message)."""
    state = ctx.services.state
    run = start_ingest_run(state, uri, now=ctx.now())
    try:
        report = ingester(uri)
    except TrackItError as exc:
        text = exc.user_text() if hasattr(exc, "user_text") else str(exc)
        return SourceOutcome(finish_ingest_run(state, run.id, status="failed", message=text, now=ctx.now()), 0)
    except Exception as exc:
        log.exception("ingest of %s failed", uri)
        text = f"{type(exc).__name__}: {exc}"
        return SourceOutcome(finish_ingest_run(state, run.id, status="failed", message=text, now=ctx.now()), 0)
    loaded = sum(p.status in ("loaded", "replaced") for p in report.periods)
    skipped = sum(p.status == "skipped" for p in report.periods)
    refused = [p.reason for p in report.periods if p.status == "refused"]
    done = finish_ingest_run(
        state,
        run.id,
        status="failed" if refused else "ok",
        message="\n".join(refused),
        periods_loaded=loaded,
        periods_skipped=skipped,
        now=ctx.now(),
    )
    return SourceOutcome(done, loaded)


def render_failure(run: IngestRun) -> Message:
    """The ops-channel message for a failed ingest run."""
    text = f"Ingestion of {run.source_uri} failed: {run.message}"
    blocks = [
        header("Ingestion failed"),
        section(f"*Source*: `{run.source_uri}`\n*Error*: {run.message}"),
        context(f"run {run.id} started {run.started_at:%Y-%m-%d %H:%M} UTC · `/trackit status` shows every run"),
    ]
    return message(text, blocks)


def failure_key(channel_id: str, run: IngestRun, day: date) -> DeliveryKey:
    """One ops post per source, error and UTC day: a source failing every 30 minutes is not 48 messages a day."""

    def digest(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()[:12]

    return DeliveryKey(JOB_ID, channel_id, f"{digest(run.source_uri)}/{day.isoformat()}/{digest(run.message)}")


def default_ingester(ctx: JobContext) -> Ingester:
    from bot.aws.session import AwsIdentity
    from bot.ingest.pipeline import IngestPolicy, ingest

    settings = ctx.services.settings
    identity = AwsIdentity(
        profile=settings.aws_profile,
        role_arn=settings.aws_role_arn,
        external_id=settings.aws_external_id,
        region=settings.aws_region,
    )

    policy = IngestPolicy(min_share=settings.redelivery_min_share, verify_csv=settings.ingest_verify_csv)

    def run(uri: str) -> IngestReport:
        return ingest(
            uri, ctx.services.store, identity=identity, progress=False, policy=policy, staging=settings.staging_dir
        )

    return run


def run(ctx: JobContext, ingester: Ingester | None = None) -> tuple[SourceOutcome, ...]:
    """Ingest every configured source; trigger anomaly detection and budgets when new data arrived."""
    settings = ctx.services.settings
    ingester = ingester or default_ingester(ctx)
    outcomes = tuple(ingest_source(ctx, uri, ingester) for uri in settings.sources)
    for outcome in outcomes:
        if outcome.run.status == "failed" and settings.ops_channel:
            key = failure_key(settings.ops_channel, outcome.run, ctx.now().date())
            ctx.deliverer.post_message(key, render_failure(outcome.run))
    if any(o.loaded for o in outcomes):
        ctx.services.vocabulary.invalidate()
        for job_id in (ANOMALY_JOB_ID, BUDGETS_JOB_ID):
            if not ctx.run_now(job_id):
                log.info("no %s job scheduled; nothing to trigger after ingest", job_id)
    return outcomes
