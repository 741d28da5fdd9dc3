"""App state: everything the bot remembers besides billing data, in SQLite (default) or PostgreSQL.

    store = StateStore(settings.app_database_url)
    store.migrate()                      # Alembic upgrade to head, once at start-up

Repositories (functions taking the store first; they return frozen dataclasses, never ORM rows):

- bot.state.access         grants to users/channels, `Scope`, `resolve_scope()`
- bot.state.audit          `record_audit()`, `recent_audit()`
- bot.state.ingest_runs    `start_ingest_run()`, `finish_ingest_run()`, `last_ingest_runs()`
- bot.state.subscriptions  channel subscriptions to scheduled reports
- bot.state.routes         tag -> channel routing of alerts
- bot.state.budgets        named budgets
- bot.state.alerts         anomaly alerts and their triage
- bot.state.deliveries     idempotent posts: `claim_delivery()`, `mark_sent()`, `mark_failed()`
- bot.state.leader         `LeaderLease`: one replica runs the scheduler
- bot.state.jobstore       APScheduler's job store on the same database

Bad input from users raises `UsageError`/`NotFound` (bot.errors) with the sentence to show; programming
errors (an unknown audit outcome, a naive datetime) raise ValueError.
"""

from __future__ import annotations

from bot.state.db import StateStore

__all__ = ["StateStore"]
