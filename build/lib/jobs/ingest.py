"""Ingestion on every delivery: poll each configured source, load new deliveries, then look for anomalies.

Every `settings.ingest_interval_minutes` (30 by default) each source in `settings.sources` is ingested
(`bot.ingest.pipeline.ingest`: a delivery already live is a no-op, a new one replaces its period atomically) and
recorded as an ingest run (`/trackit status` shows them). When something new was loaded, the anomaly job
(`ANOMALY_JOB_ID`) and the budget job are asked to run now. A re-delivery refused by the guards (empty, much
smaller or older than the live one) fails the run with the reason; the periods that did load are counted.

Every delivery met is recorded (`bot.state.source_deliveries`), so each source's delivery rhythm is learned from
its own history. After each run every source is judged (`bot.ingest.source_health`): a failing ingest (including
a refused re-delivery) or a silence clearly longer than the source's rhythm is an incident, told to
`settings.ops_channel` once, with its cause and fix (the delivery key is the incident's own id); when the
incident ends (a good delivery, or `trackit ingest --force`), its recovery is told once too. `/trackit status`
shows the same judgement.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.errors import TrackItError
from bot.ingest.source_health import SourceHealth, health_of_sources
from bot.scheduler import JobContext
from bot.slack.blocks import Message, context, header, message, section
from bot.state.deliveries import DeliveryKey, sent_periods
from bot.state.ingest_runs import IngestRun, finish_ingest_run, start_ingest_run
from bot.state.source_deliveries import SeenDelivery, record_deliveries

if TYPE_CHECKING:  # the pipeline (readers, boto3) is imported only when an ingest runs
    from bot.ingest.pipeline import IngestReport

log = logging.getLogger(__name__)

JOB_ID = "ingest"
#: Jobs asked to run right after new data was loaded.
ANOMALY_JOB_ID = "anomaly_alerts"
BUDGETS_JOB_ID = "budgets"

Ingester = Callable[[str], "IngestReport"]

REFUSED_FIX = (
    "The live data is kept. If the new delivery is right (a real drop in spend), load it with "
    "`trackit ingest {uri} --force`; otherwise the next good delivery ends this."
)


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
    seen = [SeenDelivery(p.billing_period, p.delivery_id, p.delivered_at) for p in report.periods if p.delivered_at]
    record_deliveries(state, uri, seen, now=ctx.now())
    loaded = sum(p.status in ("loaded", "replaced") for p in report.periods)
    skipped = sum(p.status == "skipped" for p in report.periods)
    refused = [p.reason for p in report.periods if p.status == "refused"]
    if refused:  # the fix, on the line the health judgement reads it from
        refused.append(REFUSED_FIX.format(uri=uri))
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


#: Delivery-key job of incident and recovery posts.
HEALTH_JOB = "source_health"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def incident_key(channel_id: str, health: SourceHealth) -> DeliveryKey:
    """One post per source and incident, however many runs the incident lasts."""
    return DeliveryKey(HEALTH_JOB, channel_id, f"{_digest(health.source_uri)}/{health.incident}")


def _ts(at: datetime | None) -> str:
    return f"{at:%Y-%m-%d %H:%M} UTC" if at else "-"


def render_incident(health: SourceHealth) -> Message:
    """The ops-channel message opening an incident: what is wrong, since when, and the fix."""
    title = "Billing ingestion failing" if health.status == "failing" else "Billing deliveries late"
    text = f"{title}: {health.source_uri}: {health.cause}"
    blocks = [
        header(title),
        section(f"*Source*: `{health.source_uri}`\n*Cause*: {health.cause}\n*Fix*: {health.fix}"),
        context(
            f"since {_ts(health.since)} · answers keep using the last good delivery "
            f"({_ts(health.last_delivery)}) · `/trackit status` shows every source"
        ),
    ]
    return message(text, blocks)


def render_recovery(uri: str, incident: str, health: SourceHealth, now: datetime) -> Message:
    """The ops-channel message closing an incident."""
    if incident.startswith("failed-"):
        what = f"ingests again (last run ok at {_ts(now)})"
    else:
        what = f"delivers again (newest delivery {_ts(health.last_delivery)})"
    text = f"Recovered: {uri} {what}."
    return message(text, [section(f":white_check_mark: *Recovered*: `{uri}` {what}.")])


def tell_ops(ctx: JobContext, healths: tuple[SourceHealth, ...]) -> None:
    """Post each open incident once, and each alerted incident that is over once as recovered."""
    channel = ctx.services.settings.ops_channel
    if not channel:
        return
    for health in healths:
        prefix = f"{_digest(health.source_uri)}/"
        alerted = [
            p[len(prefix) :]
            for p in sent_periods(ctx.services.state, HEALTH_JOB, channel, prefix)
            if not p.endswith("/recovered")
        ]
        for incident in alerted:
            if incident != health.incident:
                key = DeliveryKey(HEALTH_JOB, channel, f"{prefix}{incident}/recovered")
                ctx.deliverer.post_message(key, render_recovery(health.source_uri, incident, health, ctx.now()))
        if not health.healthy:
            ctx.deliverer.post_message(incident_key(channel, health), render_incident(health))


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
    tell_ops(ctx, health_of_sources(ctx.services.state, settings.sources, ctx.now()))
    if any(o.loaded for o in outcomes):
        ctx.services.vocabulary.rebuild()
        for job_id in (ANOMALY_JOB_ID, BUDGETS_JOB_ID):
            if not ctx.run_now(job_id):
                log.info("no %s job scheduled; nothing to trigger after ingest", job_id)
    return outcomes
