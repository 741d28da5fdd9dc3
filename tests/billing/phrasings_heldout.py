"""Held-out natural phrasings, written before the parser was taught bare words, comparisons, forecast and why.

Do not edit these to make them pass: they measure how the grammar meets phrasings it was not tuned on. Each
entry is (what a person types, what it should mean). The meaning is written in the bot's canonical grammar and
compared after parsing both; `!word` means "answered with a clear message that names `word`".
Today is Friday 2026-11-27 (see `tests/billing/phrasings.py` for the vocabulary).
"""

from __future__ import annotations

HELD_OUT: tuple[tuple[str, str], ...] = (
    ("ec2 last month", "last month service=ec2"),
    ("how much did we spend on s3 in october", "2026-10 service=s3"),
    ("rds costs this month by account", "this month service=rds by account"),
    ("show me lambda spend for q3", "2026-q3 service=lambda"),
    ("nov vs oct", "2026-11 vs 2026-10"),
    ("yesterday vs the day before", "yesterday vs 2026-11-25"),
    ("forecast", "forecast"),
    ("why did costs go up last week", "why last week"),
    ("cost by team last month", "last month by tag:team"),
    ("team=web last month", "last month tag:team=web"),
    ("tag:team=Web", "tag:team=web"),
    ("spend in us-east-1 by service", "region=us-east-1 by service"),
    ("production account last 30 days", "last 30 days account=production"),
    ("last quarter by region", "last quarter by region"),
    ("2026 by month", "2026 monthly"),
    ("daily ec2 cost for the last 2 weeks", "last 2 weeks service=ec2 daily"),
    ("top 5 services last month", "last month by service top 5"),
    ("whats our aws bill this month", "this month"),
    ("ec2 vs s3 last month", "last month service=ec2,s3 by service"),
    ("cloudfront in eu-west-1 yesterday", "yesterday service=cloudfront region=eu-west-1"),
    ("last month by servce", "last month by service"),
    ("lst month by account", "last month by account"),
    ("ec2 costs by instance type last month", "last month service=ec2 by usage-type"),
    # an account name and a tag value: the account, said with how to ask for the tag (was a refusal until the
    # account became the reading of a name that is both)
    ("what did staging cost in september", "2026-09 account=staging"),
    ("month to date by service", "this month by service"),
    ("ytd spend per account", "ytd by account"),
    ("breakdown by service and region for last month", "last month by service, region"),
    ("data transfer costs last month", "last month service=data-transfer"),
    ("compare this month with last month", "this month vs last month"),
    ("october 2026 vs september 2026 by service", "2026-10 vs 2026-09 by service"),
    ("amortized cost of rds for the past 3 months", "last 3 months service=rds amortized"),
    ("how much is the web team spending", "tag:team=web"),
    ("q3 2026 by account", "2026-q3 by account"),
    # `prod` alone: the production account (blind translators, 28 of 29); the env tag until the sixteenth batch
    ("kms in prod", "service=kms account=production"),
    ("s3 last 7 days daily", "last 7 days service=s3 daily"),
    ("costs for dynamodb last week compared to the week before", "last week service=dynamodb"),
    ("why is ec2 so expensive this month", "why this month service=ec2"),
    ("expected spend end of month", "forecast"),
    ("sqs jan", "2026-01 service=sqs"),
    ("eu-west-1 vs us-east-1 last month", "last month region=eu-west-1,us-east-1 by region"),
)
