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

#: Written after the fixes FRESH_1 prompted, in a terser, more Slack-ish style, and frozen before it was run.
FRESH_2_FIRST_SIGHT = (36, 10, 4)

FRESH_2: tuple[tuple[str, str], ...] = (
    ("yo what did s3 run us in august", "2026-08 service=s3"),
    ("need the eks number for last qtr asap", "last quarter service=eks"),
    ("mean daily cost for lambda over the past 2 weeks", "average last 2 weeks service=lambda"),
    ("were there any weird spikes in october?", "anomalies 2026-10"),
    ("what services went up the most this week", "increases this week by service"),
    ("which accounts dropped the most vs last month", "decreases this month by account"),
    ("cost on cyber monday", "2025-12-01"),
    ("spend during thanksgiving week", "2026-11-23..2026-11-29"),
    ("how much are we burning per day", "average"),
    ("RIs and savings plans last year", "last year charge-class=recurring,one-time"),
    ("reservation fees by account in q3", "2026-q3 charge-class=recurring,one-time by account"),
    ("top 10 accounts ytd", "ytd by account top 10"),
    ("total for oct and nov", "2026-10..2026-11"),
    ("s3 cost in eu-west-1 and us-west-2 last month", "last month service=s3 region=eu-west-1,us-west-2"),
    ("rds spend trend by week this quarter", "this quarter service=rds weekly"),
    ("what's going on with cloudfront costs", "why service=cloudfront"),
    ("did anything odd happen with glue last week", "anomalies last week service=glue"),
    ("biggest savings this month", "decreases this month by service"),
    ("lambda vs ec2 vs s3 yesterday", "yesterday service=lambda,ec2,s3 by service"),
    ("by team for sept pls", "2026-09 by tag:team"),
    ("how much did prod account spend on data transfer in oct", "2026-10 account=production service=data-transfer"),
    ("average cost per day in september by service", "average 2026-09 by service"),
    ("what did we spend on christmas day last year", "2025-12-25"),
    ("new years eve spend", "2025-12-31"),
    ("compare black friday to the day before", "2026-11-27"),
    ("staging env costs mtd by service", "this month tag:env=staging by service"),
    ("costs for the api and web teams last month", "last month tag:team=api,web"),
    ("show spending anomalies for rds this month", "anomalies this month service=rds"),
    ("whats the run rate for november", "forecast 2026-11"),
    ("are we trending up vs last quarter?", "this quarter"),
    ("sum of kms costs since july 1", "since 2026-07-01 service=kms"),
    ("daily spend last 14 days", "last 14 days daily"),
    ("costs by region except us-east-1", "by region region!=us-east-1"),
    ("tax last quarter", "last quarter service=tax"),
    ("where did most of our spend go last month", "last month by service"),
    ("ec2 costs 2 months ago", "2026-09 service=ec2"),
    ("last 2 quarters by account", "last 2 quarters by account"),
    ("wk over wk change for s3", "service=s3"),
    ("monthly spend for 2025", "2025 monthly"),
    ("how much did the data lake account cost in q2 vs q1", "2026-q2 vs 2026-q1 account=data-lake"),
    ("which team's costs grew fastest this quarter", "increases this quarter by tag:team"),
    ("avg per day for prod last week", "average last week tag:env=prod"),
    ("anything abnormal in us-west-2 yesterday?", "anomalies yesterday region=us-west-2"),
    ("savings plan costs this month", "this month charge-class=recurring,one-time"),
    ("lambda per day this month", "this month service=lambda daily"),
    ("sqs cost last 3 mos", "last 3 months service=sqs"),
    ("biggest cost drops last week by service", "decreases last week by service"),
    ("whats the split between prod and dev", "tag:env=prod,dev by tag:env"),
    ("how much did we spend on black friday", "2026-11-27"),
    ("total spend in the last 12 months by month", "last 12 months monthly"),
)
