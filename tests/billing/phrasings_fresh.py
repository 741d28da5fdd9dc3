"""Fresh phrasing batches, each written in one go before the parser changes they measure, and frozen.

Do not edit these to make them pass. Each entry is (what a person types in Slack, what it should mean), read
like `tests/billing/phrasings.py` (today is Friday 2026-11-27, which is Black Friday; the same vocabulary).
New canonical words the meanings use: `average` (the average cost per day), `anomalies` (unusual days of the
range), `increases` / `decreases` (groups ranked by their change against the previous like-for-like period).

`FRESH_1` was written after the grammar split and before any of the fixes it prompted (filler clauses, average,
anomalies, commitments, biggest increases, holidays): its first-sight score is `FRESH_1_FIRST_SIGHT`.
`FRESH_2` was written after those fixes, in a different style, before it was ever run: its first-sight score
(`FRESH_2_FIRST_SIGHT`) is the figure README quotes.
"""

from __future__ import annotations

#: (answered as meant, refused naming a word typed, wrong answer or a generic refusal), at first sight.
FRESH_1_FIRST_SIGHT = (25, 20, 5)

FRESH_1: tuple[tuple[str, str], ...] = (
    ("ec2 costs too high, what happened", "why service=ec2"),
    ("whats the daily average this month", "average this month"),
    ("any spikes last week?", "anomalies last week"),
    ("reserved instance costs last month", "last month charge-class=recurring,one-time"),
    ("black friday spend", "2026-11-27"),
    ("biggest increase last month", "increases last month by service"),
    ("spend per day last week", "last week daily"),
    ("top 5 services this month", "this month by service top 5"),
    ("how much did we spend on ec2 in eu-west-1 yesterday", "yesterday service=ec2 region=eu-west-1"),
    ("compare september and october", "2026-09 vs 2026-10"),
    ("cost by team", "by tag:team"),
    ("what's our burn rate", "forecast"),
    ("is the bill going up", "this month"),
    ("anything unusual this week", "anomalies this week"),
    ("RI spend ytd", "ytd charge-class=recurring,one-time"),
    ("savings plans cost last quarter", "last quarter charge-class=recurring,one-time"),
    ("which service grew the most last month", "increases last month by service"),
    ("biggest decreases this month by account", "decreases this month by account"),
    ("christmas costs", "2025-12-25"),
    ("thanksgiving vs black friday", "2026-11-26 vs 2026-11-27"),
    ("avg daily spend on s3 in october", "average 2026-10 service=s3"),
    ("hey, how much was lambda last wk?", "last week service=lambda"),
    ("rds cost mtd pls", "this month service=rds"),
    ("ec2 spend by region for sept", "2026-09 service=ec2 by region"),
    ("glue jobs getting expensive, why", "why service=glue"),
    ("show me the last 3 months by account", "last 3 months by account"),
    ("any anomalies in prod?", "anomalies tag:env=prod"),
    ("what did the data lake acct cost yesterday", "yesterday account=data-lake"),
    ("cloudfront vs s3 last quarter", "last quarter service=cloudfront,s3 by service"),
    ("how much did we pay for tax in 2025", "2025 service=tax"),
    ("weekly costs for the last 2 months", "last 2 months weekly"),
    ("costs by env last week", "last week by tag:env"),
    ("spend by project this quarter", "this quarter by tag:project"),
    ("compare last week to the week before by service", "last week by service"),
    ("what's driving the increase in data transfer", "why service=data-transfer"),
    ("total spend in ap-southeast-2 since august", "since 2026-08-01 region=ap-southeast-2"),
    ("dynamo costs last month", "last month service=dynamodb"),
    ("cost of eks per day this week", "this week service=eks daily"),
    ("top 3 accounts by spend in q3", "2026-q3 by account top 3"),
    ("unusual spend on ec2 last month?", "anomalies last month service=ec2"),
    ("how much did black friday cost us last year", "2025-11-28"),
    ("sqs and kms this month", "this month service=sqs,kms"),
    ("what are we spending on the api team", "tag:team=api"),
    ("daily average by service last month", "average last month by service"),
    ("how much per day are we spending on rds", "average service=rds"),
    ("last month broken down by region and service", "last month by region, service"),
    ("what was the spend on oct 15", "2026-10-15"),
    ("costs over the last fortnight", "last 2 weeks"),
    ("biggest cost increases by team this month", "increases this month by tag:team"),
    ("net cost for staging account last month", "last month account=staging net"),
)
