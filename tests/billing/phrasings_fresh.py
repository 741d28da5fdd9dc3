"""Fresh phrasing batches, each written in one go before the parser changes they measure, and frozen.

Do not edit these to make them pass. Each entry is (what a person types in Slack, what it should mean), read
like `tests/billing/phrasings.py` (today is Friday 2026-11-27, which is Black Friday; the same vocabulary).
New canonical words the meanings use: `average` (the average cost per day), `anomalies` (unusual days of the
range), `increases` / `decreases` (groups ranked by their change against the previous like-for-like period).

`FRESH_1` was written after the grammar split and before any of the fixes it prompted (filler clauses, average,
anomalies, commitments, biggest increases, holidays): its first-sight score is `FRESH_1_FIRST_SIGHT`.
`FRESH_2` was written after those fixes, in a different style, before it was ever run (`FRESH_2_FIRST_SIGHT`).
`FRESH_3` was typed by people who never saw the grammar (finance close questions, terse engineers, polite
newcomers, non-native speakers), each with the command it was typed in and a meaning in plain English, which was
translated into the canonical grammar of that command (for `/tags`: `[key] [range]`; for `/top-resources`: `[N]
[range] [filters]`) before the grammar was run on it. Its first-sight score (`FRESH_3_FIRST_SIGHT`, on the
grammar before any change it prompted) is the figure README quotes. Relative ranges read by the grammar's
documented rule (`last 2 wks` is the two whole weeks before this one), where the writer counted days back from
today. Meanings the bot cannot answer as asked are written as the message it should give (`!budget`: a refusal
naming `budget`), or as the nearest answer the writer accepted (`forecast 2026`: the year so far with the
month-end forecast). A `/tags` refusal that names the first word as an unknown tag key counts as `refused`
under the scorer's rule, though it is hardly more useful than a generic one (3 of the 34 at first sight).
`FRESH_4` was typed the same way by another person who never saw the grammar, in five voices (a FinOps analyst's
jargon, a terse on-call engineer's abbreviations and typos, an executive's two-clause sentences, team leads'
"my team", non-native word order) with dates pasted from elsewhere (`11/03`, `Nov 3-10`, `week 46`, `the 15th`),
translated by the same conventions, and scored on the grammar before any change it prompted
(`FRESH_4_FIRST_SIGHT`). Where the writer marked a question NOT SUPPORTED, the meaning is the nearest answer the
writer named (`Azure` -> the AWS total this month), except budgets, which the bot keeps elsewhere (`!budget`).
Where the writer's meaning has no canonical form, the meaning is the message naming the word that asks for it
(`amortized vs unblended`: one basis at a time, `!unblended`; a `/tags` filter: `!prod`, until `/tags` took filters,
see below; a `/tags` comparison: `!improved`; `support` on a bill without a Support service: `!support`); where a
place is ambiguous in the meaning too (`in staging`: the account or the env tag), `!staging`. A presentation detail
the writer put in brackets that the text does not ask for (`(monthly)`) is left out. One translation slip was found
after the batch was frozen and is left as it is: `since start of Q4` was written `project this quarter` where
FRESH_3's convention gives `since 2026-10-01` (the same days with data, a different end), so it counts as wrong.
After the general rules it prompted (words left out and said, what the bill does not hold refused by name,
Slack formatting, short forms, pasted dates, `/tags` in plain words after a key) it is 34 right, 14 refused
naming the word, 2 wrong, which no longer counts as a fresh measurement.
`FRESH_5` was typed by a third person who never saw the grammar (an engineering manager's quarterly review, a
data engineer, a finance controller's accruals, a hesitant junior developer, a platform engineer on mobile Slack,
someone who knows only product names) and translated blind by the same conventions by someone who did not run the
typed texts. It was first run on the grammar after the fourth batch's rules and the tolerant reader, which were
written without it: `FRESH_5_FIRST_SIGHT` is that figure (the grammar of the third batch scored it 11 right, 33
refused, 6 wrong). Only one rule has been added since, prompted by a note on the fourth batch (`net of credits` is
the total as it is, not a filter keeping only the credits).
`FRESH_6` was typed by a fourth person who never saw the grammar (an on-call SRE, a VP of finance's board numbers,
colleagues whose first language is not English, a product manager, an analyst in Cost Explorer's words, an intern)
and translated blind by a fifth, who wrote `/tags` filters as `[key] [filters] [range]`. It was first run on the
grammar after the rules that answer as near as the bill allows (fiscal years, account-or-tag names, invoices and
unit costs, usage-type families, spans to now, the question without an unknown word in its refusal), written
without it, except that its first five lines had been glimpsed when the file was written (`rn`, `atm`, `asap`
were words of the writer's brief): `FRESH_6_FIRST_SIGHT`. The grammar at the start of that work scored it 22
right, 16 refused naming a word, 12 wrong.
`FRESH_7` was typed by a fifth person who never saw the grammar (a CTO on a phone, a team lead in a stand-up
thread, a procurement analyst, a support engineer in an incident, a data scientist, someone dictating by voice)
and translated blind by a sixth. It was first run on the grammar after the rules the sixth batch prompted, written
without it: `FRESH_7_FIRST_SIGHT` (the grammar at the start of that work: 16 right, 26 refused, 8 wrong).
When `/tags` learnt filters (`[key] [filters] [range]`), the meanings that were a refusal only because `/tags` had
none (FRESH_3's `!Platform`, FRESH_4's `!prod` and `!ec2`, FRESH_5's `!data-lake`, `!stagign` and `!Glue`) became
the filtered answer the writer described (`project last quarter team=Platform`; FRESH_5's `stagign` the staging
account, as FRESH_7's translator wrote `stagign spend`). The first-sight figures are history and stay as they were.
`FRESH_8` was typed by a sixth person who never saw the grammar (a founder watching the runway, a DevOps engineer in
Europe, an accountant closing the books, an ML engineer, someone relaying others' questions, a very polite
colleague) and translated blind by a seventh. It was first run on the grammar after every rule of the sixth and
seventh batches, the Ask that button and `/tags` filters, written without it: `FRESH_8_FIRST_SIGHT` (the grammar
at the start of that work: 13 right, 26 refused, 11 wrong).
`FRESH_9` was typed by a seventh person who never saw the grammar (a security engineer, a QA lead running load
tests, a head of engineering comparing teams, a billing admin in the console's words, a customer success person,
someone typing on a phone with no grammar) and translated blind by an eighth. It was first run on the grammar after
the eighth batch's rules, written without it: `FRESH_9_FIRST_SIGHT` (the grammar at the start of that work: 16
right, 28 refused, 6 wrong).
`FRESH_10` was typed by an eighth person who never saw the grammar (a reliability manager's postmortem, a sales
engineer's product words, an ESG analyst, an intern pasting an email thread, a senior engineer's CLI-like asks, a
team lead's emoji and shorthand) and translated blind by a ninth. It was first run on the grammar after the ninth
batch's rules, written without it: `FRESH_10_FIRST_SIGHT` (the grammar at the start of that work: 13 right, 20
refused, 17 wrong).
`FRESH_11` was typed by a ninth person who never saw the grammar (a new FinOps hire in the AWS docs' words, a game
studio's backend lead in launch week, a research lab's admin with grants, an executive's two words, a developer
mixing Spanish or French in, follow-ups written as if the bot remembered the last question) and translated blind
by a tenth. It was first run on the grammar after the tenth batch's rules, written without it:
`FRESH_11_FIRST_SIGHT` (the grammar at the start of that work: 13 right, 25 refused, 12 wrong). The bot reads each
message on its own: a follow-up (`and for staging?`) is translated as the whole question its writer meant.
`FRESH_12` and `FRESH_13` were typed by a tenth and an eleventh person who never saw the grammar (a finance manager
at the monthly close, an engineering manager, an SRE paged about a spike, a product owner, an executive assistant
for the CFO, a platform engineer; a data engineer writing SQL-ish, a security engineer, a FinOps practitioner in
Azure's and GCP's words, an account manager, a hedging junior developer, someone asking two things at once) and
translated blind by two others. Both were first run on the grammar at the start of that work (commit 4168b48),
written without them: `FRESH_12_FIRST_SIGHT` and `FRESH_13_FIRST_SIGHT`.
`FRESH_15` and `FRESH_16` were typed by a twelfth and a thirteenth person (a FinOps analyst doing chargeback, a
Kubernetes platform engineer, a support engineer chasing a jump, a founder on a phone, a data scientist with GPUs,
a procurement manager; a finance manager, an engineering manager, a backend developer, an SRE, a CTO, a product
manager on an ordinary day) and translated blind by two others; both first run on the grammar after the twelfth
and thirteenth batches' rules (commit 2667415), written without them.
`FRESH_14`, `FRESH_17` and `FRESH_18` were typed by three more people and translated blind by three others while
the twelfth to sixteenth batches' rules were written; the first two were held back unread until the end of that
work and only scored (their first sight is on the grammar at its start, 4168b48); the third was scored on 4168b48
(29/7/14), then read on ac6675c, which is its first sight, and prompted a few rules.
`FRESH_19` and `FRESH_20` were typed by two more people and translated blind by two others at the end of that
work: the nineteenth was scored on 4168b48 (31/8/11), then read on 07fa3e2 (its first sight) and prompted a few
rules; the twentieth was held back unread and only scored (first sight on 4168b48).
`FRESH_21` and `FRESH_22` were typed by two more people and translated blind by two others at the very end: the
twenty-first was scored on 4168b48 (27/15/8), read on 9005b8a (its first sight) and prompted a few rules; the
twenty-second was held back unread and only scored (first sight on 4168b48).
`FRESH_23` to `FRESH_26` were typed by four more people who never saw the grammar and translated blind by four others
(who read the conventions above on 6d255f6 and never ran the typed texts), in the next stop of work, with a writer's
brief rewritten from scratch (voices: a head of FinOps after Black Friday, Indian-English engineers, a chief of staff,
a re-billing contractor, a network engineer; a CEO on a phone, an SRE in an incident, a Kubernetes admin, an invoice
reconciler, a German colleague, a marketing manager; an Australian lead, an SQL analyst, a new graduate, a head of
platform cutting costs, a month-end closer, a 3am on-call phone typist; a French developer, a CTO's board update, a
load tester, a security engineer, a product manager, a FinOps practitioner in CUR words). The first sight of each is
on 6d255f6, the grammar at the start of that work. They were much harder than the earlier batches at first sight.
The twenty-third was read at once and prompted rules; the twenty-fourth was scored on b228fbd (17/18/15) before it
was read (its translator's note quoted a few of its words); the twenty-sixth on 216aef6 (15/21/14) before it was
read; the twenty-fifth was held back unread to the end and only scored.
The twenty-fourth, twenty-fifth and twenty-sixth were written with the grammar of a session that had already read
the twelfth to twenty-second batches, so they measure how far rules written for other people's words reach.
`FRESH_27` to `FRESH_30` were typed and translated the same way later in that stop (a mobile team lead, a Portuguese
speaker, a controller, a data platform engineer, an engineering director, customer support after an outage; a solo
DevOps person, a UK finance analyst, an SRE manager's post-incident review, a procurement lead, a junior data
scientist, questions pasted from email; a staff engineer's nested questions, Italian and Spanish colleagues, an
intern, an ops manager in spreadsheets, team leads defending their spend, Friday one-liners; a cloud architect
before a Graviton move, Japanese and Korean engineers, a finance VP, a developer after a Budgets alert, a storage
admin, a weekly ops review). First sight on 6d255f6; each was also scored on the grammar of its day before it was
read (the twenty-seventh 19/21/10 on d102551, the twenty-ninth 19/20/11 and the thirtieth 17/17/16 on 3e1203b);
the twenty-eighth was held back unread to the end and only scored (20/13/17 on d102551).
`FRESH_31` and `FRESH_32` were typed and translated the same way at the very end (a head of engineering in a 1:1,
Dutch and Scandinavian engineers, a platform rotation answering others, an accountant in GL codes and periods, a
search engineer, a bored engineer poking the bot; a COO in business words, a DBA, a release manager, dashboard
numbers pasted for confirmation, a weekly FinOps review, very short questions with typos) and held back unread:
only scored, first sight on 6d255f6. One of the thirty-second's questions crashed the parser at first scoring (a
rewrite indexed past a list another had shortened); the fix is general and its figure is after it.
`FRESH_33` to `FRESH_39` were typed and translated the same way in the stop after (writers' briefs as before, new
voices: an agency account manager, an SRE watching Black Friday live, a finance partner in quarters and run rates, a
developer in week one, a VP of sales, an ML engineer; a lowercase Slack power user, a Polish or Russian engineer, a
week-over-week manager, an internal auditor, the data team's lead, thread follow-ups; a Latin American analyst, a
release engineer before and after a deploy, search's product owner, an executive assistant, a cloud architect, a
phone typist; a Monday SRE review, an unsure office manager, a month-end accountant, a Lambda developer, a German
platform engineer, thread replies; a head of data, a founder on a phone, a security lead, a marketing manager, a
Kubernetes team, an intern's spreadsheet; an engineering manager's QBR, a Brazilian developer, a procurement lead,
an on-call engineer at night, an SQL analyst, a CFO's assistant; a French controller, a DevOps lead shutting staging
for the holidays, checkout's product manager, a team lead feeling blamed, a data transfer investigation, messages
of two to five words). First sight of each on c9253c5, the grammar at the start of that work. The thirty-third to
thirty-fifth were held back unread to the end and only scored; the thirty-sixth to thirty-ninth were scored on
the grammar of their day, then read, and prompted rules.
`FRESH_40` to `FRESH_42` were typed and translated the same way at the very end of that stop (a head of
infrastructure budgeting next year, an SRE from Spain, a customer success manager, a junior FinOps analyst, a
backend engineer after a memory leak, a tired late-night DM; a Japanese engineer's formal English, a data engineer,
a CFO's investor update, a platform engineer on tagging hygiene, a QA lead after a load-test weekend, questions
pasted out of email threads; an Australian startup's operations manager, an SRE tracking a slow creep, a
procurement analyst on Savings Plans and RIs, a developer with one bucket and one table, an executive assistant,
two questions in one message) and held back unread: only scored, first sight on c9253c5.
`FRESH_43` to `FRESH_47` were typed and translated the same way in the stop after (new voices: a game studio's
live-ops engineer on a launch weekend, an Indian backend developer's terse English, a finance director planning
2027, the platform team's chargeback owner, a new CTO, replies in a thread; a Dutch data analyst, a support engineer
tying a customer's complaint to cost, a sustainability lead, an SRE's outage review, checkout's product manager,
people typing in a hurry; a contractor billing by project, an accountant reconciling the invoice, an engineer
migrating from us-east-1 to eu-west-1, the owner of EKS costs, a manager asking vague questions, a nervous intern;
a retail merchandising analyst, an SRE paged at 3am, a FinOps practitioner in FOCUS and Cost Explorer terms, a
new-grad developer, a UK finance manager, thread follow-ups; a security engineer, a data scientist with GPU jobs, a
CFO before the board, a platform lead doing chargeback, a support manager with a customer on the line, pasted
numbers). The forty-third to forty-fifth, first sight on 7f00e05 (the grammar at the start of that stop), were
scored unread, then read, and prompted rules; the forty-sixth and forty-seventh, first sight on a7459e7 (part way
through), were held back unread to the end and only scored; then they were read too, and two more were written
and translated the same way (a marketing analyst planning a holiday campaign, a staff engineer's precise long
questions, a finance business partner in cost centres, a developer on a phone, a team lead asking about their own
team, a number pasted from elsewhere; a South African engineer, an SRE planning a failover between regions, a head
of procurement negotiating with AWS, a data engineer after failed Glue jobs, an executive's one-liners, questions
about the bot's own numbers): `FRESH_48` and `FRESH_49`, first sight on 04a15b3, held back unread to the end and
only scored. They were read in the next stop, when three more were written and translated the same way, all first
sight on faac62b (the grammar at that stop's start): `FRESH_50` (a Brazilian developer writing English, a FinOps
practitioner in Cost Explorer's terms, a chief of staff preparing an all-hands, a platform engineer mid-refactor, an
on-call engineer on a phone, replies in a thread), read part way through that stop; `FRESH_51` (an Indian English
SRE lead, a data scientist on spot instances, a German engineer, an accounts-payable clerk at month end, a mobile
product manager in product words, a tired team lead on a Friday) and `FRESH_52` (the same six voices as `FRESH_50`,
written by another writer), held back unread to its end and only scored. Two more were written late in that stop,
first sight on ba25ec8, and read: `FRESH_53` (an engineering manager planning a quarter, a Japanese backend
engineer, an SRE in a cost-cutting drive, an assistant asking for a VP, a support engineer in product names, a
hurried typist of fragments) and `FRESH_54` (a French FinOps analyst, a data engineer worried about the lake, a
CFO's analyst on variance, a developer new to the bot, an on-call engineer mid-incident, a PM comparing features).
The stop after that wrote seven more the same way. First sight on 989364c (the grammar at its start): `FRESH_55` (a
Spanish-speaking architect, a controller doing accruals, an ML engineer, a security engineer, a polite new hire,
forwarded questions), read, and `FRESH_56` (an Australian ops engineer, a procurement lead, a product analyst in unit
economics, a DevOps engineer typing like a shell, an executive on a phone, a Korean data engineer), held back unread to
that stop's end and only scored. First sight on 26ff7cb: `FRESH_57` (a research-computing admin, a marketing
operations manager, a Polish SRE, a blunt CTO, a customer-success manager, a night-shift operator) and `FRESH_58` (a
FinOps lead in Cost Explorer terms, a junior developer, an Italian product owner, an engineer comparing regions, a
finance analyst in spreadsheet words, thread follow-ups), read, and `FRESH_59` (a Mexican QA engineer, an accountant
closing the quarter, a platform engineer mid-migration, a founder checking runway, an analyst half in SQL, a security
auditor), held back. First sight on 2729a71, read: `FRESH_60` (a Nigerian engineer, a merchandiser, a CFO's chief of
staff, a Kubernetes SRE, a sustainability lead, an intern asking several things) and `FRESH_61` (a French DevOps
engineer, a billing administrator, a data-platform lead, a young engineer in emoji and slang, a manager pasting Jira
tickets, a terse senior engineer). Late in that stop, first sight on df6dd8d: `FRESH_62` (a Vietnamese developer, a
head of engineering before the board, a game-day engineer, an accountant on amortisation, a product manager new to the
services, a phone's autocorrect) and `FRESH_63` (a Swedish SRE, a showback analyst, a developer in the console's page
names, a manager of a region migration, a finance partner wanting a format, thread replies), read, and `FRESH_64` (a
Brazilian data scientist, a COO wanting yes or no, a contractor billing a client, a platform lead after an outage, a
procurement analyst, a new SRE learning the bill), held back unread. The next stop read those three, and at first
sight on 5ce195a took `FRESH_65` (an Indian DevOps lead, a finance analyst reconciling the invoice, a data engineer
minding the data lake, a mobile app lead, a phone's dictation, a manager asking whether all is well) and `FRESH_66` (a
German platform engineer, a CFO with an auditor's mind, a FinOps practitioner in FOCUS and Cost Explorer terms, a
junior marketer, a sales engineer costing a feature, an engineer mid-incident), read, and `FRESH_67` (a Chinese
engineer, a team's budget owner, an SRE on call at 3am, a Graviton and region migration manager, a founder counting
runway, figures pasted from a dashboard) and `FRESH_68` (a British ops engineer, a tax and accounting specialist, a
data analyst wanting shapes, a security lead chasing unknown spend, a QA engineer on staging, a new manager writing
paragraphs), held back unread. Later in that stop, at first sight on 1068724: `FRESH_69` (a Filipino support engineer
in Taglish, a CTO writing an investor update, an ops manager in capitals, a cost analyst pasting dates in three
formats, thread follow-ups, a data scientist on spot instances) and `FRESH_70` (a Spanish engineer, an FP&A analyst,
a Kubernetes platform engineer, a product manager of checkout and search, a polite intern, a hurried person in emoji),
read, and `FRESH_71` (a Dutch SRE, a procurement person on commitments, a head of data, an accountant at month close,
a developer pasting alerts, a manager comparing in words) and `FRESH_72` (an Australian finance manager, a release
manager, a Russian engineer, a security engineer auditing regions, a customer-success lead, a VP asking yes or no),
held back unread. Last in that stop, at first sight on 975312b, held back unread: `FRESH_73` (a Montreal DevOps
engineer, a finance controller, an ML platform engineer, a support manager, follow-ups, a head of infrastructure) and
`FRESH_74` (a South African SRE, a CEO, a Japanese finance analyst, a DBA, a developer in asides, a FinOps analyst
on showback). The stop after, at first sight on e56f164: `FRESH_75` (an Irish platform engineer, a Korean data
engineer, a procurement manager preparing the commitment renewal, a marketing-operations lead, a security analyst
pasting alerts, a product manager of features), held back unread, and `FRESH_76` (a Polish backend developer, a
financial controller at month end, an intern in lowercase, an on-call engineer on a phone, a director comparing
years, an EKS platform engineer), read. Later in that stop, at first sight on 71e163f: `FRESH_77` (a Brazilian SRE,
a head of finance, a developer pasting logs and dashboards, a founder counting dollars, a data analyst wanting shapes,
an engineering manager asking for a team in a thread), read, and `FRESH_78` (a Scottish network engineer, an Indian
FinOps analyst, a CTO between meetings, a QA lead on staging and dev, a billing administrator, a machine-learning
engineer), held back unread.
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
    # `prod` alone: the production account (blind translators, 28 of 29); the env tag until the sixteenth batch
    ("any anomalies in prod?", "anomalies account=production"),
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
    # `prod` alone: the production account (blind translators, 28 of 29); the env tag until the sixteenth batch
    ("avg per day for prod last week", "average last week account=production"),
    ("anything abnormal in us-west-2 yesterday?", "anomalies yesterday region=us-west-2"),
    ("savings plan costs this month", "this month charge-class=recurring,one-time"),
    ("lambda per day this month", "this month service=lambda daily"),
    ("sqs cost last 3 mos", "last 3 months service=sqs"),
    ("biggest cost drops last week by service", "decreases last week by service"),
    ("whats the split between prod and dev", "tag:env=prod,dev by tag:env"),
    ("how much did we spend on black friday", "2026-11-27"),
    ("total spend in the last 12 months by month", "last 12 months monthly"),
)

#: Typed by people who never saw the grammar, each with its command, and frozen before it was run.
FRESH_3_FIRST_SIGHT = (8, 34, 8)

FRESH_3: tuple[tuple[str, str, str], ...] = (
    (
        "/cost",
        "What was our total AWS spend for October 2026, broken down by service, for the monthly close?",
        "2026-10 by service",
    ),
    ("/cost", "Can you give me the MoM variance by account between September and October?", "2026-10 by account"),
    (
        "/cost",
        "What's our current run rate, and where do you project November to land at month end?",
        "forecast 2026-11",
    ),
    ("/cost", "Please show QoQ spend for Q3 versus Q2, split by service.", "2026-q3 by service"),
    (
        "/cost",
        "How much did we pay in Savings Plans and Reserved Instance fees in H1?",
        "2026-01..2026-06 charge-class=recurring,one-time",
    ),
    (
        "/cost",
        "What is the YoY change in November spend, month to date versus the same days last year?",
        "this month vs 2025-11",
    ),
    (
        "/cost",
        "How much in credits have we received this FY, and what is our net spend after credits?",
        "ytd charge-class=credit",
    ),
    ("/cost", "What was the tax line on the bill for each month of Q3?", "2026-q3 service=tax monthly"),
    ("/tags", "What percentage of October's spend is allocated to a team via the team tag?", "team 2026-10"),
    ("/cost", "What's our variance against budget for October by account?", "!budget"),
    ("/cost", "ec2 yday by usage type", "yesterday service=ec2 by usage-type"),
    ("/cost", "why did prod jump tues??", "why 2026-11-24 account=production"),
    ("/cost", "any weird days in dynamo last 2 wks", "anomalies last 2 weeks service=dynamodb"),
    ("/top-resources", "top 10 ec2 instances us-east-1 this wk", "10 this week service=ec2 region=us-east-1"),
    ("/cost", "lamda daily since 1st", "since 2026-11-01 service=lambda daily"),
    (
        "/cost",
        "data xfer out eu-west-1 last 30d, daily pls",
        "last 30 days service=data-transfer region=eu-west-1 daily",
    ),
    ("/cost", "m5.large boxusage use1 last 7d", "last 7 days usage-type=USE1-BoxUsage:m5.large"),
    ("/cost", "eks staging acct cost by region mtd", "this month service=eks account=staging by region"),
    ("/top-resources", "biggest s3 buckets data-lake last month", "last month service=s3 account=data-lake"),
    ("/cost", "kms+sqs spend wk45", "2026-11-02..2026-11-08 service=kms,sqs"),
    ("/cost", "which svc grew most d/d yesterday", "increases yesterday by service"),
    ("/cost", "Where is most of our money going this year?", "this year by service"),
    ("/cost", "Are we on track to come in under last month's total?", "forecast"),
    ("/cost", "Show me the monthly trend over the last six months.", "last 6 months monthly"),
    (
        "/cost",
        "What were the biggest cost increases by service in Q3 compared to Q2?",
        "increases 2026-q3 by service",
    ),
    (
        "/cost",
        "How much are we burning per day on average in the data-lake account this quarter?",
        "average this quarter account=data-lake",
    ),
    ("/tags", "How does spend break down across teams in the first half of the year?", "team 2026-01..2026-06"),
    (
        "/cost",
        "Is checkout getting more expensive? Weekly view since September, please.",
        "since 2026-09-01 tag:project=checkout weekly",
    ),
    ("/cost", "What share of our bill is support and commitment fees versus actual usage?", "by charge-class"),
    ("/cost", "What drove the change in spend from September to October?", "why 2026-10"),
    (
        "/top-resources",
        "What are the 5 most expensive things we run in production right now?",
        "5 this month account=production",
    ),
    ("/cost", "At this pace, what will 2026 cost us in total?", "forecast 2026"),
    (
        "/cost",
        "Hi, sorry if this is a silly question, but could you tell me how much the compute part cost us last week?",
        "last week service=ec2",
    ),
    ("/tags", "Um, how much of our spending doesn't have labels on it? I think they're called tags?", ""),
    (
        "/cost",
        "I was asked to look into database costs. Would it be possible to see them for each day of this month?",
        "this month service=rds daily",
    ),
    (
        "/cost",
        "Could you please show me what the dev environment costs, by service, over the past 90 days?",
        "last 90 days tag:env=dev by service",
    ),
    (
        "/top-resources",
        "I'm trying to figure out which servers are the priciest in the staging account. Could you list them for "
        "October?",
        "2026-10 account=staging service=ec2",
    ),
    (
        "/cost",
        "Sorry, what does the reservation charge mean, and how much was it in October?",
        "2026-10 charge-class=recurring,one-time",
    ),
    (
        "/cost",
        "Would you be able to tell me the cost of the api team's stuff between the 2nd and the 15th of this month?",
        "2026-11-02..2026-11-15 tag:team=api",
    ),
    (
        "/tags",
        "Hello! Which label covers the most money on our bill, like which one is used the most, for last month?",
        "last month",
    ),
    (
        "/cost",
        "Hi, is there a way to see costs per zone, I mean the AWS locations, for the search project since the start "
        "of the year?",
        "since 2026-01-01 tag:project=search by region",
    ),
    (
        "/tags",
        "Apologies, I'm new here. Is it possible to see who created the resources that cost the most money in "
        "September?",
        "aws:createdBy 2026-09",
    ),
    ("/cost", "cost of s3 from 03/11 until 17/11 please, per day", "2026-11-03..2026-11-17 service=s3 daily"),
    (
        "/cost",
        "How much is costing the RDS in account production in the month of September?",
        "2026-09 service=rds account=production",
    ),
    (
        "/cost",
        "Please compare the cost of 10th of November with the same day of the week before",
        "2026-11-10 vs 2026-11-03",
    ),
    ("/tags", "For team Platform what is the cost per project, last quarter", "project last quarter team=Platform"),
    (
        "/cost",
        "In which region we spend the most for Glue since beginning of August?",
        "since 2026-08-01 service=glue by region",
    ),
    (
        "/cost",
        "Give me the days with unusual cost for account data-lake in october month",
        "anomalies 2026-10 account=data-lake",
    ),
    (
        "/top-resources",
        "dynamo tables most expensive, between 1.10 and 15.10",
        "2026-10-01..2026-10-15 service=dynamodb",
    ),
    (
        "/cost",
        "Which usage types are decreasing most from September to October for EC2?",
        "decreases 2026-10 service=ec2 by usage-type",
    ),
)

#: Typed by people who never saw the grammar (analysts, on-call engineers, executives, team leads, non-native
#: speakers, pasted dates), each with its command, and frozen with its score on the grammar before any change.
FRESH_4_FIRST_SIGHT = (10, 36, 4)

FRESH_4: tuple[tuple[str, str, str], ...] = (
    ("/cost", "amortized vs unblended for nov MTD, by account pls", "!unblended"),
    ("/cost", "prd ec2 spike last night?? us-e-1", "why yesterday service=ec2 account=production region=us-east-1"),
    (
        "/cost",
        "What is our projected AWS spend for November, and how does that compare with what we actually spent in "
        "October?",
        "forecast 2026-11",
    ),
    (
        "/cost",
        "how much my team is spending on the lambda this month? we are team api",
        "this month service=lambda tag:team=api",
    ),
    ("/cost", "ddb stg cost 11/03", "2026-11-03 service=dynamodb account=staging"),
    ("/cost", "showback for october by team tag, include untagged as its own line", "2026-10 by tag:team"),
    ("/cost", "why did cf go up since thanksgiving :fire:", "why 2026-11-26..2026-11-27 service=cloudfront"),
    (
        "/cost",
        "Nov 3-10 vs Nov 17-24, data-lake only, by service",
        "2026-11-03..2026-11-10 vs 2026-11-17..2026-11-24 account=data-lake by service",
    ),
    ("/cost", "run rate", "forecast"),
    (
        "/cost",
        "What is the cost of the S3 in region eu-west-1 for the last month?",
        "last month service=s3 region=eu-west-1",
    ),
    ("/cost", "*total* burn FY26 so far", "ytd"),
    ("/cost", "glue costs week 46", "2026-11-09..2026-11-15 service=glue"),
    ("/cost", "compare black friday today against this time last year", "2026-11-27 vs 2025-11-28"),
    (
        "/cost",
        "How much did we pay in tax and support in Q3, and is that line growing quarter over quarter?",
        "!support",
    ),
    ("/cost", "RI + SP fees last month, amortised pls", "last month charge-class=recurring,one-time amortized"),
    ("/cost", "any weird days in prod past fortnight?", "anomalies last 2 weeks account=production"),
    ("/cost", "how much credits we got applied on this year", "this year charge-class=credit"),
    ("/cost", "eks by usage type mtd", "this month service=eks by usage-type"),
    (
        "/cost",
        "RDS cost in production is higher then normal? please compare with previous week",
        "this week service=rds account=production",
    ),
    (
        "/cost",
        "data transfer out by region, `2026-11-01` to `2026-11-26`, daily",
        "2026-11-01..2026-11-26 service=data-transfer by region daily",
    ),
    ("/cost", "are we over budget for Q4?", "!budget"),
    ("/cost", "how does our AWS bill compare to what we spend on Azure", "this month"),
    ("/cost", "can u send me the october invoice pdf for finance", "2026-10 by service"),
    ("/cost", "how much did Priya's experiments cost us", "this month by tag:aws:createdBy"),
    ("/cost", "unit cost per order for checkout this month", "this month tag:project=checkout daily"),
    ("/cost", "the checkout thing, how much it cost us end of last month", "2026-10 tag:project=checkout"),
    ("/cost", "lamdba cost yday", "yesterday service=lambda"),
    ("/cost", "stagging account cost by service this week", "this week account=staging by service"),
    (
        "/cost",
        "kms + sqs in dl acct, monthly since june",
        "since 2026-06-01 service=kms,sqs account=data-lake monthly by service",
    ),
    (
        "/cost",
        "For the board deck I need monthly totals for this calendar year broken down by account, please exclude tax "
        "and credits.",
        "this year by account monthly service!=tax charge-class!=credit",
    ),
    ("/cost", "ec2 ap-southeast-2 since the 15th", "since 2026-11-15 service=ec2 region=ap-southeast-2"),
    (
        "/cost",
        "what we spent over the holidays last year vs normal weeks \N{CHRISTMAS TREE}",
        "2025-12-20..2026-01-04 vs 2025-12-06..2025-12-19 daily",
    ),
    (
        "/cost",
        "What percentage of our compute is covered by commitments right now?",
        "this month service=ec2 by charge-class",
    ),
    (
        "/cost",
        "chargeback dev env to platform team: how much did env=dev spend last month, per service",
        "last month tag:env=dev by service",
    ),
    ("/cost", "us-w-2 vs us-e-1 total this month", "this month region=us-west-2,us-east-1 by region"),
    (
        "/cost",
        "Please tell me the cost of day 3rd Nov for production account, separated by service",
        "2026-11-03 account=production by service",
    ),
    ("/top-resources", "top 10 ec2 in prd", "10 this month service=ec2 account=production"),
    ("/top-resources", "biggest s3 buckets by cost last month", "last month service=s3"),
    ("/top-resources", "which RDS instances are eating the money in staging since thanksgiving?", "!staging"),
    (
        "/top-resources",
        "most expensive dynamo tables for team data, Nov 3-10",
        "2026-11-03..2026-11-10 service=dynamodb tag:team=data",
    ),
    (
        "/top-resources",
        "Which five individual resources cost us the most in the data-lake account this quarter?",
        "5 this quarter account=data-lake",
    ),
    ("/top-resources", "lambda fns top spend yesterday eu-west-1", "yesterday service=lambda region=eu-west-1"),
    ("/top-resources", "who owns the most expensive instance?", "this month service=ec2"),
    (
        "/top-resources",
        "top cloudfront distros past fortnight plz \N{PERSON WITH FOLDED HANDS}",
        "last 2 weeks service=cloudfront",
    ),
    ("/tags", "how much of our spend is untagged by team?", "team"),
    ("/tags", "env tag coverage in prod acct last month", "env last month account=production"),
    ("/tags", "project tag breakdown for the checkout, search, data since start of Q4", "project this quarter"),
    (
        "/tags",
        "What share of the bill can we allocate to a team today, and has that improved since September?",
        "!improved",
    ),
    ("/tags", "createdby tag - which one created most cost?", "aws:createdBy"),
    # the Platform team among the team values of EC2
    ("/tags", "Plattform team tag coverage on ec2", "team service=ec2"),
)

#: Typed by a third person who never saw the grammar; first run on the grammar written without it.
FRESH_5_FIRST_SIGHT = (18, 24, 8)

FRESH_5: tuple[tuple[str, str, str], ...] = (
    # no quarterly step in the grammar: the year so far by month, which adds up per quarter
    ("/cost", "how did our total spend evolve quarter over quarter this year, Q1 through Q4 so far?", "ytd monthly"),
    # `top movers` by absolute change has no canonical form: the ranking by change (rises) against Q2
    ("/cost", "Q3 vs Q2 by service, I need the top movers for the QBR deck", "increases 2026-q3 by service"),
    (
        "/cost",
        "how has the data-lake account's share of total spend changed since July?",
        "since 2026-07-01 by account monthly",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4
    ("/cost", "what will November land at and how does that compare to our budget for the quarter?", "!budget"),
    (
        "/cost",
        "for the quarterly review: how did the prod vs staging split evolve over the last 3 full months",
        "last 3 months account=production,staging by account monthly",
    ),
    # this quarter's complete days against the same stretch of Q3, what moved most by service
    ("/cost", "Q4 so far compared to the same weeks of Q3, which services grew the most and why?", "why this quarter"),
    ("/cost", "glue spend on data-lake last 2 weeks, daily", "last 2 weeks service=glue account=data-lake daily"),
    # no crawler usage type in the vocabulary: Glue by usage type, the crawler line among them
    ("/cost", "how much did our crawlers cost in Oct vs Sept", "2026-10 service=glue by usage-type"),
    (
        "/top-resources",
        "most expensive s3 buckets in the data-lake account this month",
        "this month service=s3 account=data-lake",
    ),
    (
        "/cost",
        "S3 in the lake account by usage type since Halloween - is it storage or requests eating the money?",
        "since 2026-10-31 service=s3 account=data-lake by usage-type",
    ),
    ("/top-resources", "which glue jobs burned the most the week of the 9th", "2026-11-09..2026-11-15 service=glue"),
    # a service not on the bill, like FRESH_4's `support`
    ("/cost", "athena query costs for the lake in 10/2026", "!athena"),
    (
        "/cost",
        "data transfer out of the data-lake account by region, the 1st to the 15th",
        "2026-11-01..2026-11-15 service=data-transfer account=data-lake by region",
    ),
    (
        "/tags",
        "how much of the data-lake spend is tagged with project, and which projects",
        "project account=data-lake",
    ),
    # `net of credits` is credits included (the default), not the `net` basis
    ("/cost", "total for October net of credits, excluding tax, for the accrual", "2026-10 service!=tax"),
    (
        "/cost",
        "November accrual estimate: MTD actuals plus forecast to month end, excl. tax",
        "forecast 2026-11 service!=tax",
    ),
    (
        "/cost",
        "how much did we pay in RI and Savings Plan fees in Q3, by month",
        "2026-q3 charge-class=recurring,one-time monthly",
    ),
    (
        "/cost",
        "what credits did we get applied in October and against which services?",
        "2026-10 charge-class=credit by service",
    ),
    # no Support service on the bill, as in FRESH_4
    ("/cost", "Support plan charge for 2026-10 and 2026-09", "!support"),
    # NOT SUPPORTED (invoice): the writer's nearest, October by charge class
    ("/cost", "can you reconcile the October invoice INV-88231 against cost explorer", "2026-10 by charge-class"),
    ("/cost", "October tax by account please", "2026-10 service=tax by account"),
    (
        "/cost",
        "October total per account and service, gross, before credits",
        "2026-10 by account, service charge-class!=credit",
    ),
    # no range typed: the writer's three months and November so far
    (
        "/cost",
        "hi, sorry if this is a dumb question, but how much does the staging account cost us per month, and is that "
        "normal compared to production or should I be worried?",
        "since 2026-08-01 account=staging,production by account monthly",
    ),
    # the writer's optional team=api left out
    (
        "/cost",
        "I was told to check whether the Lambda functions I deployed on Monday (the ones for the api, I think they're "
        "in us-west-2?) made costs go up, how would I see that?",
        "2026-11-16..2026-11-27 service=lambda region=us-west-2 daily",
    ),
    (
        "/top-resources",
        "um, which are the biggest EC2 instances in staging? (is staging the one that's 210987654321 or am I mixing it "
        "up?)",
        "this month service=ec2 account=staging",
    ),
    # against the two days before, like FRESH_4's `since thanksgiving`
    (
        "/cost",
        "could you tell me why costs jumped yesterday and today compared to the rest of the week, or is it just Black "
        "Friday traffic?",
        "why 2026-11-26..2026-11-27",
    ),
    (
        "/tags",
        "I'm supposed to tag my stuff with team but I'm not sure everyone does, what % of spend has a team tag right "
        "now?",
        "team this month",
    ),
    # NOT SUPPORTED (console): the writer's nearest, last month by charge class
    (
        "/cost",
        "sorry, what's the difference between what the AWS console shows and what this bot says for last month, does "
        "the bot include tax and support?",
        "last month by charge-class",
    ),
    (
        "/cost",
        "how much did the dev environment cost last weekend, and does that include the stuff that runs on weekends "
        "automatically, like the schedulers?",
        "2026-11-21..2026-11-22 tag:env=dev by service",
    ),
    ("/cost", "ec2 7d by rgn", "last 7 days service=ec2 by region"),
    ("/cost", "rds wow prod", "this week service=rds account=production"),
    # service is filtered once: tax and credits left out by charge class
    ("/cost", "ec2/rds mom w/o tax excl. credits", "this month service=ec2,rds charge-class!=tax,credit"),
    ("/cost", "eks qtd by acct,region", "this quarter service=eks by account, region"),
    ("/top-resources", "top 10 ec2 us-eats-1 last 2w", "10 last 2 weeks service=ec2 region=us-east-1"),
    ("/cost", "dynamo anomalies 30d", "anomalies last 30 days service=dynamodb"),
    ("/cost", "cloudfornt daily since mon", "since 2026-11-23 service=cloudfront daily"),
    ("/cost", "kms+sqs euwest1 mtd", "this month service=kms,sqs region=eu-west-1"),
    # `stagign` spend: the staging account, as FRESH_7's translator wrote `stagign spend`
    ("/tags", "aws:createdBy coverage stagign", "aws:createdBy account=staging"),
    (
        "/cost",
        "how much did the checkout cost us on Black Friday last year vs today",
        "2025-11-28 vs 2026-11-27 tag:project=checkout",
    ),
    # `the website` read as the web team, the writer's nearest mapping
    ("/cost", "what's the website costing us this month vs same period last month", "this month tag:team=web"),
    ("/cost", "did search get more expensive since Halloween?", "since 2026-10-31 tag:project=search"),
    ("/top-resources", "which lambdas cost the most for the api this week", "this week service=lambda tag:team=api"),
    ("/top-resources", "what are the most expensive things behind the checkout", "this month tag:project=checkout"),
    # the api team is another tag key: it cannot sit beside project values in one grouping
    (
        "/cost",
        "how much does each of our products cost, checkout vs search vs the api, first week of November",
        "2026-11-01..2026-11-07 tag:project=checkout,search by tag:project",
    ),
    # NOT SUPPORTED (orders): the writer's nearest
    ("/cost", "what's the cost per order for the checkout on Black Friday?", "2026-11-27 tag:project=checkout"),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this month
    ("/cost", "how does our AWS bill compare to what we spend on GCP", "this month"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "cost per engineer this quarter? need it for headcount planning", "this quarter by tag:team"),
    # NOT SUPPORTED (names): the writer's nearest
    (
        "/top-resources",
        "who launched the biggest instances in data-lake last month? need names",
        "last month service=ec2 account=data-lake",
    ),
    ("/tags", "env tag split prod vs dev vs staging for Q3, and how much was untagged", "env 2026-q3"),
    ("/tags", "how much of Glue is tagged by team in ap-southeast2", "team service=glue region=ap-southeast-2"),
)

#: Typed by a fourth person, translated blind by a fifth; first run on the grammar written without it.
FRESH_6_FIRST_SIGHT = (24, 14, 12)

FRESH_6: tuple[tuple[str, str, str], ...] = (
    # no range typed (`rn`): the writer's week to today, unusual days of EC2
    ("/cost", "wtf is going on with ec2 rn", "anomalies 2026-11-20..2026-11-27 service=ec2"),
    # the writer's two days side by side, today against yesterday
    ("/cost", "data transfer spike atm?? since yesterday", "since 2026-11-26 service=data-transfer daily"),
    # `last couple of days` by the grammar's rule (the writer counted today in)
    ("/cost", "prod account lambda last couple of days asap", "last 2 days service=lambda account=production daily"),
    # last weekend against the weekend before, not the two days just before it
    ("/cost", "why did costs jump over the weekend", "why 2026-11-21..2026-11-22 vs 2026-11-14..2026-11-15"),
    ("/cost", "any weird days in the past fortnight", "anomalies last 2 weeks"),
    ("/cost", "how are we tracking for November? ballpark is fine", "forecast 2026-11"),
    # run rate is the forecast; the writer's months since August by month beside it
    ("/cost", "what's our monthly run rate, bottom line", "forecast since 2026-08-01 monthly"),
    ("/cost", "YoY for October, total", "2026-10 vs 2025-10"),
    # FY read as the calendar year, as the writer assumed (FRESH_4's `FY26 so far`: `ytd`)
    ("/cost", "burn this FY by month", "ytd monthly"),
    # H2 so far; H1 is the period it is compared with anyway
    (
        "/cost",
        "for the board deck I need H2 spend against H1, excluding tax and credits please, just the headline number",
        "2026-07..2026-12 service!=tax charge-class!=credit",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 and FRESH_5
    ("/cost", "are we within the Q4 budget?", "!budget"),
    ("/cost", "how much costed EC2 in last month", "last month service=ec2"),
    ("/cost", "kindly share the costs of the october per service", "2026-10 by service"),
    (
        "/cost",
        "can you me the S3 costs for data-lake account in September show?",
        "2026-09 service=s3 account=data-lake",
    ),
    ("/cost", "please tell me RDS cost since the 15th, per region", "since 2026-11-15 service=rds by region"),
    # September is the period October is compared with anyway
    ("/cost", "how much we have paid for the glue in 2026/10 and 09/26", "2026-10 service=glue"),
    ("/cost", "how much does the search feature cost us", "this month tag:project=search"),
    (
        "/cost",
        "hi, PM for checkout here - can you tell me how much the checkout flow cost this month so far compared to the "
        "same point last month, split by service?",
        "this month tag:project=checkout by service",
    ),
    ("/cost", "what's my team's stuff costing? I'm on api", "this month tag:team=api"),
    ("/cost", "which team spends most, by service too", "this month by tag:team, service"),
    (
        "/cost",
        "unblended cost group by linked account and service, granularity monthly, previous 3 months",
        "last 3 months by account, service monthly unblended",
    ),
    # two bases side by side have no canonical form: one basis at a time, as in FRESH_4
    ("/cost", "amortized vs unblended for RI and savings plan fees Oct", "!unblended"),
    # the stored usage type of eu-west-1 is `EU-DataTransfer-Out-Bytes`; the service is not typed, so not filtered
    (
        "/cost",
        "filter on usage type DataTransfer-Out-Bytes, eu-west-1, granularity daily, mid-October to now",
        "since 2026-10-15 usage-type=EU-DataTransfer-Out-Bytes region=eu-west-1 daily",
    ),
    ("/cost", "top usage types for EC2 Nov 1st till now", "since 2026-11-01 service=ec2 by usage-type"),
    ("/cost", "hey bot how much is dynamo db this week lol", "this week service=dynamodb"),
    # `10 days back` by the grammar's rule (the writer counted today in)
    ("/cost", "ec2 in us-east1 pls 🙏 10 days back", "last 10 days service=ec2 region=us-east-1"),
    ("/cost", "lamda costs last tuesday thx", "2026-11-24 service=lambda"),
    ("/cost", "kms + sqs beginning of the month till now", "since 2026-11-01 service=kms,sqs by service"),
    (
        "/cost",
        "cost of prodution acct ap-southeast2 since sept",
        "since 2026-09-01 account=production region=ap-southeast-2 monthly",
    ),
    # NOT SUPPORTED (names): the writer's nearest
    ("/cost", "how much did John's instances cost", "this month service=ec2 by tag:aws:createdBy"),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this quarter
    ("/cost", "gcp vs aws spend this quarter", "this quarter"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "cost per engineer? we have 40 people", "this month"),
    ("/cost", "credits applied this year", "this year charge-class=credit monthly"),
    ("/cost", "eks cost by account and region last 30 days", "last 30 days service=eks by account, region"),
    # the forecast, to hold against the $100k by hand
    ("/cost", "will we blow past 100k this month", "forecast this month"),
    ("/cost", "is black friday costing us more than last year's", "2026-11-27 vs 2025-11-28"),
    # no range typed (`rn`): the writer's three days; `prod` meant as the account
    ("/top-resources", "what's eating money in prod rn", "2026-11-25..2026-11-27 account=production"),
    ("/top-resources", "kindly share the top 10 ec2 instances of the last month", "10 last month service=ec2"),
    ("/top-resources", "biggest s3 buckets in data lake by cost sept", "2026-09 service=s3 account=data-lake"),
    ("/top-resources", "most expensive dynamodb tables past fortnight", "last 2 weeks service=dynamodb"),
    (
        "/top-resources",
        "which rds instance costs the most in eu-west-1 this month",
        "this month service=rds region=eu-west-1",
    ),
    ("/top-resources", "hey which lambdas r the priciest lol", "this month service=lambda"),
    ("/top-resources", "top 5 resources for checkout since the 15th", "5 since 2026-11-15 tag:project=checkout"),
    # NOT SUPPORTED (names): the writer's nearest, as in FRESH_4
    ("/top-resources", "who launched the most expensive instance", "this month service=ec2"),
    ("/tags", "env coverage this month", "env this month"),
    ("/tags", "how much of our spend is tagged with team, last quarter", "team last quarter"),
    ("/tags", "proj tag coverage oct pls", "project 2026-10"),
    # a filtered tag breakdown (filters on `/tags` are new today)
    (
        "/tags",
        "is it possible to see the untagged costs for team in the staging account",
        "team account=staging this month",
    ),
    ("/tags", "aws:createdBy coverage the previous 3 months", "aws:createdBy last 3 months"),
    # NOT SUPPORTED (cost centers): the writer's nearest, the team tag's coverage
    ("/tags", "which cost centers are missing tags", "team this month"),
)

#: Typed by a fifth person, translated blind by a sixth; first run on the grammar written without it.
FRESH_7_FIRST_SIGHT = (17, 23, 10)

FRESH_7: tuple[tuple[str, str, str], ...] = (
    # the same days of last month are the comparison every answer makes anyway
    ("/cost", "ec2 mtd vs last mo", "this month service=ec2"),
    ("/cost", "where r we landing eom", "forecast"),
    # the writer's `monthly` kept, as FRESH_6 kept an unbracketed one
    ("/cost", "prod acct ytd", "ytd account=production monthly"),
    ("/top-resources", "biggest spenders this wk", "this week"),
    # no range typed: the writer's week up to today, Black Friday included
    ("/cost", "bf hitting cf yet", "2026-11-20..2026-11-27 service=cloudfront daily"),
    # like for like: the complete days of November against the same days of October
    ("/cost", "dl acct why up", "why this month account=data-lake"),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this month
    ("/cost", "whats gcp costing us", "this month"),
    # Q2 is the period Q3 is compared with anyway
    ("/cost", "rds q3 vs q2", "2026-q3 service=rds"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "cost per eng this yr", "this year"),
    (
        "/cost",
        "are we burning too much on lambda in staging this week?",
        "this week service=lambda account=staging daily",
    ),
    # the 7 days before the change are the period compared with anyway
    (
        "/cost",
        "did my change last week save anything on dynamo? rolled it out wed the 18th",
        "2026-11-18..2026-11-24 service=dynamodb",
    ),
    ("/tags", "what's my team's share, we're team=api", "team this month"),
    (
        "/cost",
        "how much is the data team spending on glue since the first",
        "since 2026-11-01 service=glue tag:team=data",
    ),
    (
        "/top-resources",
        "which of our api boxes are the priciest past 7 days",
        "last 7 days service=ec2 tag:team=api",
    ),
    (
        "/cost",
        "are we burning too much on S3 in data-lake compared to the other accounts",
        "this month service=s3 by account",
    ),
    # `the last month` by the grammar's rule (the writer counted a month back from yesterday)
    (
        "/cost",
        "is search still costing more than checkout over the last month or so",
        "last month tag:project=search,checkout by tag:project",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_6
    ("/cost", "how much budget does Platform have left this quarter", "!budget"),
    # a filtered tag breakdown (filters on `/tags` are new today)
    ("/tags", "how much of stagign spend has no env tag", "env account=staging this month"),
    # the writer's `monthly` kept
    ("/cost", "total AWS vendor spend for OPEX reporting, Oct-Nov", "2026-10..2026-11 monthly"),
    # the team tag is the cost center; untagged is its own group anyway
    ("/cost", "chargeback by cost center for October, use the team tag", "2026-10 by tag:team"),
    ("/cost", "showback per account and service last month", "last month by account, service"),
    # the writer's `monthly` kept
    ("/cost", "what did we pay in RI and savings plan fees YTD", "ytd charge-class=recurring,one-time monthly"),
    # refunds are the adjustment class; the writer's split by type and by month kept
    (
        "/cost",
        "any refunds or credits applied in the past quarter",
        "last quarter charge-class=credit,adjustment by charge-class monthly",
    ),
    ("/cost", "Tax by month this year for the accruals", "this year service=tax monthly"),
    # no Support service on the bill, as in FRESH_4 and FRESH_5
    ("/cost", "support plan true-up at end of Q3, what did we get charged", "!support"),
    # NOT SUPPORTED (commit): the writer's nearest, the year so far with this month's forecast line
    ("/cost", "are we on track to hit our EDP commit this year?", "forecast this year"),
    ("/tags", "project tag compliance for Oct, finance needs it for cost center mapping", "project 2026-10"),
    # NOT SUPPORTED (approvals): the writer's nearest
    ("/cost", "who approved the kms spend increase", "why this month service=kms"),
    # NOT SUPPORTED (hourly): the writer's nearest, a series per service
    (
        "/cost",
        "cloudfront + data transfer around 3pm today, customer says site is slow",
        "2026-11-20..2026-11-27 service=cloudfront,data-transfer daily by service",
    ),
    ("/cost", "did anything spike after the deploy on tuesday", "anomalies since 2026-11-24"),
    # the writer's week either side of the outage day
    (
        "/cost",
        "ec2 in us-esat-1 during the outage on 11.11.",
        "2026-11-04..2026-11-18 service=ec2 region=us-east-1 daily",
    ),
    ("/top-resources", "what was most expensive in eu-west-1 last fri", "2026-11-20 region=eu-west-1"),
    (
        "/top-resources",
        "which dynamo tables cost the most since the incident started on the 2nd of Nov",
        "since 2026-11-02 service=dynamodb",
    ),
    # the writer's grouping by account, every account listed
    ("/cost", "was the Nov 2 lambda spike in prod or staging", "2026-11-02 service=lambda by account"),
    # no median or variance in the grammar: the daily series they are computed from
    ("/cost", "median daily total cost over the last 90d, and its variance", "last 90 days daily"),
    # October is the period November is compared with anyway (its same days, not all 31)
    ("/cost", "per day on average for S3, Oct vs Nov so far", "average this month service=s3"),
    # no percentages in the grammar: the breakdown they are shares of
    ("/cost", "percentage of total spend by region in the past quarter", "last quarter by region"),
    # no percentiles in the grammar: the daily series they are computed from
    ("/cost", "distribution of daily EKS cost this month: p50, p90, max", "this month service=eks daily"),
    (
        "/cost",
        "weekly glue cost in data-lake since Sep 1, split by usage type",
        "since 2026-09-01 service=glue account=data-lake weekly by usage-type",
    ),
    ("/tags", "fraction of spend with env=prod vs env=dev vs untagged, YTD", "env ytd"),
    # the week before Thanksgiving is last week, compared with the week before it anyway
    (
        "/cost",
        "compare the week before Thanksgiving with two weeks ago, total and by service",
        "last week by service",
    ),
    (
        "/top-resources",
        "top 5 ec2 in prod us-east-1 for checkout since nov 1",
        "5 since 2026-11-01 service=ec2 account=production region=us-east-1 tag:project=checkout",
    ),
    ("/cost", "easy to spend in us west to this wk", "this week service=ec2 region=us-west-2"),
    ("/cost", "lamb da cost buy account past 7 days", "last 7 days service=lambda by account"),
    ("/top-resources", "top cloud front distributions in the past quarter", "last quarter service=cloudfront"),
    (
        "/cost",
        "dynamo db in you west one versus us east one last month",
        "last month service=dynamodb region=eu-west-1,us-east-1 by region",
    ),
    ("/top-resources", "most expensive s three buckets in data leak", "this month service=s3 account=data-lake"),
    ("/tags", "aws created by tag how much of this month is covered", "aws:createdBy this month"),
    ("/top-resources", "priciest rds in sydney ytd", "ytd service=rds region=ap-southeast-2"),
    # a filtered tag breakdown (filters on `/tags` are new today)
    ("/tags", "team tag coverage for produciton acount last 90d", "team account=production last 90 days"),
)

#: Typed by a sixth person, translated blind by a seventh; first run on the grammar written without it.
FRESH_8_FIRST_SIGHT = (19, 17, 14)

FRESH_8: tuple[tuple[str, str, str], ...] = (
    ("/cost", "what's our burn this month", "forecast this month"),
    ("/cost", "are we bleeding money on EKS since we launched on the 2nd?", "since 2026-11-02 service=eks daily"),
    # the writer's split by service kept
    ("/cost", "can we cut staging? how much did it cost us prior month", "last month account=staging by service"),
    # the forecast against October, as FRESH_4's `projected ... compare with October`
    ("/cost", "runway check: burn Oct vs Nov so far", "forecast 2026-11"),
    # the writer's week up to today, Black Friday included, as FRESH_7's `bf hitting cf yet`
    (
        "/cost",
        "did Black Friday traffic blow up CloudFront today",
        "2026-11-20..2026-11-27 service=cloudfront daily",
    ),
    # NOT SUPPORTED (runway): the writer's nearest, months since June by month with the forecast
    (
        "/cost",
        "what's our monthly burn and how many months of runway do we have",
        "forecast since 2026-06-01 monthly",
    ),
    ("/cost", "EC2 costs 03.11. to 17.11. by region pls", "2026-11-03..2026-11-17 service=ec2 by region"),
    # the earlier week first, both kept, as CORPUS's `compare q2 and q3`
    (
        "/cost",
        "KW 46 vs KW 47 per service",
        "2026-11-09..2026-11-15 vs 2026-11-16..2026-11-22 by service",
    ),
    # `the last fortnight` by the grammar's rule (the writer counted days back from yesterday)
    (
        "/cost",
        "what has eu-west-1 bin costing us the last fortnight, daily",
        "last 2 weeks region=eu-west-1 daily",
    ),
    (
        "/cost",
        "data transfer eu-west-1 vs us-east-1 from 03/11/2026 till now",
        "since 2026-11-03 service=data-transfer region=eu-west-1,us-east-1 by region",
    ),
    # like for like: this week's complete days against the same days of last week
    ("/cost", "why has the bill gone up this week? behaviour looks odd", "why this week"),
    ("/cost", "anything unusual in KW 47?", "anomalies 2026-11-16..2026-11-22"),
    ("/cost", "eks in eu-west1 this month, split by account", "this month service=eks region=eu-west-1 by account"),
    # `the last 4 weeks` by the grammar's rule (the writer counted 28 days back from yesterday)
    (
        "/top-resources",
        "biggest RDS instances in eu-west-1 over the last 4 weeks",
        "last 4 weeks service=rds region=eu-west-1",
    ),
    ("/cost", "dynamo db spend by usage type Nov '26", "2026-11 service=dynamodb by usage-type"),
    # period 10 read as October (calendar fiscal year, as the writer assumed); the writer's split by account kept
    ("/cost", "need the GL figure for AWS period 10", "2026-10 by account"),
    (
        "/cost",
        "accrual for November: what's booked so far and the estimate to month end",
        "forecast 2026-11",
    ),
    # the writer's `monthly` kept
    ("/cost", "tax line for October and November by account", "2026-10..2026-11 service=tax by account monthly"),
    # upfront fees are the one-time class, recurring fees the recurring class: split by charge class
    (
        "/cost",
        "RI and savings plan fees this quarter so far, upfront vs recurring",
        "this quarter charge-class=recurring,one-time by charge-class",
    ),
    # the writer's `monthly` kept
    ("/cost", "credits applied in H1 please, for the journal", "2026-01..2026-06 charge-class=credit monthly"),
    # no Support service on the bill, as in FRESH_4, FRESH_5 and FRESH_7
    ("/cost", "support plan charge for prior month", "!support"),
    (
        "/cost",
        "can you split the October invoice by account and service for the intercompany journal",
        "2026-10 by account, service",
    ),
    # NOT SUPPORTED (invoice, payment status): the writer's nearest, the October total
    ("/cost", "what's the invoice number and payment status for October", "2026-10"),
    ("/tags", "how much of period 10 can we allocate by project", "project 2026-10"),
    # no p4d usage type in the vocabulary: the EC2 instances, the p4d ones among them
    ("/top-resources", "which of my p4d boxes cost the most this week", "this week service=ec2"),
    # no spot usage type in the vocabulary: EC2 by usage type, the spot lines among them; `my` is the writer's data team
    (
        "/cost",
        "how much did my experiments cost on spot the last fortnight",
        "last 2 weeks service=ec2 tag:team=data by usage-type",
    ),
    # a service not on the bill, like FRESH_5's `athena`
    ("/cost", "sagemaker spend oct and nov", "!sagemaker"),
    # no GPU instance types in the vocabulary: the EC2 instances, the GPU ones among them
    (
        "/top-resources",
        "most expensive gpu instances in us-west-2 since 10th Nov",
        "since 2026-11-10 service=ec2 region=us-west-2",
    ),
    # `the last few days` as the writer's three days up to yesterday; the writer's daily split by service kept
    (
        "/cost",
        "glue + s3 for the data team over the last few days",
        "last 3 days service=glue,s3 tag:team=data daily by service",
    ),
    # NOT SUPPORTED (training runs): the writer's nearest
    ("/cost", "what did training run #42 cost", "last 7 days service=ec2 daily by usage-type"),
    # notebook instances read as the writer's data team's EC2 resources
    (
        "/top-resources",
        "are my notebook instances still running up costs? last 7 days",
        "last 7 days service=ec2 tag:team=data",
    ),
    # a filtered tag breakdown (filters on `/tags` are new today)
    ("/tags", "is everything in data-lake tagged with team?", "team account=data-lake this month"),
    ("/cost", "my boss wants to know why lambda doubled last month", "why last month service=lambda"),
    (
        "/cost",
        'finance asked me to find out "total AWS spend per account for Q3, excl. tax"',
        "2026-q3 by account service!=tax",
    ),
    ("/cost", 'CTO asks: "what will November land at?"', "forecast 2026-11"),
    # NOT SUPPORTED (names): the writer's nearest
    (
        "/cost",
        "Sarah from finance wants to know how much Dave's team spent this month",
        "this month by tag:team",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_7
    ("/cost", "my manager is asking whether we're over the Q4 budget", "!budget"),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this year by month
    ("/cost", "the board deck needs AWS vs GCP spend this year", "this year monthly"),
    (
        "/top-resources",
        "head of eng wants the top 10 most expensive things in prodcution this month",
        "10 this month account=production",
    ),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "what's our AWS cost per employee this year", "this year"),
    (
        "/cost",
        "Would it perhaps be possible to get an overview of what we spent on S3 in the week of the 16th, broken down "
        "by region? Many thanks in advance",
        "2026-11-16..2026-11-22 service=s3 by region",
    ),
    (
        "/tags",
        "Sorry to bother, could you maybe show how much spend has an env tag, if that's not too much trouble?",
        "env this month",
    ),
    (
        "/cost",
        "hi, if it isn't a hassle, could I see daily costs for us-west-2 from the 10th-20th Nov?",
        "2026-11-10..2026-11-20 region=us-west-2 daily",
    ),
    (
        "/top-resources",
        "I was just wondering, when you get a moment, which S3 buckets might be the priciest at the moment?",
        "this month service=s3",
    ),
    (
        "/tags",
        "would you mind terribly showing how our team tagging looks for October and November?",
        "team 2026-10..2026-11",
    ),
    (
        "/cost",
        "kms + sqs in ap-southeast2 this quarter so far",
        "this quarter service=kms,sqs region=ap-southeast-2 by service",
    ),
    # a filtered tag breakdown; `the last 30 days` by the grammar's rule
    ("/tags", "aws:createdBy coverage in staging last 30 days", "aws:createdBy account=staging last 30 days"),
    (
        "/top-resources",
        "top dynamodb tabels in datalake acct prior month",
        "last month service=dynamodb account=data-lake",
    ),
    # a filtered tag breakdown; `prod` meant as the account
    (
        "/tags",
        "how much of prod spend is missing a team tag, month to date",
        "team account=production this month",
    ),
    ("/top-resources", "5 costliest lambdas KW 45", "5 2026-11-02..2026-11-08 service=lambda"),
)

#: Typed by a seventh person, translated blind by an eighth; first run on the grammar written without it.
FRESH_9_FIRST_SIGHT = (23, 20, 7)

FRESH_9: tuple[tuple[str, str, str], ...] = (
    ("/cost", "ec2 yday", "yesterday service=ec2"),
    # the same days of last month are the comparison every answer makes anyway, as FRESH_7's `ec2 mtd vs last mo`
    ("/cost", "s3 mtd vs lm", "this month service=s3"),
    ("/cost", "tot spend q", "this quarter"),
    # `the past 3 weeks` by the grammar's rule (the writer counted 21 days back from today)
    ("/cost", "how much did KMS cost us in each account over the past 3 weeks", "last 3 weeks service=kms by account"),
    # NOT SUPPORTED (findings): the writer's nearest is a service not on the bill, like FRESH_8's `sagemaker`
    ("/cost", "show me GuardDuty findings for the production account this month", "!GuardDuty"),
    # NOT SUPPORTED (who): the writer's nearest, by the creator tag
    (
        "/cost",
        "who spun up the extra EC2 capacity in staging on the 14th?",
        "2026-11-14 service=ec2 account=staging by tag:aws:createdBy",
    ),
    # a filtered tag breakdown
    (
        "/tags",
        "aws:createdBy coverage in data-lake since the start of Sept",
        "aws:createdBy account=data-lake since 2026-09-01",
    ),
    # NOT SUPPORTED (names): the writer's nearest
    ("/top-resources", "was Priya's test cluster the priciest thing in staging yday", "yesterday account=staging"),
    # no range typed: this month, as the writer read it; `prod` meant as the account
    ("/top-resources", "biggest kms keys by cost in prod", "this month service=kms account=production"),
    # no range typed: this month, as the writer read it
    (
        "/cost",
        "for audit purposes, is there any spend in ap-southeast-2? nobody is supposed to be running anything there",
        "this month region=ap-southeast-2 by account, service",
    ),
    # the 3 days before are the period compared with anyway
    ("/cost", "what did the load test cost us Nov 20-22", "2026-11-20..2026-11-22"),
    # the perf env read as the staging account, as the writer read it; the night itself is not separable (daily data)
    (
        "/cost",
        "perf env spend during the soak test last night, by service",
        "2026-11-26..2026-11-27 account=staging by service",
    ),
    (
        "/cost",
        "did lambda spike during the monday to wednesday load test compared to the same days last week",
        "2026-11-23..2026-11-25 vs 2026-11-16..2026-11-18 service=lambda daily",
    ),
    (
        "/top-resources",
        "which instances were most expensive in staging during the load test on the 24th",
        "2026-11-24 service=ec2 account=staging",
    ),
    # NOT SUPPORTED (hours): the writer's nearest, today against yesterday, the day compared with anyway
    ("/cost", "dynamo cost this morning from the load test", "today service=dynamodb"),
    (
        "/top-resources",
        "heaviest dynamo tables during the load test Nov 20-22",
        "2026-11-20..2026-11-22 service=dynamodb",
    ),
    (
        "/cost",
        "sqs costs stagng vs prodution week 47",
        "2026-11-16..2026-11-22 service=sqs account=staging,production by account",
    ),
    # a filtered tag breakdown; `staging stuff` meant as the account
    (
        "/tags",
        "team tag on staging stuff after all the load tests, how much is untagged",
        "team account=staging this month",
    ),
    ("/cost", "which squad spent the most last month", "last month by tag:team"),
    # the earlier period first, both kept, as FRESH_8's `KW 46 vs KW 47`: all of Q3 against Q4 so far
    ("/cost", "league table of teams by cloud spend, q3 vs q4 so far", "2026-q3 vs this quarter by tag:team"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "worst offenders this month across all accounts", "this month"),
    ("/cost", "per team per service breakdown for november", "2026-11 by tag:team, service"),
    ("/cost", "how much is the platfrom team costing per month this year", "this year tag:team=Platform monthly"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "cost per engineer by team", "this month by tag:team"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_8
    ("/cost", "are we going to blow the engineering budget this month", "!budget"),
    ("/tags", "which teams aren't tagging their stuff", "team this month"),
    # like for like: this week's complete days against the same days of last week
    ("/cost", "why did the api team's spend jump this week", "why this week tag:team=api"),
    (
        "/top-resources",
        "top 10 most expensive things the data team owns, since september",
        "10 since 2026-09-01 tag:team=data",
    ),
    # the payer account's bill is every member account's cost (the consolidated total)
    ("/cost", "charges by service for the payer account, bill details for October", "2026-10 by service"),
    ("/cost", "estimated bill for November as of today", "forecast 2026-11"),
    # refunds are the adjustment class, as in FRESH_7; the writer's `monthly` kept
    ("/cost", "credits and refunds applied so far this year", "ytd charge-class=credit,adjustment monthly"),
    # savings against on-demand have no canonical form: the Savings Plan fees, as `savings plans` reads
    ("/cost", "how much did savings plans save us last quarter", "last quarter charge-class=recurring,one-time"),
    # no per-account split in `/tags`: the coverage across all member accounts
    ("/tags", "env tag coverage across member accounts sept-oct", "env 2026-09..2026-10"),
    # no Support service on the bill, as in FRESH_4, FRESH_5, FRESH_7 and FRESH_8
    ("/cost", "tax and support charges end of last quarter", "!support"),
    (
        "/cost",
        "member accounts charges exclusing tax, first half of Nov",
        "2026-11-01..2026-11-15 by account service!=tax",
    ),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total last month
    ("/cost", "what was our gcp spend last month next to aws", "last month"),
    (
        "/cost",
        "usage type breakdown for data transfer in eu-west-1 last month",
        "last month service=data-transfer region=eu-west-1 by usage-type",
    ),
    # NOT SUPPORTED (customer): the writer's nearest, the total since go-live, compared with the days before anyway
    ("/cost", "what's the acme rollout costing us since go-live (the 9th)", "since 2026-11-09"),
    # the EU region read as eu-west-1, as the writer read it
    (
        "/cost",
        "how much is the EU region costing daily since go-live on the 9th",
        "since 2026-11-09 region=eu-west-1 daily",
    ),
    # `the past 30 days` by the grammar's rule (the writer counted today in)
    (
        "/cost",
        "eu-west-1 vs us-east-1 for the checkout project, past 30 days",
        "last 30 days tag:project=checkout region=eu-west-1,us-east-1 by region",
    ),
    # the customer and geography served are not in the bill: the writer's nearest, this month's distributions
    ("/top-resources", "biggest cloudfrnt distributions serving acme in europe", "this month service=cloudfront"),
    # NOT SUPPORTED (customer, revenue): the writer's nearest
    (
        "/cost",
        "the acme account manager wants to know what acme specifically costs us each month compared to what they pay "
        "us, can you pull that for the QBR",
        "since 2026-09-01 monthly",
    ),
    # a filtered tag breakdown; go-live is the 9th, as the writer read it
    ("/tags", "project tag breakdown in eu-west-1 since go-live", "project region=eu-west-1 since 2026-11-09"),
    # the rollout is the go-live on the 9th, as the writer read it
    ("/cost", "any unusual days in eu-west-1 after the acme rollout", "anomalies since 2026-11-09 region=eu-west-1"),
    ("/cost", "rds 2 days ago", "2026-11-25 service=rds"),
    ("/top-resources", "top s3 bkts dl acct lm", "last month service=s3 account=data-lake"),
    # `past wk` by the grammar's rule (the writer counted 7 days back from today)
    ("/cost", "glue daily past wk", "last week service=glue daily"),
    # the earlier month first, both kept, as FRESH_8's `KW 46 vs KW 47`
    ("/cost", "eks + ec2 us-wst-2 oct vs nov", "2026-10 vs 2026-11 service=eks,ec2 region=us-west-2"),
    # a filtered tag breakdown; `prod acct` is the account
    ("/tags", "env tag % prod acct", "env account=production this month"),
    ("/cost", "spend by acct and svc ytd", "ytd by account, service"),
)

#: Typed by an eighth person, translated blind by a ninth; first run on the grammar written without it.
FRESH_10_FIRST_SIGHT = (17, 17, 16)

FRESH_10: tuple[tuple[str, str, str], ...] = (
    # daily data: the whole days holding the incident window, against the same days a week earlier; the writer's split
    # by service kept
    (
        "/cost",
        "blast radius of the NAT incident: EC2 + data transfer during the incident window (Nov 12 14:00 to Nov 13 "
        "02:00) vs the same days a week earlier",
        "2026-11-12..2026-11-13 vs 2026-11-05..2026-11-06 service=ec2,data-transfer by service",
    ),
    # the writer's order kept, pre-fix first (17 days against the 10 since the fix)
    (
        "/cost",
        "before vs after the fix: daily lambda spend pre-fix (before the 18th) and post-fix",
        "2026-11-01..2026-11-17 vs 2026-11-18..2026-11-27 service=lambda daily",
    ),
    ("/cost", "sum(cost) by region --since 2026-11-01", "since 2026-11-01 by region"),
    # `--since 2w` as the writer counted, two weeks back up to today (`last 2 weeks` would leave this week out); `prod`
    # meant as the account
    ("/cost", "group by svc where acct=prod --since 2w", "since 2026-11-13 account=production by service"),
    # `the database` as the writer read it, RDS and DynamoDB side by side
    (
        "/cost",
        "Hi all, could someone pull what we spent on the database last cal month? Best, Priya",
        "2026-10 service=rds,dynamodb by service",
    ),
    # no range typed: the writer's last 3 full months, by month
    (
        "/cost",
        "roughly how much does storage cost us per month? need it for a quote",
        "last 3 months service=s3 monthly",
    ),
    # `excl. today`: the month up to yesterday
    ("/cost", "the CDN this month excl. today", "2026-11-01..2026-11-26 service=cloudfront"),
    ("/cost", "serverless spend Q3'26 by month", "2026-q3 service=lambda monthly"),
    # the EKS charges only, as the writer read it (worker nodes are EC2)
    ("/cost", "what does the k8s cluster cost us since Oct 1st", "since 2026-10-01 service=eks"),
    ("/cost", "which regions are we burning the most compute in? last 14 days", "last 14 days service=ec2 by region"),
    (
        "/cost",
        "how much compute do we run in eu-west-1 vs us-east-1, Oct",
        "2026-10 service=ec2 region=eu-west-1,us-east-1 by region",
    ),
    # NOT SUPPORTED (carbon): the writer's nearest
    ("/cost", "carbon footprint by region for Q3'26 for the ESG report", "2026-q3 by region"),
    # like for like: this week's complete days against the same days of last week, as FRESH_8 and FRESH_9; EC2 is the
    # writer's focus, not a filter
    (
        "/cost",
        "fyi finance is asking :thinking_face: why did the bill jump this week? afaict it's EC2",
        "why this week",
    ),
    ("/cost", "+1 to what Dana asked, where do we land end of month?", "forecast"),
    ("/cost", "any weird days in Nov? ty", "anomalies 2026-11"),
    # Black Friday is today, so the 3 days end with it; the writer's split by service kept
    (
        "/cost",
        "the 3 days around Black Friday vs same days last week",
        "2026-11-25..2026-11-27 vs 2026-11-18..2026-11-20 by service",
    ),
    ("/cost", "week ending Nov 22 by account and service", "2026-11-16..2026-11-22 by account, service"),
    ("/cost", "cost by acct,region where svc=S3 --since 2026-10-01", "since 2026-10-01 service=s3 by account, region"),
    ("/cost", "how much did cloudfrnt cost in stagng last month", "last month service=cloudfront account=staging"),
    ("/cost", "dynamo db in us-west2 this month", "this month service=dynamodb region=us-west-2"),
    ("/cost", "glu jobs in the datalake acct 2026-11-01 to date", "since 2026-11-01 service=glue account=data-lake"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_9
    ("/cost", "are we over budget this month?", "!budget"),
    # NOT SUPPORTED (who): the writer's nearest, by the creator tag
    ("/cost", "who spun up whatever spiked EC2 on the 12th?", "2026-11-12 service=ec2 by tag:aws:createdBy"),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this month
    ("/cost", "how much do we spend on GCP vs AWS", "this month"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "cost per engineer last month? we have ~40 ppl in eng", "last month"),
    # NOT SUPPORTED (names): the writer's nearest
    ("/cost", "what did Marco's team spend in Oct", "2026-10 by tag:team"),
    # no Support service on the bill, as in FRESH_4, FRESH_5 and FRESH_7 to FRESH_9
    ("/cost", "tax and support on last month's invoice?", "!support"),
    # the fees and the credits side by side by charge class
    (
        "/cost",
        "RI and savings plan fees vs credits since Oct 1st",
        "since 2026-10-01 charge-class=recurring,one-time,credit by charge-class",
    ),
    # `--since 2w` as the writer counted, two weeks back up to today
    ("/cost", "daily spend --since 2w --acct staging", "since 2026-11-13 account=staging daily"),
    (
        "/cost",
        "Hello team, Following up on the thread below, can we get the monthly breakdown by service for Aug through "
        "Oct? Thanks, Jamie (intern)",
        "2026-08..2026-10 monthly by service",
    ),
    # no range typed: this month, as the writer read it; a breakdown by usage type, not `why`, as the writer read it
    (
        "/cost",
        'Hi, forwarding from Sam: "which usage type is driving data transfer?" Best regards',
        "this month service=data-transfer by usage-type",
    ),
    # the month before is the period compared with anyway
    ("/cost", "kms + sqs, last cal month vs the month before", "last month service=kms,sqs by service"),
    # the prior week's baseline as the same two days a week earlier, as the writer read it
    (
        "/cost",
        "postmortem: RDS cost per day during the incident (Nov 12-13) vs prior week baseline",
        "2026-11-12..2026-11-13 vs 2026-11-05..2026-11-06 service=rds daily",
    ),
    # the earlier month first, both kept, as FRESH_9's `oct vs nov`
    ("/cost", "ap-southest-2 total Oct vs Nov so far", "2026-10 vs 2026-11 region=ap-southeast-2"),
    # Thanksgiving against the same weekday a week earlier, as the writer read it
    ("/cost", "lol did thanksgiving actually drop our bill? :turkey:", "2026-11-26 vs 2026-11-19"),
    # NOT SUPPORTED (unit rates): the writer's nearest
    ("/cost", "how much per GB does S3 charge us?", "this month service=s3 by usage-type"),
    # `--since 2w` as the writer counted, two weeks back up to today
    ("/top-resources", "top 10 ec2 instances by cost --since 2w", "10 since 2026-11-13 service=ec2"),
    ("/top-resources", "which buckets cost the most in Oct? need it for the storage quote", "2026-10 service=s3"),
    # daily data: the whole days holding the incident window
    (
        "/top-resources",
        "priciest resources during the incident window (Nov 12 14:00 to Nov 13 02:00)",
        "2026-11-12..2026-11-13",
    ),
    # `prod` meant as the account
    ("/top-resources", "biggest dynamo tables in prod this month", "this month service=dynamodb account=production"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "Hi all, which lambdas are most expensive? Best, Alex", "this month service=lambda"),
    ("/top-resources", "top 5 rds in eu-west-1 last cal month ty", "5 last month service=rds region=eu-west-1"),
    (
        "/top-resources",
        "heaviest compute in the data lake acct, last 14 days",
        "last 14 days service=ec2 account=data-lake",
    ),
    # NOT SUPPORTED (owner): the writer's nearest, as in FRESH_4 and FRESH_6
    ("/top-resources", "who owns the most expensive instance?", "this month service=ec2"),
    ("/tags", "how much of Nov spend is tagged with team? afaict Platform is missing a lot", "team 2026-11"),
    ("/tags", "env, Q3'26", "env 2026-q3"),
    # a filtered tag breakdown; `prod acct` is the account
    ("/tags", "projct tag coverage in prod acct since Oct 1st", "project account=production since 2026-10-01"),
    ("/tags", "what % of spend has aws:createdBy, last cal month", "aws:createdBy last month"),
    # not a tag key on this bill: the writer's nearest, the team tag's coverage, as FRESH_6's `cost centers`
    ("/tags", "cost-center tag coverage?", "team this month"),
    # a filtered tag breakdown
    ("/tags", "team tag breakdown for the week ending Nov 22 where svc=EC2", "team service=ec2 2026-11-16..2026-11-22"),
)

#: Typed by a ninth person, translated blind by a tenth; first run on the grammar written without it.
FRESH_11_FIRST_SIGHT = (17, 19, 14)

FRESH_11: tuple[tuple[str, str, str], ...] = (
    ("/cost", "amortized cost by linked account for November so far", "this month by account amortized"),
    # `net unblended` is the net basis; credits and tax left out by charge class, as FRESH_5's `w/o tax excl. credits`
    (
        "/cost",
        "net unblended cost excluding credits and tax, Q4 to date",
        "this quarter net charge-class!=tax,credit",
    ),
    # the charge types the writer lists (usage, RI and SP fees, credits, tax) by charge class, as FRESH_5 and FRESH_10
    ("/cost", "break down last month by charge type please", "last month by charge-class"),
    # usage amounts (not cost, as the writer stressed) have no canonical form: refused naming the word
    ("/cost", "usage quantity for EC2 by usage type, past 10 days", "!quantity"),
    # the writer's `recurring` kept (RI and SP recurring fees are one class); September is the period October is
    # compared with anyway, as CORPUS's `oct vs sep`
    ("/cost", "Savings Plan recurring fees octubre vs septiembre", "2026-10 charge-class=recurring"),
    # the week before is the period compared with anyway, as FRESH_9's `load test Nov 20-22`
    (
        "/cost",
        "how much did the servers cost during launch week (Nov 16-22) vs the week before?",
        "2026-11-16..2026-11-22 service=ec2",
    ),
    # NOT SUPPORTED (matchmaking): the writer's nearest, by the project tag
    ("/cost", "matchmaking spend yesterday", "yesterday by tag:project"),
    (
        "/cost",
        "did launch traffic blow up data transfer? daily since the 14th",
        "since 2026-11-14 service=data-transfer daily",
    ),
    # NOT SUPPORTED (CCU): the writer's nearest, launch week by day
    ("/cost", "cost per CCU during launch week", "2026-11-16..2026-11-22 daily"),
    (
        "/top-resources",
        "which servers cost the most over the weekend of the 21st",
        "2026-11-21..2026-11-22 service=ec2",
    ),
    ("/cost", "cloudfrnt spend by region launch week", "2026-11-16..2026-11-22 service=cloudfront by region"),
    ("/cost", "any weird days this month? launch went live on the 17th", "anomalies this month"),
    ("/cost", "end of month forecast with the launch load, prodution only", "forecast account=production"),
    # NOT SUPPORTED (grant, fiscal year): the writer's nearest, the lab's account this calendar year
    (
        "/cost",
        "how much of the grant has our lab burned so far this fiscal year",
        "ytd account=data-lake",
    ),
    # NOT SUPPORTED (per person): the writer's nearest, by the creator tag
    ("/cost", "spend per researcher last month", "last month by tag:aws:createdBy"),
    ("/cost", "data-lake account Glue + S3 for Sep.", "2026-09 service=glue,s3 account=data-lake by service"),
    # a filtered tag breakdown
    (
        "/tags",
        "how much of the data-lake spend is tagged with project? the PI wants to know",
        "project account=data-lake this month",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_10
    ("/cost", "are we going to go over our $20k grant budget this month?", "!budget"),
    ("/top-resources", "biggest S3 buckets for project=data in octubre", "2026-10 service=s3 tag:project=data"),
    (
        "/tags",
        "how well is the project tag covering launch week spend, esp checkout",
        "project 2026-11-16..2026-11-22",
    ),
    ("/cost", "cloud bill?", "this month"),
    # the writer's six months by month
    ("/cost", "ec2 trend?", "since 2026-06-01 service=ec2 monthly"),
    ("/cost", "biggest cost?", "this month by service"),
    ("/top-resources", "top 5?", "5 this month"),
    # like for like: the complete days of November against the same days of October
    ("/cost", "why up?", "why this month"),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this month
    ("/cost", "GCP too?", "this month"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "how many engineers do we pay for vs cloud?", "this month"),
    # the same days of last month are the comparison every answer makes anyway, as FRESH_7's `ec2 mtd vs last mo`
    ("/cost", "rds vs last month?", "this month service=rds"),
    ("/cost", "cuánto gastamos en lambda en octubre, por región", "2026-10 service=lambda by region"),
    ("/cost", "le coût d'hier par service stp", "yesterday by service"),
    # the same days of last month are the comparison every answer makes anyway
    ("/cost", "dynamo ce mois vs le mois dernier", "this month service=dynamodb"),
    (
        "/top-resources",
        "las instancias más caras en staging esta semana",
        "this week service=ec2 account=staging",
    ),
    ("/tags", "quel pourcentage est tagué avec team en novembre", "team 2026-11"),
    # the writer's split by service kept
    ("/cost", "gasto diario de KMS y SQS desde el 01/10", "since 2026-10-01 service=kms,sqs daily by service"),
    ("/cost", "pourquoi le coût d'EKS a augmenté la semaine dernière?", "why last week service=eks"),
    ("/cost", "factura de eu-west1 en novembre, by account", "2026-11 region=eu-west-1 by account"),
    # a follow-up read on its own: the writer's meaning without context, this month for the staging account
    ("/cost", "and for stagging?", "this month account=staging"),
    # a follow-up read on its own: the writer's meaning without context
    ("/cost", "same but by region", "this month by region"),
    # a follow-up read on its own: the writer's meaning without context
    ("/cost", "what about last week", "last week"),
    # a follow-up read on its own; `prod` meant as the account, as the writer read it first
    ("/cost", "now only prod", "this month account=production"),
    # a follow-up read on its own: the writer's meaning without context
    ("/top-resources", "ok and the top ones in data-lake?", "this month account=data-lake"),
    # a follow-up read on its own: the writer's meaning without context
    ("/tags", "same for env", "env this month"),
    # a follow-up read on its own: the writer's meaning without context
    ("/top-resources", "and the priciest dynamo tables?", "this month service=dynamodb"),
    # `prior 2 weeks` by the grammar's rule (the writer counted days back from yesterday)
    (
        "/tags",
        "cost allocation tag coverage for aws:createdBy, prior 2 weeks",
        "aws:createdBy last 2 weeks",
    ),
    # no blended basis, and two bases side by side have no canonical form, as FRESH_4's `amortized vs unblended`
    ("/cost", "blended vs unblended for the staging linked account, Sep.", "!blended"),
    (
        "/top-resources",
        "top 10 resources by amortized cost in us-west-2, the 1st through today",
        "10 since 2026-11-01 region=us-west-2 amortized",
    ),
    # no Support service on the bill, as in FRESH_4, FRESH_5 and FRESH_7 to FRESH_10
    ("/cost", "Support plan and tax charges for all of 2026, monthly", "!support"),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "untagged spend for the team key in ap-southeast2, Q4 to date?",
        "team region=ap-southeast-2 this quarter",
    ),
    # the team tag beside each resource has no canonical form: the databases, checked for Platform by hand
    (
        "/top-resources",
        "which rds databases cost the most in prod since the 1st, and are any of them owned by team Platform",
        "since 2026-11-01 service=rds account=production",
    ),
    # NOT SUPPORTED (names): the writer's nearest, by the creator tag
    ("/cost", "what did Alice's test environment cost in novembre", "2026-11 by tag:aws:createdBy"),
)

#: Typed by a tenth person, translated blind by another; first run on the grammar at 4168b48.
FRESH_12_FIRST_SIGHT = (24, 11, 15)

FRESH_12: tuple[tuple[str, str, str], ...] = (
    # `including tax and support` asks for the total as it is (every charge is in it), as `including credits`, not
    # for the Support line
    (
        "/cost",
        "Could you please tell me our total AWS spend for October, including tax and support, for the month-end close?",
        "2026-10",
    ),
    (
        "/cost",
        "For the close, please break down October's charges by account and by service.",
        "2026-10 by account, service",
    ),
    # the fees and the credits side by side by charge class, as FRESH_10's `RI and savings plan fees vs credits`
    (
        "/cost",
        "Hi, what credits were applied to our bill last month, and how much did we pay in RI and Savings Plan fees?",
        "last month charge-class=recurring,one-time,credit by charge-class",
    ),
    ("/cost", "Could you please show me the amortized cost for Q3, by month?", "2026-q3 monthly amortized"),
    # the forecast against October, as FRESH_4's `projected ... compare with October`
    (
        "/cost",
        "What is our forecast for the end of November, and how does it compare with what we spent in October?",
        "forecast 2026-11",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_11
    ("/cost", "Are we within our approved budget for November?", "!budget"),
    # NOT SUPPORTED (my teams): the writer's nearest, as FRESH_8's `Dave's team`
    ("/cost", "how much are my teams spending this month", "this month by tag:team"),
    # the same days of last month are the comparison every answer makes anyway
    (
        "/cost",
        "our services (web + api), month to date vs same point last month",
        "this month tag:team=web,api by tag:team",
    ),
    # Q2 is the period Q3 is compared with anyway, as FRESH_7's `rds q3 vs q2`; the writer's split by service kept
    (
        "/cost",
        "What did the api team spend on RDS and DynamoDB in Q3 compared to Q2?",
        "2026-q3 service=rds,dynamodb tag:team=api by service",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as FRESH_7's `how much budget does Platform have left`
    ("/cost", "how much of my budget has Platform burned since Oct 1", "!budget"),
    # `the last 8 weeks` by the grammar's rule (the writer counted this week in)
    ("/cost", "weekly spend for team data over the last 8 weeks", "last 8 weeks tag:team=data weekly"),
    # Wednesday is the day yesterday is compared with anyway
    ("/cost", "ec2 spike?? what changed yday vs wed", "why yesterday service=ec2"),
    # yesterday is the day today is compared with anyway
    ("/cost", "why did costs jump today", "why today"),
    # `last 3 days` by the grammar's rule (the writer counted today in); `prod` meant as the account; the writer's
    # `daily` kept
    (
        "/cost",
        "prod ec2 by usage type last 3 days",
        "last 3 days service=ec2 account=production by usage-type daily",
    ),
    (
        "/cost",
        "dt costs us-east-1 daily since monday",
        "since 2026-11-23 service=data-transfer region=us-east-1 daily",
    ),
    # daily data: the whole days holding the last 48 hours, as the writer read it
    ("/cost", "lamda cost by region last 48h", "2026-11-26..2026-11-27 service=lambda by region"),
    # `stagng` the staging account, as the writer read it
    ("/cost", "any anomalies in stagng this week?", "anomalies this week account=staging"),
    (
        "/cost",
        "cloudfrnt spend black friday vs last black friday",
        "2026-11-27 vs 2025-11-28 service=cloudfront",
    ),
    # the writer's split by service kept
    (
        "/cost",
        "data-lake glue + s3 per day, 11/20-11/26",
        "2026-11-20..2026-11-26 service=glue,s3 account=data-lake daily by service",
    ),
    # NOT SUPPORTED (launch date): the writer's nearest, the project this year by month
    ("/cost", "How much did the checkout launch cost us?", "ytd tag:project=checkout monthly"),
    # the writer's split by service kept
    (
        "/cost",
        "Did Black Friday traffic make checkout more expensive than a normal Friday?",
        "2026-11-27 vs 2026-11-20 tag:project=checkout by service",
    ),
    # NOT SUPPORTED (orders): the writer's nearest, as FRESH_4's `unit cost per order for checkout`
    ("/cost", "what's our cost per order for checkout?", "this month tag:project=checkout daily"),
    # the 44 days before the 15th are the period compared with anyway
    (
        "/cost",
        "how much did the new search feature add since we shipped it on 10/15?",
        "since 2026-10-15 tag:project=search",
    ),
    # no range typed: this month, as the writer read it; Europe and the US as the writer's regions, side by side
    (
        "/cost",
        "Is the data project more expensive in Europe or in the US?",
        "this month tag:project=data region=eu-west-1,us-east-1,us-west-2 by region",
    ),
    ("/cost", "Hello, the CFO would like a single number: total AWS spend year to date, please.", "ytd"),
    # like for like: this quarter's complete days against the same stretch of Q3
    ("/cost", "On behalf of the CFO: how does this quarter compare to last quarter so far?", "this quarter"),
    # no quarterly step in the grammar: the year by month, which adds up per quarter, as in FRESH_5
    ("/cost", "The CFO is asking what we spent on AWS in 2025 in total, and by quarter.", "2025 monthly"),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this month
    ("/cost", "Can you compare our AWS costs to what we spend on GCP?", "this month"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "Please send the CFO our cost per employee for October.", "2026-10"),
    # NOT SUPPORTED (approvals): the writer's nearest, EC2 by charge class (its commitment fees among them)
    ("/cost", "Who approved the big EC2 purchase in September?", "2026-09 service=ec2 by charge-class"),
    # Savings Plan coverage is the split by charge class, as FRESH_4's `covered by commitments`; `last 30d` by the
    # grammar's rule (the writer counted today in)
    ("/cost", "ec2 SP covered vs on-demand, last 30d, daily", "last 30 days service=ec2 by charge-class daily"),
    ("/cost", "kms+sqs by account, mtd", "this month service=kms,sqs by account, service"),
    # `wk/wk` by the grammar's rule, this week against last week's same days, as FRESH_5's `rds wow prod` (the writer
    # counted 7 days back from today)
    (
        "/cost",
        "eks ap-southeast-2 vs eu-west-1 wk/wk",
        "this week service=eks region=ap-southeast-2,eu-west-1 by region",
    ),
    # the writer's unblended basis (not the net basis: the writer read `net` as without credits and tax); credits and
    # tax left out by charge class, as FRESH_11
    (
        "/cost",
        "net unblended excl credits & tax, by svc, 2026-10",
        "2026-10 unblended charge-class!=tax,credit by service",
    ),
    (
        "/cost",
        "dynamo usage types in eu-wst-1 since the 15th",
        "since 2026-11-15 service=dynamodb region=eu-west-1 by usage-type",
    ),
    # no Support service on the bill, as in FRESH_4, FRESH_5 and FRESH_7 to FRESH_11
    ("/cost", "Support plan charges for the past 6 months, by month please", "!support"),
    # `rn` as the writer read it, today; `prod` meant as the account
    ("/top-resources", "top 10 ec2 in prod rn", "10 today service=ec2 account=production"),
    # NOT SUPPORTED (my teams): the writer's nearest, the databases as RDS and DynamoDB, as FRESH_10's `the database`;
    # the team tag beside each resource has no canonical form
    (
        "/top-resources",
        "What are the five most expensive databases for my teams this month?",
        "5 this month service=rds,dynamodb",
    ),
    (
        "/top-resources",
        "biggest s3 buckets by cost in data-lake, october",
        "2026-10 service=s3 account=data-lake",
    ),
    # a ranking by change is not something `/top-resources` answers (it lists costs only): refused naming the word,
    # as FRESH_4's `/tags` comparison `!improved`
    ("/top-resources", "which resources blew up since tuesday", "!blew"),
    # no range typed: this month, as the writer read it
    (
        "/top-resources",
        "Which servers are costing the most for the checkout feature?",
        "this month service=ec2 tag:project=checkout",
    ),
    ("/top-resources", "lambda fns us-west-2 top 20 last wk", "20 last week service=lambda region=us-west-2"),
    (
        "/top-resources",
        "most expensive ddb tables, staging + prod, Q3",
        "2026-q3 service=dynamodb account=staging,production",
    ),
    # NOT SUPPORTED (owner): the writer's nearest, as in FRESH_4, FRESH_6 and FRESH_10
    ("/top-resources", "The CFO wants to know who owns the most expensive instances.", "this month service=ec2"),
    ("/tags", "how much of our spend has a team tag this month", "team this month"),
    # a filtered tag breakdown; `stagin acct` is the account
    ("/tags", "env tag coverage in stagin acct for sept", "env account=staging 2026-09"),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "Could you please show cost by project tag for October, including untagged spend, for the allocation report?",
        "project 2026-10",
    ),
    # a filtered tag breakdown; `last 7d` by the grammar's rule (the writer counted today in)
    ("/tags", "aws:createdBy coverage on EC2, last 7d", "aws:createdBy service=ec2 last 7 days"),
    # a filtered tag breakdown; `prod` meant as the account, as the writer read it
    ("/tags", "is everything in prod tagged with env? since 11/1", "env account=production since 2026-11-01"),
    # the untagged share is part of every breakdown
    ("/tags", "For the CFO: what share of November spend isn't tagged to any project?", "project 2026-11"),
)

#: Typed by a eleventh person, translated blind by another; first run on the grammar at 4168b48.
FRESH_13_FIRST_SIGHT = (18, 19, 13)

FRESH_13: tuple[tuple[str, str, str], ...] = (
    # no per-job dimension in the cost data: Glue by usage type, as the writer read it
    (
        "/cost",
        "glue spend in data-lake last month group by job",
        "last month service=glue account=data-lake by usage-type",
    ),
    (
        "/cost",
        "select sum(cost) from s3 where account = 'data-lake' and month = '2026-09'",
        "2026-09 service=s3 account=data-lake",
    ),
    (
        "/top-resources",
        "top 10 s3 buckets in datalake by spend this month",
        "10 this month service=s3 account=data-lake",
    ),
    ("/cost", "kms costs by account last 30 days", "last 30 days service=kms by account"),
    # an Azure subscription is an AWS account, as the writer read it
    ("/cost", "spend per subscription last month", "last month by account"),
    # no range typed: the writer's last 3 full months, by month
    (
        "/cost",
        "what does the checkout workload cost us per month, roughly? customer's asking",
        "last 3 months tag:project=checkout monthly",
    ),
    # `the last couple of weeks` by the grammar's rule (the writer counted 14 days back from yesterday); `staging` the
    # account, as the writer read it; the writer's `daily` kept
    (
        "/cost",
        "sorry if this is a dumb question but how much does my lambda stuff cost, I think it's in staging, maybe for "
        "the last couple of weeks?",
        "last 2 weeks service=lambda account=staging daily",
    ),
    # the total against September and the services ranked by their change, as FRESH_3's `biggest cost increases by
    # service in Q3 compared to Q2`
    (
        "/cost",
        "total for october, how does that compare to september, and which service grew the most?",
        "increases 2026-10 by service",
    ),
    ("/cost", "cloudfornt cost ap-southeast2 yesterday", "yesterday service=cloudfront region=ap-southeast-2"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_11
    ("/cost", "are we over budget for Q4?", "!budget"),
    (
        "/cost",
        "s3 storage vs requests vs transfer for data-lake, Q3",
        "2026-q3 service=s3 account=data-lake by usage-type",
    ),
    ("/tags", "who's creating untagged stuff? aws:createdBy breakdown for November", "aws:createdBy 2026-11"),
    # SKUs read as usage types, compute as EC2, as the writer read them; `prod` meant as the account
    ("/cost", "top SKUs for compute in prod MTD", "this month service=ec2 account=production by usage-type"),
    # NOT SUPPORTED (customer): the writer's nearest
    (
        "/cost",
        "Acme is asking what their search feature runs on and what it cost in october",
        "2026-10 tag:project=search by service",
    ),
    (
        "/top-resources",
        "i think i might have left an ec2 instance running in staging since like tuesday, can you show me the "
        "expensive ones?",
        "since 2026-11-24 service=ec2 account=staging",
    ),
    # two questions: the first kept, with the writer's split by service (the forecast is this month's, a question of its
    # own)
    (
        "/cost",
        "dynamo and rds last month by account — also what's the forecast for this month?",
        "last month service=dynamodb,rds by account, service",
    ),
    (
        "/cost",
        "dynamodb in prodution vs stagin, 10/1-10/15",
        "2026-10-01..2026-10-15 service=dynamodb account=production,staging by account",
    ),
    (
        "/cost",
        "group by region, usage_type where service='Glue' and date between 2026-08-01 and 2026-08-31",
        "2026-08 service=glue by region, usage-type",
    ),
    # no range typed: this month, as the writer read it; `prod` meant as the account
    ("/top-resources", "which kms keys cost the most in prod", "this month service=kms account=production"),
    # NOT SUPPORTED (utilisation): the writer's nearest, the commitment fees split by charge class, as FRESH_8
    (
        "/cost",
        "how much of our commitment did we burn in October",
        "2026-10 charge-class=recurring,one-time by charge-class",
    ),
    # the api team and the production account, as the writer read them; last Black Friday is 2025-11-28
    ("/cost", "prod api cost today vs last black friday", "2026-11-27 vs 2025-11-28 account=production tag:team=api"),
    # egress is the DataTransfer-Out usage types: the writer's split by usage type
    (
        "/cost",
        'is "data transfer" the same thing as egress?? and how much was it in us-west-2 last month, roughly',
        "last month service=data-transfer region=us-west-2 by usage-type",
    ),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this month
    ("/cost", "compare our AWS spend to what we pay on GCP", "this month"),
    # Labor Day 2026 is Monday 2026-09-07; two questions: the first kept (unusual days are a question of their own)
    (
        "/cost",
        "weekly spend since labor day split by env, and flag anything weird",
        "since 2026-09-07 by tag:env weekly",
    ),
    ("/tags", "label coverage for team", "team this month"),
    # NOT SUPPORTED (names): the writer's nearest; a person's name is not a stored value of the creator tag, and
    # `/top-resources` has no grouping by it
    ("/top-resources", "show me everything jsmith spun up", "this month"),
    # the writer's week from the rotation with its explanation; the 7 days before are the period compared with anyway
    ("/cost", "did KMS jump after we rotated keys on 11/3?", "why 2026-11-03..2026-11-09 service=kms"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "biggest rds instances behind checkout", "this month service=rds tag:project=checkout"),
    # meters read as usage types, as the writer read them; `last 3 months` by the grammar's rule (the writer counted
    # November in)
    (
        "/cost",
        "checkout project spend by meter, last 3 months",
        "last 3 months tag:project=checkout monthly by usage-type",
    ),
    (
        "/top-resources",
        "most expensive lamba functions us-east1 last 7 days",
        "last 7 days service=lambda region=us-east-1",
    ),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "cost per engineer on the data team", "this month tag:team=data"),
    # the week before is the period compared with anyway
    ("/cost", "why did the bill go up last week compared with the one before? not sure what changed", "why last week"),
    # a filtered tag breakdown; `staging` the account, as the writer read it
    (
        "/tags",
        "does my stuff have the right env tag? like how much of staging is tagged env=dev by mistake",
        "env account=staging this month",
    ),
    (
        "/cost",
        "sqs spend datalake acct eu-west-1 first half of the month",
        "2026-11-01..2026-11-15 service=sqs account=data-lake region=eu-west-1",
    ),
    # NOT SUPPORTED: services not on the bill are refused by name, like FRESH_5's `athena` and FRESH_8's `sagemaker`
    ("/cost", "cloudtrail + config spend this quarter", "!cloudtrail"),
    # no Support service on the bill, as in FRESH_4, FRESH_5 and FRESH_7 to FRESH_11
    ("/cost", "net spend excl tax and support, MTD, per project", "!support"),
    # two lists of 5 have no canonical form: the 10 most expensive EC2 and S3 resources in one list
    ("/top-resources", "top 5 ec2 + top 5 s3 this month", "10 this month service=ec2,s3"),
    # the EKS charges only, as the writer read it (worker nodes are EC2), as FRESH_10's `k8s cluster`
    (
        "/cost",
        "how much is the EKS cluster costing, I mean the control plane or whatever, not the nodes, since Nov 1",
        "since 2026-11-01 service=eks",
    ),
    # `staging` the account, as the writer read it
    (
        "/cost",
        "unusual days in staging this month? someone may have left something running",
        "anomalies this month account=staging",
    ),
    # two questions: the first kept, a filtered tag breakdown; `prod` meant as the account (EC2 by team is a `/cost`
    # question)
    ("/tags", "team coverage in prod and which team spends the most on ec2", "team account=production this month"),
    ("/cost", "Q3 spend amortized pls", "2026-q3 amortized"),
    ("/cost", "credits applied per billing account this year", "this year charge-class=credit by account"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_11
    ("/cost", "how much budget is left for prod this month", "!budget"),
    ("/cost", "s3 by account and region, Jun–Aug", "2026-06..2026-08 service=s3 by account, region"),
    # all accounts is every account anyway
    ("/tags", "env coverage across all 3 accts last quarter", "env last quarter"),
    ("/top-resources", "which glue jobs burned the most since the 20th", "since 2026-11-20 service=glue"),
    # a filtered tag breakdown; no range typed: this month, as the writer read it
    ("/tags", "what % of kms spend has aws:createdBy", "aws:createdBy service=kms this month"),
    # no weekday filter in the grammar: the daily series, the weekdays read off it, as the writer read it
    (
        "/cost",
        "ec2 us-west-2 and eu-west-1, team Platform, env prod, weekdays only in nov",
        "2026-11 service=ec2 region=us-west-2,eu-west-1 tag:team=Platform tag:env=prod daily",
    ),
    # no Support service on the bill, as in FRESH_4, FRESH_5 and FRESH_7 to FRESH_11
    ("/cost", "support plan + tax for 2026-Q2", "!support"),
    # a service not on the bill, as FRESH_5's `athena` (the writer's nearest, Glue and S3 in data-lake, was not taken)
    ("/cost", "athena cost last wk", "!athena"),
)

#: Typed by a twelfth person, translated blind by another; first run on the grammar at 2667415.
FRESH_15_FIRST_SIGHT = (21, 9, 20)

FRESH_15: tuple[tuple[str, str, str], ...] = (
    # the team tag is the chargeback key; untagged is its own group anyway
    ("/cost", "October spend by team tag for chargeback", "2026-10 by tag:team"),
    ("/cost", "oct costs by account and service, amortized pls", "2026-10 by account, service amortized"),
    # the untagged share is part of every breakdown
    ("/tags", "how much of last month's bill has no team tag", "team last month"),
    # no Support service on the bill, as in FRESH_4, FRESH_5 and FRESH_7 to FRESH_13
    (
        "/cost",
        "shared costs (support, tax, KMS) for Nov MTD so I can split them across teams",
        "!support",
    ),
    # no Support service on the bill: refused by name, as FRESH_13's `net spend excl tax and support, MTD, per project`
    (
        "/cost",
        "for the Q3 chargeback deck I need spend per project tag, excluding credits, tax and the support plan, since "
        "finance allocates those separately based on revenue share",
        "!support",
    ),
    # a filtered tag breakdown
    ("/tags", "team coverage for data-lake account, Oct", "team account=data-lake 2026-10"),
    # the team tag's stored values side by side, `Platform` and `platform` apart if both are stored
    (
        "/cost",
        "how much did team=Platform vs team=platform cost in october? think someone tagged lowercase",
        "2026-10 by tag:team",
    ),
    # the writer's split by service kept
    ("/cost", "chargeback for api team 9/1-9/30", "2026-09 tag:team=api by service"),
    # NOT SUPPORTED (headcount): the writer's nearest, as FRESH_13's `cost per engineer on the data team`
    ("/cost", "what's the cost per engineer on the data team this month", "this month tag:team=data"),
    # the writer's `daily` kept
    ("/cost", "EKS cost last week", "last week service=eks daily"),
    # NOT SUPPORTED (namespaces): the writer's nearest; `the prod cluster` as the production account's EKS and EC2
    (
        "/cost",
        "cost by namespace for the prod cluster this month",
        "this month service=eks,ec2 account=production by tag:team",
    ),
    # node groups are not in the bill: the EC2 instances; `prod` meant as the account; `last 14 days` by the grammar's
    # rule (the writer counted today in)
    (
        "/top-resources",
        "biggest ec2 nodes in the eks node groups, prod, last 14 days",
        "last 14 days service=ec2 account=production",
    ),
    (
        "/cost",
        "ec2 spend by usage type us-west-2 since nov 1",
        "since 2026-11-01 service=ec2 region=us-west-2 by usage-type",
    ),
    # two questions: the daily series typed kept (unusual days are a question of their own), as FRESH_13's `flag
    # anything weird`
    (
        "/cost",
        "did the cluster autoscaler freak out over thanksgiving? ec2 daily 11/20 to yesterday",
        "2026-11-20..2026-11-26 service=ec2 daily",
    ),
    # no inter-AZ usage type in the vocabulary: data transfer by usage type, the regional lines among them; the earlier
    # month first, both kept, as FRESH_9's `oct vs nov`
    (
        "/cost",
        "inter-AZ data transfer sep vs oct",
        "2026-09 vs 2026-10 service=data-transfer by usage-type",
    ),
    # a filtered tag breakdown; `stagging acct` is the account; no range typed: this month, as the writer read it
    ("/tags", "env tag coverage on EC2 in stagging acct", "env service=ec2 account=staging this month"),
    ("/top-resources", "eks clusters ranked by cost this quarter", "this quarter service=eks"),
    # Monday is the day Tuesday is compared with anyway
    ("/cost", "why did the bill jump on tuesday", "why 2026-11-24"),
    ("/cost", "unusual days in november", "anomalies 2026-11"),
    # what moved between the weeks, as FRESH_3's `what drove the change`; the week before is the period compared with
    # anyway
    (
        "/cost",
        "what changed between 2026-11-09 week and 2026-11-16 week",
        "why 2026-11-16..2026-11-22",
    ),
    # a filtered tag breakdown; `staging` the account, as the writer read it
    ("/tags", "aws:createdBy coverage in staging last month", "aws:createdBy account=staging last month"),
    # the writer's week up to today, Black Friday included, as FRESH_8's `did Black Friday traffic blow up CloudFront`
    ("/cost", "cloudfrnt costs spiked black friday?", "2026-11-20..2026-11-27 service=cloudfront daily"),
    # a ranking by change is not something `/top-resources` answers (it lists costs only): refused naming the word, as
    # FRESH_12's `which resources blew up since tuesday`
    ("/top-resources", "which dynamo tables grew the most this month vs last", "!grew"),
    # no NAT Gateway usage type in the vocabulary: EC2 by usage type, the NAT lines among them; `prod` meant as the
    # account; `last 30 days` by the grammar's rule (the writer counted today in); the writer's `daily` kept
    (
        "/cost",
        "nat gateway charges in prod us-east-1 last 30 days",
        "last 30 days service=ec2 account=production region=us-east-1 by usage-type daily",
    ),
    # September is the period October is compared with anyway
    ("/cost", "why was 2026-10 higher than 2026-09", "why 2026-10"),
    # NOT SUPPORTED (who): the writer's nearest, by the creator tag
    (
        "/cost",
        "who launched the big instances in staging on 11/18",
        "2026-11-18 service=ec2 account=staging by tag:aws:createdBy",
    ),
    # the writer's last complete week; the week before is the period compared with anyway; the writer's split by
    # service kept
    (
        "/cost",
        "lambda sqs costs data-lake acct wk over wk",
        "last week service=lambda,sqs account=data-lake by service",
    ),
    ("/cost", "total mtd", "this month"),
    ("/cost", "forecast nov", "forecast 2026-11"),
    # `rn` as the writer read it, the latest full day
    ("/top-resources", "whats costing most rn", "yesterday"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_13
    ("/cost", "are we over budget", "!budget"),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this year by month, as FRESH_8
    ("/cost", "aws vs gcp this yr", "this year monthly"),
    # `prod acct` is the account; the writer's split by service kept
    ("/cost", "prod acct last mo", "last month account=production by service"),
    ("/top-resources", "top 5", "5 this month"),
    # the writer's `monthly` kept
    ("/cost", "how much did credits save us this yr", "this year charge-class=credit monthly"),
    # NOT SUPPORTED (runway): the writer's nearest, the months since August by month with the forecast, as FRESH_6
    ("/cost", "runway at current burn", "forecast since 2026-08-01 monthly"),
    # no GPU usage types in the vocabulary: EC2 by usage type, the GPU lines among them, as FRESH_8
    ("/cost", "gpu spend this month", "this month service=ec2 by usage-type"),
    # no GPU instance types in the vocabulary: the EC2 instances, the GPU ones among them, as FRESH_8
    (
        "/top-resources",
        "most expensive p4d / g5 instances in datalake since Halloween",
        "since 2026-10-31 service=ec2 account=data-lake",
    ),
    # a service not on the bill, as FRESH_8's `sagemaker` (the writer's nearest, Glue only, was not taken)
    ("/cost", "glue + sagemaker for the data team Q4", "!sagemaker"),
    # the writer's split by service kept
    (
        "/cost",
        "how much did my training run cost last weekend, it was tagged project=search",
        "2026-11-21..2026-11-22 tag:project=search by service",
    ),
    # no spot usage type in the vocabulary: EC2 by usage type, the spot and on-demand lines among them, as FRESH_8
    (
        "/cost",
        "spot vs on-demand ec2 in us-west-2 for oct",
        "2026-10 service=ec2 region=us-west-2 by usage-type",
    ),
    # a filtered tag breakdown; `last 2 weeks` by the grammar's rule (the writer counted days back from today)
    (
        "/tags",
        "project tag coverage for ec2 in the data-lake account, last 2 weeks",
        "project service=ec2 account=data-lake last 2 weeks",
    ),
    # the bucket's contents are not in the bill: the S3 buckets; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "s3 buckets with training data, biggest cost, ap-southeast2",
        "this month service=s3 region=ap-southeast-2",
    ),
    ("/cost", "RI and savings plan fees by month this year", "this year charge-class=recurring,one-time monthly"),
    # on-demand read as the usage lines (the commitment fees, credits and tax left out)
    (
        "/cost",
        "on-demand EC2 + RDS spend last 3 months by service and region, need it for SP sizing",
        "last 3 months service=ec2,rds charge-class=usage by service, region",
    ),
    # NOT SUPPORTED (utilization): the writer's nearest, RDS by usage type, its RI fee lines among them
    ("/cost", "what's our RI utilization for RDS", "this month service=rds by usage-type"),
    # compute as EC2, Lambda and EKS, as the writer read it; the earlier half first, both kept (H2 so far)
    (
        "/cost",
        "compute spend h1 vs h2",
        "2026-01..2026-06 vs 2026-07..2026-12 service=ec2,lambda,eks",
    ),
    ("/top-resources", "rds instances running all of q3 - biggest ones", "2026-q3 service=rds"),
    # the Savings Plan fees are the commitment fees, as FRESH_1's `savings plans cost last quarter`
    (
        "/cost",
        "savings plan cost 07/01/2026 - 10/31/2026 by acount",
        "2026-07..2026-10 charge-class=recurring,one-time by account",
    ),
    # the writer's order kept, as FRESH_4's `Nov 3-10 vs Nov 17-24`
    (
        "/cost",
        "ec2 stagging vs prod, nov 1-15 compared to oct 1-15",
        "2026-11-01..2026-11-15 vs 2026-10-01..2026-10-15 service=ec2 account=staging,production by account",
    ),
)

#: Typed by a thirteenth person, translated blind by another; first run on the grammar at 2667415.
FRESH_16_FIRST_SIGHT = (32, 5, 13)

FRESH_16: tuple[tuple[str, str, str], ...] = (
    ("/cost", "how much did we spend last month", "last month"),
    ("/cost", "forecast for nov?", "forecast 2026-11"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_13
    ("/cost", "are we over budget this month", "!budget"),
    ("/cost", "q3 spend by account and service", "2026-q3 by account, service"),
    # the day before is the day yesterday is compared with anyway
    ("/cost", "why did ec2 jump yesterday", "why yesterday service=ec2"),
    # last Black Friday is 2025-11-28, as FRESH_13
    ("/cost", "cloudfrount today vs last black friday", "2026-11-27 vs 2025-11-28 service=cloudfront"),
    # `prod` meant as the account, as the writer read it
    (
        "/top-resources",
        "most expensive ec2 instances in prod this week",
        "this week service=ec2 account=production",
    ),
    # no range typed: this month, as the writer read it; the values are listed in every breakdown
    ("/tags", "how much of our spend is tagged with team", "team this month"),
    # `incl tax and support` asks for the total as it is (every charge is in it), as FRESH_12; the writer's separate
    # lines for tax and Support have no canonical form beside the total (no Support service on the bill)
    ("/cost", "total aws bill for october incl tax and support", "2026-10"),
    # the writer's `monthly` kept
    ("/cost", "what did we get in credits ytd", "ytd charge-class=credit monthly"),
    ("/cost", "RI and SP fees last qtr by month", "last quarter charge-class=recurring,one-time monthly"),
    ("/cost", "cost by account 10/1-10/15", "2026-10-01..2026-10-15 by account"),
    # NOT SUPPORTED (cost center): the writer's nearest, by the team tag
    (
        "/cost",
        "can you split the aws bill by cost center for the november accrual",
        "this month by tag:team",
    ),
    # Q2 is the period Q3 is compared with anyway, as FRESH_7's `rds q3 vs q2`
    ("/cost", "Q3 vs Q2", "2026-q3"),
    ("/tags", "project tag coverage last month", "project last month"),
    ("/cost", "api team spend per month since june", "since 2026-06-01 tag:team=api monthly"),
    # a filtered tag breakdown; `staging` the account, as the writer read it; no range typed: this month
    ("/tags", "team breakdown for staging", "team account=staging this month"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "what's the aws cost per engineer on the web team", "this month tag:team=web"),
    # the writer's 18 days since the move (to yesterday) against the 18 days before
    (
        "/cost",
        "did data team glue spend go down after we moved the jobs on the 9th?",
        "2026-11-09..2026-11-26 vs 2026-10-22..2026-11-08 service=glue tag:team=data",
    ),
    # `last 30 days` by the grammar's rule (the writer counted today in)
    ("/cost", "spend by team and env last 30 days", "last 30 days by tag:team, tag:env"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "top 10 things Platform owns", "10 this month tag:team=Platform"),
    # a filtered tag breakdown; `dev` the env tag value, as the writer read it; no range typed: this month
    ("/tags", "aws:createdBy in dev", "aws:createdBy tag:env=dev this month"),
    ("/top-resources", "eks clusters by cost nov", "2026-11 service=eks"),
    ("/cost", "how much is lamda costing us", "this month service=lambda"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "biggest dynamo tables", "this month service=dynamodb"),
    # the writer's `daily` kept
    ("/cost", "sqs in us-east1 since monday", "since 2026-11-23 service=sqs region=us-east-1 daily"),
    # the bot cannot see deploys: the writer's three days after Tuesday against the three before, by day (the writer's
    # longer daily view from the 17th has no form beside the comparison)
    (
        "/cost",
        "did s3 go up after tuesday's deploy",
        "2026-11-24..2026-11-26 vs 2026-11-21..2026-11-23 service=s3 daily",
    ),
    # no range typed: this month, as the writer read it
    ("/cost", "kms for checkout", "this month service=kms tag:project=checkout"),
    ("/cost", "data transfer by region last week", "last week service=data-transfer by region"),
    # NOT SUPPORTED (requests): the writer's nearest
    ("/cost", "what's the cost per request of the search service", "this month tag:project=search daily"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "priciest s3 buckets in datalake acct", "this month service=s3 account=data-lake"),
    # the baseline before the two days is the engine's own
    ("/cost", "anything weird over thanksgiving", "anomalies 2026-11-26..2026-11-27"),
    # `rn` as the writer read it, today, as FRESH_12's `top 10 ec2 in prod rn`
    ("/top-resources", "what's burning money in eu west rn", "today region=eu-west-1"),
    # no inter-region usage type in the vocabulary: Data Transfer by usage type, the inter-region lines among them;
    # `prod` and `stagging` the accounts, as the writer read them, side by side
    (
        "/cost",
        "inter-region data transfer prod vs stagging mtd",
        "this month service=data-transfer account=production,staging by account, usage-type",
    ),
    # NOT SUPPORTED (PagerDuty, another vendor's bill, as GCP): the writer's nearest, the AWS bill by service
    ("/cost", "is the pagerduty bill in here", "this month by service"),
    ("/cost", "ec2 weekly since sept 1 by usage type", "since 2026-09-01 service=ec2 weekly by usage-type"),
    # a filtered tag breakdown; no range typed: this month
    ("/tags", "env coverage in ap-southeast-2", "env region=ap-southeast-2 this month"),
    ("/cost", "what's our run rate", "forecast 2026-11"),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this month with its month-end forecast
    ("/cost", "how does aws compare to gcp for us", "forecast this month"),
    ("/cost", "top 5 services H2 so far", "since 2026-07-01 by service top 5"),
    # like for like, as FRESH_3's `YoY change in November spend, month to date`
    ("/cost", "nov yoy", "this month vs 2025-11"),
    # `last 6 months` by the grammar's rule: the six full months before this one, as the writer counted
    ("/cost", "cost by account, last 6 months, monthly", "last 6 months by account monthly"),
    # Black Friday week to each Friday, the writer's order kept, as FRESH_5's `Black Friday last year vs today`
    (
        "/cost",
        "how much did checkout cost black friday week last year vs this year",
        "2025-11-24..2025-11-28 vs 2026-11-23..2026-11-27 tag:project=checkout",
    ),
    ("/cost", "search cost since we launched on 9/15", "since 2026-09-15 tag:project=search"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "3 most expensive things in checkout", "3 this month tag:project=checkout"),
    # NOT SUPPORTED (names): the writer's nearest, as FRESH_8's `Dave's team`
    ("/cost", "what did Priya's team spend in october", "2026-10 by tag:team"),
    (
        "/cost",
        "hey can you pull EC2 + RDS for production only, us-east-1 and us-west-2, daily from the 1st through "
        "yesterday, need it for the capacity review on monday",
        "2026-11-01..2026-11-26 service=ec2,rds account=production region=us-east-1,us-west-2 daily",
    ),
    # the forecast against October, as FRESH_4's `projected ... compare with October`
    ("/cost", "is november going to be higher than october", "forecast 2026-11"),
    ("/tags", "project split last quarter", "project last quarter"),
    # `/top-resources` has no grouping: the RDS resources of both accounts in one list, each with its account
    (
        "/top-resources",
        "most expensive RDS in data-lake and staging for the month of october, by account",
        "2026-10 service=rds account=data-lake,staging",
    ),
)

#: Typed by one more person, translated blind by another; held back unread; first sight on 4168b48.
FRESH_14_FIRST_SIGHT = (36, 5, 9)

FRESH_14: tuple[tuple[str, str, str], ...] = (
    ("/cost", "how much did we spend last month in total", "last month"),
    # the total as it is holds tax, credits, RI/SP fees and Support (no filter keeps them out)
    ("/cost", "invoice says $48,212.37 for October, what's your total for oct incl tax and credits?", "2026-10"),
    ("/cost", "october tax line only", "2026-10 service=tax"),
    ("/cost", "credits applied in Q3 by month", "2026-q3 charge-class=credit monthly"),
    # RI and SP fees by charge class; September is the period October is compared with anyway, as CORPUS's `oct vs sep`
    ("/cost", "RI and savings plan fees oct vs sep", "2026-10 charge-class=recurring,one-time"),
    # no Support service on the bill, as in FRESH_4, FRESH_5 and FRESH_7 to FRESH_11
    ("/cost", "support plan charge for 10/2026", "!support"),
    # NOT SUPPORTED (invoice PDF): the writer's nearest, October by charge class, as FRESH_5
    ("/cost", "why doesn't your number match the invoice PDF AWS emailed us?", "2026-10 by charge-class"),
    ("/cost", "what does my lambda cost? team api", "this month service=lambda tag:team=api"),
    # `last 2 weeks` by the grammar's rule (the writer counted days back from yesterday)
    (
        "/cost",
        "dynamo db spend for project search last 2 weeks daily",
        "last 2 weeks service=dynamodb tag:project=search daily",
    ),
    (
        "/cost",
        "how much is the checkout service costing us per day in prod",
        "this month tag:project=checkout tag:env=prod daily",
    ),
    # the writer's same-length period before the deploy
    (
        "/cost",
        "did my glue jobs get more expensive after the 11/10 deploy?",
        "2026-11-10..2026-11-26 vs 2026-10-24..2026-11-09 service=glue daily",
    ),
    ("/cost", "spend?", "this month"),
    ("/cost", "forecast nov", "forecast 2026-11"),
    # like for like: the complete days of November against the same days of October
    ("/cost", "why up vs last month", "why this month"),
    ("/cost", "ytd by acct", "ytd by account"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_11
    ("/cost", "are we on budget", "!budget"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "spend per engineer", "this month by tag:team"),
    ("/cost", "need total by account and service for October for my director deck", "2026-10 by account, service"),
    (
        "/cost",
        "monthly spend for team data since July, by service",
        "since 2026-07-01 tag:team=data monthly by service",
    ),
    ("/cost", "how does our Q3 compare to Q2, broken down by team", "2026-q3 vs 2026-q2 by tag:team"),
    # no percentages in the grammar: the breakdown they are shares of
    ("/cost", "what % of total was the data-lake account last quarter", "last quarter by account"),
    # NOT SUPPORTED (December): the writer's nearest, this month's forecast
    ("/cost", "how much will we spend in december", "forecast 2026-11"),
    ("/cost", "what did we spend over the weekend", "2026-11-21..2026-11-22 daily"),
    # last week is the period this week is compared with anyway (its same days)
    ("/cost", "daily spend this week vs last week", "this week daily"),
    ("/cost", "anything weird in the last 10 days?", "anomalies last 10 days"),
    # Thanksgiving against the same weekday a week earlier, as the writer read it
    ("/cost", "yesterday (thanksgiving) vs a normal thursday", "2026-11-26 vs 2026-11-19"),
    ("/cost", "cloudfornt today vs last black friday", "2026-11-27 vs 2025-11-28 service=cloudfront"),
    # a list of days has no canonical form: the span holding the writer's weekend days, by day, read off by hand
    (
        "/cost",
        "data transfer by region, every saturday and sunday in november",
        "2026-11-01..2026-11-22 service=data-transfer by region daily",
    ),
    (
        "/cost",
        "ec2 spend in ap-southeast2 daily since tues",
        "since 2026-11-24 service=ec2 region=ap-southeast-2 daily",
    ),
    ("/cost", "staging acct cost by usage type 11/1-11/15", "2026-11-01..2026-11-15 account=staging by usage-type"),
    # a help request: the writer's nearest useful answer, the total this month
    ("/cost", "what can you do", "this month"),
    (
        "/cost",
        "hi, I'm new here - what does the aws bill look like for the production account, like by service?",
        "this month account=production by service",
    ),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this month
    ("/cost", "how much does our GCP cost", "this month"),
    # NOT SUPPORTED (who): the writer's nearest, by the creator tag
    (
        "/cost",
        "who launched the most expensive stuff in eu-west-1 last month",
        "last month region=eu-west-1 by tag:aws:createdBy",
    ),
    ("/cost", "rds by account and region 2026-09", "2026-09 service=rds by account, region"),
    # `last 8 weeks` by the grammar's rule: the 8 whole weeks before this one, as the writer counted
    ("/cost", "S3 costs weekly for the last 8 weeks in data lake", "last 8 weeks service=s3 account=data-lake weekly"),
    (
        "/top-resources",
        "most expensive ec2 instnces in prodution this month",
        "this month service=ec2 account=production",
    ),
    ("/top-resources", "biggest s3 buckets by cost oct", "2026-10 service=s3"),
    ("/top-resources", "top 5 dynamdb tables last 30 days", "5 last 30 days service=dynamodb"),
    ("/top-resources", "which rds instance is eating the staging budget", "this month service=rds account=staging"),
    ("/top-resources", "top 10 resources tagged team=Platform, Q4 so far", "10 this quarter tag:team=Platform"),
    (
        "/top-resources",
        "lambda functions costing most in us-east1 yesterday",
        "yesterday service=lambda region=us-east-1",
    ),
    # NOT SUPPORTED (owner): the writer's nearest; the tags beside each resource have no canonical form
    (
        "/top-resources",
        "whats the most expensive thing in the data-lake acct since 11/15 and who owns it",
        "since 2026-11-15 account=data-lake",
    ),
    # NOT SUPPORTED (idle, utilization): the writer's nearest
    ("/top-resources", "idle ec2 instances we can turn off", "this month service=ec2"),
    ("/tags", "env coverage last month", "env last month"),
    # a filtered tag breakdown; `prod account` is the account
    ("/tags", "how much of prod account spend has a team tag", "team account=production this month"),
    ("/tags", "project tag breakdown for sept and oct", "project 2026-09..2026-10"),
    # the untagged share by service has no canonical `/tags` form: the team tag's coverage this month
    ("/tags", "team tag this month, what's untagged by service?", "team this month"),
    # not a tag key on this bill: the writer's nearest, the team tag's coverage
    ("/tags", "is the owner tag on everything?", "team this month"),
    # a filtered tag breakdown; Q4 so far from its start, as FRESH_3's convention
    (
        "/tags",
        "aws:createdBy coverage in staging since the start of q4",
        "aws:createdBy account=staging since 2026-10-01",
    ),
)

#: Typed by one more person, translated blind by another; held back unread; first sight on 4168b48.
FRESH_17_FIRST_SIGHT = (32, 2, 16)

FRESH_17: tuple[tuple[str, str, str], ...] = (
    # `net of credits` is credits included (the default), as FRESH_5; all accounts is every account anyway
    ("/cost", "total spend for october, all accounts, net of credits", "2026-10"),
    ("/cost", "ec2 by region last week", "last week service=ec2 by region"),
    # the forecast against the same days of October, as FRESH_4's `projected ... compare with October` and FRESH_6's
    # `how are we tracking for November`
    ("/cost", "how are we tracking vs last month", "forecast 2026-11"),
    (
        "/cost",
        "hi! sorry if this is a dumb question but how much did we spend on S3 in the data lake account in september?",
        "2026-09 service=s3 account=data-lake",
    ),
    # yesterday is the day today is compared with anyway, as FRESH_12's `why did costs jump today` (the writer's
    # meaning, not the nearest reliable day they named as a fallback)
    ("/cost", "why is cost spiking today", "why today"),
    # no range typed: the writer's months since June by month, November so far
    ("/cost", "what does checkout cost us per month", "since 2026-06-01 tag:project=checkout monthly"),
    ("/cost", "Q3 spend by account and service", "2026-q3 by account, service"),
    # `past 2 weeks` by the grammar's rule (the writer counted 14 days back from today)
    ("/cost", "lamda costs daily past 2 weeks", "last 2 weeks service=lambda daily"),
    # as CORPUS's `yesterday compared with the same day last week`
    ("/cost", "cloudfront yesterday vs same day last week", "yesterday vs 2026-11-19 service=cloudfront"),
    ("/cost", "where will november land", "forecast 2026-11"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_13
    ("/cost", "are we over budget this quarter?", "!budget"),
    ("/cost", "whats the tax line for 10/1-10/31", "2026-10 service=tax"),
    (
        "/cost",
        "data transfer us-east-1 vs eu-west-1 this month",
        "this month service=data-transfer region=us-east-1,eu-west-1 by region",
    ),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total last quarter
    ("/cost", "how much did we spend on GCP last quarter", "last quarter"),
    (
        "/cost",
        "How much have we paid in RI and Savings Plan fees year to date, month by month?",
        "ytd charge-class=recurring,one-time monthly",
    ),
    ("/cost", "any weird days in rds this week", "anomalies this week service=rds"),
    ("/cost", "eks spend by month since jun", "since 2026-06-01 service=eks monthly"),
    # `prod` meant as the account, as the writer read it
    (
        "/cost",
        "whats the diffrence between staging and prod spend for nov 1-15",
        "2026-11-01..2026-11-15 account=production,staging by account",
    ),
    # the writer's bracketed `optionally monthly` left out, as FRESH_4's `(monthly)`
    ("/cost", "credits applied in H1", "2026-01..2026-06 charge-class=credit"),
    # `the last 30 days` by the grammar's rule (the writer counted today in)
    (
        "/cost",
        "dynamo costs in ap-southeast-2 over the last 30 days by usage type",
        "last 30 days service=dynamodb region=ap-southeast-2 by usage-type",
    ),
    # last Black Friday is 2025-11-28; the writer's split by service kept
    (
        "/cost",
        "Did Black Friday traffic move the bill compared to last year's Black Friday? Mostly interested in "
        "CloudFront and EC2.",
        "2026-11-27 vs 2025-11-28 service=cloudfront,ec2 by service",
    ),
    # daily data: the whole days holding last night, as FRESH_9's `soak test last night`; the writer's `daily` kept
    ("/cost", "glue cost last night", "2026-11-26..2026-11-27 service=glue daily"),
    # no Support service on the bill, as in FRESH_4, FRESH_5 and FRESH_7 to FRESH_13
    ("/cost", "support plan cost for each month this year", "!support"),
    ("/cost", "weekly cost trend for last quarter by team", "last quarter by tag:team weekly"),
    ("/cost", "cost for 2026-11-02 to 2026-11-08 excluding tax", "2026-11-02..2026-11-08 service!=tax"),
    # the writer's split by service kept
    ("/cost", "kms + sqs since the 15th", "since 2026-11-15 service=kms,sqs by service"),
    (
        "/cost",
        "how much does search cost vs checkout, this month",
        "this month tag:project=search,checkout by tag:project",
    ),
    # September is the period October is compared with anyway, as CORPUS's `oct vs sep`
    ("/cost", "Oct vs Sep by service", "2026-10 by service"),
    ("/cost", "ec2 in us-wst-2 today?", "today service=ec2 region=us-west-2"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "what's our AWS cost per engineer", "last month by tag:team"),
    # `staging` the account, as the writer read it
    ("/cost", "cost by createdBy in staging last month", "last month account=staging by tag:aws:createdBy"),
    (
        "/cost",
        "production account, last 3 full months, monthly, amortized",
        "last 3 months account=production monthly amortized",
    ),
    # no range typed (`rn`): the writer's two weeks up to today
    ("/cost", "is s3 in datalake acct weird rn", "anomalies 2026-11-13..2026-11-27 service=s3 account=data-lake"),
    ("/cost", "One number please: total AWS spend for 2025.", "2025"),
    # Tuesday is the day Wednesday is compared with anyway
    ("/cost", "why did ec2 jump between tuesday and wednesday", "why 2026-11-25 service=ec2"),
    # NOT SUPPORTED (names): the writer's nearest, as FRESH_10's `Marco's team`
    ("/cost", "how much did Priya's team spend last month", "last month by tag:team"),
    # `prod` meant as the account
    ("/top-resources", "biggest ec2 instances in prod this month", "this month service=ec2 account=production"),
    # `right now` as the writer read it, today (its partial day), as FRESH_12's `rn`
    ("/top-resources", "what's burning money right now", "today"),
    ("/top-resources", "top 10 most expensive resources in October", "10 2026-10"),
    ("/top-resources", "top s3 buckets in data-lake for last quarter pls", "last quarter service=s3 account=data-lake"),
    # `past 90 days` by the grammar's rule (the writer counted today in); all accounts is every account anyway
    ("/top-resources", "top 5 rds databases across all accounts, past 90 days", "5 last 90 days service=rds"),
    # Labor Day 2026 is Monday 2026-09-07
    (
        "/top-resources",
        "Which individual resources cost the most for the checkout project since Labor Day?",
        "since 2026-09-07 tag:project=checkout",
    ),
    ("/top-resources", "top dynamodb tables in eu-west-1 yesterday", "yesterday service=dynamodb region=eu-west-1"),
    (
        "/top-resources",
        "largest lambdas in staging wk of 11/9",
        "2026-11-09..2026-11-15 service=lambda account=staging",
    ),
    # the untagged share is part of every breakdown
    ("/tags", "how much spend has no team tag this month", "team this month"),
    # a filtered tag breakdown; `staging acct` is the account
    ("/tags", "env tag coverage in staging acct last week", "env account=staging last week"),
    ("/tags", "team breakdown for Q3", "team 2026-q3"),
    ("/tags", "project tag coverage october", "project 2026-10"),
    ("/tags", "what % of our spend is tagged with a project, ytd, and which one is biggest", "project ytd"),
    # a filtered tag breakdown; no range typed: this month, as the writer read it; `prod` meant as the account
    ("/tags", "who created the untagged stuff in prod", "aws:createdBy account=production this month"),
)

#: Typed by one more person, translated blind by another; first sight on ac6675c (29/7/14 on 4168b48).
FRESH_18_FIRST_SIGHT = (32, 6, 12)

FRESH_18: tuple[tuple[str, str, str], ...] = (
    # `need it to match the invoice` asks for the total as it is (every charge is in it), as FRESH_12's `including tax
    # and support`
    ("/cost", "what did we pay aws for october, need it to match the invoice", "2026-10"),
    ("/cost", "oct tax line only", "2026-10 service=tax"),
    ("/cost", "credits applied in october by account", "2026-10 charge-class=credit by account"),
    # no Support service on the bill, as in FRESH_4, FRESH_5, FRESH_7 to FRESH_13 and FRESH_15
    ("/cost", "Support charge for Sept and Oct?", "!support"),
    # NOT SUPPORTED (invoice): the writer's nearest, the account's October total, held against the invoice figure by
    # hand
    ("/cost", "invoice says $48,212.07 for 333344445555 in october, what do you have", "2026-10 account=data-lake"),
    # no split of the commitment fees into Savings Plan and RI fees by charge class or charge type: the fees by usage
    # type, where the Savings Plan and RI fee lines are apart
    ("/cost", "savings plan fees vs RI fees ytd", "ytd charge-class=recurring,one-time by usage-type"),
    ("/cost", "prodution account total 10/1-10/31 excl tax", "2026-10 account=production service!=tax"),
    # `last 30 days` by the grammar's rule (the writer counted today in)
    ("/cost", "data transfer by region last 30 days", "last 30 days service=data-transfer by region"),
    # no NAT Gateway usage type in the vocabulary: EC2 by usage type, the NAT lines among them, as FRESH_15; no range
    # typed: this month, as the writer read it
    ("/cost", "how much is NAT gateway costing us", "this month service=ec2 by usage-type"),
    ("/cost", "EKS vs EC2 monthly since june", "since 2026-06-01 service=eks,ec2 monthly by service"),
    # `last 6 weeks` by the grammar's rule (the writer counted this week in), as FRESH_12's `the last 8 weeks`
    ("/cost", "cloudfrnt spend week over week, last 6 weeks", "last 6 weeks service=cloudfront weekly"),
    (
        "/cost",
        "dynamo db in us-west-2 vs us-east-1 for Q3",
        "2026-q3 service=dynamodb region=us-west-2,us-east-1 by region",
    ),
    # `right now` as the writer read it, this month; `staging` the account
    ("/top-resources", "biggest ec2 instances in staging right now", "this month service=ec2 account=staging"),
    # `prod` meant as the account
    (
        "/top-resources",
        "top 10 s3 buckets by cost, last month, prod only",
        "10 last month service=s3 account=production",
    ),
    # no percentages in the grammar: the breakdown they are shares of, as FRESH_7; no range typed: this month, as the
    # writer read it
    ("/cost", "what % of our spend is lambda", "this month by service"),
    # `past 90 days` by the grammar's rule (the writer counted today in)
    ("/cost", "kms and sqs by account and service, past 90 days", "last 90 days service=kms,sqs by account, service"),
    # the same days of last month are the comparison every answer makes anyway, as FRESH_7's `ec2 mtd vs last mo`
    ("/cost", "glue spend this month vs last month", "this month service=glue"),
    # `the last two weeks` by the grammar's rule (the writer counted 14 days back from today)
    ("/cost", "data-lake account daily for the last two weeks", "last 2 weeks account=data-lake daily"),
    # a filtered tag breakdown; no range typed: this month, as the writer read it
    ("/tags", "how much of team=data spend has a project tag", "project tag:team=data this month"),
    # a day against a week's total has no like-for-like form (both spans are compared as they are): the 14th against the
    # same weekday a week earlier, as FRESH_10's `thanksgiving`; Glue and S3 among the services the answer ranks
    (
        "/cost",
        "hey, why did the data lake bill jump on the 14th? was it glue or s3? compare it to the week before please",
        "why 2026-11-14 vs 2026-11-07 account=data-lake",
    ),
    ("/top-resources", "glue jobs costing the most this qtr", "this quarter service=glue"),
    # the earlier half first, both kept (H2 so far), as FRESH_15's `compute spend h1 vs h2`
    ("/cost", "team data by service, H1 vs H2 so far", "2026-01..2026-06 vs 2026-07..2026-12 tag:team=data by service"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "can you tell me how much each of my 6 engineers costs us", "this month tag:team=data by service"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_16
    ("/cost", "are we over the data team budget for Q4", "!budget"),
    # a filtered tag breakdown; no range typed: this month, as the writer read it
    ("/tags", "project tag on data-lake acct", "project account=data-lake this month"),
    # the writer's `monthly` kept
    ("/cost", "kms spend by account, last 3 months", "last 3 months service=kms by account monthly"),
    # a filtered tag breakdown; `prod` meant as the account; no range typed: this month
    ("/tags", "aws:createdBy coverage in prod", "aws:createdBy account=production this month"),
    # no range typed: the writer's last 30 days, by the grammar's rule (the writer counted today in)
    (
        "/cost",
        "any weird spend in ap-southeast-2? we don't run anything there",
        "anomalies last 30 days region=ap-southeast-2",
    ),
    ("/cost", "unusual days over thanksgiving week", "anomalies 2026-11-23..2026-11-27"),
    ("/top-resources", "which resources in eu-west1 cost the most since sept", "since 2026-09-01 region=eu-west-1"),
    # NOT SUPPORTED (who): the writer's nearest, by the creator tag, as FRESH_9 and FRESH_15
    (
        "/cost",
        "who spun up the big instances in staging last tuesday",
        "2026-11-24 service=ec2 account=staging by tag:aws:createdBy",
    ),
    # untagged as the writer read it, none of the env, team and project tags; `prod` meant as the account; no range
    # typed: this month
    (
        "/top-resources",
        "untagged resources in prod costing the most",
        "this month account=production tag:env=untagged tag:team=untagged tag:project=untagged",
    ),
    ("/cost", "forecast for november", "forecast 2026-11"),
    # the same days of last year are the comparison every answer makes anyway, as CORPUS's `2026 vs 2025`
    ("/cost", "total aws ytd vs same period last year", "ytd"),
    ("/cost", "Q3 by account", "2026-q3 by account"),
    # last Black Friday is 2025-11-28, as FRESH_13
    ("/cost", "how does today compare to black friday last year", "2026-11-27 vs 2025-11-28"),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this month
    ("/cost", "what's our GCP spend this month", "this month"),
    # `last 12 months` by the grammar's rule (the writer counted November in); tax and credits as their own lines by
    # charge class
    (
        "/cost",
        "for the board deck I need total spend by month for the last 12 months, split by account, with tax and "
        "credits shown separately if you can",
        "last 12 months by account, charge-class monthly",
    ),
    # September is the period October is compared with anyway
    ("/cost", "why is Oct higher than Sept", "why 2026-10"),
    # no range typed: this month, as the writer read it
    ("/tags", "env coverage", "env this month"),
    # NOT SUPPORTED (orders): the writer's nearest, as FRESH_4's `unit cost per order for checkout`
    (
        "/cost",
        "what's our aws cost per customer order over the holiday",
        "2026-11-23..2026-11-27 tag:project=checkout daily",
    ),
    # no range typed: this month, as the writer read it; `staging` the account
    ("/cost", "how much does staging cost", "this month account=staging"),
    # which functions are the writer's is not in the bill: all of Lambda, as the writer read it
    ("/cost", "how much did my lambda cost yesterday", "yesterday service=lambda"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "most expensive thing in the checkout project", "this month tag:project=checkout"),
    # the values are listed in every breakdown, each stored casing apart; no range typed: this month
    ("/tags", "team tag - is Platform the same as platform?", "team this month"),
    # `dev vs prod` is the env tag
    ("/cost", "rds dev vs prod this wk", "this week service=rds tag:env=dev,prod by tag:env"),
    # `last 7 days` by the grammar's rule (the writer counted today in)
    (
        "/top-resources",
        "expensive dynamodb tables for the api team, last 7 days",
        "last 7 days service=dynamodb tag:team=api",
    ),
    (
        "/cost",
        "s3 storage vs request usage types for the search project from 11/2 to 11/20",
        "2026-11-02..2026-11-20 service=s3 tag:project=search by usage-type",
    ),
    ("/top-resources", "top 5 rds instances across all accounts for Q3", "5 2026-q3 service=rds"),
    # Labor Day 2026 is Monday 2026-09-07, as FRESH_13
    (
        "/cost",
        "staging ec2 by region and usage type since labor day",
        "since 2026-09-07 service=ec2 account=staging by region, usage-type",
    ),
)

#: Typed by one more person, translated blind by another; first sight on 07fa3e2 (31/8/11 on 4168b48).
FRESH_19_FIRST_SIGHT = (35, 8, 7)

FRESH_19: tuple[tuple[str, str, str], ...] = (
    ("/cost", "total aws spend Q3 for the board deck, excl tax pls", "2026-q3 service!=tax"),
    ("/top-resources", "top 20 line items ytd for the appendix", "20 ytd"),
    ("/cost", "where will november land", "forecast 2026-11"),
    ("/cost", "ytd by account", "ytd by account"),
    # the fees and the credits side by side by charge class, as FRESH_12's `what credits were applied ... RI and
    # Savings Plan fees`
    (
        "/cost",
        "what was our credits total this year and how much went on RI/SP fees",
        "this year charge-class=recurring,one-time,credit by charge-class",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_18 (the writer's nearest, Q4 so far
    # with the forecast, was not taken)
    ("/cost", "are we over budget for Q4?", "!budget"),
    ("/tags", "team coverage Q3 - need the % we can allocate to teams for the board", "team 2026-q3"),
    # flagging moves over 10% has no canonical form: the monthly series by service they are read off, as FRESH_7's
    # `median` and `percentiles`
    (
        "/cost",
        "for the board pack I need monthly spend jan through oct broken out by service, and please flag "
        "anything that moved more than 10% month on month",
        "2026-01..2026-10 monthly by service",
    ),
    # daily data: the whole days holding Tuesday night, against the writer's preceding days (both spans compared as
    # they are), by day
    ("/cost", "did ec2 spike tuesday night?", "2026-11-24..2026-11-25 vs 2026-11-17..2026-11-23 service=ec2 daily"),
    # the day before is the day yesterday is compared with anyway
    ("/cost", "why did data transfer jump yesterday", "why yesterday service=data-transfer"),
    # `last 7 days` by the grammar's rule (the writer counted today in); `prod` meant as the account
    ("/cost", "any anomalies last 7 days in prod", "anomalies last 7 days account=production"),
    (
        "/cost",
        "cloudfornt spend during the incident window 11/24-11/25 vs the same two days the week before, need "
        "it for the postmortem",
        "2026-11-24..2026-11-25 vs 2026-11-17..2026-11-18 service=cloudfront",
    ),
    # `prod` meant as the account
    (
        "/top-resources",
        "top 10 rds instances in prod us-east-1 this week",
        "10 this week service=rds account=production region=us-east-1",
    ),
    (
        "/cost",
        "lamda cost per day since monday, us-east1 only",
        "since 2026-11-23 service=lambda region=us-east-1 daily",
    ),
    # the writer's days of the loop, Saturday included, against the same days a week earlier; the writer's `daily`
    # kept
    (
        "/cost",
        "what did the runaway sqs retry loop cost us? started wed the 18th, fixed it saturday morning",
        "2026-11-18..2026-11-21 vs 2026-11-11..2026-11-14 service=sqs daily",
    ),
    # `prod` meant as the account
    ("/top-resources", "prod, yesterday, top 10", "10 yesterday account=production"),
    # no GPU usage types in the vocabulary: EC2 by usage type, the GPU lines among them, as FRESH_15; no range typed:
    # this month, as the writer read it
    ("/cost", "how much are we spending on GPUs", "this month service=ec2 by usage-type"),
    ("/cost", "glue spend in data-lake last month", "last month service=glue account=data-lake"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "biggest s3 buckets in datalake acct", "this month service=s3 account=data-lake"),
    # a service not on the bill, as FRESH_8's and FRESH_15's `sagemaker` (the writer's nearest, EC2 and Glue in data-
    # lake, was not taken)
    ("/cost", "sagemaker cost for training jobs in oct", "!sagemaker"),
    # NOT SUPPORTED (hours, jobs): the writer's nearest, the whole days holding the run
    (
        "/cost",
        "what did my training run cost from 9pm 11/19 to 3am 11/20",
        "2026-11-19..2026-11-20 service=ec2 account=data-lake daily",
    ),
    # a filtered tag breakdown; a value of the key listed is one of the values listed, as FRESH_4's `Plattform team
    # tag coverage on ec2`; no range typed: this month
    ("/tags", "project=data coverage in data-lake account", "project account=data-lake this month"),
    # Q4 so far from its start, as FRESH_3's convention
    (
        "/cost",
        "s3 + dynamo for team data, weekly, since start of Q4",
        "since 2026-10-01 service=s3,dynamodb tag:team=data weekly",
    ),
    # idle or busy is not in the bill: the EC2 instances by cost, as the writer read it
    (
        "/top-resources",
        "top ec2 in data-lake this month, want to find the gpu boxes someone forgot to turn off",
        "this month service=ec2 account=data-lake",
    ),
    # `last 30 days` by the grammar's rule (the writer counted today in)
    ("/cost", "cost by account and service for last 30 days", "last 30 days by account, service"),
    # no inter-region or internet usage types in the vocabulary: Data Transfer by usage type, those lines among them,
    # as FRESH_16; no range typed: this month, as the writer read it
    (
        "/cost",
        "how much of our data transfer is cross-region vs internet egress? trying to figure out if the eu "
        "replication is worth it",
        "this month service=data-transfer by usage-type",
    ),
    (
        "/cost",
        "eu-west1 vs ap-southeast2 monthly since july",
        "since 2026-07-01 region=eu-west-1,ap-southeast-2 by region monthly",
    ),
    # all accounts is every account anyway
    ("/top-resources", "most expensive dynamodb tables, all accounts, last month", "last month service=dynamodb"),
    # no range typed: this month, as the writer read it
    ("/cost", "how much is KMS costing us per region", "this month service=kms by region"),
    # NOT SUPPORTED (coverage): the writer's nearest, the commitment fees split by charge class, as FRESH_13
    ("/cost", "RI + savings plan coverage %?", "this month charge-class=recurring,one-time by charge-class"),
    # a filtered tag breakdown; `staging acct` is the account; no range typed: this month, as the writer read it
    ("/tags", "env tag breakdown staging acct ec2 only", "env service=ec2 account=staging this month"),
    # NOT SUPPORTED (what-if pricing): the writer's nearest
    ("/cost", "what would it cost to move staging to graviton", "2026-10 service=ec2 account=staging by usage-type"),
    ("/cost", "total bill last month", "last month"),
    # like for like: the complete days of November against the same days of October
    ("/cost", "why is the bill up", "why this month"),
    # no Support service on the bill, as in FRESH_4 to FRESH_18
    ("/cost", "how much did we pay for support in 2026", "!support"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "cost per employee this year", "this year"),
    # no percentages in the grammar: the breakdown they are shares of, as FRESH_7 and FRESH_14
    ("/cost", "staging as % of total this quarter?", "this quarter by account"),
    ("/cost", "Oct '26 vs Oct '25", "2026-10 vs 2025-10"),
    # last Black Friday is 2025-11-28; the writer's order kept, as FRESH_5
    ("/cost", "what did black friday cost us last year vs today so far", "2025-11-28 vs 2026-11-27"),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this month with its month-end forecast, as FRESH_16
    ("/cost", "how are we tracking vs GCP", "forecast this month"),
    (
        "/cost",
        "hi! can i get the ec2 numbers for each month of 2026 so far please, split by account",
        "ytd service=ec2 by account monthly",
    ),
    ("/cost", "s3 cost 10/1/2026 - 10/31/2026", "2026-10 service=s3"),
    ("/top-resources", "top 5 most expensive things last week", "5 last week"),
    # no range typed: this month, as the writer read it
    ("/tags", "team tag", "team this month"),
    # `stagging` the account, as the writer read it
    ("/cost", "rds stagging sep", "2026-09 service=rds account=staging"),
    # the untagged share is part of every breakdown
    ("/tags", "how much of our spend doesnt have a project tag, last quarter", "project last quarter"),
    # NOT SUPPORTED (names): the writer's nearest, by the creator tag
    (
        "/cost",
        "who in the web team spent the most on ec2 in nov",
        "2026-11 service=ec2 tag:team=web by tag:aws:createdBy",
    ),
    # Oregon is us-west-2
    ("/top-resources", "ec2 instances oregon 2nd-15th nov", "2026-11-02..2026-11-15 service=ec2 region=us-west-2"),
    # tax and credits left out by charge class, as FRESH_11 and FRESH_12
    (
        "/cost",
        "cost by region and account 2026-04 thru 2026-06 pls (excluding tax + credits)",
        "2026-04..2026-06 by region, account charge-class!=tax,credit",
    ),
    # a filtered tag breakdown; `prod` meant as the account
    ("/tags", "aws:createdBy coverage for prod since sept", "aws:createdBy account=production since 2026-09-01"),
)

#: Typed by one more person, translated blind by another; held back unread; first sight on 4168b48.
FRESH_20_FIRST_SIGHT = (27, 10, 13)

FRESH_20: tuple[tuple[str, str, str], ...] = (
    ("/cost", "how much did we spend yesterday", "yesterday"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_18
    ("/cost", "platform mtd vs budget?", "!budget"),
    # `last 3 months` by the grammar's rule: the three full months before this one, as the writer counted; the writer's
    # `monthly` kept
    ("/cost", "rds cost by account last 3 months", "last 3 months service=rds by account monthly"),
    ("/top-resources", "biggest rds instances this month", "this month service=rds"),
    # the week before is the period compared with anyway
    ("/cost", "why did dynamo go up last week", "why last week service=dynamodb"),
    # no range typed: the writer's latest full month; the bracketed `(monthly)` left out, as FRESH_4
    ("/cost", "how much does checkout cost us a month", "last month tag:project=checkout"),
    ("/cost", "cloudfornt spend since oct 1, daily", "since 2026-10-01 service=cloudfront daily"),
    # the week before is the period compared with anyway, as CORPUS's `last week versus the week before`
    (
        "/cost",
        "weekly review - totals by account and service, last week vs the week before",
        "last week by account, service",
    ),
    ("/cost", "any weird days this month?", "anomalies this month"),
    # a filtered tag breakdown; `production` the account; no range typed: this month, as the writer read it
    ("/tags", "how much of production spend has a team tag", "team account=production this month"),
    # the untagged share is part of every breakdown
    ("/tags", "untagged spend by env in sept", "env 2026-09"),
    # NOT SUPPORTED (who): the writer's nearest, by the creator tag, as FRESH_9, FRESH_15 and FRESH_18; `staging` the
    # account; no range typed: this month, as the writer read it
    (
        "/cost",
        "who spun up the big ec2 boxes in staging",
        "this month service=ec2 account=staging by tag:aws:createdBy",
    ),
    # no range typed: this month, as the writer read it
    ("/top-resources", "what web team stuff costs the most", "this month tag:team=web"),
    ("/cost", "checkout vs search for october", "2026-10 tag:project=checkout,search by tag:project"),
    ("/cost", "forecast", "forecast 2026-11"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_18
    ("/cost", "are we going to blow through the platform budget this month or what", "!budget"),
    # Labor Day 2026 is Monday 2026-09-07, as FRESH_13
    (
        "/top-resources",
        "top 10 s3 buckets in data-lake since labor day",
        "10 since 2026-09-07 service=s3 account=data-lake",
    ),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total last month
    ("/cost", "what did we spend on gcp last month", "last month"),
    # `the last two weeks` by the grammar's rule (the writer counted 14 days back from today), as FRESH_18
    (
        "/cost",
        "glue cost per day for the last two weeks in the datalake account",
        "last 2 weeks service=glue account=data-lake daily",
    ),
    ("/cost", "data transfer by region 9/1-9/15", "2026-09-01..2026-09-15 service=data-transfer by region"),
    # savings against on-demand have no canonical form: the writer's nearest, the Savings Plan fees, as FRESH_9's `how
    # much did savings plans save us`; no range typed: this month, as the writer read it
    (
        "/cost",
        "how much are savings plans actually saving us vs on demand",
        "this month charge-class=recurring,one-time",
    ),
    # no Support service on the bill, as in FRESH_4, FRESH_5, FRESH_7 to FRESH_13, FRESH_15 and FRESH_18
    ("/cost", "support plan cost this year, monthly", "!support"),
    # `last 7 days` by the grammar's rule (the writer counted today in)
    ("/tags", "aws:createdBy coverage last 7 days", "aws:createdBy last 7 days"),
    ("/cost", "how much credit have we burned ytd", "ytd charge-class=credit"),
    # last week is the period this week is compared with anyway (its same days), as FRESH_5's `rds wow prod`; the
    # writer's split by service
    (
        "/cost",
        "eks and ec2 in us-west-2, this week vs last week",
        "this week service=eks,ec2 region=us-west-2 by service",
    ),
    ("/top-resources", "most expensive lambdas yesterday", "yesterday service=lambda"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "whats the priciest thing in ap-southeast2", "this month region=ap-southeast-2"),
    # last Black Friday is 2025-11-28, as FRESH_13
    ("/cost", "black friday vs last year's black friday", "2026-11-27 vs 2025-11-28"),
    # NOT SUPPORTED (headcount): the writer's nearest; `the frontend` as the web team, as the writer read it
    ("/cost", "whats the frontend costing per engineer", "this month tag:team=web"),
    # the earlier month first, both kept, as FRESH_9's `oct vs nov`
    ("/cost", "sqs + lambda for the api team oct vs nov", "2026-10 vs 2026-11 service=sqs,lambda tag:team=api"),
    # the untagged share is part of every breakdown
    ("/tags", "project tag coverage q3", "project 2026-q3"),
    ("/tags", "team coverage since monday", "team since 2026-11-23"),
    # storage and instance hours are RDS usage types: split by usage type, as FRESH_13's `s3 storage vs requests`
    ("/cost", "rds storage vs instance hours last month", "last month service=rds by usage-type"),
    # `production` the account
    ("/cost", "production by region and service since Nov 1", "since 2026-11-01 account=production by region, service"),
    ("/cost", "s3 monthly trend jan-oct", "2026-01..2026-10 service=s3 monthly"),
    # the writer's Thanksgiving week, as FRESH_18's `unusual days over thanksgiving week`
    ("/cost", "did anything spike over thanksgiving", "anomalies 2026-11-23..2026-11-27"),
    # NOT SUPPORTED (hourly, incident): the writer's nearest, RDS by day around Tuesday the 24th
    ("/cost", "how much did the rds failover at 2am tuesday cost us", "2026-11-20..2026-11-27 service=rds daily"),
    # `prod` meant as the account; `last 30 days` by the grammar's rule (the writer counted today in)
    ("/top-resources", "top dynamodb tables in prod last 30 days", "last 30 days service=dynamodb account=production"),
    # FY read as the calendar year, as the writer assumed (FRESH_4's `FY26 so far`: `ytd`); all accounts is every
    # account anyway, split by account as the writer read it
    ("/cost", "kms spend across all accounts FY26 to date, for the audit file", "ytd service=kms by account"),
    # NOT SUPPORTED (encryption): the writer's nearest; no range typed: this month
    ("/top-resources", "list unencrypted s3 buckets", "this month service=s3"),
    # no range typed: the writer's last four full weeks, by week, each against the one before
    ("/cost", "ec2 for env dev week over week", "last 4 weeks service=ec2 tag:env=dev weekly"),
    # a list of days has no canonical form: the writer's span, by day, the weekend days read off by hand, as FRESH_14;
    # `staging` the account
    ("/cost", "staging spend on weekends in november", "2026-11 account=staging daily"),
    # a filtered tag breakdown; `stagng acct` is the account; no range typed: this month
    ("/tags", "env coverage in stagng acct", "env account=staging this month"),
    (
        "/cost",
        "how much did we spend on ec2 in us-east-1 for the search project between 10/05 and 10/19",
        "2026-10-05..2026-10-19 service=ec2 region=us-east-1 tag:project=search",
    ),
    # the earlier month first, both kept, as FRESH_9's `oct vs nov`; tax and credits left out by charge class, as
    # FRESH_11 and FRESH_12; no threshold in the grammar: the changes over 20% read off the comparison by hand
    (
        "/cost",
        "for the weekly review: october vs november so far by account and service, excluding tax and credits, flag "
        "anything that moved more than 20%",
        "2026-10 vs 2026-11 by account, service charge-class!=tax,credit",
    ),
    # the RI fees are the commitment fees, as FRESH_1's `RI spend ytd`; H1 as FRESH_3; the writer's `monthly` kept
    ("/cost", "RI fees H1", "2026-01..2026-06 charge-class=recurring,one-time monthly"),
    # the Terraform role is not a stored value of the creator tag the writer could name (as FRESH_13's `jsmith`): the
    # staging EC2 instances; `stagin` the account; no range typed: this month
    ("/top-resources", "top 5 ec2 created by terraform in stagin", "5 this month service=ec2 account=staging"),
    # the writer's order kept, by month, each project its own line
    (
        "/cost",
        "for the QBR can you show what search has cost each month since may next to checkout",
        "since 2026-05-01 tag:project=search,checkout monthly by tag:project",
    ),
    # NOT SUPPORTED (names): the writer's nearest, by the creator tag, as FRESH_11's `spend per researcher`; no range
    # typed: this month
    ("/cost", "which person on the data team spends the most", "this month tag:team=data by tag:aws:createdBy"),
    ("/cost", "dynamdb 11/2 to 11/8", "2026-11-02..2026-11-08 service=dynamodb"),
)

#: Typed by one more person, translated blind by another; first sight on 9005b8a (27/15/8 on 4168b48).
FRESH_21_FIRST_SIGHT = (32, 12, 6)

FRESH_21: tuple[tuple[str, str, str], ...] = (
    ("/cost", "how much did we spend in october", "2026-10"),
    # the same days of last month are the comparison every answer makes anyway, as FRESH_7's `ec2 mtd vs last mo`
    ("/cost", "mtd vs same point last month", "this month"),
    ("/cost", "where are we landing for november? need a number for the flash report", "forecast 2026-11"),
    ("/cost", "Q3 spend by account and service for my QBR deck", "2026-q3 by account, service"),
    # the day before is the day yesterday is compared with anyway
    ("/cost", "why did costs jump yesterday", "why yesterday"),
    # `prod` meant as the account
    ("/cost", "ec2 spend in prod last week by region", "last week service=ec2 account=production by region"),
    # the outbound lines by usage type, as the writer read `out` (the vocabulary's only Out usage type is eu-west-1's)
    (
        "/cost",
        "data transfer out of us-east1 since 11/1",
        "since 2026-11-01 service=data-transfer region=us-east-1 by usage-type",
    ),
    # the load test day against the writer's typical day, the same weekday a week earlier, as FRESH_12's `normal
    # Friday` (the Monday before is no typical day: the perf suite ran mon-wed); the writer's split by service kept
    (
        "/cost",
        "how much did the load test on tues cost us in staging",
        "2026-11-24 vs 2026-11-17 account=staging by service",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_20 (the writer's nearest, the month
    # so far with the forecast, was not taken)
    ("/cost", "are we over budget this month?", "!budget"),
    # last Black Friday is 2025-11-28, as FRESH_13 and FRESH_16
    ("/cost", "cloudfrount costs today vs last black friday", "2026-11-27 vs 2025-11-28 service=cloudfront"),
    ("/cost", "RDS by usage type last month", "last month service=rds by usage-type"),
    ("/cost", "any weird days in november?", "anomalies 2026-11"),
    # two bases side by side have no canonical form: one basis at a time, as FRESH_4 and FRESH_6
    ("/cost", "amortized vs unblended for sept, excluding credits and tax", "!unblended"),
    # the RI and SP fees are the commitment fees, as FRESH_1's `RI spend ytd`; the writer's `monthly` kept
    (
        "/cost",
        "how much are we paying for savings plans and RIs ytd",
        "ytd charge-class=recurring,one-time monthly",
    ),
    # no Support service on the bill, as in FRESH_4 to FRESH_20
    ("/cost", "what did the support plan run us in Q2", "!support"),
    # NOT SUPPORTED (names): the writer's nearest, as FRESH_17's `Priya's team`
    ("/cost", "how much did Jenna's team spend last month", "last month by tag:team"),
    # NOT SUPPORTED (GCP): the writer's nearest, the AWS total this quarter
    ("/cost", "compare our AWS and GCP spend this quarter", "this quarter"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "aws cost per engineer this year for the QBR", "this year"),
    # Labor Day 2026 is Monday 2026-09-07, as FRESH_13
    ("/cost", "weekly lambda cost since labor day", "since 2026-09-07 service=lambda weekly"),
    # `last 30 days` by the grammar's rule (the writer counted today in)
    (
        "/cost",
        "eks spend us-west-2 vs eu-west-1 last 30 days",
        "last 30 days service=eks region=us-west-2,eu-west-1 by region",
    ),
    # storage and requests are S3 usage types, as FRESH_13's `s3 storage vs requests`
    (
        "/cost",
        "s3 storage vs requests in the datalake acct for oct",
        "2026-10 service=s3 account=data-lake by usage-type",
    ),
    (
        "/cost",
        "how much do we spend in ap-southeast-2 this year, monthly? trying to size the Sydney footprint before we "
        "consolidate",
        "this year region=ap-southeast-2 monthly",
    ),
    # NOT SUPPORTED (what-if pricing): the writer's nearest
    (
        "/cost",
        "what would it cost to move everything from us-east-1 to us-west-2",
        "2026-10 region=us-east-1 by service",
    ),
    # `last 3 months` by the grammar's rule: the three full months before this one (the writer counted November in)
    (
        "/cost",
        "glue and dynamo spend in data-lake, last 3 months by month",
        "last 3 months service=glue,dynamodb account=data-lake monthly by service",
    ),
    # no range typed: this month, as the writer read it
    ("/cost", "kms by acct", "this month service=kms by account"),
    ("/cost", "sqs prodution 11/16-11/20 daily", "2026-11-16..2026-11-20 service=sqs account=production daily"),
    # last week is the period this week is compared with anyway (its same days), as FRESH_20; `staging` the account
    (
        "/cost",
        "staging this week vs last week by service, we ran the perf suite mon-wed",
        "this week account=staging by service",
    ),
    (
        "/cost",
        "spend for env=prod, team=api, last month, by service",
        "last month tag:env=prod tag:team=api by service",
    ),
    # `right now` as the writer read it: unusual days over the writer's two weeks up to today, as FRESH_17's `weird rn`
    (
        "/cost",
        "first on-call, got paged for a cost alert - is spend higher than normal right now??",
        "anomalies 2026-11-13..2026-11-27",
    ),
    # EC2-Other is EC2's non-instance usage types (NAT gateway among them): EC2 by usage type, as FRESH_15's `nat
    # gateway`; `past week` by the grammar's rule (the writer counted 7 days back from today), as FRESH_9's `past wk`
    ("/cost", "EC2-Other breakdown, nat gateway etc, past week", "last week service=ec2 by usage-type"),
    ("/cost", "Oct '26 vs Oct '25 by service", "2026-10 vs 2025-10 by service"),
    # `eu-west` is eu-west-1, the bill's only region there; no range typed: this month, as the writer read it
    ("/cost", "Lamda eu-west", "this month service=lambda region=eu-west-1"),
    (
        "/cost",
        "between 9/14 and 10/2, how much did we spend on data transfer in the production account, split by region",
        "2026-09-14..2026-10-02 service=data-transfer account=production by region",
    ),
    # NOT SUPPORTED (Datadog, another vendor's bill, as GCP): the writer's nearest, the AWS total this year by month
    ("/cost", "how much did the datadog bill go up this year", "this year monthly"),
    ("/cost", "spend by account and region for the week of 11/9", "2026-11-09..2026-11-15 by account, region"),
    # no range typed: this month, as the writer read it; `prod` meant as the account
    ("/top-resources", "biggest ec2 instances in prod", "this month service=ec2 account=production"),
    ("/top-resources", "top 10 most expensive things last month", "10 last month"),
    (
        "/top-resources",
        "which s3 buckets cost the most in data-lake this quarter",
        "this quarter service=s3 account=data-lake",
    ),
    ("/top-resources", "dynamodb tables ranked by cost since monday", "since 2026-11-23 service=dynamodb"),
    # `past 30 days` by the grammar's rule (the writer counted today in)
    (
        "/top-resources",
        "which rds instances in us-east-1 should I look at first before the migration, past 30 days",
        "last 30 days service=rds region=us-east-1",
    ),
    (
        "/top-resources",
        "most expensive resources in staging yesterday, loadtest ran overnight",
        "yesterday account=staging",
    ),
    (
        "/top-resources",
        "top 5 lambdas by cost in ap-southeast2 for sept",
        "5 2026-09 service=lambda region=ap-southeast-2",
    ),
    # NOT SUPPORTED (owner): the writer's nearest, as in FRESH_4, FRESH_6, FRESH_10 and FRESH_12; the tags beside each
    # resource have no canonical form
    ("/top-resources", "who owns the most expensive instance?", "this month service=ec2"),
    # the EKS charges only (worker nodes are EC2), as FRESH_10's `k8s cluster`
    ("/top-resources", "eks top cost 11/20-11/26", "2026-11-20..2026-11-26 service=eks"),
    # no range typed: this month, as the writer read it; the values are listed in every breakdown
    ("/tags", "how much of our spend is tagged with team?", "team this month"),
    ("/tags", "env tag coverage last month", "env last month"),
    # a filtered tag breakdown
    ("/tags", "project coverage in data-lake account for Q3", "project account=data-lake 2026-q3"),
    # the untagged share is part of every breakdown
    ("/tags", "untagged spend by team this month, need it for the chargeback", "team this month"),
    # the values are listed in every breakdown, each stored casing apart, as FRESH_18
    ("/tags", "team tag ytd - do we have both Platform and platform?", "team ytd"),
    # a filtered tag breakdown
    ("/tags", "aws:createdBy coverage on EC2 since oct 1", "aws:createdBy service=ec2 since 2026-10-01"),
)

#: Typed by one more person, translated blind by another; held back unread; first sight on 4168b48.
FRESH_22_FIRST_SIGHT = (24, 10, 16)

FRESH_22: tuple[tuple[str, str, str], ...] = (
    # the charge types the writer lists (usage, tax, credits, RI and SP fees) by charge class, as FRESH_11's `break down
    # last month by charge type`
    ("/cost", "october total incl tax, credits and RI fees broken out", "2026-10 by charge-class"),
    ("/cost", "what did we pay in tax in Q3", "2026-q3 service=tax monthly"),
    ("/cost", "credits applied ytd by month", "ytd charge-class=credit monthly"),
    ("/cost", "accrual estimate for november - where are we going to land?", "forecast 2026-11"),
    # no Support service on the bill, as in FRESH_4 to FRESH_20
    ("/cost", "support plan charges 9/1-10/31", "!support"),
    ("/cost", "october by account and service, unblended pls", "2026-10 by account, service unblended"),
    # no split of the commitment fees into Savings Plan and RI fees by charge class: the fees by usage type, where the
    # Savings Plan and RI fee lines are apart, as FRESH_18
    (
        "/cost",
        "savings plan fees vs RI fees last quarter",
        "last quarter charge-class=recurring,one-time by usage-type",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_20 (the writer's nearest, the forecast
    # against October, was not taken)
    ("/cost", "what's our budget variance for nov", "!budget"),
    # the untagged share is part of every breakdown
    ("/tags", "how much of october spend has no team tag", "team 2026-10"),
    # the earlier month first, both kept, as FRESH_9's `oct vs nov`
    ("/cost", "dta-lake acct spend sept vs oct", "2026-09 vs 2026-10 account=data-lake"),
    ("/cost", "api team spend this month", "this month tag:team=api"),
    # the week before is the period compared with anyway, as CORPUS's `last week versus the week before`
    (
        "/cost",
        "how much did team:api spend on lamda last week vs the week before",
        "last week service=lambda tag:team=api",
    ),
    # no range typed: this month, as the writer read it
    ("/top-resources", "biggest api dynamo tables", "this month service=dynamodb tag:team=api"),
    # `production account` is the account
    (
        "/cost",
        "for the api team can you give me sqs plus lambda in the production account only, daily since the 15th, want "
        "to see if the retry storm fix actually landed",
        "since 2026-11-15 service=sqs,lambda account=production tag:team=api daily",
    ),
    # a follow-up read on its own: the writer's api team; the baseline before the day is the engine's own, as FRESH_16's
    # `anything weird over thanksgiving`
    ("/cost", "did our costs spike yesterday with the thanksgiving traffic?", "anomalies yesterday tag:team=api"),
    # NOT SUPPORTED (who): the writer's nearest, by the creator tag, as FRESH_9, FRESH_15, FRESH_18 and FRESH_20; no
    # range typed: this month, as the writer read it
    (
        "/cost",
        "who on the api team spun up the instance that's costing us the most",
        "this month service=ec2 tag:team=api by tag:aws:createdBy",
    ),
    # a filtered tag breakdown; no range typed: this month, as the writer read it
    ("/tags", "project tag for team api", "project tag:team=api this month"),
    # the writer's order kept, side by side
    (
        "/cost",
        "api spend us-west-2 vs us-east-1 nov so far",
        "this month tag:team=api region=us-west-2,us-east-1 by region",
    ),
    # `last 30 days` by the grammar's rule, the writer's 30 days to yesterday
    ("/cost", "daily glue spend for the last 30 days", "last 30 days service=glue daily"),
    ("/cost", "s3 by usage type in data-lake, 2026-10", "2026-10 service=s3 account=data-lake by usage-type"),
    # Labor Day 2026 is Monday 2026-09-07, as FRESH_13
    ("/cost", "weekly cost by service since labor day", "since 2026-09-07 by service weekly"),
    ("/top-resources", "top 10 s3 buckets in data lake last month", "10 last month service=s3 account=data-lake"),
    ("/cost", "any weird days for glue or s3 in nov?", "anomalies 2026-11 service=glue,s3"),
    # the writer's `monthly` kept
    (
        "/cost",
        "data transfer out of eu-west-1 by usage type, Aug thru Oct",
        "2026-08..2026-10 service=data-transfer region=eu-west-1 monthly by usage-type",
    ),
    # a filtered tag breakdown; 1H as FRESH_3's H1
    ("/tags", "project coverage in the data-lake account for 1H", "project account=data-lake 2026-01..2026-06"),
    # NOT SUPPORTED (BigQuery, GCP): the writer's nearest, Glue in October
    ("/cost", "compare our BigQuery bill with glue for october", "2026-10 service=glue"),
    ("/cost", "kms cost per region, 11/1-11/25", "2026-11-01..2026-11-25 service=kms by region"),
    # the month so far against the same days of October with the month-end forecast, as CORPUS's `are we on pace this
    # month`
    ("/cost", "how are we trending this month", "forecast this month"),
    # September is the period October is compared with anyway
    ("/cost", "why did spend go up in october", "why 2026-10"),
    # Q2 is the period Q3 is compared with anyway, as FRESH_7's `rds q3 vs q2`
    ("/cost", "Q3 vs Q2 by account", "2026-q3 by account"),
    # NOT SUPPORTED (headcount): the writer's nearest
    ("/cost", "what's our cloud cost per engineer this year", "this year monthly"),
    ("/cost", "eks spend ytd monthly by team", "ytd service=eks monthly by tag:team"),
    # `right now` as the writer read it, this month; `prod` meant as the account
    ("/top-resources", "most expensive stuff in prod right now", "this month account=production"),
    # no range typed: this month, as the writer read it
    ("/tags", "team", "team this month"),
    # no percentages in the grammar: the two accounts side by side they are shares of; `last 3 months` by the grammar's
    # rule, as the writer counted; the writer's `monthly` kept
    (
        "/cost",
        "staging is what % of prod? last 3 months",
        "last 3 months account=staging,production by account monthly",
    ),
    ("/cost", "ec2 by region and usage type yesterday", "yesterday service=ec2 by region, usage-type"),
    ("/top-resources", "top rds instances in us-east-1 this week", "this week service=rds region=us-east-1"),
    # NOT SUPPORTED (hourly): the writer's nearest, CloudFront by day over the week up to today
    ("/cost", "cloudfrnt costs hourly today", "2026-11-20..2026-11-27 service=cloudfront daily"),
    # `the past two weeks` by the grammar's rule (the writer counted 14 days back from yesterday); `prodution` the
    # account
    ("/cost", "anomalies in prodution over the past two weeks", "anomalies last 2 weeks account=production"),
    (
        "/top-resources",
        "which lambdas cost the most in ap-southeast2 since Monday",
        "since 2026-11-23 service=lambda region=ap-southeast-2",
    ),
    # NOT SUPPORTED (PagerDuty, another vendor's bill): the writer's nearest, the AWS bill by service, as FRESH_16
    ("/cost", "is the pagerduty bill in here somewhere?", "this month by service"),
    # no EBS usage type in the vocabulary: the EC2 resources, the volumes among them; `staging` the account; no range
    # typed: this month
    ("/top-resources", "biggest ebs volumes in staging", "this month service=ec2 account=staging"),
    # no NAT Gateway usage type in the vocabulary: the EC2 resources, the NAT gateways among them; `prod` meant as the
    # account; `last 7 days` by the grammar's rule, the writer's 7 days to yesterday
    (
        "/top-resources",
        "nat gateways costing the most in prod, last 7 days",
        "last 7 days service=ec2 account=production",
    ),
    ("/cost", "checkout spend since the 11/16 launch, daily", "since 2026-11-16 tag:project=checkout daily"),
    ("/cost", "what's the checkout project going to cost for the full month", "forecast 2026-11 tag:project=checkout"),
    # no range typed: this month, as the writer read it
    ("/tags", "project", "project this month"),
    # `prod` the env tag, as the writer read it; last Black Friday is 2025-11-28, as FRESH_13
    (
        "/cost",
        "checkout in prod: black friday vs last year's black friday",
        "2026-11-27 vs 2025-11-28 tag:project=checkout tag:env=prod",
    ),
    ("/top-resources", "top 5 resources for project search in Oct", "5 2026-10 tag:project=search"),
    # last week is the period this week is compared with anyway (its same days), as FRESH_20's `this week vs last week`
    ("/cost", "search vs checkout this wk vs last wk", "this week tag:project=search,checkout by tag:project"),
    # a filtered tag breakdown
    (
        "/tags",
        "env breakdown for checkout spend, 10/1/26 to yesterday",
        "env tag:project=checkout 2026-10-01..2026-11-26",
    ),
)


FRESH_23_FIRST_SIGHT = (22, 21, 7)

FRESH_23: tuple[tuple[str, str, str], ...] = (
    # Black Friday week to each Friday, the writer's order kept, as FRESH_16's `black friday week last year vs this
    # year`
    (
        "/cost",
        "ok how is BF week tracking vs last years BF week?? mon thru today vs the same days last yr pls",
        "2026-11-23..2026-11-27 vs 2025-11-24..2025-11-28",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "chargeback for november so far by team - and how much is sitting untagged, I need to chase that before close",
        "team 2026-11",
    ),
    # the fees booked on each 1st; SP and RI fees are the commitment fees, as FRESH_1's `RI spend ytd`; the writer's
    # split by fee type by usage type, where the Savings Plan and RI fee lines are apart, as FRESH_18
    (
        "/cost",
        "what did the SP + RI fees on the 1st come to this month vs Oct? trying to see if someone bought more "
        "commitment without telling me",
        "2026-11-01 vs 2026-10-01 charge-class=recurring,one-time by usage-type",
    ),
    # NOT SUPPORTED (coverage): the writer's nearest, EC2 by day this week; last week's same days are the period this
    # week is compared with anyway, as FRESH_20; the November Savings Plan fee, booked on the 1st, is a question of its
    # own
    (
        "/cost",
        "are we under-covered on savings plans this week? feels like a lot of on-demand ec2 with the BF scale-out",
        "this week service=ec2 daily",
    ),
    # credits are in the total as it is; the writer's optional second figure without credits has no form beside it (a
    # question of its own, `charge-class!=credit`)
    (
        "/cost",
        "where does november land? need a number for monday's call. with and w/o credits if you can",
        "forecast 2026-11",
    ),
    # `last 2 wks` by the grammar's rule (the two whole weeks before this one) would leave out the Wednesday the writer
    # asks about: the writer's 14 days to yesterday
    (
        "/cost",
        "anything odd in the last 2 wks? wednesday looked spiky on the dashboard but could be the dashboard lol",
        "anomalies 2026-11-13..2026-11-26",
    ),
    # the untagged share is part of every breakdown; no percentages in the grammar: the breakdown they are shares of
    ("/tags", "how much of October had no team tag at all? as a % too please", "team 2026-10"),
    # `prod` meant as the account
    (
        "/top-resources",
        "which prod instances are burning the most since mon, I want names not totals",
        "since 2026-11-23 service=ec2 account=production",
    ),
    # as CORPUS's `yesterday compared with the same day last week`
    ("/cost", "ec2 yday vs same day last wk", "yesterday vs 2026-11-19 service=ec2"),
    # like for like: this week's complete days against the same days of last week
    ("/cost", "why did rds jump this wk", "why this week service=rds"),
    # `prod acct` is the account
    ("/cost", "ddb daily for nov prod acct only", "2026-11 service=dynamodb account=production daily"),
    # `last 30d` by the grammar's rule, the writer's 30 days to yesterday
    ("/cost", "lambda us-east-1 last 30d roughly whats that", "last 30 days service=lambda region=us-east-1"),
    # the writer's days either side of Tuesday, by day
    (
        "/cost",
        "is staging eks still costing anything after we scaled it down tues",
        "2026-11-16..2026-11-27 service=eks account=staging daily",
    ),
    # a filtered tag breakdown
    ("/tags", "api team stuff only by project this mo", "project tag:team=api this month"),
    # `last 7d` by the grammar's rule, the writer's 7 days to yesterday
    ("/top-resources", "top 10 ddb tables by $ last 7d", "10 last 7 days service=dynamodb"),
    (
        "/top-resources",
        "biggest s3 buckets cost wise in data lake acct this month",
        "this month service=s3 account=data-lake",
    ),
    # `last one week` by the grammar's rule (the writer counted 7 days back from today), as FRESH_9's `past wk`;
    # `production account` is the account
    (
        "/cost",
        "Hi, kindly share what is the cost of RDS for the last one week in production account",
        "last week service=rds account=production",
    ),
    # a month in progress is compared with the same days of the other one: the two months side by side by month, October
    # whole, as FRESH_8's `October and November`
    (
        "/cost",
        "Please let me know the Glue cost of data-lake account for current month and previous month, need to update in "
        "tracker",
        "2026-10..2026-11 service=glue account=data-lake monthly",
    ),
    # the writer's days from the 15th to yesterday; the 12 days before are the period compared with anyway
    (
        "/cost",
        "PFB query - S3 cost has increased from 15th Nov onwards in us-west-2. What is the reason for same?",
        "why 2026-11-15..2026-11-26 service=s3 region=us-west-2",
    ),
    ("/cost", "kindly provide day wise cost for EC2 from 01-11-2026 till date", "since 2026-11-01 service=ec2 daily"),
    (
        "/cost",
        "What will be the total bill for this month approx? Manager is asking, please do the needful",
        "forecast 2026-11",
    ),
    # `staging` the account; `last 15 days` by the grammar's rule, the writer's 15 days to yesterday
    (
        "/cost",
        "Dear team, KMS charges are showing high in staging, is it normal or any anomaly is there in last 15 days?",
        "anomalies last 15 days service=kms account=staging",
    ),
    ("/tags", "Can you please give the cost env wise for the month of October", "env 2026-10"),
    (
        "/top-resources",
        "Which are the top 5 costly EC2 instances in ap-southeast-2 region, for this week itself",
        "5 this week service=ec2 region=ap-southeast-2",
    ),
    # Q2 is the period Q3 is compared with anyway, as FRESH_16's `Q3 vs Q2`; all accounts is every account anyway
    ("/cost", "Q3 total vs Q2 total, all accounts - need it for slide 4", "2026-q3"),
    # January to October of each year, the writer's order kept
    (
        "/cost",
        "What's our YTD AWS spend through end of October? And the same period in 2025 so I can show YoY",
        "2026-01..2026-10 vs 2025-01..2025-10",
    ),
    (
        "/cost",
        "Hi - could I get monthly totals for each month this year so far, Jan through Nov (Nov partial is fine, just "
        "flag it)",
        "ytd monthly",
    ),
    # the forecast is for the month, never the quarter: Q4 so far with this month's forecast line, the writer's nearest,
    # as FRESH_3's `what will 2026 cost us in total`
    ("/cost", "Where do we expect Q4 to end up? Oct actual + Nov + Dec projected, roughly", "forecast 2026-q4"),
    # August is the period September is compared with anyway
    ("/cost", "is there a one-line reason Sept was higher than Aug? CFO will ask", "why 2026-09"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_22 (the writer's nearest, the year so
    # far with the forecast, was not taken)
    ("/cost", "are we over budget for the year?", "!budget"),
    # no percentages in the grammar: the breakdown they are shares of, as FRESH_7
    ("/cost", "top 5 services by spend in Q3 please, with % of total next to each", "2026-q3 by service top 5"),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "For the board: this year's spend split by project (checkout / search / data), plus whatever isn't tagged",
        "project this year",
    ),
    ("/tags", "rebill run for October - project tag breakdown, need exact $ to the cent", "project 2026-10"),
    # the total as it is holds fees and tax (no filter keeps them out), as FRESH_12's `including tax and support`
    (
        "/cost",
        "what did the staging account (210987654321) cost in oct all in, fees and tax included?",
        "2026-10 account=staging",
    ),
    (
        "/cost",
        "checkout project, env=prod only, oct 1-31, just the number",
        "2026-10 tag:project=checkout tag:env=prod",
    ),
    # a filtered tag breakdown
    ("/tags", "how does the data-lake acct split across teams? last month", "team account=data-lake last month"),
    (
        "/cost",
        "for re-billing I need search project cost per account for October, prod / staging / data-lake separately",
        "2026-10 tag:project=search by account",
    ),
    # a filtered tag breakdown; `staging acct` is the account
    (
        "/tags",
        "aws:createdBy breakdown for staging acct this month - want to see who keeps spinning stuff up",
        "aws:createdBy account=staging this month",
    ),
    # usage, fees, credits and tax by charge class, as FRESH_11's `break down last month by charge type`
    (
        "/cost",
        "how much of the Sept bill was tax vs credits vs actual usage? client wants it itemised",
        "2026-09 by charge-class",
    ),
    (
        "/cost",
        "Platform team monthly cost Aug, Sep, Oct side by side pls",
        "2026-08..2026-10 tag:team=Platform monthly",
    ),
    (
        "/top-resources",
        "what are the priciest resources tagged project=data last month? need to justify the rebill to them",
        "last month tag:project=data",
    ),
    # no internet-egress usage types in the vocabulary: Data Transfer by region and usage type, the outbound lines among
    # them, as FRESH_21's `data transfer out of us-east1`
    (
        "/cost",
        "how much did we spend on data transfer out to internet last month, by region",
        "last month service=data-transfer by region, usage-type",
    ),
    # last week's same days are the period this week is compared with anyway, as FRESH_20
    (
        "/cost",
        "cloudfront per day since monday - did BF traffic actually move the needle?",
        "this week service=cloudfront daily",
    ),
    # no NAT Gateway usage type in the vocabulary: EC2 by usage type, the NAT lines among them, as FRESH_15; like for
    # like, the same days of October; the writer's split by account kept
    (
        "/cost",
        "NAT gateway charges across all accounts this month vs last, feels like it doubled",
        "this month service=ec2 by account, usage-type",
    ),
    # no inter-region usage type in the vocabulary: Data Transfer by usage type, the inter-region lines among them, as
    # FRESH_16; no range typed (`lately`): the writer's 14 days to yesterday; both directions are billed in the two
    # regions
    (
        "/cost",
        "inter-region transfer us-east-1 <-> eu-west-1, what's that costing us per day lately?",
        "2026-11-13..2026-11-26 service=data-transfer region=us-east-1,eu-west-1 by usage-type daily",
    ),
    # `the last month` by the grammar's rule (the writer counted a month back from yesterday), as FRESH_7; S3's cross-
    # region lines among the services the anomalies are judged on
    (
        "/cost",
        "any spikes in data transfer over the last month? wondering if someone's pulling from s3 cross region again",
        "anomalies last month service=data-transfer",
    ),
    # like for like: the complete days of November against the same days of October
    (
        "/cost",
        "why is data transfer in ap-southeast-2 up so much in nov vs oct?? we barely run anything there",
        "why this month service=data-transfer region=ap-southeast-2",
    ),
    ("/top-resources", "which cloudfront distributions cost the most this week", "this week service=cloudfront"),
    # no NAT Gateway usage type in the vocabulary: the EC2 resources, the NAT gateways among them, as FRESH_22; `last 14
    # days` by the grammar's rule, the writer's 14 days to yesterday
    ("/top-resources", "top nat gateways by cost last 14 days? want the ids", "last 14 days service=ec2"),
    # no egress usage type for us-east-1 in the vocabulary: the S3 buckets there by their whole cost
    (
        "/top-resources",
        "buckets with the highest egress $ in us-east-1 this month",
        "this month service=s3 region=us-east-1",
    ),
)


FRESH_24_FIRST_SIGHT = (16, 19, 15)

FRESH_24: tuple[tuple[str, str, str], ...] = (
    # the month so far, as the writer meant it (not the forecast FRESH_8's `burn this month` was); `net of credits`
    # is the total as it is, as FRESH_5; all accounts is every account anyway
    ("/cost", "burn this month?", "this month"),
    # an unclear question: the writer's nearest useful answer, the month so far (as FRESH_14's `what can you do`) with
    # the top services the writer named
    ("/cost", "?", "this month by service"),
    # the same days of last month are the comparison every answer makes anyway, as FRESH_7's `ec2 mtd vs last mo`
    ("/cost", "vs oct?", "this month"),
    ("/cost", "where r we landing", "forecast 2026-11"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_22 (the writer's nearest, the month
    # so far with the forecast against October, was not taken)
    ("/cost", "budget ok??", "!budget"),
    ("/cost", "yday", "yesterday"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "top 5 $$", "5 this month"),
    # no range typed: this month, as the writer read it; the untagged share is part of every breakdown
    ("/tags", "teams", "team this month"),
    # `prod acct` is the account
    (
        "/cost",
        "daily by service since tue, prod acct. need it NOW",
        "since 2026-11-24 account=production daily by service",
    ),
    # Monday is the day Tuesday is compared with anyway, as FRESH_15's `why did the bill jump on tuesday`
    ("/cost", "tue vs mon what chnaged", "why 2026-11-24"),
    ("/top-resources", "123456789012 top 10 since 24/11", "10 since 2026-11-24 account=production"),
    # NOT SUPPORTED (hourly): the writer's nearest, the daily series of the spike days against the writer's preceding
    # days (both spans compared as they are), as FRESH_19's `did ec2 spike tuesday night?`; EC2 and data transfer side
    # by side
    (
        "/cost",
        "is it ec2 or data transfer?? spike started ~14:00 UTC tue, need hourly",
        "2026-11-24..2026-11-27 vs 2026-11-17..2026-11-23 service=ec2,data-transfer by service daily",
    ),
    # the untagged share is part of every breakdown
    ("/tags", "aws:createdBy since tuesday - who spun this up", "aws:createdBy since 2026-11-24"),
    # no excess amount in the grammar: the average per day of the spike days against last week's, the excess (their
    # difference times the days) worked out by hand
    (
        "/cost",
        "how much has this spike cost us so far vs normal? use last wk avg as baseline",
        "average 2026-11-24..2026-11-27 vs 2026-11-16..2026-11-22",
    ),
    (
        "/top-resources",
        "eu-west-1 s3 buckets + cloudfront dists, tue onwards",
        "since 2026-11-24 service=s3,cloudfront region=eu-west-1",
    ),
    # the writer's three days by day, today's partial one among them
    (
        "/cost",
        "still climbing today or flattening out? today vs wed/thu",
        "2026-11-25..2026-11-27 daily",
    ),
    # worker nodes are billed as EC2: the writer's nearest, EKS and EC2 per account
    (
        "/cost",
        "how much is EKS costing us this month? control plane + the worker nodes",
        "this month service=eks,ec2 by account",
    ),
    # NOT SUPPORTED (namespaces): the writer's nearest, as FRESH_15's `cost by namespace for the prod cluster`; `the
    # prod
    # cluster` as the production account's EKS and EC2
    (
        "/cost",
        "cost per namespace on the prod cluster for last week?",
        "last week service=eks,ec2 account=production by tag:team",
    ),
    # node types are not in the vocabulary: the EC2 instances, the m5 and c5 ones among them; no range typed: this month
    (
        "/top-resources",
        "most expensive nodes in staging 210987654321, m5s/c5s whatever",
        "this month service=ec2 account=staging",
    ),
    # a filtered tag breakdown; the cluster as EKS and its EC2 workers, as the writer read it; `last 30 days` by the
    # grammar's rule (the writer counted today in)
    (
        "/tags",
        "team on eks, last 30 days. want to know if platform or data owns most of the cluster spend",
        "team service=eks,ec2 last 30 days",
    ),
    # last week is the period this week is compared with anyway (its same days), as FRESH_20's `this week vs last week`
    ("/cost", "did karpenter go nuts this week? ec2 per day pls", "this week service=ec2 daily"),
    # no spot usage type in the vocabulary: EC2 by usage type, the spot and on-demand lines among them, as FRESH_15
    ("/cost", "spot vs ondemand for the node pools, nov", "2026-11 service=ec2 by usage-type"),
    # NOT SUPPORTED (pods): the writer's nearest, the EC2 instances; no range typed: this month
    ("/top-resources", "biggest pods?", "this month service=ec2"),
    # a filtered tag breakdown; the clusters as EKS and EC2, as the writer read it; prod is among the values listed
    (
        "/tags",
        "env - how much are the dev + staging clusters burning this month vs prod",
        "env service=eks,ec2 this month",
    ),
    # no NAT Gateway or inter-AZ usage type in the vocabulary: Data Transfer and EC2 by usage type, those lines among
    # them, as FRESH_15; `last 2 weeks` by the grammar's rule (the writer counted days back from today)
    (
        "/cost",
        "NAT gw / cross-AZ data transfer in us-west-2 last 2wks, think the cluster's chatty",
        "last 2 weeks service=data-transfer,ec2 region=us-west-2 by usage-type daily",
    ),
    # the total as it is holds tax and credits, as FRESH_14; all accounts is every account anyway
    ("/cost", "October invoice total, all 3 accounts, incl. tax and credits", "2026-10"),
    # two bases side by side have no canonical form: one basis at a time, as FRESH_4, FRESH_6 and FRESH_21
    (
        "/cost",
        "can I get Oct amortized vs unblended side by side? the SP fee on the 1st is skewing my daily numbers",
        "!unblended",
    ),
    ("/cost", "credits YTD, month by month", "ytd charge-class=credit monthly"),
    # the same days of last month are the comparison every answer makes anyway
    ("/cost", "Tax MTD vs same point last month", "this month service=tax"),
    # `/tags` answers carry no cost basis: the writer's project split as billed; the untagged share is part of every
    # breakdown
    (
        "/tags",
        "project for Q3 (Jul-Sep) amortised please - for the chargeback sheet, incl. untagged",
        "project 2026-q3",
    ),
    # the SP and RI fees are the commitment fees, as FRESH_1's `RI spend ytd`
    (
        "/cost",
        "SP + RI fees charged on 1 Nov, split by account",
        "2026-11-01 charge-class=recurring,one-time by account",
    ),
    # September is the period October is compared with anyway
    (
        "/cost",
        "data-lake (333344445555) up ~18% Oct vs Sep - what's driving it?",
        "why 2026-10 account=data-lake",
    ),
    # the owners beside each resource have no canonical form
    (
        "/top-resources",
        "largest resources with no team tag in october? need owners before I close the month",
        "2026-10 tag:team=untagged",
    ),
    # `the last 30 days` by the grammar's rule (the writer counted today in)
    (
        "/cost",
        "Gab es unusual days in the last 30 Tage? Something looks komisch to me in the graph",
        "anomalies last 30 days",
    ),
    ("/cost", "please the Kosten per service in eu-west-1 for letzte Woche", "last week region=eu-west-1 by service"),
    # the untagged share is part of every breakdown
    ("/tags", "how is the spend split by env in Oktober? untagged also please", "env 2026-10"),
    # like for like: the complete days of November against the same days of October
    ("/cost", "Why are the RDS Kosten since Anfang November so high?", "why this month service=rds"),
    (
        "/top-resources",
        "which are the teuersten S3 buckets this month, in the data-lake account?",
        "this month service=s3 account=data-lake",
    ),
    # `the last 14 days` by the grammar's rule (the writer counted today in)
    (
        "/cost",
        "Can you me the daily DynamoDB costs for the last 14 Tage show?",
        "last 14 days service=dynamodb daily",
    ),
    # the earlier week first, both kept, as FRESH_8's `KW 46 vs KW 47`
    (
        "/cost",
        "Glue: vorletzte Woche vs letzte Woche, danke",
        "2026-11-09..2026-11-15 vs 2026-11-16..2026-11-22 service=glue",
    ),
    # NOT SUPPORTED (December): the writer's nearest, this month's forecast, as FRESH_14's `how much will we spend in
    # december`
    ("/cost", "Prognose for Dezember? We have on Montag the budget meeting", "forecast 2026-11"),
    # `the website` read as the web team, the writer's nearest, as FRESH_5; a typical recent day as the same weekday a
    # week earlier (yesterday was Thanksgiving), as FRESH_12's `normal Friday`
    (
        "/cost",
        "how much has the website cost us today? its black friday so im guessing a lot lol",
        "2026-11-27 vs 2026-11-20 tag:team=web",
    ),
    # servers are EC2; no range typed: the writer's recent full months, June to October, by month
    (
        "/cost",
        "Hi! quick one - what do our servers cost per month? putting together a slide 🙏",
        "2026-06..2026-10 service=ec2 monthly",
    ),
    # the database as RDS and DynamoDB, as FRESH_10's `the database`; the same days of October are the comparison every
    # answer makes anyway; the total bill beside a filter has no canonical form
    ("/cost", "is the database expensive??", "this month service=rds,dynamodb by service"),
    # the values of the key are listed in every breakdown (checkout and search among them)
    ("/tags", "checkout vs search - which costs more this year?", "project ytd"),
    # `the website` read as the web team, as FRESH_5; no range typed: this month, as the writer read it
    ("/top-resources", "what are the most expensive things running the website?", "this month tag:team=web"),
    # last Black Friday is 2025-11-28, as FRESH_13; the writer's order kept, as FRESH_5
    ("/cost", "was black friday last year more expensive than this year?", "2025-11-28 vs 2026-11-27"),
    # NOT SUPPORTED (campaign): the writer's nearest, the web team since Monday; last week is the period this week is
    # compared with anyway (its same days), as FRESH_20's `this week vs last week`
    (
        "/cost",
        "how much is the landing page for the email campaign costing? went out monday",
        "this week tag:team=web",
    ),
    # `the website` read as the web team, as FRESH_5; like for like: this week's complete days against the same days of
    # last week, as FRESH_8 and FRESH_9; the writer's split by service kept
    (
        "/cost",
        "why is the website more expensive this week? is it the sale traffic?",
        "why this week tag:team=web by service",
    ),
    # NOT SUPPORTED (marketing): no such team value, the writer's nearest, the team split; no range typed: this month
    ("/tags", "can u split the bill by team, I need what marketing is paying", "team this month"),
)


FRESH_25_FIRST_SIGHT = (14, 21, 15)

FRESH_25: tuple[tuple[str, str, str], ...] = (
    # the writer's split by service kept, EKS among the services
    (
        "/cost",
        "how much did we burn in ap-southeast-2 last week? reckon EKS went a bit mental",
        "last week region=ap-southeast-2 by service",
    ),
    # Sydney is ap-southeast-2; 01/11 is 1 November, day first
    (
        "/cost",
        "g'day mate, after a day by day for Sydney since 01/11 if that's doable",
        "since 2026-11-01 region=ap-southeast-2 daily",
    ),
    # the writer's order kept, as FRESH_4's `Nov 3-10 vs Nov 17-24`; day-first dates; Sydney is ap-southeast-2
    (
        "/cost",
        "can u compare 2/11-8/11 vs 9/11-15/11 for syd, just EC2",
        "2026-11-02..2026-11-08 vs 2026-11-09..2026-11-15 service=ec2 region=ap-southeast-2",
    ),
    # `atm` as the writer read it, this month, as FRESH_18's `right now`; Sydney is ap-southeast-2
    (
        "/top-resources",
        "what are the chunkiest ec2 boxes in syd atm? want to know what's chewing thru the cash before this arvo's "
        "standup",
        "this month service=ec2 region=ap-southeast-2",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown; Sydney is ap-southeast-2
    (
        "/tags",
        "how's the team split look for our sydney stuff in oct, i reckon heaps of it is untagged",
        "team region=ap-southeast-2 2026-10",
    ),
    (
        "/cost",
        "roughly where's ap-southeast-2 gonna land for the month? boss wants a number before brekkie monday",
        "forecast 2026-11 region=ap-southeast-2",
    ),
    # Monday is the day Tuesday is compared with anyway, as FRESH_15's `why did the bill jump on tuesday`; data transfer
    # among the services the answer ranks; Sydney is ap-southeast-2
    ("/cost", "why'd syd jump on 24/11?? data transfer or something else", "why 2026-11-24 region=ap-southeast-2"),
    # `the fortnight just gone` is the two whole weeks before this one, as the writer counted
    (
        "/top-resources",
        "top 5 s3 buckets in ap-southeast-2 for the fortnight just gone, ta",
        "5 last 2 weeks service=s3 region=ap-southeast-2",
    ),
    # 333344445555 is the data-lake account; every breakdown is ordered by cost
    (
        "/cost",
        "select service, sum(cost) where account = 333344445555 and month = oct group by service order by 2 desc",
        "2026-10 account=data-lake by service",
    ),
    # a filtered tag breakdown
    ("/tags", "sum(cost) group by project where env=prod, MTD", "project tag:env=prod this month"),
    # the writer's months by account, as FRESH_6's `group by linked account ..., granularity monthly`
    (
        "/cost",
        "need a pivot - rows=month, cols=account, jun thru oct 2026. unblended if you can",
        "2026-06..2026-10 by account monthly unblended",
    ),
    # `before credits` leaves the credits out, as FRESH_5's `gross, before credits`; `last 30 days` by the grammar's
    # rule, as the writer counted
    (
        "/cost",
        "glue spend per day for the data lake acct last 30 days, gross i.e. before credits",
        "last 30 days service=glue account=data-lake charge-class!=credit daily",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "breakdown by team WHERE service = 'Amazon DynamoDB' for Q3 -- what % is null?",
        "team service=dynamodb 2026-q3",
    ),
    (
        "/top-resources",
        "top 10 resource_id by sum(cost) for glue, data-lake acct, this month",
        "10 this month service=glue account=data-lake",
    ),
    # the earlier month first, both kept, as FRESH_15's `inter-AZ data transfer sep vs oct`; `prod` meant as the account
    (
        "/cost",
        "any way to get data transfer broken out by usage type for prod, sep vs oct? basically group by usage_type",
        "2026-09 vs 2026-10 service=data-transfer account=production by usage-type",
    ),
    # a filtered tag breakdown; `staging` the account; `last 7 days` by the grammar's rule, as the writer counted
    (
        "/tags",
        "group by aws:createdBy for staging, last 7 days - who's creating the spend",
        "aws:createdBy account=staging last 7 days",
    ),
    # no range typed: the writer's latest full month; all accounts is every account anyway
    ("/cost", "hi! sorry if this is a silly question but how much do we spend on AWS in total?", "2026-10"),
    # NOT SUPPORTED (what Lambda is): the writer's nearest, Lambda this month
    ("/cost", "Hello, what is Lambda exactly? and how much does it cost us", "this month service=lambda"),
    # no range typed: this month, as the writer read it
    (
        "/cost",
        "um is staging the account that costs less? just trying to understand which account is which",
        "this month by account",
    ),
    # no range typed: this month, as the writer read it
    (
        "/top-resources",
        "what are the most expensive things we run? (sorry not sure if this is what this command is for)",
        "this month",
    ),
    # NOT SUPPORTED (sprint dates): the writer's nearest, the two weeks ending last Friday as the writer counted them
    (
        "/cost",
        'my team lead asked me to check what the api stuff cost "last sprint" - i think that\'s the 2 weeks ending '
        "last friday?",
        "2026-11-07..2026-11-20 tag:team=api",
    ),
    # tax is its own service, `Tax`, in every total: the tax line answers both
    ("/cost", "sorry, does the bill include tax? how much was it for last month?", "last month service=tax"),
    # no range typed: this month, as the writer read it; web is among the team values listed
    ("/tags", 'hi, how would i see what the "web" team costs compared to the other teams?', "team this month"),
    # like for like: this week's complete days against the same days of last week, as FRESH_8's `why has the bill gone
    # up this week`; `why` outranks unusual days
    ("/cost", "is it normal that costs went up this week?? i saw a graph going up somewhere", "why this week"),
    # NOT SUPPORTED (idle, utilisation): the writer's nearest, as FRESH_14's `idle ec2 instances we can turn off`
    (
        "/top-resources",
        "which ec2 instances have been on all month doing basically nothing? need an idle list for the cut plan",
        "this month service=ec2",
    ),
    # `last 3 months` by the grammar's rule: the three full months before this one, as the writer counted
    ("/cost", "what are our 10 biggest lines over the last 3 months, by service", "last 3 months by service top 10"),
    # the average over the complete months of the year, beside each month's total; NOT SUPPORTED (a what-if saving): the
    # shutdown saving worked out by hand
    (
        "/cost",
        "avg monthly cost of staging this year? thinking of shutting it down nights + weekends",
        "average monthly this year account=staging",
    ),
    # a filtered tag breakdown
    ("/tags", "env=dev spend by team for october - who do I go after first", "team tag:env=dev 2026-10"),
    # all accounts is every account anyway
    (
        "/top-resources",
        "top RDS instances and dynamo tables across all 3 accounts last month",
        "last month service=rds,dynamodb",
    ),
    # NOT SUPPORTED (what-if saving): the writer's nearest, as FRESH_21's `move everything from us-east-1`
    ("/cost", "what would we save if we pulled out of eu-west-1 entirely?", "2026-10 region=eu-west-1 by service"),
    # the untagged share is part of every breakdown; `last 90 days` by the grammar's rule, as the writer counted
    (
        "/tags",
        "how much of our spend has no team tag at all over the last 90 days? can't cut what we can't attribute",
        "team last 90 days",
    ),
    # no percentages in the grammar: the two services side by side, their shares read against the year's total by hand
    ("/cost", "KMS + SQS YTD - worth even looking at or rounding errors?", "ytd service=kms,sqs by service"),
    # no range typed: this month, as the writer read it; who reads the buckets is not in the bill
    (
        "/top-resources",
        "biggest s3 buckets in the data lake account, i suspect old logs/snapshots nobody reads",
        "this month service=s3 account=data-lake",
    ),
    ("/cost", "Nov MTD total by account thru 11/25 pls, our cutoff is the 25th", "2026-11-01..2026-11-25 by account"),
    # all accounts is every account anyway
    (
        "/cost",
        "need a full-month forecast for November, all accounts - have to book the accrual by EOD",
        "forecast 2026-11",
    ),
    # the charge types the writer lists (usage, SP/RI fees, credits, tax) by charge class, as FRESH_22's `october total
    # incl tax, credits and RI fees broken out`
    ("/cost", "can you split Nov so far into usage vs SP/RI fees vs credits vs tax?", "this month by charge-class"),
    # no split of the commitment fees into Savings Plan and RI fees by charge class: the fees by usage type, where the
    # Savings Plan and RI fee lines are apart, as FRESH_18 and FRESH_22
    (
        "/cost",
        "what SP and RI fees hit on the 1st? want to make sure I'm not double counting them in the accrual",
        "2026-11-01 charge-class=recurring,one-time by account, usage-type",
    ),
    # the forecast against October, as FRESH_4's `projected ... compare with October`; no threshold in the grammar: the
    # moves over 10% read off by hand, as FRESH_20
    (
        "/cost",
        "Oct actuals vs Nov forecast by service, I need commentary on anything moving more than 10%",
        "forecast 2026-11 by service",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "november by project for the recharge - checkout, search, data and whatever's untagged",
        "project 2026-11",
    ),
    # the writer's optional split by account or service left out
    ("/cost", "did we get any credits applied this month? how much", "this month charge-class=credit"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_22 (the writer's nearest, the forecast
    # against the 480k, was not taken)
    ("/cost", "are we going to blow the november budget? it was 480k", "!budget"),
    # `Ron` as `rn`: the writer's yesterday and today against the two days before, as FRESH_5's `why costs jumped
    # yesterday and today`; `prod` meant as the account
    ("/cost", "why is ec2 spiking Ron?? prod", "why 2026-11-26..2026-11-27 service=ec2 account=production"),
    # the day before is the day yesterday is compared with anyway; `lamb da` is Lambda
    ("/cost", "cost yesterday vs day befor lamb da", "yesterday service=lambda"),
    # `cloud from` is CloudFront
    ("/cost", "any weird days in cloud from this week getting alarms", "anomalies this week service=cloudfront"),
    # `dynamic` is DynamoDB
    ("/top-resources", "which dynamic table is eating all the money today", "today service=dynamodb"),
    # `last 3 days` by the grammar's rule, as the writer counted
    ("/cost", "sqs daily last 3 days us east 1 pls", "last 3 days service=sqs region=us-east-1 daily"),
    # NOT SUPPORTED (deploy time, hours): the writer's nearest, Thursday against the Thursday before
    (
        "/cost",
        "did data transfer blow up after tonites deploy? vs last thurs",
        "2026-11-26 vs 2026-11-19 service=data-transfer",
    ),
    # the day judged against the days before it, as the anomaly engine does
    ("/cost", "is eks in us-west-2 normal today or are we on fire", "anomalies today service=eks region=us-west-2"),
    # last Black Friday is 2025-11-28, as FRESH_13; all accounts is every account anyway
    ("/cost", "totl spend today so far all accts vs last black friday", "2026-11-27 vs 2025-11-28"),
    # NOT SUPPORTED (hours): the writer's nearest, the whole days holding the last 6 hours, by day; `prod` meant as the
    # account
    ("/cost", "rds prod hourly last 6 hrs", "2026-11-26..2026-11-27 service=rds account=production daily"),
)


FRESH_26_FIRST_SIGHT = (14, 26, 10)

FRESH_26: tuple[tuple[str, str, str], ...] = (
    (
        "/cost",
        "hello, what is the coût of EC2 for this semaine on the prod account pls?",
        "this week service=ec2 account=production",
    ),
    # like for like: this week's complete days (Monday to Thursday) against the same days of last week, as FRESH_8 and
    # FRESH_10
    (
        "/cost",
        "why the lambda is so much more expensive since monday compare to the semaine before?? nothing changed in "
        "our side",
        "why this week service=lambda",
    ),
    # `the last 2 weeks` by the grammar's rule (the writer counted 14 days back from today), as FRESH_18 and FRESH_20
    (
        "/cost",
        "staging account, it cost how much per day the last 2 weeks? i think something is running for nothing since "
        "a while",
        "last 2 weeks account=staging daily",
    ),
    # whether tables exist is not in the bill: the spend there; the writer's split by account kept
    (
        "/cost",
        "Is it normal that dynamodb in eu-west-1 is at 0 for octobre? we have tables there no?",
        "2026-10 service=dynamodb region=eu-west-1 by account",
    ),
    (
        "/top-resources",
        "which are the most expensive S3 buckets in the data-lake account this month",
        "this month service=s3 account=data-lake",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    ("/tags", "coût by team for env dev only, last month please (merci!)", "team tag:env=dev last month"),
    (
        "/cost",
        "how much we will pay at the end of the month for cloudfront? approximatively is ok",
        "forecast 2026-11 service=cloudfront",
    ),
    # the two regions side by side
    (
        "/cost",
        "sorry me again, the data transfer, how much since the début of the month in us-east-1 vs us-west-2?",
        "since 2026-11-01 service=data-transfer region=us-east-1,us-west-2 by region",
    ),
    # like for like: the same days of 2025 are the comparison every answer makes anyway, as CORPUS's `2026 vs 2025`
    # and FRESH_18; no per-month percentages in the grammar: the monthly series they are read off
    (
        "/cost",
        "need total AWS spend per month for 2026 so far vs same months in 2025, YoY growth % per month for board deck",
        "ytd monthly",
    ),
    # the forecast is the month's: the quarter so far with this month's forecast line, as FRESH_3's `what will 2026
    # cost us`; Q3's same stretch is the period compared with anyway
    ("/cost", "whats our run-rate looking like for Q4? are we landing above Q3", "forecast this quarter"),
    # the commitment fees, as FRESH_1's `RI spend ytd`; the writer's optional split between Savings Plans and RIs left
    # out (no charge class parts them)
    (
        "/cost",
        "how much are we paying for commitments each month this year - savings plans + RIs, the stuff that hits on "
        "the 1st",
        "this year charge-class=recurring,one-time monthly",
    ),
    # NOT SUPPORTED (orders): the writer's nearest, the October total to divide by hand
    ("/cost", "whats infra cost per order for october? we did ~412k orders", "2026-10"),
    # Platform is among the values listed; the untagged share is part of every breakdown
    (
        "/tags",
        "rough split of spend by team for the quarter so far, for the board slide. mostly want Platform vs everyone "
        "else",
        "team this quarter",
    ),
    # `last 6 months` by the grammar's rule, the six full months before this one (the writer's alternative); the
    # optional Glue part left out
    (
        "/cost",
        "is data-lake growing faster than prod? month by month last 6 months, mostly glue i guess",
        "last 6 months account=data-lake,production by account monthly",
    ),
    # two questions: the credits kept, the writer's `monthly`; the balance and expiry are not in the bill
    (
        "/cost",
        "how much did we get in credits this year, and when do they run out?",
        "this year charge-class=credit monthly",
    ),
    # FY read as the calendar year, as the writer said; tax and credits left out by charge class, as FRESH_11 and
    # FRESH_19
    ("/cost", "FY25 total excluding tax (our FY = calendar year), before credits", "2025 charge-class!=tax,credit"),
    # the writer's split by service kept, as FRESH_21's `load test on tues`
    (
        "/cost",
        "ran the BF load test on 17 nov in staging, how did that day compare vs a normal tuesday like the 10th?",
        "2026-11-17 vs 2026-11-10 account=staging by service",
    ),
    (
        "/cost",
        "daily EC2 + EKS in staging 9th-22nd nov, wanna see the spike from the soak test",
        "2026-11-09..2026-11-22 service=ec2,eks account=staging daily by service",
    ),
    (
        "/top-resources",
        "biggest instances in staging on 19/11 (load test day 2)",
        "2026-11-19 service=ec2 account=staging",
    ),
    # what drove it, as the writer asked; the week before is the period compared with anyway
    (
        "/cost",
        "did the load tests actually cost anything noticable? week of the 16th vs week of the 9th, staging only",
        "why 2026-11-16..2026-11-22 account=staging",
    ),
    # no form leaves days out: the writer's known days are read off by hand
    (
        "/cost",
        "any unusual days in staging this month apart from the ones we load tested on purpose (17 + 19)?",
        "anomalies this month account=staging",
    ),
    ("/tags", "lambda by env on 2026-11-17", "env service=lambda 2026-11-17"),
    # a different account on each day has no canonical form: both accounts on both days by account and service, the
    # writer's two cells among them
    (
        "/cost",
        "how much cloudfront + data transfer did yesterday's real BF-eve traffic in prod cost compared to our "
        "synthetic run in staging on the 19th?",
        "2026-11-26 vs 2026-11-19 service=cloudfront,data-transfer account=production,staging by account, service",
    ),
    (
        "/top-resources",
        "top 10 most expensive things in staging during the load test window 17-19 nov",
        "10 2026-11-17..2026-11-19 account=staging",
    ),
    # NOT SUPPORTED (hourly): the writer's nearest, the 17th beside the days around it, by day
    (
        "/cost",
        "rds cost per hour during the test on the 17th? we bumped the aurora cluster to r6g.4xlarge for ~6h then back",
        "2026-11-16..2026-11-18 service=rds account=staging daily",
    ),
    # `last 30 days` by the grammar's rule (the writer counted today in); two questions: the IAM user is not in the
    # bill
    (
        "/cost",
        "any weird spikes in EC2 in ap-southeast-2 last 30 days?? we dont run anything there. if so which IAM user "
        "started it",
        "anomalies last 30 days service=ec2 region=ap-southeast-2",
    ),
    (
        "/top-resources",
        "ec2 instances in regions we dont use (ap-southeast-2, eu-west-1) ranked by cost, this week",
        "this week service=ec2 region=ap-southeast-2,eu-west-1",
    ),
    # no GPU usage types in the vocabulary: EC2 by usage type, the GPU lines among them, as FRESH_15 and FRESH_19; all
    # accounts is every account anyway, split by account
    (
        "/cost",
        "GPU instance spend? p3/p4/g5 whatever, across all 3 accts since nov 1",
        "since 2026-11-01 service=ec2 by account, usage-type",
    ),
    # a filtered tag breakdown
    (
        "/tags",
        "aws:createdBy for EC2 this week - want to see if some principal we dont recognise is launching stuff",
        "aws:createdBy service=ec2 this week",
    ),
    # the writer's order kept, as FRESH_4's `Nov 3-10 vs Nov 17-24`; what drove the change, as the writer asked
    (
        "/cost",
        "we rotated a leaked key on 12 nov around noon. did prod spend drop after? 5-11 vs 13-19",
        "why 2026-11-05..2026-11-11 vs 2026-11-13..2026-11-19 account=production",
    ),
    (
        "/cost",
        "lambda dayly since 20 nov per account pls, looks like invocations jumped",
        "since 2026-11-20 service=lambda by account daily",
    ),
    # two questions: the daily series typed kept (unusual days are a question of their own), as FRESH_13 and FRESH_15;
    # the writer's split by service kept
    (
        "/cost",
        "kms and sqs in oct+nov, daily, flag anything odd. someone could be hammering decrypt with stolen creds",
        "2026-10..2026-11 service=kms,sqs daily by service",
    ),
    # `last 7 days` by the grammar's rule (the writer counted today in); who owns a resource is for the writer to
    # judge
    (
        "/top-resources",
        "top 15 most expensive resources in data-lake last 7 days, need to eyeball for anything nobody owns",
        "15 last 7 days account=data-lake",
    ),
    # no time step in `/tags`; checkout among the values listed; `last 3 months` by the grammar's rule, the writer's
    # alternative
    (
        "/tags",
        "how much does checkout cost us per month? using the project tag, last 3 months",
        "project last 3 months",
    ),
    # the values are listed in every breakdown, as FRESH_7's `env=prod vs env=dev vs untagged`
    ("/tags", "search vs checkout this month, which one is more expensive", "project this month"),
    # NOT SUPPORTED (ticket): the writer's nearest, the search project since the 2nd; the 26 days before are the
    # period compared with anyway, as FRESH_12
    (
        "/cost",
        "how much is the new search-as-you-type thing costing since we launched it on the 2nd? its under SRCH-881",
        "since 2026-11-02 tag:project=search",
    ),
    (
        "/top-resources",
        "top resources tagged project=checkout this month, trying to understand what's behind the number",
        "this month tag:project=checkout",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_22 (the writer's nearest, checkout's
    # forecast held against the 40k, was not taken), as FRESH_11's `$20k grant budget`
    ("/cost", "is checkout going to blow its budget this month? budget is 40k", "!budget"),
    # the untagged share is part of every breakdown
    ("/tags", "which teams spend the most and how much is nobody's? last month", "team last month"),
    # no range typed: this month, as the writer read it
    (
        "/top-resources",
        "the 5 priciest dynamodb tables behind search?",
        "5 this month service=dynamodb tag:project=search",
    ),
    # Black Friday week to each Friday, the writer's order kept, as FRESH_16
    (
        "/cost",
        "did black friday week cost more than last year's BF week? checkout only",
        "2026-11-23..2026-11-27 vs 2025-11-24..2025-11-28 tag:project=checkout",
    ),
    # the writer's line item types are the usage class (credits, tax and fees left out)
    (
        "/cost",
        "amortized cost by service for October, excl credits & tax - only "
        "Usage/SavingsPlanCoveredUsage/DiscountedUsage line items",
        "2026-10 by service amortized charge-class=usage",
    ),
    # two bases side by side have no canonical form: one basis at a time, as FRESH_4, FRESH_6 and FRESH_21
    ("/cost", "unblended vs amortized MTD, how big is the gap from the SP fee on the 1st?", "!unblended"),
    # no line item type dimension: the types the writer lists by charge class, as FRESH_11's `break down last month by
    # charge type`
    (
        "/cost",
        "line_item_line_item_type breakdown for last month (Usage / Fee / Credit / Tax / SavingsPlanNegation etc)",
        "last month by charge-class",
    ),
    # a filtered tag breakdown; `prod acct` is the account; unblended is the default basis
    (
        "/tags",
        "untagged % on the team tag, MTD, unblended, prod acct only - we're trying to get under 5%",
        "team account=production this month",
    ),
    # no net amortized basis in the grammar (its `net` is net unblended): amortized, the basis the writer's net
    # qualifies
    ("/top-resources", "top 20 resource IDs by net amortized cost, last full week", "20 last week amortized"),
    # the forecast carries its 80% range
    (
        "/cost",
        "EOM forecast for Nov, all linked accounts. with 80% prediction interval if you have it",
        "forecast 2026-11",
    ),
    # EC2-Other is EC2's non-instance usage types: EC2 by usage type, as FRESH_21's `EC2-Other breakdown`; the week
    # before is the period compared with anyway
    (
        "/cost",
        "WoW delta by usage type for EC2-Other (NatGateway-Bytes, EBS:VolumeUsage.gp3 ...) last wk vs the wk before",
        "last week service=ec2 by usage-type",
    ),
    # the fee line items are the commitment fee classes, left out
    (
        "/cost",
        "daily unblended nov 1-26 but drop the fee line items on the 1st so the chart isn't ruined",
        "2026-11-01..2026-11-26 daily unblended charge-class!=recurring,one-time",
    ),
    # NOT SUPPORTED (coverage, utilization): the writer's nearest, the split by charge class, as FRESH_4 and FRESH_13
    ("/cost", "SP/RI coverage and utilization for EC2 + RDS last month?", "last month service=ec2,rds by charge-class"),
)


FRESH_27_FIRST_SIGHT = (18, 22, 10)

FRESH_27: tuple[tuple[str, str, str], ...] = (
    # `prod` meant as the account
    (
        "/cost",
        "hey how much did lambda cost us last week? prod only pls",
        "last week service=lambda account=production",
    ),
    # the same days of last month are the comparison every answer makes anyway, as FRESH_7's `ec2 mtd vs last mo`
    (
        "/cost",
        "dynamo spend so far this month vs same point last month? feels like its creeping up",
        "this month service=dynamodb",
    ),
    # a service not on the bill, as FRESH_5's and FRESH_13's `athena` (the writer's nearest, Lambda, DynamoDB and SQS
    # this month, was not taken)
    ("/cost", "whats our api gateway bill looking like this month", "!api gateway"),
    # NOT SUPPORTED (holiday traffic): the writer's nearest, the month-end forecast as it stands
    (
        "/cost",
        "where's lambda going to land for nov w/ black friday today and cyber monday on the 30th",
        "forecast 2026-11 service=lambda",
    ),
    # Monday is the day Tuesday is compared with anyway, as FRESH_15's `why did the bill jump on tuesday`; deploys are
    # not in the bill
    ("/cost", "why did dynamodb jump on tuesday?? nobody deployed anything", "why 2026-11-24 service=dynamodb"),
    # a filtered tag breakdown; the api value and the untagged share are among the values listed, as FRESH_7's
    # `env=prod vs env=dev vs untagged`; `last 30 days` by the grammar's rule
    (
        "/tags",
        "lambda only - how much is tagged team=api vs untagged, last 30 days",
        "team service=lambda last 30 days",
    ),
    # `rn` as the writer read it, this month, as FRESH_18's `right now`
    ("/top-resources", "which dynamo tables are costing us the most rn", "this month service=dynamodb"),
    # `the last 2 weeks` by the grammar's rule (the writer counted 14 days back from yesterday), the 18th inside it;
    # the writer's split by service kept
    (
        "/cost",
        "can i get sqs and lambda day by day for the last 2 weeks. we shipped the new order-events consumer on the "
        "18th and want to see if it moved anything",
        "last 2 weeks service=sqs,lambda daily by service",
    ),
    # all accounts is every account anyway
    ("/cost", "qual foi o custo total de ontem? todas as contas", "yesterday"),
    (
        "/cost",
        "custo de EC2 semana passada, us-east-1 vs us-west-2 por favor",
        "last week service=ec2 region=us-east-1,us-west-2 by region",
    ),
    # like for like: this week's complete days against the same days of last week; `staging` the account; who left
    # something running is not in the bill, the per-resource changes of `why` are the nearest
    (
        "/cost",
        "pq o custo do staging subiu tanto essa semana?? alguém esqueceu máquina ligada?",
        "why this week account=staging",
    ),
    # `staging` the account
    (
        "/top-resources",
        "top 10 instancias ec2 mais caras no staging mes passado",
        "10 last month service=ec2 account=staging",
    ),
    # the untagged share is part of every breakdown
    ("/tags", "custo por env esse mes, e quanto ta sem tag?", "env this month"),
    ("/cost", "teve algum dia estranho em outubro? tipo anomalia de custo", "anomalies 2026-10"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "quais buckets s3 mais caros na eu-west-1?", "this month service=s3 region=eu-west-1"),
    (
        "/cost",
        "quanto gastamos com data transfer do dia 1 até hoje, separado por regiao",
        "since 2026-11-01 service=data-transfer by region",
    ),
    # the month so far by account with the month-end forecast, as FRESH_5's `November accrual estimate`
    (
        "/cost",
        "For the Nov accrual: MTD total by account + where the full month is projected to land, by account if possible",
        "forecast 2026-11 by account",
    ),
    # the charge types the writer lists (RI and SP fees, usage, credits, tax) by charge class, as FRESH_22's `october
    # total incl tax, credits and RI fees broken out`
    (
        "/cost",
        "how much of October was SP/RI fees vs actual usage? want credits and tax as separate lines too",
        "2026-10 by charge-class",
    ),
    # NOT SUPPORTED (a future day's fees): the writer's nearest, the fees posted on 1 November; no split of the
    # commitment fees into Savings Plan and RI fees by charge class: the fees by usage type, as FRESH_18
    (
        "/cost",
        "what will the savings plan + RI charges be on Dec 1, same as what posted Nov 1?",
        "2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    ("/cost", "credits applied YTD, by month pls", "ytd charge-class=credit monthly"),
    # tax as its own line beside the rest by charge class, as FRESH_18's `tax and credits shown separately`; the total
    # without tax is the total less that line
    ("/cost", "Q3 total ex tax, and tax on its own", "2026-q3 by charge-class"),
    # the RIs are the commitment fees, as FRESH_1's `RI spend ytd`, by month to show where the upfront sits in the
    # (unblended) numbers; NOT SUPPORTED (finance's ledger)
    (
        "/cost",
        "the RIs we prepaid back in January... is that upfront sitting all in Jan in your numbers or spread out over "
        "the months?",
        "ytd charge-class=recurring,one-time monthly",
    ),
    # `net of credits` is credits included (the default), as FRESH_5; October is the period November is compared with
    # anyway (its same days)
    ("/cost", "nov vs oct net of credits. no daily needed", "2026-11"),
    # a filtered tag breakdown
    (
        "/tags",
        "data-lake acct split by project for October, need it for the intercompany recharge",
        "project account=data-lake 2026-10",
    ),
    # days after today hold no data: the writer's nearest, the month-end forecast, which gives the month to date
    # beside it (the days to come are the difference)
    ("/cost", "need to accrue for the days not in yet - what's the estimate for 28th-30th?", "forecast 2026-11"),
    # `last 7 days` by the grammar's rule, the writer's 7 days to yesterday
    ("/cost", "glue day by day last 7 days, data-lake acct", "last 7 days service=glue account=data-lake daily"),
    # `the lake account` is the data-lake account
    (
        "/top-resources",
        "biggest s3 buckets by $ in the lake account this month",
        "this month service=s3 account=data-lake",
    ),
    ("/top-resources", "which glue jobs were most expensive in october?", "2026-10 service=glue"),
    # a service not on the bill, as FRESH_5's and FRESH_13's `athena` (the writer's nearest, data-lake by service, was
    # not taken)
    ("/cost", "how much are we paying for athena? ballpark is fine", "!athena"),
    # last week is the period this week is compared with anyway (its same days), as FRESH_20's `this week vs last
    # week`
    (
        "/cost",
        "s3 in data-lake this wk vs last wk? turned on the glacier lifecycle rule monday",
        "this week service=s3 account=data-lake",
    ),
    # a filtered tag breakdown; the values and the untagged share are listed in every breakdown; no range typed: this
    # month, as the writer read it
    (
        "/tags",
        "team split inside the data-lake account - how much is actually tagged data vs Platform vs nothing",
        "team account=data-lake this month",
    ),
    # `the last month or so` by the grammar's rule, as FRESH_7's `over the last month or so` (the writer counted 30
    # days back from today); `the lake account` is the data-lake account
    (
        "/cost",
        "KMS in the lake account did something weird in the last month or so, were there any spikes",
        "anomalies last month service=kms account=data-lake",
    ),
    (
        "/top-resources",
        "top 5 most expensive anything in data-lake eu-west-1 last week",
        "5 last week account=data-lake region=eu-west-1",
    ),
    # the values are listed in every breakdown, biggest first
    ("/tags", "spend by team this month, who's the biggest?", "team this month"),
    # a ranking by change is not something `/tags` answers (it lists costs only): refused naming the word, as
    # FRESH_15's `/top-resources` `grew` and FRESH_4's `improved`
    ("/tags", "team breakdown Oct vs Sep - want to see who grew the most", "!grew"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_22
    ("/tags", "is api over budget for Q4?", "!budget"),
    # NOT SUPPORTED (reasonable): the writer's nearest; September is the period October is compared with anyway
    (
        "/cost",
        "what did Platform spend on EKS last month and is that reasonable",
        "last month service=eks tag:team=Platform",
    ),
    # NOT SUPPORTED (untagged spend has no team): the writer's nearest, the team tag's breakdown with its untagged
    # share; no range typed: this month
    ("/tags", "which team has the most untagged stuff? keep hearing our tagging is bad", "team this month"),
    # no percentages in the grammar: the two accounts side by side they are shares of, as FRESH_22's `staging is what
    # % of prod`; `prod` meant as the account
    (
        "/cost",
        "prod vs staging YTD. staging shouldn't be more than ~20% of prod",
        "ytd account=production,staging by account",
    ),
    # all accounts is every account anyway; each resource is listed by its id
    (
        "/top-resources",
        "top 10 most expensive resources across all 3 accounts this month, need actual names/ids",
        "10 this month",
    ),
    # like for like: the complete days of November against the same days of October
    ("/cost", "why did web's costs go up in november?", "why 2026-11 tag:team=web"),
    # Monday is the day Tuesday is compared with anyway; whether the day was unusual is a question of its own
    (
        "/cost",
        "hi! customer asked if the outage on tuesday cost us more money 😅 did our aws bill go up that day?",
        "2026-11-24",
    ),
    # NOT SUPPORTED (the outage's day): the writer's nearest, the checkout project by day last week; the week before
    # is the period compared with anyway
    (
        "/cost",
        "sorry not technical - did we spend more on aws during the checkout outage last week than normal??",
        "last week tag:project=checkout daily",
    ),
    # NOT SUPPORTED (a customer's charges, the ticket): the writer's nearest, our total that day; Monday is the day
    # compared with anyway
    (
        "/cost",
        "customer on ticket 48213 wants to know if the outage made their bill higher, can you pull what they got "
        "charged on nov 24",
        "2026-11-24",
    ),
    # NOT SUPPORTED (hours): the writer's nearest, the servers as EC2 over the whole day; Monday is the day compared
    # with anyway
    (
        "/cost",
        "did the outage cost us anything extra? like more servers spun up or w/e. it was roughly 2-4pm eastern on "
        "the 24th",
        "2026-11-24 service=ec2",
    ),
    # no range typed: the writer's last 30 days, by the grammar's rule
    (
        "/cost",
        "roughly what does aws cost us per day normally? trying to tell a customer whether an outage is even a big "
        "deal money-wise",
        "average last 30 days",
    ),
    ("/top-resources", "what were the most expensive things running on nov 24 (day of the outage)", "2026-11-24"),
    # `last Wednesday` as the writer read it, the Wednesday of last week (not the 25th); the EU downtime in eu-west-1,
    # as the writer named it
    (
        "/cost",
        "Quick one from sales - prospect on a call asking whether our EU downtime last Wednesday spiked our cloud "
        "bill. anything odd in eu-west-1 that day?",
        "anomalies 2026-11-18 region=eu-west-1",
    ),
    # NOT SUPPORTED (outage, SLA credits): the writer's nearest, the credits this month
    ("/cost", "did aws give us any credits back for the outage?", "this month charge-class=credit"),
    # the writer's two days against the days before them (both spans compared as they are), by day, as FRESH_19's `did
    # ec2 spike tuesday night?`
    (
        "/cost",
        "customer says the site was super slow over thanksgiving, did cloudfront costs go crazy yesterday or wed?",
        "2026-11-25..2026-11-26 vs 2026-11-18..2026-11-24 service=cloudfront daily",
    ),
)


FRESH_28_FIRST_SIGHT = (17, 18, 15)

FRESH_28: tuple[tuple[str, str, str], ...] = (
    # the day before is the day yesterday is compared with anyway, as FRESH_16's `why did ec2 jump yesterday`
    ("/cost", "ec2 yday vs day before??", "yesterday service=ec2"),
    # like for like: this week's complete days against the same days of last week, as FRESH_8; `staging` the account,
    # as the writer read it
    ("/cost", "why'd staging jump this wk", "why this week account=staging"),
    # no EBS usage type in the vocabulary: the EC2 resources, the volumes among them, as FRESH_22; `prod` meant as the
    # account; `rn` as the writer read it, this month
    ("/top-resources", "biggest ebs vols in prod rn", "this month service=ec2 account=production"),
    # no NAT Gateway usage type in the vocabulary: Data Transfer and EC2 by usage type, the NAT lines among EC2's, as
    # FRESH_15's `nat gateway charges`; `last 7d` by the grammar's rule, the writer's 7 days to yesterday
    (
        "/cost",
        "nat gw / data transfer us-east-1 last 7d, daily",
        "last 7 days service=data-transfer,ec2 region=us-east-1 by usage-type daily",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    ("/tags", "env split for eks this month + how much is untagged", "env service=eks this month"),
    ("/cost", "where's nov gonna land.", "forecast 2026-11"),
    ("/top-resources", "lambdas costing most eu-west-1 oct", "2026-10 service=lambda region=eu-west-1"),
    # the writer's complete days of the month; the daily series is the engine's context
    ("/cost", "kms looks weird this month? any odd days", "anomalies this month service=kms"),
    # `net of credits` is credits included (the default), as FRESH_5 and FRESH_17
    ("/cost", "Could you give me MTD spend by account please, net of credits?", "this month by account"),
    ("/cost", "What was the total for the fortnight 09/11 to 22/11, excl. tax?", "2026-11-09..2026-11-22 service!=tax"),
    # the writer's fiscal quarter, the calendar months they named (Oct-Dec 2025)
    (
        "/cost",
        "Q3 FY26 spend by service please (our FY starts 1 April so that's Oct-Dec 25)",
        "2025-10..2025-12 by service",
    ),
    # the fees, usage, credits and tax by charge class, as FRESH_22's `october total incl tax, credits and RI fees
    # broken out`
    ("/cost", "how much of Oct's bill was Savings Plan / RI fees vs actual usage?", "2026-10 by charge-class"),
    # the untagged share is part of every breakdown; Platform is one of the values listed, each apart
    (
        "/tags",
        "Hi, need the team split for October for the recharge, incl. the untagged bit. Platform separately pls",
        "team 2026-10",
    ),
    # the writer's two spans as typed, the later first
    (
        "/cost",
        "Can we compare month to date against the same point last month? i.e. 01/11-26/11 vs 01/10-26/10",
        "2026-11-01..2026-11-26 vs 2026-10-01..2026-10-26",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "project split on the data-lake acct for last quarter (Jul-Sep) ta",
        "project account=data-lake last quarter",
    ),
    # NOT SUPPORTED (reasons for tax): the writer's nearest, October by charge class, the tax and the taxable spend
    # each against September, the period compared with anyway
    ("/cost", "Is there any reason tax was higher on the Oct invoice compared with Sept?", "2026-10 by charge-class"),
    # `prod acct` is the account
    (
        "/cost",
        "daily spend nov 16-22, prod acct only, need it for the PIR timeline",
        "2026-11-16..2026-11-22 account=production daily",
    ),
    # the writer's optional narrowing to the checkout project left out
    (
        "/cost",
        "did the checkout outage on the 19th cost us anything extra in ec2? compare to the 12th maybe",
        "2026-11-19 vs 2026-11-12 service=ec2",
    ),
    ("/top-resources", "which rds instances were most expensive on 11/19", "2026-11-19 service=rds"),
    # the day before is the day the 19th is compared with anyway; autoscaling read off the EC2 and EKS lines among the
    # causes
    ("/cost", "what drove the spike on thurs 11/19 - autoscaling or something else?", "why 2026-11-19"),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    ("/tags", "checkout project cost by env 17th-21st", "env tag:project=checkout 2026-11-17..2026-11-21"),
    # the hourly step the grammar has, as CORPUS's `hourly ec2 yesterday` (the writer's daily fallback not needed)
    (
        "/cost",
        "lambda + sqs by hour on nov 19? think we had a retry storm during the outage",
        "2026-11-19 service=lambda,sqs hourly",
    ),
    # the services behind each day are part of the answer
    (
        "/cost",
        "were there any unusual cost days around the incident, say 15th to 25th",
        "anomalies 2026-11-15..2026-11-25",
    ),
    # the incident week as the writer's days, Mon 16 to Sun 22 Nov
    (
        "/top-resources",
        "top 10 resources tagged project=checkout during incident week",
        "10 2026-11-16..2026-11-22 tag:project=checkout",
    ),
    # three days side by side have no canonical form: the three days by day; egress is the DataTransfer-Out usage
    # types, as FRESH_13, so split by usage type; the cause is not in the bill
    (
        "/cost",
        "cloudfront 18th vs 19th vs 20th -- did failing over to the static maintenance page push egress up?",
        "2026-11-18..2026-11-20 service=cloudfront daily by usage-type",
    ),
    # `trailing 12 months` by the grammar's rule: the 12 full months before this one, as the writer counted
    ("/cost", "what's our total spend trailing 12 months, month by month", "last 12 months monthly"),
    # NOT SUPPORTED (coverage): the split by charge class, as FRESH_4's `covered by commitments` and FRESH_12's `SP
    # covered vs on-demand`; `last 3 months` by the grammar's rule, as the writer counted; by month, as the writer
    # read it
    (
        "/cost",
        "how much of our EC2 and Lambda compute is running on-demand vs covered by savings plans, last 3 months?",
        "last 3 months service=ec2,lambda by charge-class monthly",
    ),
    # the Savings Plan fees are the commitment fees, as FRESH_1's `savings plans cost last quarter`
    ("/cost", "Savings Plan fees we've paid each month this year", "this year charge-class=recurring,one-time monthly"),
    # NOT SUPPORTED (annualising, EDP): the writer's 90 days to yesterday, scaled to a year by hand; the writer's
    # monthly totals kept
    (
        "/cost",
        "For the EDP conversation - what's our annualised run-rate based on the last 90 days?",
        "last 90 days monthly",
    ),
    # NOT SUPPORTED (EDP contract, commit): the writer's nearest, the credit lines this year by month
    (
        "/cost",
        "Do we have an EDP discount applied anywhere on the bill already, and what was our commit?",
        "ytd charge-class=credit monthly",
    ),
    # no percentages in the grammar: the breakdown they are shares of, as FRESH_7 and FRESH_14
    ("/cost", "what % of spend is us-east-1 vs everything else, last quarter", "last quarter by region"),
    (
        "/top-resources",
        "our 20 priciest EC2 instances last month - trying to figure out what to cover with RIs",
        "20 last month service=ec2",
    ),
    # the untagged share is part of every breakdown
    ("/tags", "team split YTD - need to know which teams to loop in on the 3yr commit", "team ytd"),
    # the writer's table is the daily series
    ("/cost", "daily total cost for november so far, as a table i can paste into pandas?", "this month daily"),
    (
        "/cost",
        "hi! could I get monthly cost per service for jan-oct 2026 for a stacked bar chart 🙏",
        "2026-01..2026-10 by service monthly",
    ),
    # weeks run Monday to Sunday
    ("/cost", "glue spend by week since september, weeks starting monday pls", "since 2026-09-01 service=glue weekly"),
    # `last 6 months` by the grammar's rule: the six full months before this one, as the writer counted
    (
        "/cost",
        "is s3 cost in the data-lake account trending up? need the series for the last 6 months",
        "last 6 months service=s3 account=data-lake monthly",
    ),
    # a filtered tag breakdown; two months apart have no `/tags` form: the span holding both, as FRESH_14's `sept and
    # oct`
    (
        "/tags",
        "sorry if this is the wrong cmd - data team costs by env tag for sept and oct separately?",
        "env tag:team=data 2026-09..2026-10",
    ),
    ("/cost", "uh what's the forecast for dynamodb for the rest of the month", "forecast 2026-11 service=dynamodb"),
    (
        "/top-resources",
        "which s3 buckets cost the most in the data lake acct? last month",
        "last month service=s3 account=data-lake",
    ),
    # a service not on the bill, as FRESH_5's and FRESH_13's `athena` (the writer's nearest, Glue alone, was not
    # taken)
    (
        "/cost",
        "can i get athena+glue costs per day for oct 1 to nov 15 (want to overlay w/ our job run logs)",
        "!athena",
    ),
    # September is the period October is compared with anyway
    (
        "/cost",
        'Hi team, forwarding from Jen below, can someone answer? > "What did we spend on AWS in total last month, '
        'and how does that compare to September?" Thanks, Mark',
        "2026-10",
    ),
    # `staging` the account, as the writer read it
    (
        "/cost",
        'Hi, re ticket FIN-2231: "Please provide the staging AWS costs for the period 1 October 2026 to 15 November '
        '2026 broken down by service." Kind regards, Priya',
        "2026-10-01..2026-11-15 account=staging by service",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "From the CFO office: \"How much of our AWS cost isn't tagged with a team? We need this before the board "
        'pack." -- for Nov MTD please',
        "team this month",
    ),
    # the capacity mode is not in the bill: the tables by cost, as the writer read it
    (
        "/top-resources",
        'Pasting from #platform: "can someone pull the 5 most expensive DynamoDB tables this month? pretty sure one '
        "of them is on on-demand and shouldn't be\" cheers",
        "5 this month service=dynamodb",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_22 (the writer's nearest, the month
    # so far with the forecast, was not taken)
    (
        "/cost",
        'Good morning, re: budget check - "Are we tracking over budget for November?" Best, Dana | FP&A',
        "!budget",
    ),
    # September is the period October is compared with anyway
    (
        "/cost",
        'Hey all, the AWS account manager\'s email says "Your eu-west-1 usage increased 40% in October" -- is that '
        "true? what changed?",
        "why 2026-10 region=eu-west-1",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "Hi, per Jira DATA-88: \">> please split September's data-lake bill by the aws:createdBy tag so we can see "
        'which IAM roles/users created the spend" thx',
        "aws:createdBy account=data-lake 2026-09",
    ),
    (
        "/top-resources",
        "fwd from a security ticket: \"which KMS keys are we paying the most for since 1 Nov? we're seeing "
        'unexpected KMS line items" - Tom',
        "since 2026-11-01 service=kms",
    ),
    # the week before is the period compared with anyway, as FRESH_1's `compare last week to the week before by
    # service`; the load tests read off the services that rose
    (
        "/cost",
        "Hi! Quick one from the weekly review email: \"what was last week's spend vs the week before, and were the "
        'Black Friday load tests visible?"',
        "last week by service",
    ),
)


FRESH_29_FIRST_SIGHT = (12, 26, 12)

FRESH_29: tuple[tuple[str, str, str], ...] = (
    # usage only, the Savings Plan fee and tax left out by charge class; `net of credits` keeps the credits in (as
    # FRESH_5), so the credit class beside usage; `prod` the account; the writer's Mon-Thu windows, both kept
    (
        "/cost",
        "Comparing EC2 spend in prod (123456789012 only, i.e. excluding staging + data-lake) for Black Friday week "
        "so far (Mon 23 Nov through yesterday, since today's data will be partial) vs the same Mon–Thu window last "
        "week — and please exclude the Savings Plan fee from the 1st, I only care about usage (net of credits if "
        "that's possible).",
        "2026-11-23..2026-11-26 vs 2026-11-16..2026-11-19 service=ec2 account=production charge-class=usage,credit",
    ),
    # like for like: the complete days of November against the same days of October; the writer's split by usage type
    # kept
    (
        "/cost",
        "what's driving the S3 increase in us-east-1 this month? (my guess is request/transfer charges from "
        "CloudFront origin fetches rather than storage, but I'd like it broken down by usage type to confirm) — MTD "
        "vs the same days of October",
        "why this month service=s3 region=us-east-1 by usage-type",
    ),
    # NOT SUPPORTED (backfill): the bot knows no event, so the writer's nearest, the account's month-end forecast;
    # Glue's daily cost since the 18th is a question of its own
    (
        "/cost",
        "Forecast where November lands for the data-lake account (333344445555), assuming the Glue backfill that "
        "kicked off ~Nov 18 keeps running at its current daily rate — I know it'll be rough, I just want the order "
        "of magnitude plus whatever run rate you used",
        "forecast 2026-11 account=data-lake",
    ),
    # the values are listed in every breakdown, each stored casing apart, as FRESH_18; the untagged share is part of
    # every breakdown; unblended is the default basis
    (
        "/tags",
        "split of last month's spend by `team` (Oct 1–31, all three accounts, unblended; NB the Platform value is "
        "capitalised and some stuff was tagged `platform` lowercase before the migration — show both rather than "
        "merging them pls), plus the untagged remainder",
        "team last month",
    ),
    # no RDS instance-hour usage type in the vocabulary: the total per resource, as the writer accepted; `prod` the
    # account; `last 30 days` by the grammar's rule, the writer's 28 Oct - 26 Nov
    (
        "/top-resources",
        "Top 10 most expensive RDS instances in prod over the last 30 days (28 Oct – 26 Nov), excluding "
        "storage/backup line items if they can be separated out — I want the instance-hours picture, not the "
        "snapshot noise",
        "10 last 30 days service=rds account=production",
    ),
    # a split by usage type per resource has no canonical `/top-resources` form: the ranking, as the writer accepted;
    # `last 7 days` by the grammar's rule, the writer's 7 days to yesterday
    (
        "/top-resources",
        "which DynamoDB tables cost the most in the 7 days ending yesterday (any account, though I expect prod)? and "
        "for the #1 table, is it on-demand reads/writes or storage? if per-resource usage-type granularity isn't a "
        "thing just the ranking is fine",
        "last 7 days service=dynamodb",
    ),
    # NOT SUPPORTED (key rotation): two questions, the daily series typed kept (unusual days are a question of their
    # own), as FRESH_13 and FRESH_15; several services as a series are one series per value anyway
    (
        "/cost",
        "Daily series of KMS + SQS combined for eu-west-1, Nov 1 to date, and flag any day >2σ from the mean (trying "
        "to work out whether the key rotation on the 12th caused the bump or if it's just request volume)",
        "since 2026-11-01 service=kms,sqs region=eu-west-1 daily",
    ),
    # the average per day of each period beside its total and days; the writer's order kept, as FRESH_9's `q3 vs q4 so
    # far`
    (
        "/cost",
        "Total EKS cost Q3 (Jul–Sep) vs Q4-to-date, normalised per day since the periods are different lengths — or "
        "if normalising isn't something the bot does, give me both totals + day counts and I'll do the maths myself",
        "average 2026-q3 vs this quarter service=eks",
    ),
    # the day before is the day yesterday is compared with anyway
    (
        "/cost",
        "ciao! quanto abbiamo speso ieri in totale? con il black friday volevo vedere se il costo e salito rispetto "
        "al solito",
        "yesterday",
    ),
    # September is the period October is compared with anyway, as CORPUS's `oct vs sep`
    (
        "/cost",
        "hola, cuanto fue el costo de CloudFront el mes pasado vs septiembre? gracias!!",
        "2026-10 service=cloudfront",
    ),
    (
        "/cost",
        "me puedes dar el gasto de EC2 por region esta semana? (de lunes a hoy)",
        "this week service=ec2 by region",
    ),
    # the values are listed in every breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "costo per progetto questo mese per favore — checkout vs search vs data, e quanto è senza tag",
        "project this month",
    ),
    # the week before is the period compared with anyway
    (
        "/cost",
        "perche il costo di lambda è cresciuto la settimana scorsa? rispetto a quella prima intendo",
        "why last week service=lambda",
    ),
    (
        "/top-resources",
        "cuales son los buckets de S3 mas caros en el data-lake? del mes pasado porfa",
        "last month service=s3 account=data-lake",
    ),
    # NOT SUPPORTED (the alert seen): the writer's nearest, November's unusual days in the staging account
    (
        "/cost",
        "hay algún día raro en noviembre en staging? ayer vi una alerta pero no se de que era",
        "anomalies 2026-11 account=staging",
    ),
    # tax is in the total anyway; all accounts is every account anyway
    (
        "/cost",
        "a fine mese quanto arriviamo? previsione per novembre, tutti gli account, tasse incluse se si puo",
        "forecast 2026-11",
    ),
    (
        "/cost",
        "hi! sorry if this is a dumb question but how much is our bill for the cloud this month so far?",
        "this month",
    ),
    # no range typed: this month, as the writer read it
    (
        "/cost",
        "what are the biggest charges on the aws bill? like which services cost the most",
        "this month by service",
    ),
    # no percentages in the grammar: the two accounts side by side they are shares of, as FRESH_22; `the staging one`
    # and `the production one` the accounts; no range typed: this month, as the writer read it
    (
        "/cost",
        "is the staging one more expensive than the production one?? my manager said staging is like half of it",
        "this month account=staging,production by account",
    ),
    # no range typed: the writer's last 30 full days, by the grammar's rule
    ("/cost", "how much do we pay for the lambdas per day roughly", "average last 30 days service=lambda"),
    # what tax is goes beyond the data: the amount, the part the bill holds
    ("/cost", 'what is the "tax" thing on the bill and how much was it last month?', "last month service=tax"),
    # the writer's `by month` kept
    (
        "/cost",
        "did we get any credits? someone said aws gave us credits, how much were they this year",
        "ytd charge-class=credit monthly",
    ),
    # a value of the key listed is one of the values listed, as FRESH_19; no range typed: this month, as the writer
    # read it
    ("/tags", "how do i see what the web team spends? sorry still figuring out the tags thing", "team this month"),
    # `servers` are the EC2 instances; no range typed: this month, as the writer read it
    ("/top-resources", "which servers cost teh most money?", "this month service=ec2"),
    # the charge types (usage, RI and SP fees, tax, credits) by charge class, as FRESH_11; the day before is the
    # typical day it is compared with anyway
    (
        "/cost",
        "what was the charge on november 1st, it looks way bigger than the other days on the graph",
        "2026-11-01 by charge-class",
    ),
    # the writer's `unblended` kept, as FRESH_22; tax is in the total anyway
    (
        "/cost",
        "Need monthly totals by account for Jun, Jul, Aug, Sep, Oct 2026 — one column per month, one row per account "
        "please. Unblended, incl. tax.",
        "2026-06..2026-10 by account monthly unblended",
    ),
    (
        "/cost",
        "Can you give me daily spend 1 Nov - 26 Nov, all accounts, as a number per day (no rounding to k please, "
        "pasting straight into the sheet)",
        "2026-11-01..2026-11-26 daily",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "env tag breakdown for Q3 (01/07/2026–30/09/2026): prod / dev / staging / untagged, exact $ and % of total",
        "env 2026-q3",
    ),
    # September is the period October is compared with anyway, as CORPUS's `oct vs sep`
    (
        "/cost",
        "Data transfer costs per region for October, and the same for September next to it so I can fill in the "
        "variance column",
        "2026-10 service=data-transfer by region",
    ),
    # the Savings Plan and RI fees are the commitment fees, as FRESH_1's `RI spend ytd`
    (
        "/cost",
        "What's the total of the fees posted on the 1st of each month (Savings Plans + RIs) Jan through Nov this "
        "year? need a line per month",
        "2026-01..2026-11 charge-class=recurring,one-time monthly",
    ),
    # `production` the account
    (
        "/top-resources",
        "export-ish list: top 20 resources by cost in production for October, w/ resource ID, service and amount",
        "20 2026-10 account=production",
    ),
    # `last 6 weeks` by the grammar's rule: the six full weeks before this one, as the writer counted
    (
        "/cost",
        "Week-over-week totals for the last 6 full weeks (Mon–Sun), all services, I'm building a trend line",
        "last 6 weeks weekly",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "aws:createdBy — how much did each creator account for last month? need to reconcile against our IAM user "
        "list. untagged figure too",
        "aws:createdBy last month",
    ),
    # a comparison is not something `/tags` answers, and the writer's October beside it was only ideal: the month so
    # far
    (
        "/tags",
        "data team keeps saying web is the one blowing up the bill. can i get spend by team for nov so far so i can "
        "show them we're flat",
        "team this month",
    ),
    # the same days of last month are the comparison every answer makes anyway, as FRESH_7's `ec2 mtd vs last mo`
    (
        "/cost",
        "API team has been told our costs doubled. did they?? team=api, this month vs last month at the same point "
        "(1st-26th)",
        "this month tag:team=api",
    ),
    # the team tag beside each resource has no canonical form: the Glue ranking, as the writer accepted; `last 30 days`
    # by the grammar's rule, the writer's 30 days to yesterday
    (
        "/top-resources",
        "which of the top glue jobs are actually ours (data team) vs someone in Platform spinning them up? top Glue "
        "resources last 30 days please",
        "last 30 days service=glue",
    ),
    # Platform against everything else read off the breakdown by team, untagged its own group
    (
        "/cost",
        "For the record: how much of the EKS bill is tagged team=Platform vs everything else this quarter? they're "
        "trying to push the cluster cost onto us",
        "this quarter service=eks by tag:team",
    ),
    # both projects side by side, each by service
    (
        "/cost",
        "honestly want to know why checkout costs more than search. project=checkout vs project=search, last month, "
        "by service",
        "2026-10 tag:project=checkout,search by tag:project, service",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown; no range typed: the writer's last full
    # month
    (
        "/tags",
        "before the budget meeting: what % of S3 spend is untagged? web team is getting blamed for buckets nobody "
        "tagged",
        "team service=s3 last month",
    ),
    # `prod` the account
    (
        "/top-resources",
        "top 5 ec2 instances tagged team=web in prod this week. need to prove the big ones arent ours",
        "5 this week service=ec2 account=production tag:team=web",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_22 (the writer's nearest, the web and
    # data teams' month so far with the forecast, was not taken)
    (
        "/cost",
        "are we over budget? web team budget is 40k/month and I think we're way under while data is over",
        "!budget",
    ),
    ("/cost", "total so far today?", "today"),
    # `prod` meant as the account
    ("/cost", "prod last wk", "last week account=production"),
    ("/cost", "anything weird this week b4 i log off", "anomalies this week"),
    # no key typed: the team tag, as the writer read it; the untagged share is part of every breakdown
    ("/tags", "untagged $ mtd", "team this month"),
    ("/top-resources", "biggest spenders yesterday, quick", "yesterday"),
    # like for like: the complete days of November against the same days of October, as FRESH_7's `Oct vs Nov so far`
    ("/cost", "rds oct vs nov so far", "this month service=rds"),
    # the forecast against October, as FRESH_4's `projected ... compare with October`
    ("/cost", "will nov be higher than oct y/n", "forecast 2026-11"),
    # `last 7 days` by the grammar's rule, the writer's 7 days to yesterday
    ("/cost", "ap-southeast-2 spend last 7d pls, leaving in 10", "last 7 days region=ap-southeast-2"),
    # today so far against last Friday, as FRESH_12's `normal Friday`
    (
        "/cost",
        "did the black friday traffic hit cloudfront yet? cf cost today vs last fri",
        "2026-11-27 vs 2026-11-20 service=cloudfront",
    ),
)


FRESH_30_FIRST_SIGHT = (12, 24, 14)

FRESH_30: tuple[tuple[str, str, str], ...] = (
    # `prod acct` is the account; instance types are EC2 usage types, as CORPUS's `ec2 by instance type`; `last 30d`
    # by the grammar's rule (the writer counted today in)
    (
        "/cost",
        "ec2 spend by instance type for prod acct, last 30d? sizing the graviton migration",
        "last 30 days service=ec2 account=production by usage-type",
    ),
    # `use1` is us-east-1; the instance type beside each resource has no canonical form: the EC2 instances, the m5/c5
    # ones read off by hand
    (
        "/top-resources",
        "top ec2 instances in use1 for october, need to spot whats still on m5/c5",
        "2026-10 service=ec2 region=us-east-1",
    ),
    # no percentages in the grammar and no Graviton usage types in the vocabulary: EC2 by usage type, the *g lines
    # among them, as FRESH_15's `gpu spend`
    (
        "/cost",
        "roughly what % of our EC2 compute is already on graviton (the *g families) vs x86, this month",
        "this month service=ec2 by usage-type",
    ),
    # the commitment fees against EC2 on-demand usage by charge class, as FRESH_12's `ec2 SP covered vs on-demand`;
    # the writer's months, by month
    (
        "/cost",
        "how much are the SP/RI fees on the 1st each month vs what we still pay on-demand for ec2? sep, oct, nov",
        "2026-09..2026-11 service=ec2 by charge-class monthly",
    ),
    # a filtered tag breakdown; dev and prod are among the env values listed; no range typed: this month, as the
    # writer read it
    (
        "/tags",
        "EKS only, team=Platform - split by env. is dev really bigger than prod??",
        "env service=eks tag:team=Platform this month",
    ),
    (
        "/cost",
        "EKS monthly since june, want to see the trend before we move node groups to c7g",
        "since 2026-06-01 service=eks monthly",
    ),
    # `last 90 days` by the grammar's rule (the writer counted today in); all accounts is every account anyway
    (
        "/top-resources",
        "most expensive RDS instances last 90 days, all 3 accounts (looking at r6g candidates)",
        "last 90 days service=rds",
    ),
    # no inter-AZ usage type in the vocabulary: data transfer by region and usage type, the regional lines of
    # eu-west-1 and ap-southeast-2 among them, as FRESH_15's `inter-AZ data transfer`
    (
        "/cost",
        "data transfer last month by region - eu-west-1 and syd look high. how much is inter-AZ?",
        "last month service=data-transfer by region, usage-type",
    ),
    (
        "/cost",
        "Please let me know Lambda cost of staging account in this month. Thank you.",
        "this month service=lambda account=staging",
    ),
    # the writer's days since the 20th with their explanation; the 8 days before are the period compared with anyway
    (
        "/cost",
        "S3 cost is increased from 11/20, what is the reason? I did not change anything I think.",
        "why since 2026-11-20 service=s3",
    ),
    # `recent 2 weeks` by the grammar's rule (the writer counted 14 days back from today)
    (
        "/cost",
        "Could you show daily DynamoDB cost in ap-southeast-2 region for recent 2 weeks?",
        "last 2 weeks service=dynamodb region=ap-southeast-2 daily",
    ),
    # the untagged share is part of every breakdown; no range typed: this month, as the writer read it
    (
        "/tags",
        'How much cost is not having "project" tag? I think many resource are still no tag.',
        "project this month",
    ),
    # `is it normal` asks whether the day is unusual: the anomaly engine's expected day is the usual day, judged from
    # the days before
    (
        "/cost",
        "Glue cost of 2026/11/22 was very high, is it normal? Please compare with usual day.",
        "anomalies 2026-11-22 service=glue",
    ),
    (
        "/top-resources",
        "KMS key which is most expensive, in data-lake account. From 1st of this month.",
        "since 2026-11-01 service=kms account=data-lake",
    ),
    # the October total with its tax line apart, by charge class, as FRESH_5's `does the bot include tax and support`
    (
        "/cost",
        "sorry for basic question. Total cost include tax or not? How much was tax in October?",
        "2026-10 by charge-class",
    ),
    # the forecast against October, as FRESH_4's `projected ... compare with October`
    (
        "/cost",
        "please forecast end of month cost for eu-west-1. It will be over than last month?",
        "forecast 2026-11 region=eu-west-1",
    ),
    # the forecast is for the month: the year so far with this month's forecast line, as FRESH_3's `what will 2026
    # cost us in total`
    ("/cost", "where do we land for the full year? need a number for the board deck monday", "forecast this year"),
    # run rate is the forecast; `all in` is the total as it is (every charge is in it), as FRESH_12's `including tax
    # and support`
    ("/cost", "what's our monthly run rate right now, all in (tax, credits, the lot)", "forecast 2026-11"),
    # Q2 is the period Q3 is compared with anyway, as FRESH_22's `Q3 vs Q2 by account`
    ("/cost", "Q3 vs Q2 by service pls", "2026-q3 by service"),
    # NOT SUPPORTED (remaining balance): the writer's nearest, the credits applied so far by month
    (
        "/cost",
        "how much have credits knocked off the bill ytd? and how much is left on them",
        "ytd charge-class=credit monthly",
    ),
    # `last 12 months` by the grammar's rule (the writer counted November in), as FRESH_18; each month against the one
    # before
    ("/cost", "MoM growth for the last 12 months - is the curve flattening or not", "last 12 months monthly"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_22
    ("/cost", "are we tracking over the Q4 budget? I believe we signed off 1.4M for the quarter", "!budget"),
    ("/tags", "team breakdown YTD, need to charge back to the P&Ls", "team ytd"),
    # the same days of last year are the comparison every answer makes anyway, as FRESH_18's `ytd vs same period last
    # year`
    ("/cost", "2026 vs 2025 same period, jan through today", "ytd"),
    # this week to today against Black Friday week last year to its Friday, the writer's order kept, as FRESH_16's
    # `black friday week last year vs this year`; the writer's `ideally day by day` not typed, left out
    (
        "/cost",
        "is black friday showing up in the numbers yet? how does this week stack up against BF week last year",
        "2026-11-23..2026-11-27 vs 2025-11-24..2025-11-28",
    ),
    # the budget email is the context, not what is asked: `what spiked` asks why, like for like the complete days of
    # November against the same days of October (the writer's nearest)
    (
        "/cost",
        'just got an AWS budgets email "actual cost exceeded 80% of threshold" - what spiked??',
        "why this month",
    ),
    # last week's same days are the comparison every answer makes anyway; by day to see a jump from Monday, as the
    # writer read it
    (
        "/cost",
        "did lambda in staging go up this week? I deployed a new cron monday morning, pls tell me it wasn't that",
        "this week service=lambda account=staging daily",
    ),
    # the writer's creator tag value is not known exactly (a person's name is not a stored value, as FRESH_13's
    # `jsmith`): the most expensive resources; no range typed: this month
    (
        "/top-resources",
        "what are the most expensive things created by me (jdoe)? aws:createdBy tag i think",
        "this month",
    ),
    # a filtered tag breakdown; `last 7 days` by the grammar's rule (the writer counted today in)
    (
        "/tags",
        "api team, split by aws:createdBy for the last 7 days - trying to figure out if its my test stack",
        "aws:createdBy tag:team=api last 7 days",
    ),
    # the day before is the day yesterday is compared with anyway
    (
        "/cost",
        "sqs yesterday vs the day before? might have left a consumer polling in a tight loop :grimacing:",
        "yesterday service=sqs",
    ),
    # two questions: the first kept (the forecast is a question of its own); the budget is the context, not what is
    # asked
    (
        "/cost",
        "is env=dev spending weird this week? budgets says we're forecast to blow past it",
        "anomalies this week tag:env=dev",
    ),
    # `staging` the account
    (
        "/top-resources",
        "top 10 dynamo tables in staging since tues",
        "10 since 2026-11-24 service=dynamodb account=staging",
    ),
    # EC2 is the writer's focus, not a filter, as FRESH_10; the engine's baseline is the days before
    (
        "/cost",
        "anything odd in us-west-2 since wed? spun up a g5 box for testing and honestly not sure i terminated it",
        "anomalies since 2026-11-25 region=us-west-2",
    ),
    # storage classes are S3 usage types, as FRESH_13's `s3 storage vs requests`
    (
        "/cost",
        "S3 by storage class for Oct - standard vs IA vs glacier/deep archive",
        "2026-10 service=s3 by usage-type",
    ),
    # no snapshot usage type in the vocabulary: EC2 by usage type, the snapshot lines among them, as FRESH_15's `nat
    # gateway`; `last 6 mo` by the grammar's rule (the writer counted November in)
    ("/cost", "what are ebs snapshots costing per month, last 6 mo", "last 6 months service=ec2 monthly by usage-type"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "biggest buckets in the data lake acct", "this month service=s3 account=data-lake"),
    # NOT SUPPORTED (what-if pricing): the writer's nearest, the bucket (its name as its resource id) by month for
    # October and November so far, storage and requests apart by usage type
    (
        "/cost",
        "if we moved the access-logs bucket to deep archive how much would we save per month",
        "2026-10..2026-11 service=s3 resource=access-logs monthly by usage-type",
    ),
    # no backup usage type in the vocabulary: RDS by usage type, the backup lines among them; `last 2 months` by the
    # grammar's rule, as FRESH_1's `weekly costs for the last 2 months`
    (
        "/cost",
        "rds backup storage charges, are they growing? weekly for last 2 months pls",
        "last 2 months service=rds weekly by usage-type",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown; no range typed: this month, as the
    # writer read it
    ("/tags", "S3 only, by project - how much is sitting in untagged buckets", "project service=s3 this month"),
    # no request usage type in the vocabulary: the S3 buckets by cost, the writer's nearest; `past 14 days` by the
    # grammar's rule (the writer counted today in)
    (
        "/top-resources",
        "which buckets are racking up request charges (not storage) over the past 14 days",
        "last 14 days service=s3",
    ),
    # no Glacier retrieval usage type in the vocabulary: S3's unusual days over the writer's days around the 18th; who
    # restored is not in the bill
    (
        "/cost",
        "glacier retrieval fees jumped around the 18th?? someone restore something?",
        "anomalies 2026-11-11..2026-11-25 service=s3",
    ),
    # the week before is the period compared with anyway; what moved is why, as FRESH_15's `what changed between ...
    # week`
    ("/cost", "last week vs week before, total + what moved", "why last week"),
    # the writer's week before and week after the deploy, the writer's order kept, as FRESH_10's `before vs after the
    # fix`; the writer's optional project=search left out
    (
        "/cost",
        "did glue go up after the search reindex deploy on wed 18th? before/after pls",
        "2026-11-11..2026-11-17 vs 2026-11-18..2026-11-24 service=glue",
    ),
    # the writer's ideal comparison with the week before has no `/tags` form and is not asked: the split
    ("/tags", "env split last week, feels like staging keeps creeping up", "env last week"),
    ("/cost", "any days last week that stand out?", "anomalies last week"),
    (
        "/cost",
        "cloudfront per day mon-sun last week, we cut over the image CDN on tuesday",
        "last week service=cloudfront daily",
    ),
    # values of the key listed are among the values listed, as FRESH_4's `project tag breakdown for the checkout,
    # search, data`
    ("/tags", "checkout vs search vs data for last wk (project tag)", "project last week"),
    # `prod` meant as the account
    (
        "/top-resources",
        "top 5 ec2 in prod last week, want to check the thurs autoscaling change didn't leave big boxes running",
        "5 last week service=ec2 account=production",
    ),
    # the values are listed in every breakdown, each stored casing apart, as FRESH_18
    (
        "/tags",
        "team values since the 19th - did the Platform vs platform casing thing get fixed?",
        "team since 2026-11-19",
    ),
    # the writer's daily view of the staging account as the daily series per account
    (
        "/cost",
        "RDS last week per account, and did the staging db get scaled back down after tuesdays load test",
        "last week service=rds by account daily",
    ),
)


FRESH_31_FIRST_SIGHT = (12, 20, 18)

FRESH_31: tuple[tuple[str, str, str], ...] = (
    # `net` as the writer's total as it is (credits included), not the net basis, as FRESH_12's `net unblended`
    ("/cost", "quick one - whats our total aws spend MTD? need a number for my 1:1 in 5 mins", "this month"),
    ("/cost", "where are we gonna land for november roughly? boss wants a number he can repeat", "forecast 2026-11"),
    # a run rate over the writer's three full months: the average per month, multiplied by 12 by hand
    (
        "/cost",
        "whats our annual run rate if u take the last 3 months? ballpark is fine",
        "average last 3 months monthly",
    ),
    # Q2 is the period Q3 is compared with anyway, as FRESH_7's `rds q3 vs q2`; `prod acct` is the account
    ("/cost", "prod acct only - Q3 total vs Q2, and the % diff", "2026-q3 account=production"),
    # like for like: the complete days of November against the same days of October; `why` gives the three values
    # that moved most per dimension anyway
    ("/cost", "what's driving the jump this month vs last?? top 3 things is enough", "why this month"),
    # the untagged share is part of every breakdown
    ("/tags", "can u split this years spend by team, just need rough %s for a slide", "team ytd"),
    # `rn` as the writer read it, this month; `prod` meant as the account
    (
        "/top-resources",
        'what are the 5 biggest individual resources in prod rn? I keep getting asked about "that one massive db"',
        "5 this month account=production",
    ),
    (
        "/cost",
        'How much did we spend on data transfer + cloudfront last quarter combined? Boss thinks its "a lot"',
        "last quarter service=data-transfer,cloudfront",
    ),
    # `last 14 days` by the grammar's rule, the writer's 14 days to yesterday
    (
        "/cost",
        "Hoi, can you give me the costs of S3 per day for the last 14 days? Dank je",
        "last 14 days service=s3 daily",
    ),
    # like for like: this week's complete days against the same days of last week
    (
        "/cost",
        "What is the reason that the Glue costs are so much higher in this week? Ik snap het niet, we did not change "
        "anything",
        "why this week service=glue",
    ),
    # `the staging account` is the account
    (
        "/cost",
        "how much did eu-west-1 cost us in total in the month of oktober, only the staging account please",
        "2026-10 region=eu-west-1 account=staging",
    ),
    # `the last month` by the grammar's rule (the writer counted 30 days back from yesterday), as FRESH_7
    (
        "/cost",
        "Were there any strange days in the last month? Something which is not normal i mean",
        "anomalies last month",
    ),
    # no range typed: this month, as the writer read it, against its same days last year
    (
        "/cost",
        "Hej! What is the cost of KMS compared with same month last year? Tack",
        "this month vs 2025-11 service=kms",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "How is the spend divided over the env tag for the data-lake account since 1 september? and how much has no "
        "tag at all",
        "env account=data-lake since 2026-09-01",
    ),
    (
        "/top-resources",
        "Which EC2 instances are most expensive in ap-southeast-2? only last week. mvh Lars",
        "last week service=ec2 region=ap-southeast-2",
    ),
    # no range typed: this month, as the writer read it
    (
        "/top-resources",
        "give me the 10 most dure dynamodb tables, I think one is vergeten from a test and still running",
        "10 this month service=dynamodb",
    ),
    # the writer's api team kept; Tuesday to Thursday against the same days a week earlier, as the writer read
    # `the days before`
    (
        "/cost",
        'api team asking "why did our lambda bill double since tuesday??" - can u check lambda tue-thu vs the days '
        "before",
        "why 2026-11-24..2026-11-26 vs 2026-11-17..2026-11-19 service=lambda tag:team=api",
    ),
    (
        "/cost",
        'from #data-eng: "how much is the data lake account costing per month this year" -> monthly, jan to now pls',
        "ytd account=data-lake monthly",
    ),
    # a filtered tag breakdown; web is among the team values listed; `prod` meant as the account
    (
        "/tags",
        "someone in web asked how much of prod spend is team=web vs everyone else, for last month",
        "team account=production last month",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_22 (the writer's nearest, the
    # data team's Q4 so far, was not taken)
    ("/cost", "Finance asks whether the data team is over its budget for Q4 yet. can u tell?", "!budget"),
    # the two regions side by side
    (
        "/cost",
        "re @maria's q in #checkout - is RDS in us-west-2 more expensive than us-east-1 this month?",
        "this month service=rds region=us-west-2,us-east-1 by region",
    ),
    # `staging` the account, as the writer read it; no range typed: this month
    (
        "/top-resources",
        "ticket PLAT-4412 wants the biggest s3 buckets by cost in staging, can u pull top 10",
        "10 this month service=s3 account=staging",
    ),
    # the writer's order kept, the 14 days before the upgrade first, as FRESH_10's `before vs after the fix`
    (
        "/cost",
        '"what did the EKS cluster upgrade do to our costs" - upgrade was 9th nov. 2wks before vs 2wks after?',
        "2026-10-26..2026-11-08 vs 2026-11-09..2026-11-22 service=eks",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "q from leadership channel: how much stuff has no project tag at all? $ and % of total, MTD",
        "project this month",
    ),
    # the charge types the writer lists (usage, Savings Plan and RI fees, credits, tax) by charge class, as
    # FRESH_11's `break down last month by charge type`
    (
        "/cost",
        "someone asked if the savings plan fee on the 1st is in the daily numbers they see.. can u show nov 1 broken "
        "down by charge type",
        "2026-11-01 by charge-class",
    ),
    # period 10 read as October (calendar fiscal year, as the writer assumed), as FRESH_8's `period 10`; tax and
    # credits as their own lines by charge class, as FRESH_18
    (
        "/cost",
        "Need P10 total by account for month-end close pls - gross, with credits and tax shown separately",
        "2026-10 by account, charge-class",
    ),
    # period 11 read as November (calendar fiscal year, as the writer assumed)
    ("/cost", "what is the tax amount for P11 so far?", "this month service=tax"),
    # the forecast excluding tax, as FRESH_5's `November accrual estimate`
    (
        "/cost",
        "For the accrual: estimate for november full month, excluding tax please",
        "forecast 2026-11 service!=tax",
    ),
    # NOT SUPPORTED (prepaid balance): the writer's nearest, the commitment fees of the two days side by side, the
    # earlier first, as FRESH_9's `oct vs nov`; no split of the fees into Savings Plan and RI fees by charge
    # class: by usage type, as FRESH_18
    (
        "/cost",
        "How much were the SP + RI fees posted on 1 Oct and 1 Nov? I need to check against what we hold as prepaid",
        "2026-10-01 vs 2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    # period 10 read as October, as FRESH_8; the team tag is the cost centre key; untagged is its own line anyway
    ("/tags", "cost centre mapping is by team tag - P10 split by team incl. unallocated please", "team 2026-10"),
    ("/cost", "credits recieved YTD? by month", "ytd charge-class=credit monthly"),
    # NOT SUPPORTED (GL code): the writer's nearest, the total by month; periods 7 to 9 read as July to September
    # (calendar fiscal year, as the writer assumed)
    ("/cost", "Could you give me GL 6420 (cloud hosting) for P7-P9 per month", "2026-07..2026-09 monthly"),
    # periods 10 and 9 read as October and September; September is the period October is compared with anyway; the
    # commentary as `why`, beside the writer's split by service; `staging acct` is the account
    (
        "/cost",
        "staging acct variance P10 vs P9 by service pls, need commentary for the flash report",
        "why 2026-10 account=staging by service",
    ),
    # the writer's two projects side by side; both envs is every env anyway
    (
        "/cost",
        "how much did project search cost vs project checkout last week? both envs",
        "last week tag:project=search,checkout by tag:project",
    ),
    # a filtered tag breakdown
    (
        "/tags",
        "project split for env=dev only, this month - wanna see if search dev is bigger than checkout dev lol",
        "project tag:env=dev this month",
    ),
    # a filtered tag breakdown; the start of October, as FRESH_3's convention
    ("/tags", "break down env tag for project=search since start of oct", "env tag:project=search since 2026-10-01"),
    # `staging` the env tag, as the writer read it; `last 7 days` by the grammar's rule, the writer's 7 days to
    # yesterday; the two projects side by side, by day
    (
        "/cost",
        "search staging vs checkout staging daily for last 7 days? want to see if our load test spike shows up",
        "last 7 days tag:env=staging tag:project=search,checkout by tag:project daily",
    ),
    # `prod` the env tag, as the writer read it; no range typed: this month
    (
        "/top-resources",
        "top 5 most expensive things tagged project=search in prod",
        "5 this month tag:project=search tag:env=prod",
    ),
    # a follow-up read on its own: the writer's meaning without context, the env tag prod and 5 as before
    (
        "/top-resources",
        "same for checkout pls but only ec2",
        "5 this month service=ec2 tag:project=checkout tag:env=prod",
    ),
    # `last 6 months` by the grammar's rule: the six full months before this one (the writer counted November in),
    # as FRESH_13 and FRESH_19; each project its own line
    (
        "/cost",
        "whats the monthly trend for project=search over the last 6 months, with checkout next to it",
        "last 6 months tag:project=search,checkout by tag:project monthly",
    ),
    # today against last Friday, each project its own line
    (
        "/cost",
        "did checkout get a bigger black friday bump than us? today vs last friday",
        "2026-11-27 vs 2026-11-20 tag:project=checkout,search by tag:project",
    ),
    ("/cost", "how much did we burn on thanksgiving while everyone was eating turkey", "2026-11-26"),
    # the daily series of the year so far, the most expensive day read off by hand
    ("/cost", "whats the single most expensive day of 2026 so far lol", "ytd daily"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "whos the most expensive thing we own. just one. the champion", "1 this month"),
    # no average per hour in the grammar: the average per day, divided by 24 by hand
    (
        "/cost",
        "how much do we pay for kms per hour basically? like avg per hour last month",
        "average last month service=kms",
    ),
    # NOT SUPPORTED (a forecast of one day): the writer's nearest, last year's Black Friday against the Friday
    # before it
    ("/cost", "if black friday goes like last year how much is today gonna cost us", "2025-11-28 vs 2025-11-21"),
    # no range typed: this month, as the writer read it
    ("/tags", "aws:createdBy - who's spinning up the most stuff??", "aws:createdBy this month"),
    # no range typed: this month, as the writer read it; the two side by side
    ("/cost", "do we spend more on tax or on SQS haha", "this month service=tax,sqs by service"),
    # no threshold in the grammar: the functions ranked by cost, those above $500 read off by hand
    ("/top-resources", "any lambda function costing more than like $500 this month??", "this month service=lambda"),
    # `without credits` leaves them out, as the doc's credits rule; `last 3 months` by the grammar's rule, as the
    # writer counted; the writer's `monthly` kept
    (
        "/cost",
        "what would our bill be without the credits, last 3 months",
        "last 3 months charge-class!=credit monthly",
    ),
)


FRESH_32_FIRST_SIGHT = (15, 22, 13)

FRESH_32: tuple[tuple[str, str, str], ...] = (
    # `the live website` and `our testing setup` as the production and staging accounts, as the writer read them; the
    # data-lake account its own group beside them
    (
        "/cost",
        "roughly how much are we spending on running the live website vs our testing setup? this month so far is fine",
        "this month by account",
    ),
    (
        "/cost",
        "Ahead of the board pack - what has our total AWS bill been each month this year? just need the monthly "
        "figures, no detail",
        "this year monthly",
    ),
    (
        "/cost",
        "where is the money actually going? top 5 things we pay for, in words I can repeat to the CFO",
        "this month by service top 5",
    ),
    # last year's Black Friday per day against the writer's typical days around it, per day; today's partial day is a
    # question of its own
    (
        "/cost",
        "Is today (black friday) going to blow up the bill? what did last year's black friday cost us compared to a "
        "normal day",
        "average 2025-11-28 vs 2025-11-17..2025-11-23",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_22 (the writer's nearest, the forecast
    # against October, was not taken)
    ("/cost", "where will we end up for November, and are we going to be over budget?", "!budget"),
    ("/tags", "which of our teams are costing us the most this quarter?", "team this quarter"),
    # no range typed: this month, as the writer read it; the resources carry their ids
    (
        "/top-resources",
        "what are the single biggest things we're paying for - like specific servers or storage? I want actual "
        "names, not categories",
        "this month",
    ),
    # September is the period October is compared with anyway, as FRESH_18's `why is Oct higher than Sept`
    (
        "/cost",
        "Why did our costs go up last month? Someone in the exec meeting said October was a lot higher than "
        "September, is that actually right",
        "why 2026-10",
    ),
    # `the last 30 days` by the grammar's rule (the writer counted today in)
    (
        "/cost",
        "RDS spend by usage type for the last 30 days - want to see instance hours vs storage vs iops vs backup "
        "separately",
        "last 30 days service=rds by usage-type",
    ),
    # `prod` meant as the account
    (
        "/top-resources",
        "which rds instances cost the most in prod this month?",
        "this month service=rds account=production",
    ),
    # no backup usage type in the vocabulary: RDS by usage type, the backup and snapshot lines among them, as FRESH_15's
    # `nat gateway`
    (
        "/cost",
        "has our rds backup storage been creeping up? show me daily for november",
        "2026-11 service=rds by usage-type daily",
    ),
    # no request usage types in the vocabulary: DynamoDB by usage type, the on-demand read and write lines among them;
    # `staging` the account; the week before is the period compared with anyway
    (
        "/cost",
        "dynamo costs jumped in staging?? on-demand read/write request costs last week vs the week before pls",
        "last week service=dynamodb account=staging by usage-type",
    ),
    # all accounts is every account anyway
    (
        "/top-resources",
        "top 10 dynamodb tables by cost, all accounts, since 1st oct",
        "10 since 2026-10-01 service=dynamodb",
    ),
    # NOT SUPPORTED (replicas): the writer's nearest, RDS in eu-west-1 by day from the writer's 27 Oct, the step after
    # the 3rd read off by hand
    (
        "/cost",
        "how much are the read replicas costing us in eu-west-1? we spun up 2 for the reporting db, I think around "
        "the 3rd of nov",
        "2026-10-27..2026-11-27 service=rds region=eu-west-1 daily",
    ),
    # the instance class beside each resource has no canonical form: the RDS instances by cost
    (
        "/top-resources",
        "biggest rds instances by cost in us-east-1 last month, need it for rightsizing - include instance class if "
        "you have it",
        "last month service=rds region=us-east-1",
    ),
    # no engine dimension in the cost data: RDS by usage type, the Aurora lines apart, as the writer's nearest
    (
        "/cost",
        "whats the split between aurora and plain rds (postgres/mysql) for Q3?",
        "2026-q3 service=rds by usage-type",
    ),
    # daily data: the writer's three whole days either side of the mixed day, the earlier first as the writer ordered
    # them; the writer's optional project=checkout left out
    (
        "/cost",
        "we deployed checkout v4.12 on Tue 17 Nov around 14:00 UTC, did EC2 cost change after that? compare the 3 "
        "days before and after",
        "2026-11-14..2026-11-16 vs 2026-11-18..2026-11-20 service=ec2",
    ),
    (
        "/cost",
        "lambda cost daily from nov 9 to nov 22 please, we moved the image resizer to lambda on the 12th",
        "2026-11-09..2026-11-22 service=lambda daily",
    ),
    # the 7 days before the upgrade are the period compared with anyway, as FRESH_7's `rolled it out wed the 18th`; the
    # EKS charges only, as FRESH_10's `k8s cluster`
    (
        "/cost",
        "did the EKS cluster upgrade last weds (nov 18th) change anything cost-wise?",
        "2026-11-18..2026-11-24 service=eks",
    ),
    # the writer's 7 days from the freeze; the 7 days before are the period compared with anyway; `staging` the account
    (
        "/cost",
        "staging costs since the code freeze on 2026-11-20 — did they actually go down like they should have?",
        "2026-11-20..2026-11-26 account=staging",
    ),
    # the day before, one of the writer's preceding days, is the day the 24th is compared with anyway; the hour is not
    # in daily data
    (
        "/cost",
        "cloudfront spend spiked on the 24th? we had the new asset pipeline release that morning (09:30 GMT). whats "
        "driving it",
        "why 2026-11-24 service=cloudfront",
    ),
    # a comparison is not something `/tags` answers (it lists costs only): refused naming the word, as FRESH_4's
    # `improved`
    ("/tags", "cost by project for the week of the search reindex release (nov 9-15) vs the week after", "!vs"),
    # NOT SUPPORTED (new resources): the writer's nearest, the resources ranked since the release; `prod` meant as the
    # account
    (
        "/top-resources",
        "which resources are new or most expensive in prod since the 2026.11.23 release train?",
        "since 2026-11-23 account=production",
    ),
    # `the last 2 weeks` by the grammar's rule (the writer counted 14 days back from yesterday); the deploy calendar is
    # matched by hand
    (
        "/cost",
        "any unusual days in the last 2 weeks? want to line them up against our deploy calendar",
        "anomalies last 2 weeks",
    ),
    # the 5 days the change was live; the 5 days before are the period compared with anyway (the days after have no form
    # beside them)
    (
        "/cost",
        "Rolled back the SQS batching change on Mon 16th at 11pm, was it costing us more while it was live? (went "
        "out thu 12th)",
        "2026-11-12..2026-11-16 service=sqs",
    ),
    # the writer's unblended basis, tax left out, to hold against the console figure by hand
    (
        "/cost",
        "Cost Explorer says $48,212.77 for October (unblended, excl. tax), all accounts. does that match what you "
        "have?",
        "2026-10 service!=tax unblended",
    ),
    # the writer's complete days of this week against the whole of last week, per day
    (
        "/cost",
        "my grafana billing panel shows EC2 at ~1,240/day last week but 1,610/day this week.. is that real?",
        "average 2026-11-23..2026-11-26 vs 2026-11-16..2026-11-22 service=ec2",
    ),
    # the writer's three services side by side, each by usage type, what makes up data transfer among them, as
    # FRESH_10's `which usage type is driving data transfer`
    (
        "/cost",
        "these are nov MTD from the billing console: S3 $3,902.14  Data Transfer $2,877.50  KMS $411.08 -- why is "
        "data transfer almost as much as s3??",
        "this month service=s3,data-transfer,kms by service, usage-type",
    ),
    # the charge types of the day (usage, credits, fees, tax) by charge class, as FRESH_11's `break down last month by
    # charge type`
    (
        "/cost",
        "The finance dashboard shows a -$2,000 line on Nov 1 – is that a credit? and what's the $18k fee on the same "
        "day",
        "2026-11-01 by charge-class",
    ),
    # team=data is among the values listed, its share read off against the 31% by hand
    ("/tags", "our FinOps sheet says team=data was 31% of spend in october, can u check that", "team 2026-10"),
    (
        "/top-resources",
        "the quicksight chart has one bucket at like $900 this month, which bucket is that??",
        "this month service=s3",
    ),
    # the week before is the period compared with anyway; what moved by service, as the writer asked
    (
        "/cost",
        "data-lake acct shows 7.3k in the CUR dashboard for last week, seems high?? normal is ~5k",
        "why last week account=data-lake",
    ),
    # the forecast, to hold against the console's $61.4k by hand
    ("/cost", "Forecast widget in the console says Nov will land at $61.4k. what do you get?", "forecast 2026-11"),
    # the week before is the period compared with anyway, as CORPUS's `last week versus the week before`
    (
        "/cost",
        "weekly review item 1: total spend last week (Mon-Sun) vs the week before, by account",
        "last week by account",
    ),
    # the untagged share is part of every breakdown
    ("/tags", "checklist #2 - untagged spend by `team` for last week, what % of total is it?", "team last week"),
    # dev and staging are among the values listed; no threshold in the grammar: the 20% checked by hand
    ("/tags", "env tag breakdown MTD — is dev/staging creeping above 20% of total?", "env this month"),
    # no threshold in the grammar: the anomaly engine's own baseline of the days before; `last 7 days` by the grammar's
    # rule
    ("/cost", "item 4: anomalies in the last 7 days, anything > 20% above the trailing avg", "anomalies last 7 days"),
    # all accounts is every account anyway
    ("/top-resources", "for the review: top 15 resources last week across all 3 accounts", "15 last week"),
    # no split of the commitment fees into Savings Plan and RI fees by charge class: the fees by usage type, where the
    # fee lines are apart, as FRESH_18 and FRESH_22; the writer's order kept
    (
        "/cost",
        "the SP + RI fees that hit on nov 1st vs oct 1st — same amount? anything new in there",
        "2026-11-01 vs 2026-10-01 charge-class=recurring,one-time by usage-type",
    ),
    # `/tags` has no time step: the split over the writer's four full weeks; the writer's values are among the values
    # listed
    ("/tags", "project tag split for checkout/search/data last 4 wks, weekly pls", "project last 4 weeks"),
    # the credits and the tax side by side by charge class; the total is net of credits as it is, as FRESH_5's `net of
    # credits`
    (
        "/cost",
        "last item: credits + tax so far this month, and what's the net total after credits",
        "this month by charge-class",
    ),
    ("/cost", "s3 cost yesterdy", "yesterday service=s3"),
    # last week is the period this week is compared with anyway (its same days), as FRESH_20's `this week vs last week`
    ("/cost", "ec2 this wek vs last", "this week service=ec2"),
    # no range typed: this month, as the writer read it
    ("/tags", "spend by craetedBy", "aws:createdBy this month"),
    ("/cost", "total novmber so far", "2026-11"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "most expnsive lambdas", "this month service=lambda"),
    # like for like: the complete days of November against the same days of October
    ("/cost", "why is glue so hihg", "why this month service=glue"),
    # no range typed: this month, as the writer read it
    ("/cost", "kms by regon", "this month service=kms by region"),
    ("/tags", "team spned last mnth", "team last month"),
    # Sydney is ap-southeast-2; no range typed: this month, as the writer read it
    ("/cost", "daily costs sydeny region", "this month region=ap-southeast-2 daily"),
)

FRESH_33_FIRST_SIGHT = (18, 10, 22)

FRESH_33: tuple[tuple[str, str, str], ...] = (
    # the total as it is holds tax, as FRESH_24's `October invoice total, all 3 accounts, incl. tax and credits`; all
    # accounts is every account anyway
    (
        "/cost",
        "hi! need the total aws spend for october across all 3 accounts for the client report pls, incl tax",
        "2026-10",
    ),
    ("/cost", 'can u break october down by service? top 10 is fine, rest can be "other"', "2026-10 by service top 10"),
    # September is the period October is compared with anyway, as CORPUS's `oct vs sep`
    ("/cost", "how did oct compare to sept - per account, with % change if poss", "2026-10 by account"),
    # the fees and the credits side by side by charge class, as FRESH_12's `what credits were applied ... RI and Savings
    # Plan fees`; the fees booked on 1 Oct are October's
    (
        "/cost",
        "what did we get in credits last month + what were the SP/RI charges on the 1st? client always asks about "
        "those two",
        "2026-10 charge-class=recurring,one-time,credit by charge-class",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "october by team please, and how much is untagged (client keeps pushing on tagging hygiene)",
        "team 2026-10",
    ),
    # `prod` meant as the account; each resource is listed by its id
    (
        "/top-resources",
        "top 5 most expensive resources in prod for october? client wants actual names/ids",
        "5 2026-10 account=production",
    ),
    # `net of credits` is credits included (the default), as FRESH_5
    (
        "/cost",
        "monthly totals jan - oct 2026, net of credits, one number per month (going in a chart)",
        "2026-01..2026-10 monthly",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_32 (the writer's nearest, the month so
    # far with the forecast, was not taken)
    ("/cost", "are we still inside the 40k/month budget we agreed in the SOW??", "!budget"),
    # today so far against last Friday, as FRESH_29's `cf cost today vs last fri`; the same hours of the day have no
    # form beside the comparison
    ("/cost", "how much have we burned so far today vs last friday at this time", "2026-11-27 vs 2026-11-20"),
    # ranges are whole days: today hour by hour, the hourly step the grammar has, as FRESH_28; yesterday is the day
    # today is compared with anyway; `prod` meant as the account
    ("/cost", "prod ec2 last 3 hrs - is it spiking or is it just me", "today service=ec2 account=production hourly"),
    # today hour by hour, the hourly step the grammar has, as FRESH_28; several services as a series are one series per
    # value anyway
    (
        "/cost",
        "cloudfront + data transfer since this morning, hourly if u have it",
        "today service=cloudfront,data-transfer hourly",
    ),
    ("/cost", "anything weird this week in us-east-1?", "anomalies this week region=us-east-1"),
    # NOT SUPPORTED (today's pace): the writer's nearest, the month-end forecast as it stands, as FRESH_27's `w/ black
    # friday today and cyber monday on the 30th`
    ("/cost", "if we keep today's pace thru cyber monday where does nov end up", "forecast 2026-11"),
    # `right now` as the writer read it, today
    (
        "/top-resources",
        "what's eating the most right now - dynamo tables and lambdas specifically",
        "today service=dynamodb,lambda",
    ),
    # which instances are EKS workers is not in the bill: the writer's nearest, the EC2 instances in production with the
    # EKS clusters in the same list, as FRESH_24's cluster as EKS and its EC2 workers
    ("/top-resources", "biggest $ ec2 nodes today, the eks worker ones", "today service=ec2,eks account=production"),
    # the untagged share is part of every breakdown; web and api are among the values listed
    ("/tags", "today split by team - want to know if it's web (checkout) or api eating the budget", "team today"),
    # like for like: this quarter's complete days against the same stretch of Q3, as FRESH_12's `this quarter compare to
    # last quarter so far`
    ("/cost", "QTD total vs where we were at the same point last quarter?", "this quarter"),
    # the earlier half first, both kept (H2 so far), as FRESH_15's `compute spend h1 vs h2`
    ("/cost", "H1 vs H2-to-date, split by account pls", "2026-01..2026-06 vs 2026-07..2026-12 by account"),
    # tax and credits left out by charge class, as FRESH_11 and FRESH_25
    ("/cost", "YTD spend ex tax and ex credits - gross usage + fees only", "ytd charge-class!=tax,credit"),
    # a run rate over the writer's three full months: the average per month, multiplied by 12 by hand, as FRESH_31's
    # `annual run rate if u take the last 3 months`
    ("/cost", "whats our annualised run rate off the last 3 full months?", "average last 3 months monthly"),
    # NOT SUPPORTED (the 1.1m plan): the forecast is for the month, never the quarter: Q4 so far with this month's
    # forecast line, as FRESH_23's `Where do we expect Q4 to end up`; the plan figure is held against it by hand
    ("/cost", "where does Q4 land vs the 1.1m plan? need it for the reforecast monday", "forecast 2026-q4"),
    # the values are listed in every breakdown; the untagged share is part of every breakdown
    ("/tags", "Q3 by project for the chargeback — checkout / search / data. + whatever isnt tagged", "project 2026-q3"),
    # the untagged share is part of every breakdown; dev and staging are among the values listed
    ("/tags", "ytd by env tag, how much of it is non-prod really", "env ytd"),
    # the services ranked by their change against Q2, as FRESH_5's `Q3 vs Q2 by service, I need the top movers`
    ("/cost", "q3 vs q2 by service - which lines moved the most?", "increases 2026-q3 by service"),
    # FY read as the calendar year, as the writer said
    ("/top-resources", "top 10 cost items FY26 to date (assume calendar year)", "10 ytd"),
    # `a month` is the latest full month, as the doc's `what does checkout cost us a month`; `the prod account` is the
    # account; November so far is a question of its own
    (
        "/cost",
        "hey sorry if this is a dumb q but how much does the prod account cost a month roughly",
        "last month account=production",
    ),
    # no sandbox account on the bill: the writer's nearest, the staging account; no range typed: this month, as the
    # writer read it
    (
        "/cost",
        "how much is the sandbox acct spending? the one we're supposed to test stuff in",
        "this month account=staging",
    ),
    # `our main account` as the production account, as the writer read it; no range typed: this month, as the writer
    # read it
    ("/cost", "what does our main account spend on lambda", "this month service=lambda account=production"),
    # no range typed: this month, as the writer read it
    (
        "/top-resources",
        "which s3 buckets cost the most? trying to figure out if my test bucket even matters lol",
        "this month service=s3",
    ),
    # NOT SUPPORTED (tagging policy): the writer's nearest, the team values in use with the untagged share; no range
    # typed: this month
    ("/tags", "what team tag am i supposed to put on my stuff? what are ppl using", "team this month"),
    # no range typed: this month, as the writer read it
    (
        "/cost",
        "is the data lake acct the one with glue in it? how much does glue run there",
        "this month service=glue account=data-lake",
    ),
    # `staging` the account; no range typed: this month, as the writer read it
    ("/top-resources", "most expensive rds databases in staging?", "this month service=rds account=staging"),
    # the bot cannot see deploys: the writer's days either side of Wednesday, by day, as FRESH_23's `after we scaled it
    # down tues`
    ("/cost", "did my deploy on wed make staging more expensive??", "2026-11-16..2026-11-27 account=staging daily"),
    # last Black Friday is 2025-11-28, as FRESH_13; the writer's order kept, as FRESH_24
    ("/cost", "what did black friday cost us last year vs this year", "2025-11-28 vs 2026-11-27"),
    # last week's same days are the period this week is compared with anyway, as FRESH_20's `this week vs last week`
    ("/cost", "how much more are we spending BF week vs a normal week?", "this week"),
    ("/cost", "thanksgiving thru cyber monday last yr, total?", "2025-11-27..2025-12-01"),
    # NOT SUPPORTED (orders): the writer's nearest, the checkout project's November so far against the same days last
    # year, as FRESH_3's `YoY change in November spend, month to date`
    ("/cost", "is checkout costing us more per order than last year?", "this month vs 2025-11 tag:project=checkout"),
    # Black Friday is today; the untagged share is part of every breakdown
    ("/tags", "black friday by project - want checkout vs search side by side", "project 2026-11-27"),
    # like for like, as FRESH_3's `YoY change in November spend, month to date`
    ("/cost", "november so far this year vs last november same days", "this month vs 2025-11"),
    # like for like: this week's complete days against the same days of last week, as FRESH_8
    ("/cost", "why are we spending more this week? need a 2-line summary for the exec channel", "why this week"),
    # NOT SUPPORTED (revenue): the writer's nearest, today's total so far
    ("/cost", "whats the peak day cloud cost as a % of revenue", "today"),
    # no GPU usage types in the vocabulary: EC2 by usage type, the GPU lines among them, as FRESH_15 and FRESH_19
    ("/cost", "how much did the gpu boxes cost last week, the p4d/g5 stuff", "last week service=ec2 by usage-type"),
    # no GPU instance types in the vocabulary: the EC2 instances, the GPU ones among them, as FRESH_8
    ("/top-resources", "top 5 gpu instances by cost this month", "5 this month service=ec2"),
    # `the last 30 days` by the grammar's rule, the writer's 30 days to yesterday
    (
        "/cost",
        "s3 cost per day for the last 30 days in the data lake acct - want to see if the storage is creeping up",
        "last 30 days service=s3 account=data-lake daily",
    ),
    # no range typed: this month, as the writer read it
    (
        "/top-resources",
        "which buckets cost the most in us-west-2? pretty sure old dataset snapshots are just sitting there",
        "this month service=s3 region=us-west-2",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown; data is among the values listed
    (
        "/tags",
        "ec2 last month by team - did my training runs blow up team=data's number?",
        "team service=ec2 last month",
    ),
    # no spot usage type in the vocabulary: EC2 by usage type, the spot and on-demand lines among them, as FRESH_15;
    # `last 2 weeks` by the grammar's rule (the writer counted 14 days back from today)
    ("/cost", "spot vs on-demand split for my training jobs last 2 weeks?", "last 2 weeks service=ec2 by usage-type"),
    # NOT SUPPORTED (what-if pricing): the writer's nearest, EC2's month-end forecast
    ("/cost", "what would it cost if i left 8 a100s running till the end of the month", "forecast 2026-11 service=ec2"),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    ("/tags", "project=data since oct 1, split by env?", "env tag:project=data since 2026-10-01"),
    # the writer's days around Tuesday, by day
    (
        "/cost",
        "did data transfer out of eu-west-1 jump tuesday when i copied the dataset over to us-east-1",
        "2026-11-17..2026-11-26 service=data-transfer region=eu-west-1 daily",
    ),
)

FRESH_34_FIRST_SIGHT = (31, 9, 10)

FRESH_34: tuple[tuple[str, str, str], ...] = (
    # today so far against last Friday, as FRESH_29's `cf cost today vs last fri`
    ("/cost", "how bad is bf lookin so far :fire: ec2 today vs last fri", "2026-11-27 vs 2026-11-20 service=ec2"),
    # `staging` the account; `rn` as the writer read it, this month, as FRESH_27
    (
        "/top-resources",
        "whats the priciest stuff in staging rn :thinking_face: shouldnt be anything big there",
        "this month account=staging",
    ),
    ("/tags", "team split last wk pls :pray:", "team last week"),
    # `use1` is us-east-1, as FRESH_30
    ("/top-resources", "top 10 ec2 in use1 this mo :money_with_wings:", "10 this month service=ec2 region=us-east-1"),
    ("/cost", "where r we landin for nov :crystal_ball:", "forecast 2026-11"),
    # `the last 2 wks` by the grammar's rule (the writer counted 14 days back from today), as FRESH_32
    ("/cost", "any weird days in the last 2 wks :thinking_face:", "anomalies last 2 weeks"),
    # last week's same days are the period this week is compared with anyway, as FRESH_23's `cloudfront per day since
    # monday`
    ("/cost", "cf daily since mon :chart_with_upwards_trend: traffic is nuts", "this week service=cloudfront daily"),
    # `euw1` is eu-west-1; the writer's split by service kept, as FRESH_26's `kms and sqs in oct+nov`
    (
        "/cost",
        "lambda n sqs euw1 by month since aug :shrug:",
        "since 2026-08-01 service=lambda,sqs region=eu-west-1 monthly by service",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "Please give me distribution of cost by team for October, I need to send it to finance for chargeback",
        "team 2026-10",
    ),
    # like for like: this week's complete days against the same days of last week; `staging account` is the account
    (
        "/cost",
        "Why cost of EC2 is growing in staging account from beginning of week?",
        "why this week service=ec2 account=staging",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown; `production account` is the account
    ("/tags", "How much is spent without tag env in production account in november?", "env account=production 2026-11"),
    # `last 30 days` by the grammar's rule (the writer counted today in)
    (
        "/top-resources",
        "Which DynamoDB table is most expensive? Need top 5 for last 30 days",
        "5 last 30 days service=dynamodb",
    ),
    (
        "/cost",
        "Give me daily cost for EKS in us-west-2 from 1 to 15 november",
        "2026-11-01..2026-11-15 service=eks region=us-west-2 daily",
    ),
    # tax and credits left out by charge class, as FRESH_26's `FY25 total excluding tax ..., before credits`
    ("/cost", "What is total bill for Q3 without tax and without credits?", "2026-q3 charge-class!=tax,credit"),
    # the day judged against the days before it, as the anomaly engine does, as FRESH_30's `is it normal`
    (
        "/cost",
        "Is there anomaly in KMS cost yesterday? On dashboard I see strange number",
        "anomalies yesterday service=kms",
    ),
    # NOT SUPPORTED (December): the writer's nearest, this month's data transfer forecast, as FRESH_24's `Prognose for
    # Dezember`; the daily run rate is in its answer
    (
        "/cost",
        "How much we will pay for data transfer in december if trend stays same?",
        "forecast 2026-11 service=data-transfer",
    ),
    # last week's same days are the period this week is compared with anyway, as FRESH_20's `this week vs last week`;
    # all accounts is every account anyway
    ("/cost", "WoW total? this wk vs last, all accts (yes i know thanksgiving + BF skew it)", "this week"),
    # `wow` as the writer meant it, the last full week against the week before (compared anyway); `why` gives the
    # three values that moved most, as FRESH_31; the writer's split by service kept, as FRESH_24
    ("/cost", "what moved WoW? top 3 services driving the delta pls", "why last week by service"),
    # `last 6 wks` by the grammar's rule: the six full weeks before this one, as the writer counted, as FRESH_29;
    # `prod` meant as the account
    (
        "/cost",
        "weekly totals last 6 wks, prod only. need the trend line for the board deck",
        "last 6 weeks account=production weekly",
    ),
    # a comparison is not something `/tags` answers (it lists costs only): refused naming the word, as FRESH_32's `vs`
    ("/tags", "by team, last full week vs the one before - whos up, whos down?", "!vs"),
    # the writer's two spans as typed, the later first, as FRESH_28's `01/11-26/11 vs 01/10-26/10`
    (
        "/cost",
        "nov 1-26 vs oct 1-26, same days, whats the % diff? are we on pace",
        "2026-11-01..2026-11-26 vs 2026-10-01..2026-10-26",
    ),
    # NOT SUPPORTED (a run rate of chosen days): the writer's nearest, the month-end forecast, as FRESH_29's `Glue
    # backfill ... at its current daily rate`
    ("/cost", "if the rest of the month looks like mon-thu this week where does nov end up", "forecast 2026-11"),
    # NOT SUPPORTED (new resources, two lists side by side): the writer's nearest, this week's top 10 (last week's a
    # question of its own), as FRESH_32's `new or most expensive`
    (
        "/top-resources",
        "anything new in the top 10 this week that wasnt there last week? someone spun something up i bet",
        "10 this week",
    ),
    # `w/w` as the writer meant it, the last full week against the week before (compared anyway); the four weeks ago
    # is a question of its own
    ("/cost", "eks w/w % and vs 4 wks ago? platform keeps saying its flat", "last week service=eks"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_22 (the writer's nearest, Q4 so far
    # with the forecast, was not taken)
    ("/cost", "are we over the Q4 budget yet? need a yes/no for staff mtg", "!budget"),
    (
        "/cost",
        "Please list all credits applied in October 2026, broken down by account.",
        "2026-10 charge-class=credit by account",
    ),
    # NOT SUPPORTED (invoices): the writer's nearest, the monthly tax totals, as FRESH_7's `Tax by month this year`
    (
        "/cost",
        "Total tax charged year to date, by month please - need to tie it out to the invoices",
        "ytd service=tax monthly",
    ),
    # the SP and RI fees are the commitment fees, as FRESH_24's `SP + RI fees charged on 1 Nov, split by account`
    (
        "/cost",
        "Savings Plans / RI fees posted on Nov 1 - amount per account?",
        "2026-11-01 charge-class=recurring,one-time by account",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown; `the staging account` is the account
    (
        "/tags",
        "Spend by aws:createdBy for the staging account, Sep through Nov, incl. untagged please",
        "aws:createdBy account=staging 2026-09..2026-11",
    ),
    # refunds are the adjustment class, as FRESH_7 and FRESH_9
    (
        "/cost",
        "Were there any refunds in Q3? If yes, which service and how much.",
        "2026-q3 charge-class=adjustment by service",
    ),
    # the creator beside each resource has no canonical form: the ranking, as FRESH_24's `need owners` (the creator
    # split is a question of its own)
    (
        "/top-resources",
        "For the audit file: 20 most expensive resources in the data-lake account in October, and who created each one",
        "20 2026-10 account=data-lake",
    ),
    # the charge types by charge class, gross and net read off it, as FRESH_32's `credits + tax so far this month, and
    # what's the net total`
    (
        "/cost",
        "November to date: usage, credits, fees and tax shown separately please (gross vs net)",
        "this month by charge-class",
    ),
    # a change between two months compares the later against the earlier (August compared with anyway)
    (
        "/cost",
        "Did credits change between August and September? Promo credit was supposed to expire 31 Aug.",
        "2026-09 charge-class=credit",
    ),
    # September is the period October is compared with anyway
    (
        "/cost",
        "how much did glue cost us in data-lake last month vs the month before?",
        "2026-10 service=glue account=data-lake",
    ),
    (
        "/top-resources",
        "biggest s3 buckts by cost in the data lake acct, nov so far",
        "this month service=s3 account=data-lake",
    ),
    # `past 2 weeks` by the grammar's rule (the writer counted 14 days back from today), the 18th inside it, as
    # FRESH_27; all accounts, as the writer allowed
    (
        "/cost",
        "glue daily for past 2 weeks - nightly ETL moved to 2am UTC on the 18th, want to see if it did anything",
        "last 2 weeks service=glue daily",
    ),
    # a filtered tag breakdown; the untagged share and data are among the values listed
    (
        "/tags",
        "project split in data-lake this month? curious how much isnt tagged project=data",
        "project account=data-lake this month",
    ),
    # no range typed: this month, as the writer read it
    (
        "/cost",
        "S3 in data-lake by region? we're supposed to be all us-east-1 but i suspect someone made buckets in "
        "ap-southeast-2",
        "this month service=s3 account=data-lake by region",
    ),
    # the day before is the day the 19th is compared with anyway, as FRESH_28's `what drove the spike on thurs 11/19`
    ("/cost", "why did the data lake account jump on the 19th", "why 2026-11-19 account=data-lake"),
    ("/top-resources", "which glue jobs cost most in sept? top 10", "10 2026-09 service=glue"),
    # a filtered tag breakdown; the values are listed in every breakdown
    (
        "/tags",
        "how does the team tag split inside data-lake for oct - is it all team=data or are web/api folks running "
        "stuff there too?",
        "team account=data-lake 2026-10",
    ),
    # a follow-up read on its own: the writer's meaning without context, this month for the staging account, as
    # FRESH_11
    ("/cost", "and staging?", "this month account=staging"),
    # a follow-up read on its own: the writer's meaning without context, as FRESH_11
    ("/cost", "same for october", "2026-10"),
    # a follow-up read on its own: the writer's meaning without context; `prod` meant as the account, as FRESH_11's
    # `now only prod`
    ("/cost", "only prod pls", "this month account=production"),
    # a follow-up read on its own: the writer's meaning without context, as FRESH_11's `and the priciest dynamo
    # tables?`
    ("/top-resources", "ok same but rds", "this month service=rds"),
    # a follow-up read on its own: the writer's meaning without context, as FRESH_11's `same but by region`
    ("/cost", "hmm can u split that by region", "this month by region"),
    # a follow-up read on its own: the writer's meaning without context, as FRESH_11's `same for env`
    ("/tags", "what about env instead of team?", "env this month"),
    # a follow-up read on its own: the writer's example, the week before last week
    ("/cost", "and the week before that?", "2026-11-09..2026-11-15"),
    # a follow-up read on its own: the writer's meaning without context; the total holds tax as its own service, left
    # out
    ("/cost", "wait does that include tax? show it w/o tax", "this month service!=tax"),
    # a follow-up read on its own: the writer's meaning without context
    ("/cost", "ok now excluding the data-lake account", "this month account!=data-lake"),
)

FRESH_35_FIRST_SIGHT = (30, 11, 9)

FRESH_35: tuple[tuple[str, str, str], ...] = (
    (
        "/cost",
        "hola! cuanto fue the total of EC2 in octubre for the account of production?",
        "2026-10 service=ec2 account=production",
    ),
    # all accounts is every account anyway; tax is its own service in every by-service view; the bracketed credits line
    # is a
    # presentation detail the text does not ask for, left out, as FRESH_4's `(monthly)`
    (
        "/cost",
        "I need please the costs by service of the last month, all the accounts, is for a reporte for my jefe",
        "last month by service",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "how is distributed the spend by team this month? and also how much is without tag pls",
        "team this month",
    ),
    # like for like: this week's complete days against the same days of last week, as FRESH_23's `why did rds jump this
    # wk`
    (
        "/cost",
        "why the costs of S3 are more high this week compared with the last week? no entiendo nada",
        "why this week service=s3",
    ),
    (
        "/top-resources",
        "which are the 10 resources more expensive in the data-lake account in november? gracias",
        "10 2026-11 account=data-lake",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_32 (the writer's nearest, the forecast
    # against October, was not taken)
    ("/cost", "and the forecast for the end of the mes? we are going to pass the budget or no?", "!budget"),
    (
        "/cost",
        "can you give me the costs of RDS day by day since 1 de noviembre until today, in eu-west-1 por favor",
        "since 2026-11-01 service=rds region=eu-west-1 daily",
    ),
    # the values of the key are listed in every breakdown (checkout and search among them), as FRESH_26's `search vs
    # checkout this month`
    ("/tags", "el tag project... how much cost checkout vs search in the Q3?", "project 2026-q3"),
    # the writer's order kept, the 7 days before the deploy first, as FRESH_31's `2wks before vs 2wks after`
    (
        "/cost",
        "we shipped the new checkout service 2026-11-10. can I get total spend 7 days before vs 7 days after?",
        "2026-11-03..2026-11-09 vs 2026-11-10..2026-11-16",
    ),
    # the writer's order kept, as FRESH_4's `Nov 3-10 vs Nov 17-24`; what drove the change, as the writer asked, as
    # FRESH_26's `5-11 vs 13-19`
    (
        "/cost",
        "did lambda go up after the 11/17 deploy? comparing 11/10-11/16 vs 11/17-11/23",
        "why 2026-11-10..2026-11-16 vs 2026-11-17..2026-11-23 service=lambda",
    ),
    # the writer's week before and week after the 4th, the writer's order kept, as FRESH_30's `before/after pls`; `prod`
    # meant as the account
    (
        "/cost",
        "EKS in prod before/after we bumped the node groups on nov 4, week before vs week after",
        "2026-10-28..2026-11-03 vs 2026-11-04..2026-11-10 service=eks account=production",
    ),
    # the step around the 18th read off the series by hand
    (
        "/cost",
        "daily for team=api env=prod from nov 1 thru yesterday — want to see if there's a step on the 18th when 2.14 "
        "went out",
        "2026-11-01..2026-11-26 tag:team=api tag:env=prod daily",
    ),
    # the writer's optional cost of each instance over 10-18 Nov has no `/top-resources` form (it lists costs only):
    # left
    # out; the c6i instances among the EC2 ones
    (
        "/top-resources",
        "which ec2 instances are costing the most since the release on 19 Nov? want to see if the new c6i fleet is in "
        "there",
        "since 2026-11-19 service=ec2",
    ),
    # the writer's 6 days after the rollback against the same 6 days before the deploy, in the writer's order;
    # `staging` the
    # account
    (
        "/cost",
        "rollback was 11/21 — did staging go back down to what it was before the 11/16 deploy?",
        "2026-11-21..2026-11-26 vs 2026-11-10..2026-11-15 account=staging",
    ),
    # a comparison is not something `/tags` answers (it lists costs only): refused naming the word, as FRESH_32's `vs
    # the
    # week after`
    ("/tags", "after the sqs migration on oct 26 how did the split by env change? oct 19-25 vs oct 26-nov 1", "!vs"),
    # NOT SUPPORTED (deploy): the bot knows no deploy, the writer's nearest, unusual days since Monday, as FRESH_7's
    # `did
    # anything spike after the deploy on tuesday`
    ("/cost", "anything weird cost-wise since Monday's deploy?", "anomalies since 2026-11-23"),
    # `last 3 months` by the grammar's rule: the three full months before this one, as the writer counted, as FRESH_13's
    # `what does the checkout workload cost us per month`
    (
        "/cost",
        "how much does search cost us a month? last 3 months is fine",
        "last 3 months tag:project=search monthly",
    ),
    # like for like: the complete days of November against the same days of October
    ("/cost", "why did search go up so much in nov vs oct??", "why this month tag:project=search"),
    # search is among the values listed; its share of the total is part of every breakdown, untagged its own line
    ("/tags", "what share of our total is project search this month", "project this month"),
    # OpenSearch is not on this bill: the services that carry the tag, as the writer read it
    (
        "/cost",
        "is opensearch part of the search cost? like which services make up project=search last month",
        "2026-10 tag:project=search by service",
    ),
    # `right now` as the writer read it, this month, as FRESH_18
    ("/top-resources", "what are the biggest things tagged project=search right now", "this month tag:project=search"),
    # `last couple weeks` by the grammar's rule (the writer counted 14 days back from today), as FRESH_18 and FRESH_26;
    # two
    # questions: the daily series typed kept (unusual days are a question of their own), as FRESH_13 and FRESH_15
    (
        "/cost",
        "search dynamodb day by day last couple weeks, pretty sure something spiked",
        "last 2 weeks service=dynamodb tag:project=search daily",
    ),
    ("/cost", "where does search land for november if it keeps going like this", "forecast 2026-11 tag:project=search"),
    # a filtered tag breakdown; web and api are among the team values listed; no range typed: this month, as the writer
    # read it
    ("/tags", "within project search, how much is web team vs api team?", "team tag:project=search this month"),
    # Q2 is the period Q3 is compared with anyway, as FRESH_7's `rds q3 vs q2`; no percentages in the grammar: the
    # breakdown by project they are shares of, search's line among them with Q2 beside it, as FRESH_14's `what % of
    # total`
    (
        "/cost",
        "can u compare search Q3 vs Q2 — need it for the roadmap deck. and what % of total aws is that",
        "2026-q3 by tag:project",
    ),
    # all accounts is every account anyway
    (
        "/cost",
        "Hi! Could you tell me our total AWS spend for October? It's for the leadership meeting tomorrow morning, "
        "thank you so much 🙏",
        "2026-10",
    ),
    ("/cost", "what's our AWS spend year to date?", "ytd"),
    # a follow-up read as the whole question; the same days of last year are the comparison every answer makes anyway,
    # as
    # FRESH_18's `ytd vs same period last year`
    ("/cost", "and how does that compare to the same time last year?", "ytd"),
    ("/cost", "Sorry one more 😅 top 5 services by cost last month, with the amounts?", "last month by service top 5"),
    # the untagged share is part of every breakdown
    ("/tags", "Jen asked for cost per team for Q3, can I get that?", "team 2026-q3"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_32 (the writer's nearest, the forecast
    # against October, was not taken)
    ("/cost", "Are we over budget for November? Just need a yes/no and the number for the slide", "!budget"),
    (
        "/top-resources",
        "what are the 3 most expensive individual things we pay for this month? (plain words please, it's for the CFO)",
        "3 this month",
    ),
    # the credits and the tax side by side by charge class, as FRESH_32's `credits + tax so far this month`
    (
        "/cost",
        "how much did we get in credits this year and how much went to tax?",
        "ytd charge-class=credit,tax by charge-class",
    ),
    # no replication usage type in the vocabulary: Data Transfer by region and usage type, the inter-region lines among
    # them,
    # as FRESH_23's `data transfer out to internet last month, by region`
    (
        "/cost",
        "data transfer by region last month - trying to figure out what cross-region replication is costing us",
        "last month service=data-transfer by region, usage-type",
    ),
    # the writer's two months by month, the two regions side by side, as FRESH_19's `eu-west1 vs ap-southeast2 monthly`
    (
        "/cost",
        "eu-west-1 vs ap-southeast-2, sept and oct?",
        "2026-09..2026-10 region=eu-west-1,ap-southeast-2 by region monthly",
    ),
    # NOT SUPPORTED (replicas): whether a bucket is a replication target is not in the bill, the writer's nearest, the
    # buckets by cost; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "biggest s3 buckets in us-west-2 — are those the CRR replicas?",
        "this month service=s3 region=us-west-2",
    ),
    # the writer's 14 days before the 15th against the 14 days from it, the writer's order kept, as FRESH_31's `2wks
    # before
    # vs 2wks after`; DynamoDB beside data transfer, each its own line
    (
        "/cost",
        "did inter-region transfer go up after we turned on dynamo global tables in ap-southeast-2 mid oct (15th-ish)?",
        "2026-10-01..2026-10-14 vs 2026-10-15..2026-10-28 service=data-transfer,dynamodb by service",
    ),
    # `rn` per month as the writer read it, the last complete month; the what-if estimate is the writer's own
    (
        "/cost",
        "thinking about active-active in us-west-2 — what's us-east-1 running us per month for ec2 + rds rn",
        "2026-10 service=ec2,rds region=us-east-1 by service",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown; Sydney is ap-southeast-2
    (
        "/tags",
        "ap-southeast-2 spend by aws:createdBy last month, want to know who spun stuff up in sydney",
        "aws:createdBy region=ap-southeast-2 last month",
    ),
    # `last 30 days` by the grammar's rule (the writer counted today in)
    ("/top-resources", "top cloudfront distributions last 30 days", "last 30 days service=cloudfront"),
    # the writer's split by region, by service beside it
    (
        "/cost",
        "glue + s3 in the data-lake acct — is that all us-east-1 or is some of it leaking into other regions? last "
        "month",
        "2026-10 service=glue,s3 account=data-lake by region, service",
    ),
    ("/cost", "ec2 cost ytday", "yesterday service=ec2"),
    # last week is the period this week is compared with anyway (its same days), as FRESH_20's `this week vs last week`
    ("/cost", "tot spend thiswk vs lst wk", "this week"),
    # Monday is the day Tuesday is compared with anyway, as FRESH_15's `why did the bill jump on tuesday`
    ("/cost", "why did costs jump on tuesdy??", "why 2026-11-24"),
    # `rn` as the writer read it, this month; `prod acct` is the account
    ("/top-resources", "top5 most expensive thngs in prod acct rn", "5 this month account=production"),
    # the same days of last month are the comparison every answer makes anyway, as FRESH_7's `ec2 mtd vs last mo`
    ("/cost", "rds nov so far vs same pt in oct", "this month service=rds"),
    # the untagged share is part of every breakdown
    ("/tags", "untagged % last mnth by project", "project last month"),
    # the writer's week up to today, Black Friday included, as FRESH_8's `did Black Friday traffic blow up CloudFront
    # today`
    (
        "/cost",
        "is blk friday traffic blowing up cloud front today??",
        "2026-11-20..2026-11-27 service=cloudfront daily",
    ),
    ("/top-resources", "wich lambada functions cost most this moth", "this month service=lambda"),
    # `stagi g` the staging account, as the writer meant it
    ("/cost", "kms+sqs stagi g oct", "2026-10 service=kms,sqs account=staging by service"),
)

FRESH_36_FIRST_SIGHT = (17, 17, 16)

FRESH_36: tuple[tuple[str, str, str], ...] = (
    # all accounts is every account anyway; `net` as the writer's total as it is (credits included), not the net basis,
    # as FRESH_31
    ("/cost", "morning - what was total spend last week across all 3 accts?", "last week"),
    # the week before is the period compared with anyway, as FRESH_30's `last week vs week before, total + what moved`;
    # the writer's split by service kept
    ("/cost", "last wk vs the week before, whats driving the diff", "why last week by service"),
    # `prod account` is the account
    ("/cost", "ec2 per day for prod account last week pls", "last week service=ec2 account=production daily"),
    # Tuesday the 17th is among the days judged; what drove that day is a question of its own
    ("/cost", "were there any odd days last week? got a spike alert tues-ish i think", "anomalies last week"),
    ("/cost", "data transfer broken out by region, for last week", "last week service=data-transfer by region"),
    # the untagged share is part of every breakdown
    ("/tags", "team split for last week, and how much of it has no team tag at all?", "team last week"),
    ("/top-resources", "top 10 priciest ec2 instances last week", "10 last week service=ec2"),
    (
        "/top-resources",
        "anything in eks / us-east-1 that stood out last week cost-wise? biggest ones",
        "last week service=eks region=us-east-1",
    ),
    # no range typed: the writer's latest full month, as FRESH_25's `how much do we spend on AWS in total`; all accounts
    # is every account anyway
    ("/cost", "Hi! um how much do we spend on amazon a month?", "2026-10"),
    # no range typed (`lately`): the writer's September and October by month with November so far and its forecast line,
    # as FRESH_6's `what's our monthly run rate`
    (
        "/cost",
        "Sorry if this is a silly question but is our bill going up or down lately?",
        "forecast since 2026-09-01 monthly",
    ),
    ("/cost", "roughly what will this months bill come to?", "forecast 2026-11"),
    # today's total so far; the writer's optional comparison with a normal day left out
    ("/cost", "how much have we spent today because of black friday??", "today"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_32 (the writer's nearest, the month so
    # far with the forecast, was not taken)
    ("/cost", "my boss is asking if we're over budget this month, is there a budget on here somewhere?", "!budget"),
    # no range typed: this month, as the writer read it
    ("/cost", "whats the most expensive thing we pay AWS for", "this month by service"),
    # no range typed: this month, as the writer read it; the values are listed in every breakdown, biggest first, the
    # untagged share among them
    ("/tags", "which team is spending the most money?", "team this month"),
    # no range typed: this month, as the writer read it; the resources carry their ids, as FRESH_32's `actual names, not
    # categories`
    (
        "/top-resources",
        "can you show me the biggest costs but like the actual things, not the categories",
        "this month",
    ),
    # the writer's days to yesterday; `net of credits` is the total as it is (credits included), as FRESH_5; tax is in
    # the total anyway; all accounts is every account anyway
    (
        "/cost",
        "need Nov total for the accrual - net of credits, incl tax, all 3 linked accts. MTD thru yesterday is fine",
        "2026-11-01..2026-11-26",
    ),
    # the SP and RI fees are the commitment fees; no split of them into Savings Plan and RI fees by charge class: the
    # fees by usage type, where the Savings Plan and RI fee lines are apart, as FRESH_18 and FRESH_22
    (
        "/cost",
        "what were the fees charged on 1st Nov? SP and RI separately if poss",
        "2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    (
        "/cost",
        "total credits applied in November so far, and against which services?",
        "2026-11 charge-class=credit by service",
    ),
    # the whole of October against November so far, the earlier month first, both kept, as FRESH_10's `Oct vs Nov so
    # far`
    ("/cost", "tax - october vs november to date", "2026-10 vs 2026-11 service=tax"),
    # usage only: the usage class leaves tax, fees and credits out, as FRESH_26's `only Usage ... line items`
    (
        "/cost",
        "can I get gross usage by account for Nov, i.e. excluding tax, fees and credits",
        "2026-11 charge-class=usage by account",
    ),
    # the two fee days, the earlier first, both kept; the Savings Plan fee lines apart from the RI ones by usage type,
    # as FRESH_23's `SP + RI fees on the 1st ... this month vs Oct`
    (
        "/cost",
        "I'm amortising the savings plan upfront over the month, what was the SP fee on 1 Oct and on 1 Nov?",
        "2026-10-01 vs 2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    (
        "/cost",
        "forecast for end of November, staging + data-lake only (prod is accrued separately)",
        "forecast 2026-11 account=staging,data-lake",
    ),
    ("/cost", "Q3 totals by month please (Jul / Aug / Sep)", "2026-q3 monthly"),
    # the untagged share is part of every breakdown; the values are listed in every breakdown
    (
        "/tags",
        "project split for Nov for the cost centre recharges - checkout/search/data + whatever's untagged",
        "project 2026-11",
    ),
    # `prod` meant as the account
    ("/cost", "how much is lambda costing us this month in prod", "this month service=lambda account=production"),
    # the writer's week before the 18th and the days since, by day, the jump read off the series
    (
        "/cost",
        "dynamo spend day by day since we shipped the new GSI on the 18th, did it jump?",
        "2026-11-11..2026-11-27 service=dynamodb daily",
    ),
    # `last 7 days` by the grammar's rule (the writer counted today in); the writer's split by service kept
    (
        "/cost",
        "sqs+lambda+dynamo for team=api last 7 days",
        "last 7 days service=sqs,lambda,dynamodb tag:team=api by service",
    ),
    # `our` as the writer's api team, as the writer meant it; like for like: this week's complete days against the same
    # days of last week, as FRESH_8 and FRESH_9
    ("/cost", "why did our lambda bill go up this week vs last?", "why this week service=lambda tag:team=api"),
    # the Black Friday load test names an event, the 24th is the day asked; `staging` the account; NOT SUPPORTED (Jira):
    # the figure; the writer's split by service kept
    (
        "/cost",
        "how much did the black friday load test in staging cost? it ran on the 24th, need the number for the jira",
        "2026-11-24 account=staging by service",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    ("/tags", "env breakdown for api team stuff, this month", "env tag:team=api this month"),
    # `rn` as the writer read it, this month, as FRESH_18's `right now`
    ("/top-resources", "which dynamodb tables cost the most rn", "this month service=dynamodb"),
    # `last 30 days` by the grammar's rule (the writer counted today in); `prod` meant as the account
    ("/top-resources", "top lambdas by cost last 30 days, prod only", "last 30 days service=lambda account=production"),
    # all accounts is every account anyway
    ("/cost", "wie viel hat EKS im Oktober gekostet, alle accounts", "2026-10 service=eks"),
    ("/cost", "Kosten pro Region für diesen Monat bitte, brauch das fürs Platform meeting", "this month by region"),
    # `the last 2 weeks` by the grammar's rule (the writer counted 14 days back from today), as FRESH_18 and FRESH_20
    (
        "/cost",
        "KMS kosten sind gefühlt explodiert, kannst du mal schauen seit wann? daily, letzte 2 wochen",
        "last 2 weeks service=kms daily",
    ),
    # the whole of October against November so far, the earlier month first, both kept, as FRESH_10's `Oct vs Nov so
    # far`
    ("/cost", "vergleich eu-west-1: Oktober vs November bis jetzt", "2026-10 vs 2026-11 region=eu-west-1"),
    # Glue is the writer's focus, not a filter, as FRESH_10's EC2; each service's unusual days are judged anyway
    (
        "/cost",
        "gibt es anomalien im data-lake account diese woche? die glue jobs laufen komisch",
        "anomalies this week account=data-lake",
    ),
    # Platform and the untagged share are among the values listed, as FRESH_27's `team=api vs untagged`
    ("/tags", "wie viel ist mit team=Platform getagged vs untagged, letzten monat?", "team last month"),
    # a filtered tag breakdown; `staging` the account; no range typed: this month, as the writer read it
    (
        "/tags",
        "aws:createdBy aufschlüsselung für staging bitte, wer hat da so viel zeug angelegt",
        "aws:createdBy account=staging this month",
    ),
    ("/top-resources", "teuerste S3 buckets im data-lake acct, november", "2026-11 service=s3 account=data-lake"),
    # a follow-up read as the whole question: October's total by service
    ("/cost", "thx - can you split that number by service?", "2026-10 by service"),
    # a follow-up read as the whole question; the day before is the day the 17th is compared with anyway
    ("/cost", "hmm the 17th in that chart looks way too high, what happened that day?", "why 2026-11-17"),
    # a follow-up read as the whole question: November so far without the tax lines
    ("/cost", "wait does that include tax? can you redo it without", "2026-11 service!=tax"),
    # a follow-up read as the whole question: daily RDS last week, us-west-2 only
    ("/cost", "same q but us-west-2 only", "last week service=rds region=us-west-2 daily"),
    # a follow-up read as the whole question; Black Friday week to each Friday, as FRESH_23 and FRESH_30
    (
        "/cost",
        "and how does that compare to black friday week last year?",
        "2026-11-23..2026-11-27 vs 2025-11-24..2025-11-28",
    ),
    # a follow-up read as the whole question: last week's split by env; the untagged share is part of every breakdown
    ("/tags", "can u do that by env instead of team", "env last week"),
    # a follow-up read as the whole question; a breakdown by account is not something `/tags` answers (it lists a tag
    # key's values): refused naming the word, with the `/cost` question it offers (`this month tag:team=untagged by
    # account`), as FRESH_4's `!improved`
    ("/tags", "the untagged chunk is huge, which account is most of it coming from?", "!account"),
    # a follow-up read as the whole question; the writer's ideal comparison with last week has no `/top-resources` form
    # (it lists costs only), left out
    ("/top-resources", "ok so which instances are behind that ec2 jump", "this week service=ec2"),
    # a follow-up read as the whole question: the same month so far, the data team's five
    ("/top-resources", "cool, now just top 5 for the data team?", "5 this month tag:team=data"),
)

FRESH_37_FIRST_SIGHT = (35, 4, 11)

FRESH_37: tuple[tuple[str, str, str], ...] = (
    # the same days of last year are the comparison every answer makes anyway, as FRESH_18's `ytd vs same period last
    # year`; `data-lake acct` is the account
    (
        "/cost",
        "data-lake acct (333344445555) total spend this year so far vs same point last year?",
        "ytd account=data-lake",
    ),
    # the same months of 2025 are the comparison every answer makes anyway (like for like, November's same days), as
    # FRESH_26's `per month for 2026 so far vs same months in 2025`; no per-month percentages in the grammar: the
    # monthly
    # series they are read off
    (
        "/cost",
        "glue in the data lake account month by month for 2026, with the same months of 2025 next to it if u can",
        "ytd service=glue account=data-lake monthly",
    ),
    # like for like: November's complete days against the same days of November 2025, as FRESH_3's `YoY change in
    # November
    # spend, month to date`; what drove it, as the writer asked
    (
        "/cost",
        "why is S3 in data-lake so much higher than last november?? storage shouldnt have grown that much",
        "why this month vs 2025-11 service=s3 account=data-lake",
    ),
    # `yoy` compares with a year earlier, as CORPUS's `last month yoy`; the writer's split by service kept
    ("/cost", "Q3 data lake yoy, by service pls", "2026-q3 vs 2025-q3 account=data-lake by service"),
    # the forecast is for the month, never the year: the year so far with this month's forecast line, as FRESH_3's `what
    # will 2026 cost us in total` and FRESH_30's `where do we land for the full year`; no budget word typed: the 400k
    # held
    # against it by hand, as FRESH_6's `will we blow past 100k this month`
    (
        "/cost",
        "where will the data lake account land for full year 2026? finance gave us 400k and I need to know if we're "
        "going over",
        "forecast 2026 account=data-lake",
    ),
    # the writer's months from January 2025 to now, November so far, by month
    (
        "/cost",
        "can I get monthly totals for the data lake acct from jan 2025 until now, one number per month, want to chart "
        "it",
        "since 2025-01-01 account=data-lake monthly",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown; data is among the values listed
    (
        "/tags",
        "project split in the data-lake account this year - how much is 'data' vs the rest, and how much has no "
        "project tag at all",
        "project account=data-lake this year",
    ),
    # two kinds of resource in one list, as FRESH_13's `top 5 ec2 + top 5 s3`; 333344445555 is the data-lake account
    (
        "/top-resources",
        "biggest cost s3 buckets + glue jobs in 333344445555 ytd",
        "ytd service=s3,glue account=data-lake",
    ),
    ("/cost", "how much this month so far", "this month"),
    ("/cost", "where does nov end up", "forecast 2026-11"),
    ("/cost", "why r we higher than oct", "why this month"),
    # `staging acct` is the account; `why so much` as the writer read it, the split by service (not a comparison)
    ("/cost", "staging acct how much. and why so much", "this month account=staging by service"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_32 (the writer's nearest, the month
    # so far
    # with the forecast against October, was not taken)
    ("/cost", "are we over budget??", "!budget"),
    ("/cost", "yday total?", "yesterday"),
    # the SP and RI fees are the commitment fees, as FRESH_26's `commitments each month this year`; NOT SUPPORTED (worth
    # it): savings against on-demand have no canonical form, as FRESH_9's `how much did savings plans save us`
    (
        "/cost",
        "what do savings plans + RIs cost us every month. is it even worth it",
        "this year charge-class=recurring,one-time monthly",
    ),
    # `rn` as the writer read it, this month, as FRESH_27
    ("/top-resources", "top 10 most expensive things running rn", "10 this month"),
    # the two regions left out, every other region (and `global`) its own group
    (
        "/cost",
        "any spend in regions other than us-east-1 / us-west-2 this month?",
        "this month region!=us-east-1,us-west-2 by region",
    ),
    # `last 30 days` by the grammar's rule, the writer's 30 days to yesterday; the writer's optional split by account or
    # service left out; Sydney is ap-southeast-2
    (
        "/cost",
        "ap-southeast-2 day by day last 30 days - nobody should be in sydney",
        "last 30 days region=ap-southeast-2 daily",
    ),
    # `the last 2 wks` by the grammar's rule (the writer counted 14 days back from today), as
    # FRESH_32's `any unusual days in the last 2 weeks`; EC2 is the writer's focus, not a filter, as FRESH_10 (each
    # service's unusual days are part of the answer)
    (
        "/cost",
        "anything weird in the last 2 wks? esp ec2 spikes, checking nobody is mining on our dime",
        "anomalies last 2 weeks",
    ),
    # last week's same days are the period this week is compared with anyway, as FRESH_20's `this week vs last week`
    ("/cost", "KMS cost per account and region, this week vs last week", "this week service=kms by account, region"),
    # the region left out, every other region its own group; any amount there is the answer
    (
        "/cost",
        "did the data-lake account run any ec2 or lambda outside us-east-1 since nov 1",
        "since 2026-11-01 service=ec2,lambda account=data-lake region!=us-east-1 by region",
    ),
    # a filtered tag breakdown; `prod` meant as the account; the untagged share is part of every breakdown
    ("/tags", "aws:createdBy for prod last month pls", "aws:createdBy account=production last month"),
    # the untagged share is part of every breakdown
    ("/tags", "how much spend YTD has no aws:createdBy at all?", "aws:createdBy ytd"),
    # `staging` the account
    (
        "/top-resources",
        "most expensive stuff in eu-west-1 in staging this month",
        "this month account=staging region=eu-west-1",
    ),
    # the creator beside each resource has no canonical form: the ranking, as FRESH_24's `need owners` (the creator
    # split
    # is a `/tags` question of its own); no range typed: this month, as the writer read it
    ("/top-resources", "whats costing money in ap-southeast-2 and who created it?", "this month region=ap-southeast-2"),
    # last Black Friday is 2025-11-28, as FRESH_13
    ("/cost", "Hi! what did it cost us to run everything on black friday last year (28th nov 2025)?", "2025-11-28"),
    # today so far against last Friday, as FRESH_12's `normal Friday`
    ("/cost", "how's today looking cost wise compared to a normal friday?", "2026-11-27 vs 2026-11-20"),
    # last week's same days are the period this week is compared with anyway, as FRESH_20's `this week vs last week`;
    # the
    # writer's split by service kept; NOT SUPPORTED (the campaign's share): the week-over-week change, the writer's
    # nearest
    (
        "/cost",
        "roughly how much extra has the black friday push cost us in infra this week vs last week?",
        "this week by service",
    ),
    # like for like: November's complete days against the same days of November 2025, as FRESH_3's `YoY change in
    # November
    # spend, month to date`
    (
        "/cost",
        "cloudfront nov 2026 vs nov 2025? our campaign landing pages go thru cloudfront i think",
        "2026-11 vs 2025-11 service=cloudfront",
    ),
    # NOT SUPPORTED (orders): the writer's nearest, today's total so far to divide by hand, as FRESH_26's `infra cost
    # per
    # order for october`; the writer's optional narrowing to production left out
    ("/cost", "Could you give me the infra cost per order for black friday?", "2026-11-27"),
    # Thanksgiving 2025 is Thursday 27 Nov and Cyber Monday 2025 is Monday 1 Dec, both days included
    (
        "/cost",
        "daily spend thanksgiving thru cyber monday last year, need it for the campaign recap deck 🙏",
        "2025-11-27..2025-12-01 daily",
    ),
    # the values are listed in every breakdown (checkout and search among them), as FRESH_26's `search vs checkout this
    # month`
    ("/tags", "split this week's spend by project? mainly want checkout vs search", "project this week"),
    # `servers` are the EC2 instances
    (
        "/top-resources",
        "which servers cost the most this week? want to give the team a shoutout lol",
        "this week service=ec2",
    ),
    ("/cost", "eks spend per account for october", "2026-10 service=eks by account"),
    (
        "/cost",
        "ec2 in prod daily since the 13th, we bumped node groups for BF on the 20th and want to see the step",
        "since 2026-11-13 service=ec2 account=production daily",
    ),
    # like for like: this week's complete days against the same days of last week, as FRESH_23's `why did rds jump this
    # wk`
    ("/cost", "data transfer jumped this week, whats driving it?", "why this week service=data-transfer"),
    # no inter-region usage type in the vocabulary: Data Transfer by usage type, the inter-region lines among them, as
    # FRESH_23's `inter-region transfer us-east-1 <-> eu-west-1`; both directions are billed in the two regions
    (
        "/cost",
        "cross-region DT us-east-1 <-> us-west-2 this month",
        "this month service=data-transfer region=us-east-1,us-west-2 by usage-type",
    ),
    # `env=prod` is the env tag, as the writer typed it
    ("/cost", "eks+ec2 forecast for end of month, env=prod only", "forecast 2026-11 service=eks,ec2 tag:env=prod"),
    # a filtered tag breakdown; Platform is among the values listed, the untagged share part of every breakdown
    (
        "/tags",
        "team split of EKS + EC2 last month - how much is Platform vs everyone else?",
        "team service=eks,ec2 last month",
    ),
    # `prod` meant as the account
    (
        "/top-resources",
        "top 15 ec2 instances in prod us-east-1 mtd",
        "15 this month service=ec2 account=production region=us-east-1",
    ),
    # `last 30d` by the grammar's rule, the writer's 30 days to yesterday; all accounts is every account anyway; the
    # clusters are the EKS resources
    (
        "/top-resources",
        "which eks clusters are most expensive across all 3 accounts, last 30d",
        "last 30 days service=eks",
    ),
    # `/tags` has no time step: the split over the writer's months of the year so far, as FRESH_32's `weekly pls`; the
    # untagged share is part of every breakdown
    ("/tags", "monthly cost per team for 2026 so far", "team ytd"),
    # all three accounts are listed in a breakdown by account anyway, as FRESH_18's `each month of 2026 so far, split by
    # account`
    (
        "/cost",
        "hi sorry if this is a dumb q, can I get total cost per account for every month this year?",
        "ytd by account monthly",
    ),
    # a follow-up read on its own: the writer's meaning, the previous question's monthly split by account for last year,
    # as FRESH_11
    ("/cost", "and same for last year? (per acct per month)", "last year by account monthly"),
    # Platform is one of the values listed, as FRESH_4's `Plattform team tag coverage on ec2`
    ("/tags", "how much did the platform team spend in october", "team 2026-10"),
    # `/tags` has no time step: the split over the writer's months of the year so far, as FRESH_32's `weekly pls`; the
    # untagged share is part of every breakdown
    ("/tags", 'whats the untagged amount each month for team? need an "unassigned" column', "team ytd"),
    # `staging acct` is the account
    ("/cost", "staging acct jan-oct by month", "2026-01..2026-10 account=staging monthly"),
    # the charge types the writer lists (usage, RI and SP fees, credits, tax) by charge class, as FRESH_22's `october
    # total
    # incl tax, credits and RI fees broken out`
    (
        "/cost",
        "does september's total include tax + credits + the RI/SP fees? need my sheet to match the invoice",
        "2026-09 by charge-class",
    ),
    # `team=data` is the team tag, as the writer typed it
    ("/cost", "team=data cost per account per month since july", "since 2026-07-01 tag:team=data by account monthly"),
    # per-team lists have no canonical `/top-resources` form: the 5 of each team in one list of 20 tagged with a team,
    # as
    # FRESH_13's `top 5 ec2 + top 5 s3` (each team in turn is a question of its own)
    (
        "/top-resources",
        "my manager asked for the top 5 most expensive resources for each team last month, is that possible?",
        "20 last month tag:team=web,api,data,Platform",
    ),
)

FRESH_38_FIRST_SIGHT = (21, 18, 11)

FRESH_38: tuple[tuple[str, str, str], ...] = (
    # two questions: the writer's months July to November kept, by month (November so far); Q3 and Q4 so far add up
    # from the months, as FRESH_5's `quarter over quarter ... by month`
    (
        "/cost",
        "need monthly totals jul through nov for the QBR deck (bar chart), Q3 vs Q4-so-far basically",
        "2026-07..2026-11 monthly",
    ),
    # the top 5 services with the rest folded into Other
    (
        "/cost",
        'top 5 services by cost last quarter? gonna make a pie, everything else can go in "other"',
        "2026-q3 by service top 5",
    ),
    # the team values are listed in every breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "how's spend split across the teams this quarter — web / api / data / Platform. and how much has no team tag "
        "at all, that's going on a slide too",
        "team this quarter",
    ),
    # Q2 is the period Q3 is compared with anyway (the change and its %), as FRESH_7's `rds q3 vs q2`
    ("/cost", "QoQ % change for EC2, Q2 -> Q3", "2026-q3 service=ec2"),
    # NOT SUPPORTED (orders): the writer's nearest, the Q3 total; Q2 is the period Q3 is compared with anyway
    ("/cost", "what was our cost per order in Q3 vs Q2? leadership loves a unit economics slide", "2026-q3"),
    # `prod/staging/data-lake` are every account anyway
    (
        "/cost",
        "by-account spend per month since July pls (prod/staging/data-lake), doing a stacked chart",
        "since 2026-07-01 by account monthly",
    ),
    # `prod` meant as the account
    (
        "/top-resources",
        "biggest 10 individual things we pay for in prod this quarter? want to call out 2-3 on a slide",
        "10 this quarter account=production",
    ),
    # no percentages in the grammar: the breakdown they are shares of; prod, dev and staging are among the values
    # listed, the untagged share part of every breakdown
    (
        "/tags",
        "env split for Q3 as % of total - prod vs dev vs staging. trying to make the point that non-prod is too big",
        "env 2026-q3",
    ),
    # `staging` the account; by day to see a jump from Tuesday, as the writer read it; last week's same days are the
    # comparison every answer makes anyway
    (
        "/cost",
        "quanto gastamos with lambda in staging this week? i think my deploy of tuesday broke something",
        "this week service=lambda account=staging daily",
    ),
    # `day 15` is this month's 15th
    (
        "/cost",
        "please can you show me the cost of dynamodb per day since day 15? is growing a lot no?",
        "since 2026-11-15 service=dynamodb daily",
    ),
    # `the whole month` as the writer read it, the month so far
    (
        "/top-resources",
        "which are the buckets S3 more expensives in the data-lake account, the month inteira",
        "this month service=s3 account=data-lake",
    ),
    # the week before is the period compared with anyway
    (
        "/cost",
        "why the eu-west-1 subiu so much last week comparing with the week before??",
        "why last week region=eu-west-1",
    ),
    # the untagged share is part of every breakdown; which untagged spend is the search team's is not in the bill
    (
        "/tags",
        "how much is without the project tag this month? we from search team want to know if we tagged everything "
        "certo",
        "project this month",
    ),
    (
        "/cost",
        "gente, EKS in ap-southeast-2 costs how much por mês this year?",
        "this year service=eks region=ap-southeast-2 monthly",
    ),
    (
        "/top-resources",
        "top 5 instancias ec2 mais caras of the team api yesterday",
        "5 yesterday service=ec2 tag:team=api",
    ),
    (
        "/cost",
        "tem algum dia estranho in the glue costs this month? looks weird for me",
        "anomalies this month service=glue",
    ),
    # `trailing 12 months` by the grammar's rule: the 12 full months before this one, as the writer counted; `net of
    # credits` is credits included (the default), as FRESH_5; the EDP is the context, not what is asked
    (
        "/cost",
        "total spend trailing 12 months, net of credits, excluding tax — need the number for the EDP conversation",
        "last 12 months service!=tax",
    ),
    # the fees booked on 1 November; no split of the commitment fees into Savings Plan and RI fees by charge class:
    # the fees by usage type, where the Savings Plan and RI fee lines are apart, as FRESH_18 and FRESH_22
    (
        "/cost",
        "how much did we get charged for savings plans + RI fees on the 1st?",
        "2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    # the average over the complete months beside each month's total, as FRESH_31's `annual run rate`; `last 6 months`
    # by the grammar's rule, as the writer counted; several services as a series are one series per value anyway
    (
        "/cost",
        "What's the monthly run rate on EC2, RDS and EKS combined over the last 6 months? sizing a compute commit",
        "average last 6 months service=ec2,rds,eks monthly",
    ),
    # NOT SUPPORTED (commitment): the writer's nearest, the year so far with this month's forecast line, as FRESH_7's
    # `on track to hit our EDP commit this year`
    (
        "/cost",
        "are we on pace to hit the $2.4M commitment for this year or are we going to fall short",
        "forecast this year",
    ),
    ("/cost", "credits applied YTD - how much, and which accounts got them?", "ytd charge-class=credit by account"),
    # data transfer and CloudFront each apart, by region
    (
        "/cost",
        "data transfer costs by region for the last full quarter, and cloudfront broken out separately please",
        "2026-q3 service=data-transfer,cloudfront by service, region",
    ),
    # the untagged share is part of every breakdown; no percentages in the grammar: the share read off the breakdown
    (
        "/tags",
        "what share of last month's spend has no team tag? our AWS rep keeps asking how well we allocate",
        "team last month",
    ),
    # `last 3 months` by the grammar's rule, as the writer counted; RI coverage is not in the ranking
    (
        "/top-resources",
        "which RDS instances cost the most over the last 3 months? checking if RIs would cover them",
        "last 3 months service=rds",
    ),
    # NOT SUPPORTED (coverage): the writer's nearest, October's compute (EC2, Lambda, EKS) split by charge class, as
    # FRESH_4's `covered by commitments` and FRESH_28
    (
        "/cost",
        "what % of our compute is covered by savings plans vs on demand??",
        "2026-10 service=ec2,lambda,eks by charge-class",
    ),
    # yesterday is the day today is compared with anyway, as FRESH_17's `why is cost spiking today`
    ("/cost", "what spiked today", "why today"),
    # NOT SUPPORTED (hourly): the writer's nearest, EC2 by day over the whole days holding the last 48 hours
    # (Wednesday to today), as FRESH_22 and FRESH_25
    ("/cost", "ec2 last 48h hourly??", "2026-11-25..2026-11-27 service=ec2 daily"),
    ("/top-resources", "top spenders today prod acct 123456789012", "today account=production"),
    (
        "/cost",
        "alert says +340% on sqs us-east-1 is that even real. daily this week",
        "this week service=sqs region=us-east-1 daily",
    ),
    # Wednesday is the day yesterday is compared with anyway, as FRESH_12's `what changed yday vs wed`
    ("/cost", "why was yday so much more than wed", "why yesterday"),
    # the untagged share is part of every breakdown; the comparison with Wednesday is not something `/tags` answers
    # and was only ideal
    ("/tags", "which team is the spike on? team tag for yesterday", "team yesterday"),
    # every ranking is by cost, descending
    ("/top-resources", "lambda fns costing most today sorted desc", "today service=lambda"),
    # `the last 2 wks` by the grammar's rule (the writer counted 14 days back from today); Glue among the services the
    # unusual days are judged on
    (
        "/cost",
        "any weird days in data-lake the last 2 wks? glue maybe, or is it just black friday noise on prod",
        "anomalies last 2 weeks account=data-lake",
    ),
    (
        "/cost",
        "basically SELECT service, region, SUM(cost) WHERE month = oct GROUP BY 1,2 — as a table",
        "2026-10 by service, region",
    ),
    (
        "/cost",
        "daily cost by account 2026-11-01 to 2026-11-26 inclusive, going to paste into sheets",
        "2026-11-01..2026-11-26 by account daily",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    ("/tags", "env breakdown where service = S3, last month", "env service=s3 last month"),
    # a filtered tag breakdown; `data-lake acct` is the account; exact amounts are a presentation detail
    (
        "/tags",
        "aws:createdBy breakdown for data-lake acct MTD. exact numbers pls, not rounded",
        "aws:createdBy account=data-lake this month",
    ),
    # usage, fees, credits and tax by charge class, as FRESH_11's `break down last month by charge type`
    ("/cost", "oct: usage vs fees vs credits vs tax, one row each", "2026-10 by charge-class"),
    # ISO weeks 44 to 47, by week
    ("/cost", "totals for weeks 44-47 (mon-sun), just the total per week", "2026-10-26..2026-11-22 weekly"),
    # each resource is listed with its service
    (
        "/top-resources",
        "top 20 resource ids by cost for nov 1-26, need the service next to each one",
        "20 2026-11-01..2026-11-26",
    ),
    # the writer's order kept, as FRESH_22's `sept vs oct`; no standard deviation in the grammar: a question of its
    # own (the daily series it is computed from)
    ("/cost", "avg daily spend sept vs oct? and stddev if you can do that", "average 2026-09 vs 2026-10"),
    # the total as it is holds fees, credits and tax
    (
        "/cost",
        "Hi! Sarah is asking what the total AWS bill was for October, it's for the board pack — thank you so much!",
        "2026-10",
    ),
    # the forecast against October, as FRESH_4's `projected ... compare with October`
    ("/cost", 'From Mark\'s email: "where do we think November will land vs October?"', "forecast 2026-11"),
    # the same days of last year are the comparison every answer makes anyway, as FRESH_18's `ytd vs same period last
    # year`
    (
        "/cost",
        "Could you tell me how much we've spent on AWS so far this year compared with the same point last year?",
        "ytd",
    ),
    # NOT SUPPORTED (invoice): the writer's nearest, the October total (tax included), held against the invoice figure
    # by hand, as FRESH_18
    ("/cost", "is this invoice correct? INV-2026-10-4471, $187,340.12 — AP wants to pay it today", "2026-10"),
    # `<holiday> weekend` is the day through the next Sunday: last year's Friday to Sunday against today, the writer's
    # order kept, as FRESH_5
    (
        "/cost",
        "the CFO wants Black Friday weekend last year vs this year (so far)",
        "2025-11-28..2025-11-30 vs 2026-11-27",
    ),
    # `what does checkout cost us a month` is last month; checkout is among the values listed
    (
        "/tags",
        "Question from the exec meeting: roughly what does the checkout project cost us a month?",
        "project last month",
    ),
    ("/cost", "accounting asked how much tax we've paid on AWS in 2026 to date", "ytd service=tax"),
    # the writer's last month
    (
        "/top-resources",
        "Daniel asks \"what's the single most expensive thing we run?\" — I'd assume last month?",
        "1 last month",
    ),
    # two questions: the staging account's October, September the period compared with anyway; NOT SUPPORTED (who
    # signed off): not in the bill
    (
        "/cost",
        "Can you confirm whether staging went up or down last month? someone said it doubled. also who signed off on "
        "the new staging environment?",
        "2026-10 account=staging",
    ),
)

FRESH_39_FIRST_SIGHT = (20, 15, 15)

FRESH_39: tuple[tuple[str, str, str], ...] = (
    # `hors taxes` leaves the tax out: the October total without the `Tax` service
    (
        "/cost",
        "Bonjour, can you give me the total of the facture for october please, hors taxes (HT) ?",
        "2026-10 service!=tax",
    ),
    # the writer's `per month` kept, as FRESH_16's `what did we get in credits ytd`
    (
        "/cost",
        "what is the amount of credits we have received since the begining of the year ? merci",
        "ytd charge-class=credit monthly",
    ),
    # tax as its own line beside the rest by charge class, per account, as FRESH_31's `P10 total by account ... tax
    # shown
    # separately`
    (
        "/cost",
        "For the clôture i need the cost per account for the month of october, with the tax separated please",
        "2026-10 by account, charge-class",
    ),
    # the fees booked on the 1st; SP and RI fees are the commitment fees; no split into Savings Plan and RI fees by
    # charge
    # class: by usage type, where the fee lines are apart, as FRESH_18 and FRESH_31
    (
        "/cost",
        "the fees of the 1st november (savings plans and the RI) , how much it was exactly ?",
        "2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    # the écart to explain is a variance: what drove the change by service, as FRESH_31's `variance P10 vs P9 by
    # service`;
    # September is the period October is compared with anyway
    (
        "/cost",
        "Can you compare september and october by service please, I must explain the écart to my director :",
        "why 2026-10 by service",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "repartition of the cost by team for the 3rd trimestre (Q3) please, and I need also the part without tag",
        "team 2026-q3",
    ),
    # the budget is the writer's context, not what is asked (as FRESH_30): the month-end forecast, to hold against the
    # 180k by hand, as FRESH_6's `will we blow past 100k this month`
    (
        "/cost",
        "Hello, what will be the total of november at the end of the month ? we have a budget of 180k$ and I am "
        "afraid we go over",
        "forecast 2026-11",
    ),
    # NOT SUPPORTED (euros, no exchange rate): the writer's nearest, the account's October total in the billing currency
    (
        "/cost",
        "please the amount in euros of the data-lake account for octobre, it is for the refacturation interne. "
        "Cordialement",
        "2026-10 account=data-lake",
    ),
    # no range typed: the writer's last 30 full days, by the grammar's rule, as FRESH_27's `what does aws cost us per
    # day
    # normally`; `staging` the account
    (
        "/cost",
        "how much does staging cost us per day on avg? thinking of killing it over xmas",
        "average last 30 days account=staging",
    ),
    # last December to early January, the days the writer named; `staging acct` is the account
    (
        "/cost",
        "what did the staging acct spend last dec 20 thru jan 3, day by day",
        "2025-12-20..2026-01-03 account=staging daily",
    ),
    # `right now` as the writer read it, this month, as FRESH_18; `staging` the account
    (
        "/top-resources",
        "biggest stuff in staging right now? want to know what to turn off first",
        "this month account=staging",
    ),
    # a filtered tag breakdown; dev, staging and the untagged share are among the values listed
    (
        "/tags",
        "in the staging account, how much is env=dev vs env=staging vs not tagged, this month",
        "env account=staging this month",
    ),
    # NOT SUPPORTED (what-if saving): the writer's nearest, staging's EC2 and RDS cost over the same days last holidays
    # (19 Dec 2025 to 4 Jan 2026)
    (
        "/cost",
        "if we shut down all the EC2 + RDS in staging from dec 19 to jan 4 how much do we save??",
        "2025-12-19..2026-01-04 service=ec2,rds account=staging",
    ),
    # `last 4 weeks` by the grammar's rule, the four whole weeks before this one, as the writer counted; `staging` the
    # account
    ("/cost", "staging EKS by region, last 4 weeks?", "last 4 weeks service=eks account=staging by region"),
    # no weekday grouping in the grammar: the daily series, weekends and weekdays read off by hand, as FRESH_14 and
    # FRESH_20; the writer's days to yesterday
    (
        "/cost",
        "does staging even go down on weekends? show me sat/sun vs weekdays, oct-nov",
        "2026-10-01..2026-11-26 account=staging daily",
    ),
    # `nobody tagged with a team` is `tag:team=untagged`; `staging` the account
    (
        "/top-resources",
        "top 10 in staging that nobody tagged with a team, mtd",
        "10 this month account=staging tag:team=untagged",
    ),
    # Thanksgiving against the same weekday a week earlier, as FRESH_14's `vs a normal thursday`; the writer's optional
    # split by service left out
    (
        "/cost",
        "how much did we spend yesterday vs a normal thursday? thanksgiving traffic was nuts",
        "2026-11-26 vs 2026-11-19",
    ),
    # values of the key listed are among the values listed, as FRESH_30's `checkout vs search vs data`
    ("/tags", "project=checkout vs search vs data this week so far", "project this week"),
    # last Black Friday is 2025-11-28, as FRESH_13; today's partial day is marked so in the answer
    (
        "/cost",
        "what is black friday costing us so far today? and how does that compare to last years BF",
        "2026-11-27 vs 2025-11-28",
    ),
    # the writer's order kept, before the launch first, as FRESH_10's `before vs after the fix`; periods of different
    # lengths compared per day, as FRESH_29's `normalised per day`
    (
        "/cost",
        "checkout project by service for november - the new one-click checkout launched nov 10 so id like to see "
        "before/after if possible",
        "average 2026-11-01..2026-11-09 vs 2026-11-10..2026-11-27 tag:project=checkout by service",
    ),
    # the writer's split by service kept
    (
        "/cost",
        "Hey! quick one, Lambda + DynamoDB for checkout, daily, since nov 1?",
        "since 2026-11-01 service=lambda,dynamodb tag:project=checkout daily by service",
    ),
    # like for like: this week's complete days against the same days of last week, as FRESH_8; the promo images are not
    # in the bill, the causes by usage type, region and account are the nearest
    (
        "/cost",
        "why did cloudfront jump this week? is it the BF promo images or smth else",
        "why this week service=cloudfront",
    ),
    (
        "/top-resources",
        "what are the most expensive resources tagged project checkout this month",
        "this month tag:project=checkout",
    ),
    # Cyber Monday is 30 November, the month's last day: checkout's month-end forecast
    ("/cost", "can u forecast checkout spend thru cyber monday", "forecast 2026-11 tag:project=checkout"),
    # NOT SUPPORTED (orders): the writer's nearest, the day's total to divide by hand, as FRESH_26's `cost per order for
    # october`
    ("/cost", "whats the aws cost per order yesterday? we did about 41k orders", "yesterday"),
    # the untagged share is part of every breakdown; data among the values listed
    ("/tags", "spend by team last month - is data really the biggest or is that a myth", "team last month"),
    # like for like: the complete days of November against the same days of October, as FRESH_29's `team=api, this
    # month vs last month at the same point`
    ("/cost", "finance says data team doubled. did it?? team=data oct vs nov so far", "this month tag:team=data"),
    # a filtered tag breakdown; the untagged share is part of every breakdown; no range typed: this month
    (
        "/tags",
        'how much is untagged in the data-lake account? i bet half of what people call "data" has no tag at all',
        "team account=data-lake this month",
    ),
    # no time step in `/tags`: the split over the writer's months since July, as FRESH_26 and FRESH_32; the values are
    # listed in every breakdown
    ("/tags", "team web vs api vs data, month by month since july", "team since 2026-07-01"),
    (
        "/top-resources",
        "top 15 for team data in nov. want to see if its actually our stuff",
        "15 2026-11 tag:team=data",
    ),
    # the week before is the period compared with anyway; Glue among the services the answer ranks
    ("/cost", "why did team=data go up last week? was it glue?", "why last week tag:team=data"),
    # the values are listed in every breakdown, each stored casing apart, as FRESH_18 and FRESH_21
    (
        "/tags",
        'team tag values ytd, is there a "platform" AND a "Platform"?? someone told me our numbers are off',
        "team ytd",
    ),
    # a different team on each service has no canonical form: both services for both teams by month, the writer's two
    # cells among them, as FRESH_26's account on each day; `last 3 months` by the grammar's rule, as the writer counted
    (
        "/cost",
        "Platform's EKS bill vs our Glue bill, last 3 months side by side pls",
        "last 3 months service=eks,glue tag:team=Platform,data by service, tag:team monthly",
    ),
    # `incl inter-region` keeps the whole of data transfer (every kind is in it)
    (
        "/cost",
        "data transfer by region for november so far, incl inter-region",
        "this month service=data-transfer by region",
    ),
    # no inter-region usage type in the vocabulary: Data Transfer in the source region by usage type, the inter-region
    # lines among them, as FRESH_23; the 12th read off the daily series
    (
        "/cost",
        "how much is us-east-1 -> eu-west-1 transfer costing per day? we started replicating the catalog bucket on "
        "the 12th",
        "this month service=data-transfer region=us-east-1 by usage-type daily",
    ),
    # the only stored usage type holding `DataTransfer-Out-Bytes` is eu-west-1's, as FRESH_6; the service is not typed,
    # so not filtered; `last 30 days` by the grammar's rule, the writer's 30 days to yesterday
    (
        "/cost",
        "DataTransfer-Out-Bytes (internet egress) last 30 days by account",
        "last 30 days usage-type=EU-DataTransfer-Out-Bytes by account",
    ),
    # the data transfer lines carry the bucket or instance they are billed to: the resources ranked by them
    (
        "/top-resources",
        "which buckets / instances generate the most data transfer $$? mtd",
        "this month service=data-transfer",
    ),
    # egress read as data transfer, as the writer read it; like for like: the complete days of November against the same
    # days of October, as FRESH_29's `rds oct vs nov so far`
    ("/cost", "is the ap-southeast-2 egress new? oct vs nov", "this month service=data-transfer region=ap-southeast-2"),
    # cross-AZ, inter-region and internet out are Data Transfer usage types, as the doc's `transfer between places`
    (
        "/cost",
        "data transfer split: same-region cross AZ vs inter-region vs internet out, for last week",
        "last week service=data-transfer by usage-type",
    ),
    (
        "/cost",
        "any weird days in data transfer this month? got pinged by someone in data team but no details",
        "anomalies this month service=data-transfer",
    ),
    ("/top-resources", "which cloudfront distributions cost the most, last week", "last week service=cloudfront"),
    ("/cost", "yestrday total", "yesterday"),
    ("/cost", "spend this wek", "this week"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "top 5 ec2", "5 this month service=ec2"),
    # no range typed: this month, as the writer read it; the untagged share is part of every breakdown
    ("/tags", "env breakdwon pls", "env this month"),
    ("/cost", "rds last mnth", "last month service=rds"),
    # no range typed: the month so far against its same days last year, as FRESH_16's `nov yoy`
    ("/cost", "s3 vs last yr", "this month vs 2025-11 service=s3"),
    ("/cost", "forcast eom?", "forecast 2026-11"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "bigest dynamo tables", "this month service=dynamodb"),
    # like for like: the complete days of November against the same days of October
    ("/cost", "kms why up", "why this month service=kms"),
)

FRESH_40_FIRST_SIGHT = (25, 12, 13)

FRESH_40: tuple[tuple[str, str, str], ...] = (
    # the budget deck is the context, not what is asked; the year so far by month, November partial
    ("/cost", "what did we spend total in 2026 so far, by month pls — need it for the FY27 budget deck", "ytd monthly"),
    # tax and credits left out by charge class, as FRESH_11 and FRESH_19; `gross` is the default unblended basis
    (
        "/cost",
        "can you give me per-service totals for jan 1 thru oct 31 this year, excluding tax and credits? want the "
        "gross number",
        "2026-01..2026-10 by service charge-class!=tax,credit",
    ),
    # the forecast is for the month, never the year: the year so far with this month's forecast line, as FRESH_30's
    # `where do we land for the full year`; December as November is the writer's own sum
    (
        "/cost",
        "where does november land? and roughly what does that put us at for full year if dec looks like nov",
        "forecast this year",
    ),
    # the writer's spans as typed, the later first, as FRESH_28's `01/11-26/11 vs 01/10-26/10`
    (
        "/cost",
        "how does H2 compare to H1 so far.. jul-nov vs jan-may? trying to get a growth rate to budget against",
        "2026-07..2026-11 vs 2026-01..2026-05",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_32 (the writer's nearest, the year
    # so far by service, was not taken)
    ("/cost", "how are we tracking vs the approved 2026 infra budget? finance wants variance by service", "!budget"),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "split of this year's spend by team? need web/api/data/Platform numbers for chargeback next yr, and how much "
        "is untagged",
        "team ytd",
    ),
    # dev, staging and prod are among the values listed, dev and staging added by hand; the untagged share is part of
    # every breakdown
    ("/tags", "env split ytd - how much are we burning on dev+staging vs prod", "env ytd"),
    # all accounts is every account anyway; the year so far, as FRESH_19's `top 20 line items ytd`
    (
        "/top-resources",
        "biggest 20 resources across all accounts for 2026 — want to know what to commit savings plans against",
        "20 ytd",
    ),
    (
        "/cost",
        "hola! una pregunta, how much is costing us the EKS in eu-west-1 this month??",
        "this month service=eks region=eu-west-1",
    ),
    # as CORPUS's `yesterday compared with the same day last week`
    (
        "/cost",
        "is possible to see the data transfer of yesterday vs the same day of last week, no?",
        "yesterday vs 2026-11-19 service=data-transfer",
    ),
    # `cloudfornt` is CloudFront; like for like: this week's complete days against the same days of last week, as
    # FRESH_8 and FRESH_26
    (
        "/cost",
        "vale, and why it went up the cloudfornt this week? today is black friday so maybe is normal pero quiero "
        "confirmar",
        "why this week service=cloudfront",
    ),
    # `production` the account
    (
        "/top-resources",
        "cuales son the 10 instances EC2 more expensive in production this week",
        "10 this week service=ec2 account=production",
    ),
    (
        "/top-resources",
        "which dynamo tables cost more in ap-southeast-2 last month?",
        "last month service=dynamodb region=ap-southeast-2",
    ),
    # `the staging account` is the account
    (
        "/cost",
        "there is some day strange in november in the staging account? I see the graph weird",
        "anomalies 2026-11 account=staging",
    ),
    # several services as a series are one series per value, the writer's split by service kept
    (
        "/cost",
        "por favor day by day of the KMS + SQS since 1 of november, separated",
        "since 2026-11-01 service=kms,sqs daily by service",
    ),
    # a filtered tag breakdown; `staging` the account, as the writer read it
    (
        "/tags",
        "the cost of october by aws:createdBy, I want to know who is creating all the things in staging",
        "aws:createdBy account=staging 2026-10",
    ),
    # NOT SUPPORTED (customer): the writer's nearest, the total by month for recent months, as FRESH_9's `acme`
    (
        "/cost",
        "hi! quick one - how much does Brightline (our biggest customer) cost us on AWS per month? renewal call on "
        "tuesday",
        "since 2026-09-01 monthly",
    ),
    # the customer's mapping to search is the writer's own
    (
        "/cost",
        "Brightline runs almost everything through search, so what did project=search cost in october? roughly is fine",
        "2026-10 tag:project=search",
    ),
    # the untagged share is part of every breakdown; which customers fall in which project is not in the bill
    (
        "/tags",
        "can u show me how the spend breaks down by project for last month, trying to figure out which bucket our "
        "enterprise customers fall into lol",
        "project last month",
    ),
    # Black Friday week to each Friday, the writer's order kept, as FRESH_23's `BF week tracking vs last years BF week`;
    # NOT SUPPORTED (the customer's share): the whole CloudFront cost
    (
        "/cost",
        "how much more are we spending on cloudfront this BF week compared to BF week last year? Brightline's big "
        "promo runs through us",
        "2026-11-23..2026-11-27 vs 2025-11-24..2025-11-28 service=cloudfront",
    ),
    # NOT SUPPORTED (orders): the writer's nearest, the checkout project's month so far, to divide by hand
    (
        "/cost",
        "whats our cost per order?? the customer wants to know what it costs us to process one of their checkouts",
        "this month tag:project=checkout",
    ),
    # the bucket names read off by hand
    (
        "/top-resources",
        "which S3 buckets are the most expensive this month? trying to see if the brightline export bucket is up there",
        "this month service=s3",
    ),
    # the writer's three months side by side by month, November so far, as FRESH_23's `Aug, Sep, Oct side by side`;
    # NOT SUPPORTED (the customer's part)
    (
        "/cost",
        "sorry if this is a dumb q - did our costs go up since we onboarded Halvorsen in september? like sept vs oct "
        "vs nov",
        "2026-09..2026-11 monthly",
    ),
    # a filtered tag breakdown; no range typed: this month, as the writer read it
    (
        "/tags",
        "for the checkout project only, how does it split across env? want to make sure the customer demo envs aren't "
        "eating a ton",
        "env tag:project=checkout this month",
    ),
    # the forecast against October, as FRESH_4's `projected ... compare with October`; NOT SUPPORTED (the customer's
    # traffic)
    (
        "/cost",
        "are we going to end the month higher than october? need to flag to the account team if Brightline's traffic "
        "is pushing us over",
        "forecast 2026-11",
    ),
    # October 31 is the day the 1st is compared with anyway; the writer's split by charge type kept, the fees booked on
    # the 1st among them, as FRESH_29's `charge on november 1st`
    ("/cost", "why is there a huge spike on nov 1st?? is that a mistake", "why 2026-11-01 by charge-class"),
    # no split of the commitment fees into Savings Plan and RI fees by charge class: the fees by usage type, where the
    # Savings Plan and RI fee lines are apart, as FRESH_18's `savings plan fees vs RI fees ytd`
    (
        "/cost",
        "sorry whats the difference between the savings plan fee and the RI fee... how much of each did we pay this "
        "year?",
        "ytd charge-class=recurring,one-time by usage-type",
    ),
    (
        "/cost",
        "how much credits did we get applied in october, and on which services?",
        "2026-10 charge-class=credit by service",
    ),
    # tax as its own line beside the rest by charge class, credits too (`net` is ambiguous), as FRESH_29's `Q3 total ex
    # tax, and tax on its own`; the total without tax is the total less that line
    (
        "/cost",
        'total for last month with and without tax please (my manager asked for "net" and im not 100% sure what that '
        "means)",
        "last month by charge-class",
    ),
    # the writer's three full months and November so far side by side by month, as FRESH_23's `Aug, Sep, Oct side by
    # side`
    (
        "/cost",
        "is the s3 cost this month normal compared to the last 3 months? not sure how to tell what normal is",
        "2026-08..2026-11 service=s3 monthly",
    ),
    # weeks run Monday to Sunday, the first one partial, as FRESH_28's `glue spend by week since september`
    (
        "/cost",
        "can I get glue spend week by week for the data-lake account since september",
        "since 2026-09-01 service=glue account=data-lake weekly",
    ),
    # no range typed: this month, as the writer read it; the untagged share is part of every breakdown
    ("/tags", 'how much of our spend has no team tag? is that what "untagged" means?', "team this month"),
    # the RDS resources are the DB instances
    (
        "/top-resources",
        "what are the top resources in RDS? (like the db instances i mean) for october",
        "2026-10 service=rds",
    ),
    # the bot knows no incident: the writer's days against the same days a week earlier, as FRESH_19's `runaway sqs
    # retry loop`; `api` the team, `prod` the account, as the writer read them
    (
        "/cost",
        "how much did the memory leak cost us? ASG scaled api up from tue 17th until we rolled back thu 19th evening, "
        "need a number for the postmortem",
        "2026-11-17..2026-11-19 vs 2026-11-10..2026-11-12 service=ec2 account=production tag:team=api",
    ),
    # `prod` meant as the account
    (
        "/cost",
        "ec2 daily in prod from nov 10 to nov 24 so I can see the bump and that it actualy went back down",
        "2026-11-10..2026-11-24 service=ec2 account=production daily",
    ),
    # `between the 17th and 19th` are this month's days
    (
        "/top-resources",
        "top ec2 instances in us-east-1 between the 17th and 19th — want to see if the big r6i nodes show up",
        "2026-11-17..2026-11-19 service=ec2 region=us-east-1",
    ),
    # the writer's days against the same days a week earlier, the writer's split by service kept
    (
        "/cost",
        "did the leak also push up data transfer or was it only compute? compare 17-19 nov against the same 3 days "
        "the week before, by service",
        "2026-11-17..2026-11-19 vs 2026-11-10..2026-11-12 by service",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "team split for 17-19 nov, want to know if api is the one that ate it or if platform's EKS nodes got charged",
        "team 2026-11-17..2026-11-19",
    ),
    # the average per day of the last 3 full days against the week before the leak, as FRESH_32's `1,240/day last
    # week but 1,610/day this week`
    (
        "/cost",
        "is EKS back to normal now post-incident? last 3 days vs the week before the leak",
        "average 2026-11-24..2026-11-26 vs 2026-11-09..2026-11-15 service=eks",
    ),
    # the retry storm is the context: the functions ranked by cost
    (
        "/top-resources",
        "which lambdas cost the most last week, the retry storm from the leak might've hammered some",
        "last week service=lambda",
    ),
    # the leak days are among the days the answer lists, set aside by hand
    (
        "/cost",
        "was there anything unusual in api team's costs last week besides the leak days?",
        "anomalies last week tag:team=api",
    ),
    ("/cost", "total today so far", "today"),
    # the day before is the day yesterday is compared with anyway, as FRESH_28's `ec2 yday vs day before`
    ("/cost", "yday vs day before", "yesterday"),
    # `rn` as the writer read it, today; yesterday is the day today is compared with anyway, as FRESH_12's `why did
    # costs jump today`
    ("/cost", "why so high rn", "why today"),
    ("/cost", "mtd", "this month"),
    # `last 7d` by the grammar's rule, the writer's 7 days to yesterday
    ("/cost", "s3 last 7d daily", "last 7 days service=s3 daily"),
    ("/cost", "anything weird this wk", "anomalies this week"),
    # `stg acct` is the staging account
    ("/cost", "stg acct month end?", "forecast 2026-11 account=staging"),
    ("/tags", "env mtd", "env this month"),
    # `now` as the writer read it, today, as FRESH_15's `top 10 ec2 in prod rn`; `prod` meant as the account
    ("/top-resources", "top 5 prod now", "5 today account=production"),
)

FRESH_41_FIRST_SIGHT = (22, 19, 9)

FRESH_41: tuple[tuple[str, str, str], ...] = (
    # `net` as the writer's total as it is (credits included), not the net basis, as FRESH_31; the production account by
    # its id
    (
        "/cost",
        "Excuse me, could you please tell me the total AWS cost of the production account (123456789012) for October "
        "2026? Thank you in advance.",
        "2026-10 account=production",
    ),
    # the 1st to yesterday, by day
    (
        "/cost",
        "Hello. I would like to confirm the daily cost of EC2 in ap-southeast-2 region from 1st November until "
        "yesterday. Sorry for the trouble.",
        "2026-11-01..2026-11-26 service=ec2 region=ap-southeast-2 daily",
    ),
    # like for like: this week's complete days against the same days of last week, as FRESH_8; `staging account` is the
    # account
    (
        "/cost",
        "I am sorry to bother you, but may I ask the reason why RDS cost of staging account became higher in this "
        "week compared with last week?",
        "why this week service=rds account=staging",
    ),
    (
        "/top-resources",
        "Please let me know the five most expensive DynamoDB tables in production account during this month. I "
        "appreciate your help.",
        "5 this month service=dynamodb account=production",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        'Could you kindly show the cost split by "env" tag for eu-west-1 region in last month? Also I want to know '
        "the amount which has no env tag.",
        "env region=eu-west-1 last month",
    ),
    # the $500 held against the total by hand; the writer's split by account kept
    (
        "/cost",
        "Good morning. In my understanding KMS cost should be very small, however somebody said KMS was more than "
        "$500 in November. Is it true? If possible please show per account.",
        "2026-11 service=kms by account",
    ),
    (
        "/top-resources",
        "Excuse me for asking again. Which EC2 instances were most expensive in us-west-2 last week (16th to 22nd "
        "November)? Top 10 is enough.",
        "10 last week service=ec2 region=us-west-2",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_32 (the writer's nearest, the forecast
    # with the month so far, was not taken)
    (
        "/cost",
        "May I ask the forecast of total cost at the end of November? And is it within the budget which my manager "
        "decided? I am sorry if this is not possible.",
        "!budget",
    ),
    # `last 30 days` by the grammar's rule, the writer's 30 days to yesterday; the 30 days before are the period
    # compared with anyway; the crawler change is not in the bill, the usage types that grew among the causes
    (
        "/cost",
        "glue spend last 30 days vs the 30 before that? feels like the crawler change blew it up",
        "why last 30 days service=glue",
    ),
    # a service not on the bill, as FRESH_5's, FRESH_13's and FRESH_27's `athena` (the writer's nearest, Glue and S3 in
    # data-lake, was not taken)
    (
        "/cost",
        "how much r we paying for athena-ish stuff in the data-lake acct this month.. glue + s3 scans basically",
        "!athena",
    ),
    # storage, requests and transfer are S3 usage types, as FRESH_13's `s3 storage vs requests`
    (
        "/cost",
        "s3 in datalake acct by usage type for oct pls, wanna see storage vs requests vs transfer",
        "2026-10 service=s3 account=data-lake by usage-type",
    ),
    # 333344445555 is the data-lake account
    ("/top-resources", "biggest s3 buckets $ wise in 333344445555 mtd", "this month service=s3 account=data-lake"),
    (
        "/top-resources",
        "which glue jobs cost the most last wk? need the job names if u have them",
        "last week service=glue",
    ),
    # a filtered tag breakdown; data and search are among the values listed; the untagged share is part of every
    # breakdown
    (
        "/tags",
        'project tag breakdown for glue only, nov so far - is "data" eating all of it or is search doing etl too',
        "project service=glue 2026-11",
    ),
    # two questions: the daily series typed kept (unusual days are a question of their own), as FRESH_13 and FRESH_15;
    # the writer's split by service kept
    (
        "/cost",
        "daily glue + s3 for data lake since the 9th, i think theres a spike around 18/19th??",
        "since 2026-11-09 service=glue,s3 account=data-lake daily by service",
    ),
    # the writer's order kept, both kept, as FRESH_22's `sept vs oct`
    (
        "/cost",
        "what did the data team spend per service in september vs october",
        "2026-09 vs 2026-10 tag:team=data by service",
    ),
    # `net of credits` is credits included (the default), as FRESH_5; Q2 is the period Q3 is compared with anyway, as
    # FRESH_16's `Q3 vs Q2`; all accounts is every account anyway
    ("/cost", "Need total AWS spend Q3 vs Q2, all accounts, net of credits. For investor deck.", "2026-q3"),
    # the same days of last year are the comparison every answer makes anyway, as FRESH_18's `ytd vs same period last
    # year`
    ("/cost", "whats YTD spend? and how does that compare to same period last yr", "ytd"),
    # tax is in the total anyway
    ("/cost", "monthly totals jan thru oct please, one number per month, incl tax", "2026-01..2026-10 monthly"),
    # the forecast carries its 80% range
    (
        "/cost",
        'where will november land? I\'ll quote it as "expected" so give me a range if you can',
        "forecast 2026-11",
    ),
    # usage, fees, credits and tax by charge class, as FRESH_24's `usage vs SP/RI fees vs credits vs tax`
    (
        "/cost",
        "how much of our bill is credits vs actual usage this year? don't want the board seeing an inflated saving",
        "ytd by charge-class",
    ),
    # NOT SUPPORTED (revenue): the writer's nearest, the Q3 total
    ("/cost", "AWS cost as % of revenue for Q3?", "2026-q3"),
    # the SP and RI fees are the commitment fees, as FRESH_1's `RI spend ytd`, by month; NOT SUPPORTED (future
    # commitments): the latest month's fee is the November line
    (
        "/cost",
        "Quick one - Savings Plans & RI fees this year in total, and what are we committed to monthly going forward",
        "ytd charge-class=recurring,one-time monthly",
    ),
    # web, api, data and Platform are among the values listed; the untagged share is part of every breakdown
    ("/tags", "cost by team for last quarter, I want to show web vs api vs data vs platform", "team last quarter"),
    # September is the period October is compared with anyway
    ("/cost", "why did october go up vs september? one or two sentences I can put in the deck", "why 2026-10"),
    # the untagged share is part of every breakdown; all accounts is every account anyway
    ("/tags", "how much is untagged on `team` across all 3 accounts, mtd", "team this month"),
    # a filtered tag breakdown; the values are listed in every breakdown, each stored casing apart, as FRESH_18;
    # `staging` the account; no range typed: this month
    (
        "/tags",
        'team tag in staging - r people still tagging "platform" lowercase vs "Platform"? show me values + $',
        "team account=staging this month",
    ),
    # a filtered tag breakdown; `prod acct` is the account; `last 7 days` by the grammar's rule, the writer's 7 days to
    # yesterday
    ("/tags", "aws:createdBy breakdown last 7 days prod acct", "aws:createdBy account=production last 7 days"),
    # a filtered tag breakdown; the untagged share is part of every breakdown; no range typed: this month
    ("/tags", "env split for EKS only - how much of the cluster cost does nobody own", "env service=eks this month"),
    # `no team tag` is `tag:team=untagged`, as FRESH_24; no range typed: this month
    (
        "/top-resources",
        "top untagged resources in data-lake, like the 20 biggest spenders with no team tag",
        "20 this month account=data-lake tag:team=untagged",
    ),
    # `staging` the account
    (
        "/top-resources",
        "most expensive ec2 in staging this month. suspect someone left big instances running after the test",
        "this month service=ec2 account=staging",
    ),
    # `last 4 weeks` by the grammar's rule, the four whole weeks before this one, as the writer counted
    ("/cost", "eks cost per account per week for the last 4 weeks", "last 4 weeks service=eks by account weekly"),
    # NOT SUPPORTED (Jira tickets): the writer's nearest, the resources without a team tag this month by cost; no
    # threshold in the grammar: those over $100 read off by hand
    (
        "/cost",
        "can u open a jira for every untagged resource over $100/mo?",
        "this month tag:team=untagged by resource",
    ),
    # the latest weekend, Sat 21 and Sun 22; `staging` the account; the writer's optional normal weekend beside it not
    # typed, left out
    (
        "/cost",
        "how much did the load test cost us this weekend?? ran sat+sun in staging",
        "2026-11-21..2026-11-22 account=staging",
    ),
    # the writer's optional split by service left out; `staging` the account
    (
        "/cost",
        "compare staging spend sat 21 - sun 22 vs the weekend before",
        "2026-11-21..2026-11-22 vs 2026-11-14..2026-11-15 account=staging",
    ),
    # `staging` the account
    (
        "/top-resources",
        "what were the top 10 things burning money in staging during the load test (sat/sun)",
        "10 2026-11-21..2026-11-22 account=staging",
    ),
    # the writer's days around the weekend, by day; several services as a series are one series per value anyway
    (
        "/cost",
        "did lambda + sqs go nuts over the weekend? we hammered the order queue",
        "2026-11-16..2026-11-24 service=lambda,sqs daily",
    ),
    # `staging` the account; today's partial day among them
    (
        "/cost",
        "staging cost daily from 16th to today, want to see if it came back down after the test ended sunday night",
        "since 2026-11-16 account=staging daily",
    ),
    # `staging` the account; no form leaves days out: the load test weekend read off by hand, as FRESH_26
    (
        "/cost",
        "any weird days in staging this month apart from the load test weekend?",
        "anomalies this month account=staging",
    ),
    # `staging` the account; saturday is the 21st
    (
        "/top-resources",
        "which dynamo tables in staging cost most on saturday",
        "2026-11-21 service=dynamodb account=staging",
    ),
    # the load test weekend; each service and their total; the $2k held against it by hand; the writer's optional
    # staging split left out
    (
        "/cost",
        "data transfer + cloudfront for the load test, was it more than $2k?? my manager is asking",
        "2026-11-21..2026-11-22 service=data-transfer,cloudfront by service",
    ),
    (
        "/cost",
        '"Hi team, can someone confirm what we spent on CloudFront in eu-west-1 in October? Finance needs it by EOD. '
        'Thanks, Priya" Priya Nair | FP&A Analyst | Sent from my iPhone',
        "2026-10 service=cloudfront region=eu-west-1",
    ),
    # like for like: the complete days of November against the same days of October; Black Friday prep is not in the
    # bill, the causes are the nearest
    (
        "/cost",
        "> On Wed, Nov 25, 2026 at 4:12 PM Mark Chen wrote: > Why is the bill up so much this month vs last? Is it "
        "Black Friday prep? > -- > Mark Chen | VP Engineering",
        "why this month",
    ),
    # tax as its own line beside the rest by charge class, per account, as FRESH_31's `P10 total by account ... tax
    # shown separately`
    (
        "/cost",
        'fwd from accounting: "Please provide AWS charges for Sept 2026 broken down by account, tax shown separately. '
        'Regards, Accounts Payable | ap@..."',
        "2026-09 by account, charge-class",
    ),
    # the untagged share is part of every breakdown; where untagged goes is the writer's chargeback rule
    (
        "/tags",
        'From: Sarah Okafor Subject: RE: chargeback -- "we need the project split (checkout / search / data) for '
        'November before we can do chargebacks, untagged goes to Platform"',
        "project 2026-11",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_32 (the writer's nearest, RDS in us-
    # east-1 last week and Q4 so far, was not taken)
    (
        "/cost",
        "pasting from email: \"Can you tell me how much RDS in us-east-1 cost last week, and whether it's on track vs "
        'our Q4 budget?" -Tom',
        "!budget",
    ),
    # FY read as the calendar year, as the writer assumed; the writer's order kept, all of 2025 against 2026 so far, as
    # FRESH_9's `q3 vs q4 so far`
    (
        "/cost",
        '"Quick q from the board pre-read: what was total AWS spend in FY2025 and FY2026 YTD?" Sent from Outlook for '
        "Android",
        "2025 vs ytd",
    ),
    # the month-end forecast, to hold against the $40k by hand, as FRESH_6's `will we blow past 100k this month`
    (
        "/cost",
        ">> Hey, is the data-lake account going to go over $40k this month? >> Thx, J",
        "forecast 2026-11 account=data-lake",
    ),
    # `prod` meant as the account; today's partial day among them
    (
        "/cost",
        'Re: Black Friday readiness - "What\'s prod spending per day this week so far? we expect today to be huge" '
        "Best, Operations",
        "this week account=production daily",
    ),
    # `the staging account` is the account; the two weeks ending 20 Nov
    (
        "/cost",
        '"Hi, could you send the breakdown by service for the staging account for the 2 weeks ending 20 Nov? Cheers, '
        'Luis (Contractor, Platform team)"',
        "2026-11-07..2026-11-20 account=staging by service",
    ),
)

FRESH_42_FIRST_SIGHT = (23, 12, 15)

FRESH_42: tuple[tuple[str, str, str], ...] = (
    # Sydney is ap-southeast-2
    ("/cost", "hey mate what did we spend in sydney region last month?", "last month region=ap-southeast-2"),
    # GST is the tax line, the service `Tax`; the writer's Australian financial year from 1 July, as FRESH_28's fiscal
    # quarter read as the months the writer named; the BAS itself is outside the bot
    ("/cost", "how much GST have we been charged this FY so far, need it for the BAS", "since 2026-07-01 service=tax"),
    # NOT SUPPORTED (AUD, no exchange rates): the writer's nearest, the month so far in the billing currency
    ("/cost", "can u give me nov so far in AUD? accountant wants it in aussie dollars not USD", "this month"),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "spend by team for ap-southeast-2 this month pls, need to chase whoever isnt tagging",
        "team region=ap-southeast-2 this month",
    ),
    # last week is the period this week is compared with anyway (its same days), as FRESH_20's `this week vs last
    # week`; Sydney is ap-southeast-2
    ("/cost", "is syd costing more this week than last or am i imagining it", "this week region=ap-southeast-2"),
    # `atm` as the writer read it, this month, as FRESH_25; Sydney is ap-southeast-2
    (
        "/top-resources",
        "whats the priciest ec2 boxes we've got in sydney atm",
        "this month service=ec2 region=ap-southeast-2",
    ),
    # the forecast, to hold against the 40k by hand, as FRESH_6's `will we blow past 100k this month`
    ("/cost", "whats the forecast for end of month? boss wants to know if we blow past 40k", "forecast 2026-11"),
    # the day before, one of the writer's surrounding days, is the day the 24th is compared with anyway, as FRESH_32's
    # `cloudfront spend spiked on the 24th`; NOT SUPPORTED (the afternoon): the hour is not in daily data
    ("/cost", "what happened tuesday arvo, cloudfront went nuts??", "why 2026-11-24 service=cloudfront"),
    ("/cost", "monthly totals since may pls, want to see the creep", "since 2026-05-01 monthly"),
    # `prod` meant as the account; `last 3 months` by the grammar's rule: the three full months before this one (the
    # writer counted days back from today), as FRESH_21
    (
        "/top-resources",
        "lambda fns in prod w/ the biggest cost over the last 3 months, i suspect one of them is the creep",
        "last 3 months service=lambda account=production",
    ),
    # `prod` meant as the account; the writer's July against October, the services behind the change among the causes
    (
        "/cost",
        "why is prod ~15% higher in oct vs july, nothing changed on our side afaik",
        "why 2026-10 vs 2026-07 account=production",
    ),
    # the writer's four months of weeks, from Monday 27 July to this week
    (
        "/cost",
        "data transfer has been creeping up for like 4 months, can I get weekly numbers",
        "since 2026-07-27 service=data-transfer weekly",
    ),
    # `last 90d` by the grammar's rule, the writer's 90 days to yesterday; the trend is read off the daily series
    (
        "/cost",
        "eks in us-west-2 - actually growing or just noise? last 90d daily",
        "last 90 days service=eks region=us-west-2 daily",
    ),
    # `/tags` has no time step: the split over the writer's months since June, as FRESH_32; the untagged share is part
    # of
    # every breakdown
    (
        "/tags",
        "untagged spend on team tag feels like its growing every month since summer, numbers?",
        "team since 2026-06-01",
    ),
    # a ranking by change is not something `/top-resources` answers (it lists costs only): refused naming the word, as
    # FRESH_15's `which dynamo tables grew the most` (the writer's fallback, two rankings, is two questions)
    ("/top-resources", "which rds instances grew the most since august?", "!grew"),
    ("/cost", "sep this year vs sep last yr? trying to show mgmt the yoy drift", "2026-09 vs 2025-09"),
    # the Savings Plan fees are the commitment fees, as FRESH_1's `savings plans cost last quarter`
    ("/cost", "how much did the savings plan fees come to on nov 1", "2026-11-01 charge-class=recurring,one-time"),
    # the RI fees are the commitment fees, upfront and recurring, as FRESH_1's `RI spend ytd`
    (
        "/cost",
        "RI fees (upfront + recurring) for 2026 YTD broken down by month please",
        "ytd charge-class=recurring,one-time monthly",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    ("/tags", "ec2 by env for oct - only want to commit on the prod baseline", "env service=ec2 2026-10"),
    # the Savings Plan fees are the commitment fees, as FRESH_1's `savings plans cost last quarter`
    (
        "/cost",
        "Hi - could you pull the monthly Savings Plans commitment charges for Q3 (Jul, Aug, Sep)? Thanks.",
        "2026-q3 charge-class=recurring,one-time monthly",
    ),
    # `last 6 mths` by the grammar's rule: the six full months before this one (the writer counted November in), as
    # FRESH_13 and FRESH_19; the writer's `monthly` kept
    (
        "/cost",
        "rds spend in eu-west-1 for the last 6 mths? thinking about reserving the big instance",
        "last 6 months service=rds region=eu-west-1 monthly",
    ),
    # the fees and the credits side by side by charge class, as FRESH_19's `credits total this year and how much went
    # on RI/SP fees`
    (
        "/cost",
        "how much credits did we get applied this year vs what we paid in fees",
        "this year charge-class=recurring,one-time,credit by charge-class",
    ),
    # NOT SUPPORTED (uptime): the writer's nearest, the EC2 instances ranked by cost
    ("/top-resources", "top 10 ec2 instances running 24/7 last month, candidates for RIs", "10 last month service=ec2"),
    # NOT SUPPORTED (Savings Plan recommendations): the writer's nearest, last month's compute (EC2, Lambda and EKS, as
    # FRESH_15's `compute spend`) usage lines, as FRESH_15's `on-demand ... for SP sizing`
    (
        "/cost",
        "what would a 3yr all upfront compute SP save us vs what we pay now",
        "2026-10 service=ec2,lambda,eks charge-class=usage",
    ),
    # the writer's order kept, as FRESH_31's `1 Oct and 1 Nov`; no split of the commitment fees into Savings Plan and RI
    # fees by charge class: the fees by usage type, where the fee lines are apart, as FRESH_18
    (
        "/cost",
        "fees on the 1st, oct vs nov - did the new RI actually kick in?",
        "2026-10-01 vs 2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    # the buckets ranked by cost, the writer's bucket and its rank read off by hand
    ("/top-resources", "is product-images-prod anywhere near the top buckets this month?", "this month service=s3"),
    # the bucket by its name as its resource id, as FRESH_30's `access-logs bucket`
    (
        "/cost",
        "how much is product-images-prod costing per day this week",
        "this week service=s3 resource=product-images-prod daily",
    ),
    # `last 7 days` by the grammar's rule, the writer's 7 days to yesterday; orders-prod read off the ranking
    (
        "/top-resources",
        "dynamo tables by cost last 7 days, mainly care about orders-prod",
        "last 7 days service=dynamodb",
    ),
    # the day judged against the days before it, the engine's own baseline, as FRESH_22's `did our costs spike yesterday
    # with the thanksgiving traffic?`; the table by its name as its resource id
    (
        "/cost",
        "did orders-prod ddb spike yesterday with the thanksgiving traffic?",
        "anomalies yesterday service=dynamodb resource=orders-prod",
    ),
    # last Black Friday is 2025-11-28, as FRESH_13
    ("/cost", "dynamodb today so far vs black friday last yr", "2026-11-27 vs 2025-11-28 service=dynamodb"),
    # the earlier month first, both kept, as FRESH_10's `Oct vs Nov so far`; `prod acct` is the account; the writer's
    # optional per-day view left out; the tiering change is context, not a filter
    (
        "/cost",
        "s3 us-east-1 prod acct, oct vs nov so far - i moved product-images-prod to intelligent tiering on the 3rd",
        "2026-10 vs 2026-11 service=s3 region=us-east-1 account=production",
    ),
    # storage, requests and transfer are S3 usage types, as FRESH_13's `s3 storage vs requests vs transfer`; the bucket
    # by
    # its name as its resource id; no range typed: this month, as the writer read it
    (
        "/cost",
        "is the bucket (product-images-prod) mostly storage or requests or transfer?",
        "this month service=s3 resource=product-images-prod by usage-type",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown; no range typed: this month, as the writer
    # read it; which project orders-prod carries is read off by hand
    (
        "/tags",
        "dynamo split by project - hoping orders-prod lands under checkout, how much is untagged?",
        "project service=dynamodb this month",
    ),
    ("/cost", "Hi! Could I please get the total AWS spend for October for the board pack?", "2026-10"),
    # the total with its tax line apart, by charge class, as FRESH_30's `Total cost include tax or not?`
    ("/cost", "what was the total for Q3 2026 please, and is that including tax?", "2026-q3 by charge-class"),
    ("/cost", 'Sarah asked for "AWS costs by account for last month" - thanks in advance :)', "last month by account"),
    ("/cost", "year to date total? need it for the 3pm", "ytd"),
    # the untagged share is part of every breakdown
    ("/tags", "how much does each team spend? just this month is fine", "team this month"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_32 (the writer's nearest, the year so
    # far, was not taken)
    ("/cost", "can you tell me how much we've spent vs the budget finance approved in jan?", "!budget"),
    ("/cost", "cost per month for 2026, just a list is fine (jan to now)", "ytd monthly"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "Mark wants the 5 most expensive things we run, whatever that means lol", "5 this month"),
    # two questions: the first kept (the data-lake forecast against October is a question of its own); `staging` the
    # account
    (
        "/cost",
        "how much did staging cost last week? also is data-lake on track to go over what it did in oct",
        "last week account=staging",
    ),
    # two questions: the first kept (unusual days this month are a question of their own)
    ("/cost", "lambda spend yesterday + were there any weird days this month?", "yesterday service=lambda"),
    # two questions: the first kept (the project split is a question of its own, two keys); the untagged share is part
    # of every breakdown
    ("/tags", "split by env for last month, and separately by project", "env last month"),
    # two lists have no canonical form: the S3 and DynamoDB resources in one list, as FRESH_13's `top 5 ec2 + top 5 s3`
    (
        "/top-resources",
        "biggest s3 buckets and biggest dynamo tables in the data-lake acct, nov",
        "2026-11 service=s3,dynamodb account=data-lake",
    ),
    # two questions: the first kept (why Tuesday was high is a question of its own)
    ("/cost", "glue costs by day this week?? and why was tues so high", "this week service=glue daily"),
    # September is the period October is compared with anyway, as FRESH_10's `kms + sqs, last cal month vs the month
    # before`; each service its own line
    ("/cost", "kms + sqs total last month, and what were they in sept", "last month service=kms,sqs by service"),
    # the values are listed in every breakdown, biggest first, the untagged share among them; no range typed: this
    # month, as the writer read it
    (
        "/tags",
        "who's created the most expensive stuff (createdBy) and how much has no createdBy at all?",
        "aws:createdBy this month",
    ),
    # two questions: the first kept (the CloudFront forecast is a question of its own); the two regions side by side
    (
        "/cost",
        "cloudfront eu-west-1 vs us-east-1 last month? also whats the forecast for cloudfront for all of nov",
        "last month service=cloudfront region=eu-west-1,us-east-1 by region",
    ),
    # the values are listed in every breakdown, biggest first, the untagged share among them
    ("/tags", "how much is untagged on project this week and which project is eating the most", "project this week"),
)

FRESH_43_FIRST_SIGHT = (23, 8, 19)

FRESH_43: tuple[tuple[str, str, str], ...] = (
    # today so far against last Friday, the same weekday a week earlier, as FRESH_12 and FRESH_37; the load is the
    # writer's context
    ("/cost", "whats spend looking like today vs a normal friday?? traffic is like 4x", "2026-11-27 vs 2026-11-20"),
    # NOT SUPPORTED (hourly, real time): the writer's nearest, EC2 in us-east-1 on the last full day, divided by 24 by
    # hand
    ("/cost", "ec2 hourly burn rn in us-east-1", "yesterday service=ec2 region=us-east-1"),
    # the seven days by the grammar's rule, the whole days before today (the writer counted today in), as FRESH_36
    (
        "/cost",
        "cloudfront last 7 days day by day pls, need to see if the edge spike is showing up yet",
        "last 7 days service=cloudfront daily",
    ),
    # the tables are the DynamoDB resources; Thursday to today
    ("/top-resources", "which dynamo tables are eating the most since thurs", "since 2026-11-26 service=dynamodb"),
    # the forecast against October, as FRESH_38 and FRESH_40
    ("/cost", "are we gonna blow past last month at this rate? where does nov land", "forecast 2026-11"),
    # a filtered tag breakdown; the evening read as Wednesday, the data being daily; api and web are among the values
    # listed, the untagged share part of every breakdown
    (
        "/tags",
        "team split on eks since wed night, want to know if its api or web driving it",
        "team service=eks since 2026-11-25",
    ),
    # the week by the grammar's rule, the last whole week (the writer counted 7 days back from today), as FRESH_7 and
    # FRESH_27 read a month or so; Lambda as the writer meant it
    (
        "/cost",
        "anything weird the last week or so? lambda looked jumpy on grafana",
        "anomalies last week service=lambda",
    ),
    # the production account, as the writer read it; the day before is the day yesterday is compared with anyway, as
    # FRESH_40
    (
        "/cost",
        "data transfer out of the prod acct yday vs day before??",
        "yesterday service=data-transfer account=production",
    ),
    # the staging account, as the writer read it
    ("/cost", "rds cost staging last month", "last month service=rds account=staging"),
    # like for like: this week's complete days against the same days of last week, as FRESH_8 and FRESH_35
    ("/cost", "why s3 cost increased this week?", "why this week service=s3"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "top 10 ec2 instance in ap-southeast-2", "10 this month service=ec2 region=ap-southeast-2"),
    # by month, January to November so far; the writer's split by service kept, as FRESH_34
    ("/cost", "sqs,kms,lambda cost month wise from jan", "since 2026-01-01 service=sqs,kms,lambda monthly by service"),
    # a filtered tag breakdown; the untagged share is part of every breakdown; no range typed: this month, as the
    # writer read it
    ("/tags", "project wise cost for dev env kindly share", "project tag:env=dev this month"),
    (
        "/cost",
        "glue spend in data-lake acct 1-15 nov, daywise",
        "2026-11-01..2026-11-15 service=glue account=data-lake daily",
    ),
    # thirty days by the grammar's rule, the whole days before today (the writer counted today in), as FRESH_34
    (
        "/top-resources",
        "which s3 bucket costliest in eu-west-1 last 30 days",
        "last 30 days service=s3 region=eu-west-1",
    ),
    # usage only: the usage class leaves tax, fees and credits out, as FRESH_36
    ("/cost", "pls tell total bill for 12 nov. only usage, no tax", "2026-11-12 charge-class=usage"),
    # twelve months by the grammar's rule: the full months before this one, as the writer counted; a total with
    # credits subtracted is the total as it is (the default), as FRESH_5; all accounts is every account anyway
    (
        "/cost",
        "Could you give me total AWS spend by month for the last 12 months, all three accounts, net of credits?",
        "last 12 months monthly",
    ),
    # the forecast is for the month, never the year: the year so far with this month's forecast line, as FRESH_30 and
    # FRESH_40; December is the writer's own extrapolation
    ("/cost", "what's our YTD spend, and where do we land for the full year if trends hold?", "forecast this year"),
    # the deck is the context, not a budget question; the change and its percentage are in every comparison
    ("/cost", "How does Q3 2026 compare to Q3 2025? Need the growth % for the budget deck", "2026-q3 vs 2025-q3"),
    # which services grow fastest is read off the monthly series by service, November so far
    (
        "/cost",
        "Can you split 2026 so far by service, month by month? I want to see which lines are growing fastest",
        "ytd by service monthly",
    ),
    # the SP and RI fees are the commitment fees, by month, as FRESH_41; NOT SUPPORTED (renewal): utilisation and
    # coverage are not in the bill, the fee totals are the writer's nearest
    (
        "/cost",
        "How much have we paid in Savings Plan / RI fees this year? Trying to decide whether to renew the commitments",
        "ytd charge-class=recurring,one-time monthly",
    ),
    # no percentages in the grammar: the 2025 total with its tax line apart, by charge class, the share read off by
    # hand, as FRESH_42
    ("/cost", "roughly what % of the 2025 bill was tax?", "2025 by charge-class"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_42 (the writer's nearest, Q4 so far
    # with the forecast, was not taken)
    ("/cost", "are we tracking under or over budget for Q4? Sarah said the Q4 number was locked in Sept", "!budget"),
    # the untagged share is part of every breakdown; the planning purpose is the writer's context
    ("/tags", "For budgeting by team: what did each team cost in October, and how much is untagged?", "team 2026-10"),
    # the last full quarter; each resource's share of the total read off by hand
    (
        "/top-resources",
        "Which are the 20 biggest single resources last quarter? Want to know if a handful of things drive the bill",
        "20 2026-q3",
    ),
    # the untagged share is part of every breakdown
    ("/tags", "team breakdown for nov so far, need it for the chargeback sheet. untagged too pls", "team this month"),
    # the untagged share is part of every breakdown; a split by account is not something /tags answers (it lists a tag
    # key's values) and was only asked if possible: left out, as FRESH_38's ideal comparison (each account is a
    # question of its own)
    ("/tags", "how much of last months spend had no team tag at all? per account if poss", "team last month"),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "who is spinning stuff up in data-lake - aws:createdBy split this month",
        "aws:createdBy account=data-lake this month",
    ),
    # a comparison is not something /tags answers (it lists costs only): refused naming the word, as FRESH_35 and
    # FRESH_36
    ("/tags", "env tag split for EKS, oct vs nov? trying to work out how to allocate the shared cluster", "!vs"),
    # one total of the three services, not filtered by tag: the three are the writer's common services, not a team tag
    # value
    (
        "/cost",
        "shared platform costs (kms + sqs + eks) for october, just need 1 number to split across the consuming teams",
        "2026-10 service=kms,sqs,eks",
    ),
    # the credits by account and by month: October and November so far as one span, by month
    (
        "/cost",
        "which account got the credits in oct & nov? dont want to hand them all to platform by default",
        "2026-10..2026-11 charge-class=credit by account monthly",
    ),
    (
        "/top-resources",
        "top resources tagged team=Platform this month? want to show them what theyre actually being charged for",
        "this month tag:team=Platform",
    ),
    # the week holding 9 November, Monday 9 to Sunday 15; the staging account, as the writer read it
    ("/cost", "what was the staging acct total for the week of 9 nov", "2026-11-09..2026-11-15 account=staging"),
    # the writer's monthly figure, each of the last 3 full months' totals (not the forecast), as FRESH_35
    ("/cost", "hey, new here. what's our monthly run rate roughly? last 3 months is fine", "last 3 months monthly"),
    # no range typed: the writer's latest full month, as FRESH_36
    ("/cost", "what are the top 5 services on the bill and how much is each", "last month by service top 5"),
    # no range typed: the writer's latest full month; each account's share read off the breakdown
    (
        "/cost",
        "how does spend split across the 3 accounts? is data-lake really as big as people say",
        "2026-10 by account",
    ),
    # the production account, as the writer read it; the present as this month, as FRESH_18 and FRESH_35
    (
        "/top-resources",
        "what are the 10 most expensive things we're running in prod right now",
        "10 this month account=production",
    ),
    # August is the period September is compared with anyway; the migration is not in the bill, the services, accounts
    # and regions that moved are the nearest
    (
        "/cost",
        "why did we jump so much in september? someone mentioned a migration but no one can tell me what",
        "why 2026-09",
    ),
    # the four regions side by side, the US ones added by hand; no range typed: the writer's latest full month
    (
        "/cost",
        "how much are we spending in eu-west-1 and ap-southeast-2 vs the us regions? trying to understand our "
        "footprint",
        "2026-10 region=eu-west-1,ap-southeast-2,us-east-1,us-west-2 by region",
    ),
    # NOT SUPPORTED (overprovisioning): utilisation is not in the bill, the writer's nearest, the instances ranked by
    # cost; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "biggest RDS instances by cost - want to get a feel for whether we're overprovisioned",
        "this month service=rds",
    ),
    # this month's forecast held against last November; the holiday is the writer's context
    (
        "/cost",
        "is black friday going to wreck the november bill? whats the forecast and how does it compare to last nov",
        "forecast 2026-11 vs 2025-11",
    ),
    # a follow-up read as the whole question: October's split by service
    ("/cost", "ok and same thing for last month?", "last month by service"),
    # a follow-up read as the whole question: last week's EC2 split by region
    ("/cost", "hmm thats higher than i expected. can you break that down by region", "last week service=ec2 by region"),
    # a follow-up read as the whole question: October's total with its tax line apart by charge class, the total
    # without tax that total less that line, as FRESH_40
    ("/cost", "wait does that include tax? whats it without", "2026-10 by charge-class"),
    # a follow-up read as the whole question: this week's total by day, today's partial day among them
    ("/cost", "and per day?", "this week daily"),
    # a follow-up read as the whole question: November so far split by project; the untagged share is part of every
    # breakdown
    ("/tags", "thx. can u do that by project instead of team", "project this month"),
    # a follow-up read as the whole question; the instances are EC2's; the writer's ideal comparison with a normal day
    # has no /top-resources form (it lists costs only), left out, as FRESH_36
    ("/top-resources", "which instances are behind that jump on the 24th?", "2026-11-24 service=ec2"),
    # a follow-up read as the whole question; the day judged against the days before it, the engine's own baseline, as
    # FRESH_22 and FRESH_42; the traffic is not in the bill, the services that moved are the nearest
    ("/cost", "is the 26th also unusual or is that just thanksgiving traffic", "anomalies 2026-11-26"),
    # a follow-up read as the whole question; credits as their own line beside the rest by charge class, gross and net
    # read off it, as FRESH_36
    (
        "/cost",
        "that number seems off, console says 212k for october. are credits netted out in yours?",
        "2026-10 by charge-class",
    ),
    # a follow-up read as the whole question; Black Friday week to each Friday, as FRESH_23 and FRESH_36
    ("/cost", "can u compare that to the same week last year", "2026-11-23..2026-11-27 vs 2025-11-24..2025-11-28"),
)

FRESH_44_FIRST_SIGHT = (25, 10, 15)

FRESH_44: tuple[tuple[str, str, str], ...] = (
    # the total as it is holds tax and every other charge, as FRESH_33; the data-lake account
    ("/cost", "hoi, what was the total for the data-lake acount in oktober? incl tax pls", "2026-10 account=data-lake"),
    # dates written day first with dashes, both days included; all accounts is every account anyway
    (
        "/cost",
        "can I get the Glue costs per day from 01-11-2026 till 26-11-2026 (dates are dd-mm, sorry)",
        "2026-11-01..2026-11-26 service=glue daily",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "how is the spend divided over the team tag for data lake this month? and how much has no team at all",
        "team account=data-lake this month",
    ),
    # the two regions side by side by region, by month; the three full months before this one, as the writer counted
    (
        "/cost",
        "is S3 in eu-west-1 actually more expensive then in us-east-1? last 3 months, per month if possible",
        "last 3 months service=s3 region=eu-west-1,us-east-1 by region monthly",
    ),
    # ISO week 47, Monday 16 to Sunday 22 November
    ("/top-resources", "which dynamodb tables cost the most in week 47?", "2026-11-16..2026-11-22 service=dynamodb"),
    # usage only: the usage class leaves tax, fees and credits out, as FRESH_36's gross usage; this month's forecast
    (
        "/cost",
        "wat is the forecast for end of month? I mean only the usage, so without credits and the tax",
        "forecast 2026-11 charge-class=usage",
    ),
    # like for like: the complete days of November against the same days of October, as the writer asked; what drove
    # it by usage type, region and resource among the causes
    (
        "/cost",
        "why did KMS go up so much in data-lake since begin of november, compared with the same days in october?",
        "why this month service=kms account=data-lake",
    ),
    # a filtered tag breakdown by the env tag value the writer typed; the untagged share is part of every breakdown
    ("/tags", "split on project please, only env=prod, vorige maand", "project tag:env=prod last month"),
    # NOT SUPPORTED (the hour): the whole day, the writer's nearest; the day before is the day compared with anyway;
    # the writer's split by service kept; the slow page is context, not a filter
    (
        "/cost",
        "customer says checkout was super slow on wed the 25th around noon - did anything change in cloudfront or ec2 "
        "spend that day vs the day before?",
        "2026-11-25 service=cloudfront,ec2 by service",
    ),
    # NOT SUPPORTED (the ticket): the writer's nearest, the region by day; last week's same days are the period this
    # week is compared with anyway, as FRESH_20
    (
        "/cost",
        "ticket CS-4412, customer in australia getting timeouts since monday. any drop in ap-southeast-2 spend this "
        "week??",
        "this week region=ap-southeast-2 daily",
    ),
    # the last two weeks by the grammar's rule (the writer counted 14 days back from today), as FRESH_32 and FRESH_37;
    # the production account; NOT SUPPORTED (the complaint): unusual days only
    (
        "/cost",
        "were there any weird days for lambda in the production account in the last 2 weeks? trying to line it up "
        "with a complaint about failed order emails",
        "anomalies last 2 weeks service=lambda account=production",
    ),
    # the writer's week around the 19th, by day
    (
        "/cost",
        "did sqs spend fall off around 19 nov? customer says order confirmations stopped arriving that evening",
        "2026-11-16..2026-11-22 service=sqs daily",
    ),
    # the present read as the writer read it, the latest complete day; the production account; the slow page is
    # context, not a filter
    (
        "/top-resources",
        "most expensive rds instances in prod atm? customer complaining search page slow since yesterday",
        "yesterday service=rds account=production",
    ),
    # the average per day of the two days against the two weeks before them, the writer's normal, as FRESH_40's
    # average against the week before the leak
    (
        "/cost",
        "hey, was data transfer out in eu-west-1 lower than normal on the 22nd and 23rd? EU customer says product "
        "images not loading",
        "average 2026-11-22..2026-11-23 vs 2026-11-08..2026-11-21 service=data-transfer region=eu-west-1",
    ),
    # a filtered tag breakdown; the last 7 complete days; the untagged share is part of every breakdown
    (
        "/tags",
        "for the complaint im looking at - how does cloudfront cost split by team for the past 7 days? need to know "
        "who owns it",
        "team service=cloudfront last 7 days",
    ),
    # the two accounts side by side; last week's same days are the period this week is compared with anyway; NOT
    # SUPPORTED (leaked test orders): the per-account cost, the writer's nearest
    (
        "/cost",
        "dynamo spend in staging vs prod this week? customer claims their test orders showed up in live ??",
        "this week service=dynamodb account=staging,production by account",
    ),
    # every region its own group, global among them, as the writer asked
    (
        "/cost",
        "how much of our spend this year ran in us-east-1 vs eu-west-1 vs us-west-2 vs ap-southeast-2?",
        "ytd by region",
    ),
    # NOT SUPPORTED (idle, utilisation): the writer's nearest, the ranking by cost, as FRESH_25; the staging account
    (
        "/top-resources",
        "show me ec2 instances in staging that cost money but are basically idle, top 10 for last month",
        "10 last month service=ec2 account=staging",
    ),
    # no percentages in the grammar: the breakdown by region the share is read off; NOT SUPPORTED (grid intensity):
    # the cost share only
    (
        "/cost",
        "what share of EC2 is in us-east-1 this month? need it as a % for the grid intensity report",
        "this month service=ec2 by region",
    ),
    # NOT SUPPORTED (carbon): the writer's nearest, the account's Q3 by region, as FRESH_10
    (
        "/cost",
        "could you tell me the carbon footprint of the data-lake account for Q3?",
        "2026-q3 account=data-lake by region",
    ),
    # no range typed: this month, as the writer read it; NOT SUPPORTED (access patterns): the ranking by cost
    (
        "/top-resources",
        "biggest s3 buckets by cost in the data-lake acct.. i suspect tons of old stuff nobody reads anymore",
        "this month service=s3 account=data-lake",
    ),
    # a filtered tag breakdown; no range typed: this month, as the writer read it; dev among the values listed; NOT
    # SUPPORTED (overnight savings): the dev amount, the writer's nearest
    (
        "/tags",
        "env split for everything in ap-southeast-2 — how much is dev that could just be switched off overnight?",
        "env region=ap-southeast-2 this month",
    ),
    # dev and staging side by side are the env tag's values, summed as the writer asked; June through November so far,
    # by month
    (
        "/cost",
        "has dev+staging spend gone down since we started turning stuff off at night in september? monthly from june "
        "please",
        "since 2026-06-01 tag:env=dev,staging monthly",
    ),
    # EBS volumes are billed under EC2: the EC2 resources; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "which ec2/ebs things in us-west-2 are the costliest? we barely use that region anymore",
        "this month service=ec2 region=us-west-2",
    ),
    # the region left out, every other region (and global) its own group, as FRESH_37; all accounts is every account
    # anyway
    (
        "/cost",
        "quick one: total spend outside us-east-1 last week, all accounts",
        "last week region!=us-east-1 by region",
    ),
    # the writer's two Tuesdays, the outage day first, by service
    (
        "/cost",
        "postmortem for tuesdays outage: spend per service on 24 nov vs a normal tuesday (17 nov)",
        "2026-11-24 vs 2026-11-17 by service",
    ),
    # the production account; both days included, by day
    (
        "/cost",
        "EC2 per day in prod account 20th-26th nov, want to see the autoscaling spike from the incident",
        "2026-11-20..2026-11-26 service=ec2 account=production daily",
    ),
    # the instances are the EC2 ones; all accounts, as the writer read it
    (
        "/top-resources",
        "which instances cost the most on the 24th? looking for whatever got scaled out during the incident",
        "2026-11-24 service=ec2",
    ),
    # a list of days has no canonical form: the span holding the writer's four Tuesdays, by day, read off by hand, as
    # FRESH_14's weekend days; the extra worked out by hand
    (
        "/cost",
        "roughly how much extra did the outage cost us? compare tue 24/11 with the avg of the 3 tuesdays before",
        "2026-11-03..2026-11-24 daily",
    ),
    # the two days judged against the days before them, the anomaly engine's own baseline
    (
        "/cost",
        "was EKS on the 24th and 25th unusual or within the normal range?",
        "anomalies 2026-11-24..2026-11-25 service=eks",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "cost by team on outage day (24 Nov) - need to know which teams to cc on the incident review",
        "team 2026-11-24",
    ),
    # the writer's split by the two regions, by day; all three days included
    (
        "/cost",
        "data transfer during the failover us-east-1 -> us-west-2, 23rd to 25th, per day",
        "2026-11-23..2026-11-25 service=data-transfer region=us-east-1,us-west-2 by region daily",
    ),
    # last week's same days are the period this week is compared with anyway, as FRESH_20; the writer's split by
    # service kept
    (
        "/cost",
        "did lambda or sqs retries blow up after the outage? this week vs week before, by service",
        "this week service=lambda,sqs by service",
    ),
    # the project tag; the month so far with its month-end forecast line
    (
        "/cost",
        "how much has checkout cost us so far in november? and where will it end up by the 30th?",
        "forecast 2026-11 tag:project=checkout",
    ),
    # last Black Friday is 2025-11-28, as FRESH_13; today's partial day is marked so in the answer
    (
        "/cost",
        "black friday vs last years black friday for checkout, is that even possible?",
        "2026-11-27 vs 2025-11-28 tag:project=checkout",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_42 (the writer's nearest, Q4 so far
    # with the forecast, was not taken)
    ("/cost", "are we over budget for checkout this quarter?", "!budget"),
    # a filtered tag breakdown; web and api among the values listed; no range typed: this month, as the writer read it
    (
        "/tags",
        "which teams spend money under project checkout? I thought it was only web and api",
        "team tag:project=checkout this month",
    ),
    # the last 30 complete days by the grammar's rule, as the writer counted
    (
        "/top-resources",
        "top 5 most expensive resources tagged project=checkout last 30 days",
        "5 last 30 days tag:project=checkout",
    ),
    # like for like: the complete days of November against the same days of October, as FRESH_35
    (
        "/cost",
        "sorry if dumb q — why is checkout higher in november than october? we didnt ship anything big",
        "why this month tag:project=checkout",
    ),
    # a filtered tag breakdown; prod among the values listed; the untagged share is part of every breakdown
    (
        "/tags",
        "env breakdown for checkout since sept 1, how much of it is actually prod?",
        "env tag:project=checkout since 2026-09-01",
    ),
    # the eight full weeks before this one, Monday to Sunday, as the writer counted
    (
        "/cost",
        "checkout spend per week for the last 8 weeks, need it on a slide for mondays review",
        "last 8 weeks tag:project=checkout weekly",
    ),
    # the day before is the day yesterday is compared with anyway; NOT SUPPORTED (the alert): the day's change and its
    # drivers
    ("/cost", "WHAT HAPPENED YESTERDAY?? bill alert says we're way up 🔥🔥", "why yesterday"),
    # today's total so far; all accounts is every account anyway
    ("/cost", "total today so far!!! black friday traffic is nuts", "today"),
    # the present read as the writer read it, the latest complete day; all services and accounts
    ("/top-resources", "TOP 10 RIGHT NOW pls 🙏", "10 yesterday"),
    # the US and Europe as the regions the bill holds there, side by side by region; last week's same days are
    # compared with anyway
    (
        "/cost",
        "cloudfrnt US vs EU this wk?? quick",
        "this week service=cloudfront region=us-east-1,us-west-2,eu-west-1 by region",
    ),
    # all accounts, every charge
    ("/cost", "MONTH END FORECAST. NOW. cfo asking 😬", "forecast 2026-11"),
    # no key typed: the team tag, the writer's likeliest key; the untagged share is part of every breakdown
    ("/tags", "untagged $$ this month???", "team this month"),
    # the same weekday a week earlier, as CORPUS
    ("/cost", "ec2 yesterday vs same day last week!!!!", "yesterday vs 2026-11-19 service=ec2"),
    # the Savings Plan fees are the commitment fees, as FRESH_42
    ("/cost", "did the savings plan fee hit on the 1st?? how much 💸", "2026-11-01 charge-class=recurring,one-time"),
    # the last 7 complete days by the grammar's rule; the writer's split by service kept
    ("/cost", "RDS+DYNAMO last 7 days by day, go go", "last 7 days service=rds,dynamodb daily by service"),
)

FRESH_45_FIRST_SIGHT = (26, 6, 18)

FRESH_45: tuple[tuple[str, str, str], ...] = (
    # all accounts is every account anyway
    (
        "/cost",
        "hey - need the checkout project total for october for my invoice, all accounts pls",
        "2026-10 tag:project=checkout",
    ),
    # the values are listed in every breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "how did october split across the projects? checkout vs search vs data + whatever isnt tagged",
        "project 2026-10",
    ),
    # the month so far, as the writer read it; the writer's split by service kept
    (
        "/cost",
        "search project spend broken out by service for nov so far? client wants line items on the invoice",
        "this month tag:project=search by service",
    ),
    (
        "/cost",
        "can u give me daily costs for project data between 2nd and 15th nov, need to match it against my timesheet",
        "2026-11-02..2026-11-15 tag:project=data daily",
    ),
    (
        "/top-resources",
        "whats the priciest stuff tagged project=checkout this month? top 10 is fine",
        "10 this month tag:project=checkout",
    ),
    # September is the period October is compared with anyway (the change and its percentage are in every answer)
    ("/cost", "did checkout cost more in oct than sept?? roughly how much diff", "2026-10 tag:project=checkout"),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "all my stuff is env=dev, can you split dev spend by project for last month",
        "project tag:env=dev last month",
    ),
    # NOT SUPPORTED (the quoted price): the writer's nearest, the project's month-end forecast with its month so far,
    # held
    # against the quote by hand, as FRESH_6 and FRESH_39
    (
        "/cost",
        "where will search land for november? i quoted them a fixed monthly and wanna know if im going over",
        "forecast 2026-11 tag:project=search",
    ),
    # the total as it is holds tax and credits, as FRESH_24; net as the writer's total as it is (credits included), not
    # the
    # net basis, as FRESH_31; all accounts is every account anyway
    (
        "/cost",
        "Total for the October 2026 invoice please, all 3 linked accounts, incl. tax and credits (net)",
        "2026-10",
    ),
    # a follow-up read as the whole question: October by account; the three accounts listed are every account anyway, as
    # FRESH_38
    ("/cost", "Same period (Oct) but by account pls: 123456789012 / 210987654321 / 333344445555", "2026-10 by account"),
    # the credits only, by charge class, as earlier batches; the invoice figure held against it by hand
    (
        "/cost",
        "how much in credits were applied in october? invoice shows -$1,240.00 and I need to tie it out",
        "2026-10 charge-class=credit",
    ),
    # the SP and RI fees are the commitment fees; no split of them into Savings Plan and RI fees by charge class: the
    # fees
    # by usage type, where the Savings Plan and RI fee lines are apart, as FRESH_36
    (
        "/cost",
        "What were the fees charged on Nov 1st - Savings Plans vs RI, separately if possible",
        "2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    # tax is its own service, Tax, by month
    ("/cost", "tax only, by month, jul thru oct", "2026-07..2026-10 service=tax monthly"),
    ("/cost", "Q3 total excluding tax? (jul 1 - sep 30)", "2026-q3 service!=tax"),
    # the team tag is the cost centre key; the untagged share is its own line anyway, as FRESH_31
    (
        "/tags",
        "For cost centre allocation: October by team. I need the untagged figure as its own line",
        "team 2026-10",
    ),
    # the staging account is the account
    (
        "/top-resources",
        "which individual resources make up most of the staging account bill for october?",
        "2026-10 account=staging",
    ),
    (
        "/cost",
        "eu-west-1 daily since the 9th? thats when we started shifting traffic",
        "since 2026-11-09 region=eu-west-1 daily",
    ),
    # the two regions side by side; last week's same days are the period this week is compared with anyway, as FRESH_20
    # and FRESH_37
    ("/cost", "us-east-1 vs eu-west-1, this week vs last week", "this week region=us-east-1,eu-west-1 by region"),
    # like for like: the complete days of November against the same days of October; the writer's guess at the cause is
    # no filter, the regions and usage types that moved are among the causes
    (
        "/cost",
        "why did data transfer jump in nov? im guessing cross region replication but want to confirm before i tell "
        "anyone",
        "why this month service=data-transfer",
    ),
    # which instances were meant to move is not in the bill: the EC2 instances there by cost; the last 7 days by the
    # grammar's rule, as the writer counted
    (
        "/top-resources",
        "biggest ec2 instances still in us-east-1 over the last 7 days — trying to find what we forgot to move",
        "last 7 days service=ec2 region=us-east-1",
    ),
    # the production account, as the writer named it
    ("/cost", "rds in eu-west-1 nov mtd, prod acct only", "this month service=rds region=eu-west-1 account=production"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_42 (the writer's nearest, the region's
    # forecast alone, was not taken), as FRESH_41
    (
        "/cost",
        "forecast eu-west-1 for end of month + how far off is that from the migration budget in MIG-212?",
        "!budget",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown; no range typed: this month, as the writer
    # read it
    (
        "/tags",
        "in eu-west-1 how much is missing the team tag? terraform is supposed to tag everything but not convinced",
        "team region=eu-west-1 this month",
    ),
    (
        "/top-resources",
        "s3 buckets in eu-west-1 ranked by cost since nov 1",
        "since 2026-11-01 service=s3 region=eu-west-1",
    ),
    # like for like: the complete days of November against the same days of October, as the writer asked; the writer's
    # split by service kept
    (
        "/cost",
        "has us-east-1 actually gone down yet?? oct vs nov so far, by service",
        "this month region=us-east-1 by service",
    ),
    ("/cost", "EKS spend last month split by account", "last month service=eks by account"),
    # two whole weeks by the grammar's rule would leave out the Black Friday week the writer wants to see: the writer's
    # 14
    # days to yesterday and today's partial day, as FRESH_23; the production account, as the writer read it
    (
        "/cost",
        "eks daily for past 2 weeks, prod only - should see the black friday scale up",
        "since 2026-11-13 service=eks account=production daily",
    ),
    # the clusters are the EKS resources, as FRESH_37
    ("/top-resources", "which eks clusters cost the most this month", "this month service=eks"),
    # a filtered tag breakdown; the team tag is the chargeback key; the untagged share is part of every breakdown
    ("/tags", "EKS by team for november pls - need to know who to chargeback", "team service=eks 2026-11"),
    # the last 30 days by the grammar's rule, as the writer counted
    ("/cost", "anything weird going on with eks costs in the last 30 days?", "anomalies last 30 days service=eks"),
    # NOT SUPPORTED (worker nodes): which EC2 instances are EKS workers is not in the bill: the writer's nearest, EKS
    # and
    # EC2 by service, as FRESH_24; the last 4 weeks by the grammar's rule, as the writer counted
    (
        "/cost",
        "whats EKS + the EC2 nodes underneath it costing per week, last 4 weeks",
        "last 4 weeks service=eks,ec2 weekly by service",
    ),
    # nodes read as the EC2 instances
    ("/top-resources", "top 5 ec2 nodes w/ team=Platform yesterday", "5 yesterday service=ec2 tag:team=Platform"),
    # like for like: the complete days of November against the same days of October; the holiday cause is read off by
    # hand
    ("/cost", "eks nov vs oct - are we trending up or is it just the holiday scale?", "this month service=eks"),
    # the month so far against the same days of October, with the month-end forecast line
    ("/cost", "how are we doing this month", "forecast 2026-11"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_42 (the writer's nearest, the month so
    # far with the forecast, was not taken)
    ("/cost", "are we over budget?", "!budget"),
    # no range typed: like for like, the complete days of November against the same days of October, as the writer read
    # it; the services that moved are among the causes
    ("/cost", "why is aws so expensive lately??", "why this month"),
    # no range typed: this month, as the writer read it
    ("/top-resources", "whats eating all the money", "this month"),
    # no range typed: this month, as the writer read it; the values are listed in every breakdown, biggest first, the
    # untagged share among them
    ("/tags", "which team spends the most", "team this month"),
    ("/cost", "quick number for exec sync - what have we spent this year?", "ytd"),
    # today so far against last Friday, as FRESH_12 and FRESH_37; yesterday against the Thursday before is a question of
    # its own
    ("/cost", "is black friday costing us way more than a normal day?", "2026-11-27 vs 2026-11-20"),
    # the staging account, as the writer read it; no range typed: this month, against the same days of October; the
    # writer's split by service
    ("/cost", "staging seems like a lot?", "this month account=staging by service"),
    # the console figure held against it by hand; all accounts is every account anyway
    (
        "/cost",
        "sorry if this is a dumb q but what was the total for last week? i got 18,4xx from cost explorer and want to "
        "make sure im not crazy",
        "last week",
    ),
    # last month is October, as the writer checked
    (
        "/cost",
        'just double checking, "last month" = october right? if so what was lambda for it',
        "2026-10 service=lambda",
    ),
    # the data-lake account by its id
    (
        "/cost",
        "hi! um could you show me S3 per day for 1-7 nov, only the data-lake account (333344445555)? thank you!!",
        "2026-11-01..2026-11-07 service=s3 account=data-lake daily",
    ),
    # the untagged share is part of every breakdown
    ("/tags", "how much of november spend has no env tag?? my number seems way too high", "env 2026-11"),
    # the writer's two months by month, as FRESH_35
    (
        "/cost",
        "is dynamodb in ap-southeast-2 really that small or am i filtering wrong? sep and oct pls",
        "2026-09..2026-10 service=dynamodb region=ap-southeast-2 monthly",
    ),
    # the functions are the Lambda resources
    (
        "/top-resources",
        "sorry to bug - top 3 most expensive lambda functions in october? want to check against the console",
        "3 2026-10 service=lambda",
    ),
    # the charge types of October by charge class, the fees booked on 1 October among them (those of 1 November are
    # November's), as FRESH_37
    (
        "/cost",
        "does the october total include the savings plan fee from the 1st or the one from nov 1? i keep getting "
        "different totals lol",
        "2026-10 by charge-class",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "using aws:createdBy - who/what created the most spend last week? not sure im using that tag right",
        "aws:createdBy last week",
    ),
    # the two services side by side with their total; the writer's threshold checked by hand
    ("/cost", "kms and sqs for yesterday, was it really under $5?? seems low", "yesterday service=kms,sqs by service"),
)

FRESH_46_FIRST_SIGHT = (21, 10, 19)

FRESH_46: tuple[tuple[str, str, str], ...] = (
    # Thanksgiving against the same weekday a week earlier, as FRESH_39; all accounts is every account anyway
    (
        "/cost",
        "how much did the website cost us to run yesterday vs a normal thursday? trying to get a feel before the BF "
        "numbers come in",
        "2026-11-26 vs 2026-11-19",
    ),
    (
        "/cost",
        "hi! whats our tech spend for the checkout project so far this month? need it for the promo P&L",
        "this month tag:project=checkout",
    ),
    # the team values are listed in every breakdown; the untagged share is part of every breakdown
    ("/tags", "can you split last month's costs by team? web vs data vs whoever else", "team 2026-10"),
    # the month-end forecast against October, as FRESH_4 and FRESH_40
    ("/cost", "is the site going to cost more this month than october?? with black friday and all", "forecast 2026-11"),
    # NOT SUPPORTED (orders): the writer's nearest, today's total so far to divide by hand, as FRESH_39
    ("/cost", "what does it cost us per order on black friday", "today"),
    # no range typed: this month, as the writer read it
    (
        "/top-resources",
        "what are the biggest things we pay for in the search project? like the actual servers or whatever",
        "this month tag:project=search",
    ),
    # the writer's days from the 9th to today
    (
        "/cost",
        "how much have we spent on the content delivery thing for the website (images etc) since the holiday campaign "
        "went live on Nov 9",
        "since 2026-11-09 service=cloudfront",
    ),
    # the Europe region of the bill is eu-west-1, as the writer meant it; September is the period October is compared
    # with anyway
    (
        "/cost",
        "hey sorry if this is a dumb q - how much did the Europe side of the site cost in oct compared to sept",
        "2026-10 region=eu-west-1",
    ),
    # NOT SUPPORTED (hourly): the writer's nearest, EC2 by day over the whole days holding the last 24 hours
    # (yesterday and today), as FRESH_25 and FRESH_38
    ("/cost", "wtf is ec2 doing rn, spend last 24h by hour?", "2026-11-26..2026-11-27 service=ec2 daily"),
    # the day judged against the days before it, as the anomaly engine does, as FRESH_25; the production account, as
    # the writer meant it; the scaling group is the writer's context, not a filter
    (
        "/cost",
        "anything weird in prod spend today?? getting paged for asg scaling",
        "anomalies today account=production",
    ),
    # the production account, as the writer meant it; the writer's two days, yesterday and today
    ("/top-resources", "top ec2 instances prod last 2 days", "2026-11-26..2026-11-27 service=ec2 account=production"),
    # the writer's daily series this week, today's partial day among them
    ("/cost", "dynamo cost spiking?? us-east-1 daily this week", "this week service=dynamodb region=us-east-1 daily"),
    # last night is yesterday; the day before is the day yesterday is compared with anyway
    ("/cost", "why did data transfer jump last night", "why yesterday service=data-transfer"),
    ("/top-resources", "whch lambdas costing most today", "today service=lambda"),
    # the two accounts side by side, as the writer meant them; the staging account and the production account
    ("/cost", "eks cost stagin vs prod this wk", "this week service=eks account=staging,production by account"),
    # the writer's most recent period, today, as FRESH_40; the production account, as the writer meant it
    ("/top-resources", "most expensive rds instance in prod rn?", "today service=rds account=production"),
    # effective cost is the amortized basis; credits and tax left out by charge class, as FRESH_11 and FRESH_25
    (
        "/cost",
        "EffectiveCost by ServiceName for Nov MTD, excl. credits and tax pls",
        "this month by service amortized charge-class!=tax,credit",
    ),
    # two bases side by side have no canonical form: one basis at a time, as FRESH_4, FRESH_6, FRESH_21 and FRESH_24
    (
        "/cost",
        "what's the amortized vs unblended delta for October - want to see how much of the SP fee is being smeared",
        "!unblended",
    ),
    # a filtered tag breakdown; the untagged share and its percentage are part of every breakdown; the production
    # account, as the writer meant it
    ("/tags", "untagged % for env tag, last full month, prod acct only", "env account=production last month"),
    # the charge types the writer lists (usage, fees, credits, tax) by charge class, as FRESH_11 and FRESH_38
    ("/cost", "show me ChargeCategory breakdown (usage / purchase / credit / tax) for Q3", "2026-q3 by charge-class"),
    # credits included is the total as it is (the default), as FRESH_5
    ("/cost", "forecast EOM for data-lake acct, net of credits", "forecast 2026-11 account=data-lake"),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "allocation by team for Glue + S3 in the data-lake account, MTD",
        "team service=glue,s3 account=data-lake this month",
    ),
    # no net amortized basis in the grammar: amortized, credits included as in every total, as FRESH_26; two
    # questions: the daily series typed kept (unusual days are a question of their own), as FRESH_13 and FRESH_15
    (
        "/cost",
        "daily net amortized cost for ap-southeast-2 from 2026-11-01 to 2026-11-26, and flag any anomalous days",
        "2026-11-01..2026-11-26 region=ap-southeast-2 amortized daily",
    ),
    # no blended basis on the bill: the question's own basis, as the doc's nearest answer for blended cost; the year
    # so far by month, November partial
    ("/cost", "KMS spend trend by month YTD (blended)", "ytd service=kms monthly"),
    # the last 7 days by the grammar's rule (the writer counted today in); the production account, as the writer meant
    # it
    ("/top-resources", "top 10 ResourceIds by BilledCost in prod, last 7d", "10 last 7 days account=production"),
    # the env values are listed in every breakdown; the untagged share is part of every breakdown; no range typed:
    # this month, as the writer read it
    ("/tags", "um how is our spend split between dev and prod envs? also is alot of it not tagged", "env this month"),
    # no range typed: this month, as the writer read it; the api team as the writer meant it
    (
        "/top-resources",
        "which of the s3 buckets r the most expensive? (im on the api team if that matters)",
        "this month service=s3 tag:team=api",
    ),
    # the misspelt service is Lambda, as the writer meant it; the checkout project, last week as the writer read it
    (
        "/cost",
        'is the "lamda" thing expensive? i made some functions last week for the checkout stuff',
        "last week service=lambda tag:project=checkout",
    ),
    # NOT SUPPORTED (names): the writer's nearest, by the creator tag, as FRESH_6 and FRESH_11 (the IAM user's line
    # read off by hand); no range typed: this month, as the writer read it
    ("/cost", "how much did the stuff I created cost? my IAM user is dev-jsmith", "this month by tag:aws:createdBy"),
    # a filtered tag breakdown; the staging account, as the writer meant it; no range typed: this month, as the writer
    # read it
    (
        "/tags",
        "what does the createdBy tag show for staging? trying to figure out who spun up all those boxes",
        "aws:createdBy account=staging this month",
    ),
    # the two regions side by side
    (
        "/cost",
        "sorry newbie q: whats the difference in cost between the rds database in us-west-2 and the one in us-east-1 "
        "this month?",
        "this month service=rds region=us-west-2,us-east-1 by region",
    ),
    # no NAT Gateway usage type in the vocabulary: EC2 and Data Transfer by usage type, the NAT lines among them, as
    # FRESH_15 and FRESH_28; the writer's week before the change against the week after, the writer's order kept
    (
        "/cost",
        "did my PR that turned off the extra nat gateways actually save anything? merged on the 18th",
        "2026-11-11..2026-11-17 vs 2026-11-19..2026-11-25 service=ec2,data-transfer by usage-type",
    ),
    # no range typed: this month, as the writer read it
    (
        "/top-resources",
        "biggest dynamodb tables? just want to know which ones actually matter",
        "this month service=dynamodb",
    ),
    # tax is in the total anyway; all accounts is every account anyway
    ("/cost", "Could you give me the total AWS spend for 01/10/2026 to 31/10/2026 please, including tax", "2026-10"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_42 (the writer's nearest, the
    # forecast with October beside it, was not taken)
    ("/cost", "How are we tracking against budget for November? Need to flag any overspend to the CFO", "!budget"),
    # the writer's months April to September, by month; the three accounts are every account anyway
    (
        "/cost",
        "Please can I have the monthly spend per account for the first half of the financial year (Apr-Sep)",
        "2026-04..2026-09 by account monthly",
    ),
    # tax is its own service, Tax
    ("/cost", "how much VAT/tax have we been charged between 1/11 and 26/11?", "2026-11-01..2026-11-26 service=tax"),
    # the calendar year so far
    (
        "/cost",
        "What credits have we received this calendar year, and against which services?",
        "ytd charge-class=credit by service",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "Could I get a split of October's costs by project for the cross-charge journals, with the untagged element "
        "shown separately",
        "project 2026-10",
    ),
    # the Savings Plan fees are the commitment fees, as FRESH_42; the writer's order kept, as FRESH_35; what drove the
    # change, as the writer asked, by account and usage type among the causes
    (
        "/cost",
        "Why is the Savings Plan charge on 1st Nov higher than the one on 1st Oct?",
        "why 2026-11-01 vs 2026-10-01 charge-class=recurring,one-time",
    ),
    # the week of the 16th is last week; the week before is the period compared with anyway, as FRESH_36; the staging
    # account, as the writer meant it
    ("/cost", "Spend w/c 16/11 versus w/c 09/11 please - staging account only", "last week account=staging"),
    # a follow-up read as the whole question: November so far by service for the staging account, as FRESH_11
    ("/cost", "same but for staging", "this month account=staging by service"),
    # a follow-up read as the whole question: EC2 in the production account for October, as FRESH_11
    ("/cost", "and last month?", "last month service=ec2 account=production"),
    # a follow-up read as the whole question: November so far by region, as FRESH_11
    ("/cost", "can u break that down by region", "this month by region"),
    # a follow-up read as the whole question: the EC2 instances in the production account on the 26th
    ("/top-resources", "ok which instances tho", "2026-11-26 service=ec2 account=production"),
    # a follow-up read as the whole question: October split by env; the untagged share is part of every breakdown
    ("/tags", "what about by env instead", "env 2026-10"),
    # a follow-up read as the whole question: last Black Friday is 2025-11-28, as FRESH_13
    ("/cost", "hmm what was it same time last year", "2025-11-28"),
    # a follow-up read as the whole question: October with the credits on a line of their own by charge class, the
    # total before credits read off it, as FRESH_30
    ("/cost", "wait does that include the credits?", "2026-10 by charge-class"),
    # a follow-up read as the whole question: the three days before today, by day; the earlier answer's filters are
    # not known, none kept
    ("/cost", "just the 3 days before thx", "2026-11-24..2026-11-26 daily"),
    # a follow-up read as the whole question; a filtered tag breakdown; the untagged share is part of every breakdown
    ("/tags", "how much of that has no team tag", "team account=data-lake this month"),
)

FRESH_47_FIRST_SIGHT = (29, 6, 15)

FRESH_47: tuple[tuple[str, str, str], ...] = (
    # the writer's split by service and by day, as the writer asked, rather than the unusual days; Sydney is
    # ap-southeast-2
    (
        "/cost",
        "anything weird in ap-southeast-2 this week?? afaik we dont run anything in sydney at all",
        "this week region=ap-southeast-2 by service daily",
    ),
    # from this week's Monday to today; the staging account, as the writer meant it; who launched them is not in the
    # ranking
    (
        "/top-resources",
        "which ec2 instances in staging cost the most since monday, looking for stuff nobody admits launching",
        "since 2026-11-23 service=ec2 account=staging",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_36
    (
        "/cost",
        "KMS per day for the last 2 weeks pls. think someone is hammering decrypt",
        "last 2 weeks service=kms daily",
    ),
    # a filtered tag breakdown; the data-lake account; the untagged share is part of every breakdown
    (
        "/tags",
        "data-lake acct, how much spend has no aws:createdBy on it mtd",
        "aws:createdBy account=data-lake this month",
    ),
    # the GuardDuty findings are the writer's context, not what is asked (not in the bill)
    (
        "/cost",
        "were there any unusual days in eu-west-1 in nov? getting guardduty noise from that region",
        "anomalies 2026-11 region=eu-west-1",
    ),
    # the week before is the period compared with anyway; what drove it by account, region and usage type is in the
    # answer; exfiltration is the writer's guess, not a filter
    (
        "/cost",
        "why did data transfer go up last wk compared to the week before. want to rule out exfil",
        "why last week service=data-transfer",
    ),
    # the 30 days by the grammar's rule (the writer counted today in); the production account, as the writer meant it
    (
        "/top-resources",
        "biggest s3 buckets $$ wise in prod + data lake, last 30d",
        "last 30 days service=s3 account=production,data-lake",
    ),
    # the staging account, as the writer meant it; this month's Saturday 21st and Sunday 22nd, by day, their total
    # beside them
    (
        "/cost",
        "lambda in staging on the 21st and 22nd - how much? heard a cron was looping all weekend",
        "2026-11-21..2026-11-22 service=lambda account=staging daily",
    ),
    # no GPU usage types in the vocabulary: EC2 by usage type, the p3 and g5 lines among them, as FRESH_33 and
    # FRESH_19
    (
        "/cost",
        "how much have the gpu boxes (p3 / g5, us-west-2) cost this month so far",
        "this month service=ec2 region=us-west-2 by usage-type",
    ),
    # the instances are EC2's
    (
        "/top-resources",
        "top 10 most expensive instances in the data-lake account last month",
        "10 last month service=ec2 account=data-lake",
    ),
    # the days just before the 15th are the period compared with anyway; the writer's optional comparison with 1-14
    # Nov left out
    (
        "/cost",
        "glue cost per day since the 15th? my etl rewrite went live that day, want to see if it actually helped",
        "since 2026-11-15 service=glue daily",
    ),
    # a service not on the bill, as FRESH_8 and FRESH_19 (the writer's nearest, EC2 this year, was not taken)
    ("/cost", "did we spend anything on sagemaker this year or is all our training on ec2", "!sagemaker"),
    # a filtered tag breakdown; the untagged share is part of every breakdown; web is among the values listed
    (
        "/tags",
        "for project=data in october, which teams' spend is it? suspect web is running jobs on our project lol",
        "team tag:project=data 2026-10",
    ),
    # the forecast is for the month: the data-lake account's November forecast; the experiments into December are the
    # writer's context
    (
        "/cost",
        "where will the data-lake acct land for november? my experiments keep running till dec 3",
        "forecast 2026-11 account=data-lake",
    ),
    # no range typed: this month, as the writer read it; the feature store's table read off by hand
    (
        "/top-resources",
        "which dynamo tables are the most expensive, think the feature store is hogging",
        "this month service=dynamodb",
    ),
    # last week's same days are the period this week is compared with anyway, as FRESH_20; the data-lake account
    (
        "/cost",
        "ec2 data lake acct this week vs last. killed 4 nodes tuesday morning so should be lower",
        "this week service=ec2 account=data-lake",
    ),
    # Q2 is the period Q3 is compared with anyway, as FRESH_41 and FRESH_16
    ("/cost", "Total AWS spend Q3 vs Q2 please, needed for the board deck", "2026-q3"),
    ("/cost", "what's November going to come in at?", "forecast 2026-11"),
    # tax is in the total anyway; November partial
    ("/cost", "YTD by month, including tax", "ytd monthly"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_42 (the writer's nearest, the year
    # so far with the forecast, was not taken)
    ("/cost", "Are we over budget for the year?", "!budget"),
    # the credits and the Savings Plans fees (the commitment fees) side by side by charge class, as FRESH_42 and
    # FRESH_35
    (
        "/cost",
        "how much did we receive in credits this year and what have the savings plan fees been",
        "ytd charge-class=recurring,one-time,credit by charge-class",
    ),
    # the values are listed in every breakdown (checkout, search and data among them); the untagged share is part of
    # every breakdown
    ("/tags", "how much of Q3 went to checkout vs search vs data (project)", "project 2026-q3"),
    # October a year earlier, as the writer meant it; the writer's split by service kept
    ("/cost", "Oct 2026 vs Oct 2025 by service, for yoy growth", "2026-10 vs 2025-10 by service"),
    # August is the period September is compared with anyway
    ("/cost", "why was sept so much higher than aug?", "why 2026-09"),
    # last year's Black Friday week is the calendar week holding 2025-11-28, by day; the comparison with this week,
    # once it is over, is a question of its own
    (
        "/cost",
        "what did last years black friday week cost? want to compare once this one is done",
        "2025-11-24..2025-11-30 daily",
    ),
    # the untagged share is part of every breakdown
    ("/tags", "team breakdown for october for chargeback, need the untagged number too", "team 2026-10"),
    # a filtered tag breakdown; the production account, as the writer meant it; dev is among the values listed, the
    # untagged share part of every breakdown
    (
        "/tags",
        "env split in the prod account this month - why is there any dev spend in prod at all",
        "env account=production this month",
    ),
    # the values are listed in every breakdown, each stored casing apart, as FRESH_18 and FRESH_39; no range typed:
    # this month
    ("/tags", "do we have both team=Platform and team=platform?? how much is under each", "team this month"),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    ("/tags", "who owns the EKS spend? by team, last month", "team service=eks last month"),
    # weeks run Monday to Sunday, the first and last partial, as FRESH_40 and FRESH_28
    ("/cost", "api team spend per week since start of oct", "since 2026-10-01 tag:team=api weekly"),
    # the two regions side by side
    (
        "/cost",
        "checkout project eu-west-1 vs us-east-1, last month",
        "last month tag:project=checkout region=eu-west-1,us-east-1 by region",
    ),
    # no Support service on the bill: refused by name, as FRESH_15's shared costs to split across teams (the
    # allocation itself is not in the bill)
    ("/cost", "shared stuff - tax + kms + support - total nov mtd so i can spread it over the teams", "!support"),
    (
        "/top-resources",
        "top resources tagged team=web this month, going to send them the list",
        "this month tag:team=web",
    ),
    # NOT SUPPORTED (slowness): the writer's days around yesterday, by day, as FRESH_27
    (
        "/cost",
        "customer says checkout was really slow yesterday, did cloudfront spend spike or drop?",
        "2026-11-19..2026-11-27 service=cloudfront daily",
    ),
    # NOT SUPPORTED (site availability): the writer's nearest, unusual days over the last few days up to today, three
    # days as FRESH_6
    (
        "/cost",
        "is anything spiking today?? customer on the phone saying site is down",
        "anomalies 2026-11-25..2026-11-27",
    ),
    # the same weekday a week earlier, as CORPUS; the production account, as the writer meant it
    ("/cost", "prod rds yesterday vs same day last wk", "yesterday vs 2026-11-19 service=rds account=production"),
    ("/top-resources", "which cloudfront distributions are the priciest this week", "this week service=cloudfront"),
    # NOT SUPPORTED (what data is stored there): the writer's nearest, the spend by service; no range typed: this
    # month, as the writer read it
    (
        "/cost",
        "customer's DPO wants to know what we run in the EU - what do we spend in eu-west-1, per service?",
        "this month region=eu-west-1 by service",
    ),
    # the seven days by the grammar's rule, the writer's 7 days to yesterday (the writer counted today in)
    (
        "/cost",
        "sqs cost last 7 days day by day. order queue had a massive backlog this am",
        "last 7 days service=sqs daily",
    ),
    # the production account, as the writer meant it; the timeouts and the downsizing are the writer's context, the
    # instance read off by hand
    (
        "/top-resources",
        "top rds instances in prod by cost mtd, ticket about db timeouts & want to see if the big one got downsized",
        "this month service=rds account=production",
    ),
    # last Thursday is the 19th; the slowness is not in the bill, the change around Tuesday read off the series
    (
        "/cost",
        "search project daily cost from last thurs to now? cust complaining search slow since tues",
        "since 2026-11-19 tag:project=search daily",
    ),
    # the charge classes apart, so whether credits and fees are in it is read off, as FRESH_37 and FRESH_42; the
    # finance figure held against it by hand
    (
        "/cost",
        "finance says EC2 was $48,212.77 in october, console shows me something else. what does the bot get?",
        "2026-10 service=ec2 by charge-class",
    ),
    # whether the day is unusual: the anomaly engine judges the 25th from the days before it, as FRESH_30 and FRESH_34
    (
        "/cost",
        "nov 23 4,102.55 / nov 24 4,388.10 / nov 25 6,921.40   is the 25th a real spike or just normal pre black "
        "friday?",
        "anomalies 2026-11-25",
    ),
    # the invoice figure held against the total by hand
    (
        "/cost",
        'from the invoice: "Amazon Simple Storage Service $12,880.14" for September. can you split that by account',
        "2026-09 service=s3 by account",
    ),
    # the untagged share is part of every breakdown; prod, staging and dev are among the values listed, held against
    # the sheet by hand
    ("/tags", "my spreadsheet has env prod 210k / staging 18k / dev 25k for Q3 - does that line up?", "env 2026-q3"),
    # the EC2 instances ranked by cost, the writer's instance and its rank read off by hand, as FRESH_42's bucket
    (
        "/top-resources",
        "i-0a1b2c3d4e5f67890 came in at $3.1k on our report, is it one of the top instances this month?",
        "this month service=ec2",
    ),
    # the charge classes of the day apart, the fees booked on the 1st among them, as FRESH_40 (no why asked)
    (
        "/cost",
        "2026-11-01  $8,940.00   -- is that the savings plan fee or something else? looks huge",
        "2026-11-01 by charge-class",
    ),
    # H2 so far; H1 is the period it is compared with anyway, as FRESH_6
    ("/cost", "my model has 612k for H1 and 688k for H2 so far. what's actual H2 to date?", "2026-07..2026-12"),
    # the writer's four months by month, each account apart; the writer's totals held against them by hand
    (
        "/cost",
        "jul 198.2k, aug 201.4k, sep 236.0k, oct 229.7k -- can u give me the same per account (prod/staging/datalake)",
        "2026-07..2026-10 by account monthly",
    ),
    # November's tax so far with its forecast line; October is the month it is compared with, its total held against
    # the invoice's 4,812.33 a question of its own
    (
        "/cost",
        "tax was 4,812.33 on last months invoice, whats it so far for nov and where will it end up",
        "forecast 2026-11 service=tax",
    ),
)

FRESH_48_FIRST_SIGHT = (25, 10, 15)

FRESH_48: tuple[tuple[str, str, str], ...] = (
    # a normal Friday is the latest Friday before the day, as FRESH_12 and FRESH_43 (the writer's own example was a
    # week earlier still); last Black Friday is 2025-11-28, as FRESH_13
    (
        "/cost",
        "how much did cloudfront cost us on black friday last year vs a normal friday? trying to size the campaign "
        "push for today",
        "2025-11-28 vs 2025-11-21 service=cloudfront",
    ),
    # Black Friday 2025 is Friday 28 November and Cyber Monday 2025 is Monday 1 December, both days included, as
    # FRESH_37; the writer's optional series by day kept
    (
        "/cost",
        "what did the whole BF thru cyber monday stretch cost last yr? total is fine, daily if easy",
        "2025-11-28..2025-12-01 daily",
    ),
    # the values are listed in every breakdown (checkout and search among them), as FRESH_37; the untagged share is
    # part of every breakdown
    ("/tags", "hey! rough split of this month by project pls, mainly want checkout vs search", "project this month"),
    # the writer's days from the 16th to today, by day; the same number of days just before the 16th is the period
    # compared with anyway
    (
        "/cost",
        "is checkout spend creeping up since the pre-BF promo went live on the 16th??",
        "since 2026-11-16 tag:project=checkout daily",
    ),
    # the month-end forecast; the campaign is the writer's context
    (
        "/cost",
        "can u forecast where november lands? want to know if campaign traffic is going to blow up the month",
        "forecast 2026-11",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_36 and FRESH_47; the distributions are the CloudFront resources
    (
        "/top-resources",
        "which cloudfront distros are the priciest over the last 2 weeks",
        "last 2 weeks service=cloudfront",
    ),
    # NOT SUPPORTED (the sale's own share): the writer's nearest, yesterday's total; the writer's optional comparison
    # with a normal day left out
    (
        "/cost",
        "sorry if this is a dumb q but what does one day of the holiday sale roughly cost us on aws? like yesterday "
        "say",
        "yesterday",
    ),
    # October and November so far as one span, by month; the December push is the writer's context
    (
        "/cost",
        "data transfer out of eu-west-1 for oct + nov? we're thinking about a big UK push in december",
        "2026-10..2026-11 service=data-transfer region=eu-west-1 monthly",
    ),
    # usage only: the usage class leaves the fees, credits and tax out, as FRESH_36 and FRESH_43; the production
    # account by its id; both days included, by day
    (
        "/cost",
        "For the production account (123456789012) only, could you give me the daily EC2 cost in us-east-1 from "
        "2026-11-09 through 2026-11-22 inclusive, excluding Savings Plan/RI fees and credits, so I can line it up "
        "against our ASG scaling events?",
        "2026-11-09..2026-11-22 service=ec2 account=production region=us-east-1 charge-class=usage daily",
    ),
    # the average per day of each side, the writer's order kept, as FRESH_29's Q3 against Q4 so far; all three
    # accounts are every account anyway
    (
        "/cost",
        "I'd like to compare EKS spend across all three accounts between the full calendar month of October 2026 and "
        "Nov 1–26 (i.e. leaving out today since it's partial). A per-day average for each side would be ideal since "
        "the periods are different lengths.",
        "average 2026-10 vs 2026-11-01..2026-11-26 service=eks",
    ),
    # the last 30 days by the grammar's rule, the 30 whole days before today, as the writer allowed; the data-lake
    # account by its id; each table lives in one region, read off the list
    (
        "/top-resources",
        "Which 10 DynamoDB tables in the data-lake account (333344445555) had the highest cost over the last 30 days, "
        "and for each, how much of that was us-west-2 vs eu-west-1?",
        "10 last 30 days service=dynamodb account=data-lake",
    ),
    # the week of the 16th is last week; the week before is the period compared with anyway, as FRESH_36 and FRESH_46;
    # NOT SUPPORTED (a rotation misconfiguration as such): the usage types that grew (key-months or requests) are
    # among the causes
    (
        "/cost",
        "Why did KMS cost in staging (210987654321) roughly double between the week of Nov 9 and the week of Nov 16? "
        "I'm trying to rule out a key-rotation misconfig vs. just more API calls from the new Lambda consumers.",
        "why last week service=kms account=staging",
    ),
    # a filtered tag breakdown; the untagged share is its own line in every breakdown; NOT SUPPORTED (which untagged
    # cost predates the tag's activation): the untagged amount, the writer's nearest
    (
        "/tags",
        "Break down last month's (October 2026) spend in the production account by the aws:createdBy tag, and please "
        "call out the untagged portion explicitly — I want to know how much of it predates us activating that tag.",
        "aws:createdBy account=production 2026-10",
    ),
    # the answer lists the unusual days, spikes and drops alike, the spikes read off by hand
    (
        "/cost",
        "Were there any anomalous days for Lambda in ap-southeast-2 since 1 Sep 2026? Define anomalous however you "
        "normally do, but I'm mostly interested in spikes rather than drops.",
        "anomalies since 2026-09-01 service=lambda region=ap-southeast-2",
    ),
    # Q2 is the period Q3 is compared with anyway, as FRESH_41 and FRESH_47; credits are counted in every total, as
    # FRESH_5; the tax lines are the service Tax, left out by the service filter; the production account
    (
        "/cost",
        "What's SQS + Lambda combined in prod for Q3 2026 (Jul 1 – Sep 30) vs Q2 (Apr 1 – Jun 30)? Net of credits "
        "please; tax doesn't matter.",
        "2026-q3 service=sqs,lambda account=production",
    ),
    # this week's days so far, Monday to today; the env tag value the writer named; the instances are EC2's
    (
        "/top-resources",
        "Top EC2 instances by cost in us-east-1 for the current week so far (Mon 23 Nov onwards), env=prod only. I "
        "suspect the c6i fleet we scaled up for Black Friday is dominating but want to confirm.",
        "this week service=ec2 region=us-east-1 tag:env=prod",
    ),
    # January to October, by month, each account apart
    (
        "/cost",
        "Hi, could I get monthly AWS totals Jan–Oct 2026 by account please? Need it for the forecast pack",
        "2026-01..2026-10 by account monthly",
    ),
    # the untagged share is part of every breakdown; NOT SUPPORTED (cost-centre codes): the team split, mapped to the
    # codes by hand
    (
        "/tags",
        "what's the split by team for October - need to charge back to cost centres (Platform = CC 4100, web = 4200 "
        "etc)",
        "team 2026-10",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_47 (the writer's nearest, the month
    # so far with the forecast, was not taken)
    ("/cost", "how are we tracking vs budget for November?", "!budget"),
    # tax is its own service, Tax; Q2 is the period Q3 is compared with anyway, as FRESH_41 and FRESH_47
    ("/cost", "what was the tax line in Q3 vs Q2", "2026-q3 service=tax"),
    # the Savings Plan and RI fees are the commitment fees, by month, as FRESH_42; the year so far, November among the
    # months
    (
        "/cost",
        "Savings Plan + RI fees for each month this year pls (the charges that land on the 1st)",
        "ytd charge-class=recurring,one-time monthly",
    ),
    # NOT SUPPORTED (the credit balance left): the credits applied so far this year, by month, as FRESH_30
    (
        "/cost",
        "total credits applied YTD? trying to work out how much of the promo credit we've burned",
        "ytd charge-class=credit monthly",
    ),
    # NOT SUPPORTED (December): the forecast is for the month in progress, the writer's nearest, as FRESH_24
    ("/cost", "What's the run-rate for December looking like? Need to put an accrual in", "forecast 2026-11"),
    # the untagged share and its percentage are part of every breakdown
    ("/tags", "how much of october was untagged for team? auditors keep asking about it", "team 2026-10"),
    # the writer's months since July, by month, November so far; the staging account
    ("/cost", "staging account per month since july, is it creeping up?", "since 2026-07-01 account=staging monthly"),
    ("/cost", "lambda cost yday?", "yesterday service=lambda"),
    # last week's same days are the period this week is compared with anyway, as FRESH_20 and FRESH_45
    ("/cost", "s3 this wk vs last wk", "this week service=s3"),
    # the buckets are the S3 resources
    ("/top-resources", "biggest s3 buckets $ this month", "this month service=s3"),
    # the day judged against the days before it, as the anomaly engine does, as FRESH_46; the env tag value; the
    # writer's guess at the cause is no filter; NOT SUPPORTED (who left it on)
    ("/cost", "did dev env spike today?? think someone left a gpu box on", "anomalies today tag:env=dev"),
    # the last 7 days by the grammar's rule, the writer's 7 days to yesterday; the untagged share is part of every
    # breakdown
    ("/tags", "env split last 7d", "env last 7 days"),
    ("/cost", "rds eu-west-1 nov so far", "this month service=rds region=eu-west-1"),
    # the present read as the writer read it, the month so far; the staging account; the functions are the Lambda
    # resources, the top one first
    ("/top-resources", "whats the most exp lambda fn in staging rn", "this month service=lambda account=staging"),
    # like for like: the complete days of November against the same days of October, as FRESH_35 and FRESH_44
    ("/cost", "glue cost jumped?? vs last mo", "why this month service=glue"),
    # October and November so far as one span, by month; a range holding today carries the month-end forecast line
    (
        "/cost",
        "how much did team=data spend in october, and what's november looking like",
        "2026-10..2026-11 tag:team=data monthly",
    ),
    ("/top-resources", "top 5 most expensive things tagged team:api this month?", "5 this month tag:team=api"),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_36 and FRESH_47; NOT SUPPORTED (the load test itself): read off the series
    (
        "/cost",
        "daily spend for my team (web) over the last 2 weeks, want to see if the BF load test showed up",
        "last 2 weeks tag:team=web daily",
    ),
    # a filtered tag breakdown; no range typed: this month, as the writer read it; the untagged share is part of every
    # breakdown
    ("/tags", "for the Platform team's stuff how does it split across envs?", "env tag:team=Platform this month"),
    # the week before is the period last week is compared with anyway; the services that moved are among the causes
    ("/cost", "why did api team costs go up last week", "why last week tag:team=api"),
    # the last 3 months by the grammar's rule, the three full months before this one (the writer counted November in),
    # as FRESH_13 and FRESH_42; the writer's split by service kept
    (
        "/cost",
        "can you show just the data-lake account glue + s3 for our team (data), last 3 months by month",
        "last 3 months service=glue,s3 account=data-lake tag:team=data monthly by service",
    ),
    # no range typed: this month, as the writer read it; NOT SUPPORTED (the ticket): the ranked list
    (
        "/top-resources",
        "which of OUR rds instances (team=web) costs the most? need numbers for the rightsizing ticket in JIRA",
        "this month service=rds tag:team=web",
    ),
    # a filtered tag breakdown; no range typed: this month, as the writer read it; api among the values listed
    (
        "/tags",
        "how much of the checkout project is actually on my team (api) vs other teams?",
        "team tag:project=checkout this month",
    ),
    # the charge classes apart, so the gap to the writer's figure is read off, as FRESH_43 and FRESH_47; NOT SUPPORTED
    # (the console's settings)
    (
        "/cost",
        "Cost Explorer says October was $387,912.44 but you said ~$401k earlier, which one is right?",
        "2026-10 by charge-class",
    ),
    # tax is its own service, Tax, each account apart; NOT SUPPORTED (the invoice): the bill's figure held against it
    # by hand
    ("/cost", "the october invoice has $18,240.10 in tax, bot shows less??", "2026-10 service=tax by account"),
    # each account and charge class apart, as FRESH_41; the deck's figure held against it by hand, as FRESH_47
    (
        "/cost",
        "finance deck says EC2 was 142k in sept, why am i getting a different number from you",
        "2026-09 service=ec2 by account, charge-class",
    ),
    # the untagged share is part of every breakdown, Platform among the values listed; NOT SUPPORTED (the dashboard's
    # method)
    (
        "/tags",
        "the grafana platform dashboard shows $23.5k for last week but /tags gave me something different, what am I "
        "missing",
        "team last week",
    ),
    # the charge classes and services of the day apart, the console's figure held against them by hand; NOT SUPPORTED
    # (the earlier reply)
    (
        "/cost",
        "\"Total: $12,871.06\" <- that's what the billing console shows for yesterday, why's it different from what "
        "you told me this morning",
        "yesterday by charge-class, service",
    ),
    # OpenSearch is not on this bill: the writer's nearest, the search project's resources over the last full month,
    # as FRESH_35's OpenSearch question
    (
        "/top-resources",
        "someone posted in #eng that the search opensearch cluster is like $9k/mo, is that right? it's not in the top "
        "list",
        "2026-10 tag:project=search",
    ),
    # the budget email is the context, not what is asked, as FRESH_30; the staging account's month so far, the amount
    # held against it by hand
    (
        "/cost",
        "my budget alert email said staging hit 80% of $50,000 this month, that's not what ur showing",
        "this month account=staging",
    ),
    # ISO week 46, Monday 9 to Sunday 15 November, as FRESH_4; each charge class and account apart, the writer's
    # figure held against them by hand
    (
        "/cost",
        "CUR in athena gives 6,402.19 for dynamodb in week 46, you say ~5.9k. what's included on your side?",
        "2026-11-09..2026-11-15 service=dynamodb by charge-class, account",
    ),
    # no percentages in the grammar: the breakdown by service the share is read off, with the total, as FRESH_14
    (
        "/cost",
        "the slides from last quarter's review say data transfer was 31% of total spend in Q3?? seems high, can you "
        "confirm",
        "2026-q3 by service",
    ),
)

FRESH_49_FIRST_SIGHT = (27, 8, 15)

FRESH_49: tuple[tuple[str, str, str], ...] = (
    # the staging account, as the writer meant it; the last whole week by the grammar's rule, Monday 16 to Sunday 22,
    # as the writer counted
    (
        "/cost",
        "howzit, what did staging cost us last week? eish it looks high on the dashboard",
        "last week account=staging",
    ),
    # NOT SUPPORTED (rand, no exchange rates): the writer's nearest, EC2's month to date in the billing currency, as
    # FRESH_42's Australian dollars
    (
        "/cost",
        "ja ok so whats the EC2 bill for nov so far... in rands if you can, my manager thinks in ZAR",
        "this month service=ec2",
    ),
    # the instances are EC2's; the month so far, as the writer read it
    (
        "/top-resources",
        "which ec2 instances in eu-west-1 are eating the most this month? need to chat to the team just now",
        "this month service=ec2 region=eu-west-1",
    ),
    # from this week's Monday to today by day, today's partial day among them
    (
        "/cost",
        "lambda per day since monday pls, think the api retries are going mad",
        "since 2026-11-23 service=lambda daily",
    ),
    # a filtered tag breakdown by the env tag value; the 30 whole days before today by the grammar's rule, as the
    # writer counted; the untagged share is part of every breakdown
    (
        "/tags",
        "team split for dev env over the last 30 days, how much has no team tag at all?",
        "team tag:env=dev last 30 days",
    ),
    # like for like: the complete days of November against the same days of October, the writer's fair comparison, as
    # FRESH_29 and FRESH_39
    (
        "/cost",
        "did cloudfront go up after we moved the static stuff over? oct vs nov so far",
        "this month service=cloudfront",
    ),
    # the buckets are the S3 resources; the data-lake account; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "biggest s3 buckets by cost in the data lake acc? sorry if noob q",
        "this month service=s3 account=data-lake",
    ),
    # the day before is the day yesterday is compared with anyway, as FRESH_16; what drove it by account, region and
    # usage type among the causes
    ("/cost", "shame man the dynamo bill... why did it jump yesterday??", "why yesterday service=dynamodb"),
    # the two regions side by side, each split by service, as the writer asked
    (
        "/cost",
        "us-east-1 vs us-west-2 last month, just ec2 + rds",
        "last month service=ec2,rds region=us-east-1,us-west-2 by region, service",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # yesterday), as FRESH_36 and FRESH_47
    (
        "/cost",
        "data transfer out of us-east-1 per day for the past 2 wks? trying to size cross-region replication",
        "last 2 weeks service=data-transfer region=us-east-1 daily",
    ),
    # the production account, as the writer meant it
    ("/cost", "break down prod by region for Q3 please", "2026-q3 account=production by region"),
    # the production account, as the writer meant it; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "top 10 rds instances us-east-1 prod",
        "10 this month service=rds region=us-east-1 account=production",
    ),
    # NOT SUPPORTED (what-if pricing): the writer's nearest, the production account's month so far by region and
    # service, as FRESH_21's move between regions
    (
        "/cost",
        "rough cost if we ran a warm standby of prod in us-west-2?",
        "this month account=production by region, service",
    ),
    # a filtered tag breakdown; prod among the values listed, the untagged share part of every breakdown; no range
    # typed: this month, as the writer read it
    (
        "/tags",
        "env breakdown for ap-southeast-2 — is any of that stuff actually prod??",
        "env region=ap-southeast-2 this month",
    ),
    # every service, as the writer asked; the present as this month, as the writer read it, as FRESH_43
    (
        "/top-resources",
        "whats the priciest stuff running in eu-west-1 rn, anything not just ec2",
        "this month region=eu-west-1",
    ),
    # weeks run Monday to Sunday, the first and last partial, as FRESH_47; the October bump read off the series
    (
        "/cost",
        "weekly us-west-2 since start of sept, want to see if the DR test in oct even shows up",
        "since 2026-09-01 region=us-west-2 weekly",
    ),
    # twelve months by the grammar's rule: the full months before this one, as the writer counted; the three accounts
    # are every account anyway, as FRESH_43
    (
        "/cost",
        "Need total AWS spend by month for the last 12 months, all 3 accounts. For the EDP renewal deck",
        "last 12 months monthly",
    ),
    # the SP and RI fees are the commitment fees, by month, as FRESH_41 and FRESH_43; the day they are booked on is a
    # description, each month's figure is that day's
    (
        "/cost",
        "what are we paying for savings plans and RIs each month (the charges on the 1st)?",
        "ytd charge-class=recurring,one-time monthly",
    ),
    # NOT SUPPORTED (coverage): the writer's nearest, EC2's month so far by charge class, its usage beside the
    # commitment fees, as FRESH_26 and FRESH_28
    (
        "/cost",
        "roughly how much of our EC2 is still on-demand vs covered by the SP?",
        "this month service=ec2 by charge-class",
    ),
    # the tax and the credits as their own lines beside the rest by charge class, both totals read off it, as FRESH_27
    # and
    # FRESH_40
    (
        "/cost",
        "can I get the YTD number excluding tax and credits pls. and then with them, separately",
        "ytd by charge-class",
    ),
    # NOT SUPPORTED (December): the writer's nearest, this month's forecast, as FRESH_14 and FRESH_24
    (
        "/cost",
        "what's the forecast for december? trying to work out our commit level for next year",
        "forecast 2026-11",
    ),
    # the values are listed in every breakdown (checkout, search and data among them); the untagged share is part of
    # every breakdown, as FRESH_47
    ("/tags", "spend by project last quarter - finance want checkout vs search vs data", "project last quarter"),
    # the untagged share is part of every breakdown
    ("/tags", "team split for october and how much nobody owns", "team 2026-10"),
    # all accounts and services is everything anyway; the year so far, as FRESH_19
    ("/top-resources", "top 20 most expensive resources across everything YTD", "20 ytd"),
    # NOT SUPPORTED (remaining balance): the writer's nearest, the credits applied so far by month, as FRESH_30
    ("/cost", "how much credit have we burned this year and whats left on it?", "ytd charge-class=credit monthly"),
    # daily data: the whole days holding the night, yesterday and today's partial day, as FRESH_9 and FRESH_17; the
    # data-lake account, as the writer meant it; the two days before are the period compared with anyway
    (
        "/cost",
        "glue cost last night?? jobs fell over around 2am and i think they retried like crazy",
        "2026-11-26..2026-11-27 service=glue account=data-lake",
    ),
    # the ten whole days before today by the grammar's rule, as the writer counted
    ("/cost", "glue daily in the data-lake acct, last 10 days", "last 10 days service=glue account=data-lake daily"),
    # the jobs are the Glue resources; this week from Monday to today
    ("/top-resources", "which glue jobs cost the most this week", "this week service=glue"),
    # a follow-up read as the whole question: the data-lake account's S3 by day from the 20th to today; storage and
    # requests are S3 usage types, as FRESH_13
    (
        "/cost",
        "did s3 spike as well? the broken job was writing a ton of tiny files to the lake bucket",
        "since 2026-11-20 service=s3 account=data-lake daily by usage-type",
    ),
    # data among the values listed beside the others; the untagged share is part of every breakdown
    (
        "/tags",
        "project=data vs everything else this month, trying to show mgmt what the glue mess costs",
        "project this month",
    ),
    # the week by the grammar's rule, the last whole week (the writer counted 7 days back from yesterday), as
    # FRESH_43; the data-lake account
    ("/cost", "anything weird in data lake over the last week?", "anomalies last week account=data-lake"),
    # the keys and queues are the KMS and SQS resources, in one list; the data-lake account
    (
        "/top-resources",
        "kms keys and sqs queues by cost, data-lake only, nov",
        "2026-11 service=kms,sqs account=data-lake",
    ),
    # NOT SUPPORTED (job runs): the writer's nearest, Glue's cost on the 26th against its average day over the month
    # before it, as FRESH_44's average against the days before
    (
        "/cost",
        "how much did the failed glue runs cost us compared to a normal night",
        "average 2026-11-26 vs 2026-11-01..2026-11-25 service=glue",
    ),
    ("/cost", "where do we land this month", "forecast 2026-11"),
    # Black Friday is today: its total so far, the partial day marked so; the writer's optional comparison with last
    # year's left out, as FRESH_47
    ("/cost", "black friday so far?", "today"),
    # no range typed: like for like, the complete days of November against the same days of October, as FRESH_45
    ("/cost", "why is aws up", "why this month"),
    # the same days of last year are the comparison every answer makes anyway, as CORPUS and FRESH_18
    ("/cost", "2026 vs 2025?", "ytd"),
    # no range typed: this month, as the writer read it; the values are listed biggest first, the untagged share among
    # them, as FRESH_45
    ("/tags", "which team spends most", "team this month"),
    # the single most expensive resource; no range typed: this month, as the writer read it
    ("/top-resources", "biggest single line item?", "1 this month"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_47 (the writer's nearest, the month
    # so far with the forecast, was not taken)
    ("/cost", "are we over budget", "!budget"),
    # the two accounts side by side; no percentages in the grammar: the share read off by hand, as FRESH_46
    ("/cost", "staging vs prod last month, as a %?", "last month account=staging,production by account"),
    # the month so far with its tax line apart by charge class, as FRESH_30 and FRESH_42; the total without tax is the
    # total less that line
    (
        "/cost",
        "quick q - does the total you show include tax? just want to know which number im looking at",
        "this month by charge-class",
    ),
    # no freshness question in the grammar: today's total, whose answer says whether the day is partial or has no data
    # yet, and how far the data goes
    ("/cost", "how fresh is this data? is today in there yet", "today"),
    # every answer names its basis: October's total on the bot's own basis; NOT SUPPORTED (invoice): held against it
    # by hand, as FRESH_38
    ("/cost", "are these numbers amortized or unblended?? finance says oct doesnt match the invoice", "2026-10"),
    # no range typed: this month; the untagged share of the team key is part of every breakdown, as FRESH_40
    ("/tags", 'when you say "untagged" does that mean no team tag or no tags at all?', "team this month"),
    # the week by the grammar's rule, Monday 16 to Sunday 22, the answer naming its days
    ("/cost", 'does "last week" mean mon-sun or just the last 7 days for you', "last week"),
    # credits as their own line beside the rest by charge class, the figure with and without them read off it, as
    # FRESH_43
    (
        "/cost",
        "are credits netted out of the ec2 number from yesterday or not",
        "yesterday service=ec2 by charge-class",
    ),
    # no range typed: this month; the untagged share is part of every breakdown
    (
        "/tags",
        "does aws:createdBy count as a tag here or only our own ones? give me the createdBy split anyway",
        "aws:createdBy this month",
    ),
    # every account the bot sees on its own line, the data-lake account among them; no range typed: this month
    ("/cost", "which accounts are you even looking at? dont see the data lake one anywhere", "this month by account"),
    # the charge classes of the day apart, the fees booked on the first of the month among them, as FRESH_47
    ("/cost", "the nov 1 number looks insane, is that the SP/RI fees or something else?", "2026-11-01 by charge-class"),
)

FRESH_50_FIRST_SIGHT = (22, 12, 16)

FRESH_50: tuple[tuple[str, str, str], ...] = (
    # all accounts and regions is every account anyway; the month so far, today's partial day marked so
    ("/cost", "hello, how much we spent with EC2 in this month until now?", "this month service=ec2"),
    # two bases side by side have no canonical form: one basis at a time, as FRESH_4, FRESH_6, FRESH_21, FRESH_24 and
    # FRESH_46
    ("/cost", "unblended vs amortized for linked account 123456789012, MTD, group by service pls", "!unblended"),
    # the total as it is holds usage, fees, credits and tax, as FRESH_33 and FRESH_44; the rounding done by hand
    ("/cost", "whats our total AWS bill for October, roughly? need a round number for a slide", "2026-10"),
    # the three days by the grammar's rule, the whole days before today, as the writer counted; the staging account by
    # its id; the instances are EC2's; the teardown is the writer's context, the leftovers read off the list
    (
        "/top-resources",
        "anything in staging still burning money after we tore down the old eks module? biggest ec2 in 210987654321 "
        "last 3 days",
        "last 3 days service=ec2 account=staging",
    ),
    # yesterday is the day today is compared with anyway, as FRESH_12, FRESH_17, FRESH_38 and FRESH_40 (the writer's
    # week-earlier Friday left out); today's partial day is marked so
    ("/cost", "why is today so hugh", "why today"),
    # a follow-up read as the whole question: the month so far for the staging account, as FRESH_11 and FRESH_46
    ("/top-resources", "ok and same thing but staging?", "this month account=staging"),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "how is divided the cost between the teams in last month? and how much stay without tag",
        "team last month",
    ),
    # no filter matches part of a value: the only stored usage type holding the writer's string is
    # `EU-DataTransfer-Out-Bytes`, as FRESH_6 and FRESH_41; the writer's region and days, both included; unblended as
    # the writer asked
    (
        "/cost",
        "daily unblended, usage type contains DataTransfer-Out, us-east-1, 1 Nov - 26 Nov",
        "2026-11-01..2026-11-26 usage-type=EU-DataTransfer-Out-Bytes region=us-east-1 daily unblended",
    ),
    # like for like: this quarter's complete days against the same stretch of Q3, as FRESH_2, FRESH_12 and FRESH_33;
    # the change and its percentage are in every comparison, rounded by hand
    ("/cost", 'are we spending more or less than last quarter? just need "up X%" or "down X%"', "this quarter"),
    # NOT SUPPORTED (the hour): the writer's nearest, RDS today against yesterday, the day compared with anyway, as
    # FRESH_9
    ("/cost", "rds cost last hr", "today service=rds"),
    # no NAT Gateway usage type in the vocabulary: EC2 by usage type, the NAT lines among them, as FRESH_46; the
    # writer's week before the merge against the week from it, the writer's order kept, as FRESH_46
    (
        "/cost",
        "did the nat gateway cost drop after I merged the vpc refactor on the 18th? compare week before vs week after",
        "2026-11-11..2026-11-17 vs 2026-11-18..2026-11-24 service=ec2 by usage-type",
    ),
    # a follow-up read as the whole question; NOT SUPPORTED (a single resource's tags): the writer's nearest, the list
    # again, the second resource's id, account, service and cost read off it; the earlier list's filters are not
    # known, none kept; no range known: this month, as FRESH_46
    ("/top-resources", "the 2nd one in that list, whats it tagged with? who created it", "this month"),
    # the complete days of November against the same days of September from its start; the one function is the
    # writer's suspicion, read off by hand
    (
        "/cost",
        "the lambda is more expensive now that in september? i think we have a problem with one function",
        "this month vs 2026-09 service=lambda",
    ),
    # no net amortized basis in the grammar: amortized, as FRESH_26 and FRESH_46; usage only: the usage class leaves
    # tax, fees and credits out, as FRESH_36 and FRESH_43
    (
        "/cost",
        "whats the net amortized for Nov so far, excl credits and tax, charge type Usage only",
        "this month amortized charge-class=usage",
    ),
    # no percentages in the grammar: each service's share of the total read off by hand, as FRESH_7 and FRESH_48
    ("/cost", "can you give me the top 5 services for 2026 so far, with a % of total for each", "ytd by service top 5"),
    # Europe as the writer meant it, CloudFront's EU edge usage type (not the region); the writer's days from the 20th
    # to today judged against the days before them, the anomaly engine's own baseline
    (
        "/cost",
        "cloudfrnt spike?? eu",
        "anomalies 2026-11-20..2026-11-27 service=cloudfront usage-type=EU-DataTransfer-Out-Bytes",
    ),
    # the writer's days from the 9th to yesterday, by day; the same number of days just before the 9th is the period
    # compared with anyway, the writer's baseline of 1-8 Nov left out, as FRESH_47
    (
        "/cost",
        "how much is KMS costing us per day since I added the per-tenant keys (tf apply went out Nov 9)",
        "2026-11-09..2026-11-26 service=kms daily",
    ),
    # a follow-up read as the whole question: October's total with its tax line apart by charge class, the total
    # without tax that total less that line, as FRESH_43
    ("/cost", "hm that number seems too low, does it include tax?", "2026-10 by charge-class"),
    # the buckets are the S3 resources; the data-lake account; no range typed: this month, as the writer read it, as
    # FRESH_49
    (
        "/top-resources",
        "which are the buckets more expensive of the data-lake? I need to know for to clean",
        "this month service=s3 account=data-lake",
    ),
    # a tag breakdown by the project key; /tags takes no basis: the split on the bot's own basis, the writer's basis
    # left out; the untagged share and its percentage are part of every breakdown
    ("/tags", "project tag coverage MTD, what % of spend is untagged, amortized", "project this month"),
    # the month-end forecast against October, as FRESH_4, FRESH_40 and FRESH_43
    ("/cost", "where will November end up? and is that more than October", "forecast 2026-11"),
    # the writer's most recent period, today, as FRESH_40 and FRESH_46; the production account, as the writer meant
    # it; the instances are EC2's
    ("/top-resources", "top ec2 prod rn", "today service=ec2 account=production"),
    # a filtered tag breakdown; the staging account; this week from Monday to today; the untagged share is part of
    # every breakdown
    (
        "/tags",
        "spend by aws:createdBy in staging this week, trying to find who's spinning stuff up outside terraform",
        "aws:createdBy account=staging this week",
    ),
    # a follow-up read as the whole question: November so far by region, as FRESH_46
    ("/cost", "can u break those down by region", "this month by region"),
    # Thanksgiving against the same weekday a week earlier, as FRESH_39 and FRESH_46
    (
        "/cost",
        "yesterday was feriado in US, the cost was lower? compare with the thursday before please",
        "2026-11-26 vs 2026-11-19",
    ),
    # the Savings Plans fees are the commitment fees, as FRESH_42 and FRESH_46; the writer's order kept; unblended as
    # the writer asked
    (
        "/cost",
        "SP fee on the 1st, how much was the Savings Plans recurring fee on 2026-11-01 vs 2026-10-01",
        "2026-11-01 vs 2026-10-01 charge-class=recurring,one-time unblended",
    ),
    # last Black Friday is 2025-11-28, as FRESH_13; the writer's order kept, as FRESH_48; today's partial day is
    # marked so; the Thursday check is a question of its own
    ("/cost", "Black Friday last year vs today - how do costs compare? ballpark is fine", "2025-11-28 vs 2026-11-27"),
    # NOT SUPPORTED (throttling): the writer's nearest, DynamoDB by day over the two whole days before today; the two
    # days before are the period compared with anyway
    ("/cost", "dynamo thrttling = more $$? last 2 days", "last 2 days service=dynamodb daily"),
    # all three accounts are every account anyway; the writer's days from the 1st to today
    (
        "/top-resources",
        "list the priciest rds instances across all 3 accounts since nov 1, I'm pretty sure the old aurora cluster "
        "from the pre-refactor stack is still up",
        "since 2026-11-01 service=rds",
    ),
    # a follow-up read as the whole question; the day before is the day the 17th is compared with anyway, as FRESH_15
    # and FRESH_34 (a why compares spans as they are); what drove it by service, account and usage type among the
    # causes
    ("/cost", "wait, why did it jump on the 17th?", "why 2026-11-17"),
    # this week from Monday to today; dev and prod among the values listed, the untagged share part of every breakdown
    ("/tags", "the env dev is spending how much compared with prod? in this week", "env this week"),
    # the thirty whole days before today by the grammar's rule, as the writer counted; the data-lake account by its id
    (
        "/cost",
        "Glue cost by usage type, linked acct 333344445555, last 30 days, daily granularity",
        "last 30 days service=glue account=data-lake by usage-type daily",
    ),
    # the same days of last year are the comparison every answer makes anyway, as FRESH_49; NOT SUPPORTED (history
    # older than the store keeps): the answer says where last year has no data
    ("/cost", "How much did we spend on AWS in total this year vs last year? Same period please, Jan to now", "ytd"),
    # a filtered tag breakdown; today's partial day; the untagged share is part of every breakdown
    ("/tags", "whos team is the ec2 spike from today", "team service=ec2 today"),
    # the fourteen whole days before today by the grammar's rule, as the writer counted; the staging account; the
    # writer's split by service
    (
        "/cost",
        "eks control plane + the worker ec2s for staging, daily, last 14 days. want to see if the old cluster is "
        "still billing",
        "last 14 days service=eks,ec2 account=staging daily by service",
    ),
    # a follow-up read as the whole question; a breakdown by account is not something /tags answers (it lists a tag
    # key's values): refused naming the word, with the /cost question it offers, as FRESH_36
    ("/tags", "and that untagged chunk, which accounts is it in", "!account"),
    # the six whole weeks before this one, Monday to Sunday, as the writer counted; the writer's optional partial week
    # left out
    (
        "/cost",
        "I need to know if the costs of eu-west-1 are growing each week, can you show me the last 6 weeks?",
        "last 6 weeks region=eu-west-1 weekly",
    ),
    # credits only by charge class, by month, each service apart
    (
        "/cost",
        "show me credits applied YTD by month, and which services they were applied against",
        "ytd charge-class=credit monthly by service",
    ),
    # last week's same days are the period this week is compared with anyway, as FRESH_20 and FRESH_45; the rounding
    # done by hand
    (
        "/cost",
        "One-liner for the all-hands: how much did Black Friday week cost us so far compared with a normal week?",
        "this week",
    ),
    # the functions are the Lambda resources; today's partial day
    ("/top-resources", "wich lambda is eating $ today", "today service=lambda"),
    # the writer's days from the 13th to today, by day, each service apart
    (
        "/cost",
        "is anything still being billed in us-west-2? we moved everything out of there with the refactor ~2 wks ago, "
        "should be ~0 since the 13th",
        "since 2026-11-13 region=us-west-2 daily by service",
    ),
    # a follow-up read as the whole question: October's split by service, as FRESH_43
    ("/cost", "can you do the same for last month so i can compare", "last month by service"),
    # NOT SUPPORTED (December): the forecast is for the month in progress, the writer's nearest, as FRESH_48 and
    # FRESH_49; the planning is the writer's context, not a budget question
    (
        "/cost",
        "good morning! the forecast for december is how much? we need to plan the budget with the gerente",
        "forecast 2026-11",
    ),
    # the instances are EC2's; the production account, as the writer named it; the last whole week, Monday 16 to
    # Sunday 22
    (
        "/top-resources",
        "top 10 resource IDs by amortized cost, EC2-Instances, linked account prod, last full week",
        "10 last week service=ec2 account=production amortized",
    ),
    # no range typed: the writer's latest full month; the values are listed in every breakdown with their shares, the
    # untagged share among them
    (
        "/tags",
        "What % of our cloud cost goes to the checkout project vs search? Need it for the slide",
        "project 2026-10",
    ),
    # the day judged against the days before it, as the anomaly engine does, as FRESH_25 and FRESH_46
    ("/cost", "is ap-se-2 normal today", "anomalies today region=ap-southeast-2"),
    # a filtered tag breakdown; the data-lake account; the untagged share is part of every breakdown; the old module
    # is the writer's guess
    (
        "/tags",
        "env split for the data-lake account, MTD. pretty sure half of it is untagged bc the glue jobs came from the "
        "old module",
        "env account=data-lake this month",
    ),
    # a follow-up read as the whole question: every answer names its basis; October's total as it is, on the bot's
    # basis, as FRESH_49
    ("/cost", "thx. is that amortized or unblended? finance wants the one that matches the invoice", "2026-10"),
    # like for like: the complete days of November against the same days of October, as FRESH_44 and FRESH_45; the
    # accounts, regions and usage types that moved are among the causes
    (
        "/cost",
        "why the bill of S3 growed so much from october to november? nobody change nothing",
        "why this month service=s3",
    ),
    # yesterday against its average day over the writer's thirty days before it, as FRESH_44 and FRESH_49
    ("/cost", "total spend yday vs avg", "average yesterday vs 2026-10-27..2026-11-25"),
)

FRESH_51_FIRST_SIGHT = (24, 11, 15)

FRESH_51: tuple[tuple[str, str, str], ...] = (
    # the production account by its id; the last whole week, Monday 16 to Sunday 22, as the writer counted
    (
        "/cost",
        "Hi team, kindly share the EC2 spend for prod acct 123456789012 for last week, region wise. Need it for ops "
        "review, pls do the needful",
        "last week service=ec2 account=production by region",
    ),
    # a follow-up read as the whole question: EC2 in the staging account (by its id) last week by region; two
    # questions: the first kept (the account's total over every service is a question of its own)
    (
        "/cost",
        "same for staging acct also pls.. and what is overall total last week for 210987654321",
        "last week service=ec2 account=staging by region",
    ),
    # the writer's days from the 18th to yesterday, as FRESH_23's days onwards; the nine days before are the period
    # compared with anyway (the writer's earlier days were an example); the pasted figures are context
    (
        "/cost",
        "can u check why RDS cost has gone up from 18th nov onwards? PFB numbers from cost explorer - 18th: $412, "
        "19th: $455, 20th: $498. Revert asap",
        "why 2026-11-18..2026-11-26 service=rds",
    ),
    (
        "/top-resources",
        "kindly give top 10 costliest ec2 instances in us-east-1 this month till date",
        "10 this month service=ec2 region=us-east-1",
    ),
    # the untagged share is part of every breakdown
    ("/tags", "what is the untagged spend for team tag in Oct? we need to chase the owners before EOM", "team 2026-10"),
    # the content delivery network is CloudFront, beside data transfer, as the writer meant it; the last 7 days by the
    # grammar's rule, as the writer counted; Tuesday read off the unusual days
    (
        "/cost",
        "Kindly confirm whether any unusual spike in data transfer cost in last 7 days, we had CDN config change on "
        "tuesday",
        "anomalies last 7 days service=data-transfer,cloudfront",
    ),
    # the forecast against October, as FRESH_4 and FRESH_40; the production account, as the writer named it
    (
        "/cost",
        "hi, can we prepone monthly cost review to today - need forecast for nov month end for production account, "
        "will it cross Oct figure?",
        "forecast 2026-11 account=production",
    ),
    # the data-lake account by its id; the buckets are the S3 resources
    (
        "/top-resources",
        "pls share which s3 buckets are costing most in data-lake account (333344445555), top 5 is fine, for last "
        "month",
        "5 last month service=s3 account=data-lake",
    ),
    # no spot usage type in the vocabulary: EC2 by usage type, the spot lines among them, as FRESH_8 and FRESH_15;
    # this week from Monday to today; NOT SUPPORTED (whose usage): all of it, the writer's nearest
    (
        "/cost",
        "how much did spot cost me this week? ran a bunch of training jobs mon-wed in us-west-2",
        "this week service=ec2 region=us-west-2 by usage-type",
    ),
    # no GPU instance types in the vocabulary: the EC2 instances, the GPU ones among them, as FRESH_8; both tag values
    # the writer named
    (
        "/top-resources",
        "which of my gpu boxes were the most expensive last week?? they're tagged team=data env=dev",
        "last week service=ec2 tag:team=data tag:env=dev",
    ),
    # a filtered tag breakdown; the data-lake account; prod and dev among the values listed, the untagged share part
    # of every breakdown
    (
        "/tags",
        "how much of the data lake acct is env=dev vs prod last month? pretty sure all my experiments r dev",
        "env account=data-lake last month",
    ),
    # a filtered tag breakdown; the data-lake account; checkout and search among the values listed, the untagged share
    # part of every breakdown
    (
        "/tags",
        "whats the breakdown by project for the data lake account in november so far, trying to see how much is "
        "actually my stuff vs checkout/search",
        "project account=data-lake this month",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_47 and FRESH_49; each service its own series, as the writer asked
    (
        "/cost",
        "glue + s3 costs per day for last 2 wks pls, i think my feature pipeline is re-running every hour by accident",
        "last 2 weeks service=glue,s3 daily by service",
    ),
    # the budget's amount is named: the month-end forecast with the month so far, held against the writer's amount by
    # hand, as FRESH_39's budget of 180k (a budget named without an amount is refused)
    (
        "/cost",
        "my experiment budget is $3k for the month, am I going to blow past it? project=data, env=dev",
        "forecast 2026-11 tag:project=data tag:env=dev",
    ),
    # NOT SUPPORTED (interruptions of spot capacity): no spot usage type in the vocabulary, EC2 by usage type, the
    # spot and on-demand lines among them, as FRESH_15; Thursday's cost against the average day of the week before it,
    # as FRESH_49's average against the days before
    (
        "/cost",
        "did the spot interruption thing on thursday cost us more? like did stuff fall back to on-demand. compare thu "
        "vs avg of the days before",
        "average 2026-11-26 vs 2026-11-19..2026-11-25 service=ec2 by usage-type",
    ),
    # the tables are the DynamoDB resources; the last 30 days by the grammar's rule, as the writer counted; the
    # feature store's table read off by hand
    (
        "/top-resources",
        "top dynamodb tables by cost past 30 days - someone said my feature store table is huge",
        "last 30 days service=dynamodb",
    ),
    # the writer's month-first date is 12 November; from that day to today; the writer's optional per-day view left
    # out
    (
        "/cost",
        "how much have we spent on ec2 in ap-southeast-2 since i started the hyperparam sweep on 11/12?",
        "since 2026-11-12 service=ec2 region=ap-southeast-2",
    ),
    # the staging account by its id; both days included
    (
        "/cost",
        "Please give me the Costs for the Account 210987654321 from 01.11. until 26.11., broken down by Service.",
        "2026-11-01..2026-11-26 account=staging by service",
    ),
    # ISO week 47, Monday 16 to Sunday 22 November
    (
        "/cost",
        "How high were the KMS Costs in eu-west-1 in Calendar Week 47?",
        "2026-11-16..2026-11-22 service=kms region=eu-west-1",
    ),
    # October whole and November so far side by side by month, a range holding today carrying the month-end forecast
    # line, as FRESH_48; the production account
    (
        "/cost",
        "Comparison please: EKS Costs October vs. November (until today), for the Production Account. The November "
        "Value is of course not complete, maybe you can also give the Forecast.",
        "2026-10..2026-11 service=eks account=production monthly",
    ),
    # the last full quarter, July to September; the untagged share is part of every breakdown
    (
        "/tags",
        'How is the Distribution of the Costs over the Tag "env" in the last Quarter? Is there a large untagged Part?',
        "env last quarter",
    ),
    # the day before is the day the 24th is compared with anyway; the dashboard figure is context
    (
        "/cost",
        "Why were the Costs on 24.11. so much higher than on 23.11.? I see in the Dashboard approx. 30% more.",
        "why 2026-11-24",
    ),
    # the functions are the Lambda resources; from 1 October to today
    (
        "/top-resources",
        "Which Lambda Functions have caused the highest Costs since 01.10.? Top 5, please.",
        "5 since 2026-10-01 service=lambda",
    ),
    # the 14 whole days before today by the grammar's rule, as the writer counted
    ("/cost", "Are there in the last 14 Days Days with unusual Costs for SQS?", "anomalies last 14 days service=sqs"),
    # a filtered tag breakdown; ISO week 48, Monday 23 to Sunday 29, the data so far; the staging account; the
    # untagged share is part of every breakdown
    (
        "/tags",
        "Please the Split after the Tag aws:createdBy for the Staging-Account in KW 48, as far as available.",
        "aws:createdBy account=staging 2026-11-23..2026-11-29",
    ),
    # the total as it is holds tax and credits, as FRESH_45; each account and their total, as the writer asked; the
    # invoice figure held against it by hand
    (
        "/cost",
        "Hi! Matching the October invoice - whats the total for all 3 accounts for October incl tax and credits? "
        "Invoice says $184,392.17",
        "2026-10 by account",
    ),
    # usage, fees, credits and tax by charge class, as FRESH_24 and FRESH_46
    (
        "/cost",
        "Can you break down October by charge type? Need usage, fees, credits, and tax seperately",
        "2026-10 by charge-class",
    ),
    # the charge classes of the day apart, the Savings Plan fee and the tax among them, as FRESH_47 and FRESH_49
    (
        "/cost",
        "what was the tax amount on the November 1 charges? the Savings Plan fee line",
        "2026-11-01 by charge-class",
    ),
    # the credits only, by month, July to September; the writer's optional split by service or account left out
    (
        "/cost",
        "sorry another one - credits applied in Q3 per month? July Aug Sept. Finance is asking where the promo "
        "credits went",
        "2026-q3 charge-class=credit monthly",
    ),
    # the data-lake account; tax as its own line beside the rest by charge class, the total before tax the total less
    # that line, as FRESH_40; the invoice figure held against it by hand
    (
        "/cost",
        "Hello, for the data-lake account please, October total before tax. I have $41,208.55 on the invoice for that "
        "linked account but I think that figure includes tax",
        "2026-10 account=data-lake by charge-class",
    ),
    # web, api, data and Platform are among the values listed; the untagged share is part of every breakdown
    (
        "/tags",
        "need October cost by team for the chargeback journal entries, web / api / data / Platform and whatever is "
        "untagged",
        "team 2026-10",
    ),
    # NOT SUPPORTED (purchase order and invoice references): the writer's nearest, the staging account's last invoiced
    # month, as FRESH_8's invoice number
    ("/cost", "Is there a PO number or invoice ID for the staging account bill?", "2026-10 account=staging"),
    # the writer's day-first dates, 1 October and 1 November, the writer's order kept, as FRESH_42; the RI fees are
    # the commitment fees, split by usage type, where the upfront and recurring fee lines are apart
    (
        "/cost",
        "whats the amount for the RI fees on 1/10 vs 1/11? trying to see why the upfront line changed",
        "2026-10-01 vs 2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    # tax is its own service, Tax, left out; the year so far by month, November partial; all accounts is every account
    # anyway
    (
        "/cost",
        "total spend year to date for all accounts, by month, excl tax, need it for the accrual",
        "ytd service!=tax monthly",
    ),
    # the content delivery network for the images is CloudFront, with the data transfer out beside it, as the writer
    # meant it; no range typed: this month, as the writer read it
    (
        "/cost",
        "how much does it cost us to send all the product images to the app? like the image CDN thing",
        "this month service=cloudfront,data-transfer",
    ),
    # last Black Friday is 2025-11-28, as FRESH_13; today's partial day is marked so in the answer; the traffic is
    # context
    (
        "/cost",
        "how much did black friday cost us vs last years black friday? app traffic is like 3x",
        "2026-11-27 vs 2025-11-28",
    ),
    # checkout and search are among the values listed; the untagged share is part of every breakdown
    ("/tags", "how much are we spending on checkout vs search this month?", "project this month"),
    # NOT SUPPORTED (orders): the writer's nearest, the checkout project's month so far, to divide by hand, as
    # FRESH_40
    ("/cost", "what does the checkout flow cost per order?", "this month tag:project=checkout"),
    # NOT SUPPORTED (which resources serve the app): the writer's nearest, the api team's prod resources; the present
    # read as the writer read it, the last 7 complete days
    (
        "/top-resources",
        "what are the most expensive things running the app backend right now? the servers the app talks to",
        "last 7 days tag:team=api tag:env=prod",
    ),
    # no notification service on the bill: the writer's nearest, Lambda and SQS; the writer's days from the 16th to
    # yesterday, the eleven days before being the period compared with anyway
    (
        "/cost",
        "did the push notification thing get more expensive since we launched the holiday campaign on Nov 16?",
        "2026-11-16..2026-11-26 service=lambda,sqs",
    ),
    # the month so far against the same days of October, with the month-end forecast line, as FRESH_45
    (
        "/cost",
        "quick one for the exec deck - whats our total AWS spend this month and is it going up or down vs last month?",
        "forecast 2026-11",
    ),
    # NOT SUPPORTED (where data lives): the writer's nearest, the storage and database services by service; no range
    # typed: this month, as the writer read it
    (
        "/cost",
        "where is all the customer data stored and how much does that cost? like order history, user profiles",
        "this month service=s3,rds,dynamodb by service",
    ),
    # two questions: the first kept (the month-end forecast is a question of its own); this week from Monday to today
    (
        "/cost",
        "ok so what happened this week, anything weird? also are we on track for the month or not",
        "anomalies this week",
    ),
    # the week before is the period last week is compared with anyway; what drove the change among the causes, as
    # FRESH_48
    (
        "/cost",
        "need numbers for monday's meeting - api team spend last week vs week before, and whatevers driving it if it "
        "went up. thx",
        "why last week tag:team=api",
    ),
    # the staging account; no range typed: this month, as the writer read it; NOT SUPPORTED (utilisation): the ranking
    # by cost, the writer's nearest
    (
        "/top-resources",
        "whats the biggest thing eating money in staging. and is any of it just sitting there idle",
        "this month account=staging",
    ),
    # Platform among the values listed, the untagged share part of every breakdown; no range typed: this month, as the
    # writer read it; NOT SUPPORTED (whose untagged spend)
    (
        "/tags",
        "how much of platform's spend is actually tagged properly? i feel like half of it isnt",
        "team this month",
    ),
    # two questions: the first kept (the us-west-2 weekend is a question of its own); no range typed: the writer's 14
    # days to yesterday, by day
    (
        "/cost",
        "eks... is it still going up? and did someone leave something on in us-west-2 over the weekend",
        "2026-11-13..2026-11-26 service=eks daily",
    ),
    # October whole and November so far side by side by month, a range holding today carrying the month-end forecast
    # line, as FRESH_48
    (
        "/cost",
        "can u just give me the dev env cost for nov so far and what itll end at, and remind me what it was in oct",
        "2026-10..2026-11 tag:env=dev monthly",
    ),
    # the production account, as the writer meant it
    (
        "/top-resources",
        "rds instances by cost this month, prod only. need to know which one to downsize first",
        "this month service=rds account=production",
    ),
    # the last 3 months by the grammar's rule, the three full months before this one (the writer counted November in),
    # as FRESH_42 and FRESH_48; two questions: the first kept, NOT SUPPORTED (the alert configuration)
    (
        "/cost",
        "web team cloudfront + s3 last 3 months, monthly. and is the budget alert thing still set up?",
        "last 3 months service=cloudfront,s3 tag:team=web monthly",
    ),
)

FRESH_52_FIRST_SIGHT = (20, 11, 19)

FRESH_52: tuple[tuple[str, str, str], ...] = (
    (
        "/cost",
        "hello, how much we are spending with lambda in this month? actually is very high or is normal?",
        "this month service=lambda",
    ),
    # the day before is the day yesterday is compared with anyway, as FRESH_40 and FRESH_43
    ("/cost", "ec2 spend yesterday vs day befor", "yesterday service=ec2"),
    # tax and credits left out by charge class, as FRESH_11 and FRESH_46
    (
        "/cost",
        "Amortized cost MTD grouped by linked account pls, exclude credits + tax",
        "this month by account amortized charge-class!=tax,credit",
    ),
    # the year so far; the rounding is done by hand
    ("/cost", "whats our total AWS spend so far this year? a round number is fine, its going on a slide", "ytd"),
    # the instances are EC2's; the staging account, as the writer meant it; NOT SUPPORTED (Terraform state): the
    # writer's
    # nearest, the instances ranked by cost
    (
        "/top-resources",
        "which ec2 instances in staging cost the most last week? pretty sure some of the old ASG nodes didnt get "
        "destroyed when I moved them into the new module",
        "last week service=ec2 account=staging",
    ),
    # a follow-up read as the whole question: last week's EC2 for the staging account, as FRESH_11
    ("/cost", "ok nice. and the same thing for staging?", "last week service=ec2 account=staging"),
    # yesterday is the day today is compared with anyway, as FRESH_36 and FRESH_40
    ("/cost", "why bill up today??", "why today"),
    # data is among the values listed; the untagged share is part of every breakdown
    (
        "/tags",
        "how is divided the cost by team in last month? i need to know specially how much is for team data",
        "team last month",
    ),
    # two bases side by side have no canonical form: one basis at a time, as FRESH_4, FRESH_24 and FRESH_46
    (
        "/cost",
        "unblended vs amortized for October — whats the delta? trying to see how much of the 10/1 SP/RI fees gets "
        "spread out",
        "!unblended",
    ),
    # like for like: the complete days of November against the same days of October, as FRESH_44 and FRESH_49
    (
        "/cost",
        "How is November looking compared to October so far? Just need a simple up or down and roughly by how much %",
        "this month",
    ),
    # this week's days from Monday to today, by day and by service, Glue among them; the data-lake account
    (
        "/cost",
        "did anything in data-lake keep charging after wed? tore down the glue crawlers + the dev jobs on 11/25 and "
        "want to make sure it actually stopped",
        "this week account=data-lake by service daily",
    ),
    # the present read as the writer read it, the month so far, as FRESH_48; the production account, as the writer
    # meant it
    ("/top-resources", "top 5 rds rn prod", "5 this month service=rds account=production"),
    # a follow-up read as the whole question: EC2's month so far split by region, as FRESH_11
    ("/cost", "can you break that down by region?", "this month service=ec2 by region"),
    # the month-end forecast; the holiday is the writer's context
    (
        "/cost",
        "we will finish the month in how much? i want the forecast, with the black friday i think will be more big "
        "than normal",
        "forecast 2026-11",
    ),
    # the 14 whole days before today by the grammar's rule, as the writer counted; unblended is the default basis; the
    # two usage types among the groups
    (
        "/cost",
        "Daily unblended EC2 by usage type, last 14 days? mostly curious BoxUsage vs DataTransfer-Out",
        "last 14 days service=ec2 by usage-type daily",
    ),
    # the quarter so far; the percentages are part of every breakdown, checkout and search among the values listed
    (
        "/tags",
        "for the all-hands: what share of our cloud spend this quarter went to checkout vs search? percentages would "
        "be perfect",
        "project this quarter",
    ),
    # a filtered tag breakdown; no range typed: this month, as the writer read it; the untagged share is part of every
    # breakdown
    (
        "/tags",
        "how much of eks has no team tag?? i think half the node groups lost their default_tags in the refactor",
        "team service=eks this month",
    ),
    # NOT SUPPORTED (a rolling window of hours): the whole days holding it, yesterday and today, as FRESH_41 and
    # FRESH_46
    ("/cost", "Cloud front cost last 24 hrs", "2026-11-26..2026-11-27 service=cloudfront"),
    # a follow-up whose list is not known, read on its own: the ranking this month, as FRESH_11; NOT SUPPORTED (owner):
    # the tags beside each resource have no canonical form, as FRESH_4, FRESH_10 and FRESH_12
    ("/top-resources", "who owns the second one?", "this month"),
    # June to November so far, by month; Portuguese words read as the English ones
    (
        "/cost",
        "o custo do S3... sorry, the S3 cost in eu-west-1 is growing every month? i want see since june",
        "since 2026-06-01 service=s3 region=eu-west-1 monthly",
    ),
    # the services ranked by their change against Q2, as FRESH_5 and FRESH_34; no net amortized basis in the grammar:
    # amortized, as FRESH_26 and FRESH_46
    ("/cost", "Q3 vs Q2 net amortized by service, top movers only", "increases 2026-q3 by service amortized"),
    # last Black Friday is 2025-11-28, as FRESH_13; the writer's order kept, today's partial day beside it
    (
        "/cost",
        "How much did we spend on Black Friday last year? Want to put this year right next to it",
        "2025-11-28 vs 2026-11-27",
    ),
    # no range typed: this month, as the writer read it; the bucket names read off by hand, as FRESH_40
    (
        "/top-resources",
        "biggest s3 buckets by cost in us-west-2 - looking for anything with tfstate or legacy in the name that "
        "should've been deleted",
        "this month service=s3 region=us-west-2",
    ),
    # NOT SUPPORTED (the hour): the whole days holding the night, yesterday and today, as FRESH_49; the days judged
    # against the days before them, as the anomaly engine does, as FRESH_46
    ("/cost", "dynamo spike?? paged at 2am", "anomalies 2026-11-26..2026-11-27 service=dynamodb"),
    # a follow-up read as the whole question: the month so far with the fees booked on the 1st as their own line by
    # charge class, as FRESH_43 and FRESH_45
    ("/cost", "hm that seems low, does it include the savings plan fee from the 1st?", "this month by charge-class"),
    # no range typed: like for like, the complete days of November against the same days of October, as FRESH_45; the
    # accounts, regions and usage types that moved are among the causes
    (
        "/cost",
        "someone knows why KMS is costing more then before? we didnt change nothing in the keys",
        "why this month service=kms",
    ),
    (
        "/cost",
        "total credits applied YTD and which linked accounts they landed on?",
        "ytd charge-class=credit by account",
    ),
    # October is the period November is compared with anyway (its same days, not all 31), as FRESH_7
    ("/cost", "Can I get one chart-ready number — avg daily spend Nov vs Oct?", "average this month"),
    # the 7 whole days before today by the grammar's rule, as the writer counted; the staging account; by day, as the
    # writer meant it
    (
        "/cost",
        "staging cost last 7 days by service. should be basically zero after I terraform destroyed the old vpc stack "
        "tuesday, want to confirm",
        "last 7 days account=staging by service daily",
    ),
    # the untagged share is part of every breakdown
    ("/tags", "env tag split this wk", "env this week"),
    # a follow-up read as the whole question: Black Friday week to each Friday, as FRESH_23 and FRESH_43
    ("/cost", "what about same week last year?", "2026-11-23..2026-11-27 vs 2025-11-24..2025-11-28"),
    # the functions are the Lambda resources; yesterday and today
    (
        "/top-resources",
        "what are the lambda functions more expensive? i think one of mine is in loop since yesterday",
        "since 2026-11-26 service=lambda",
    ),
    # usage, recurring fees, credits and tax are the charge classes, as FRESH_45
    (
        "/cost",
        "group by charge type for nov MTD — usage / recurring fee / credit / tax separately",
        "this month by charge-class",
    ),
    # the rounding is done by hand
    (
        "/cost",
        "what were our 3 biggest services last quarter and how much each (rounded pls)",
        "last quarter by service top 3",
    ),
    # a filtered tag breakdown; the staging account; the untagged share is part of every breakdown
    (
        "/tags",
        "aws:createdBy breakdown for staging this month, want to see if anything is still attributed to my old IAM "
        "user after the refactor",
        "aws:createdBy account=staging this month",
    ),
    # the day judged against the days before it, as the anomaly engine does, as FRESH_46; the traffic is not in the
    # bill, the services that moved are the nearest
    ("/cost", "is today weird or just bf traffic", "anomalies today"),
    # a follow-up read as the whole question: October split by project; the untagged share is part of every breakdown
    ("/tags", "and how much of those is untagged?", "project 2026-10"),
    # no inter-region usage type in the vocabulary: Data Transfer in the source region by usage type, the inter-region
    # lines among them, as FRESH_23 and FRESH_39
    (
        "/cost",
        "please, how much costed the data transfer between regions last week? mainly eu-west-1 to us-east-1",
        "last week service=data-transfer region=eu-west-1 by usage-type",
    ),
    # the writer's order kept, both kept, as FRESH_41; NOT SUPPORTED (RI expiry): the usage types of each month
    (
        "/cost",
        "RDS amortized by usage type, Sep vs Oct — did the RI expiry on 10/1 show up as on-demand InstanceUsage?",
        "2026-09 vs 2026-10 service=rds by usage-type amortized",
    ),
    # like for like: the quarter's complete days against the same days of Q3, the period compared with anyway
    (
        "/cost",
        "quick one - is Q4 tracking higher than Q3? want to say costs are flat/up/down on a slide",
        "this quarter",
    ),
    # the data-lake account; the tags beside each resource have no canonical form
    (
        "/top-resources",
        "top 10 most expensive things in the data-lake acct since nov 1 — anything without a team tag is probably "
        "mine from the old stack",
        "10 since 2026-11-01 account=data-lake",
    ),
    # no range typed: the latest complete day, as the writer read it, as FRESH_45
    ("/top-resources", "wich ec2 burning most $ usw2", "yesterday service=ec2 region=us-west-2"),
    # a follow-up read as the whole question: last week by day; the earlier answer's filters are not known, none kept,
    # as FRESH_46
    ("/cost", "can u show that day by day instead", "last week daily"),
    # a comparison is not something /tags answers (it lists costs only): refused naming the word, as FRESH_35 and
    # FRESH_43
    ("/tags", "team Platform is spending much more than web? compare for me october and november please", "!compare"),
    # the net basis; the service filter leaves the tax lines out, as FRESH_48; the data-lake account by its id; January
    # to November so far, by month
    (
        "/cost",
        "net unblended excl tax, linked acct 333344445555, Glue only, monthly granularity Jan→Nov",
        "ytd service=glue account=data-lake net monthly",
    ),
    # prod, dev and staging are among the values listed; the untagged share is part of every breakdown
    (
        "/tags",
        "Roughly what % of our spend is actually prod vs dev/staging environments? Looking for a one-liner for the "
        "all-hands, YTD is fine",
        "env ytd",
    ),
    # the writer's days from the 15th to today, by day
    (
        "/cost",
        "sqs cost went weird around the 18th, need daily numbers 15th to today. want to see if its when the dup "
        "queues from the module rename got created",
        "since 2026-11-15 service=sqs daily",
    ),
    # today so far against last Friday, as FRESH_12 and FRESH_37; the production account, as the writer meant it
    ("/cost", "prod spend Today so far vs last fri", "2026-11-27 vs 2026-11-20 account=production"),
    # a follow-up whose list is not known, read on its own: the ranking over the 30 whole days before today, the
    # writer's span; NOT SUPPORTED (one resource's history): read off by hand
    ("/top-resources", "the first one, how long has it been that expensive? is it new?", "last 30 days"),
    # tax is its own service, Tax
    (
        "/cost",
        'im new in the team, what is this "tax" line in the bill and how much it was in october?',
        "2026-10 service=tax",
    ),
)

FRESH_53_FIRST_SIGHT = (25, 11, 14)

FRESH_53: tuple[tuple[str, str, str], ...] = (
    # NOT SUPPORTED (the cost of two hires, no salary data): the writer's nearest, November's month-end
    # forecast, annualised by hand (times 12), as FRESH_28 and FRESH_31 scale a run rate by hand
    (
        "/cost",
        "whats our annualized run rate looking like off november? trying to figure out if infra is costing us more "
        "than 2 eng hires would",
        "forecast 2026-11",
    ),
    # the production account, as the writer named it; the week before is the period last week is compared with
    # anyway, as FRESH_36
    (
        "/cost",
        "Excuse me, I would like to know the DynamoDB cost of production account for last week. Is it increased "
        "compared with the week before?",
        "last week service=dynamodb account=production",
    ),
    # the production account, as the writer meant it
    ("/cost", "ec2 prod mtd", "this month service=ec2 account=production"),
    # the writer's 14 days before the 2nd against the 14 days from it, the writer's order kept, as FRESH_31's
    # two weeks before and after; the production account, as the writer meant it
    (
        "/cost",
        "did the graviton migraton actually move the needle? ec2 prod 2 wks before nov 2 vs 2 wks after",
        "2026-10-19..2026-11-01 vs 2026-11-02..2026-11-15 service=ec2 account=production",
    ),
    # the three accounts are every account anyway, each on its own line
    (
        "/cost",
        "Hi! Sarah needs the total AWS spend for October for the board pack, all 3 accounts, broken down by account "
        "if possible. Thank you!!",
        "2026-10 by account",
    ),
    # the project and env tag values, as the writer meant them; no range typed: the writer's latest full month,
    # as FRESH_36; the customer is the writer's context
    (
        "/cost",
        'how much does checkout cost us to run in prod? customer is asking about our "infrastructure investment" lol',
        "last month tag:project=checkout tag:env=prod",
    ),
    # Q2 is the period Q3 is compared with anyway (the change and its percentage are in every answer), as
    # FRESH_41 and FRESH_47; all accounts is every account anyway
    ("/cost", "Q3 vs Q2 total spend across all accounts? need the QoQ growth % for the planning doc", "2026-q3"),
    # the functions are the Lambda resources; the month so far
    (
        "/top-resources",
        "Please tell me which Lambda functions are most expensive in us-east-1 on this month.",
        "this month service=lambda region=us-east-1",
    ),
    # the same weekday a week earlier, as CORPUS and FRESH_44
    ("/cost", "cloudfront yday vs same day lw", "yesterday vs 2026-11-19 service=cloudfront"),
    # the staging account, as the writer meant it; from the 9th to today by day; the days just before the 9th are
    # the period compared with anyway, the writer's optional earlier days left out, as FRESH_47
    (
        "/cost",
        "staging ec2 per day since the nightly shutdown schedule went live on the 9th, should see nights/weekends drop",
        "since 2026-11-09 service=ec2 account=staging daily",
    ),
    # today so far against last Friday, the same weekday a week earlier, as FRESH_12, FRESH_43 and FRESH_45;
    # today's partial day is marked so in the answer
    (
        "/cost",
        "she wants to know how much today is costing us vs a normal friday (black friday so she's curious)",
        "2026-11-27 vs 2026-11-20",
    ),
    # the search project; the writer's days from Tuesday to yesterday, the same number of days just before them
    # being the period compared with anyway; the outage is the writer's context
    (
        "/cost",
        "has search gotten more expensive since the outage tuesday?",
        "2026-11-24..2026-11-26 tag:project=search",
    ),
    # NOT SUPPORTED (headcount): the writer's nearest, the team split in dollars; the untagged share is part of
    # every breakdown
    ("/tags", "spend by team for Q3 pls, want to see which team's infra cost per engineer is worst", "team 2026-q3"),
    # the writer's days from the 1st to yesterday, both included
    (
        "/cost",
        "How much is the data transfer fee of ap-southeast-2 region from 1st November until yesterday?",
        "2026-11-01..2026-11-26 service=data-transfer region=ap-southeast-2",
    ),
    ("/cost", "eks nov fcst?", "forecast 2026-11 service=eks"),
    # the staging account, as the writer meant it; no range typed: this month, as the writer read it; the
    # cleanup is the writer's context
    (
        "/top-resources",
        "what's still expensive in staging? looking for instances/volumes we missed in the cleanup",
        "this month account=staging",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_49 (the writer's nearest, the
    # month-end forecast, was not taken)
    (
        "/cost",
        "Mark asked me to check if we're on track to be under budget this month... he didn't give me the number, sorry",
        "!budget",
    ),
    # the staging account among the others, its share read off the breakdown, as FRESH_43; no range typed: the
    # writer's latest full month
    (
        "/cost",
        "how much of our monthly burn is acutally staging?? feels like we're paying for a second prod",
        "2026-10 by account",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "About env tag, how much cost is for each value in RDS in October? Also I want to know the cost which has no "
        "env tag.",
        "env service=rds 2026-10",
    ),
    # the RDS resources
    ("/top-resources", "top 5 rds $$ oct", "5 2026-10 service=rds"),
    # the writer's 14 days before the 12th against the 14 days from it, the writer's order kept, as FRESH_31's
    # two weeks before and after
    (
        "/cost",
        "we killed the old glue crawlers on 11/12 - glue spend before vs after pls",
        "2026-10-29..2026-11-11 vs 2026-11-12..2026-11-25 service=glue",
    ),
    # a filtered tag breakdown; prod, staging and dev among the values listed, the untagged share part of every
    # breakdown
    (
        "/tags",
        "for checkout, how much is prod vs the test environments (staging/dev) last week?",
        "env tag:project=checkout last week",
    ),
    # the same days of last year are the comparison the year so far makes anyway, as FRESH_49
    ("/cost", "for the board pack: YTD spend vs same period last year please (jan 1 to today)", "ytd"),
    # the budget is the writer's context: the month-end forecast, to hold against the 180k by hand, as FRESH_39
    (
        "/cost",
        "where does november land? we budgeted 180k for the month, are we gonna blow through it",
        "forecast 2026-11",
    ),
    # a filtered tag breakdown; the 30 whole days before today by the grammar's rule, as the writer counted; the
    # untagged share is part of every breakdown
    ("/tags", "createdBy split lambda 30d", "aws:createdBy service=lambda last 30 days"),
    # from the 10th to today by day, today's partial day among them
    (
        "/cost",
        "I changed SQS to long polling at 18th Nov. Could you show me the SQS cost of every day from 10th Nov to now, "
        "so I can confirm the effect?",
        "since 2026-11-10 service=sqs daily",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back
    # from today), as FRESH_32, FRESH_37 and FRESH_44
    (
        "/cost",
        "anythign look off in the last 2 weeks? wanna make sure none of our changes blew up something else",
        "anomalies last 2 weeks",
    ),
    # the search project; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "what are the most expensive things behind search? like the actual servers / database",
        "this month tag:project=search",
    ),
    # dates day first, both days included
    ("/cost", "total 01/11-26/11 by svc usw2", "2026-11-01..2026-11-26 region=us-west-2 by service"),
    # the production account, as the writer meant it; the line items are the resources; the quarter so far
    (
        "/top-resources",
        "10 biggest line items in prod this quarter so far, want to know what to go after first",
        "10 this quarter account=production",
    ),
    # the writer's last few days, the 23rd to yesterday; the same number of days just before them is the period
    # compared with anyway (the writer's week-long baseline was an example); the usage types that moved are among
    # the causes
    (
        "/cost",
        "Why the KMS cost became so high in data-lake account since few days? I did not change anything about the "
        "keys.",
        "why 2026-11-23..2026-11-26 service=kms account=data-lake",
    ),
    # the second half so far, July to today; the untagged share is part of every breakdown
    (
        "/tags",
        "Could I get spend by project for H2 so far? David wants one number per product for his slides",
        "project since 2026-07-01",
    ),
    # the day against the average day of the week before it, the writer's normal, as FRESH_44 and FRESH_49; the
    # slow page is context, not a filter
    (
        "/cost",
        "the checkout page was slow yesterday, did we spend more on checkout yesterday than usual?",
        "average 2026-11-26 vs 2026-11-19..2026-11-25 tag:project=checkout",
    ),
    # weeks run Monday to Sunday, from the Monday of the 5th to this week's partial one; the writer's optional
    # earlier weeks left out, as FRESH_47
    (
        "/cost",
        "S3 weekly since we put lifecycle rules in on oct 5. storage should be trending down",
        "since 2026-10-05 service=s3 weekly",
    ),
    # a filtered tag breakdown; the data-lake account; September and October as one span; the percentages are
    # part of every breakdown
    ("/tags", "team % dl acct sep+oct", "team account=data-lake 2026-09..2026-10"),
    # October with its tax line apart by charge class, the total holding it, as FRESH_43 and FRESH_49
    (
        "/cost",
        "Sorry for basic question. Tax is included in the total which this bot shows? And how much was tax in last "
        "month?",
        "2026-10 by charge-class",
    ),
    # September is the period October is compared with anyway
    (
        "/cost",
        "hi sorry to bother — she's asking why october was higher than september? a short explanation she can paste "
        "into an email would be perfect",
        "why 2026-10",
    ),
    # NOT SUPPORTED (next quarter): the forecast is for the month in progress; the writer's nearest, the three
    # months by month, November so far, a range holding today carrying the month-end forecast line, as FRESH_48
    (
        "/cost",
        "if growth keeps going like sep -> oct -> nov what's Q1 going to look like, roughly",
        "2026-09..2026-11 monthly",
    ),
    # the env tag value and the two projects, one total, as the writer meant them
    (
        "/cost",
        "how much did staging cost last week for checkout and search together",
        "last week tag:env=staging tag:project=checkout,search",
    ),
    # the buckets are the S3 resources; September and October as one span
    (
        "/top-resources",
        "I want to check the S3 buckets which are costing most in eu-west-1. Period is September and October.",
        "2026-09..2026-10 service=s3 region=eu-west-1",
    ),
    # week 46 is the period week 47 is compared with anyway; all accounts is every account anyway
    ("/cost", "wk47 vs wk46 all accts", "2026-w47"),
    # the untagged share and its percentage are part of every breakdown
    (
        "/tags",
        "how much is still untagged for project, MTD? the tagging sprint was supposed to fix this lol",
        "project this month",
    ),
    # the credits of the year so far by month, with their total, as FRESH_49
    (
        "/cost",
        "Jen needs a list of the credits we got this year for finance + the total",
        "ytd charge-class=credit monthly",
    ),
    # every region its own group, the US ones added by hand; no range typed: the writer's latest full month
    ("/cost", "does the app cost more in europe or in the US?", "2026-10 by region"),
    # the fees booked on the 1st are the commitment fees, as FRESH_42 and FRESH_46; the writer's order kept
    (
        "/cost",
        "the fees on the 1st, nov 1 vs oct 1? we dropped one SP commitment and want to see it landed",
        "2026-11-01 vs 2026-10-01 charge-class=recurring,one-time",
    ),
    # what each resource is is shown beside it
    (
        "/top-resources",
        "My VP would like the top 5 most expensive resources of last month and what they are, for a slide",
        "5 last month",
    ),
    # a total with credits subtracted is the total as it is (the default), as FRESH_5 and FRESH_43; November
    # partial
    (
        "/cost",
        "can I get total per month for every month this year, net of credits? just want to eyeball the trend",
        "ytd monthly",
    ),
    # a filtered tag breakdown; no range typed: this month, as the writer read it; the untagged share is part of
    # every breakdown
    (
        "/tags",
        "who is paying for search? which team does the search spend fall under",
        "team tag:project=search this month",
    ),
    # the tables are the DynamoDB resources; the 90 whole days before today by the grammar's rule, as the
    # writer counted; all accounts is every account anyway
    ("/top-resources", "dynamo tbls top 10 all accts 90d", "10 last 90 days service=dynamodb"),
    # the two services side by side with their total; the data-lake account
    ("/cost", "glue + kms datalake sept??", "2026-09 service=glue,kms account=data-lake by service"),
)

FRESH_54_FIRST_SIGHT = (29, 9, 12)

FRESH_54: tuple[tuple[str, str, str], ...] = (
    # the production account, as the writer meant it
    (
        "/cost",
        "hello, how much costs the EC2 on the month of october for the production account ?",
        "2026-10 service=ec2 account=production",
    ),
    # the seven days by the grammar's rule, the whole days before today, as the writer counted; the data-lake account
    (
        "/cost",
        "what did glue cost us in the data lake acct the last 7 days, daily pls",
        "last 7 days service=glue account=data-lake daily",
    ),
    # September is the period October is compared with anyway, each service's change and its percentage in the answer,
    # as
    # FRESH_3's month-over-month question by account; the slides are the writer's context
    (
        "/cost",
        "Need MoM for the variance deck - total Oct vs Sept, broken down by service please",
        "2026-10 by service",
    ),
    # a help request: the writer's nearest useful answer, the total this month, as FRESH_14
    ("/cost", "hi! just got added to this channel 👋 what kind of stuff can i ask you?", "this month"),
    # yesterday is the day today is compared with anyway, as FRESH_17; today's partial day is marked so in the answer
    ("/cost", "ec2 spend spikng?? whats today vs yestrday in us-east-1 URGENT", "today service=ec2 region=us-east-1"),
    # the values are listed in every breakdown (checkout and search among them), as FRESH_48; the untagged share is part
    # of every breakdown
    (
        "/tags",
        "how does the spend split between checkout and search this month? want to see it side by side",
        "project this month",
    ),
    # the last 3 months by the grammar's rule, the three full months before this one (the writer's alternative), as
    # FRESH_13 and FRESH_48; a split by month has no /tags form, left out
    ("/tags", "What is the repartition of the costs by team for the 3 last months ?", "team last 3 months"),
    # the buckets are the S3 resources; the data-lake account
    (
        "/top-resources",
        "biggest s3 buckets by cost in the data-lake account, last month",
        "last month service=s3 account=data-lake",
    ),
    # the instances are EC2's; the writer's most recent period, today, as FRESH_46; the production account, as the
    # writer
    # meant it
    ("/top-resources", "wich instances r costing the most rn in prod??", "today service=ec2 account=production"),
    # Q2 is the period Q3 is compared with anyway; what drove the change by service, as FRESH_34's week-over-week
    # question
    # by service
    ("/cost", "Q3 vs Q2 total spend, and which services drove the delta?", "why 2026-q3 by service"),
    # a budget with its amount: the month-end forecast, held against the writer's amount by hand, as FRESH_39 and the
    # doc's
    # rule for a budget named with its amount; all accounts is every account anyway
    (
        "/cost",
        "we budgeted $180k for November across all accounts, are we going to land over or under?",
        "forecast 2026-11",
    ),
    # a question about the bot's scope: every account the bot sees on its own line, as FRESH_49; no range typed: this
    # month
    ("/cost", "sorry dumb q - does this include staging or only prod?", "this month by account"),
    # the two projects side by side, their difference read off by hand
    (
        "/cost",
        "search vs checkout, which project cost more in October and by how much",
        "2026-10 tag:project=search,checkout by tag:project",
    ),
    # NOT SUPPORTED (hourly): the writer's nearest, Lambda by day over the week up to today, as FRESH_22's CloudFront by
    # the hour
    (
        "/cost",
        "lambda cost exploded since like 2am?? hourly breakdown pls",
        "2026-11-20..2026-11-27 service=lambda daily",
    ),
    # dates written day first, both days included
    (
        "/cost",
        "Can you give me the costs from the 16/11 to the 22/11, day per day please?",
        "2026-11-16..2026-11-22 daily",
    ),
    # data transfer out is the Data Transfer service, as FRESH_3; like for like: the complete days of November against
    # the same days of October, compared anyway
    (
        "/cost",
        "how much data transfer out of eu-west-1 so far this month vs same point last month?",
        "this month service=data-transfer region=eu-west-1",
    ),
    # no key named: every key listed, with its values; no range typed: this month
    ("/tags", "what tags are there? like what can i group by", "this month"),
    # last week by the grammar's rule, Monday 16 to Sunday 22
    (
        "/top-resources",
        "top 10 most expensive things tagged project=checkout last week",
        "10 last week tag:project=checkout",
    ),
    # yesterday is the day today is compared with anyway, as FRESH_17; the writer's guess at the services is no filter,
    # the services that moved are among the causes
    ("/cost", "why is the bill so high today, is it rds? dynamo??", "why today"),
    # the forecast is for the month, never the quarter: Q4 so far with this month's forecast line, as FRESH_23 and
    # FRESH_33
    ("/cost", "where does Q4 land at current run rate? need actual + forecast for the quarter", "forecast 2026-q4"),
    # the writer's month so far; the data-lake account
    (
        "/cost",
        "Hello, please what are the unusual days on november for the account data-lake ?",
        "anomalies 2026-11 account=data-lake",
    ),
    # a filtered tag breakdown; the data-lake account; the untagged share is part of every breakdown; no range typed:
    # this
    # month, as the writer read it
    ("/tags", "data lake spend by env - how much of it is untagged??", "env account=data-lake this month"),
    ("/cost", "how much did we spend yesterday", "yesterday"),
    # the two teams side by side; no range typed: this month, as the writer read it; NOT SUPPORTED (the move the writer
    # is
    # weighing): the current comparison, the writer's nearest
    (
        "/cost",
        "is the api team more expensive than web? thinking about moving search onto api's cluster",
        "this month tag:team=api,web by tag:team",
    ),
    # the tables are the DynamoDB resources; today's partial day
    ("/top-resources", "dynamo tables most expensive today pls quick", "today service=dynamodb"),
    # the Savings Plan and RI fees are the commitment fees, usage left out; each plan and reservation apart by usage
    # type, as FRESH_39 and FRESH_45
    (
        "/cost",
        "what were the savings plan and RI fees on Nov 1? need them separate from usage",
        "2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    # the year so far by month, November partial
    (
        "/cost",
        "Which is the evolution of the KMS since the beginning of the year? Per month please",
        "ytd service=kms monthly",
    ),
    # the writer's week before the change against the week after, the writer's order kept, as FRESH_35 and FRESH_46;
    # the data-lake account, as the writer meant it
    (
        "/cost",
        "did the glue job rewrite we shipped on the 17th actually bring costs down? week before vs week after",
        "2026-11-10..2026-11-16 vs 2026-11-17..2026-11-23 service=glue account=data-lake",
    ),
    # a help request about the command: the writer's example, the top resources this month, as FRESH_14
    ("/top-resources", "what does this one do exactly?", "this month"),
    # three days by the grammar's rule would leave out Black Friday, today, which the writer wants to see: the writer's
    # days to today, as FRESH_45; NOT SUPPORTED (the cause): the days before are compared with anyway
    (
        "/cost",
        "cloudfront cost last 3 days daily - is it BF traffic or smth broken",
        "2026-11-25..2026-11-27 service=cloudfront daily",
    ),
    # last Black Friday is 2025-11-28; the writer's order kept, as FRESH_19; today's partial day is marked so
    (
        "/cost",
        "how much did checkout cost on black friday last year vs today so far",
        "2025-11-28 vs 2026-11-27 tag:project=checkout",
    ),
    # tax and credits left out by charge class, usage and fees kept, as FRESH_46; the year so far by month, November
    # partial
    (
        "/cost",
        "pls give me the total for each month of 2026 excluding tax and credits",
        "ytd charge-class!=tax,credit monthly",
    ),
    # ISO week 47, Monday 16 to Sunday 22 November, as FRESH_44
    (
        "/top-resources",
        "what are the 5 resources the more expensive in eu-west-1 for the week 47 ?",
        "5 2026-11-16..2026-11-22 region=eu-west-1",
    ),
    # storage, requests and transfer are S3 usage types, as FRESH_13; the data-lake account
    (
        "/cost",
        "S3 costs broken down by usage type? like storage vs requests vs transfer, data lake acct, october",
        "2026-10 service=s3 account=data-lake by usage-type",
    ),
    # this week from Monday to today, by day, the writer's ideal; the staging account, as the writer meant it
    (
        "/cost",
        "staging acct costs look weird, eks nodes left running?? how much EKS in staging this wk",
        "this week service=eks account=staging daily",
    ),
    # the credits by charge class; what credits are is said in the answer; no range typed: this month, as the writer
    # read
    # it
    ("/cost", 'what does "credits" mean on the bill and how much did we get?', "this month charge-class=credit"),
    # the untagged share is part of every breakdown, Platform among the values listed
    (
        "/tags",
        "team breakdown for last month - I need to know if Platform is the one eating the budget",
        "team last month",
    ),
    # the same days of last year are the comparison every answer makes anyway, as CORPUS and FRESH_49
    ("/cost", "how does YTD compare to the same period last year? by account pls", "ytd by account"),
    ("/cost", "Is it possible to have the forecast of the end of month for the RDS ?", "forecast 2026-11 service=rds"),
    # today's cost against the average day of last week, as FRESH_24's spike against last week's average
    (
        "/cost",
        "sqs costs ?? something is looping, compare today w/ avg of last week",
        "average 2026-11-27 vs 2026-11-16..2026-11-22 service=sqs",
    ),
    # the jobs and crawlers are the Glue resources; the month so far; no account named
    ("/top-resources", "which glue jobs/crawlers burned the most in nov so far", "this month service=glue"),
    # run rate is the forecast, as FRESH_30; NOT SUPPORTED (the decision about the feature): the project's spend, the
    # writer's nearest
    (
        "/cost",
        "what's the monthly run rate of the search project? trying to decide if we kill the new search feature",
        "forecast 2026-11 tag:project=search",
    ),
    # the function by its name as its resource id, as FRESH_30 and FRESH_42; no range typed: this month, as the writer
    # read it
    (
        "/cost",
        "how much does my lambda cost? its called order-webhook-handler",
        "this month service=lambda resource=order-webhook-handler",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_49 (the writer's nearest, October by
    # service, was not taken)
    ("/cost", "Variance vs budget by service for Oct - budget file is in the FP&A sharepoint", "!budget"),
    # the untagged share is part of every breakdown
    ("/tags", "how much is not tagged with the tag project on the month of september ?", "project 2026-09"),
    # daily data: the whole days holding the last 24 hours, yesterday and today, as FRESH_46; the production account;
    # NOT SUPPORTED (utilisation): the ranking by cost
    (
        "/top-resources",
        "top rds instances last 24h prod acct, db cpu pegged need to know which one",
        "2026-11-26..2026-11-27 service=rds account=production",
    ),
    # the two regions side by side
    (
        "/cost",
        "data transfer in ap-southeast-2 vs us-west-2 for last month?",
        "last month service=data-transfer region=ap-southeast-2,us-west-2 by region",
    ),
    # a filtered tag breakdown; prod, dev and staging among the values listed, the untagged share part of every
    # breakdown;
    # no range typed: this month, as the writer read it
    ("/tags", "for checkout, how much is actually prod vs dev/staging?", "env tag:project=checkout this month"),
    # the creator tag; the untagged share is part of every breakdown; no range typed: this month
    ("/tags", "who created most of the stuff? is there like a createdBy tag or smth", "aws:createdBy this month"),
    # the week before is the period compared with anyway, as CORPUS
    ("/cost", "Good morning, what is the total of the week last compared to the week before ?", "last week"),
)

FRESH_55_FIRST_SIGHT = (26, 7, 17)

FRESH_55: tuple[tuple[str, str, str], ...] = (
    # like for like: the complete days of November against the same days of October, the period compared with anyway, as
    # FRESH_44 and FRESH_45; the change and its direction are in every answer
    (
        "/cost",
        "how much we are spending in eks this month vs the last one? i think is going up no?",
        "this month service=eks",
    ),
    # usage only: the usage class leaves the commitment fees of the 1st, tax and credits out, as FRESH_36 and FRESH_43;
    # the month so far by account with its month-end forecast line, as FRESH_27's accrual by account
    (
        "/cost",
        "Need Nov accrual by account - MTD actuals thru 11/26 + run rate to 11/30 pls. usage only, exclude the SP/RI "
        "fees from the 1st and tax",
        "forecast 2026-11 charge-class=usage by account",
    ),
    # the instances are EC2's; the staging account by its id; the month so far
    (
        "/top-resources",
        "which are the instances more expensives in the staging acount (210987654321) this month",
        "this month service=ec2 account=staging",
    ),
    # NOT SUPPORTED (instance families): no GPU usage types in the vocabulary, EC2 in the region this week by usage
    # type, the GPU lines among them, as FRESH_47 (and FRESH_51's spot lines); this week from Monday to today
    (
        "/cost",
        "how much are the gpu boxes costing us this week? the p4d/g5 stuff in us-west-2",
        "this week service=ec2 region=us-west-2 by usage-type",
    ),
    # the 90 whole days before today by the grammar's rule, as the writer counted; each service and account apart, as
    # the writer asked; a zero total is the answer
    (
        "/cost",
        "any spend in ap-southeast-2 at all?? we dont run anything there afaik. last 90 days",
        "last 90 days region=ap-southeast-2 by service, account",
    ),
    # all accounts, services and charges is the total as it is
    (
        "/cost",
        "Hi! Sorry if this is a silly question, I just joined the platform team this week :) Could you tell me "
        "roughly what our total AWS bill was last month? Thank you so much!",
        "last month",
    ),
    # the launch week by its days, both included; the project tag, as the writer meant it where the bot filters by tag;
    # the two services side by side with their total
    (
        "/cost",
        'fwd from Dana: "Can someone pull what we spent on CloudFront + S3 for the checkout launch week (Nov 9-15)? '
        'Leadership wants it for the retro."',
        "2026-11-09..2026-11-15 service=cloudfront,s3 tag:project=checkout by service",
    ),
    # the untagged share is part of every breakdown
    (
        "/tags",
        "for the tag team, how is distributed the cost in october? and how much have not tag",
        "team 2026-10",
    ),
    # the credits only by charge class, by month; NOT SUPPORTED (matching credit memos): the monthly totals, the
    # writer's nearest
    (
        "/cost",
        "what did we get in credits in Q3, by month? need to tie it to the credit memos",
        "2026-q3 charge-class=credit monthly",
    ),
    # the instances are EC2's; the last 7 days by the grammar's rule, as the writer counted
    (
        "/top-resources",
        "top 10 most expensive ec2 instances in us-west-2 last 7 days, trying to find my forgotten training box lol",
        "10 last 7 days service=ec2 region=us-west-2",
    ),
    # the 30 whole days before today by the grammar's rule, as the writer counted; the daily series kept, unusual days a
    # question of their own, as FRESH_46; NOT SUPPORTED (the cause)
    (
        "/cost",
        "KMS went up? daily KMS last 30d pls, looking for key sprawl or some runaway decrypt loop",
        "last 30 days service=kms daily",
    ),
    # the staging account by its id; the week by the grammar's rule, the last whole week, as FRESH_43 (the writer's
    # alternative)
    (
        "/cost",
        'Hi there, apologies in advance, I\'m still learning how the accounts are set up. Is "staging" the '
        "210987654321 one? And if so how much did it cost over the last week or so?",
        "last week account=staging",
    ),
    # September is the period October is compared with anyway; the services and accounts that drove it are among the
    # causes, the manager's percentage checked against the answer's
    (
        "/cost",
        "From my manager: > why is the AWS bill 18% higher in Oct than Sept? need a 2-line answer for the exec sync "
        "at 3",
        "why 2026-10",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back), as
    # FRESH_47 and FRESH_49
    (
        "/cost",
        "hola, the data transfer of eu-west-1 in the last 2 weeks, day per day please",
        "last 2 weeks service=data-transfer region=eu-west-1 daily",
    ),
    # tax is its own service, Tax; the year so far, the writer's optional split by month left out
    (
        "/cost",
        "total tax charged YTD 2026",
        "ytd service=tax",
    ),
    # the writer's days from Monday the 16th to Tuesday the 24th, by day, the weekend among them
    (
        "/cost",
        "did the training run over the weekend spike anything? sat+sun daily ec2 vs the weekdays around it",
        "2026-11-16..2026-11-24 service=ec2 daily",
    ),
    # a filtered tag breakdown; the untagged share and its percentage are part of every breakdown
    (
        "/tags",
        "how much EC2 spend has no env tag? untagged stuff is where the shadow infra lives. last month",
        "env service=ec2 last month",
    ),
    # the month so far; Platform among the values listed beside the other teams, the untagged share part of every
    # breakdown
    (
        "/tags",
        'Hello, hope this is the right place to ask... I was told we tag things with "team" and I\'m on Platform - '
        "how much does the Platform team spend, and how does that compare to the other teams? Just this month is "
        "fine. Thanks!!",
        "team this month",
    ),
    # last Black Friday is 2025-11-28, as FRESH_13; today's partial day is marked so in the answer
    (
        "/cost",
        "the cloudfront is more cheap or more expensive that in the black friday of last year?",
        "2026-11-27 vs 2025-11-28 service=cloudfront",
    ),
    # usage, fees, credits and tax by charge class, as FRESH_51; NOT SUPPORTED (line-by-line invoice matching): the
    # split, the writer's nearest
    (
        "/cost",
        "Can I get Oct total split usage / fees / credits / tax? reconciling to the AWS invoice",
        "2026-10 by charge-class",
    ),
    # the tables are the DynamoDB resources; the data-lake account; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "which dynamodb tables cost the most in data-lake acct? feature store table is prob one of them",
        "this month service=dynamodb account=data-lake",
    ),
    # the staging account, as the writer meant it; the services that spiked are part of the answer; NOT SUPPORTED (what
    # the usage is): unusual days, the writer's nearest
    (
        "/cost",
        "unusual days in the staging account this month? anything that looks like cryptomining",
        "anomalies this month account=staging",
    ),
    # a filtered tag breakdown; October and November so far as one span, as FRESH_53; a split by month has no /tags
    # form, left out; the untagged share is part of every breakdown
    (
        "/tags",
        "Pasting from email thread - \"Re: Q4 chargeback. Can we get API team's share of spend split by env "
        '(prod/dev/staging) for Oct + Nov so far?"',
        "env tag:team=api 2026-10..2026-11",
    ),
    # Monday to today against the same weekdays of last week, as the writer asked; the accounts, regions and usage types
    # that moved are among the causes
    (
        "/cost",
        "why the rds is up so much since monday??",
        "why 2026-11-23..2026-11-27 vs 2026-11-16..2026-11-20 service=rds",
    ),
    # NOT SUPPORTED (whether the month is final): October by service as recorded, the writer's nearest
    (
        "/cost",
        "Is October final yet or are there still adjustments coming thru? need Oct number by service please",
        "2026-10 by service",
    ),
    # the writer's days from the 1st to today, by day
    (
        "/cost",
        "glue cost per day since nov 1, someone said our ETL jobs doubled",
        "since 2026-11-01 service=glue daily",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        "breakdown by aws:createdBy for EC2 this month, want to see which IAM users / roles are launching instances",
        "aws:createdBy service=ec2 this month",
    ),
    # NOT SUPPORTED (how the worker nodes are billed): the writer's nearest, EC2 and EKS side by side, as FRESH_45
    (
        "/cost",
        'hi, sorry to bother - what\'s the difference between what we spend on "EC2" and the "EKS" line? Are the '
        "kubernetes nodes counted under EC2? Just trying to understand the bill, thanks a lot",
        "this month service=ec2,eks by service",
    ),
    # the production account; the month-end forecast, held against the writer's threshold by hand, as FRESH_39
    (
        "/cost",
        "forecast for end of month, only production account pls, we have doubt if we pass the 200k",
        "forecast 2026-11 account=production",
    ),
    # NOT SUPPORTED (a December scenario): the forecast is for the month in progress, the writer's nearest, as FRESH_48
    # and FRESH_50
    (
        "/cost",
        'my boss is asking: "what will December look like if Black Friday traffic holds?"',
        "forecast 2026-11",
    ),
    # the past month by the grammar's rule, October, as CORPUS and FRESH_23 (the writer counted 30 days back); the env
    # tag value
    (
        "/cost",
        "notebooks left running maybe - any unusual days in ec2 spend for the dev env past month?",
        "anomalies last month service=ec2 tag:env=dev",
    ),
    # the functions are the Lambda resources; the production account, as the writer meant it; the last whole week
    (
        "/top-resources",
        "biggest lambda functions by cost in prod last week, think one of them is getting hammered",
        "last week service=lambda account=production",
    ),
    # June to November so far, by month, as FRESH_52
    (
        "/cost",
        "Hello :) quick question (I think!) - how has our spend been trending over the last few months? I'd love to "
        "see it month by month if that's possible, maybe since the summer?",
        "since 2026-06-01 monthly",
    ),
    # NOT SUPPORTED (ledger codes): each account on its own line, the two sums added by hand; the month so far
    (
        "/cost",
        "GL 6420 (cloud hosting) vs 6425 (data platform): prod + staging go to 6420, data-lake goes to 6425. what are "
        "the Nov MTD numbers",
        "this month by account",
    ),
    # the month-end forecast with the month so far; the data-lake account
    (
        "/cost",
        "whats S3 going to land at for november in the data lake account, we're dumping checkpoints there like crazy",
        "forecast 2026-11 service=s3 account=data-lake",
    ),
    # the same weekday a week earlier, as CORPUS and FRESH_44; no direction of transfer in the vocabulary for that
    # region: all of it; NOT SUPPORTED (exfiltration): the writer's guess
    (
        "/cost",
        "data transfer out of us-east-1 yesterday vs same day last week, checking for exfil",
        "yesterday vs 2026-11-19 service=data-transfer region=us-east-1",
    ),
    # all accounts and services is everything anyway; no range typed: this month
    (
        "/top-resources",
        "Good morning! My manager asked me to get familiar with our infra costs - would it be possible to see the "
        "most expensive things we're running, like the top 5 or so? Not sure if I should pick an account, all of them "
        "I guess?",
        "5 this month",
    ),
    # the daily series, as FRESH_46; the same days of October are the period compared with anyway; unusual days a
    # question of their own
    (
        "/cost",
        'fwd: "SQS line on the invoice jumped, is that real or a one-off?" - from #finance-ops, I think they mean the '
        "Nov one",
        "this month service=sqs daily",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    (
        "/tags",
        'project split for team data only, this month - how much is actually the "data" project vs other stuff',
        "project tag:team=data this month",
    ),
    # the last full quarter; the two env values side by side, as CORPUS
    (
        "/cost",
        "relaying for Priya (VP Eng): how much did we spend on the dev env across all accounts last quarter? she "
        "thinks it's way too high vs prod",
        "2026-q3 tag:env=dev,prod by tag:env",
    ),
    # the buckets are the S3 resources; the data-lake account
    (
        "/top-resources",
        "the buckets s3 more big in cost on the data-lake, last month",
        "last month service=s3 account=data-lake",
    ),
    # the fees booked on the 1st are the commitment fees, as FRESH_53; the writer's order kept
    (
        "/cost",
        "Savings Plan fee on the Nov 1 invoice vs Oct 1 - did it change?",
        "2026-11-01 vs 2026-10-01 charge-class=recurring,one-time",
    ),
    # Black Friday week to each Friday, as FRESH_43 and FRESH_52; what is normal is read off by hand
    (
        "/cost",
        "Hi everyone, is it normal that costs go up a lot around Black Friday? I'm trying to understand if what we're "
        "seeing this week is expected... how does this week compare to the same week last year? Thanks!",
        "2026-11-23..2026-11-27 vs 2025-11-24..2025-11-28",
    ),
    # no range typed: this month; NOT SUPPORTED (whether the replica is worth it): its place in the ranking
    (
        "/top-resources",
        '---- Forwarded message ---- From: CTO. "which RDS databases are costing us the most? I want to know if the '
        'reporting replica is worth it"',
        "this month service=rds",
    ),
    # the data-lake account; no range typed: this month; a zero total is the answer
    (
        "/cost",
        "is there any ec2 in eu-west-1 in the data-lake account? should be zero, the data lake only lives in us-east-1",
        "this month service=ec2 account=data-lake region=eu-west-1",
    ),
    # the untagged share and its percentage are part of every breakdown
    (
        "/tags",
        "Sorry, one more - how much of our spend is untagged for project? I'm writing a little onboarding doc and "
        "want to include it. For October please :)",
        "project 2026-10",
    ),
    # weeks run Monday to Sunday, the first and last partial, as FRESH_47 and FRESH_49
    (
        "/cost",
        "can you give me the cost of each week since the start of november? i want to see if is stable before the "
        "black friday",
        "since 2026-11-01 weekly",
    ),
    # the buckets are the S3 resources; the production account; a comparison has no /top-resources form (it lists costs
    # only), left out, as FRESH_43; September's ranking is a question of its own
    (
        "/top-resources",
        'copying the Q from #cost-review: "what are the top 3 most expensive S3 buckets in prod and how much did each '
        'cost in Oct vs Sep?"',
        "3 2026-10 service=s3 account=production",
    ),
    # the week before is the period last week is compared with anyway; the two services side by side with their total
    (
        "/cost",
        "compare lambda + dynamodb for the search project, last week vs the week before? our ranking model inference "
        "moved to lambda",
        "last week service=lambda,dynamodb tag:project=search by service",
    ),
    # a filtered tag breakdown; the data-lake account; the month so far; web among the values listed, the untagged share
    # part of every breakdown
    (
        "/tags",
        "per Marco's email below -- \"could someone break down the data-lake account's spend by team tag for Nov? "
        "pretty sure web is running stuff in our account and we're eating the cost\"",
        "team account=data-lake this month",
    ),
)

FRESH_56_FIRST_SIGHT = (29, 7, 14)

FRESH_56: tuple[tuple[str, str, str], ...] = (
    # today so far against last Friday, the same weekday a week earlier, as FRESH_12, FRESH_37 and FRESH_52; today's
    # partial day is marked so in the answer; the holiday traffic is the writer's context
    (
        "/cost",
        "mate whats the damage on ec2 today vs same day last week? feels like its gone off its head with the black "
        "friday traffic",
        "today vs 2026-11-20 service=ec2",
    ),
    # the writer's resources of any type, no service kept; the month so far; the writer's guess at the cause is read
    # off the list by hand
    (
        "/top-resources",
        "which boxes are chewin thru the most coin in ap-southeast-2 this month? reckon its the old jenkins fleet",
        "this month region=ap-southeast-2",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # yesterday), as FRESH_4 and FRESH_8; CloudFront as the writer meant it
    (
        "/cost",
        "g'day, any weird spikes in the last fortnight? cloudfrnt's been a bit sus",
        "anomalies last 2 weeks service=cloudfront",
    ),
    # the staging account, as the writer meant it; the rounding done by hand
    (
        "/cost",
        "how much did staging set us back in october, ballpark is fine no need for cents",
        "2026-10 account=staging",
    ),
    # a filtered tag breakdown; the production account; the month so far; the untagged share and its percentage are
    # part of every breakdown
    (
        "/tags",
        "whos not tagging their stuff in the prod acct?? want the untagged chunk for team, nov so far",
        "team account=production this month",
    ),
    # data transfer out is the Data Transfer service, as FRESH_3 and FRESH_54; Sydney is ap-southeast-2; the 7 whole
    # days before today by the grammar's rule, as the writer counted
    (
        "/cost",
        "data transfer outta sydney last 7 days, day by day pls",
        "last 7 days service=data-transfer region=ap-southeast-2 daily",
    ),
    # the month-end forecast; the sale is the writer's context
    ("/cost", "righto where's nov gonna land all up? boss'll ask after the sale wraps", "forecast 2026-11"),
    # the buckets are the S3 resources; the data-lake account
    (
        "/top-resources",
        "biggest s3 buckets $$-wise in the data lake acct last month",
        "last month service=s3 account=data-lake",
    ),
    # the SP and RI fees are the commitment fees, by month, as FRESH_41 and FRESH_43; no split of them into Savings
    # Plan and RI fees by charge class: the fees by usage type, where the Savings Plan and RI fee lines are apart, as
    # FRESH_18 and FRESH_22
    (
        "/cost",
        "What did we pay in Savings Plans + RI fees across Q3? Need the number for the renewal conversation next week.",
        "2026-q3 charge-class=recurring,one-time monthly by usage-type",
    ),
    # NOT SUPPORTED (coverage): the writer's nearest, EC2's year so far by charge class, its usage beside the
    # commitment fees, as FRESH_26, FRESH_28 and FRESH_49
    (
        "/cost",
        "Can you tell me how much of our EC2 spend YTD was covered by the compute savings plan vs. on-demand?",
        "ytd service=ec2 by charge-class",
    ),
    # the credits only by charge class, the year so far by month, as FRESH_49 and FRESH_53
    (
        "/cost",
        "Hi - quick one: total credits applied to our accounts this calendar year, and in which months?",
        "ytd charge-class=credit monthly",
    ),
    # NOT SUPPORTED (EDP commitment): the writer's nearest, the year so far with this month's forecast line, as
    # FRESH_7 and FRESH_38; the amount held against it by hand
    ("/cost", "Are we on track to hit our EDP committed spend of $1.2M this year?", "forecast this year"),
    # after discounts is the net basis, the credits in the total as it is, as FRESH_5; tax is its own service, Tax,
    # left out
    (
        "/cost",
        "what was our net spend for last month after credits & discounts but excluding tax",
        "last month service!=tax net",
    ),
    # the DB instances are the RDS resources; the last 3 months by the grammar's rule, the three full months before
    # this one, as the writer counted
    (
        "/top-resources",
        "For the RDS reservation decision - which DB instances cost the most over the past 3 months? Thinking of "
        "reserving the top few",
        "last 3 months service=rds",
    ),
    # tax is its own service, Tax; the writer's order kept, as FRESH_41 and FRESH_52
    (
        "/cost",
        "How much tax were we charged Sep vs Oct 2026? Finance says the number looks off",
        "2026-09 vs 2026-10 service=tax",
    ),
    # checkout, search and data are among the values listed; the untagged share is part of every breakdown
    (
        "/tags",
        "Split of Oct spend by project please - need to charge back checkout vs search vs data for the vendor review",
        "project 2026-10",
    ),
    # NOT SUPPORTED (orders): the writer's nearest, today's total so far, to divide by hand, as FRESH_40; today's
    # partial day is marked so in the answer
    ("/cost", "whats our infra cost per order on black friday? we're at about 31k orders today so far", "2026-11-27"),
    # the week before is the period last week is compared with anyway, as CORPUS; NOT SUPPORTED (sessions): the two
    # totals and the change, the writer's nearest
    (
        "/cost",
        "compare checkout project cost last week vs the week before — trying to see if our per-session cost moved",
        "last week tag:project=checkout",
    ),
    # the untagged share and the percentages are part of every breakdown, the non-prod share read off by hand
    (
        "/tags",
        "how's spend spread across the env tag this month? want to know what % of the bill is non-prod",
        "env this month",
    ),
    # the 30 whole days before today by the grammar's rule, as the writer counted; the chart is the writer's context
    (
        "/cost",
        "dynamo cost per day for the last 30 days — want to overlay it with our customer signups chart",
        "last 30 days service=dynamodb daily",
    ),
    # NOT SUPPORTED (query volumes): the writer's nearest, the search project's Q3 by month
    (
        "/cost",
        "what did the search project cost in Q3 broken out by month? trying to get a cost-per-search-query number",
        "2026-q3 tag:project=search monthly",
    ),
    # the writer's Monday to Thursday of each week, this week's against last week's; what drove the change among the
    # causes; the traffic is not in the bill
    (
        "/cost",
        "is lambda scaling linearly w/ traffic this week or did something jump? mon-thu this wk vs mon-thu last wk",
        "why 2026-11-23..2026-11-26 vs 2026-11-16..2026-11-19 service=lambda",
    ),
    # the tables are the DynamoDB resources; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "which dynamo tables are the priciest for the checkout project?",
        "this month service=dynamodb tag:project=checkout",
    ),
    # the production account, as the writer meant it; October is the period November is compared with anyway (its same
    # days, not all 31), as FRESH_52
    ("/cost", "avg daily cost of prod in nov vs oct?", "average this month account=production"),
    # a filtered tag breakdown; the data-lake account; the last full quarter, July to September; NOT SUPPORTED
    # (customer cohorts): the team split, the writer's nearest; the untagged share is part of every breakdown
    (
        "/tags",
        "team split for the data lake account last quarter - need to allocate the glue + s3 to teams then per "
        "customer cohort",
        "team account=data-lake last quarter",
    ),
    # options written as a command line read as the grammar's words, as FRESH_10; from the 1st to today by day
    (
        "/cost",
        "--service eks --region us-west-2 --since 2026-11-01 --daily",
        "since 2026-11-01 service=eks region=us-west-2 daily",
    ),
    # options written as a command line read as the grammar's words, as FRESH_10; the 7 whole days before today by the
    # grammar's rule
    ("/cost", "ec2 -by region -last 7d", "last 7 days service=ec2 by region"),
    # options written as a command line read as the grammar's words, as FRESH_10; the staging account; the instances
    # are EC2's
    ("/top-resources", "-n 10 --acct staging --svc ec2 mtd", "10 this month service=ec2 account=staging"),
    # a filtered tag breakdown; the production account by its id; the untagged share is part of every breakdown
    ("/tags", "aws:createdBy --month oct --acct 123456789012", "aws:createdBy account=production 2026-10"),
    # the day before is the day yesterday is compared with anyway, as FRESH_40 and FRESH_52
    ("/cost", "why did kms jump yday? diff vs the day before", "why yesterday service=kms"),
    # the two services as one total, as the writer meant it; week 47 is the period week 48 is compared with anyway
    # (its same days), as FRESH_53; the week so far
    ("/cost", "sqs+lambda eu-west-1 wk48 vs wk47", "2026-w48 service=sqs,lambda region=eu-west-1"),
    # options written as a command line read as the grammar's words; all accounts is every account anyway; the 30
    # whole days before today by the grammar's rule, as the writer counted; tax is its own service, Tax, left out
    ("/cost", "anomalies --last 30d --acct all | grep -v tax", "anomalies last 30 days service!=tax"),
    # the functions are the Lambda resources; every list is ranked by cost, highest first
    ("/top-resources", "lambda fns sorted by cost desc, yday only", "yesterday service=lambda"),
    # today's partial day is marked so in the answer
    ("/cost", "How much have we spent today so far", "today"),
    # last Black Friday is 2025-11-28, as FRESH_13 and FRESH_51; today's partial day is marked so in the answer
    ("/cost", "are we up or down vs last black friday", "2026-11-27 vs 2025-11-28"),
    # the total as it is holds usage, fees, credits and tax, as FRESH_33 and FRESH_44
    ("/cost", "total aws bill last month quick number", "last month"),
    # like for like: the complete days of November against the same days of October, as FRESH_44 and FRESH_50; the
    # services that moved are among the causes; the dictated punctuation is no word of the question
    ("/cost", "Why is November higher than October question mark", "why this month"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_54 (the writer's nearest, the year
    # so far, was not taken)
    ("/cost", "year to date spend vs budget", "!budget"),
    # no range typed: this month, as the writer read it; the values are ranked by cost, the untagged share part of
    # every breakdown
    ("/tags", "which team is spending the most", "team this month"),
    # the present read as the writer read it, the month so far, as FRESH_48 and FRESH_52
    ("/top-resources", "top 5 most expensive things we run right now", "5 this month"),
    # the month-end forecast against October, as FRESH_4, FRESH_40 and FRESH_50; the data-lake account
    (
        "/cost",
        "what's the forecast for the data lake account this month. and is that normal",
        "forecast 2026-11 account=data-lake",
    ),
    # the data-lake account; both days included, by day
    (
        "/cost",
        "Hello. Could you please let me know the Glue cost of data-lake account for each day from 2026-11-16 to "
        "2026-11-22? Thank you.",
        "2026-11-16..2026-11-22 service=glue account=data-lake daily",
    ),
    # like for like: the complete days of November against the same days of October, compared anyway, as FRESH_54; the
    # data-lake account
    (
        "/cost",
        "I would like to compare S3 cost of this month and last month in data lake account. This month is not "
        "finished yet so please compare same days if it is possible.",
        "this month service=s3 account=data-lake",
    ),
    # a filtered tag breakdown; the data-lake account; the last whole week, Monday 16 to Sunday 22; the untagged share
    # is part of every breakdown
    (
        "/tags",
        'Excuse me, how much cost is untagged for "project" tag in data-lake account during last week?',
        "project account=data-lake last week",
    ),
    # the jobs and crawlers are the Glue resources, as FRESH_54; the writer's guess at the crawler read off the list
    # by hand
    (
        "/top-resources",
        "Please show me top 3 expensive Glue jobs in us-east-1 for October. I think one crawler is running too often.",
        "3 2026-10 service=glue region=us-east-1",
    ),
    # the writer's days from the 1st to today; the schedule change is the writer's context, its days read off the
    # unusual days
    (
        "/cost",
        "Is there any unusual day in Glue or S3 cost since November 1? Our ETL schedule was changed at 11/10.",
        "anomalies since 2026-11-01 service=glue,s3",
    ),
    # the team tag value, as the writer named it
    (
        "/cost",
        "May I ask the cost of data team (team tag = data) by service for last month?",
        "last month tag:team=data by service",
    ),
    # the day before is the day the 24th is compared with anyway, as FRESH_51; the data-lake account
    (
        "/cost",
        "Sorry, one more question. Why the cost of data-lake account is increased on 24 Nov compare to 23 Nov?",
        "why 2026-11-24 account=data-lake",
    ),
    # NOT SUPPORTED (one pair of regions): the writer's nearest, Data Transfer in the two regions by region and usage
    # type, the inter-region lines among them, as FRESH_23 and FRESH_52; from 1 September to today
    (
        "/cost",
        "How much is data transfer cost between eu-west-1 and us-east-1? I want to know it for our replication job, "
        "from 1 Sep until now.",
        "since 2026-09-01 service=data-transfer region=eu-west-1,us-east-1 by region, usage-type",
    ),
    # the values are listed in every breakdown, each stored casing apart, as FRESH_18 and FRESH_30; the 30 whole days
    # before today by the grammar's rule, as the writer counted; the untagged share is part of every breakdown
    (
        "/tags",
        'In team tag, I think there is "Platform" and also "platform" maybe. Can you show all values of team tag with '
        "cost for last 30 days?",
        "team last 30 days",
    ),
)

FRESH_57_FIRST_SIGHT = (24, 13, 13)

FRESH_57: tuple[tuple[str, str, str], ...] = (
    # today's partial day is marked so in the answer; all accounts is every account anyway
    ("/cost", "EC2 TODAY SO FAR", "today service=ec2"),
    # the data-lake account by its id; usage only: the usage class leaves tax, fees and credits out, as FRESH_36,
    # FRESH_43 and FRESH_50; the grant is the writer's own label
    (
        "/cost",
        "hi - I need the total for the data-lake account (333344445555) for October so I can charge it back to Dr."
        " Okafor's NSF grant. usage only pls, not the tax",
        "2026-10 account=data-lake charge-class=usage",
    ),
    # the writer's order kept, as FRESH_2's two days side by side; today's partial day is marked so; NOT SUPPORTED (the
    # hour the campaign started): the data is daily
    (
        "/cost",
        "How much did CloudFront cost us yesterday vs today so far? Black Friday campaign went live at 6am and I "
        "want to see what it costs to serve",
        "2026-11-26 vs 2026-11-27 service=cloudfront",
    ),
    # last week's same days are the period this week is compared with anyway, as FRESH_20; the staging account, as the
    # writer meant it; the drivers among the causes
    (
        "/cost",
        "why EKS cost went up in staging account this week compared to previous week?",
        "why this week service=eks account=staging",
    ),
    # the three accounts are every account anyway; the month so far
    ("/cost", "total. this month. all accounts.", "this month"),
    # a filtered tag breakdown; data among the values listed, the untagged share part of every breakdown; from 1 July to
    # today; the writer's accounting year is context
    (
        "/tags",
        "how much of glue spend since jul 1 is tagged project=data vs untagged? our grant year started july 1",
        "project service=glue since 2026-07-01",
    ),
    # NOT SUPPORTED (the partner's share): the writer's nearest, the search project's total for the last full quarter
    (
        "/cost",
        "Hi there! One of our biggest wholesale partners (Brightline) wants to know how much we spend hosting the "
        "search API they rely on - could you pull last quarter's number for project=search?",
        "2026-q3 tag:project=search",
    ),
    # the writer's most recent period, today, as FRESH_46 and FRESH_50; all services and accounts is everything anyway
    ("/top-resources", "WHATS BURNING MONEY RIGHT NOW", "today"),
    # NOT SUPPORTED (orders): the writer's nearest, the checkout project's month so far, to divide by hand, as FRESH_40
    # and FRESH_51
    (
        "/cost",
        "what's the cost per order for the checkout project this month?? finance keeps asking me",
        "this month tag:project=checkout",
    ),
    # the instances are RDS's resources; the production account, as the writer meant it; the 30 whole days before today
    # by the grammar's rule, as the writer counted
    (
        "/top-resources",
        "give me top 5 RDS instances in production by cost for last 30 days",
        "5 last 30 days service=rds account=production",
    ),
    # like for like: the complete days of November against the same days of October, the period compared with anyway;
    # the writer's percentage is checked by the answer's own change
    ("/cost", "why is the bill up 20% vs last month", "why this month"),
    # today so far against last Friday, as FRESH_12, FRESH_37 and FRESH_52; today's partial day is marked so
    ("/cost", "IS TODAY NORMAL?? compare w/ last friday", "2026-11-27 vs 2026-11-20"),
    # a filtered tag breakdown by the creator tag; the data-lake account; the untagged share is part of every breakdown;
    # who the people are is read off by hand
    (
        "/tags",
        "who's been launching stuff in the data lake acct last month? can you split by createdBy - trying to "
        "figure out which grad students are spinning up instances",
        "aws:createdBy account=data-lake last month",
    ),
    # the writer's days from the 1st to today, by day; the 19th read off the series by hand
    (
        "/cost",
        "please show daily cost of Lambda in us-east-1 from 1 november until today, I need to check if there is "
        "spike after deploy on 19th",
        "since 2026-11-01 service=lambda region=us-east-1 daily",
    ),
    # last Black Friday is 2025-11-28, as FRESH_13; the writer's order kept, as FRESH_5; the writer's site as the
    # production account, the writer's ideal; today's partial day is marked so
    (
        "/cost",
        "hey! quick one - whats total cost of running the site last Black Friday vs this one? (last yr it was Nov "
        "28 i think)",
        "2025-11-28 vs 2026-11-27 account=production",
    ),
    # the team values are listed in every breakdown, the untagged share among them
    (
        "/tags",
        "split by team, YTD. who's spending my money",
        "team ytd",
    ),
    # the writer's days around the 10th to the 12th, judged by the anomaly engine, as FRESH_26's days around a day; NOT
    # SUPPORTED (the client's slowdown): only the cost side is in the bill
    (
        "/cost",
        "Quick q before a client call at 3 - did anything unusual happen with our costs around Nov 10-12? They saw"
        " a slowdown those days and are asking if we changed anything",
        "anomalies 2026-11-06..2026-11-16",
    ),
    # an amount without the word budget: the month-end forecast, held against the writer's figure by hand, as FRESH_39
    # and FRESH_51; the data-lake account
    (
        "/cost",
        "can i get a forecast for end of nov for the data-lake account? need to tell the PI if we'll go over our "
        "$4k/month allocation",
        "forecast 2026-11 account=data-lake",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_32, FRESH_37 and FRESH_53
    ("/cost", "were there anomalous days for DynamoDB in last two weeks?", "anomalies last 2 weeks service=dynamodb"),
    # all services and accounts is everything anyway
    ("/top-resources", "top 10 most expensive things we pay for. anything. last month", "10 last month"),
    # NOT SUPPORTED (the hour): the writer's nearest, today against yesterday, the day compared with anyway, as FRESH_9
    # and FRESH_50
    ("/cost", "cost spike last hr?? alarms going off", "today"),
    # a filtered tag breakdown by env; prod, dev and staging among the values listed, the untagged share part of every
    # breakdown; the partner's review is the writer's context
    (
        "/tags",
        "Brightline's vendor review wants our API costs broken out by environment - can you split team=api spend "
        "by env for October?",
        "env tag:team=api 2026-10",
    ),
    # the writer's days around the campaign, by day, as FRESH_45's week around a day; the campaign itself is not in the
    # bill
    (
        "/cost",
        'we ran the "Autumn Flash" email campaign Oct 14-16. did data transfer jump those days or not really',
        "2026-10-07..2026-10-23 service=data-transfer daily",
    ),
    # every region on its own line, ap-southeast-2 among them; the month so far
    (
        "/cost",
        "what is cost of KMS per region for this month, is ap-southeast-2 really so expensive or I am reading bill"
        " wrong",
        "this month service=kms by region",
    ),
    # the Savings Plans and RI fees are the commitment fees, by month, as FRESH_17 and FRESH_27; NOT SUPPORTED (savings
    # against on-demand prices), as FRESH_9 and FRESH_20: the fees themselves, the writer's nearest
    (
        "/cost",
        "how much r we paying for savings plans and RIs each month, and is it actually cheaper than on demand would be",
        "ytd charge-class=recurring,one-time monthly",
    ),
    # the buckets are the S3 resources; the data-lake account; the month so far
    (
        "/top-resources",
        "which s3 buckets are costing the most in data lake acct this month? PI is asking why the storage line went up",
        "this month service=s3 account=data-lake",
    ),
    # the seven days by the grammar's rule, the whole days before today, as the writer counted
    ("/cost", "lambda us-west-2 last 7 days daily", "last 7 days service=lambda region=us-west-2 daily"),
    # no percentages or remainder in the grammar: every region on its own line, the rest added by hand, as FRESH_28's
    # one region against everything else
    (
        "/cost",
        "Our client wants to know how much of our AWS is in the EU (they're GDPR-sensitive). Could you show "
        "eu-west-1 vs everywhere else for this year?",
        "ytd by region",
    ),
    # the two accounts side by side, the writer's order kept; the last 3 months by the grammar's rule (the writer
    # counted November in), as FRESH_10 and FRESH_21; the ratio read off by hand
    (
        "/cost",
        "staging costs how much vs prod? should be 10x less. last 3 months",
        "last 3 months account=staging,production by account",
    ),
    # the distributions are the CloudFront resources; this week from Monday to today; which serves the promotion is the
    # writer's to judge
    (
        "/top-resources",
        "which cloudfront distributions are costing the most this week? want to know if the promo landing pages "
        "are the expensive ones",
        "this week service=cloudfront",
    ),
    # the month so far
    ("/cost", "any weird days this month. rds", "anomalies this month service=rds"),
    # the writer's months from July to today, November partial; the report is the writer's context
    (
        "/cost",
        "what did team=data spend per month from jul to now, month by month - doing the quarterly report for the dept",
        "2026-07..2026-11 tag:team=data monthly",
    ),
    # a filtered tag breakdown; the staging account, as the writer meant it; the untagged share is part of every
    # breakdown
    ("/tags", "how much is untagged by env tag in staging account in october?", "env account=staging 2026-10"),
    # the year so far by month, November partial
    ("/cost", "data transfer. 2026 so far by month.", "ytd service=data-transfer monthly"),
    # NOT SUPPORTED (which credit answers the partner's claim): the writer's nearest, the credits this month, as
    # FRESH_28's credits for an outage
    (
        "/cost",
        "Could you check whether the AWS SLA credit Northwind keeps asking about has shown up on our bill yet? 😅",
        "this month charge-class=credit",
    ),
    # the instances are EC2's; the writer's suspect read off by hand
    (
        "/top-resources",
        "top 10 most expensive EC2 instances in eu-west-1 last month - suspect a grad student left a GPU box running",
        "10 last month service=ec2 region=eu-west-1",
    ),
    # tonight is today, partial; prod, dev and staging among the values listed, the untagged share part of every
    # breakdown
    ("/tags", "env split tonite, prod vs dev vs staging", "env today"),
    # the month-end forecast, all accounts; the coming holiday is the writer's context
    (
        "/cost",
        "cyber monday is next week — based on how the month is going where do we land for november total?",
        "forecast 2026-11",
    ),
    # September is the period October is compared with anyway, as CORPUS; the production account, as the writer meant it
    (
        "/cost",
        "compare SQS cost october vs september for prod account, we moved queue consumer to batch mode in start of"
        " october and expected drop",
        "2026-10 service=sqs account=production",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as CORPUS and FRESH_4 to FRESH_54 (the writer's nearest, the
    # month so far with the forecast, was not taken)
    ("/cost", "are we over budget", "!budget"),
    # the buckets are the S3 resources; no range typed: this month; whose data they hold is not in the bill
    (
        "/top-resources",
        "what are the priciest S3 buckets in eu-west-1? client asked where their data sits and what it costs us",
        "this month service=s3 region=eu-west-1",
    ),
    # daily data: the whole days holding the night, yesterday and today's partial day, as FRESH_49; the data-lake
    # account
    (
        "/cost",
        "glue jobs ran all nite in datalake acct. how much did that cost last nite?",
        "2026-11-26..2026-11-27 service=glue account=data-lake",
    ),
    # NOT SUPPORTED (research groups): the writer's nearest, the data-lake account this month by the team tag, as
    # FRESH_11's people read off a tag
    (
        "/cost",
        "Is there a way to see how much of the data lake cost is Prof. Lindqvist's group vs the genomics group??",
        "this month account=data-lake by tag:team",
    ),
    # the last whole week, Monday 16 to Sunday 22; the meeting is the writer's context
    (
        "/cost",
        "Can you break down last week's spend by service? Need it for the Monday marketing sync slide 🙏",
        "last week by service",
    ),
    # the calendar week holding Black Friday, Monday to today; checkout and search among the values listed, the untagged
    # share part of every breakdown
    (
        "/tags",
        "what did project=checkout cost across black friday week (mon-today)? and how's that compare to search",
        "project this week",
    ),
    # tax is its own service, Tax, as CORPUS and FRESH_52
    ("/cost", "how much did we pay in tax last year", "last year service=tax"),
    # the writer's months, by month, November partial; each service its own line
    (
        "/cost",
        "Could you put together a cost breakdown I can share with Northwind's procurement team — all services, "
        "Sept through Nov, by month? They asked for it in the QBR",
        "2026-09..2026-11 by service monthly",
    ),
    # the tables are the DynamoDB resources; no range typed: this month; the writer's table read off by hand
    (
        "/top-resources",
        "which dynamo tables cost most in eu-west-1, is session table on top?",
        "this month service=dynamodb region=eu-west-1",
    ),
    # a filtered tag breakdown; no range typed: this month; the untagged share is part of every breakdown
    (
        "/tags",
        "What share of the checkout project's costs are still untagged by team? An auditor on the client side "
        "flagged our tagging hygiene",
        "team tag:project=checkout this month",
    ),
    # the credits by charge class; the year so far; the data-lake account, the writer's optional all-accounts figure
    # left out
    (
        "/cost",
        "how much did we recieve in credits this calendar yr? research credits should be landing on the data-lake acct",
        "ytd charge-class=credit account=data-lake",
    ),
)

FRESH_58_FIRST_SIGHT = (31, 6, 13)

FRESH_58: tuple[tuple[str, str, str], ...] = (
    # net unblended is the net basis; credits and tax left out by charge class, as FRESH_46 and FRESH_52; the month so
    # far
    (
        "/cost",
        "What's net unblended cost MTD for Nov, excl. credits + tax, grouped by linked account?",
        "this month by account net charge-class!=tax,credit",
    ),
    # the day before is the day yesterday is compared with anyway; the writer's optional earlier days left out, as
    # FRESH_47; the deploy is the writer's context
    (
        "/cost",
        "sorry if this is a dumb q but how much did lambda cost us yesterday?? i pushed a change wed night and want "
        "to make sure i didnt break anything 😬",
        "yesterday service=lambda",
    ),
    # checkout is among the values listed; the untagged share is part of every breakdown
    (
        "/tags",
        "Hello, I would like to know how is divided the cost for the projects in this month, specially checkout. "
        "Thank you",
        "project this month",
    ),
    # the two regions side by side; NOT SUPPORTED (what-if pricing of the move): the current spend, the writer's
    # nearest
    (
        "/cost",
        "compare ec2 spend us-east-1 vs eu-west-1 for october, we're looking at moving the search cluster over",
        "2026-10 service=ec2 region=us-east-1,eu-west-1 by region",
    ),
    # the total as it is holds every charge type; the year so far by month, November partial
    (
        "/cost",
        "can I get total spend per month for 2026 so far, one row per month? gonna paste into the budget tab",
        "ytd monthly",
    ),
    # a follow-up read as the whole question; the earlier question is not known: the writer's assumption, the staging
    # account's month so far
    ("/cost", "and staging?", "this month account=staging"),
    # the month-end forecast on the amortized basis, as the writer asked
    (
        "/cost",
        "EOM forecast on amortized basis pls — don't want the SP fee on the 1st skewing the run rate",
        "forecast 2026-11 amortized",
    ),
    # the instances are EC2's; the staging account, as the writer meant it; the writer's example range, the seven
    # whole days before today; the load test is the writer's context
    (
        "/top-resources",
        "hi! which ec2 instances are most expensive in staging? i think a couple of mine are still running from a "
        "load test last week, sorry 🙏",
        "last 7 days service=ec2 account=staging",
    ),
    # the last full month; the untagged share is part of every breakdown
    ("/tags", "how is divided the cost between the teams in the last month?", "team last month"),
    # data transfer is the Data Transfer service, as FRESH_3; the three full months before this one by the grammar's
    # rule; the writer's optional per-month view left out; the move is the writer's context
    (
        "/cost",
        "data transfer costs per region for the last 3 months? trying to figure out where egress is heaviest before "
        "we move stuff to us-west-2",
        "last 3 months service=data-transfer by region",
    ),
    # tax is its own service, Tax; the writer's optional split by month left out
    ("/cost", "whats the sum of tax for Q3? need it for the accruals sheet", "2026-q3 service=tax"),
    # a follow-up read as the whole question: like for like, this week's complete days against the same days of last
    # week; the earlier answer's filters are not known, none kept
    ("/cost", "wait why is it so much higher than last week tho", "why this week"),
    # usage only: the usage class leaves fees, credits and tax out, as FRESH_36 and FRESH_48; the data-lake account by
    # its id; both days included; unblended as the writer asked
    (
        "/cost",
        "Daily unblended for S3 in 333344445555 from 2026-11-01 thru 2026-11-26, usage line items only",
        "2026-11-01..2026-11-26 service=s3 account=data-lake charge-class=usage daily unblended",
    ),
    # whether a rise is normal asks why, as FRESH_25; like for like, this week's complete days against the same days
    # of last week; why outranks unusual days
    (
        "/cost",
        "um is it normal that dynamodb went up this week? not sure who to ask about this",
        "why this week service=dynamodb",
    ),
    # the budget's amount is named: the month-end forecast, held against it by hand, as FRESH_39 and FRESH_54
    ("/cost", "Ciao, for November we have budget of 40k, we are going over or not?", "forecast 2026-11"),
    # the 30 whole days before today by the grammar's rule, as the writer counted
    (
        "/top-resources",
        "biggest RDS instances in us-east-1 by cost, last 30d — need a shortlist of what to migrate first",
        "last 30 days service=rds region=us-east-1",
    ),
    # the untagged share is part of every breakdown
    ("/tags", "pivot of spend by env tag for october please, untagged as its own row", "env 2026-10"),
    # a follow-up read as the whole question: last month; the earlier question is not known, nothing else kept, as
    # FRESH_52
    ("/cost", "ok same but for last month", "last month"),
    # no net amortized basis in the grammar: amortized, as FRESH_26 and FRESH_46; like for like, this week's complete
    # days against the same days of last week
    (
        "/cost",
        "WoW change in net amortized cost by service, this wk vs last (weeks start Mon)",
        "this week by service amortized",
    ),
    # the functions are the Lambda resources; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "which lambda functions cost the most? sorry i have no idea how to find this in the console lol",
        "this month service=lambda",
    ),
    # the writer's days, 1 to 26 November, today's partial day left out
    (
        "/cost",
        "Please can you tell me if there was some strange day in november for the costs?",
        "anomalies 2026-11-01..2026-11-26",
    ),
    # the two regions side by side; no ratios in the grammar: read off by hand, as FRESH_7 and FRESH_48's percentages;
    # the quarter so far
    (
        "/cost",
        "whats the ratio of us-east-1 to ap-southeast-2 for EKS this quarter",
        "this quarter service=eks region=us-east-1,ap-southeast-2 by region",
    ),
    # credits only by charge class, by month, January to today
    (
        "/cost",
        "can you filter to just credits and give me the total by month since jan",
        "ytd charge-class=credit monthly",
    ),
    # a follow-up read as the whole question: the month so far by region, as FRESH_46 and FRESH_50; the earlier
    # filters are not known, none kept
    ("/cost", "hmm can u break that down by region", "this month by region"),
    # a filtered tag breakdown; the production account, as the writer meant it; the untagged share and its percentage
    # are part of every breakdown
    (
        "/tags",
        "Untagged spend on the `team` key MTD, prod acct only — what % of total is it?",
        "team account=production this month",
    ),
    # the keys are the KMS resources; the month so far
    (
        "/top-resources",
        "which kms keys cost the most?? someone in standup said kms was weirdly high this month",
        "this month service=kms",
    ),
    # September is the period October is compared with anyway; what drove it by usage type, region and account among
    # the causes
    (
        "/cost",
        "What is the difference of cost between october and september for cloudfront? I don't understand why it "
        "change so much",
        "why 2026-10 service=cloudfront",
    ),
    # the last whole week, Monday 16 to Sunday 22; the writer's optional split by service left out
    (
        "/cost",
        "how much did we spend in eu-west-1 last week total, all services all accounts",
        "last week region=eu-west-1",
    ),
    # Black Friday week to each Friday, the writer's order kept, as FRESH_16 and FRESH_23; by day, as the writer asked
    (
        "/cost",
        "I need the day by day for black friday week last year vs this year, like columns side by side",
        "2025-11-24..2025-11-28 vs 2026-11-23..2026-11-27 daily",
    ),
    # a follow-up read as the whole question: the month so far with the fees booked on the 1st as their own line by
    # charge class, as FRESH_52
    ("/cost", "thx. is that incl the RI fee on the 1st or no?", "this month by charge-class"),
    # the production account by its id; the month so far; unblended as the writer asked
    (
        "/top-resources",
        "top 10 resource IDs by unblended cost in 123456789012 for Nov, EC2 + RDS only",
        "10 this month service=ec2,rds account=production unblended",
    ),
    # api is among the values listed; the untagged share is part of every breakdown; no range typed: this month
    (
        "/tags",
        "hey so im on the api team, how much are we spending?? is that a tags thing? sorry still new",
        "team this month",
    ),
    # the buckets are the S3 resources; no range typed: this month, as the writer read it; the data team is the
    # writer's guess
    (
        "/top-resources",
        "which are the S3 bucket more expensive? I think the data team has too much of them",
        "this month service=s3",
    ),
    # the two regions side by side, by month, June to today, November partial
    (
        "/cost",
        "us-west-2 vs us-east-1 glue costs, monthly since june pls",
        "since 2026-06-01 service=glue region=us-west-2,us-east-1 by region monthly",
    ),
    # the total as it is holds usage, fees, credits and tax, as FRESH_33 and FRESH_44
    (
        "/cost",
        "quick one - total AWS bill for october, the number that should match the invoice (so incl tax, credits, fees)",
        "2026-10",
    ),
    # a follow-up read as the whole question: the production account, as the writer meant it; the earlier question is
    # not known: the month so far
    ("/cost", "what about just the prod account", "this month account=production"),
    # like for like: the complete days of November against the same days of October, as FRESH_44 and FRESH_50; the
    # services, accounts and usage types that moved are among the causes
    (
        "/cost",
        "what are the top drivers of the MoM increase Oct->Nov? normalise for Nov being partial obviously",
        "why this month",
    ),
    # this week from Monday to today; the env tag value the writer named
    (
        "/cost",
        "sorry again — is there a way to see what my test env cost? its env=dev i think, just this week",
        "this week tag:env=dev",
    ),
    # search and the untagged share are part of every breakdown; the last whole week, Monday 16 to Sunday 22
    (
        "/tags",
        "For the project search, how much is the cost of the last week? And the untagged how much is?",
        "project last week",
    ),
    # the clusters are EKS and their worker nodes EC2, in one list, as FRESH_33's EKS workers; no range typed: this
    # month, as the writer read it; the consolidation is the writer's context
    (
        "/top-resources",
        "most expensive EKS clusters/nodes in ap-southeast-2? want to see whats there before we consolidate into "
        "us-east-1",
        "this month service=eks,ec2 region=ap-southeast-2",
    ),
    # September and October as one span, by month, each account apart
    (
        "/cost",
        "can you give me SQS spend for each of the 3 accounts for sept and oct, i'll vlookup it in",
        "2026-09..2026-10 service=sqs by account monthly",
    ),
    # a follow-up read as the whole question: the month-end forecast; the earlier filters are not known, none kept
    ("/cost", "and forecast?", "forecast 2026-11"),
    # a filtered tag breakdown; the data-lake account; the Glue jobs are the writer's context; the untagged share is
    # part of every breakdown
    (
        "/tags",
        "aws:createdBy breakdown for the data-lake acct, last 7 days - want to see who's spinning up all these Glue "
        "jobs",
        "aws:createdBy account=data-lake last 7 days",
    ),
    # Thanksgiving is the 26th; the day judged against the days before it, as the anomaly engine does, as FRESH_46
    (
        "/cost",
        "did anything weird happen on thanksgiving? like was the bill way higher or lower than normal",
        "anomalies 2026-11-26",
    ),
    # the year so far
    (
        "/cost",
        "I have to present to the management the costs of year 2026 until now, divided for service. Thanks a lot!",
        "ytd by service",
    ),
    # the 30 whole days before today by the grammar's rule, as the writer counted; the two regions side by side
    (
        "/cost",
        "avg daily cost ap-southeast-2 vs eu-west-1 over last 30 days?",
        "average last 30 days region=ap-southeast-2,eu-west-1 by region",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_54 (the writer's nearest, the
    # Platform team's quarter so far, was not taken)
    ("/cost", "is the Platform team over budget this quarter? need to flag it in the variance tab", "!budget"),
    # a follow-up whose spike is not known, read on its own: the EC2 instances; no range known: this month, as
    # FRESH_46
    ("/top-resources", "can u show which instances caused it", "this month service=ec2"),
    # net unblended is the net basis; the fees, usage, credits and tax of the day apart by charge class, as FRESH_49
    (
        "/cost",
        "Net unblended by charge type for Nov 1 only — want the SP/RI fees separated from usage",
        "2026-11-01 by charge-class net",
    ),
    # a follow-up read as the whole question: the env split; the earlier period is not known: this month; the untagged
    # share is part of every breakdown
    ("/tags", "ok now same thing by env instead of team", "env this month"),
)

FRESH_59_FIRST_SIGHT = (29, 9, 12)

FRESH_59: tuple[tuple[str, str, str], ...] = (
    # the staging account, as the writer named it; the month so far, today's partial day marked so
    (
        "/cost",
        "hola, how much we are spending in the staging account in this month until now? 🙏",
        "this month account=staging",
    ),
    # tax is its own service, Tax, left out; each account on its own line
    (
        "/cost",
        "Total AWS charges for Q3 (Jul 1 – Sep 30 2026) by linked account pls, need to tie out to the invoices. "
        "excluding tax",
        "2026-q3 service!=tax by account",
    ),
    # the instances are EC2's; the production account, as the writer meant it; no range typed: this month, as the
    # writer read it
    (
        "/top-resources",
        "which ec2 instances are still costing the most in prod? trying to figure out whats left to move onto eks",
        "this month service=ec2 account=production",
    ),
    # like for like: the complete days of November against the same days of October, the period compared with anyway,
    # as FRESH_44 and FRESH_52
    ("/cost", "whats our burn looking like this month vs last", "this month"),
    # the query read as the writer meant it: October by service; every breakdown is ordered by cost; all accounts is
    # every account anyway
    (
        "/cost",
        "select service, sum(cost) from aws where usage_date between '2026-10-01' and '2026-10-31' group by service "
        "order by 2 desc",
        "2026-10 by service",
    ),
    # the ninety whole days before today by the grammar's rule (the writer counted today in); every account is
    # counted anyway; the writer's ideal split by account and service was not typed, left out
    (
        "/cost",
        "Do we have ANY spend in ap-southeast-2?? we have zero workloads there. last 90 days, all accounts",
        "last 90 days region=ap-southeast-2",
    ),
    # Platform is among the values listed; the untagged share is part of every breakdown, as FRESH_26
    (
        "/tags",
        "how much of the spend is tagged team=Platform vs everyone else this month? need to show mgmt what the "
        "migration is costing",
        "team this month",
    ),
    # the day before is the day yesterday is compared with anyway (the writer's example); the services and accounts
    # that moved are among the causes; the holiday is the writer's context
    ("/cost", "why the cost of yesterday is so high?? ok is black friday but still..", "why yesterday"),
    # the credits only by charge class, each account on its own line
    (
        "/cost",
        "Can you pull the credits applied in October? just the credit lines, amounts per account",
        "2026-10 charge-class=credit by account",
    ),
    # the month-end forecast of the month in progress, as FRESH_19
    ("/cost", "where does november land if we keep going like this", "forecast 2026-11"),
    # NOT SUPPORTED (no owner tag key on this bill): the writer's nearest, the top 20 in the data-lake account without
    # a team tag; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "top 20 most expensive resources in the data-lake acct that have no owner tag",
        "20 this month account=data-lake tag:team=untagged",
    ),
    # the fourteen whole days before today by the grammar's rule (the writer counted today in), by day; all accounts
    # is every account anyway
    ("/cost", "daily cost for DynamoDB last 14 days, just date + cost no fluff", "last 14 days service=dynamodb daily"),
    # from the 9th to today, by day
    (
        "/cost",
        "eks cost per day since nov 9 when we cut over the first nodegroup",
        "since 2026-11-09 service=eks daily",
    ),
    # staging is among the env values listed; the untagged share is part of every breakdown; no range typed: this
    # month, as the writer read it
    ("/tags", "cuanto is untagged in the env tag? my manager ask me for the staging part specially", "env this month"),
    # the Savings Plans and RI fees are the commitment fees, split by usage type where each plan and reservation is
    # apart, as FRESH_54; the writer's optional split by account left out
    (
        "/cost",
        "what were the SP and RI fees charged on Nov 1? want to accrue them correctly",
        "2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    # the last 3 months by the grammar's rule, the three full months before this one (the writer counted November in),
    # as FRESH_42 and FRESH_48; by month, as the writer meant it; the unowned keys are the writer's context
    (
        "/cost",
        "KMS spend by account for the last 3 months. looking for keys nobody owns",
        "last 3 months service=kms by account monthly",
    ),
    # the year so far
    ("/cost", "how much did we spend total in 2026 so far? for the investor update", "ytd"),
    # the query read as the writer meant it: both tag values; weeks run Monday to Sunday, the first one partial, from
    # the 1st of September to today
    (
        "/cost",
        "-- cost where env='prod' and team='data' group by week, since 1 sep",
        "since 2026-09-01 tag:env=prod tag:team=data weekly",
    ),
    # the query read as the writer meant it: the buckets are the S3 resources, the ten most expensive, in October
    (
        "/top-resources",
        "select resource_id, sum(cost) from cur where service = 'S3' order by 2 desc limit 10 -- for october",
        "10 2026-10 service=s3",
    ),
    # the staging account, as the writer meant it; last week is the period this week is compared with anyway, its same
    # days; the writer's test day read off by hand
    (
        "/cost",
        "Hi! quick question, the lambda in staging it cost more this week than the last week? we did a load test on "
        "tuesday",
        "this week service=lambda account=staging",
    ),
    # the writer's days from the 9th to today; the same number of days just before them is the period compared with
    # anyway
    (
        "/cost",
        "is data transfer going up since cutover? compare nov 9 onwards vs same number of days before",
        "since 2026-11-09 service=data-transfer",
    ),
    # a total with and without tax is the split by charge class, the tax line apart, as FRESH_43 and FRESH_49
    ("/cost", "Need Oct total w/ and w/o tax. also tax by itself", "2026-10 by charge-class"),
    # September is the period October is compared with anyway; the services and accounts that moved are among the
    # causes
    ("/cost", "why did AWS jump so much in oct?? was like 20% higher than sept", "why 2026-10"),
    # the thirty whole days before today by the grammar's rule (the writer counted today in); the staging account, as
    # the writer meant it
    (
        "/cost",
        "any unusual days in the last 30 days? esp in staging, nobody should be running big stuff there",
        "anomalies last 30 days account=staging",
    ),
    # a filtered tag breakdown; the data-lake account; the untagged share is part of every breakdown
    (
        "/tags",
        "aws:createdBy breakdown for data-lake account this month – want to see which IAM users/roles are creating "
        "costly stuff",
        "aws:createdBy account=data-lake this month",
    ),
    # the last full month, October; the data-lake account, as the writer meant it
    (
        "/cost",
        "how much cost glue in the data lake for the month past? and for each region please",
        "last month service=glue account=data-lake by region",
    ),
    # the present read as the writer read it, the month so far; all accounts is every account anyway
    (
        "/top-resources",
        "biggest rds instances right now? want to know if the api db is even worth moving",
        "this month service=rds",
    ),
    # NOT SUPPORTED (runway: cash and company burn are not in the bill): the writer's nearest, the average day over
    # the thirty whole days before today by the grammar's rule (the writer counted today in), as FRESH_27
    (
        "/cost",
        "whats our avg daily spend last 30 days. trying to do runway math, we have ~$1.8M in the bank",
        "average last 30 days",
    ),
    # the writer's months by service, July to November so far, as FRESH_25's pivot; unblended as the writer asked
    (
        "/cost",
        "pivot: months as columns (jul..nov), service as rows, unblended. all accts",
        "2026-07..2026-11 by service monthly unblended",
    ),
    # NOT SUPPORTED (December): the forecast is for the month in progress, the writer's nearest, as FRESH_48 and
    # FRESH_50
    (
        "/cost",
        "hey, for the Q4 accrual – whats the expected total for Nov so I can book it before the invoice comes? Dec "
        "too if possible",
        "forecast 2026-11",
    ),
    # checkout, search and data are among the values listed; the untagged share is part of every breakdown; no range
    # typed: this month, as the writer read it
    ("/tags", "which project is eating the most money? checkout, search or the data thing", "project this month"),
    # the last 4 weeks by the grammar's rule, the four whole weeks before this one, as the writer counted; the two
    # services together, week by week
    (
        "/cost",
        "ec2 + eks combined in us-west-2, week over week, last 4 weeks",
        "last 4 weeks service=ec2,eks region=us-west-2 weekly",
    ),
    # the tables are the DynamoDB resources; the production account, as the writer meant it; no range typed: this
    # month, as the writer read it
    (
        "/top-resources",
        "which are the dynamo tables more expensive in prod? the checkout one is very slow and maybe is also "
        "expensive lol",
        "this month service=dynamodb account=production",
    ),
    # the last 6 months by the grammar's rule, the six full months before this one (the writer counted November in),
    # as FRESH_42; by month; the writer's optional split by account left out
    (
        "/cost",
        "Lambda spend in eu-west-1 across all accounts, past 6 months, monthly. We shouldnt have any functions in EU",
        "last 6 months service=lambda region=eu-west-1 monthly",
    ),
    # fees, usage, credits and tax of the day apart by charge class, as FRESH_51
    (
        "/cost",
        "Can I get a breakdown of the Nov 1 charges? lots of lines hit on the 1st and I need to split fees from usage",
        "2026-11-01 by charge-class",
    ),
    # an amount named: the month-end forecast, held against the writer's amount by hand, as FRESH_39 and FRESH_54
    ("/cost", "are we on track to stay under 55k this month?", "forecast 2026-11"),
    # the query read as the writer meant it: a filtered tag breakdown, the env tag value; the last full month; the
    # untagged share is part of every breakdown
    ("/tags", "GROUP BY tag:team WHERE env = 'staging', last full month pls", "team tag:env=staging last month"),
    # the staging account, as the writer meant it; September is the period October is compared with anyway
    ("/cost", "the s3 in staging, it go up or down from september to october?", "2026-10 service=s3 account=staging"),
    # the old cluster's nodes are EC2, as the writer meant it; both tag values the writer named
    (
        "/cost",
        "what did the old self-managed k8s on ec2 cost us last month? its all tagged team=Platform env=prod",
        "last month service=ec2 tag:team=Platform tag:env=prod",
    ),
    # no creator tag is the untagged value of the aws:createdBy key; the production account, as the writer meant it
    (
        "/top-resources",
        "top 15 resources where aws:createdBy is empty, prod acct, this month",
        "15 this month account=production tag:aws:createdBy=untagged",
    ),
    # the query read as the writer meant it: the writer's days from the 20th to today, both services in one total; the
    # writer's optional split by service left out
    (
        "/cost",
        "sum(cost) where service in ('SQS','Lambda') and region = 'us-east-1' and date >= current_date - 7",
        "since 2026-11-20 service=sqs,lambda region=us-east-1",
    ),
    # last week's same days are the period this week is compared with anyway; the services and accounts that moved are
    # among the causes; the dashboard is the writer's context
    ("/cost", "ok so what changed this week? spend looks weird on the dashboard", "why this week"),
    # checkout, search and data are among the values listed with their shares; the untagged share is part of every
    # breakdown
    (
        "/tags",
        "how much of Q3 spend can be allocated by project tag? need allocation % for checkout/search/data and the "
        "unallocated bit",
        "project 2026-q3",
    ),
    # Black Friday week to each Friday, by day, like for like: last year's week cut at its Friday as this one is so
    # far (the writer named its whole week), the writer's order kept, as FRESH_16 and FRESH_23
    (
        "/cost",
        "hello, can you give me cost day by day of cloudfront for black friday week last year and this one? for "
        "compare",
        "2025-11-24..2025-11-28 vs 2026-11-23..2026-11-27 service=cloudfront daily",
    ),
    ("/cost", "cost split by account for eks only, mtd", "this month service=eks by account"),
    # the explanation in plain words is what each resource is, shown beside it; no range typed: this month, as the
    # writer read it
    (
        "/top-resources",
        "top 5 most expensive things we run, in plain english please, Im not an engineer",
        "5 this month",
    ),
    # a filtered tag breakdown; the staging account, as the writer meant it; from the 1st of September to today; the
    # untagged share is part of every breakdown
    (
        "/tags",
        "untagged spend on the team tag in staging since Sep 1 – anything without a team is a finding for me",
        "team account=staging since 2026-09-01",
    ),
    # a filtered tag breakdown; the last whole week, Monday 16 to Sunday 22; dev among the values listed, the untagged
    # share part of every breakdown
    (
        "/tags",
        "env tag split for eks + ec2 last week, want to see how much dev is still on the old nodes",
        "env service=ec2,eks last week",
    ),
    # NOT SUPPORTED (the bot keeps no history of earlier pulls): the writer's nearest, September's total as it is now,
    # held against the writer's figure by hand
    (
        "/cost",
        "I need the Sep number again, and pls tell me if it changed since I pulled it on Oct 5 (was $48,212.07)",
        "2026-09",
    ),
    # the query read as the writer meant it: the seven whole days before today by the grammar's rule (the writer
    # counted today in); tax is its own service, Tax, left out
    (
        "/top-resources",
        "top 10 resource_id by cost, team = 'data', last 7 days, excl. tax obviously",
        "10 last 7 days tag:team=data service!=tax",
    ),
)

FRESH_60_FIRST_SIGHT = (24, 12, 14)

FRESH_60: tuple[tuple[str, str, str], ...] = (
    # the production account, as the writer named it; the month so far, today's partial day marked so
    (
        "/cost",
        "hello please how much have we spent on EC2 for the production account this month so far? my oga is asking",
        "this month service=ec2 account=production",
    ),
    # all three accounts, services and charge types are everything anyway; the month so far
    ("/cost", "MTD total?", "this month"),
    # the writer's days, both included; the commitment fees booked on 1 November apart by charge class, the usage
    # beside them, as the writer asked (the fees called out), as FRESH_47 and FRESH_49
    (
        "/cost",
        "what did the halloween flash sale cost us on the aws side? it ran oct 29 thru nov 1",
        "2026-10-29..2026-11-01 by charge-class",
    ),
    # NOT SUPPORTED (node groups): the writer's nearest, the EC2 instances (the worker nodes) in the production
    # account, as FRESH_15; this week from Monday to today
    (
        "/top-resources",
        "which node groups in the prod eks cluster are burning the most $$ this week",
        "this week service=ec2 account=production",
    ),
    # the total against September and the services ranked by their change, as FRESH_13's total for October against
    # September with the service that grew the most; the slide is the writer's context
    (
        "/cost",
        "hi! so I'm putting together a slide for my manager and had a few questions — first what was our total AWS "
        "spend in October, and how does it compare to September? also is there a way to see which service went up the "
        "most between those two months? sorry if this is obvious, thanks!!",
        "increases 2026-10 by service",
    ),
    # the untagged share is part of every breakdown; the board pack is the writer's context
    ("/tags", "need the team split for october for the board pack. numbers only", "team 2026-10"),
    # Tuesday is the 24th; the day before is the day it is compared with anyway; the writer's guess at Glue is no
    # filter, the services that moved are among the causes
    (
        "/cost",
        "pls kindly check for me why cost jump for data-lake account on tuesday, na the glue jobs abi?",
        "why 2026-11-24 account=data-lake",
    ),
    # storage, requests and transfer are S3 usage types, as FRESH_13 and FRESH_54; no range typed: this month, as the
    # writer read it
    (
        "/cost",
        "how much of our s3 bill is actually storage vs requests vs transfer out? trying to work out if we're just "
        "hoarding old data",
        "this month service=s3 by usage-type",
    ),
    ("/cost", "where does november land?", "forecast 2026-11"),
    # NOT SUPPORTED (namespaces): the writer's nearest, EKS and EC2 for the checkout project, as FRESH_15 and FRESH_24
    ("/cost", "k8s spend by namespace for checkout, last month", "last month service=eks,ec2 tag:project=checkout"),
    # last week's same days are the period this week is compared with anyway, like for like, as FRESH_33 and FRESH_50
    (
        "/cost",
        "how much more are we spending this week vs a normal week? want to know what cyber week is costing us in "
        "infra (I know it's only friday)",
        "this week",
    ),
    # the instances are EC2's; the staging account, as the writer named it; no range typed: this month, as
    # the writer read it; NOT SUPPORTED (idle time): the ranking by cost, the writer's nearest
    (
        "/top-resources",
        "biggest EC2 boxes in staging? feels like we leave half of it running all weekend for nothing",
        "this month service=ec2 account=staging",
    ),
    # tax is its own service, Tax, as FRESH_48; all accounts is every account anyway
    (
        "/cost",
        "Good afternoon. Please what is the total tax we paid for Q3 across all the accounts? Finance need it before "
        "close of business today",
        "2026-q3 service=tax",
    ),
    # like for like, as FRESH_3's month-to-date November against the same days of the year before
    ("/cost", "YoY nov?", "this month vs 2025-11"),
    # the team values are listed in every breakdown; the untagged share is its own line in every breakdown
    (
        "/tags",
        "hey! me again 🙂 my manager wants to know how much each team spends, can this do that? specifically web vs "
        "api vs data vs Platform for last quarter. and if there's a chunk that isn't tagged can you tell me how much "
        "that is too? thank you so much",
        "team last quarter",
    ),
    # NOT SUPPORTED (worker nodes): the writer's nearest, EKS and EC2 side by side, as FRESH_45; the 30 whole days
    # before today by the grammar's rule, as the writer counted; the production account, as the writer meant it
    (
        "/cost",
        "eks control plane vs worker nodes in prod, last 30d",
        "last 30 days service=eks,ec2 account=production by service",
    ),
    # Black Friday 2025 is Friday 28 November and Cyber Monday 2025 Monday 1 December, both days included, as
    # FRESH_48; the same four days a week earlier, as the writer meant them
    (
        "/cost",
        "did last year's black friday to cyber monday cost much more than the weekend before it? trying to plan ahead "
        "for next yr",
        "2025-11-28..2025-12-01 vs 2025-11-21..2025-11-24",
    ),
    # the two accounts side by side, as the writer asked; the last whole week, Monday 16 to Sunday 22
    (
        "/cost",
        "Abeg how much RDS cost us last week for prod and staging, separate am",
        "last week service=rds account=production,staging by account",
    ),
    # from June to November so far, by month, as FRESH_46; all accounts is every account anyway
    (
        "/cost",
        "how much are we spending in ap-southeast-2, month by month since june? trying to see if it's worth keeping a "
        "whole region going there",
        "since 2026-06-01 region=ap-southeast-2 monthly",
    ),
    # the instances are EC2's; NOT SUPPORTED (spot against on-demand): the ranked list, the writer's nearest
    (
        "/top-resources",
        "top 10 ec2 instances in us-east-1 yesterday. pretty sure karpenter fell back to on-demand when spot dried up "
        "for BF",
        "10 yesterday service=ec2 region=us-east-1",
    ),
    # no percentages in the grammar: every account on its own line, the staging share read off by hand, as FRESH_49
    ("/cost", "staging as % of total, last month", "last month by account"),
    # the writer's days, both included; checkout and search are among the values listed, the untagged share part of
    # every breakdown
    (
        "/tags",
        "checkout vs search — what did each project cost during the summer sale (jul 6-19)?",
        "project 2026-07-06..2026-07-19",
    ),
    # the charge classes of the day apart, the fees booked on the 1st among them, as FRESH_47 and FRESH_49; the same
    # day of October beside it, the writer's order kept, to show the fee recurs
    (
        "/cost",
        "Hi, sorry to bother — I'm looking at the bill and there's a really big charge on Nov 1st, is that normal? is "
        "that the savings plan thing? would it be the same every month? and also how do I tell what's usage vs fees "
        "in general",
        "2026-11-01 vs 2026-10-01 by charge-class",
    ),
    # like for like: the complete days of November against the same days of October; the writer's days since Monday
    # read off the daily series of the month
    (
        "/cost",
        "Good morning all. Kindly help me check if DynamoDB for this month is higher than last month, I've been "
        "seeing alert since Monday",
        "this month service=dynamodb daily",
    ),
    # NOT SUPPORTED (carbon): the writer's nearest, year to date by region, as FRESH_10 and FRESH_46
    ("/cost", "whats our carbon footprint per region this year", "ytd by region"),
    # the present read as the writer read it, the month so far, as FRESH_43
    (
        "/top-resources",
        "whats the most expensive stuff behind the checkout project rn?",
        "this month tag:project=checkout",
    ),
    # the credits only, by charge class; all accounts is every account anyway
    ("/cost", "credits applied YTD", "ytd charge-class=credit"),
    # transfer between zones is a Data Transfer usage type, as FRESH_15 and FRESH_40; no range typed: this month, as
    # the writer read it; NOT SUPPORTED (the mesh and the cluster as causes); the monthly trend the writer would have
    # liked is a question of its own
    (
        "/cost",
        "data transfer between AZs — is that what's eating us? cross-az from the mesh has been bad since we moved to "
        "the new cluster",
        "this month service=data-transfer by usage-type",
    ),
    # the functions are the Lambda resources; each one's account is read off the list; all accounts
    (
        "/top-resources",
        "ok so kind of a random question but which lambda functions cost the most? I'm writing a little report on "
        "serverless for my onboarding project. would it be possible to also see if any of them are in the staging "
        "account? just last month is fine",
        "last month service=lambda",
    ),
    # the untagged share is part of every breakdown; no range typed: this month, as the writer read it
    ("/tags", "how much spend has no env tag at all? untagged is usually the forgotten stuff", "env this month"),
    # the writer's days around the 11th, by day, the day held against its neighbours by hand
    (
        "/cost",
        "did 11/11 do anything to the aws bill? we ran the singles day promo just that one day",
        "2026-11-04..2026-11-18 daily",
    ),
    # no range typed: this month, as the writer read it; the top one first
    (
        "/top-resources",
        "Please which RDS instance is the most costly one for us now? I want to downsize it before December",
        "this month service=rds",
    ),
    # the week before is the period last week is compared with anyway; what drove the change among the causes
    ("/cost", "biggest driver of last wk's increase?", "why last week"),
    # a filtered tag breakdown; dev and prod among the values listed, the untagged share part of every breakdown
    (
        "/tags",
        "env split on eks+ec2 this month, want to see what the dev clusters actually cost vs prod",
        "env service=eks,ec2 this month",
    ),
    # this week from Monday to today by day, today's partial day marked so; NOT SUPPORTED (the end of one day): the
    # series, the writer's nearest (the month-end forecast a question of its own)
    (
        "/cost",
        "hi team!! quick(ish) question: what did we spend per day this week, and is today going to end up higher than "
        "yesterday because of black friday? also does today's number include everything yet or is it still updating??",
        "this week daily",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_53 (the writer's nearest, the month
    # so far with the forecast, was not taken)
    ("/cost", "will cyber monday push us over budget this month?", "!budget"),
    # the account data-lake, as the writer meant it; the Glue jobs are the writer's context
    (
        "/cost",
        "pls wetin be the forecast for data lake acct end of month? the glue jobs dey run since tuesday no stop",
        "forecast 2026-11 account=data-lake",
    ),
    # the buckets are the S3 resources; no range typed: this month, as the writer read it; NOT SUPPORTED (who reads
    # them): the ranking by cost
    (
        "/top-resources",
        "largest s3 buckets by cost? hunting for old log buckets nobody reads anymore",
        "this month service=s3",
    ),
    # the two services side by side, each account apart, as the writer asked; the other questions are context
    (
        "/cost",
        "Hello :) Can you tell me the total for KMS and SQS for the year so far, separately? I'm trying to "
        'understand the "small" services. Also which account uses them most? And is it normal that KMS charges like '
        "every single day?",
        "ytd service=kms,sqs by service, account",
    ),
    # the last 30 whole days by the grammar's rule, as the writer counted, as FRESH_45
    ("/cost", "any weird days on eks in the past month or so?", "anomalies last 30 days service=eks"),
    # the untagged share and its percentage are part of every breakdown; the quarter so far
    ("/tags", "untagged % by project, QTD", "project this quarter"),
    # the env tag value; Wednesday and Thursday of this week, both included; Thanksgiving is the writer's context
    (
        "/cost",
        "how much did the dev env burn wed+thu this week? it was thanksgiving, nobody was even online",
        "2026-11-25..2026-11-26 tag:env=dev",
    ),
    # the writer's order kept, as FRESH_15 and FRESH_52; each service's change, Glue and S3 among them
    (
        "/cost",
        "Sorry for the long msg. My mentor said the data-lake account got more expensive after the Glue migration in "
        "August. Can you compare July and September for that account and show which services changed? Also did the S3 "
        "part go up or only Glue?",
        "2026-07 vs 2026-09 account=data-lake by service",
    ),
    # a filtered tag breakdown; the account data-lake; checkout among the values listed, the untagged share part of
    # every breakdown
    (
        "/tags",
        "abeg show me cost by project for data lake account for october, i wan see wetin checkout people dey use there",
        "project account=data-lake 2026-10",
    ),
    # the writer's days, both included; the two services side by side with their total; the launch is the writer's
    # context
    (
        "/cost",
        "hw much cloudfront + s3 for the holiday lookbook launch? went live dec 1 last year, ran til jan 5",
        "2025-12-01..2026-01-05 service=cloudfront,s3 by service",
    ),
    # the writer's days from the 16th to today, by day; the drop after the 19th read off the series
    (
        "/cost",
        "ec2 eu-west-1 daily since the 16th pls — we scaled the eu node pool down thurs the 19th and I want to "
        "confirm it actually dropped",
        "since 2026-11-16 service=ec2 region=eu-west-1 daily",
    ),
    # the tables are the DynamoDB resources; no range typed: this month, as the writer read it; NOT SUPPORTED
    # (provisioned against consumed capacity): the ranking by cost
    (
        "/top-resources",
        "which dynamodb tables cost the most? suspect some are provisioned way over what they actually use",
        "this month service=dynamodb",
    ),
    # the creator tag; the 7 whole days before today by the grammar's rule; the untagged share is part of every
    # breakdown; the split by env is a question of its own
    (
        "/tags",
        "hiya, what does aws:createdBy actually mean, and can you show spend grouped by it for the last 7 days? I "
        "want to see if people are making stuff by hand in the console, and whether most of that is in dev",
        "aws:createdBy last 7 days",
    ),
    # all accounts is every account anyway
    ("/cost", "Oct total. one number, no breakdown pls", "2026-10"),
    # NOT SUPPORTED (usage hours): the writer's nearest, EC2's cost by month from June to November so far
    (
        "/cost",
        "has ec2 usage actually gone down since the rightsizing in sept? hours not dollars if u have it",
        "2026-06..2026-11 service=ec2 monthly",
    ),
)

FRESH_61_FIRST_SIGHT = (26, 7, 17)

FRESH_61: tuple[tuple[str, str, str], ...] = (
    # the month so far from the 1st; all accounts is every account anyway
    (
        "/cost",
        "hello, how much we have spend on EKS in eu-west-1 since the begin of the month ?",
        "this month service=eks region=eu-west-1",
    ),
    # the ticket key is wrapping; October by service
    (
        "/cost",
        'FINOPS-212: "Provide breakdown of AWS spend by service for October 2026 for the monthly business review"',
        "2026-10 by service",
    ),
    # the credits by charge class; the writer's optional split by account left out, as FRESH_25
    (
        "/cost",
        "What was the total amount of credits applied to our accounts in October? Need it for the reconciliation, "
        "thanks",
        "2026-10 charge-class=credit",
    ),
    # today's total so far, its partial day marked so; the writer's ideal comparison with a normal Friday not typed,
    # left out, as FRESH_35
    ("/cost", "yo how much have we burned today so far 🔥🔥 black friday traffic go brrr is it bad lol", "today"),
    ("/cost", "mtd", "this month"),
    # the thirty whole days before today by the grammar's rule, as the writer counted; jobs, crawlers and dev
    # endpoints are Glue usage types, as FRESH_5
    (
        "/cost",
        "Glue spend last 30 days, split by job vs crawler vs dev endpoint if you can",
        "last 30 days service=glue by usage-type",
    ),
    # the day before is the day yesterday is compared with anyway; the accounts, regions and usage types that moved
    # are among the causes
    (
        "/cost",
        "Why the cost of data transfer is so high yesterday compare to the day before? I see a pic on the dashboard",
        "why yesterday service=data-transfer",
    ),
    # the tables are the DynamoDB resources; the present read as the writer read it, the month so far; the default
    # number of them
    ("/top-resources", "whats the priciest dynamo table rn 🤔", "this month service=dynamodb"),
    # the production account, as the writer named it; like for like: the complete days of November against the same
    # days of October; the drivers are among the causes
    (
        "/cost",
        "[PLAT-1873] Investigate increase in EC2 costs in production account since start of November. Acceptance "
        "criteria: identify top drivers of the increase.",
        "why this month service=ec2 account=production",
    ),
    # the Savings Plans and RI fees are the commitment fees, as FRESH_42 and FRESH_50; each account on its own line
    (
        "/cost",
        "Can you show me the Nov 1 recurring fees - Savings Plans and RI - broken out by linked account?",
        "2026-11-01 charge-class=recurring,one-time by account",
    ),
    # a filtered tag breakdown; the staging account, as the writer meant it; prod among the values listed, the
    # untagged share part of every breakdown
    (
        "/tags",
        'repartition of the cost by env for staging account on october, i want to check if some "prod" tag is in the '
        "staging (it should not)",
        "env account=staging 2026-10",
    ),
    # the data-lake account; June to November so far, by month; the lifecycle change is the writer's context; the
    # writer's ideal split by storage class not typed, left out, as FRESH_53
    (
        "/cost",
        "S3 storage in data-lake month over month since June - want to see if the lifecycle rules to Glacier IR "
        "actually kicked in (went live mid Aug)",
        "since 2026-06-01 service=s3 account=data-lake monthly",
    ),
    # like for like: the complete days of November against the same days of October, the period compared with anyway
    ("/cost", "rds vs last month", "this month service=rds"),
    # like for like: this week's complete days against the same days of last week, the period compared with anyway
    ("/cost", "ngl cloudfront looks kinda 👀 this week vs last week??", "this week service=cloudfront"),
    # tax is its own service, Tax, as FRESH_5; each account on its own line
    ("/cost", "tax total for Q3 per account please (July-Sept)", "2026-q3 service=tax by account"),
    # the instances are EC2's; the production account, as the writer meant it; this week from Monday to today
    (
        "/top-resources",
        "which are the 10 ec2 instances the most expensive in prod account this week please",
        "10 this week service=ec2 account=production",
    ),
    # NOT SUPPORTED: a service not on the bill is refused by name, as FRESH_5's, FRESH_13's and FRESH_27's `athena`
    # (the writer's nearest, S3 and Glue in data-lake, was not taken)
    ("/cost", "Has Athena cost gone up since we moved the analysts to the new workgroup on Nov 9?", "!athena"),
    # the ticket key is wrapping; the last full month; the untagged share and its percentage are part of every
    # breakdown
    (
        "/tags",
        "Ticket OPS-4410 says \"Tag compliance: report % of spend untagged for the 'team' tag across all accounts, "
        'last full month". Can you pull that?',
        "team last month",
    ),
    ("/cost", "eom forecast", "forecast 2026-11"),
    # refunds are the adjustment class, beside the credits, as FRESH_7; NOT SUPPORTED (the overcharge case behind it):
    # the writer's nearest, November so far by service, S3 among them
    (
        "/cost",
        "Hi - we were told AWS issued a refund in November for the S3 overcharge from September. Has it shown up yet? "
        "How much?",
        "this month charge-class=adjustment,credit by service",
    ),
    # the latest weekend, Sat 21 and Sun 22, against the weekend before as the writer meant it, not the two days just
    # before it, as FRESH_6 and FRESH_41; the staging account; by day
    (
        "/cost",
        "did my sqs thing cost a lot lmao i left a consumer polling in staging all weekend 💀",
        "2026-11-21..2026-11-22 vs 2026-11-14..2026-11-15 service=sqs account=staging daily",
    ),
    # the fourteen whole days before today by the grammar's rule, as the writer counted
    (
        "/cost",
        "Can you give me the cost day per day of Lambda for the last 2 weeks, I think there is a loop somewhere",
        "last 14 days service=lambda daily",
    ),
    # the buckets are the S3 resources; the data-lake account
    (
        "/top-resources",
        "biggest S3 buckets in the data lake acct by cost, october",
        "2026-10 service=s3 account=data-lake",
    ),
    # the budget's amount is named: the data-lake account's quarter so far with this month's forecast line (the
    # forecast is for the month, never the quarter), held against the writer's amount by hand, as FRESH_51 and
    # FRESH_54
    (
        "/cost",
        'From Jira DATA-982 — "Q4 budget for data-lake is $45k. Are we on track?"',
        "forecast 2026-q4 account=data-lake",
    ),
    # no range typed: this month; the untagged share is part of every breakdown
    ("/tags", "by team", "team this month"),
    # gross is the default unblended basis; usage and credits apart by charge class, the net total being the total,
    # month by month, November partial
    ("/cost", "gross usage vs net after credits, year to date, by month", "ytd by charge-class monthly"),
    # the writer's month so far
    (
        "/cost",
        "is there some strange days in november for KMS ? normaly it is very stable",
        "anomalies 2026-11 service=kms",
    ),
    # a filtered tag breakdown; dev and prod among the values listed, the untagged share part of every breakdown; no
    # range typed: this month
    (
        "/tags",
        "can u split api team stuff by env?? like how much is dev vs prod for us 😅",
        "env tag:team=api this month",
    ),
    # the ticket key is wrapping; from 1 September to today; the two regions side by side
    (
        "/cost",
        'Re: SEC-77 "Confirm no spend in non-approved regions (only us-east-1 and eu-west-1 allowed)". Need the '
        "numbers for us-west-2 and ap-southeast-2 since Sept 1",
        "since 2026-09-01 region=us-west-2,ap-southeast-2 by region",
    ),
    # the writer's thirty days before the change against the thirty from it, the writer's order kept, as FRESH_10's
    # before and after; the data-lake account
    (
        "/cost",
        "what's KMS costing us in data-lake? wondering if the S3 bucket keys change (Sept 15) cut the request charges",
        "2026-08-16..2026-09-14 vs 2026-09-15..2026-10-14 service=kms account=data-lake",
    ),
    # the instances are EC2's; no range typed: this month
    ("/top-resources", "top 20 ec2", "20 this month service=ec2"),
    # tax is its own service, Tax, left out, as FRESH_51
    (
        "/cost",
        "Where will November close? Finance wants an accrual estimate by Monday, excluding tax if possible.",
        "forecast 2026-11 service!=tax",
    ),
    # the migrated cluster is the search project's, as the writer meant it; the writer's 14 days before the 2nd
    # against the 14 days from it, the writer's order kept, as FRESH_53
    (
        "/cost",
        "we have migrate the search cluster to graviton on 2 november, is the EC2 cost lower after? compare 2 weeks "
        "before and 2 weeks after pls",
        "2026-10-19..2026-11-01 vs 2026-11-02..2026-11-15 service=ec2 tag:project=search",
    ),
    # the checkout database is the checkout project's RDS, as the writer meant it
    (
        "/cost",
        "rds bill for the checkout db this month?? asking for a friend (the friend is my manager) 😭",
        "this month service=rds tag:project=checkout",
    ),
    # a filtered tag breakdown; the staging account; the untagged share and its percentage are part of every breakdown
    (
        "/tags",
        "How much of staging's spend last month had no team tag? Trying to figure out who to charge it back to",
        "team account=staging last month",
    ),
    ("/cost", "spikes nov?", "anomalies 2026-11"),
    # the ticket is wrapping; the month-end forecast against last November, as FRESH_43
    (
        "/cost",
        'copy-paste from PM ticket: "What will our total AWS bill be for November, and how does it compare to Nov '
        'last year?"',
        "forecast 2026-11 vs 2025-11",
    ),
    # the seven whole days before today by the grammar's rule, as the writer counted; two questions: the daily series
    # typed kept (unusual days are a question of their own), as FRESH_13 and FRESH_15
    (
        "/cost",
        "Glue daily for the past week — anything out of line? the nightly ETL got retried a bunch on tues",
        "last 7 days service=glue daily",
    ),
    # which instances are EKS workers is not in the bill: the EC2 instances with the EKS resources in the same list,
    # as FRESH_33; the last whole week, Monday 16 to Sunday 22
    (
        "/top-resources",
        "eks nodes that cost the most in us-west-2 last wk pls 🙏",
        "last week service=ec2,eks region=us-west-2",
    ),
    # data transfer is the Data Transfer service; this week from Monday to today
    ("/cost", "dt by region wtd", "this week service=data-transfer by region"),
    # a filtered tag breakdown; the production account; the three values and the untagged share are listed in every
    # breakdown
    (
        "/tags",
        "For the chargeback report: October spend by project tag (checkout / search / data), production account only. "
        "Please include untagged as its own line.",
        "project account=production 2026-10",
    ),
    # the ticket key is wrapping; the thirty whole days before today by the grammar's rule, as the writer counted
    (
        "/top-resources",
        'WEB-3321 "Identify top 5 cost resources owned by team web for cleanup candidates" — last 30 days is fine',
        "5 last 30 days tag:team=web",
    ),
    # no range typed: the month so far, by day, as the writer meant it
    (
        "/cost",
        "wait do we still pay for eks in ap-southeast-2?? thought that cluster got deleted 😳",
        "this month service=eks region=ap-southeast-2 daily",
    ),
    # the buckets are the S3 resources, each with all its charges; the data-lake account; no range typed: this month
    (
        "/top-resources",
        "the buckets S3 who cost the most in data-lake, with the storage and the requests together",
        "this month service=s3 account=data-lake",
    ),
    # NOT SUPPORTED (the invoice document): the writer's nearest, October split by charge class, held against the
    # invoice figure by hand, as FRESH_5
    (
        "/cost",
        "Invoice for October says 184,392.17 USD - what do you have as the net total for Oct incl. credits and tax? "
        "need to match it against INV-2026-10-4471",
        "2026-10 by charge-class",
    ),
    # the ticket key is wrapping; the writer's week before the schedule against the week from it, the writer's order
    # kept, as FRESH_10 and FRESH_30; the staging account
    (
        "/cost",
        "PLAT-1902 status update - has the staging shutdown-at-night schedule (deployed 10/19) reduced staging costs? "
        "Pls compare week before vs week after",
        "2026-10-12..2026-10-18 vs 2026-10-19..2026-10-25 account=staging",
    ),
    # a filtered tag breakdown; the staging account; no range typed: this month; the untagged share is part of every
    # breakdown
    ("/tags", "createdBy untagged staging", "aws:createdBy account=staging this month"),
    # the jobs are the Glue resources; the month so far
    ("/top-resources", "which glue jobs cost us most this month?", "this month service=glue"),
    # a filtered tag breakdown; the data-lake account; the quarter so far; data among the values listed, the untagged
    # share part of every breakdown
    (
        "/tags",
        "project split for data-lake this quarter — how much is really tagged project=data vs other stuff/untagged?",
        "project account=data-lake this quarter",
    ),
    # the day before is the day yesterday is compared with anyway; the drivers are among the causes
    ("/cost", "why up yday", "why yesterday"),
)

FRESH_62_FIRST_SIGHT = (32, 8, 10)

FRESH_62: tuple[tuple[str, str, str], ...] = (
    # the staging account, as the writer named it; the last whole week, Monday 16 to Sunday 22; the week before is the
    # period it is compared with anyway; the writer's change earlier that week is context
    (
        "/cost",
        "anh oi, cost of lambda in staging account last week is how much? i think it increase because my deploy on "
        "monday",
        "last week service=lambda account=staging",
    ),
    # Q2 is the period Q3 is compared with anyway, as FRESH_16 and FRESH_22; tax is its own service, Tax, left out, as
    # FRESH_19; all accounts is every account anyway
    (
        "/cost",
        "Need total AWS spend Q3 vs Q2 for the board deck - all accounts, ex tax if you can",
        "2026-q3 service!=tax",
    ),
    # Tuesday is the 24th, against the same weekday a week earlier, as FRESH_21; the exercise is the writer's context
    (
        "/cost",
        "how much did the AZ failover game day cost us on tues? we spun up a bunch of extra ec2 in us-west-2 for it",
        "2026-11-24 vs 2026-11-17 service=ec2 region=us-west-2",
    ),
    # the amortized basis spreads the fees over the month; all accounts is every account anyway
    (
        "/cost",
        "Hi - what is the amortized cost for October? I'd like the Savings Plan fee that hit on 1 Oct spread across "
        "the month rather than sitting as one lump on the 1st.",
        "2026-10 amortized",
    ),
    # checkout is the project tag value; no range typed: the writer's months since June by month, November so far, as
    # FRESH_17
    (
        "/cost",
        "how much does checkout cost us a month? like the checkout service on EKS i mean, not sure if thats how its "
        "set up",
        "since 2026-06-01 tag:project=checkout monthly",
    ),
    # today's total so far, its partial day marked so; the holiday load is the writer's context
    ("/cost", "whats our spend tofay so far?? black friday traffic is nuts", "today"),
    # the tables are the DynamoDB resources; the production account, as the writer meant it; the month so far
    (
        "/top-resources",
        "which dynamodb table is most expensive in production this month. i want check if it is the one of my team",
        "this month service=dynamodb account=production",
    ),
    # an amount named: the month-end forecast, held against the writer's amount by hand, as FRESH_59
    (
        "/cost",
        "where do we land for end of November? I want to tell the board whether we come in over $400k or not",
        "forecast 2026-11",
    ),
    # the instances are EC2's; the staging account, as the writer meant it; what the writer hunts for is read off the
    # list
    (
        "/top-resources",
        "top 10 ec2 instances in staging yesterday - hunting for anything left over from the chaos run",
        "10 yesterday service=ec2 account=staging",
    ),
    # the whole day split by charge class, the commitment fees apart from usage, as the writer meant it, as FRESH_59
    # and FRESH_60
    (
        "/cost",
        "Can you show me the RI and Savings Plans fees that were charged on Nov 1st, separately from normal usage "
        "please?",
        "2026-11-01 by charge-class",
    ),
    # search is a project tag value, not a team one: the project key listed, search among its values, the untagged
    # share part of every breakdown; no range typed: this month, as the writer read it
    ("/tags", "how much is the search team spending?", "project this month"),
    # September is the period October is compared with anyway
    ("/cost", "wgat was s3 last mnth vs the month befor", "2026-10 service=s3"),
    # the writer's days from the 20th to yesterday, both included, against the seven days just before, the period
    # compared with anyway; the accounts and usage types that moved are among the causes
    (
        "/cost",
        "why cost of data transfer in eu-west-1 go up so much from 20/11? nothing change in our side",
        "why 2026-11-20..2026-11-26 service=data-transfer region=eu-west-1",
    ),
    # the year so far; the untagged share and amount are part of every breakdown; the board is the writer's context
    ("/tags", "for the board: this year's spend by team, and how much is still untagged", "team ytd"),
    # the writer's days from the 16th to today, by day; the writer's test day read off the series
    (
        "/cost",
        "daily cost of the data-lake acct from 16 nov till now pls, we did the glue job kill test on the 18th",
        "since 2026-11-16 account=data-lake daily",
    ),
    # two bases side by side have no canonical form: one basis at a time, as FRESH_4, FRESH_6, FRESH_21, FRESH_24,
    # FRESH_46 and FRESH_50; NOT SUPPORTED (finance's prepaid balance)
    (
        "/cost",
        "What's unblended vs amortised for YTD? Finance wants to reconcile the remaining prepaid balance on our "
        "commitments.",
        "!unblended",
    ),
    # the CDN is CloudFront; the last whole week, Monday 16 to Sunday 22
    ("/cost", "is cloudfront the same thing as our CDN? how much was that last week", "last week service=cloudfront"),
    # the buckets are the S3 resources; the month so far; all accounts
    ("/top-resources", "biggest s3 bucke ts this month pls", "this month service=s3"),
    # the thirty whole days before today by the grammar's rule, as the writer counted; the two regions among the rest
    (
        "/cost",
        "please show me rds cost by region for last 30 day, I need compare ap-southeast-2 with us-east-1",
        "last 30 days service=rds by region",
    ),
    # the last full quarter, July to September; dev and staging among the values listed, the untagged share part of
    # every breakdown
    ("/tags", "board asked how much we burn on non-prod. split last quarter by env tag?", "env last quarter"),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_53 and FRESH_55; the services behind them are part of the answer
    (
        "/cost",
        "any weird spikes in the last 2 weeks? want to make sure the chaos monkey stuff didnt leave anything running",
        "anomalies last 2 weeks",
    ),
    # the credits only by charge class, each account on its own line, as FRESH_59
    (
        "/cost",
        "Credits applied in October: how much in total and against which account?",
        "2026-10 charge-class=credit by account",
    ),
    # NOT SUPPORTED (no such feature in the bill): the writer's nearest, Lambda this month by project tag
    ("/cost", "how much did the recommendations feature cost in lambda??", "this month service=lambda by tag:project"),
    # this week from Monday to today
    ("/cost", "ec2 cost by accoubt this week", "this week service=ec2 by account"),
    # a filtered tag breakdown; the staging account; the untagged share and its percentage are part of every breakdown
    ("/tags", "env tag in staging account last month, how many % is untagged?", "env account=staging last month"),
    # the last 6 months by the grammar's rule, the six full months before this one (the writer's alternative), as
    # FRESH_42 and FRESH_59; by month
    ("/cost", "month over month for the last 6 months, one number per month is fine", "last 6 months monthly"),
    # the two days, the writer's order kept; the two regions side by side
    (
        "/cost",
        "region evacuation drill: eu-west-1 and us-east-1 cost on Wed 25 Nov vs Wed 18 Nov?",
        "2026-11-25 vs 2026-11-18 region=eu-west-1,us-east-1 by region",
    ),
    # NOT SUPPORTED (coverage): the split by charge class, the usage beside the Savings Plan fee, as FRESH_12 and
    # FRESH_56; the month so far
    (
        "/cost",
        "For November so far, how much of the EC2 usage was covered by the Savings Plan vs charged on-demand?",
        "this month service=ec2 by charge-class",
    ),
    # the clusters are the EKS resources; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "which EKS clusters cost the most? is that the same as our microservices",
        "this month service=eks",
    ),
    # the month so far; checkout and search among the values listed, the untagged share part of every breakdown
    ("/tags", "project spend nov so far checkout vs searcg", "project this month"),
    # the production account; the month so far; the two services side by side with their total
    (
        "/cost",
        "em muon hoi total sqs + kms in production for november, it is small or not?",
        "this month service=sqs,kms account=production by service",
    ),
    # the later month against the earlier, as the docs' change between two months; the services and accounts that
    # moved are among the causes
    ("/cost", "what drove the increase from Sept to Oct? need 2-3 bullets for the deck", "why 2026-10"),
    # the instances are RDS's resources; the last whole week, Monday 16 to Sunday 22; what the writer looks for is
    # read off the list
    (
        "/top-resources",
        "top rds instances in us-west-2 last week, the failover test created a replica and I want to know if it's "
        "still around",
        "last week service=rds region=us-west-2",
    ),
    # tax is its own service, Tax; by month
    ("/cost", "total tax for Q3, by month please", "2026-q3 service=tax monthly"),
    # no range typed: this month, as the writer read it; each account on its own line, the data-lake among them
    (
        "/cost",
        "what is Glue? it keeps showing on the bill. how much is it and is it the data lake thing",
        "this month service=glue by account",
    ),
    # the same weekday a week earlier, as CORPUS
    ("/cost", "lamda yesterdya vs same day last week", "yesterday vs 2026-11-19 service=lambda"),
    # the buckets and jobs are the S3 and Glue resources; the data-lake account; the writer's days from the 1st to
    # today
    (
        "/top-resources",
        "in data-lake account which s3 bucket and glue job cost most since 1/11?",
        "since 2026-11-01 service=s3,glue account=data-lake",
    ),
    # the last full quarter; each account on its own line, the shares read off by hand, as FRESH_49 and FRESH_60
    ("/cost", "cost per account last quarter - want prod / staging / data-lake as % of total", "2026-q3 by account"),
    # this week from Monday to today; the untagged share is part of every breakdown; the exercise is the writer's
    # context
    (
        "/tags",
        "can u split this week's spend by aws:createdBy? trying to see who launched stuff during gameday",
        "aws:createdBy this week",
    ),
    # credits in the total as it is, as FRESH_5; tax is its own service, Tax, left out, as FRESH_61
    (
        "/cost",
        "We need to accrue for November before the invoice comes in. What's the projected Nov total, net of credits "
        "and excluding tax?",
        "forecast 2026-11 service!=tax",
    ),
    # a filtered tag breakdown; no range typed: this month; the untagged share is part of every breakdown
    ("/tags", "which team owns most of the DynamoDB spend", "team service=dynamodb this month"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_61 (the writer's nearest, the month
    # so far with the forecast, was not taken)
    ("/cost", "did we go over budget this month??", "!budget"),
    # the writer's days, both included, by day; the staging account, as the writer meant it
    (
        "/cost",
        "eks cost in staging every day from 01/11 to 15/11, we scale down node group at 10/11 so i want see it go down",
        "2026-11-01..2026-11-15 service=eks account=staging daily",
    ),
    # last Black Friday is 2025-11-28; the writer's order kept, as FRESH_20; today's partial day is marked so; NOT
    # SUPPORTED (traffic)
    (
        "/cost",
        "compare black friday last year to today, total spend. want to say we handled 2x the traffic for only X% more "
        "cost",
        "2025-11-28 vs 2026-11-27",
    ),
    # NOT SUPPORTED (the hours of the experiment): the writer's nearest, the whole day against the same weekday a week
    # earlier, as FRESH_55; the production account, as the writer meant it
    (
        "/cost",
        "what did the dynamo throttling experiment cost - ran 10:00-14:00 UTC on 19 Nov in prod",
        "2026-11-19 vs 2026-11-12 service=dynamodb account=production",
    ),
    # the RI fees are the commitment fees on the amortized basis, as FRESH_4; March to November so far by month; NOT
    # SUPPORTED (one purchase on its own)
    (
        "/cost",
        "The 1-yr all-upfront RI we bought in March - how much of it has been amortised month by month so far?",
        "2026-03..2026-11 charge-class=recurring,one-time amortized monthly",
    ),
    # the functions are the Lambda resources; no range typed: this month, as the writer read it; the writer's guess at
    # one of them is read off the list
    (
        "/top-resources",
        "what are the most expensive lambdas? I think checkout api is one lambda",
        "this month service=lambda",
    ),
    # the present read as the writer read it, the month so far, as FRESH_43
    ("/top-resources", "whats costing the most in ap-southeast-2 rn", "this month region=ap-southeast-2"),
    # the last full month; Platform and data among the values listed, the untagged share part of every breakdown
    ("/tags", "team Platform cost last month is how much, and compare with team data?", "team last month"),
    # the last whole week, Monday 16 to Sunday 22
    ("/cost", "breakdwn by service for last weel pls", "last week by service"),
)

FRESH_63_FIRST_SIGHT = (30, 11, 9)

FRESH_63: tuple[tuple[str, str, str], ...] = (
    # the production account by its id, as the writer meant it; the last whole week, Monday 16 to Sunday 22; by day
    ("/cost", "ec2 prod acct last week, per day pls", "last week service=ec2 account=production daily"),
    # the day before is the day yesterday is compared with anyway; the writer's guess at the holiday traffic is no
    # filter, the services and accounts that moved are among the causes
    ("/cost", "why cost go up so much yesterday? is it black friday traffic or something else", "why yesterday"),
    # the tables are the DynamoDB resources; the month so far
    (
        "/top-resources",
        "biggest dynamodb tables in eu-west-1 this month",
        "this month service=dynamodb region=eu-west-1",
    ),
    # Black Friday week to each Friday, the writer's order kept, as FRESH_43 and FRESH_52; the two services as one
    # total, the writer's first choice, as FRESH_56
    (
        "/cost",
        "cloudfront + data transfer this week vs black friday week last year",
        "2026-11-23..2026-11-27 vs 2025-11-24..2025-11-28 service=cloudfront,data-transfer",
    ),
    # the 30 whole days before today by the grammar's rule, as the writer counted; all accounts is every account
    # anyway
    ("/cost", "any strange days in lambda last 30d?", "anomalies last 30 days service=lambda"),
    # the year so far by month, November partial, as FRESH_54
    ("/cost", "kms is it growing?? month by month since jan", "ytd service=kms monthly"),
    # a filtered tag breakdown; the writer's month so far; prod, dev and staging among the values listed, the untagged
    # share part of every breakdown
    ("/tags", "eks spend per env, nov", "env service=eks 2026-11"),
    # the staging account by its id, as the writer meant it; NOT SUPPORTED (another currency, no exchange rates): the
    # total in the billing currency, the writer's nearest, as FRESH_39, FRESH_42 and FRESH_49
    ("/cost", "staging sqs oct? only total. in SEK would be nice but usd fine", "2026-10 service=sqs account=staging"),
    # the instances are EC2's; the production account by its id, as the writer meant it; the 7 whole days before today
    # by the grammar's rule, as the writer counted; each resource's id is shown beside it
    (
        "/top-resources",
        "top 10 ec2 instances in prod last 7 days, want instance id + type if u have",
        "10 last 7 days service=ec2 account=production",
    ),
    # all three accounts are every account anyway; the untagged share is its own line in every breakdown
    (
        "/tags",
        "Can I get October spend by team tag across all three accounts? Please keep untagged as its own line, I need "
        "it for showback",
        "team 2026-10",
    ),
    # the untagged share, in dollars and as a percentage, is part of every breakdown; the month so far
    ("/tags", "what share of MTD spend has no env tag at all? need both the % and the $", "env this month"),
    # a filtered tag breakdown; the env tag value, as the writer meant it; checkout, search and data among the values
    # listed, the untagged share part of every breakdown
    ("/tags", "project breakdown for Q3 — checkout vs search vs data, prod env only", "project tag:env=prod 2026-q3"),
    # a filtered tag breakdown; the data-lake account; the values are listed as stored, each casing apart, as
    # FRESH_18, FRESH_30 and FRESH_56; the untagged share is part of every breakdown
    (
        "/tags",
        'team split for the data-lake account last month. fwiw I see both "Platform" and "platform" in the CUR, are '
        "those being merged or not?",
        "team account=data-lake last month",
    ),
    # the env tag value, as the writer meant it (not the account); September is the period October is compared with
    # anyway, the change in the answer
    (
        "/cost",
        "how much did team=web spend on EC2 in prod, Oct vs Sep?",
        "2026-10 service=ec2 tag:team=web tag:env=prod",
    ),
    # the env tag value; tax and credits left out by charge class, usage and fees kept, as FRESH_46 and FRESH_52; the
    # month so far by service
    (
        "/cost",
        "for showback I need Nov-to-date for env=dev split by service, excluding tax and credits",
        "this month tag:env=dev by service charge-class!=tax,credit",
    ),
    # the quarter so far, October to today; the untagged share is part of every breakdown
    (
        "/tags",
        "who's creating the expensive stuff? aws:createdBy breakdown for this quarter so far",
        "aws:createdBy this quarter",
    ),
    # every answer names its basis: the bot's own, as FRESH_49 and FRESH_50; the last whole week, Monday 16 to Sunday
    # 22
    (
        "/cost",
        "amortized or unblended, whichever you have - team=api total for the last full week",
        "last week tag:team=api",
    ),
    # the console's menu is the writer's context; no instance or volume usage types apart in the vocabulary: EC2 by
    # usage type, the compute and block storage lines among them, as FRESH_46 and the writer's nearest
    (
        "/cost",
        'how much are we paying for "Instances" vs "Elastic Block Store" (the EC2 console left menu) this month',
        "this month service=ec2 by usage-type",
    ),
    # the buckets are the S3 resources; the production account, as the writer meant it; no range typed: this month, as
    # the writer read it; the console page is the writer's context
    (
        "/top-resources",
        "which S3 buckets cost the most? like the ones on the Buckets page, prod account",
        "this month service=s3 account=production",
    ),
    # the writer's daily series, not the average; this week from Monday to today; the console path is the writer's
    # context
    ("/cost", "what does Lambda > Functions cost us per day this week", "this week service=lambda daily"),
    # the DB instances are the RDS resources; the top one first, as FRESH_60; the console page is the writer's context
    (
        "/top-resources",
        'on the RDS "Databases" page which db is the most expensive one? for last month',
        "last month service=rds",
    ),
    # the total as it is holds usage, fees, credits and tax, as FRESH_33 and FRESH_44; the other tool is the writer's
    # context
    ("/cost", "whats the number cost explorer shows for last month on the home page?", "last month"),
    # the charge classes of the day apart, the Savings Plans and RI fees booked on the 1st among them, as FRESH_47,
    # FRESH_49 and FRESH_59
    ("/cost", "in Billing > Bills there's a huge charge dated Nov 1, what is that??", "2026-11-01 by charge-class"),
    # the clusters are the EKS resources; no range typed: this month, as the writer read it
    ("/top-resources", "which EKS cluster is eating the money? clusters tab shows 4 of them", "this month service=eks"),
    # NOT SUPPORTED (job runs and their failures): the writer's nearest, Glue by day over the last whole week, the
    # week before being the period compared with anyway
    (
        "/cost",
        "the Glue Jobs page shows a ton of failed runs last week, did that make glue costs spike?",
        "last week service=glue daily",
    ),
    # the month so far; all accounts is every account anyway
    ("/cost", "how much is still running in us-west-2? MTD by service pls", "this month region=us-west-2 by service"),
    # June to November so far, by month, as FRESH_52 and FRESH_60
    (
        "/cost",
        "us-west-2 monthly since june, want to see it actually trending down",
        "since 2026-06-01 region=us-west-2 monthly",
    ),
    # the two regions side by side, each one's change in the answer; September is the period October is compared with
    # anyway
    (
        "/cost",
        "did us-east-1 go up by about as much as us-west-2 went down? oct vs sep",
        "2026-10 region=us-east-1,us-west-2 by region",
    ),
    # no range typed: this month, as the writer read it; all accounts and services is everything anyway
    ("/top-resources", "whats left in us-west-2 thats still costing money, top 10", "10 this month region=us-west-2"),
    # an amount without the word budget: the month-end forecast, held against the writer's figure by hand, as FRESH_39
    # and FRESH_57
    (
        "/cost",
        "forecast for us-west-2 end of Nov — are we going to land under the $5k the plan said?",
        "forecast 2026-11 region=us-west-2",
    ),
    # transfer between regions is data transfer by usage type, as FRESH_23 and FRESH_52; like for like, the complete
    # days of November against the same days of October; the migration is the writer's context
    (
        "/cost",
        "data transfer this month, is the migration making cross-region transfer worse?",
        "this month service=data-transfer by usage-type",
    ),
    # the ticket key is wrapping; NOT SUPPORTED (the migration plan and its December date): the writer's nearest, the
    # region by day this month with the month-end forecast
    (
        "/cost",
        "per the migration jira (OPS-2231) us-west-2 should be at zero by Dec 15, are we on track?",
        "forecast 2026-11 region=us-west-2 daily",
    ),
    # a filtered tag breakdown; the two weeks by the grammar's rule, the two whole weeks before this one (the writer's
    # alternative), as FRESH_47 and FRESH_49; the untagged share is part of every breakdown
    ("/tags", "in us-west-2 which teams stuff is left? last 2 wks", "team region=us-west-2 last 2 weeks"),
    # each account on its own line, its id and name shown; the layout and the rounding are done by hand
    (
        "/cost",
        "Hi! Could you give me October costs per account as a table: account ID | account name | amount (USD, 2 "
        "decimals, no $ sign pls) - pasting it straight into Excel",
        "2026-10 by account",
    ),
    # January to October, by month; the layout is done by hand
    (
        "/cost",
        "need monthly totals jan-oct 2026, one row per month, format YYYY-MM,amount (csv)",
        "2026-01..2026-10 monthly",
    ),
    # tax is its own service, Tax; the quarter by month
    ("/cost", "what was tax on the bill for Q3? separate line per month please", "2026-q3 service=tax monthly"),
    # the credits only by charge class, the year so far by month, as FRESH_49 and FRESH_58; credits are negative lines
    # already
    (
        "/cost",
        "Credits applied YTD by month — as negative numbers please, that's how our GL wants them",
        "ytd charge-class=credit monthly",
    ),
    # the month-end forecast with the month so far, as FRESH_55's accrual; all accounts is every account anyway
    (
        "/cost",
        "For the accrual: projected Nov total, and how much of that is already incurred thru yesterday (26/11)?",
        "forecast 2026-11",
    ),
    # the fees booked on the 1st are the commitment fees, by month, as FRESH_56; no split of them into Savings Plans
    # and RI fees by charge class: the fees by usage type, where the two kinds of fee lines are apart, as FRESH_56
    (
        "/cost",
        "SP and RI fees that hit on the 1st for Sep, Oct, Nov - just those please, 3-column table (month / SP / RI)",
        "2026-09..2026-11 charge-class=recurring,one-time monthly by usage-type",
    ),
    # the staging account, as the writer meant it; Q2 is the period Q3 is compared with anyway; the rounding is done
    # by hand
    (
        "/cost",
        "staging acct spend last quarter vs the quarter before, rounded to whole dollars is fine",
        "last quarter account=staging",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_61 (the writer's nearest, the month-
    # end forecast, was not taken)
    ("/cost", "quick one — is november going to blow through the budget we set up in AWS Budgets?", "!budget"),
    # a follow-up read as the whole question: last week's EC2 by day for the staging account, as FRESH_52
    ("/cost", "same but staging only", "last week service=ec2 account=staging daily"),
    # a follow-up read as the whole question: the month so far, week by week, the first and last weeks partial
    ("/cost", "can you do that per week instead of per day?", "this month weekly"),
    # a follow-up read as the whole question: October's total with tax and credits left out by charge class, as
    # FRESH_46 and FRESH_52
    ("/cost", "hmm thats incl tax right? redo w/o tax and credits", "2026-10 charge-class!=tax,credit"),
    # a follow-up read as the whole question: October split by env; the untagged share is part of every breakdown
    ("/tags", "ok and now by env instead of team", "env 2026-10"),
    # a follow-up read as the whole question: the month so far, the five most expensive in the region
    ("/top-resources", "just the top 5 and only eu-west-1 pls", "5 this month region=eu-west-1"),
    # a follow-up read as the whole question; the earlier question is not known beyond the writer's example: October,
    # nothing else kept, as FRESH_52 and FRESH_58
    ("/cost", "wait no, I meant calendar october not the last 30 days", "2026-10"),
    # a follow-up read as the whole question: like for like, the complete days of November against the same days of
    # October, the period compared with anyway
    ("/cost", "can u compare that to the same days in october?", "this month"),
    # a follow-up whose list is not known, read on its own: the ranking in September, the same resources among it; a
    # comparison has no /top-resources form, as FRESH_55
    ("/top-resources", "ok and what were those same ones costing in september?", "2026-09"),
    # a follow-up read as the whole question: the month so far by region, as FRESH_50 and FRESH_58
    ("/cost", "break that down by region", "this month by region"),
)

FRESH_64_FIRST_SIGHT = (24, 8, 18)

FRESH_64: tuple[tuple[str, str, str], ...] = (
    # the data-lake account; the month so far; like for like, the complete days of November against the same days of
    # October, the period compared with anyway, as FRESH_55
    (
        "/cost",
        "hi! how much we spent with glue in the data-lake account this month until now? i think it is increasing a "
        "lot since the new pipeline",
        "this month service=glue account=data-lake",
    ),
    # the month-end forecast against October, as FRESH_4, FRESH_40 and FRESH_50; the yes or no read off by hand
    ("/cost", "are we going to be over last month? yes or no pls", "forecast 2026-11"),
    # the writer's days, both included; the project tag value; each service its own line
    (
        "/cost",
        "need a breakdown for invoicing — what did project=checkout cost 1 nov to 26 nov, split by service",
        "2026-11-01..2026-11-26 tag:project=checkout by service",
    ),
    # NOT SUPPORTED (the hours of the failover): the writer's nearest, the two whole days against the same weekdays a
    # week earlier, as FRESH_44's two Tuesdays; the two services as one total, the extra amount read off the change
    (
        "/cost",
        "what did the outage cost us?? rds failover kicked off tue 24th ~14:00 UTC and we were scaling ec2 like crazy "
        "til wed morning",
        "2026-11-24..2026-11-25 vs 2026-11-17..2026-11-18 service=ec2,rds",
    ),
    # the writer's ten months of each year, the later first as the writer ordered them; tax is its own service, Tax,
    # left out; all accounts is every account anyway
    (
        "/cost",
        "Can you give me total AWS spend Jan–Oct 2026 vs Jan–Oct 2025, all accounts, excluding tax?",
        "2026-01..2026-10 vs 2025-01..2025-10 service!=tax",
    ),
    # the charge classes of the 1st apart, the commitment fees booked that day among them, as FRESH_31 and FRESH_60;
    # the day before, an ordinary day, is the day compared with anyway
    (
        "/cost",
        "sorry newbie q — why is there a massive charge on the 1st of every month? is that a bug or??",
        "2026-11-01 by charge-class",
    ),
    # the month so far; the values are ranked by cost, the untagged share part of every breakdown
    (
        "/tags",
        "Which team is spending more in this month? I want see the split by team tag, and how much is without tag pls",
        "team this month",
    ),
    # today so far against last Friday, the same weekday a week earlier, as FRESH_12, FRESH_37 and FRESH_57 (the
    # writer's alternative baseline); today's partial day is marked so in the answer
    ("/cost", "quick one - is black friday costing us more than normal today?", "2026-11-27 vs 2026-11-20"),
    # the instances are EC2's; the project tag value; the last whole week, Monday 16 to Sunday 22
    (
        "/top-resources",
        "top 10 most expensive ec2 instances tagged project=search last week? client wants to know which boxes "
        "they're paying for",
        "10 last week service=ec2 tag:project=search",
    ),
    # the ten whole days before today by the grammar's rule, as the writer counted; the cause is the writer's to judge
    # from the services behind each day
    (
        "/cost",
        "ok so yesterday's spike — was that the incident or just thanksgiving traffic? show me daily for the last 10 "
        "days by service",
        "last 10 days by service daily",
    ),
    # the total as it is holds usage, fees, credits and tax, as FRESH_33 and FRESH_58
    ("/cost", "what was our total bill for November 2025?? need the full month for the yoy deck, incl. tax", "2025-11"),
    # the two weeks by the grammar's rule, the two whole weeks before this one, the writer's alternative, as FRESH_47
    # and FRESH_55; the data-lake account; the partitioning is the writer's context
    (
        "/cost",
        "pode me ajudar? S3 cost for data-lake account day by day last 2 weeks, I think the new partitioning made it "
        "go up",
        "last 2 weeks service=s3 account=data-lake daily",
    ),
    # like for like: this week's complete days against the same days of last week, the period compared with anyway, as
    # FRESH_20 and FRESH_61
    ("/cost", "Did we spend more this week than last week? Just need yes or no + the number", "this week"),
    # a filtered tag breakdown; the staging account, as the writer meant it; prod among the values listed, the
    # untagged share part of every breakdown, as FRESH_61
    (
        "/tags",
        "how does the env tag split for the staging account in oct? trying to see if prod stuff is leaking into it",
        "env account=staging 2026-10",
    ),
    # the instances are RDS's resources; all accounts; the next day's cost of the same resources has no /top-resources
    # form (it lists costs only), a question of its own, as FRESH_55; NOT SUPPORTED (whether it runs now)
    (
        "/top-resources",
        "which rds instances cost the most on wed the 25th? want to know if the replica we spun up during the "
        "incident is still running up the bill",
        "2026-11-25 service=rds",
    ),
    # the writer's two third quarters, this year's first as the writer ordered them
    (
        "/cost",
        "Hi - could you pull a YoY comparison of CloudFront spend, Q3 this year vs Q3 last year? thanks",
        "2026-q3 vs 2025-q3 service=cloudfront",
    ),
    # tax is its own service, Tax, in every total: the tax line answers both, as FRESH_25
    (
        "/cost",
        'is the "Tax" line something we actually pay or is it already in the other numbers? how much tax was on last '
        "month",
        "last month service=tax",
    ),
    # the day before is the day the 19th is compared with anyway, as FRESH_51 and FRESH_56 (the writer's days before
    # read as the nearest one); the accounts, regions and usage types that moved are among the causes
    (
        "/cost",
        "why the cost of DynamoDB jumped in 19/11? nothing changed in our side (i think)",
        "why 2026-11-19 service=dynamodb",
    ),
    # NOT SUPPORTED (a target never given): no budget named, the writer's nearest, the month-end forecast against
    # October, as FRESH_4, FRESH_40 and FRESH_50
    ("/cost", "are we on track for the month or not", "forecast 2026-11"),
    # the last full month; the project tag value; EKS only
    (
        "/cost",
        "client asked for their share of eks last month. everything tagged project=data, eks only, oct 1-31",
        "2026-10 service=eks tag:project=data",
    ),
    # the production account, as the writer meant it; the writer's days, 1 to 26 November, today's partial day left
    # out, as FRESH_58
    (
        "/cost",
        "were there any weird days in prod this month besides the 24th/25th?",
        "anomalies 2026-11-01..2026-11-26 account=production",
    ),
    # the writer's fiscal year is the calendar year, as the writer said; the untagged share is its own line in every
    # breakdown
    ("/tags", "spend by team for FY2025 (calendar year) please, with untagged shown separately", "team 2025"),
    # the resources of any type, no service kept; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "where do i see what's eating the most money? like which actual thing, not the service",
        "this month",
    ),
    # the buckets are the S3 resources; the data-lake account; the month so far; the writer's bucket and its rank read
    # off by hand
    (
        "/top-resources",
        "the top s3 buckets by cost in data-lake acct, from start of month. i suspect our raw-zone bucket is the "
        "biggest one",
        "this month service=s3 account=data-lake",
    ),
    # a filtered tag breakdown; the data-lake account; the last full month; the untagged share and its percentage are
    # part of every breakdown
    (
        "/tags",
        "how much of the spend in data lake account has no team tag? last month. we need fix tagging before Q1 "
        "planning",
        "team account=data-lake last month",
    ),
    # no percentages in the grammar: the breakdown they are shares of, as FRESH_7 and FRESH_14; Data Transfer among
    # the services
    ("/cost", "Is data transfer a big deal for us? yes/no, what % of the bill last month", "last month by service"),
    # the writer's days, Monday 16 to Sunday 22; the two project values side by side, each its own total
    (
        "/cost",
        "hey, closing out the contract: total for project=search and project=checkout, 16-22 nov, separately pls",
        "2026-11-16..2026-11-22 tag:project=search,checkout by tag:project",
    ),
    # the writer's Tuesday and Wednesday of each week, this week's first; the two services side by side, as the writer
    # asked
    (
        "/cost",
        "compare lambda + sqs costs tue-wed this week vs tue-wed last week, the retry storm must have shown up "
        "somewhere",
        "2026-11-24..2026-11-25 vs 2026-11-17..2026-11-18 service=lambda,sqs by service",
    ),
    # two years month by month have no comparison of their own: the writer's months from January 2025 to now, November
    # so far, by month, the matching months read side by side by hand, as FRESH_37
    (
        "/cost",
        "how much did RDS cost us month by month in 2025 vs 2026 so far?",
        "since 2025-01-01 service=rds monthly",
    ),
    # the credits only by charge class, the year so far by month and by service, as the writer would like; NOT
    # SUPPORTED (which programme gave them): the amounts and where they were applied, the writer's nearest
    (
        "/cost",
        "there's credits on the bill?? where do they come from and how much did we get this year",
        "ytd charge-class=credit by service monthly",
    ),
    # no percentages in the grammar: the breakdown they are shares of, as FRESH_7 and FRESH_14; KMS among the
    # services; the year so far
    ("/cost", "did KMS really cost us anything meaningful this year? yes or no", "ytd by service"),
    # the writer's days, both included, by day; the project tag value
    (
        "/cost",
        "can u break down glue by day for project=data between 2nd and 13th nov, the client disputes a couple of days",
        "2026-11-02..2026-11-13 service=glue tag:project=data daily",
    ),
    # the instances are EC2's; the production account, as the writer meant it
    (
        "/top-resources",
        "top ec2 instances in us-east-1 prod acct on 24 nov — need to see which autoscaling nodes blew up",
        "2026-11-24 service=ec2 account=production region=us-east-1",
    ),
    # the Savings Plans spread over the usage they cover is the amortized basis, as FRESH_46; the writer's order kept
    (
        "/cost",
        "EC2 spend Oct 2025 vs Oct 2026 net of savings plans, can you?",
        "2025-10 vs 2026-10 service=ec2 amortized",
    ),
    # data transfer is the Data Transfer service; the month so far, each region on its own line, the biggest first
    (
        "/cost",
        'what does "data transfer" on our bill actually mean, and which region has the most of it this month?',
        "this month service=data-transfer by region",
    ),
    # the month-end forecast with the month so far; the data-lake account
    (
        "/cost",
        "Can you make forecast for the data-lake account end of november? my manager ask me in the 1:1",
        "forecast 2026-11 account=data-lake",
    ),
    # no range typed: this month, as the writer read it; the values are ranked by cost, the top one first
    ("/tags", "which team is the most expensive? one name", "team this month"),
    # the tables are the DynamoDB resources; the project tag value; September and October as one span
    (
        "/top-resources",
        "most expensive dynamodb tables for the checkout project, sept-oct",
        "2026-09..2026-10 service=dynamodb tag:project=checkout",
    ),
    # the same weekday a week earlier, as FRESH_44's two Tuesdays (the writer's first baseline)
    (
        "/cost",
        "how much did eu-west-1 cost on the day of the failover vs a normal day? failover was 24/11",
        "2026-11-24 vs 2026-11-17 region=eu-west-1",
    ),
    # a comparison of two periods is not something /tags answers (it lists costs only): refused naming the word, as
    # FRESH_32, FRESH_34, FRESH_35 and FRESH_43
    ("/tags", "Project-level spend YTD vs same period last year — checkout, search, data", "!vs"),
    # the creator tag; the last full month; the untagged share is part of every breakdown
    ("/tags", "what's aws:createdBy? can I see spend grouped by it for last month", "aws:createdBy last month"),
    # the writer's order kept, as FRESH_1's two months compared
    (
        "/cost",
        "compare august and september for lambda in us-west-2, the september seems much bigger no?",
        "2026-08 vs 2026-09 service=lambda region=us-west-2",
    ),
    # like for like, as FRESH_3 and FRESH_60's month to date against the same days of the year before
    ("/cost", "bottom line, are we spending more than this time last year", "this month vs 2025-11"),
    # the staging account, as the writer meant it; the week holding the 9th, Monday 9 to Sunday 15; NOT SUPPORTED (the
    # hours worked): the infrastructure cost by service, the writer's nearest
    (
        "/cost",
        'what did staging cost for the week of nov 9? need to bill my "env setup" hours to the client and justify the '
        "infra",
        "2026-11-09..2026-11-15 account=staging by service",
    ),
    # the writer's three days against the same weekdays of the week before, the change being the rough extra; each
    # service its own line beside the total
    (
        "/cost",
        "postmortem doc needs a number: extra spend from the incident, 24–26 nov, vs the week before. total + by "
        "service pls",
        "2026-11-24..2026-11-26 vs 2026-11-17..2026-11-19 by service",
    ),
    # the average over the complete months beside each month's total, as FRESH_31; the six full months before this one
    # against the same months of 2025
    (
        "/cost",
        "For FY27 budgeting — what's our avg monthly run-rate over the last 6 full months, and what was it over the "
        "same months in 2025?",
        "average 2026-05..2026-10 vs 2025-05..2025-10 monthly",
    ),
    # the staging account, as the writer meant it; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "what are the top 5 resources in the staging account? trying to figure out why staging costs almost as much "
        "as prod lol",
        "5 this month account=staging",
    ),
    # a comparison of two periods is not something /tags answers (it lists costs only): refused naming the word, as
    # FRESH_32, FRESH_34, FRESH_35 and FRESH_43
    (
        "/tags",
        "split by team for 23-26 nov please, want to see if Platform's share jumped vs last week since we own the "
        "incident",
        "!vs",
    ),
    # all accounts is every account anyway; the renewal is the writer's context
    (
        "/top-resources",
        "what were the 10 priciest resources across all accounts in October? flagging candidates for the RI / Savings "
        "Plan renewal convo",
        "10 2026-10",
    ),
    # the total as it is holds usage, fees, credits and tax, as FRESH_33 and FRESH_58; every answer names its basis
    (
        "/cost",
        "sorry if this is dumb but is the cost here what we actually pay on the invoice or before discounts? whats "
        "the nov total so far",
        "this month",
    ),
)

FRESH_65_FIRST_SIGHT = (25, 13, 12)

FRESH_65: tuple[tuple[str, str, str], ...] = (
    # the production account by its id; EC2 only; the month so far, today's partial day marked so
    (
        "/cost",
        "Hi team, kindly share what is the cost for EC2 in prod account (123456789012) for this month till date. "
        "Please do the needful.",
        "this month service=ec2 account=production",
    ),
    # NOT SUPPORTED (a target never given): no budget named, the writer's nearest, the month-end forecast with the
    # month so
    # far against October, as FRESH_4, FRESH_40 and FRESH_64
    ("/cost", "are we ok this month?", "forecast 2026-11"),
    # the total as it is holds usage, fees, credits and tax, as FRESH_33 and FRESH_58; each account on its own line; all
    # three accounts are every account anyway
    (
        "/cost",
        "Reconciling the Oct invoice — what's the total for Oct 1-31 across all 3 accounts, broken out by account? "
        "needs to include tax + credits so it ties to the invoice $",
        "2026-10 by account",
    ),
    # the writer's Monday to today against the same weekdays of last week, as FRESH_55 and FRESH_56; by day, as the
    # writer asked
    (
        "/cost",
        "glue looks insane this week?? glue spend per day since monday vs the same days last week",
        "2026-11-23..2026-11-27 vs 2026-11-16..2026-11-20 service=glue daily",
    ),
    # checkout is the project tag value, as the writer meant it; no range typed: this month, as the writer read it
    (
        "/cost",
        "hey how much does checkout cost us? like the backend our app hits when ppl pay",
        "this month tag:project=checkout",
    ),
    # the dictated service words are EC2, as the writer meant them, as FRESH_25's dictated service names
    ("/cost", "how much did we spend on easy to yesterday", "yesterday service=ec2"),
    # the instances are EC2's; the staging account by its id; the last whole week, Monday 16 to Sunday 22
    (
        "/top-resources",
        "pls share top 10 costliest ec2 instances in staging acct 210987654321 for last week, we need to shutdown the "
        "unwanted ones",
        "10 last week service=ec2 account=staging",
    ),
    # checkout, search and data are among the values listed; the untagged share is part of every breakdown
    (
        "/tags",
        "For chargeback - Oct 2026 cost by project tag (checkout/search/data) plus whatever is untagged pls",
        "project 2026-10",
    ),
    # this week from Monday to today; the services behind each unusual day are part of the answer; the review is the
    # writer's context
    (
        "/cost",
        "anything weird on the bill this week i should know before the black friday review at 3?",
        "anomalies this week",
    ),
    # the buckets are the S3 resources; the data-lake account; the 30 whole days before today by the grammar's rule, as
    # the writer counted
    (
        "/top-resources",
        "biggest s3 buckets by $ in the data lake account, last 30 days",
        "last 30 days service=s3 account=data-lake",
    ),
    # a filtered tag breakdown, the project tag value; staging and prod among the env values listed (values side by
    # side, not two periods), the untagged share part of every breakdown; the writer's team is context
    (
        "/tags",
        "mobile team here, we only touch checkout — whats staging costing vs prod this month",
        "env tag:project=checkout this month",
    ),
    # the month-end forecast of the whole bill, every charge type; all accounts is every account anyway
    ("/cost", "what's the forecast for the end of the month for the whole bill", "forecast 2026-11"),
    # the writer's last few days, the 23rd to yesterday, as FRESH_53's few days; the same number of days just
    # before them is the period compared with anyway (the writer's week-long baseline was an example); the accounts,
    # regions and usage types that moved are among the causes
    (
        "/cost",
        "EKS cost is increased since last 3-4 days it seems.. can you check why?",
        "why 2026-11-23..2026-11-26 service=eks",
    ),
    # the Savings Plans and RI fees are the commitment fees; no split of them by charge class: the fees by usage type,
    # where the Savings Plan and RI fee lines are apart, as FRESH_56 and FRESH_59
    (
        "/cost",
        "how much were the SP and RI fees that hit on Nov 1st? need the split between the two",
        "2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    # like for like: the complete days of November against the same days of October; the writer's split by usage type
    # kept, storage and requests among them, as FRESH_28's drivers by usage type; the data-lake account
    (
        "/cost",
        "why did s3 in data-lake jump in nov vs oct? storage or requests??",
        "why this month service=s3 account=data-lake by usage-type",
    ),
    # search is the project tag value; the writer's days from the 10th to today, the same number of days just before
    # them being the period compared with anyway, as FRESH_12's days since a ship date; the explanation the writer
    # wants is the causes; the release itself is not in the bill, only its day
    (
        "/cost",
        "did search get more expensive after we shipped app v4.2 on the 10th?",
        "why since 2026-11-10 tag:project=search",
    ),
    # the tables are the DynamoDB resources; the dictated region is us-west-2, as the writer meant it; the month so far
    (
        "/top-resources",
        "what are the top five dynamo DB tables by cost in us west to this month",
        "5 this month service=dynamodb region=us-west-2",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_64 (the writer's nearest, the quarter
    # so far with the forecast against Q3, was not taken)
    ("/cost", "quick one - are we on track vs budget for Q4? finance thinks we're ~$40k over", "!budget"),
    # the writer's days from the 1st to today, by day, as FRESH_23
    (
        "/cost",
        "kindly give day wise cost for RDS in us-east-1 from 1st nov to till date",
        "since 2026-11-01 service=rds region=us-east-1 daily",
    ),
    # tax and credits left out by charge class, usage and fees kept, as FRESH_58 and FRESH_63; each service its own line
    (
        "/cost",
        "Can I get October by service but excluding credits and tax? internal numbers are pre-tax",
        "2026-10 by service charge-class!=tax,credit",
    ),
    # a filtered tag breakdown; data among the values listed, the untagged share part of every breakdown; the month so
    # far
    (
        "/tags",
        "how much of the glue spend is team=data vs not tagged at all, month to date",
        "team service=glue this month",
    ),
    # last Black Friday is 2025-11-28; the writer's order kept, as FRESH_62; today's partial day is marked so; the
    # project tag value
    (
        "/cost",
        "checkout cost on black friday last year vs today so far?",
        "2025-11-28 vs 2026-11-27 tag:project=checkout",
    ),
    # the dictated service words are Lambda, as the writer meant them; like for like, this week's complete days against
    # the same days of last week, the period compared with anyway, as FRESH_61
    ("/cost", "compare this week to last week for lamb to", "this week service=lambda"),
    # the single most expensive resource, the one at the top, as FRESH_31 and FRESH_48; no range typed: this month, as
    # the writer read
    # it
    ("/top-resources", "whats the single most expensive thing we run", "1 this month"),
    # a filtered tag breakdown; the production account; Platform among the values listed beside the other teams, the
    # untagged share part of every breakdown
    (
        "/tags",
        "what is the cost for team=Platform vs other teams in production for Oct month? also how much is untagged, "
        "kindly confirm",
        "team account=production 2026-10",
    ),
    # the credits only by charge class, by month, as FRESH_55
    (
        "/cost",
        "what credits did we get in Q3 and in which months were they applied",
        "2026-q3 charge-class=credit monthly",
    ),
    # the jobs and crawlers are the Glue resources, as FRESH_54; the writer's guess at the crawler read off the list
    (
        "/top-resources",
        "which glue jobs cost the most yesterday? think one of the crawlers is stuck in a loop",
        "yesterday service=glue",
    ),
    # NOT SUPPORTED (no such feature in the bill): the writer's nearest, the month so far by day, each project apart, as
    # FRESH_62's feature read off the project tag
    ("/cost", "whats the daily cost for the push notifications feature", "this month by tag:project daily"),
    # the day before is the day the 1st is compared with anyway; the writer's split by charge type, the commitment fees
    # booked that day apart from usage, as FRESH_40's spike on the 1st
    (
        "/cost",
        "why was the bill so high on the first was that the savings plan thing",
        "why 2026-11-01 by charge-class",
    ),
    # like for like: the complete days of November against the same days of October, the period compared with anyway;
    # the services that moved are among the causes; the length of the answer is the writer's
    ("/cost", "up or down vs last month and why? 2 lines max pls", "why this month"),
    # the month-end forecast with the month so far; the data-lake account; the status mail is the writer's context
    (
        "/cost",
        "What will be the month end cost for data-lake a/c? need to update in weekly status mail to management",
        "forecast 2026-11 account=data-lake",
    ),
    # tax is its own service, Tax; the staging account; the writer's order kept, as FRESH_56; the booked figure is the
    # writer's, held against the answer by hand
    (
        "/cost",
        "tax line for the staging acct, Sep vs Oct? number looks off vs what AP booked",
        "2026-09 vs 2026-10 service=tax account=staging",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_55 and FRESH_62
    ("/cost", "any weird days on glue or s3 in the last 2 wks?", "anomalies last 2 weeks service=glue,s3"),
    # today's partial day is marked so in the answer; the holiday traffic is the writer's context
    ("/cost", "how much is cloud front costing us today with all the black friday traffic", "today service=cloudfront"),
    # the project and env tag values; no range typed: the month so far, as the writer read it; the writer's suspect read
    # off the list
    (
        "/top-resources",
        "what are the priciest things running for checkout in dev? i think someone left a load test box on",
        "this month tag:project=checkout tag:env=dev",
    ),
    # the staging account, as the writer meant it; the last full quarter; NOT SUPPORTED (savings of a nightly shutdown):
    # the writer's nearest, the quarter by service
    (
        "/cost",
        "how much did staging cost us last quarter? wondering if we should just turn it off at night",
        "last quarter account=staging by service",
    ),
    # data transfer is the Data Transfer service; each region on its own line; the 7 whole days before today by the
    # grammar's rule, as the writer counted; the alarm is the writer's context
    (
        "/cost",
        "Please tell me cost of data transfer region wise for last 7 days, getting some billing alarm from cloudwatch",
        "last 7 days service=data-transfer by region",
    ),
    # the untagged share is part of every breakdown; the last full month
    ("/tags", "break down spend by team for last month including the stuff that isn't tagged", "team last month"),
    # the data-lake account; June to November so far, by month, November partial, as FRESH_61
    (
        "/cost",
        "KMS in the lake account keeps creeping up - monthly trend since june pls",
        "since 2026-06-01 service=kms account=data-lake monthly",
    ),
    # the env tag value, the writer's first reading, as FRESH_53's staging for two projects; weeks run Monday to Sunday,
    # the last partial, from the writer's example start; the app cannot be told apart beyond the tag
    (
        "/cost",
        "roughly how much r we spending per week on staging for the app?",
        "since 2026-11-02 tag:env=staging weekly",
    ),
    # January to October, by month, as FRESH_41; all accounts is every account anyway
    (
        "/cost",
        "monthly totals YTD thru end of October, all accounts, just one number per month",
        "2026-01..2026-10 monthly",
    ),
    # the team key, as the writer meant it; the untagged share and its percentage are part of every breakdown; no range
    # typed: this month, as the writer read it
    ("/tags", "how much of our spend is untagged? CFO keeps asking and I never have a number", "team this month"),
    # the functions are the Lambda resources; the month so far
    (
        "/top-resources",
        "which lambda functions are eating max cost in ap-southeast-2 this month? kindly revert asap",
        "this month service=lambda region=ap-southeast-2",
    ),
    # the dictated service word is RDS, as the writer meant it; the staging account; September is the period October is
    # compared with anyway, the two side by side
    (
        "/cost",
        "give me our DS in the staging account for October and September side by side",
        "2026-10 service=rds account=staging",
    ),
    # data transfer out is the Data Transfer service, no direction of transfer in the vocabulary for that region, as
    # FRESH_55; the data-lake account; the writer's order kept, as FRESH_56
    (
        "/cost",
        "data transfer out of eu-west-1 from data-lake acct, sept vs oct",
        "2026-09 vs 2026-10 service=data-transfer region=eu-west-1 account=data-lake",
    ),
    # a filtered tag breakdown; web and api among the values listed, the untagged share part of every breakdown; no
    # range
    # typed: this month, as the writer read it
    (
        "/tags",
        "who's paying for cloudfront in front of the app, web team or api team?",
        "team service=cloudfront this month",
    ),
    # the untagged share is part of every breakdown; the billed cost is the default unblended basis; the month so far
    (
        "/tags",
        "hi - how does Nov MTD split across the env tag? prod/dev/staging + untagged. don't need amortized, just "
        "what's billed",
        "env this month",
    ),
    # the staging account, as the writer meant it; the present read as the writer read it, the month so far, as
    # FRESH_43;
    # the creator is shown only where the aws:createdBy tag holds it, a list of its own in /tags
    (
        "/top-resources",
        "top 10 most expensive things in staging rn and who spun them up if you can tell",
        "10 this month account=staging",
    ),
    # the production account, as the writer meant it; the quarter so far
    ("/cost", "what's the SQS bill for prod so far this quarter", "this quarter service=sqs account=production"),
    # the same days of last year are the comparison the year so far makes anyway, as FRESH_18 and FRESH_53; the main
    # changes the writer wants are the causes
    ("/cost", "anything to worry about for the year? how's 2026 vs 2025 so far", "why ytd"),
)

FRESH_66_FIRST_SIGHT = (32, 6, 12)

FRESH_66: tuple[tuple[str, str, str], ...] = (
    # the writer's whole bill, every account and service: the site the writer means is no dimension of the bill; a
    # month's cost is the last full month, as FRESH_38's checkout a month
    (
        "/cost",
        "hi! sorry if this is a dumb question but how much does our website cost to run per month??",
        "last month",
    ),
    # the production account, as the writer named it; the month so far from the 1st
    (
        "/cost",
        "How much costs EKS in eu-west-1 since begin of this month? Only the production account please, not staging",
        "this month service=eks region=eu-west-1 account=production",
    ),
    # NOT SUPPORTED (hourly): the writer's nearest, Lambda by day from the 24th to today, today's partial day marked so,
    # as FRESH_38
    ("/cost", "lambda costs spiking?? need last 48h by the hour", "2026-11-24..2026-11-27 service=lambda daily"),
    # NOT SUPPORTED (whether the invoice is final): the writer's nearest, October's total as it stands, as FRESH_55; the
    # total as it is holds fees, credits and tax
    ("/cost", "What's the October total and is that number final or can it still move? need it for close", "2026-10"),
    # two bases side by side have no canonical form: one basis at a time, refused naming the billed basis, as FRESH_4,
    # FRESH_6, FRESH_21, FRESH_46 and FRESH_62 (the FOCUS service category is no dimension either)
    ("/cost", "EffectiveCost vs BilledCost for Sept, grouped by ServiceCategory pls", "!BilledCost"),
    # the instances are EC2's; the staging account, as the writer named it
    (
        "/top-resources",
        "which are the 10 most expensive EC2 instances in the staging account in October?",
        "10 2026-10 service=ec2 account=staging",
    ),
    # the last 3 months by the grammar's rule, the three full months before this one, as the writer counted; by month
    (
        "/cost",
        "rough number - what does search cost us per month? customer is asking what a dedicated search tier would "
        "run. last 3 full months, project=search",
        "last 3 months tag:project=search monthly",
    ),
    # web and api are among the values listed, the untagged share part of every breakdown; no range typed: this month,
    # as the writer read it
    ("/tags", "what does team web spend vs team api? my manager asked lol", "team this month"),
    # today so far against yesterday, the writer's order kept; today's partial day is marked so
    (
        "/cost",
        "sqs went nuts? compare today vs yesterday, us-east-1",
        "2026-11-27 vs 2026-11-26 service=sqs region=us-east-1",
    ),
    # the credits only by charge class, each service on its own line; the year so far
    (
        "/cost",
        "how much in credits did we receive YTD, and against which services were they applied?",
        "ytd charge-class=credit by service",
    ),
    # Platform among the values listed, the untagged share part of every breakdown; the last whole week, Monday 16 to
    # Sunday 22
    (
        "/tags",
        "Distribution of costs after tag team for last week. The Platform team I need separately, how much it is",
        "team last week",
    ),
    # no net amortized basis in the grammar: amortized, as FRESH_26, FRESH_46 and FRESH_58; tax and credits left out by
    # charge class, as FRESH_46 and FRESH_52
    (
        "/cost",
        "MTD net amortized by linked account, excl Tax and Credit charge types",
        "this month by account amortized charge-class!=tax,credit",
    ),
    # the top one first, as FRESH_60 and FRESH_63; the present read as the writer read it, the month so far; all
    # accounts is every account anyway
    ("/top-resources", "what's the most expensive thing we have on aws right now", "this month"),
    # the day before is the day the 25th is compared with anyway, as FRESH_51 and FRESH_56; the accounts, usage types
    # and resources that moved are among the causes
    ("/cost", "why did EC2 in us-east-1 jump on the 25th", "why 2026-11-25 service=ec2 region=us-east-1"),
    # the fourteen whole days before today by the grammar's rule, as the writer counted; the change to the keys is the
    # writer's context
    (
        "/cost",
        "Please give me the daily costs of KMS for the last 14 days, I want to see if the key rotation has changed "
        "something",
        "last 14 days service=kms daily",
    ),
    # tax is its own service, Tax; each account on its own line, as FRESH_61; the writer's optional split by month left
    # out
    ("/cost", "Tax for Q3 by account pls - reconciling against the invoices", "2026-q3 service=tax by account"),
    # today so far against last Friday, the same weekday a week earlier, as FRESH_12, FRESH_37 and FRESH_64; today's
    # partial day is marked so
    ("/cost", "is black friday making the bill go up?? like compared to a normal friday", "2026-11-27 vs 2026-11-20"),
    # the production account, as the writer meant it; the last full month
    (
        "/top-resources",
        "which resources are behind project=checkout in prod, top 10 by cost last month?",
        "10 last month tag:project=checkout account=production",
    ),
    # the 30 whole days before today by the grammar's rule, as the writer counted
    ("/cost", "any anomalies last 30d?", "anomalies last 30 days"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_64 (the writer's nearest, the month so
    # far with the forecast, was not taken)
    ("/cost", "can u tell me if we're over budget for november", "!budget"),
    # data transfer is the Data Transfer service; week 46 is the period week 47 is compared with anyway, as FRESH_53 and
    # FRESH_56
    (
        "/cost",
        "is the data transfer cost in week 47 higher than in week 46? Both weeks Monday to Sunday",
        "2026-w47 service=data-transfer",
    ),
    # the month-end forecast with the month so far, as FRESH_55 and FRESH_63
    ("/cost", "For the Nov accrual: MTD through yesterday + where do we expect to land?", "forecast 2026-11"),
    # a filtered tag breakdown; the three whole days before today by the grammar's rule, as the writer counted; the
    # untagged share is part of every breakdown
    (
        "/tags",
        "DynamoDB spend by team past 3 days, need to know whose table is on fire",
        "team service=dynamodb last 3 days",
    ),
    # the project tag value; the two services side by side with their total, as the writer asked; the prospect is the
    # writer's context
    (
        "/cost",
        "how much did search's cloudfront + s3 cost in ap-southeast-2 last month? AU prospect asking",
        "last month tag:project=search service=cloudfront,s3 region=ap-southeast-2 by service",
    ),
    # a filtered tag breakdown; no blended basis on the bill: the question's own basis, as FRESH_46; the month so far;
    # the untagged share is part of every breakdown
    ("/tags", "env split for compute only (EC2+EKS+Lambda) Nov MTD, blended", "env service=ec2,eks,lambda this month"),
    # the year so far; what the service is goes beyond the bill, only its cost is answered
    (
        "/cost",
        "whats cloudfront?? it showed up on a slide. how much is it costing us this year",
        "ytd service=cloudfront",
    ),
    # the buckets are the S3 resources; the data-lake account; this week from Monday to today
    (
        "/top-resources",
        "which S3 bucket is racking up cost in data-lake, since Monday",
        "this week service=s3 account=data-lake",
    ),
    # the Savings Plans and RI fees are the commitment fees, each account on its own line, as FRESH_61
    (
        "/cost",
        "the SP and RI fees that hit on Nov 1 - how much, split by account?",
        "2026-11-01 charge-class=recurring,one-time by account",
    ),
    # tax is its own service, Tax, left out, as FRESH_61 and FRESH_62
    (
        "/cost",
        "Forecast for end of month, only us-west-2, without tax please",
        "forecast 2026-11 region=us-west-2 service!=tax",
    ),
    # the project tag value; this week from Monday to today by day, today's partial day marked so; the series carries
    # the average per day too
    (
        "/cost",
        "lambda cost for checkout per day this week? need a per-day number for a proposal",
        "this week service=lambda tag:project=checkout daily",
    ),
    # compute as EC2, EKS and Lambda, as the writer named them, as FRESH_15; the seven whole days before today by the
    # grammar's rule, the seven before them the period compared with anyway; unblended as the writer asked
    (
        "/cost",
        "run rate check: avg daily unblended for Compute category, last 7d vs prior 7d",
        "average last 7 days service=ec2,eks,lambda unblended",
    ),
    # the untagged share and its percentage are part of every breakdown
    (
        "/tags",
        "How much of September spend can't be attributed to any team? auditors are asking about untagged",
        "team 2026-09",
    ),
    # tax is its own service, Tax; like for like, the complete days of November against the same days of October; the
    # accounts and regions that moved are among the causes
    ("/cost", 'umm what is the "tax" line and why is it so big this month vs last??', "why this month service=tax"),
    # the production account, as the writer meant it; the writer's morning is today, its partial day marked so
    ("/top-resources", "burning money in prod right now?? top 5 since this morning", "5 today account=production"),
    # the data-lake account; September is the period October is compared with anyway, as FRESH_59; the usage types,
    # regions and resources that moved are among the causes
    (
        "/cost",
        "The S3 costs in the data-lake account have since September strongly grown, why?",
        "why 2026-10 service=s3 account=data-lake",
    ),
    # NOT SUPPORTED (what-if scaling): the writer's nearest, the checkout project's last full month, scaled by hand
    ("/cost", "what would checkout cost if we 3x the traffic?", "2026-10 tag:project=checkout"),
    # two bases side by side have no canonical form: one basis at a time, refused naming the writer's word for the
    # billed basis, as FRESH_4, FRESH_6, FRESH_21, FRESH_46 and FRESH_62
    (
        "/cost",
        "can you show me october amortized vs unamortized? want to see how much of the upfront RI payment gets spread",
        "!unamortized",
    ),
    # a filtered tag breakdown by the creator tag; the staging account, as the writer named it; the quarter so far; the
    # untagged share is part of every breakdown
    (
        "/tags",
        "breakdown by aws:createdBy for the staging acct, Q4 to date - trying to find who keeps spinning stuff up",
        "aws:createdBy account=staging this quarter",
    ),
    # the whole AWS bill, every account and service
    ("/cost", "how much did we spend on amazon yesterday", "yesterday"),
    # data transfer is the Data Transfer service; from Saturday the 21st to today by day, today's partial day marked so
    (
        "/cost",
        "is the data transfer thing still going on? daily since sat pls",
        "since 2026-11-21 service=data-transfer daily",
    ),
    # the tables are the DynamoDB resources; this week from Monday to today
    (
        "/top-resources",
        "Which DynamoDB tables cost the most this week until now (from Monday 23.11.)?",
        "this week service=dynamodb",
    ),
    # tax and credits left out by charge class, as FRESH_46 and FRESH_52; the writer's order kept
    (
        "/cost",
        "compare Oct 26 to Oct 25 total spend, excl tax and credits, board wants YoY",
        "2026-10 vs 2025-10 charge-class!=tax,credit",
    ),
    # the last 3 months by the grammar's rule, the three full months before this one, the writer's first choice; by
    # month; the project tag value
    (
        "/cost",
        "how much does the checkout thing cost? for the campaign report, last 3 months",
        "last 3 months tag:project=checkout monthly",
    ),
    # NOT SUPPORTED (coverage): the split by charge class, EC2's usage beside the commitment fees, as FRESH_12 and
    # FRESH_56; the last whole week, Monday 16 to Sunday 22; the fee of the 1st a question of its own
    (
        "/cost",
        "whats our SP coverage looking like? on-demand EC2 last week vs what we pay for the SP",
        "last week service=ec2 by charge-class",
    ),
    # a filtered tag breakdown; the project tag value; no range typed: the last full month, as the writer read it; the
    # untagged share is part of every breakdown
    (
        "/tags",
        "for project=search how does it split by env? want to strip dev/staging out of the number i give the customer",
        "env tag:project=search last month",
    ),
    # today's cost against the average day of last week, as FRESH_54; today's partial day is marked so
    (
        "/cost",
        "glue job might be stuck in a loop - how much has glue cost today vs an avg day last week",
        "average 2026-11-27 vs 2026-11-16..2026-11-22 service=glue",
    ),
    # all accounts is every account anyway; the last full month; amortized as the writer asked
    ("/top-resources", "top 20 resources by amortized cost, all accounts, last full month", "20 last month amortized"),
    # prod, dev and staging among the values listed, the untagged share part of every breakdown; the writer's document
    # is context
    ("/tags", "prod vs non-prod for October - need the env split for the capex/opex memo", "env 2026-10"),
    # the tables are the DynamoDB resources; the project tag value; no range typed: the last full month, as the writer
    # read it
    (
        "/top-resources",
        "biggest dynamo tables tagged project=checkout, need per-table monthly numbers for sizing",
        "last month service=dynamodb tag:project=checkout",
    ),
    # NOT SUPPORTED (orders): the writer's nearest, the checkout project's October, to divide by hand, as FRESH_40 and
    # FRESH_57
    ("/cost", "per-order cost of checkout in october? we did ~410k orders", "2026-10 tag:project=checkout"),
)

FRESH_67_FIRST_SIGHT = (28, 6, 16)

FRESH_67: tuple[tuple[str, str, str], ...] = (
    # the production account, as the writer meant it; the last whole week, Monday 16 to Sunday 22
    (
        "/cost",
        "how much EC2 cost in us-west-2 last week? only prod account",
        "last week service=ec2 region=us-west-2 account=production",
    ),
    # an amount named without the word budget: the month-end forecast with the month so far, held against the writer's
    # amount by hand, as FRESH_59 and FRESH_62
    (
        "/cost",
        "hey - is team api on track for november? we were given 18k for the month, feels tight",
        "forecast 2026-11 tag:team=api",
    ),
    # yesterday is the day today is compared with anyway, as FRESH_12, FRESH_17 and FRESH_50 (the writer's meaning,
    # not the nearest reliable day they named as a fallback); today's partial day is marked so
    ("/cost", "why is today so high?? something spiking", "why today"),
    # no Graviton usage types in the vocabulary and no percentages in the grammar: EC2 by usage type, the *g lines
    # among them, as FRESH_30; the writer's latest week against the first week of October, the order typed kept
    (
        "/cost",
        "what share of our EC2 compute is on graviton now vs beginning of october? need it for the steering deck",
        "2026-11-20..2026-11-26 vs 2026-10-01..2026-10-07 service=ec2 by usage-type",
    ),
    # the writer's latest full month, as FRESH_20's monthly cost of a project; its total as it is holds usage, fees,
    # credits and tax; the writer's optional forecast left out
    ("/cost", "ok dumb q but whats our aws burn per month rn, just need one number", "last month"),
    # the writer's days, both included, month first; the untagged share is part of every breakdown
    (
        "/tags",
        "team split for 11/01/2026 - 11/26/2026 pls, same format as finance sheet (web / api / data / Platform / "
        "untagged)",
        "team 2026-11-01..2026-11-26",
    ),
    # a filtered tag breakdown; the untagged share is part of every breakdown
    ("/tags", "for Lambda only, cost by project tag in october?", "project service=lambda 2026-10"),
    # the writer's last full day, yesterday, today being partial, as the writer meant it; the instances are EC2's; the
    # production account
    ("/top-resources", "which ec2 instances cost most in prod last 24h", "yesterday service=ec2 account=production"),
    # the data team's month-end forecast; the Glue remark is shown beside the rest by service, each against the same
    # days of October, as FRESH_25's guess at a service
    (
        "/cost",
        "data team here — where do we land end of month? glue feels way up vs october",
        "forecast 2026-11 tag:team=data by service",
    ),
    # weeks run Monday to Sunday, the first and last partial, from 1 October to today; the two regions side by side
    (
        "/cost",
        "weekly spend eu-west-1 vs us-east-1 since oct 1, want to see if the migration is actually shifting anything",
        "since 2026-10-01 region=eu-west-1,us-east-1 by region weekly",
    ),
    # NOT SUPPORTED (a forecast past the month in progress): the writer's nearest, the November month-end forecast, as
    # FRESH_48, FRESH_50 and FRESH_59
    (
        "/cost",
        "if we keep spending like this how much will aws cost us between now and end of march? trying to plan the "
        "raise",
        "forecast 2026-11",
    ),
    # the pasted figures are the writer's context; the day before is the day the 22nd is compared with anyway (the
    # writer's two days before read as the nearest one), as FRESH_64; the services, accounts and usage types that
    # moved are among the causes
    (
        "/cost",
        "11/20/2026 $5,912.40   11/21/2026 $6,004.11   11/22/2026 $9,871.56  <-- why the jump on the 22nd",
        "why 2026-11-22",
    ),
    # the buckets are the S3 resources; the month so far
    ("/top-resources", "top 10 S3 bucket by cost this month", "10 this month service=s3"),
    # NOT SUPPORTED (hours), as the writer said: the writer's nearest, Lambda by day from the 20th to today, today's
    # partial day among them, as FRESH_46; the guess at the checkout function is no filter
    (
        "/cost",
        "lambda cost last few hrs looks insane?? checkout fn retrying maybe",
        "since 2026-11-20 service=lambda daily",
    ),
    # a filtered tag breakdown; dev and prod among the values listed, the untagged share part of every breakdown
    (
        "/tags",
        "web team - how much of our stuff is env=dev vs prod this month? feels like dev is eating our budget",
        "env tag:team=web this month",
    ),
    # the instances are EC2's; the production account, as the writer meant it; NOT SUPPORTED (leaving instance
    # families out): the ranking, the Graviton ones read off by hand, as FRESH_30; no range typed: this month, as the
    # writer read it
    (
        "/top-resources",
        "biggest non-graviton ec2 instances still in prod? need a hit list for the migration",
        "this month service=ec2 account=production",
    ),
    # the year so far; its total as it is holds fees, credits and tax
    ("/cost", "total aws spend 2026 so far? investors asking, need it today", "ytd"),
    # the staging account by its id; like for like, the complete days of November against the same days of October (a
    # whole month against a part has no form); the services and usage types that moved are among the causes, as
    # FRESH_32's pasted figures
    (
        "/cost",
        "Staging acct 210987654321 — Oct: $12,340 / Nov MTD: $14,102 ?? how is MTD already higher than all of oct",
        "why this month account=staging",
    ),
    # like for like: this week's complete days against the same days of last week, the period compared with anyway
    ("/cost", "RDS cost compare this week and last week, eu-west-1 only", "this week service=rds region=eu-west-1"),
    # the writer's days, 1 to 26 November, today's partial day left out, as FRESH_58 and FRESH_64
    ("/cost", "any weird days this month", "anomalies 2026-11-01..2026-11-26"),
    # the month-end forecast against October, as FRESH_4, FRESH_50 and FRESH_64; the tag value and the service
    (
        "/cost",
        "Platform team EKS so far in Nov - are we gonna end up over what we spent in Oct?",
        "forecast 2026-11 service=eks tag:team=Platform",
    ),
    # the writer's days from the 9th to yesterday, by day, as FRESH_50; the same number of days just before the 9th is
    # the period compared with anyway; the writer's ideal split by region left out
    (
        "/cost",
        "what's data transfer costing us since we started replicating into eu-west-1 (started ~Nov 9)? daily pls",
        "2026-11-09..2026-11-26 service=data-transfer daily",
    ),
    # usage, fees, tax and credits apart by charge class, the net being the total; the month so far
    (
        "/cost",
        "how much of our bill is actually covered by credits rn? like what do we pay net after the activate credits",
        "this month by charge-class",
    ),
    # NOT SUPPORTED (reconciling the invoice document): the writer's nearest, the tax line for October by account, as
    # the writer asked
    (
        "/cost",
        "Cost Explorer says Tax $3,118.09 for Oct but the invoice says $3,204.55. can u show tax by account for Oct "
        "2026",
        "2026-10 service=tax by account",
    ),
    # a filtered tag breakdown; the data-lake account; the untagged share is part of every breakdown
    (
        "/tags",
        "project tag breakdown data-lake account last month, how much is untagged?",
        "project account=data-lake last month",
    ),
    # the tables are the DynamoDB resources; the latest complete day, as the writer read it, as FRESH_45 and FRESH_52
    ("/top-resources", "dynamo tables most expensive rn", "yesterday service=dynamodb"),
    # like for like: the complete days of November against the same days of October, the period compared with anyway
    ("/cost", "quick one: search project month to date vs same point last month?", "this month tag:project=search"),
    # no instance family usage types in the vocabulary: EC2 by usage type, the two families among them, as FRESH_30;
    # the thirty whole days before today by the grammar's rule, as the writer counted
    ("/cost", "daily ec2 c6i vs c7g over last 30 days", "last 30 days service=ec2 by usage-type daily"),
    # the writer's latest full month, to check against the writer's figure; the three most expensive services
    (
        "/cost",
        "we're at like 180k/mo on aws?? that seems crazy. top 3 things driving it?",
        "last month by service top 3",
    ),
    # dates day first, as the writer meant them; the writer's order kept; the difference by service, as the writer
    # asked
    (
        "/cost",
        "pls compare 01/11/2026-15/11/2026 vs 16/10/2026-31/10/2026",
        "2026-11-01..2026-11-15 vs 2026-10-16..2026-10-31 by service",
    ),
    # like for like: the complete days of November against the same days of October; the accounts, regions and usage
    # types that moved are among the causes
    ("/cost", "KMS cost why increase in november?", "why this month service=kms"),
    # the production account, as the writer meant it; the day before is the day yesterday is compared with anyway
    ("/cost", "sqs prod yesterday vs day before", "yesterday service=sqs account=production"),
    # a filtered tag breakdown; the staging account; the untagged share is part of every breakdown
    (
        "/tags",
        "how much in staging acct has no team tag at all this month? i keep getting pinged about untagged stuff that "
        "isnt mine",
        "team account=staging this month",
    ),
    # the instances are RDS's resources; no range typed: this month, as the writer read it; which are to be moved is
    # read off by hand
    (
        "/top-resources",
        "top rds instances still in us-east-1 that we haven't moved yet",
        "this month service=rds region=us-east-1",
    ),
    # the month-end forecast; the total as it is holds the fees of the 1st, credits and tax
    (
        "/cost",
        "what's november gonna come to all in? incl tax and that savings plan fee on the 1st",
        "forecast 2026-11",
    ),
    # the pasted row is the writer's context; the production account by its id; the day before is the day compared
    # with anyway (the writer's days before read as the nearest one), as FRESH_64; the usage types that moved are
    # among the causes
    (
        "/cost",
        "123456789012 | us-east-1 | AmazonEC2 | 2026-11-25 | 3,402.18   <- like 2x normal, whats going on",
        "why 2026-11-25 service=ec2 account=production region=us-east-1",
    ),
    # the staging account; this week from Monday to today, today's partial day marked so
    ("/cost", "give day by day total cost for staging account this week", "this week account=staging daily"),
    # last Black Friday is 2025-11-28; the writer's order kept, as FRESH_62; today's partial day is marked so
    ("/cost", "cloudfront last black friday vs today? traffic is nuts", "2025-11-28 vs 2026-11-27 service=cloudfront"),
    # the quarter's total with each month apart
    (
        "/cost",
        "Hi! For api team what did we spend in Q3, total + per month? trying to set next year's numbers. thanks!",
        "2026-q3 tag:team=api monthly",
    ),
    # a filtered tag breakdown; no range typed: this month, as the writer read it; the untagged share is part of every
    # breakdown
    ("/tags", "which teams have most EC2 spend? want to know who to chase for graviton", "team service=ec2 this month"),
    # NOT SUPPORTED (runway): the writer's nearest, the year so far by month, November partial
    ("/cost", "runway math - what did aws cost us each month this year?", "ytd monthly"),
    # the instances are EC2's; the seven whole days before today by the grammar's rule; the writer's instance and its
    # rank read off the list
    (
        "/top-resources",
        "i-0a3f9c2e71b84d5e6 shows $2,310 last 7 days on the dashboard - is that our top one or are there bigger?",
        "last 7 days service=ec2",
    ),
    # a filtered tag breakdown; the thirty whole days before today by the grammar's rule; the untagged share is part
    # of every breakdown
    ("/tags", "aws:createdBy split for s3 cost, last 30 day", "aws:createdBy service=s3 last 30 days"),
    # a follow-up whose spike is not known, read on its own: the writer's days from the 20th to today by day, today's
    # partial day among them
    ("/cost", "did the spike stop", "since 2026-11-20 daily"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_63 (the writer's nearest, the month
    # so far with the forecast, was not taken)
    ("/cost", "can u tell me if data team is over budget?", "!budget"),
    # NOT SUPPORTED (which resources are duplicates): the writer's nearest, the three services in the two regions by
    # region and service; like for like, the same days of October
    (
        "/cost",
        "how much are we paying double during the cutover? us-east-1 + eu-west-1 both running (rds, ec2, s3)",
        "this month service=rds,ec2,s3 region=us-east-1,eu-west-1 by region, service",
    ),
    # no range typed: this month, as the writer read it; the shares are part of every breakdown, the untagged one
    # among them
    ("/tags", "what % of spend is env dev/staging vs prod? my gut says it should be way under 20%", "env this month"),
    # the charge classes of the day apart, the commitment fees booked on the 1st among them, as FRESH_49 and FRESH_64;
    # the day before is the day compared with anyway
    (
        "/cost",
        "Nov 1: $28,441.90 (??) normal days are ~$6k. is that the SP/RI fee thing?",
        "2026-11-01 by charge-class",
    ),
    # the jobs are the Glue resources; the data-lake account
    (
        "/top-resources",
        "glue job most expensive in data-lake account, october",
        "2026-10 service=glue account=data-lake",
    ),
    # the clusters are the EKS resources; the latest complete day, as the writer read it, as FRESH_45 and FRESH_52
    ("/top-resources", "whats burning money in eks cluster rn", "yesterday service=eks"),
)

FRESH_68_FIRST_SIGHT = (35, 8, 7)

FRESH_68: tuple[tuple[str, str, str], ...] = (
    # the instances are EC2's; this week from Monday to today; the holiday traffic is the writer's context
    (
        "/top-resources",
        "which ec2 instances are costing the most this week? autoscaler's gone a bit mad with black friday traffic",
        "this week service=ec2",
    ),
    # the fortnight by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_1, FRESH_4 and FRESH_6; by day; NOT SUPPORTED (another currency, no exchange rates): the series
    # in the billing currency, the writer's nearest, as FRESH_39, FRESH_42 and FRESH_63
    ("/cost", "whats the damage over the last fortnight, roughly how many quid a day?", "last 2 weeks daily"),
    # like for like: this week's complete days against the same days of last week, the period compared with anyway, as
    # FRESH_20 and FRESH_61; the CDN service misspelt is CloudFront
    ("/cost", "cloudfrnt this week vs last week pls, cheers", "this week service=cloudfront"),
    # the DB instances are the RDS resources; the month so far
    (
        "/top-resources",
        "which rds boxes in eu-west-1 are the priciest this month?",
        "this month service=rds region=eu-west-1",
    ),
    # the couple of days by the grammar's rule, the two whole days before today (the writer counted today in), as
    # FRESH_6; the services and accounts behind each day are part of the answer; the page is the writer's context
    (
        "/cost",
        "anything dodgy on the bill the last couple of days? got paged at 3am and want to rule out something daft",
        "anomalies last 2 days",
    ),
    # the month-end forecast against October, as FRESH_4, FRESH_40 and FRESH_64
    ("/cost", "where's november going to land then? reckon we'll blow past october", "forecast 2026-11"),
    # like for like: this week's complete days against the same days of last week, as FRESH_26; the regions, accounts
    # and usage types that moved are among the causes
    ("/cost", "why has data transfer shot up since monday? bloody hell", "why this week service=data-transfer"),
    # the month so far; Platform among the values listed beside the other teams, its share and the untagged share part
    # of every breakdown
    (
        "/tags",
        "team split for this month please, want to see how much Platform is hoovering up compared to everyone else",
        "team this month",
    ),
    # tax is its own service, Tax, as FRESH_48 and FRESH_60; all accounts is every account anyway; the reconciliation
    # is the writer's context
    (
        "/cost",
        "What was the total tax charged on the October 2026 bill? Need it for the VAT reconciliation.",
        "2026-10 service=tax",
    ),
    # the Savings Plans and RI fees are the commitment fees, as FRESH_42, FRESH_50 and FRESH_61; each account on its
    # own line
    (
        "/cost",
        "can you give me the savings plan + RI fees that hit on 1 nov, split by account",
        "2026-11-01 charge-class=recurring,one-time by account",
    ),
    # the credits only by charge class, each account on its own line, as FRESH_59 and FRESH_62; the year so far
    ("/cost", "credits applied YTD? and which accts got them", "ytd charge-class=credit by account"),
    # refunds are the adjustment class, as FRESH_7, FRESH_9 and FRESH_34; each service on its own line
    ("/cost", "did we recieve any refunds in Q3, and if so what for", "2026-q3 charge-class=adjustment by service"),
    # tax and credits left out by charge class, usage and fees kept, as FRESH_46, FRESH_52 and FRESH_63
    (
        "/cost",
        "Need October's total excluding tax and excluding credits, ie just gross usage + fees",
        "2026-10 charge-class!=tax,credit",
    ),
    # tax is its own service, Tax; the writer's ten months of this year, by month
    ("/cost", "tax by month for this yr, jan thru oct", "2026-01..2026-10 service=tax monthly"),
    # tax is its own service, Tax; the data-lake account; like for like: the complete days of November against the
    # same days of October, the period compared with anyway, as FRESH_60 and FRESH_61; the accrual is the writer's
    # context
    (
        "/cost",
        "is tax on the data-lake account higher than last month? the nov accrual looks off to me",
        "this month service=tax account=data-lake",
    ),
    # the last full month; the team values are listed in every breakdown, the untagged share its own line
    (
        "/tags",
        "For the month-end cross-charge I need October cost by team tag, with untagged shown separately please",
        "team 2026-10",
    ),
    # NOT SUPPORTED (invoice number): the writer's nearest, the September total, as FRESH_8 and FRESH_51
    ("/cost", "Could you pull the invoice number and total for the September AWS bill? AP are chasing it", "2026-09"),
    # the eight whole weeks before this one, Monday to Sunday, week by week; all accounts is every account anyway
    ("/cost", "weekly totals for the last 8 wks (mon-sun), all accounts", "last 8 weeks weekly"),
    # the month so far; no percentages in the grammar: the top five beside the total they are shares of, read off by
    # hand, as FRESH_7 and FRESH_14
    ("/cost", "top 5 services by cost nov MTD with % share of total", "this month by service top 5"),
    # the writer's days, both included, by day; the production account, as the writer meant it
    (
        "/cost",
        "daily s3 for the prod account, 1st to 26th nov",
        "2026-11-01..2026-11-26 service=s3 account=production daily",
    ),
    # the functions are the Lambda resources; the thirty whole days before today by the grammar's rule, as the writer
    # counted
    ("/top-resources", "top 10 lambda functions by spend, last 30 days", "10 last 30 days service=lambda"),
    # the shares and the untagged share are part of every breakdown; the quarter, July to September
    ("/tags", "env breakdown as percentages for q3", "env 2026-q3"),
    # the whole of October against November so far, the earlier month first, both kept, as FRESH_10, FRESH_36 and
    # FRESH_42; every region named one by one keeps none out, each on its own line
    (
        "/cost",
        "region split oct vs nov-to-date, want us-east-1 / us-west-2 / eu-west-1 / ap-southeast-2 side by side",
        "2026-10 vs 2026-11 by region",
    ),
    # today so far against Black Friday last year, 2025-11-28, the writer's order kept, as FRESH_6 and FRESH_42;
    # today's partial day is marked so in the answer; one day each side needs no time step
    (
        "/cost",
        "compare today (BF) with last years black friday 28 nov 2025, total spend, daily granularity is fine",
        "2026-11-27 vs 2025-11-28",
    ),
    # a filtered tag breakdown; the last full month; the untagged share is part of every breakdown
    ("/tags", "project tag breakdown for dynamodb only, last month", "project service=dynamodb last month"),
    # the untagged share, its amount and percentage, is part of every breakdown; the month so far
    ("/tags", "how much of this month's spend has no team tag on it at all?", "team this month"),
    # the creator tag; the 7 whole days before today by the grammar's rule, as the writer counted; the untagged share
    # is part of every breakdown
    (
        "/tags",
        "breakdown by aws:createdBy for the last 7 days. want to see who is spinning stuff up",
        "aws:createdBy last 7 days",
    ),
    # no range typed: this month, as the writer read it; each service and account on its own line, as the writer
    # asked; October is the period compared with anyway, any earlier spend shown in the change; a zero total is the
    # answer
    (
        "/cost",
        "are we spending anything in ap-southeast-2?? we shouldnt have anything there afaik",
        "this month region=ap-southeast-2 by service, account",
    ),
    # untagged as the writer read it, none of the env, team and project tags, as FRESH_18; the production account, as
    # the writer meant it; the present read as the writer read it, the month so far, as FRESH_43
    (
        "/top-resources",
        "biggest untagged resources in the prod account rn",
        "this month account=production tag:env=untagged tag:team=untagged tag:project=untagged",
    ),
    # from 1 September to today; each account on its own line; the writer's ideal split by month not typed, left out,
    # as FRESH_53 and FRESH_61; the alerts are the writer's context
    (
        "/cost",
        "kms spend by account since sept, seeing loads of key usage alerts",
        "since 2026-09-01 service=kms by account",
    ),
    # the instances are EC2's; no range typed: this month, as the writer read it; NOT SUPPORTED (an approved list of
    # creators): the ranking by cost, the writer's nearest, each one's creator checked by hand, as FRESH_24 and
    # FRESH_34
    (
        "/top-resources",
        "which ec2 instances in us-west-2 were launched by someone not on our approved list? costliest first",
        "this month service=ec2 region=us-west-2",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_53, FRESH_55 and FRESH_62; the data-lake account; Glue is the writer's focus, not a filter, as
    # FRESH_37 (each service's unusual days are part of the answer)
    (
        "/cost",
        "any unusual spikes in the data-lake acct in the last 2 weeks? glue esp",
        "anomalies last 2 weeks account=data-lake",
    ),
    # no filter keeps only the services absent before: the month so far by service, each one's change against the same
    # days of October, the new ones marked so, the writer's nearest
    ("/cost", "any services showing up on the bill this month that werent there in october?", "this month by service"),
    # NOT SUPPORTED (owners, incident tickets): the writer's nearest; like for like: this week's complete days against
    # the same days of last week, as FRESH_26; the accounts and usage types that moved are among the causes
    (
        "/cost",
        "sqs in eu-west-1 went up a lot this week - who owns it and is there an incident ticket already?",
        "why this week service=sqs region=eu-west-1",
    ),
    # the staging account, as the writer meant it
    ("/cost", "how much did staging cost yesterday?", "yesterday account=staging"),
    # the staging account, as the writer meant it, misspelt; this week from Monday to today, by day; the test day read
    # off the series
    ("/cost", "stagin spend per day this week, did tuesdays load test show up?", "this week account=staging daily"),
    # the staging account, as the writer named it; the month so far
    ("/top-resources", "top 5 most expensive things in the staging account this month", "5 this month account=staging"),
    # an amount without the word budget: the month-end forecast, held against the writer's figure by hand, as
    # FRESH_39, FRESH_57 and FRESH_63; the staging account
    ("/cost", "is staging going to go over $5k this month?", "forecast 2026-11 account=staging"),
    # a filtered tag breakdown; the staging account; no range typed: this month, as the writer read it; the values are
    # ranked by cost, the untagged share part of every breakdown
    ("/tags", "in the staging acct, which team is burning the most?", "team account=staging this month"),
    # September is the period October is compared with anyway, as FRESH_62; the staging account, as the writer meant
    # it
    ("/cost", "rds on staging last month vs the month before", "2026-10 service=rds account=staging"),
    # the instances are EC2's; the writer's weekend, both days included; the staging account
    (
        "/top-resources",
        "any ec2 left running in staging over the weekend of 21-22 nov? most expensive ones",
        "2026-11-21..2026-11-22 service=ec2 account=staging",
    ),
    # the writer's days from the 10th to today, by day; the staging account, as the writer meant it; the new cluster
    # is the writer's context
    (
        "/cost",
        "eks cost for staging since we spun up the new cluster on the 10th, day by day",
        "since 2026-11-10 service=eks account=staging daily",
    ),
    # the project tag value; the year so far by month, November partial, as FRESH_54 and FRESH_63; the new role is the
    # writer's context
    (
        "/cost",
        "Hi! I've just joined as engineering manager for the checkout team and I'm still getting my head around our "
        "cloud costs. Could you tell me how much the checkout project has cost each month since the start of the "
        "year? Thank you so much!",
        "ytd tag:project=checkout monthly",
    ),
    # September is the period October is compared with anyway; the services, accounts and regions that moved are among
    # the causes
    (
        "/cost",
        "Hello, apologies if this is a basic question. Finance has asked me to explain why our AWS bill in October "
        "was higher than in September. I'm not very familiar with AWS yet, so a plain-language summary of the main "
        "drivers would be really helpful.",
        "why 2026-10",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_63 (the writer's nearest, the
    # quarter so far with the forecast, was not taken)
    (
        "/cost",
        "Good morning. I'm preparing for a leadership meeting on Monday and I'd like to know whether we're on track "
        "against our Q4 cloud budget. Is there a way to see where we stand?",
        "!budget",
    ),
    # the month so far; the project values listed, the untagged share part of every breakdown
    (
        "/tags",
        "Hi there, I manage the search and data folks. Before I go and talk to them, could you show me how this "
        "month's spend breaks down by project? I'm especially interested in how much has no project tag, since I "
        "suspect that's where the surprises are.",
        "project this month",
    ),
    # the tables are the DynamoDB resources; the last 3 months by the grammar's rule, the three full months before
    # this one (the writer counted days back from today), as FRESH_13
    (
        "/top-resources",
        "Hello! My team inherited a bunch of DynamoDB tables from another team and nobody is sure which ones are the "
        "expensive ones. Could you list the costliest tables over the last three months, please?",
        "last 3 months service=dynamodb",
    ),
    # today so far against last Friday, the same weekday a week earlier, as FRESH_12 and FRESH_64; today's partial day
    # is marked so in the answer
    (
        "/cost",
        "Hi, quick context: we're running our big Black Friday sale today and the CEO asked how much extra AWS is "
        "costing us compared to a normal Friday. Could you compare today with last Friday, the 20th? Thanks in "
        "advance!",
        "2026-11-27 vs 2026-11-20",
    ),
    # the last whole week, Monday 16 to Sunday 22; each account on its own line
    (
        "/cost",
        "Sorry to bother you. I'm putting together an overview for my boss - could you give me the total spend for "
        "the last full week, split by AWS account, so I can see production vs staging vs the data lake?",
        "last week by account",
    ),
    # the last 6 months by the grammar's rule, the six full months before this one (the writer's alternative), as
    # FRESH_42 and FRESH_62; no percentages in the grammar: the breakdown they are shares of, Lambda among the
    # services, as FRESH_7, FRESH_14 and FRESH_64
    (
        "/cost",
        'Hi all, new here. I keep hearing that Lambda is "basically nothing" on our bill, but I\'d like to check '
        "that. What did Lambda cost in total over the last 6 months, and what share of the overall bill is that?",
        "last 6 months by service",
    ),
)

FRESH_69_FIRST_SIGHT = (26, 13, 11)

FRESH_69: tuple[tuple[str, str, str], ...] = (
    # all three accounts, services and charge types are everything anyway; the whole of October
    ("/cost", "hi po, pa-check naman how much yung total AWS bill natin for October? thanks po", "2026-10"),
    # January to November so far, by month, November partial, as FRESH_54 and FRESH_63; tax and credits left out by
    # charge class, usage and fees kept, as FRESH_46, FRESH_52 and FRESH_63
    (
        "/cost",
        "what was total AWS spend per month for 2026 so far, excluding tax and credits? need it for the board deck",
        "ytd charge-class!=tax,credit monthly",
    ),
    # yesterday is the day today is compared with anyway, as FRESH_12, FRESH_17 and FRESH_67; today's partial day is
    # marked so; the writer's split by service kept, as FRESH_34 and FRESH_54
    ("/cost", "WHY IS TODAY SO EXPENSIVE?? WHAT SERVICE", "why today by service"),
    # the writer's days are the whole of October; unblended as the writer asked, as FRESH_66
    (
        "/cost",
        "Total unblended cost 2026-10-01 to 2026-10-31, broken down by service pls",
        "2026-10 by service unblended",
    ),
    # a follow-up whose earlier question is not known, read on its own: the staging account, as the writer meant it; no
    # range known: this month, as FRESH_46 and FRESH_58
    ("/cost", "and for staging?", "this month account=staging"),
    # no spot usage type in the vocabulary: EC2 by usage type, the spot lines among them, as FRESH_8, FRESH_15 and
    # FRESH_51; the month so far; NOT SUPPORTED (whose usage): all of it, the writer's nearest, as FRESH_51
    (
        "/cost",
        "how much did my spot instances cost this month? the experiments i run on ec2 spot in us-west-2",
        "this month service=ec2 region=us-west-2 by usage-type",
    ),
    # the instances are EC2's; the production account, as the writer named it; the month so far
    (
        "/top-resources",
        "ano po yung pinaka-mahal na EC2 instances sa production this month? top 10 lang po pls",
        "10 this month service=ec2 account=production",
    ),
    # Q2 is the period Q3 is compared with anyway (the change and its percentage are in every answer), as FRESH_16 and
    # FRESH_53; all accounts is every account anyway
    ("/cost", "how did Q3 infra cost compare to Q2? want a QoQ %", "2026-q3"),
    # NOT SUPPORTED (hourly): the writer's nearest, EC2 by day over the whole days holding the last 48 hours (Wednesday
    # to today), as FRESH_39; today's partial day is marked so
    ("/cost", "EC2 COST LAST 48 HRS HOURLY PLS", "2026-11-25..2026-11-27 service=ec2 daily"),
    # dates month first, as the writer meant them; the two whole months, the writer's order kept, as FRESH_64 and
    # FRESH_65; each account on its own line
    ("/cost", "Compare 09/01/2026-09/30/2026 vs 10/01/2026-10/31/2026 by account", "2026-09 vs 2026-10 by account"),
    # a follow-up whose earlier question is not known, read on its own: the total week by week from the writer's example
    # start, the last week partial, as FRESH_65
    ("/cost", "same but weekly", "since 2026-11-02 weekly"),
    # the buckets are the S3 resources; the data-lake account; the last whole week, Monday 16 to Sunday 22; the writer's
    # guess at their own data read off the list
    (
        "/top-resources",
        "which S3 buckets in the data lake got most expensive last week? suspect my feature store parquet dumps",
        "last week service=s3 account=data-lake",
    ),
    # the day before is the day yesterday is compared with anyway, as FRESH_67; all accounts is every account anyway
    (
        "/cost",
        "good morning po! may spike daw kahapon sa Lambda, pwede po pa-check kung magkano yung Lambda cost yesterday "
        "vs the day before?",
        "yesterday service=lambda",
    ),
    # NOT SUPPORTED (revenue, margin): the writer's nearest, the October total, as FRESH_33 and FRESH_41
    ("/cost", "AWS cost as % of revenue for october, whats the gross margin impact?", "2026-10"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_68 (the writer's nearest, the month so
    # far with the forecast, was not taken)
    ("/cost", "are we over budget for november?? FINANCE IS ASKING", "!budget"),
    # dates day first with dots, as the writer meant them, both included, by day; several services as a series are one
    # series per value anyway
    ("/cost", "KMS + SQS daily from 01.11.2026 to 15.11.2026", "2026-11-01..2026-11-15 service=kms,sqs daily"),
    # a follow-up read as the whole question the writer meant: Lambda by day, the series carrying the total; the seven
    # whole days before today by the grammar's rule, as the writer counted first
    ("/cost", "ok now just lambda, last 7d", "last 7 days service=lambda daily"),
    # a filtered tag breakdown by the creator tag; the team tag value; the thirty whole days before today by the
    # grammar's rule, as the writer counted; the untagged share is part of every breakdown
    (
        "/tags",
        "team=data spend by aws:createdBy, trying to see how much is mine vs the others' runs, last 30 days",
        "aws:createdBy tag:team=data last 30 days",
    ),
    # the month-end forecast with the month so far; the investor update is the writer's context
    ("/cost", "where's november going to land? need a number for the investor update by monday", "forecast 2026-11"),
    # the untagged share is part of every breakdown; the month so far
    (
        "/tags",
        "hello po, magkano po yung untagged sa team tag this month? para ma-follow up namin sa devs",
        "team this month",
    ),
    # data transfer is the Data Transfer service, no direction of transfer in the vocabulary for every region, as
    # FRESH_65; like for like: this week's complete days against the same days of last week, the period compared with
    # anyway, as FRESH_20 and FRESH_61
    ("/cost", "DATA TRANSFER OUT IS KILLING US. HOW MUCH THIS WEEK VS LAST WEEK", "this week service=data-transfer"),
    # the whole day split by charge class, the commitment fees apart from usage, as the writer meant it, as FRESH_62
    (
        "/cost",
        "need the SP and RI fees booked on 1 Nov (2026-11-01) separately from usage, what were they?",
        "2026-11-01 by charge-class",
    ),
    # a follow-up whose earlier question is not known, read on its own: the tables are the DynamoDB resources; no range
    # known: this month, as FRESH_46
    ("/top-resources", "what about dynamo tables?", "this month service=dynamodb"),
    # no spot usage type in the vocabulary: EC2 by usage type, the spot and on-demand lines among them, as FRESH_15;
    # the data-lake account; the whole of October against November so far, the earlier month first, both kept, as
    # FRESH_68
    (
        "/cost",
        "ec2 spot vs on-demand for the data-lake acct, oct vs nov so far",
        "2026-10 vs 2026-11 service=ec2 account=data-lake by usage-type",
    ),
    # the last full quarter, July to September; prod, dev and staging among the values listed, the untagged share part
    # of every breakdown; the memo's grouping is done by hand
    (
        "/tags",
        "split of spend by env for last quarter - I want to show prod (COGS) vs dev/staging (R&D)",
        "env last quarter",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_55, FRESH_62 and FRESH_65; by day; the holiday traffic is the writer's context
    (
        "/cost",
        "pls po, daily cost ng CloudFront for the past 2 weeks, kasi Black Friday traffic",
        "last 2 weeks service=cloudfront daily",
    ),
    # the last 30 whole days before today by the grammar's rule, as the writer counted (not the calendar month), as
    # FRESH_45 and FRESH_60
    (
        "/cost",
        "any weird days in the last month?? SOMETHING IS OFF WITH DYNAMODB",
        "anomalies last 30 days service=dynamodb",
    ),
    # a filtered tag breakdown; the writer's three whole months, both ends included; the production account, as the
    # writer named it; the untagged share is part of every breakdown
    (
        "/tags",
        "cost by project tag, range 2026-08-01 → 2026-10-31, prod account only",
        "project account=production 2026-08..2026-10",
    ),
    # the writer's days from the 15th to today, by day, today's partial day among them; the rise from the 18th read off
    # the series; all accounts is every account anyway
    (
        "/cost",
        "did S3 jump after I kicked off the hyperparam sweep on the 18th? daily s3 from nov 15 on",
        "since 2026-11-15 service=s3 daily",
    ),
    # the same days of last year are the comparison the year so far makes anyway, as FRESH_18 and FRESH_49; the growth
    # rate is the change every answer states
    ("/cost", "compare our YTD aws spend to same period last year. growth rate?", "ytd"),
    # the present read as the writer read it, the latest complete day with today's partial one, as CORPUS's whole days
    # of the last 24 hours; the production account, as the writer meant it
    (
        "/top-resources",
        "WHAT ARE THE TOP 5 MOST EXPENSIVE THINGS RUNNING IN PROD RIGHT NOW",
        "5 2026-11-26..2026-11-27 account=production",
    ),
    # dates day first, as the writer meant them, both included; the same number of days just before is the period
    # compared with anyway (the writer's 30 days read as the same length, which the writer accepted)
    (
        "/cost",
        "Glue spend for 15/10/2026 - 14/11/2026 in eu-west-1 vs the 30 days before",
        "2026-10-15..2026-11-14 service=glue region=eu-west-1",
    ),
    # like for like: this week's complete days against the same days of last week, as FRESH_26 and FRESH_68; the
    # accounts, regions and usage types that moved are among the causes
    (
        "/cost",
        "sorry po ulit, ano po yung cause bakit tumaas yung RDS natin this week compared last week?",
        "why this week service=rds",
    ),
    # no time step in /tags; checkout among the values listed, as FRESH_26; the last 6 months by the grammar's rule, the
    # six full months before this one (the writer counted November in), as FRESH_42 and FRESH_62; NOT SUPPORTED (cost
    # per order): the cost itself, to divide by hand
    (
        "/tags",
        "what does the checkout project cost us per month, last 6 months? trying to get unit economics per order",
        "project last 6 months",
    ),
    # a follow-up read as the whole question: the team and env tag values the writer named; all accounts
    ("/cost", "k and the dev one, api team, yesterday", "yesterday tag:team=api tag:env=dev"),
    # this week from Monday to today; the untagged share is its own line in every breakdown
    ("/tags", "WHO OWNS ALL THIS UNTAGGED STUFF. team tag breakdown for this week NOW", "team this week"),
    # the earlier half first, both kept (H2 so far), as FRESH_15, FRESH_18 and FRESH_33; one account against the rest is
    # every account side by side
    (
        "/cost",
        "how much of the bill is production vs the other two accounts, H1 vs H2 so far",
        "2026-01..2026-06 vs 2026-07..2026-12 by account",
    ),
    # the writer's creator tag value is not known exactly (a person's name is not a stored value, as FRESH_13, FRESH_20
    # and FRESH_30): the EC2 instances ranked by cost; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "biggest ec2 instances by cost that I created? my iam user is j.santos",
        "this month service=ec2",
    ),
    # tax is its own service, Tax; the quarter by month, as FRESH_63
    ("/cost", "tax line for Q3 (Jul 1 – Sep 30, 2026), month by month", "2026-q3 service=tax monthly"),
    # a follow-up whose earlier question is not known, read on its own: tax is its own service, Tax, left out; no range
    # known: this month, as FRESH_46; every total includes tax unless left out
    ("/cost", "wait is that incl tax? can u rerun without", "this month service!=tax"),
    # this week from Monday to today; the two regions side by side, as the writer asked; the writer's ideal split by day
    # not typed, left out, as FRESH_53 and FRESH_61; the failover is the writer's context
    (
        "/cost",
        "EKS cost in us-east-1 vs us-west-2 since monday?? we failed over",
        "this week service=eks region=us-east-1,us-west-2 by region",
    ),
    # the credits only by charge class; the month so far; all accounts is every account anyway
    (
        "/cost",
        "hi po, may credits po ba tayo na na-apply ngayong November? magkano po?",
        "this month charge-class=credit",
    ),
    # the total after credits is the total as it is, not the net basis, as FRESH_31 and FRESH_36; dates month first, as
    # the writer meant them; the same days of October, both included
    (
        "/cost",
        "Net cost after credits for 11/1/26 through 11/26/26 vs same days Oct",
        "2026-11-01..2026-11-26 vs 2026-10-01..2026-10-26",
    ),
    # NOT SUPPORTED (cost per training run): the writer's nearest, as FRESH_8's training run: no GPU or spot usage types
    # in the vocabulary, EC2 by usage type by day over the seven whole days before today, the g5 spot lines among them
    (
        "/cost",
        "roughly whats it cost per training run? each run is ~6h on 8x g5.2xlarge spot",
        "last 7 days service=ec2 by usage-type daily",
    ),
    # a follow-up read as the whole question: the project split, this week from Monday to today; any filter of the
    # earlier message is not known; the untagged share is part of every breakdown
    ("/tags", "same but split by project, since monday", "project this week"),
    # all accounts is every account anyway; the writer's days, both included
    (
        "/top-resources",
        "top 20 resources by cost, ap-southeast-2, 2026-11-01..2026-11-26, all accounts",
        "20 2026-11-01..2026-11-26 region=ap-southeast-2",
    ),
    # September is the period October is compared with anyway; the writer's guess at Glue is no filter, the services
    # that moved are among the causes, as FRESH_60
    (
        "/cost",
        "why did the data-lake account go up in oct vs sep? was it glue or my stuff",
        "why 2026-10 account=data-lake",
    ),
    # a follow-up whose earlier question is not known, read on its own: the env split; no range known: this month, as
    # FRESH_46; the untagged share is part of every breakdown
    ("/tags", "by env instead?", "env this month"),
    # the buckets are the S3 resources; the data-lake account; the last full month
    (
        "/top-resources",
        "pa-list naman po ng top S3 buckets by cost sa data-lake account, last month po",
        "last month service=s3 account=data-lake",
    ),
    # the instances are RDS's resources; this week from Monday to today; the budget is a figure of speech, as the writer
    # said, no budget asked
    ("/top-resources", "WHICH RDS INSTANCE IS EATING THE BUDGET THIS WEEK, TOP 3", "3 this week service=rds"),
)

FRESH_70_FIRST_SIGHT = (31, 11, 8)

FRESH_70: tuple[tuple[str, str, str], ...] = (
    # today's partial day is marked so; the production account, as the writer meant it; the holiday traffic is the
    # writer's context
    ("/cost", "prod spend today so far?? 🔥 BF traffic is wild", "today account=production"),
    # the production account, as the writer meant it; the last whole week, Monday 16 to Sunday 22
    (
        "/cost",
        "Hello, how much we spend in EC2 the last week? only production account please, thanks",
        "last week service=ec2 account=production",
    ),
    # the quarter so far against the same stretch of Q4 2025, like for like, as CORPUS's same month last year; the
    # deck is the writer's context
    ("/cost", "whats Q4 QTD vs same point in Q4 last yr? need it for the board deck by EOD", "this quarter vs 2025-q4"),
    # like for like: the complete days of November against the same days of October; the node groups and the
    # autoscaler are the writer's context (NOT SUPPORTED: no node-group split), the EKS cost is what is asked
    (
        "/cost",
        "how much did EKS cost us in us-east-1 this month vs last month? the prod cluster autoscaler went nuts after "
        "we bumped max nodes on the general ng",
        "this month service=eks region=us-east-1",
    ),
    # the project tag value; like for like: this week's complete days against the same days of last week, the period
    # compared with anyway, as FRESH_61; the load tests are the writer's context
    (
        "/cost",
        "checkout project cost this week vs last week? want to see if the BF load tests moved the needle",
        "this week tag:project=checkout",
    ),
    # the data-lake account; October by day, with its total
    (
        "/cost",
        "Hi! Sorry to bother, I'm the new intern on the data team and my manager asked me to find out how much we "
        "spent on AWS Glue during October 2026 in the data-lake account. Would it be possible to also see it split by "
        "day? Thank you so much in advance!",
        "2026-10 service=glue account=data-lake daily",
    ),
    # the instances are EC2's; the present read as the writer read it, the month so far, as FRESH_43
    ("/top-resources", "top 10 $$ ec2 instances rn 👀", "10 this month service=ec2"),
    # Platform among the values listed beside the other teams, the untagged share part of every breakdown; the month
    # so far
    (
        "/tags",
        "Which team is spending more this month? I think Platform is the biggest one but I am not sure, no?",
        "team this month",
    ),
    # the earlier half first, both kept (H2 so far), as FRESH_15 and FRESH_33
    ("/cost", "H1 vs H2 total spend pls, H2 to date obv", "2026-01..2026-06 vs 2026-07..2026-12"),
    # NOT SUPPORTED (which instances are EKS nodes, node groups): the writer's nearest, the EC2 instances in the
    # production account, as FRESH_15 and FRESH_60; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "which nodes in the eks prod cluster are costing the most? ideally grouped by node group but instance level "
        "is fine",
        "this month service=ec2 account=production",
    ),
    # the project tag value; the last 6 weeks by the grammar's rule, the six whole weeks before this one, as the
    # writer counted; week by week
    (
        "/cost",
        "how much did search cost per week over the last 6 wks? trying to build a trend for sprint review",
        "last 6 weeks tag:project=search weekly",
    ),
    # the total with usage, the fees of the 1st, credits and tax apart by charge class, as FRESH_22 and FRESH_29; all
    # three accounts are every account anyway
    (
        "/cost",
        "Good morning, I hope everyone is having a nice Black Friday. Could you please tell me what the total AWS "
        "bill was for last month across all three accounts, and whether that includes tax and the Savings Plan fee? I "
        "want to make sure I understand correctly before I put it in my report.",
        "2026-10 by charge-class",
    ),
    # the month-end forecast against October, as FRESH_4, FRESH_50 and FRESH_64
    ("/cost", "are we gonna blow past last month?? 📈 forecast pls", "forecast 2026-11"),
    # the data-lake account; the day before is the day yesterday is compared with anyway (the writer's usual level
    # read as the nearest day), as FRESH_64 and FRESH_67; the usage types, operations and regions that moved are among
    # the causes
    (
        "/cost",
        "Why the S3 cost has gone up so much in the data lake the last days? Yesterday was almost the double than "
        "normal",
        "why 2026-11-26 service=s3 account=data-lake",
    ),
    # October against October 2025, the writer's order kept; each service on its own line
    ("/cost", "YoY by service for oct? oct '26 vs oct '25", "2026-10 vs 2025-10 by service"),
    # a filtered tag breakdown; the team tag value; the env values listed, the untagged share part of every breakdown;
    # no range typed: this month, as the writer read it
    (
        "/tags",
        "split of platform team spend by env tag - how much is dev vs staging vs prod, and how much has no env at all",
        "env tag:team=Platform this month",
    ),
    # checkout, search and data among the values listed, the shares and the untagged share part of every breakdown;
    # the last whole week, Monday 16 to Sunday 22
    (
        "/tags",
        "what % of last week's spend is tagged project=checkout vs search vs data? and how much is untagged",
        "project last week",
    ),
    # the buckets are the S3 resources; the month so far; the presentation is the writer's context
    (
        "/top-resources",
        "Hello, I apologize if this is a silly question. Could you kindly show me which S3 buckets cost us the most "
        "money so far this month? I am trying to understand where the storage costs come from for a presentation. "
        "Many thanks!",
        "this month service=s3",
    ),
    # the day before is the day yesterday is compared with anyway, as FRESH_67
    ("/cost", "lambda $ yday vs day before? 🙏", "yesterday service=lambda"),
    # the writer's days, day first, both included; the region filter kept as the writer asked (CloudFront lines
    # without that region simply fall outside it)
    (
        "/cost",
        "I need the cost of cloudfront for eu-west-1 between 01/09 and 15/09, is possible?",
        "2026-09-01..2026-09-15 service=cloudfront region=eu-west-1",
    ),
    # January to November, November partial, by month; tax and credits left out by charge class, usage and fees kept,
    # as FRESH_58 and FRESH_63; the forecast model is the writer's context
    (
        "/cost",
        "Can you give me monthly totals Jan through Nov so I can rebase the FY27 forecast? excluding credits and tax "
        "pls",
        "2026-01..2026-11 monthly charge-class!=tax,credit",
    ),
    # the production account, as the writer meant it; the two services side by side, day by day; the fourteen whole
    # days before today by the grammar's rule, the writer's alternative; the migration is the writer's context
    (
        "/cost",
        "dynamo vs rds spend in prod, daily, last 14 days. we're mulling moving the cart svc off aurora",
        "last 14 days service=dynamodb,rds account=production by service daily",
    ),
    # Black Friday week to each Friday, the writer's order kept, as FRESH_16 and FRESH_26; the project tag value
    (
        "/cost",
        "Is checkout more expensive this Black Friday week than BF week last year?",
        "2026-11-23..2026-11-27 vs 2025-11-24..2025-11-28 tag:project=checkout",
    ),
    # the day before is the day the 1st is compared with anyway; the charge classes of the day apart, the commitment
    # fees booked on the 1st among them, as FRESH_40 and FRESH_65; the services that moved are among the causes
    (
        "/cost",
        "Dear bot, could you please help me understand why our costs on November 1st were so much higher than the "
        'other days of the month? My mentor said it might be something about "fees" but I did not quite follow. Thank '
        "you for your patience!",
        "why 2026-11-01 by charge-class",
    ),
    # the 7 whole days before today by the grammar's rule (the writer counted today in); the services behind each
    # unusual day are part of the answer
    ("/cost", "anything weird in the last 7d?? mgr asking 😬", "anomalies last 7 days"),
    # the DB instances are the RDS resources; the staging account, as the writer meant it; no range typed: this month,
    # as the writer read it
    (
        "/top-resources",
        "What is the most expensive RDS databases in staging? I think someone left one big instance on",
        "this month service=rds account=staging",
    ),
    # the forecast is the month's: the year so far with this month's forecast line, as FRESH_3 and FRESH_37
    ("/cost", "what's the run-rate look like for full yr 2026? need a number for dec close", "forecast 2026"),
    # data transfer is the Data Transfer service; each region on its own line with its usage types, the inter-AZ lines
    # among them, as FRESH_30; NOT SUPPORTED (node groups)
    (
        "/cost",
        "data transfer costs per region this month - suspect cross-AZ chatter between node groups in us-west-2",
        "this month service=data-transfer by region, usage-type",
    ),
    # Thanksgiving against the same weekday a week earlier, as FRESH_14 and FRESH_39; the project tag value
    (
        "/cost",
        "hey - how much did search infra cost yesterday? (thanksgiving) want to compare w a normal thursday",
        "2026-11-26 vs 2026-11-19 tag:project=search",
    ),
    # a filtered tag breakdown; the staging account; the 30 whole days before today by the grammar's rule (the writer
    # counted today in); the untagged share is part of every breakdown
    (
        "/tags",
        "Hello! I hope this is the right command. I was asked to find out how much of our spend in the staging "
        'account does not have a "team" tag on it, for the last 30 days, and which teams are tagged on the rest. '
        "Thank you very much for your help!",
        "team account=staging last 30 days",
    ),
    # the tables are the DynamoDB resources; this week from Monday to today
    ("/top-resources", "biggest dynamo tables this wk? 🧐", "this week service=dynamodb"),
    # the staging account, as the writer meant it; like for like, the complete days of November against the same days
    # of October; each service on its own line
    (
        "/cost",
        "Hola, can you compare the staging account this month with the month before? I think we are paying things "
        "that nobody use",
        "this month account=staging by service",
    ),
    # Q2 is the period Q3 is compared with anyway, as FRESH_16 and FRESH_41; each account on its own line
    ("/cost", "Q3 actuals by account, and how that compares to Q2", "2026-q3 by account"),
    # the creator tag; the two weeks by the grammar's rule, the two whole weeks before this one, the writer's
    # alternative, as FRESH_47 and FRESH_64; the untagged share is part of every breakdown
    (
        "/tags",
        "hows spend split by aws:createdBy for the last two weeks? want to see if the karpenter role is spinning "
        "stuff up",
        "aws:createdBy last 2 weeks",
    ),
    # the project tag value; weeks run Monday to Sunday, the first and last partial, from 1 October to today
    (
        "/cost",
        "weekly cost for checkout since oct 1? need to show the ramp before BF",
        "since 2026-10-01 tag:project=checkout weekly",
    ),
    # the production account; the two services as one sum, as FRESH_59; the last 3 months by the grammar's rule, the
    # three full months before this one (the writer's alternative), as FRESH_42 and FRESH_62; by month
    (
        "/cost",
        "Hi there, I am doing a small analysis for my internship project and I was wondering if you could tell me how "
        "much we spent on KMS and SQS combined in the production account each month for the last three months? I am "
        "sorry if that is too many things at once.",
        "last 3 months service=kms,sqs account=production monthly",
    ),
    # a filtered tag breakdown; the month so far; the untagged share is part of every breakdown
    (
        "/tags",
        "who owns the ap-southeast-2 spend 🇦🇺 mtd? by team + untagged pls",
        "team region=ap-southeast-2 this month",
    ),
    # NOT SUPPORTED (a forecast past the month in progress): the writer's nearest, the November month-end forecast, as
    # FRESH_48, FRESH_50 and FRESH_67; the data-lake account
    (
        "/cost",
        "the forecast for the december, can you give me? for the data lake only",
        "forecast 2026-11 account=data-lake",
    ),
    # NOT SUPPORTED (coverage): the split by charge class, the commitment fees beside usage, as FRESH_4, FRESH_56 and
    # FRESH_66; the year so far
    (
        "/cost",
        "how much of the bill is SP/RI fees vs on-demand usage YTD? trying to figure out our commitment coverage",
        "ytd by charge-class",
    ),
    # EBS volumes are billed under EC2: the EC2 resources, the volumes among them, as FRESH_22 and FRESH_28; the data-
    # lake account; the last full month
    (
        "/top-resources",
        "top ec2 instances + ebs vols in data-lake acct last month, the spark-on-eks nodes are prob in there",
        "last month service=ec2 account=data-lake",
    ),
    # the project tag value; the week from Monday 9 to Sunday 15; the week before is the period compared with anyway
    (
        "/cost",
        "what did search cost us the week of nov 9? and was it higher or lower than the week before",
        "2026-11-09..2026-11-15 tag:project=search",
    ),
    # this week from Monday to today, by day, each service on its own line; all accounts is every account anyway
    (
        "/cost",
        "Hello, thank you for building this bot. Could you please show me the cost for each day this week, broken "
        "down by service, for all accounts? I'd like to see if the Black Friday traffic is visible in the numbers. I "
        "really appreciate it!",
        "this week by service daily",
    ),
    # the credits only by charge class; the month so far; the writer's optional split by service left out, as FRESH_25
    ("/cost", "did we get the aws credits applied this month or nah? 💸", "this month charge-class=credit"),
    # a filtered tag breakdown; the production account; the env values listed, the untagged share part of every
    # breakdown; no range typed: this month, as the writer read it
    (
        "/tags",
        "for the env tag, how is the cost distributed in the production account? it should be all prod but I saw some "
        "dev things there",
        "env account=production this month",
    ),
    # no percentages in the grammar: tax beside the rest by charge class, quarter by quarter, the share read off by
    # hand, as FRESH_27 and FRESH_31
    ("/cost", "tax as % of total for Q1, Q2, Q3? auditors want it", "2026-01..2026-09 by charge-class quarterly"),
    # the writer's days from the 1st to today, by day, as FRESH_65; whether it trends up is read off the series
    (
        "/cost",
        "is our eks bill in eu-west-1 trending up? show me day by day since the 1st",
        "since 2026-11-01 service=eks region=eu-west-1 daily",
    ),
    # the project tag value; this week from Monday to today; the coming sale is the writer's context
    (
        "/top-resources",
        "which resources tagged project=checkout are the most expensive this week? want to know what to look at "
        "before cyber monday",
        "this week tag:project=checkout",
    ),
    # the quarter, July to September; checkout, search and data among the values listed, the untagged share part of
    # every breakdown
    (
        "/tags",
        "Good afternoon! Would you be able to tell me how the spend is divided between the different projects "
        "(checkout, search, data) for the third quarter of this year? And if possible, how much of it is not assigned "
        "to any project. Thank you kindly!",
        "project 2026-q3",
    ),
    # today so far against Black Friday last year, 2025-11-28, the writer's order kept, as FRESH_14 and FRESH_18;
    # today's partial day is marked so
    ("/cost", "hows BF today vs BF last yr 🛒🛒 total", "2026-11-27 vs 2025-11-28"),
    # the functions are the Lambda resources; the last full month
    (
        "/top-resources",
        "Give me please the top 5 lambdas by cost in us-west-2 during last month, I want to optimize them",
        "5 last month service=lambda region=us-west-2",
    ),
)

FRESH_71_FIRST_SIGHT = (23, 11, 16)

FRESH_71: tuple[tuple[str, str, str], ...] = (
    # the production account, as the writer named it; the one total is the answer, no breakdown asked
    ("/cost", "ec2 prod account yesterday. just the number", "yesterday service=ec2 account=production"),
    # the instances are EC2's; this week from Monday to today, today's partial day marked so
    ("/top-resources", "top 10 ec2 instances eu-west-1 this week, go", "10 this week service=ec2 region=eu-west-1"),
    # like for like: this week's complete days against the same days of last week, as FRESH_26 and FRESH_68; the
    # accounts,
    # regions and usage types that moved are among the causes
    ("/cost", "data transfer is up since monday. why", "why this week service=data-transfer"),
    # the staging account, as the writer meant it; November so far; the services behind each unusual day are part of
    # the answer
    ("/cost", "staging, weird days in november?", "anomalies this month account=staging"),
    # a filtered tag breakdown; the last full month; the team values listed, the untagged share part of every breakdown
    ("/tags", "eks by team for october. and how much has no team tag", "team service=eks 2026-10"),
    # the fourteen whole days before today by the grammar's rule, as the writer counted; by day; the holiday traffic is
    # the writer's context
    ("/cost", "cloudfront per day last 14 days pls, want to see bf traffic", "last 14 days service=cloudfront daily"),
    # the staging account, as the writer meant it; no range typed: this month, as the writer read it; each service on
    # its own line, biggest first
    ("/cost", "staging costs too much. what is it", "this month account=staging by service"),
    # the foreign word asks for the most expensive, the ranking itself; the tables are the DynamoDB resources; the
    # production account, as the writer meant it; no range typed: this month, as the writer read it
    ("/top-resources", "duurste dynamodb tables prod?", "this month service=dynamodb account=production"),
    # the Savings Plans fee is a commitment fee, by charge class, usage left out, as FRESH_1's savings plans and
    # FRESH_68's fees of the 1st; the day the writer named
    (
        "/cost",
        "Hi! Could you tell me what we were charged for Savings Plans on Nov 1st? Only the commitment fee, not the "
        "usage it covered. Thanks!",
        "2026-11-01 charge-class=recurring,one-time",
    ),
    # the RI fees are the commitment fees, as FRESH_1; the year so far by month, November partial, as FRESH_17
    (
        "/cost",
        "how much have we paid in RI fees this year, month by month if possible",
        "ytd charge-class=recurring,one-time monthly",
    ),
    # NOT SUPPORTED (an on-demand price without the reservations): the writer's nearest, October's RDS split by charge
    # class, its usage beside its RI fees, as FRESH_12's EC2 purchase
    (
        "/cost",
        "our RDS reserved instances run out end of december - what would RDS have cost in october if we didnt have "
        "them?",
        "2026-10 service=rds by charge-class",
    ),
    # the Savings Plans fees are the commitment fees, booked on each 1st; the later day against the earlier, as
    # FRESH_23's fees of the 1st this month against October
    (
        "/cost",
        "are the savings plan fees the same every month or did something change oct -> nov?",
        "2026-11-01 vs 2026-10-01 charge-class=recurring,one-time",
    ),
    # EC2's usage charges only, the usage class, fees left out; Q2 is the period Q3 is compared with anyway, as FRESH_7;
    # the meeting is the writer's context
    (
        "/cost",
        "quick one for the renewal meeting tmrw: ec2 usage in us-east-1, Q3 vs Q2?",
        "2026-q3 service=ec2 region=us-east-1 charge-class=usage",
    ),
    # the instances are EC2's; NOT SUPPORTED (hours run): the writer's nearest, October's ranking by cost, as FRESH_15's
    # RDS instances running all of a quarter; the reservation plan is the writer's context
    (
        "/top-resources",
        "which ec2 instances ran the whole of october and cost the most? trying to see what's worth reserving",
        "2026-10 service=ec2",
    ),
    # the month-end forecast; the total as it is holds the fees of the 1st, credits and tax, as FRESH_67; the deadline
    # is
    # the writer's context
    (
        "/cost",
        "what's the forecast for november incl the fees that already hit on the 1st? finance needs a number by EOD",
        "forecast 2026-11",
    ),
    # a filtered tag breakdown, the commitment fees by charge class; no range typed: November, whose fee was booked on
    # the 1st, as the writer meant it; the untagged and not taggable shares are part of every breakdown
    (
        "/tags",
        "how does our savings plan fee get split across teams?",
        "team charge-class=recurring,one-time this month",
    ),
    # the data-lake account; September is the period October is compared with anyway, as CORPUS's oct vs sep
    (
        "/cost",
        "How much did Glue cost in the data-lake account in October vs September?",
        "2026-10 service=glue account=data-lake",
    ),
    # the year so far by month, November partial, as FRESH_54 and FRESH_63; the growth in cost read off the months, as
    # the writer said
    (
        "/cost",
        "s3 month over month this year - are we still growing ~10% a month or has it slowed down",
        "ytd service=s3 monthly",
    ),
    # the buckets are the S3 resources; the data-lake account; the present read as the writer read it, the month so far,
    # as FRESH_43
    (
        "/top-resources",
        "which buckets are costing the most in data-lake right now?",
        "this month service=s3 account=data-lake",
    ),
    # the day before is the day the 18th is compared with anyway (the writer's days before read as the nearest one), as
    # FRESH_64 and FRESH_67; the accounts, regions and usage types that moved are among the causes
    ("/cost", "glue spiked on the 18th?? what happened there", "why 2026-11-18 service=glue"),
    # data among the project values listed beside the others, the untagged share part of every breakdown, as FRESH_49;
    # the quarter so far
    ("/tags", "project=data vs everything else this quarter", "project this quarter"),
    # the thirty whole days before today by the grammar's rule, as the writer counted; by day, each service on its own
    # line; the nightly job is the writer's context
    (
        "/cost",
        "daily glue + s3 last 30 days in eu-west-1, want to see if the new nightly job changed anything",
        "last 30 days service=glue,s3 region=eu-west-1 by service daily",
    ),
    # the jobs are the Glue resources, as FRESH_54 and FRESH_65; the last whole week, Monday 16 to Sunday 22
    ("/top-resources", "most expensive glue jobs last week?", "last week service=glue"),
    # NOT SUPPORTED (stored bytes): the writer's nearest, S3's cost this month so far against January, the order typed
    # kept, as FRESH_10's unit rates
    ("/cost", "how many TB do we have in S3 now compared to January?", "this month vs 2026-01 service=s3"),
    # the credits only by charge class, each account on its own line, as FRESH_59 and FRESH_68; the month so far; the
    # close is the writer's context
    (
        "/cost",
        "For the November close - total credits applied so far this month, by account please",
        "this month charge-class=credit by account",
    ),
    # the total as it is holds usage, fees, credits and tax; the tax apart in the split by charge class, as the doc's
    # tax shown separately
    ("/cost", "What was the full October invoice incl. tax, and how much of that was tax?", "2026-10 by charge-class"),
    # tax is its own service, Tax; each account on its own line, as FRESH_66; the reallocation is the writer's context
    (
        "/cost",
        "tax for october by account? AP needs to reallocate the VAT to the EU entity",
        "2026-10 service=tax by account",
    ),
    # refunds are the adjustment class, as FRESH_7, FRESH_9 and FRESH_34; by month, the writer's when; none is a zero
    # answer
    ("/cost", "did we get any refunds in Q3? if so when + how much", "2026-q3 charge-class=adjustment monthly"),
    # gross is the default unblended basis; usage, fees and credits apart by charge class, the net total being the
    # total,
    # as FRESH_61's gross vs net after credits
    ("/cost", "can you give me gross vs net for Oct, i.e. before and after credits", "2026-10 by charge-class"),
    # a filtered tag breakdown; tax and credits left out by charge class, as FRESH_46 and FRESH_52; the untagged share
    # is
    # part of every breakdown; the journal is the writer's context
    (
        "/tags",
        "Need october costs by env tag for the allocation journal, excl. tax and credits",
        "env charge-class!=tax,credit 2026-10",
    ),
    # the month-end forecast with the month so far, as FRESH_55, FRESH_63 and FRESH_66
    (
        "/cost",
        "accruals q: whats the estimated full month for Nov and how much is already booked thru yesterday?",
        "forecast 2026-11",
    ),
    # the last 3 months by the grammar's rule, the three full months before this one, as the writer counted; by month,
    # as the writer meant it; the auditor is the writer's context
    (
        "/cost",
        "KMS charges for the last 3 months? (tiny, I know, but the auditor asked)",
        "last 3 months service=kms monthly",
    ),
    # NOT SUPPORTED (remaining balance, expiry dates): the writer's nearest, the credits applied so far by month, as
    # FRESH_30 and FRESH_49
    ("/cost", "do we have any promo credits left, and when do they expire?", "ytd charge-class=credit monthly"),
    # the pasted budget alert is the writer's context, not what is asked, as FRESH_30 and FRESH_48; the production
    # account, as the writer meant it; the month so far by service, what drives it; the alert's amount held against it
    # by hand
    (
        "/cost",
        '"AWS Budgets: Your budget prod-monthly has exceeded 80% of the budgeted amount ($42,000.00). Current spend: '
        "$33,910.22\" --> what's driving this??",
        "this month account=production by service",
    ),
    # the pasted alarm is the writer's context, its name no filter; today so far against yesterday, the writer's order
    # kept, as FRESH_66; today's partial day is marked so
    (
        "/cost",
        '`ALARM: "lambda-checkout-throttles" in us-east-1 at 2026-11-27T03:14Z` does this show up on the bill? lambda '
        "today vs yesterday",
        "2026-11-27 vs 2026-11-26 service=lambda region=us-east-1",
    ),
    # the pasted anomaly is the writer's context; the database instances are the RDS resources; no date given: this week
    # from Monday to today, as the writer read it
    (
        "/top-resources",
        'cost anomaly detection sent me this: "Anomaly detected: Amazon Relational Database Service, us-west-2, '
        'impact $1,284" - which db is it?',
        "this week service=rds region=us-west-2",
    ),
    # the pasted error is the writer's context; the night is the 26th, as the writer meant it; the writer's days before
    # it and the 26th, day by day, to see whether it stands out
    (
        "/cost",
        "ERROR ThrottlingException: Rate exceeded (Service: AmazonSQS; Status Code: 400) ... we retried like crazy "
        "last night, did that cost anything noticeable on SQS?",
        "2026-11-19..2026-11-26 service=sqs daily",
    ),
    # the pasted violation is the writer's context; the untagged share, its amount and percentage, is part of every
    # breakdown; no range typed: this month, as the writer read it
    (
        "/tags",
        "`Tag policy violation: arn:aws:ec2:eu-west-1:123456789012:instance/i-0a1b2c3d4e5f missing required tag "
        "'team'` how much of our spend has no team tag at all??",
        "team this month",
    ),
    # the tables are the DynamoDB resources; this week from Monday to today; the writer's table and its rank read off
    # the list, as FRESH_42; the error is the writer's context
    (
        "/top-resources",
        "after the deploy orders-table is spamming ProvisionedThroughputExceeded... is it one of our priciest dynamo "
        "tables this week?",
        "this week service=dynamodb",
    ),
    # the pasted page is the writer's context; the production account, as the writer meant it; from Wednesday to today,
    # the three days just before being the period compared with anyway; the extra read off the change
    (
        "/cost",
        'pagerduty: "[FIRING] eks-node-group-scaleup prod-cluster +14 nodes" how much extra did eks+ec2 cost us since '
        "wednesday?",
        "since 2026-11-25 service=eks,ec2 account=production",
    ),
    # a filtered tag breakdown by the creator tag; the staging account, as the writer meant it; the month so far; the
    # untagged share is part of every breakdown; the cleanup bot's count is the writer's context
    (
        "/tags",
        "aws:createdBy for staging this month - who is spinning stuff up? cleanup bot keeps saying `orphaned "
        "resources: 37`",
        "aws:createdBy account=staging this month",
    ),
    # a ranking by change is not something /tags answers (it lists costs only): refused naming the writer's words, the
    # doc's words for a rise, as FRESH_12, FRESH_15 and FRESH_27
    ("/tags", "which team went up the most since the summer? feels like data basically doubled", "!went up"),
    # Black Friday's week is this week; like for like, this week's complete days against the same days of last week, the
    # period compared with anyway; the ratio read off the change
    ("/cost", "is black friday week costing us double what a normal week does?", "this week"),
    # today so far against Black Friday last year, 2025-11-28, as FRESH_42 and FRESH_68; today's partial day is marked
    # so
    (
        "/cost",
        "did cloudfront go way up compared to last year's black friday?",
        "2026-11-27 vs 2025-11-28 service=cloudfront",
    ),
    # a comparison of two periods is not something /tags answers (it lists costs only): refused naming the word, as
    # FRESH_32, FRESH_34, FRESH_43 and FRESH_64
    ("/tags", "web used to spend roughly half of what api does - still true? oct vs this month", "!vs"),
    # like for like: the quarter's complete days against the same stretch of Q3, the period compared with anyway
    ("/cost", "the AWS bill feels way higher this quarter than last one. is it actually?", "this quarter"),
    # the two accounts side by side, as FRESH_49's staging vs prod; the ratio read off the two; no range typed: this
    # month, as the writer read it
    (
        "/cost",
        "team says staging is like a third of prod. is that right?",
        "this month account=staging,production by account",
    ),
    # each account on its own line; the writer's order kept, as FRESH_62 and FRESH_68; each account's growth read off
    # the change
    (
        "/cost",
        "the data-lake account grew way faster than the others this year didn't it - jan vs oct",
        "2026-01 vs 2026-10 by account",
    ),
    # the production account, as the writer meant it; the last full month; the slide is the writer's context
    (
        "/top-resources",
        "top 5 most expensive things in prod last month, plain english please, it's for a slide",
        "5 last month account=production",
    ),
    # this month's forecast held against last November, as FRESH_43 and FRESH_61
    ("/cost", "are we going to land below last november or blow past it?", "forecast 2026-11 vs 2025-11"),
)

FRESH_72_FIRST_SIGHT = (31, 8, 11)

FRESH_72: tuple[tuple[str, str, str], ...] = (
    # the total as it is holds usage, fees, credits and tax, as FRESH_12, FRESH_33 and FRESH_58; all three accounts
    # are every account anyway
    (
        "/cost",
        "hi all, what did we spend in October all up incl tax? need it for month-end accruals, cheers",
        "2026-10",
    ),
    # like for like: the complete days of November against the same days of October, the period compared with anyway,
    # as FRESH_67
    ("/cost", "are we up vs last month?", "this month"),
    # NOT SUPPORTED (the hour of the deploy): the writer's nearest, EC2 by day, the deploy day and today against the
    # writer's days before, both spans compared as they are, as FRESH_24's spike at an hour; the project named with
    # the deploy is what the event happened to, no filter; today's partial day is marked so
    (
        "/cost",
        "deployed checkout v4.12 around 14:00 UTC yday - any jump in ec2 since??",
        "2026-11-26..2026-11-27 vs 2026-11-19..2026-11-25 service=ec2 daily",
    ),
    # a filtered tag breakdown; the production account, as the writer named it; the last full month; the untagged
    # share is part of every breakdown
    (
        "/tags",
        "what teams use EKS in prod account last month, split by team tag please",
        "team service=eks account=production last month",
    ),
    # the four regions left out, every other region (and global) its own group, as FRESH_37 and FRESH_44; the year so
    # far; a zero total is the answer
    (
        "/cost",
        "any spend at all outside us-east-1 / us-west-2 / eu-west-1 / ap-southeast-2 this year?",
        "ytd region!=us-east-1,us-west-2,eu-west-1,ap-southeast-2 by region",
    ),
    # the project tag value; the last 3 months by the grammar's rule, the three full months before this one, as the
    # writer counted; by month, as FRESH_66
    (
        "/cost",
        "how much does the search feature cost us a month roughly? customer asked and i want a ballpark",
        "last 3 months tag:project=search monthly",
    ),
    # the writer's fiscal quarter, the calendar months they named (July to September), as FRESH_28; each account on
    # its own line
    ("/cost", "can I get Q1 FY27 spend by account pls (Jul-Sep)", "2026-q3 by account"),
    # the buckets are the S3 resources; the top one first, as FRESH_66 and FRESH_67; the data-lake account; the month
    # so far
    (
        "/top-resources",
        "please show most expensive s3 bucket in data-lake account for this month",
        "this month service=s3 account=data-lake",
    ),
    # the writer's Tuesday to today against the same weekdays of the week before, as FRESH_55 and FRESH_65; the
    # release is the writer's context; today's partial day is marked so
    (
        "/cost",
        "did lambda go up after tuesdays release? compare to week before",
        "2026-11-24..2026-11-27 vs 2026-11-17..2026-11-20 service=lambda",
    ),
    # today so far against last Black Friday, 2025-11-28, the writer's order kept, as FRESH_62 and FRESH_68; today's
    # partial day is marked so
    ("/cost", "is Black Friday costing us more than last years?", "2026-11-27 vs 2025-11-28"),
    # like for like: the complete days of November against the same days of October, the period compared with anyway;
    # the accounts, usage types and regions that moved are among the causes
    ("/cost", "why cost of Glue is grown so much in November comparing with October?", "why this month service=glue"),
    # the creator tag; the month so far; the untagged share is part of every breakdown
    ("/tags", "who is creating stuff? break down this month by aws:createdBy", "aws:createdBy this month"),
    # the month-end forecast with the month so far; the board pack is the writer's context
    ("/cost", "where will November land? board pack due Tuesday and I'd rather not guess", "forecast 2026-11"),
    # the instances are EC2's; the production account, as the writer named it; from Monday to today is this week
    (
        "/top-resources",
        "which ec2 instances cost most since mondays deploy, prod acct only",
        "this week service=ec2 account=production",
    ),
    # an amount named without the word budget, for a month that is over: the total of the production account, held
    # against the writer's figure by hand
    ("/cost", "did prod go over 100k in october?", "2026-10 account=production"),
    # the values of the key are listed in every breakdown (search, checkout and data among them), ranked by cost; the
    # quarter so far; the untagged share is part of every breakdown
    ("/tags", "search vs checkout vs data - who's the biggest spender this quarter?", "project this quarter"),
    # data transfer is the Data Transfer service; the last whole week, Monday 16 to Sunday 22; each region on its own
    # line
    ("/cost", "give me data transfer cost per region for last week", "last week service=data-transfer by region"),
    # the staging account, as the writer named it; the 90 whole days before today by the grammar's rule (the writer
    # counted today in); each region on its own line, anything outside us-east-1 read off the list
    (
        "/cost",
        "show me spend by region for staging acct last 90 days - staging should only ever be us-east-1",
        "last 90 days account=staging by region",
    ),
    # the credits only by charge class; the writer's Australian financial year from 1 July, as FRESH_42
    (
        "/cost",
        "how much have credits knocked off the bill so far this financial year?",
        "since 2026-07-01 charge-class=credit",
    ),
    # the rollback is not in the bill: the writer's Wednesday and Thursday by day against the writer's days before
    # them, both spans compared as they are, as FRESH_24; the writer's guess at the production account is not typed,
    # left out
    (
        "/cost",
        "rollback was wed night. did spend go back to normal thursday?",
        "2026-11-25..2026-11-26 vs 2026-11-16..2026-11-24 daily",
    ),
    # the last full month; the team values are listed in every breakdown, the untagged share its own line
    (
        "/tags",
        "reckon we need to start recharging the teams - what was Oct spend per team tag, and how much isnt tagged to "
        "anyone?",
        "team 2026-10",
    ),
    # the writer's months from August, by month, November so far, as FRESH_65; whether November is out of line read
    # off the series; the keys themselves are not in the bill
    (
        "/cost",
        "is KMS cost normal? on bill it looks too big, we have many keys in eu-west-1",
        "since 2026-08-01 service=kms region=eu-west-1 monthly",
    ),
    # the project tag value; the writer's months from June, by month, November so far; the launch is not in the bill,
    # the months before and after it read off the series
    (
        "/cost",
        "has search gotten more expensive since we launched autocomplete in september?",
        "since 2026-06-01 tag:project=search monthly",
    ),
    # no amount filter in the grammar: the ranking by cost for the month so far, the ones over the writer's figure
    # read off by hand
    ("/top-resources", "any single resource over $5k this month?", "this month"),
    # GST is the tax line, the service `Tax`, as FRESH_42; the month so far
    ("/cost", "whats the GST on this months bill so far?", "this month service=tax"),
    # no comparison in `/tags`: the split for this week from Monday to today; the writer's ideal comparison with last
    # week has no `/tags` form and is not asked, as FRESH_30; the release is the writer's context
    (
        "/tags",
        "project split for this week so far, want to see if checkout jumped after release 2026.11.23",
        "project this week",
    ),
    # the month so far by day; the writer's guess at the cause is context
    (
        "/cost",
        "SQS cost by day for november please, i think somebody made infinite loop with retries",
        "this month service=sqs daily",
    ),
    # the data-lake account; no range typed: this month, as the writer read it; any resource listed is the finding
    (
        "/top-resources",
        "top resources in ap-southeast-2 in the data-lake acct. nothing should be running there",
        "this month region=ap-southeast-2 account=data-lake",
    ),
    # NOT SUPPORTED (customers): the writer's nearest, the project's last full month, to divide by hand, as FRESH_40
    # and FRESH_66
    ("/cost", "whats search costing us per customer?", "last month tag:project=search"),
    # the two accounts side by side, the month so far
    ("/cost", "data lake more expensive than prod yet?", "this month account=data-lake,production by account"),
    # both commitments' fees on the day they post, split by usage type, each plan and reservation on its own line, as
    # FRESH_59 and FRESH_65; the invoice is the writer's context
    (
        "/cost",
        "SP + RI fees on the 1st of Nov, just want to tie back to the invoice",
        "2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    # a filtered tag breakdown; the data-lake account; no range typed: this month, as the writer read it; the untagged
    # share and its percentage are part of every breakdown
    (
        "/tags",
        "how much of the data-lake spend has no team tag? untagged = nobody owns it = my problem",
        "team account=data-lake this month",
    ),
    # the production account, as the writer meant it; the 14 whole days before today by the grammar's rule (the writer
    # counted today in), as FRESH_66; the deploy log is the writer's context
    (
        "/cost",
        "daily cost for prod last 14 days pls, want to line it up against our deploy log",
        "last 14 days account=production daily",
    ),
    # the functions are the Lambda resources; the staging account, as the writer meant it; no range typed: this month,
    # as the writer read it
    (
        "/top-resources",
        "which lambda functions is most expensive in staging, top 10",
        "10 this month service=lambda account=staging",
    ),
    # the project tag value; yesterday against the same weekday a week earlier, as CORPUS; the holiday traffic is the
    # writer's context
    (
        "/cost",
        "quick one - search cost yesterday vs same day last week? thanksgiving traffic was nuts",
        "yesterday vs 2026-11-19 tag:project=search",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_68 (the writer's nearest, the month
    # so far with the forecast, was not taken)
    ("/cost", "how are we tracking against budget this month?", "!budget"),
    # the forecast is for the month, never the year: the year so far against the same days of 2025, with this month's
    # forecast line, the writer's fallback, as FRESH_30 and FRESH_40
    ("/cost", "we gonna finish 2026 under 2025?", "forecast this year"),
    # the instances are EC2's; the writer's weekend, both days included; the four regions left out, every other region
    # kept, as FRESH_37
    (
        "/top-resources",
        "were any ec2 instances running outside our 4 regions the weekend of 21-22 nov? need instance ids",
        "2026-11-21..2026-11-22 service=ec2 region!=us-east-1,us-west-2,eu-west-1,ap-southeast-2",
    ),
    # the staging account, as the writer meant it; the month so far; the load tests are the writer's context
    (
        "/cost",
        "any unusual days in staging this month? we've been hammering it with load tests before BF",
        "anomalies this month account=staging",
    ),
    # a filtered tag breakdown; the 30 whole days before today by the grammar's rule (the writer counted today in);
    # the untagged share is part of every breakdown
    ("/tags", "what is split by env tag for RDS in last 30 days", "env service=rds last 30 days"),
    # September is the period October is compared with anyway, as FRESH_62 and FRESH_68; the move is the writer's
    # context
    (
        "/cost",
        "ap-southeast-2 last month vs the month before? trying to work out if the Sydney move is paying off",
        "2026-10 region=ap-southeast-2",
    ),
    # no range typed: this month, as the writer read it; the project tag value, as the writer typed it
    ("/top-resources", "what are the priciest things tagged project=search", "this month tag:project=search"),
    # the last full month, each account on its own line; NOT SUPPORTED (key counts): only the cost, as the writer said
    (
        "/cost",
        "KMS per account last month, want to sanity check against key counts",
        "last month service=kms by account",
    ),
    # the day before is the day the 24th is compared with anyway, as FRESH_27 and FRESH_66; the accounts, usage types
    # and resources that moved are among the causes
    ("/cost", "why did dynamodb go up on the 24th", "why 2026-11-24 service=dynamodb"),
    # an amount without the word budget: the month-end forecast, held against the writer's figure by hand, as FRESH_57
    # and FRESH_68; the project tag value
    ("/cost", "will search go over $10k this month w/ black friday traffic?", "forecast 2026-11 tag:project=search"),
    # no range typed: this month, as the writer read it; the untagged share and its percentage are part of every
    # breakdown, held against the writer's figure by hand
    ("/tags", "are we under 10% untagged on team yet?", "team this month"),
    # NOT SUPPORTED (IAM users, launch events): the writer's nearest, EC2 in the region by the creator tag, the owner
    # the bill holds
    (
        "/cost",
        "list every IAM user who launched instances in eu-west-1 in october",
        "2026-10 service=ec2 region=eu-west-1 by tag:aws:createdBy",
    ),
    # the tables are the DynamoDB resources; from 1 September to today
    (
        "/top-resources",
        "what dynamodb tables in us-west-2 cost the most since 1 september?",
        "since 2026-09-01 service=dynamodb region=us-west-2",
    ),
    # the project tag value; each service on its own line; the customer is the writer's context
    (
        "/cost",
        "break down search spend by service for october pls, customer wants to know if it's mostly compute or storage",
        "2026-10 tag:project=search by service",
    ),
    # the Savings Plan fees are the commitment fees, split by usage type, where the Savings Plan fee lines are apart
    # from the RI ones, as FRESH_32 and FRESH_36; the writer's order kept
    (
        "/cost",
        "did the Nov 1 savings plan charge go up vs Oct 1?",
        "2026-11-01 vs 2026-10-01 charge-class=recurring,one-time by usage-type",
    ),
)

FRESH_73_FIRST_SIGHT = (27, 12, 11)

FRESH_73: tuple[tuple[str, str, str], ...] = (
    # the production account, as the writer meant it; this week from Monday to today, today's partial day marked so;
    # the stand-up is the writer's context
    (
        "/cost",
        "c'est quoi le total EC2 en prod pour cette semaine? need it avant le standup",
        "this week service=ec2 account=production",
    ),
    # each account on its own line; the total as it is holds usage, fees, credits and tax, as FRESH_72; unblended as
    # the writer asked; the accrual is the writer's context
    (
        "/cost",
        "Need the exact October 2026 total per account for the month-end accrual, unblended, incl. tax and credits "
        "please",
        "2026-10 by account unblended",
    ),
    # no GPU instance types in the vocabulary: the EC2 instances, the GPU ones among them, as FRESH_8 and FRESH_33; the
    # month so far, all accounts
    ("/top-resources", "which gpu boxes are costing the most this month? p4d / g5 mostly", "this month service=ec2"),
    # the writer's site read as the web team, the writer's nearest, as FRESH_5 and FRESH_24; a normal day as the same
    # weekday
    # a week earlier (yesterday was Thanksgiving), as FRESH_24; today's partial day is marked so
    ("/cost", "is the website costing us more today bc of black friday??", "2026-11-27 vs 2026-11-20 tag:team=web"),
    # the writer's months from July, by month, November so far; which services drove the growth read off the monthly
    # series by service, as FRESH_43 (a why compares one span with the one before, not month with month)
    (
        "/cost",
        "what's been driving the increase in our monthly spend since the summer?",
        "since 2026-07-01 by service monthly",
    ),
    # a follow-up read as the whole question; the earlier question is not known: the writer's nearest, October's total,
    # nothing else kept, as FRESH_58
    ("/cost", "same thing but for last month?", "last month"),
    # the month so far; the team values listed, the untagged share its own line in every breakdown
    ("/tags", "breakdown par team pour novembre svp, et combien est untagged?", "team this month"),
    # the Savings Plans fee is a commitment fee, by charge class, usage left out, as FRESH_42 and FRESH_71; the day the
    # writer named; the journal entry is the writer's context
    (
        "/cost",
        "What was the Savings Plan fee that hit on Nov 1? exact amount for the JE",
        "2026-11-01 charge-class=recurring,one-time",
    ),
    # the writer withdrew SageMaker for EC2; the last whole week, Monday 16 to Sunday 22; the training jobs are not
    # apart in the bill, all EC2 in the region, the writer's nearest
    (
        "/cost",
        "how much did we burn on sagemaker.. actually no i mean EC2 in us-west-2 for the training stuff last week",
        "last week service=ec2 region=us-west-2",
    ),
    # the project tag value; a month's cost is the last full month, the writer's nearest, as the doc's rate rule
    ("/cost", "roughly how much does checkout cost us a month", "last month tag:project=checkout"),
    # the thirty whole days before today by the grammar's rule, as the writer counted first; by day; the holiday ramp
    # is read off the series
    ("/cost", "daily spend for the last 30 days pls, want to see if the BF ramp shows up", "last 30 days daily"),
    # a follow-up read as the whole question: Black Friday week to each Friday, the total, as FRESH_43 and FRESH_52
    (
        "/cost",
        "ok and how does that compare to the same week last year",
        "2026-11-23..2026-11-27 vs 2025-11-24..2025-11-28",
    ),
    # the buckets are the S3 resources; the staging account, as the writer meant it; no range typed: this month, as the
    # writer read it
    ("/top-resources", "quels buckets S3 coûtent le plus cher dans staging?", "this month service=s3 account=staging"),
    # the credits only by charge class, by month, July to September, as FRESH_15 and FRESH_24
    (
        "/cost",
        "Can you give me the credits applied in Q3 per month? need them to the cent",
        "2026-q3 charge-class=credit monthly",
    ),
    # the month-end forecast for EC2; the training run is the writer's context
    (
        "/cost",
        "where is EC2 gonna land end of month? kicked off a big training run tues and kinda worried lol",
        "forecast 2026-11 service=ec2",
    ),
    # the project tag value; like for like: this week's complete days against the same days of last week, the period
    # compared with anyway, as the writer preferred
    ("/cost", "did search get more expensive this week compared to last week?", "this week tag:project=search"),
    # the two Octobers, the writer's order kept, as FRESH_42
    ("/cost", "yoy on total spend, oct 25 vs oct 26?", "2025-10 vs 2026-10"),
    # a follow-up read as the whole question; the earlier question is not known: the writer's nearest, Data Transfer
    # for the month so far
    ("/cost", "what about just data transfer", "this month service=data-transfer"),
    # this week from Monday to today; each unusual day judged against the days before it; the deploy is the writer's
    # context
    (
        "/cost",
        "y'a tu eu un spike bizarre sur Lambda cette semaine? on a deployé mardi",
        "anomalies this week service=lambda",
    ),
    # tax is its own service, Tax; the writer's fiscal year is the calendar year, the year so far
    ("/cost", "I need total tax YTD, our fiscal year = calendar year", "ytd service=tax"),
    # the instances are EC2's; the data-lake account; the seven whole days before today by the grammar's rule, as the
    # writer counted first
    (
        "/top-resources",
        "top 10 most expensive instances in the data lake acct, last 7 days",
        "10 last 7 days service=ec2 account=data-lake",
    ),
    # the writer's site as the web team and their product as the api team, the writer's guess, both among the team
    # values listed; the untagged share is part of every breakdown; no range typed: this month, as the writer read it
    ("/tags", "how much of our spend is the app vs the website?", "team this month"),
    # the services ranked by their change against Q2, the period compared with anyway, as FRESH_5 and FRESH_34
    ("/cost", "which services grew the most last quarter vs the quarter before", "increases 2026-q3 by service"),
    # a follow-up read as the whole question: the month so far by region; the earlier filters are not known, none kept,
    # as FRESH_58 and FRESH_63
    ("/cost", "and split that by region?", "this month by region"),
    # from the 1st to today is the month so far; all accounts
    (
        "/cost",
        "hey combien on paye pour EKS en eu-west-1 depuis le debut du mois",
        "this month service=eks region=eu-west-1",
    ),
    # the RI fees are the commitment fees, booked on each 1st; the later day against the earlier, as a why compares
    # them, as FRESH_46; what drove the difference by usage type and account among the causes
    (
        "/cost",
        "RI fees on Oct 1 vs Nov 1 — why the difference?",
        "why 2026-11-01 vs 2026-10-01 charge-class=recurring,one-time",
    ),
    # from the 9th to today, by day; the job logs are the writer's context; no GPU usage types in the vocabulary, all
    # EC2, the writer's nearest
    (
        "/cost",
        "ec2 spend per day since 2026-11-09 please, trying to line it up against our job logs",
        "since 2026-11-09 service=ec2 daily",
    ),
    # NOT SUPPORTED (site performance): only the cost side is in the bill; Thanksgiving judged against the days before
    # it, the total and each service, as the anomaly engine does, as FRESH_58
    ("/cost", "customers said the site was slow yesterday, did anything change cost wise?", "anomalies 2026-11-26"),
    # no time step in /tags: the split over the year so far, as FRESH_37; no key typed: the team tag, as the writer
    # assumed, as FRESH_44; the untagged share is part of every breakdown, its trend not a /tags answer
    (
        "/tags",
        "is our untagged spend going down month over month this year? trying to see if tagging hygiene is actually "
        "improving",
        "team ytd",
    ),
    # a follow-up read as the whole question: the staging account; the earlier period is not known: this month
    ("/top-resources", "same list but for staging instead of prod", "this month account=staging"),
    # the tables are the DynamoDB resources; the production account, as the writer meant it; the last full month
    (
        "/top-resources",
        "c'est quelles tables DynamoDB qui coûtent le plus en prod, le mois passé",
        "last month service=dynamodb account=production",
    ),
    # the last full month; the team values listed, the untagged share its own line in every breakdown; the recharge is
    # the writer's context
    (
        "/tags",
        "For the Oct recharge to cost centres I need the split by team to the cent, untagged shown separately pls",
        "team 2026-10",
    ),
    # a filtered tag breakdown by the creator tag; the month so far; the untagged share is part of every breakdown
    (
        "/tags",
        "can u split EC2 this month by aws:createdBy? want to see who keeps launching the gpu nodes",
        "aws:createdBy service=ec2 this month",
    ),
    ("/cost", "what's our total aws bill so far this month", "this month"),
    # August is the period September is compared with anyway; the accounts, regions and usage types that moved are
    # among the causes
    ("/cost", "why did S3 jump in september?", "why 2026-09 service=s3"),
    # a follow-up read as the whole question: the last whole week in Sydney's region; the earlier question is not
    # known, nothing else kept
    ("/cost", "hmm ok, now do the same for last week but only sydney", "last week region=ap-southeast-2"),
    # like for like, as the writer preferred: the complete days of November against the same days of October, the
    # period compared with anyway, as FRESH_7 and FRESH_29
    ("/cost", "KMS c'est rendu cher?? compare oct vs nov stp", "this month service=kms"),
    # the month-end forecast with the month so far; the deadline is the writer's context
    ("/cost", "what's the forecast for November? I need an accrual number by Monday", "forecast 2026-11"),
    # the data-lake account; no range typed: this month, as the writer read it; the bucket is the writer's context, a
    # ranking of buckets being a /top-resources question
    (
        "/cost",
        "how much r we paying for S3 in the data lake acct? the datasets bucket feels HUGE",
        "this month service=s3 account=data-lake",
    ),
    # checkout and search among the project values listed beside the others, the untagged share part of every
    # breakdown, as FRESH_71; no range typed: this month, as the writer read it
    ("/tags", "how much goes to checkout vs search vs everything else", "project this month"),
    # the year so far, the five biggest services, each by month, November partial
    ("/cost", "top 5 services by spend YTD and how each has trended", "ytd by service top 5 monthly"),
    # a follow-up read as the whole question; the earlier question is not known: the writer's nearest, September's
    # total
    ("/cost", "and the month before that?", "2026-09"),
    # the staging account, as the writer meant it; the last weekend, both days included
    (
        "/top-resources",
        "c'est quoi qui roule en staging la fin de semaine? je pense qu'on oublie d'éteindre des trucs",
        "2026-11-21..2026-11-22 account=staging",
    ),
    # usage, fees, credits, tax and refunds apart by charge class
    (
        "/cost",
        "Breakdown by charge type for Oct 2026 — usage, fees, credits, tax, refunds. Exact please",
        "2026-10 by charge-class",
    ),
    # NOT SUPPORTED (coverage of the GPU instances): the writer's nearest, EC2 split by charge class, usage beside the
    # commitment fees, as FRESH_12; no range typed: this month, as the writer read it
    (
        "/cost",
        "are we paying on-demand for the gpus or is the savings plan actually covering them",
        "this month service=ec2 by charge-class",
    ),
    # the project tag value; no range typed: this month, as FRESH_5
    ("/top-resources", "what are the most expensive things behind checkout?", "this month tag:project=checkout"),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_72 (the writer's nearest, the quarter
    # so far with the forecast, was not taken)
    ("/cost", "are we on track vs budget for Q4?", "!budget"),
    # a follow-up read as the whole question: the env split; the earlier period is not known: this month, as FRESH_58
    ("/tags", "ok now by env instead of team", "env this month"),
    # the functions are the Lambda resources; from Monday to today is this week
    ("/top-resources", "les lambdas les plus cheres depuis lundi?", "this week service=lambda"),
    # no time step in /tags; Platform among the team values listed; the last 3 months by the grammar's rule, the three
    # full months before this one (the writer counted November in), as FRESH_42 and FRESH_69; the growth is not a
    # /tags answer
    (
        "/tags",
        "how's spend split across teams over the last 3 months, is Platform growing faster than everyone else?",
        "team last 3 months",
    ),
)

FRESH_74_FIRST_SIGHT = (28, 8, 14)

FRESH_74: tuple[tuple[str, str, str], ...] = (
    # the day judged against the days before it, as the anomaly engine does, as FRESH_25 and FRESH_46; the production
    # account, as the writer meant it; today's partial day is marked so; the holiday is the writer's context
    (
        "/cost",
        "howzit, is prod EC2 spiking today or am i just being paranoid? black friday, its lekker busy here",
        "anomalies today service=ec2 account=production",
    ),
    # all accounts and every charge class are the total as it is; the last full month
    (
        "/cost",
        "how much did we spend on aws last month",
        "last month",
    ),
    # the writer's days are the whole of October; tax is its own service, Tax, left out, as CORPUS
    (
        "/cost",
        "Dear team, could you kindly provide the total amount of AWS charges for the period from 2026/10/01 to "
        "2026/10/31, excluding tax? Thank you in advance.",
        "2026-10 service!=tax",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_55, FRESH_62 and FRESH_69; by day; whether the reservation shows is read off the series
    (
        "/cost",
        "rds spend by day for the last 2 weeks, want to see if the new reserved instace kicked in",
        "last 2 weeks service=rds daily",
    ),
    # the functions are the Lambda resources; the month so far; the writer's guess is read off the list
    (
        "/top-resources",
        "which (if any) of our lambdas are actually costing real money this month? (pretty sure it's the image "
        "resizer but who knows)",
        "this month service=lambda",
    ),
    # the last full month; the untagged share is its own line in every breakdown
    (
        "/tags",
        "breakdown by team for october, incl untagged pls",
        "team 2026-10",
    ),
    # the staging account, as the writer meant it; the week before is the period last week is compared with anyway
    (
        "/cost",
        "eish, staging acct cost last week vs the week before?",
        "last week account=staging",
    ),
    # NOT SUPPORTED (an amount the bot was never told, no budget named): the writer's nearest, the month-end forecast
    # against October, as FRESH_4, FRESH_50 and FRESH_70; the holiday traffic is the writer's context
    (
        "/cost",
        "are we going to be way over this month because of the black friday traffic?",
        "forecast 2026-11",
    ),
    # the month-end forecast of the month in progress; the data-lake account
    (
        "/cost",
        "I would like to request the forecast amount of AWS cost at the end of November 2026, for the data-lake "
        "account only.",
        "forecast 2026-11 account=data-lake",
    ),
    # the tables are the DynamoDB resources; the production account, as the writer meant it; the 30 whole days before
    # today by the grammar's rule, as the writer counted
    (
        "/top-resources",
        "biggest dynamodb tables by cost in prod, last 30d",
        "last 30 days service=dynamodb account=production",
    ),
    # the writer's nine days before the change against the nine days from it to yesterday, the writer's order kept, as
    # FRESH_30's before and after a deploy; all accounts is every account anyway
    (
        "/cost",
        "so (quick q) did the cloudfront bill go up after we turned on the new cache behaviour on the 18th? compare "
        "before/after maybe",
        "2026-11-09..2026-11-17 vs 2026-11-18..2026-11-26 service=cloudfront",
    ),
    # a filtered tag breakdown; the production account, as the writer named it; the month so far; dev and staging
    # among the values listed, the untagged share part of every breakdown
    (
        "/tags",
        "env split for the prod account only, MTD - trying to find the dev/staging tagged stuff thats somehow sitting "
        "in prod",
        "env account=production this month",
    ),
    # the 10 whole days before today by the grammar's rule, as the writer counted; the services behind each unusual
    # day are part of the answer; the load test is the writer's context
    (
        "/cost",
        "anything weird in the last 10 days? got a feeling something was left running after the load test",
        "anomalies last 10 days",
    ),
    # no range typed: this month, as the writer read it; each service on its own line, biggest first
    (
        "/cost",
        "whats our biggest cost",
        "this month by service",
    ),
    # the Savings Plans and RI fees are the commitment fees, on the day they post, split by usage type, each plan and
    # reservation on its own line, as FRESH_59, FRESH_65 and FRESH_72
    (
        "/cost",
        "Please let me confirm the amount of Savings Plans and Reserved Instances fees which were charged on 1st "
        "November.",
        "2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    # the data-lake account; the month so far; the writer's ideal split by day not typed, left out, as FRESH_53 and
    # FRESH_61; NOT SUPPORTED (which keys serve which tables): the KMS total, the writer's nearest
    (
        "/cost",
        "kms cost in the data lake acct mtd?? all the dynamo tables use CMKs now, wondering what thats adding",
        "this month service=kms account=data-lake",
    ),
    # the day before is the day yesterday is compared with anyway (the writer's usual level read as the nearest day),
    # as FRESH_64 and FRESH_67; the accounts and usage types that moved are among the causes; the writer's split by
    # team kept, to see whose it was
    (
        "/cost",
        "why did S3 jump (like, a lot?) yesterday - was that the data team's backfill or us?",
        "why yesterday service=s3 by tag:team",
    ),
    # a filtered tag breakdown; the data-lake account; the last full month; the untagged share and its percentage are
    # part of every breakdown
    (
        "/tags",
        "project tag coverage for data-lake acct last month, how much is untaged",
        "project account=data-lake last month",
    ),
    # the instances are EC2's; the writer's day, yesterday, today being partial, as the writer read it
    (
        "/top-resources",
        "top 10 ec2 instances us-east-1 rn (yesterday is fine if today isnt in yet)",
        "10 yesterday service=ec2 region=us-east-1",
    ),
    # today so far against last Black Friday, 2025-11-28, the writer's order kept, as FRESH_62, FRESH_68 and FRESH_72;
    # today's partial day is marked so
    (
        "/cost",
        "Compare this Black Friday to last year's",
        "2026-11-27 vs 2025-11-28",
    ),
    # the quarter the writer named, July to September; each account on its own line
    (
        "/cost",
        "Could you please show me the breakdown of the AWS cost by account for Q3 (July to September 2026)?",
        "2026-q3 by account",
    ),
    # no on-demand or provisioned usage type in the vocabulary: DynamoDB by usage type, both kinds among them, as
    # FRESH_15's spot and on-demand lines; the month so far
    (
        "/cost",
        "dynamo on-demand vs provisioned spend this month?",
        "this month service=dynamodb by usage-type",
    ),
    # the buckets are the S3 resources; all accounts and regions are every one anyway; the last full month
    (
        "/top-resources",
        "the s3 buckets (all regions, all accounts i guess) that eat the most - last month is fine",
        "last month service=s3",
    ),
    # the month so far; Platform among the values listed, the untagged share part of every breakdown; the review is
    # the writer's context
    (
        "/tags",
        "showback by team for Nov so far, Platform want their number before the QBR",
        "team this month",
    ),
    # data transfer is the Data Transfer service, as FRESH_3 and FRESH_69; like for like: this week's complete days
    # against the same days of last week, the period compared with anyway
    (
        "/cost",
        "data transfer out of eu-west-1 this week vs last week, something's chatty",
        "this week service=data-transfer region=eu-west-1",
    ),
    # the credits only by charge class; the year so far; all accounts is every account anyway
    (
        "/cost",
        "how much did the credits save us this year",
        "ytd charge-class=credit",
    ),
    # tax is its own service, Tax; the year so far by month, November partial, as FRESH_54 and FRESH_63
    (
        "/cost",
        "Regarding the tax amount, would it be possible to show the monthly trend from January 2026 until now?",
        "ytd service=tax monthly",
    ),
    # each region on its own line; the last full month; NOT SUPPORTED (whether the replica is worth it): its cost, as
    # FRESH_55's replica
    (
        "/cost",
        "rds cost per region last month pls, wondering if the ap-southeast-2 read replica is worth it",
        "last month service=rds by region",
    ),
    # NOT SUPPORTED (worker nodes): the writer's nearest, EKS and EC2 side by side with their usage types, as FRESH_24
    # and FRESH_60; the staging account; the 30 whole days before today by the grammar's rule, as the writer counted
    # (not the calendar month), as FRESH_45 and FRESH_60
    (
        "/cost",
        "eks (the control plane fees + the nodes, if you can even separate them) for staging over the past month?",
        "last 30 days service=eks,ec2 account=staging by service, usage-type",
    ),
    # a filtered tag breakdown by the creator tag; the staging account; the missing team tag is the untagged value of
    # that key, a filter /tags takes, as FRESH_39; the 30 whole days before today by the grammar's rule, as the writer
    # counted
    (
        "/tags",
        "aws:createdBy split for staging, last 30 days - who's creating all the stuff nobody tags with team?",
        "aws:createdBy account=staging tag:team=untagged last 30 days",
    ),
    # the production account, as the writer meant it; the writer's days from the 20th to today, by day, today's
    # partial day among them, as FRESH_71's retries; the page is the writer's context
    (
        "/cost",
        "sqs costs gone mad in prod? pager went off for queue depth at 3am",
        "2026-11-20..2026-11-27 service=sqs account=production daily",
    ),
    # the forecast is for the month, never the year: the year so far with this month's forecast line, the writer's
    # nearest, as FRESH_70 and FRESH_72
    (
        "/cost",
        "quick one - total spend year to date and where will we end the year?",
        "forecast this year",
    ),
    # September is the period October is compared with anyway; the services and accounts that moved are among the
    # causes
    (
        "/cost",
        "Excuse me, I have noticed that the October cost was higher than September. Could you kindly explain the main "
        "reason of the increase?",
        "why 2026-10",
    ),
    # the DB instances are the RDS resources; the staging account, as the writer meant it; no range typed: this month,
    # as the writer read it
    (
        "/top-resources",
        "which rds instances cost most in staging? someone left a db.r6g.4xlarge up i bet",
        "this month service=rds account=staging",
    ),
    # the data-lake account; the writer's days from the 1st to today, by day; the writer's ideal split by usage type
    # not asked (a tag question asks nothing), left out
    (
        "/cost",
        "glue costs for the data lake (it's all the nightly crawler stuff, right?) by day since 1 nov",
        "since 2026-11-01 service=glue account=data-lake daily",
    ),
    # a filtered tag breakdown; the staging account, as the writer meant it; the last full month; prod among the
    # values listed, the untagged share part of every breakdown
    (
        "/tags",
        "how much of staging spend is tagged env=prod?? should be zero lol. last month",
        "env account=staging last month",
    ),
    # the day before is the day yesterday is compared with anyway (the writer's normal day read as the nearest one);
    # the writer's ideal split by service not typed, left out, as FRESH_53 and FRESH_61
    (
        "/cost",
        "ap-southeast-2 total for yesterday? ja the sydney cluster scaled like crazy overnight our time",
        "yesterday region=ap-southeast-2",
    ),
    # NOT SUPPORTED (whether it is worth it): the writer's nearest, October and November so far by month, each account
    # on its own line, the staging account's share read off the totals by hand
    (
        "/cost",
        "Is the staging environment worth what we pay for it? how much is it",
        "2026-10..2026-11 by account monthly",
    ),
    # the production account; the writer's days, both included
    (
        "/top-resources",
        "Please provide the list of the top 5 most expensive resources in the production account for November (1st to "
        "26th).",
        "5 2026-11-01..2026-11-26 account=production",
    ),
    # no backup usage types in the vocabulary: DynamoDB by usage type, the backup and recovery lines among them; from
    # July to November so far, by month
    (
        "/cost",
        "dynamodb backup + PITR charges, are those creeping up? month over month since july",
        "since 2026-07-01 service=dynamodb by usage-type monthly",
    ),
    # the month so far; each account on its own line; none is a zero answer
    (
        "/cost",
        "ok so weird one: lambda in us-west-2 (we don't even deploy there?? afaik) - is there any spend at all this "
        "month",
        "this month service=lambda region=us-west-2 by account",
    ),
    # no time step in /tags, as FRESH_69: the split over the writer's 8 whole weeks, as the grammar's rule counts
    # them; the untagged share is part of every breakdown
    (
        "/tags",
        "untagged spend on the team tag, week by week, last 8 wks? want to show the tagging push is working",
        "team last 8 weeks",
    ),
    # the data-lake account; this week from Monday to today, today's partial day among them
    (
        "/top-resources",
        "whats the priciest stuff in the data-lake acct this week? not just ec2, anything",
        "this week account=data-lake",
    ),
    # the last full quarter, July to September; Q2 is the period it is compared with anyway; the deck is the writer's
    # context
    (
        "/cost",
        "can you give me the AWS number for the board deck, last quarter vs the one before",
        "last quarter",
    ),
    # the last full month; checkout, search and data among the values listed, the untagged share part of every
    # breakdown
    (
        "/tags",
        "We would like to confirm the cost allocation by project tag (checkout, search, data) for the month of "
        "October. Untagged amount as well, please.",
        "project 2026-10",
    ),
    # the later 1st against the earlier, as FRESH_71's fees; RDS split by charge class, its RI fee apart from usage,
    # as FRESH_71's RDS reservations
    (
        "/cost",
        "what did we pay for rds on the 1st? the RI fee looks off vs last months 1st",
        "2026-11-01 vs 2026-10-01 service=rds by charge-class",
    ),
    # the cost per day as the average over this week's complete days, against last week's, the period compared with
    # anyway, as FRESH_2's burning per day; the project tag value; the production account, as the writer named it
    (
        "/cost",
        "whats the daily burn on checkout (project=checkout, prod acct) this week (mon -> today) vs normal?",
        "average this week tag:project=checkout account=production",
    ),
    # the missing team tag is its untagged value, as FRESH_24 and FRESH_39; the last full month; the owners are the
    # writer's next step
    (
        "/top-resources",
        "top untagged resources last month, need to chase owners",
        "last month tag:team=untagged",
    ),
    # two questions: the daily series typed kept (unusual days are a question of their own), as FRESH_13 and FRESH_15;
    # this week from Monday to today, today's partial day among them
    (
        "/cost",
        "cloudfront per day since monday, and flag it if today looks off - ja we expect it high",
        "this week service=cloudfront daily",
    ),
    # NOT SUPPORTED (node groups): the writer's nearest, the EKS clusters with the EC2 instances in the same list, as
    # FRESH_33; the production account, as the writer meant it; the 7 whole days before today by the grammar's rule
    (
        "/top-resources",
        "(sorry if this is the wrong cmd) which EKS clusters / node groups are most expensive in prod, last 7 days?",
        "last 7 days service=eks,ec2 account=production",
    ),
)

FRESH_75_FIRST_SIGHT = (22, 9, 19)

FRESH_75: tuple[tuple[str, str, str], ...] = (
    # the EKS service; the month so far by day, today's partial day among them; NOT SUPPORTED (the day of the writer's
    # change, which the bill does not know): the writer's nearest, the rise read off the daily series
    (
        "/cost",
        "ah here what's EKS after costing us so far this month?? feels like its gone mental since we swapped the node "
        "groups",
        "this month service=eks daily",
    ),
    # the data-lake account; the last whole week, Monday 16 to Sunday 22, by day, with its total
    (
        "/cost",
        "Hello, could you tell me Glue cost amount of data-lake account for last week, divided by each day? Thank you",
        "last week service=glue account=data-lake daily",
    ),
    # the twelve full months before this one by the grammar's rule, as the writer counted; credits are lines of every
    # total, so the total after them is the total as it is, as FRESH_5 and FRESH_17; tax is its own service, Tax, left
    # out, as FRESH_5; the private pricing commitment is the spend; the writer's ideal split by month not typed, left
    # out, as FRESH_53 and FRESH_61
    (
        "/cost",
        "need total aws spend for the last 12 full months for the EDP renewal deck — net of credits, ex tax pls",
        "last 12 months service!=tax",
    ),
    # the day judged against the days before it, as the anomaly engine does, as FRESH_46 and FRESH_74; today's partial
    # day is marked so; the mail's send time is the writer's context
    ("/cost", "did cloudfront spike today?? BF email went out at 6am ET", "anomalies today service=cloudfront"),
    # the pasted finding is the writer's context; the staging account; the month so far, each service on its own line;
    # none is a zero answer
    (
        "/cost",
        'GuardDuty: "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS" acct 210987654321 region '
        "ap-southeast-2 -- do we have any spend in ap-southeast-2 in staging this month? we shouldnt be there at all",
        "this month account=staging region=ap-southeast-2 by service",
    ),
    # the project tag value; the last 3 months by the grammar's rule, the three full months before this one (the
    # writer counted November in), as FRESH_42, FRESH_69 and FRESH_73; by month
    (
        "/cost",
        "how much is checkout costing us a month? last 3 months or so",
        "last 3 months tag:project=checkout monthly",
    ),
    # the instances are EC2's; the production account, as the writer meant it; this week from Monday to today
    (
        "/top-resources",
        "which ec2 boxes are burnin the most cash in prod this week lads",
        "this week service=ec2 account=production",
    ),
    # the last full month; the team values listed, the untagged share and its percentage part of every breakdown
    (
        "/tags",
        "I want to know the ratio of each team tag in the spending of October. Especially how much is not tagged.",
        "team 2026-10",
    ),
    # the average over the complete months of the year beside each month's total, as FRESH_25 and FRESH_38; the three
    # services together, as the writer meant them; the plan sizing is the writer's context
    (
        "/cost",
        "whats our avg monthly compute (EC2 + Lambda + EKS) this yr so far? sizing the next compute savings plan",
        "average ytd service=ec2,lambda,eks monthly",
    ),
    # Thanksgiving last year is 2025-11-27; yesterday against it, the writer's order kept
    ("/cost", "Compare yesterday to Thanksgiving last year pls", "2026-11-26 vs 2025-11-27"),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_55, FRESH_62 and FRESH_69; KMS is the writer's focus, not a filter, as FRESH_37 and FRESH_68
    # (each service's unusual days are part of the answer); the alerts are the writer's context
    (
        "/cost",
        "any unusual days in the past 2 wks? alerts are showing weird KMS api call volume, want to know does it show "
        "up on the bill",
        "anomalies last 2 weeks",
    ),
    # values set against each other, not periods: the env values listed side by side, the untagged share part of every
    # breakdown; the 90 whole days before today by the grammar's rule, as the writer counted; the two values summed by
    # hand; the argument is the writer's context
    (
        "/tags",
        "how much is dev+staging combined vs prod, say last 90 days? trying to argue we dont need a full size staging "
        "env",
        "env last 90 days",
    ),
    # like for like: the complete days of November against the same days of October, the period compared with anyway;
    # the services, accounts and resources that moved are among the causes; the holiday and the writer's guess are
    # left to the causes
    (
        "/cost",
        "why's the bill up so much this month vs last, is it just black friday or did someone leave something running "
        "🙃",
        "why this month",
    ),
    # NOT SUPPORTED (a forecast past the month in progress): the writer's nearest, the November month-end forecast, as
    # FRESH_70
    (
        "/cost",
        "Please make forecast for the total of end of this month. If possible also December.",
        "forecast 2026-11",
    ),
    # the Savings Plans and RI fees are the commitment fees, booked on each 1st; the year so far by month, each
    # month's 1st among them, as FRESH_29; the two kinds apart by usage type, as FRESH_23
    (
        "/cost",
        "How much did we pay in SP + RI fees on the 1st of each month this year?",
        "ytd charge-class=recurring,one-time by usage-type monthly",
    ),
    # the buckets are the S3 resources; the day written month first, 29 October, the most recent such day; the sale is
    # the writer's context
    ("/top-resources", "which s3 buckets got hammered on 10/29? halloween drop day", "2026-10-29 service=s3"),
    # no range typed: the writer's 30 whole days before today, by the grammar's rule; the data-lake account; each
    # service on its own line; none is a zero answer
    (
        "/cost",
        "anything at all running in eu-west-1 in the data lake acct? we dont operate there afaik",
        "last 30 days account=data-lake region=eu-west-1 by service",
    ),
    # values set against each other, not periods: search and checkout among the project values listed, the untagged
    # share part of every breakdown; the last full month
    ("/tags", "search vs checkout spend last month? (project tag)", "project last month"),
    # data transfer is the Data Transfer service, as FRESH_3 and FRESH_74; the figure heard is the writer's context
    (
        "/cost",
        "quick one, what did data transfer cost us in sept? someone's sayin its like 8k which I don't buy tbh",
        "2026-09 service=data-transfer",
    ),
    # the tables are the DynamoDB resources; the 30 whole days before today by the grammar's rule, as the writer
    # counted
    (
        "/top-resources",
        "Which DynamoDB table is most expensive one in last 30 days? top 5 is enough",
        "5 last 30 days service=dynamodb",
    ),
    # July to September; the team values listed, the untagged share part of every breakdown; the allocation is the
    # writer's context
    ("/tags", "can I get Q3 spend by team? want to allocate the EDP commitment internally", "team 2026-q3"),
    # the writer's days from the 20th to today, by day, today's partial day among them; the preorder is the writer's
    # context
    (
        "/cost",
        "lambda costs day by day from nov 20 onwards - want to see if the preorder thing moved it",
        "since 2026-11-20 service=lambda daily",
    ),
    # the pasted alert is the writer's context; the production account; from Monday to today is this week, as FRESH_73
    (
        "/top-resources",
        '"New region activity detected: us-west-2 (123456789012)" — what resources are costing money in us-west-2 in '
        "prod since monday?",
        "this week account=production region=us-west-2",
    ),
    # the env tag value; the month-end forecast of the month in progress
    ("/cost", "if nothing changes where does dev end up for nov?", "forecast 2026-11 tag:env=dev"),
    # the last whole week, Monday 16 to Sunday 22; the untagged share and its percentage are part of every breakdown;
    # the blame is the writer's context
    (
        "/tags",
        "sorry one more 🙈 how much of last weeks spend has no team tag at all?? platform keeps getting the blame",
        "team last week",
    ),
    # the data-lake account; the seven whole days before today, the seven before them being the period compared with
    # anyway
    (
        "/cost",
        "In last 7 days, did S3 cost of data-lake account increase? I want compare to previous 7 days.",
        "last 7 days service=s3 account=data-lake",
    ),
    # the credits only by charge class; the year so far; the writer's ideal split by month not typed, left out, as
    # FRESH_53 and FRESH_61; the commitment figure is the writer's context
    (
        "/cost",
        "total credits applied in 2026 so far? finance wants it kept separate from the commit number",
        "ytd charge-class=credit",
    ),
    # the launch day against the latest Tuesday before it, the writer's normal, as the doc's normal weekday and
    # FRESH_14
    (
        "/cost",
        "how much more did we spend on fall sale launch day vs a normal tuesday? launch was oct 13",
        "2026-10-13 vs 2026-10-06",
    ),
    # a filtered tag breakdown by the creator tag; the staging account; this week from Monday to today; the untagged
    # share is part of every breakdown
    (
        "/tags",
        "breakdown by aws:createdBy in staging this week - trying to see if some unknown principal spun stuff up",
        "aws:createdBy account=staging this week",
    ),
    # the project tag value; no range typed: this month, as the writer read it, as FRESH_5
    (
        "/top-resources",
        "what are the priciest resources tagged project=search? trying to understand where the search revamp money "
        "goes",
        "this month tag:project=search",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as CORPUS and FRESH_5; by day, each service on its own line, as FRESH_70; the autoscaler is the writer's
    # context
    (
        "/cost",
        "can ya give me eks + ec2 daily for the last fortnight, want to see is karpenter actually saving us anything "
        "or is it all talk",
        "last 2 weeks service=eks,ec2 by service daily",
    ),
    # the services ranked by their change against September, the period October is compared with anyway
    ("/cost", "What service was most increased between September and October?", "increases 2026-10 by service"),
    # NOT SUPPORTED (a forecast of the year): the forecast is for the month, never the year: the year so far with this
    # month's forecast line, the writer's nearest, as FRESH_70 and FRESH_74; the negotiation is the writer's context
    ("/cost", "rough full year 2026 number? need it for the EDP tier conversation next wk", "forecast this year"),
    # NOT SUPPORTED (hourly, as the writer marked it): the writer's nearest, today so far against yesterday, the day
    # compared with anyway, as FRESH_43 and FRESH_54; today's partial day is marked so; the holiday traffic is the
    # writer's context
    ("/cost", "whats spend doing hour by hour today?? BF traffic is nuts", "today"),
    # the pasted finding is the writer's context; the data-lake account; the writer's days from the 18th to today, by
    # day, each service on its own line, the days from the 25th read against the ones before, as FRESH_74
    (
        "/cost",
        'SecHub: "Root account usage detected, account 333344445555, 2026-11-25T03:14Z" -- did costs on that acct '
        "jump from the 25th?",
        "2026-11-18..2026-11-27 account=data-lake by service daily",
    ),
    # NOT SUPPORTED (no tag marks the feature): the writer's nearest, the two services together; the whole of October
    # against November so far, the earlier month first, both kept, as FRESH_36
    (
        "/cost",
        "is the new recommendations feature (lambda + dynamo) costing more now than at launch? we launched early oct",
        "2026-10 vs 2026-11 service=lambda,dynamodb",
    ),
    # the DB instances are the RDS resources; the top one first among the default number; all accounts is every
    # account anyway; the last full month
    (
        "/top-resources",
        "whats the biggest RDS instance cost-wise across all accounts last month",
        "last month service=rds",
    ),
    # a comparison of two periods is not something /tags answers (it lists costs only): refused naming the word, as
    # FRESH_52
    (
        "/tags",
        "For env tag, please show the distribution of the cost in this month until today, and compare with the last "
        "month.",
        "!compare",
    ),
    # the writer's fiscal year from the start they gave, 1 February, to today, as FRESH_28 and FRESH_42 read fiscal
    # periods from the months named; each service on its own line
    ("/cost", "spend by service for our FY so far (FY starts Feb 1)", "since 2026-02-01 by service"),
    # the writer's days around the 5th, the 1st to the 10th; the services behind each unusual day are part of the
    # answer; the campaign is the writer's context
    (
        "/cost",
        "was there anything weird on the bill around the influencer collab? nov 5th-ish",
        "anomalies 2026-11-01..2026-11-10",
    ),
    # the 30 whole days before today by the grammar's rule, as the writer counted; all accounts is every account
    # anyway
    (
        "/top-resources",
        "top 10 most expensive things in ap-southeast-2, last 30d, all accts",
        "10 last 30 days region=ap-southeast-2",
    ),
    # the staging account; September is the period October is compared with anyway; each service on its own line
    (
        "/cost",
        "staging account last month vs month before - is it creeping up?",
        "last month account=staging by service",
    ),
    # like for like: this week's complete days against the same days of last week, the period compared with anyway, as
    # the writer preferred
    ("/cost", "did the KMS thing calm down? it was mad mid month. this week v last week pls", "this week service=kms"),
    # tax is its own service, Tax; the year so far by month, November partial, as FRESH_54 and FRESH_74
    ("/cost", "Tax amount for each month of this year, I need it for report to my manager", "ytd service=tax monthly"),
    # NOT SUPPORTED (coverage): the writer's nearest, EC2 split by charge class, usage beside the commitment fees, as
    # FRESH_73; no range typed: October, the month the writer named
    ("/cost", "how much of our EC2 is on-demand vs covered by the SPs?", "2026-10 service=ec2 by charge-class"),
    # values set against each other, not periods: web among the team values listed beside the others, the untagged
    # share part of every breakdown; Thanksgiving to Cyber Monday 2025, both included
    ("/tags", "team web vs the other teams during cyber week last yr?", "team 2025-11-27..2025-12-01"),
    # the pasted alert is the writer's context; the production account, as the writer meant it; the 3 whole days
    # before today by the grammar's rule (the writer counted today in), against the same days a week earlier
    (
        "/cost",
        'SQS in prod look off?? pager said "SQS NumberOfMessagesSent anomaly - eu-west-1". compare last 3 days with '
        "same days week before",
        "last 3 days vs 2026-11-17..2026-11-19 service=sqs account=production region=eu-west-1",
    ),
    # the functions are the Lambda resources; the project and env tag values, as the writer meant them (not the
    # account), as FRESH_31 and FRESH_53; no range typed: this month, as the writer read it
    (
        "/top-resources",
        "which lambdas cost the most for checkout in prod?",
        "this month service=lambda tag:project=checkout tag:env=prod",
    ),
    # Thanksgiving against the latest Thursday before it, the writer's normal, as FRESH_14 and FRESH_70
    ("/cost", "whats the damage for yesterday, and is that normal for a thursday", "yesterday vs 2026-11-19"),
    # the budget's amount is named: the Glue quarter so far with this month's forecast line (the forecast is for the
    # month, never the quarter), held against the writer's amount by hand, as FRESH_58 and FRESH_61
    (
        "/cost",
        "Is there any remain of Glue budget in this quarter? Budget was given as 15,000 USD to us.",
        "forecast 2026-q4 service=glue",
    ),
)

FRESH_76_FIRST_SIGHT = (29, 4, 17)

FRESH_76: tuple[tuple[str, str, str], ...] = (
    # the production account, as the writer named it; the last whole week, Monday 16 to Sunday 22, one total
    ("/cost", "how much lambda cost last week in prod account? thx", "last week service=lambda account=production"),
    # NOT SUPPORTED (which amounts are final and which estimated): the writer's nearest, the month so far by account,
    # the
    # freshness marking November as not yet invoiced, as FRESH_55 and FRESH_66; the total as it is, not the net basis,
    # as
    # FRESH_31
    (
        "/cost",
        "Hi - for the Nov accrual, what's total spend month-to-date per account, and which part of it is final vs "
        "still estimated?",
        "this month by account",
    ),
    # all accounts and regions are every one anyway; one total
    ("/cost", "um so like what did we basically spend on s3 yesterday??", "yesterday service=s3"),
    # NOT SUPPORTED (clusters, node groups): the writer's nearest, the EC2 instances (the worker nodes) in the
    # production
    # account, as FRESH_60 and FRESH_70; the month so far; the rightsizing is the writer's context
    (
        "/top-resources",
        "which nodes in the prod cluster cost the most this month? need to rightsize the general purpose nodegroup",
        "this month service=ec2 account=production",
    ),
    # today so far against yesterday, the writer's order kept, as FRESH_66 and FRESH_71; today's partial day is marked
    # so
    ("/cost", "ec2 spiking?? whats today vs yesterdy", "2026-11-27 vs 2026-11-26 service=ec2"),
    # this month's forecast held against last November, as FRESH_43, FRESH_61 and FRESH_71; the planning deck is the
    # writer's context
    (
        "/cost",
        "What was our total AWS spend in November last year, and where is November this year heading? Need the YoY "
        "delta for the 2027 planning deck",
        "forecast 2026-11 vs 2025-11",
    ),
    # the tables are the DynamoDB resources; the staging account, as the writer named it; the 30 whole days before today
    # by the grammar's rule, as the writer counted
    (
        "/top-resources",
        "most expensive dynamo tables on staging, last 30 days",
        "last 30 days service=dynamodb account=staging",
    ),
    # the month so far; the team values listed, the untagged amount and its share part of every breakdown
    (
        "/tags",
        "ok so basically how much of our stuff is like not tagged with team? this month i guess",
        "team this month",
    ),
    # NOT SUPPORTED (hourly, as the writer took it): the writer's nearest, DynamoDB by day from the 20th to today,
    # today's
    # partial day marked so, as FRESH_38 and FRESH_66
    ("/cost", "dynamo costs jumped on black frday? can u show hourly", "2026-11-20..2026-11-27 service=dynamodb daily"),
    # NOT SUPPORTED (whether the invoice is final): the writer's nearest, October as it stands, usage, fees, credits
    # and tax
    # apart by charge class, as FRESH_5 and FRESH_61; the total as it is, not the net basis, as FRESH_31
    (
        "/cost",
        "Could you confirm the Oct total is final now? Need the invoice-level number incl. tax and credits, split out "
        "pls",
        "2026-10 by charge-class",
    ),
    # September is the period October is compared with anyway; the accounts, regions and usage types that moved are
    # among the causes
    ("/cost", "why RDS is more expensive in october than september?", "why 2026-10 service=rds"),
    # the EKS charges only (worker nodes are EC2), as FRESH_13 and FRESH_21; the last full month; each account on its
    # own
    # line
    (
        "/cost",
        "EKS control plane cost per account, last month. just the eks line not the nodes",
        "last month service=eks by account",
    ),
    # the forecast is for the month, never the year: the year so far against the same days of 2025, with this month's
    # forecast line, the writer's nearest, as FRESH_72 and FRESH_74
    (
        "/cost",
        "Total 2025 spend vs 2026 so far, and where do we end 2026 if we keep this run rate?",
        "forecast this year",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_55, FRESH_69 and FRESH_74; by day
    (
        "/cost",
        "so um my manager asked like how much cloudfront costs per day, basically over the past two weeks?",
        "last 2 weeks service=cloudfront daily",
    ),
    # a filtered tag breakdown; the month so far; the untagged share is part of every breakdown
    ("/tags", "team split for SQS, this month pls", "team service=sqs this month"),
    # the month-end forecast with the month so far; the days still to come read off the forecast less the actuals
    (
        "/cost",
        "What will November land at? I need a number to accrue for the remaining days (27th-30th)",
        "forecast 2026-11",
    ),
    # the instances are EC2's; the present read as the writer read it, the latest full day and today so far, as CORPUS's
    # last 24 hours; all accounts
    (
        "/top-resources",
        "wich ec2 instnces r costing most rn in us-east-1",
        "2026-11-26..2026-11-27 service=ec2 region=us-east-1",
    ),
    # node groups are not in the bill: the staging account's EC2 and EKS, as the writer said; the writer's days before
    # the change against the days from it to yesterday, compared per day as the spans differ in length, the writer's
    # order
    # kept, as FRESH_32 and FRESH_39; the daily series has no place in an average answer
    (
        "/cost",
        "compute for the staging nodegroups (ec2 + eks) daily for last 2 wks - did the scale-down on the 18th "
        "actually do anything?",
        "average 2026-11-13..2026-11-17 vs 2026-11-18..2026-11-26 service=ec2,eks account=staging",
    ),
    # dates with dots are day first: from 1 November to today, by day, today's partial day among them
    ("/cost", "eu-west-1 daily cost from 1.11 till now", "since 2026-11-01 region=eu-west-1 daily"),
    # the month so far; the services behind each unusual day are part of the answer
    ("/cost", "basically were there like any weird days this month? like spikes or whatever", "anomalies this month"),
    # the services ranked by their change, the writer's growth, as FRESH_5 and FRESH_73; Q3 of this year against Q3 2025
    (
        "/cost",
        "Can you break down Q3 this year vs Q3 2025 by service? Want to see what grew fastest",
        "increases 2026-q3 vs 2025-q3 by service",
    ),
    # the Savings Plans and RI fees are the commitment fees, on the day they post, each account on its own line, as the
    # writer asked
    (
        "/cost",
        "Savings Plan + RI fees that hit on 1 Nov - how much in total and on which accounts?",
        "2026-11-01 charge-class=recurring,one-time by account",
    ),
    # the last 3 whole days before today against the same weekdays a week earlier, as the writer meant it
    (
        "/cost",
        "cloudfrnt cost last 3 days vs same days last wk",
        "2026-11-24..2026-11-26 vs 2026-11-17..2026-11-19 service=cloudfront",
    ),
    # a filtered tag breakdown; from 1 November to today; the untagged share is part of every breakdown; node groups are
    # the writer's context
    (
        "/tags",
        "how does EC2 split across team since Nov 1? trying to see whose workloads actually sit on our node groups",
        "team service=ec2 since 2026-11-01",
    ),
    # a cost question about what is normal asks for unusual days, as the doc's region normal today; the 14 whole days
    # before today, as the writer counted; the new keys are the writer's context
    ("/cost", "KMS cost normal? we created many keys last days, check please", "anomalies last 14 days service=kms"),
    # a filtered tag breakdown; the last full month; prod, dev and staging among the values listed, the untagged share
    # part
    # of every breakdown
    (
        "/tags",
        "like which env spends the most on ec2, um, prod or dev or staging? last month",
        "env service=ec2 last month",
    ),
    # Black Friday week to each Friday, the writer's order kept, as FRESH_16, FRESH_23 and FRESH_73; like for like, this
    # week's complete days against the same weekdays of last year's week, as the writer meant it
    (
        "/cost",
        "How did Black Friday week last year compare with this week so far?",
        "2025-11-24..2025-11-28 vs 2026-11-23..2026-11-27",
    ),
    # the writer's Tuesday to Thursday, today being partial; the days before read as the period compared with anyway
    # (the
    # writer's example was a week earlier), as FRESH_71; the accounts, regions and usage types that moved are among the
    # causes
    ("/cost", "why did lamda go up so much since tues", "why 2026-11-24..2026-11-26 service=lambda"),
    # the credits only by charge class; the year so far by month, November partial, as FRESH_30 and FRESH_49
    ("/cost", "credits applied YTD please, by month", "ytd charge-class=credit monthly"),
    # the buckets are the S3 resources; the production account, as the writer meant it; no range typed: this month, as
    # the writer read it
    (
        "/top-resources",
        "hey um what are like the biggest s3 buckets cost-wise? in prod i think",
        "this month service=s3 account=production",
    ),
    # the month-end forecast; the production account, as the writer meant it; the two services as one sum; the extra
    # node
    # groups are the writer's context
    (
        "/cost",
        "forecast EKS + EC2 in prod for end of month? we added 2 nodegroups for BF so prob higher",
        "forecast 2026-11 service=eks,ec2 account=production",
    ),
    # a filtered tag breakdown; tax is its own service, Tax, left out, as CORPUS; the month so far; the untagged share
    # is
    # part of every breakdown; the recharge is the writer's context
    (
        "/tags",
        "For the intercompany recharge: Nov MTD by project tag, excluding tax, and how much has no project at all?",
        "project service!=tax this month",
    ),
    # data transfer is the Data Transfer service; the last full month; each region on its own line
    ("/cost", "data transfer cost per region for last month", "last month service=data-transfer by region"),
    # the production account, as the writer named it; today's partial day is marked so
    ("/cost", "sqs costs prod acct tday so far", "today service=sqs account=production"),
    # the whole of 2025; the untagged share is part of every breakdown; the budget conversation is the writer's context,
    # no budget asked
    ("/tags", "Spend by team for all of 2025 - need it for the budget allocation conversation", "team 2025"),
    # the two regions side by side, the difference read off the two; the year so far
    (
        "/cost",
        "hi!! sorry newbie q but like whats the diff in spend between us-east-1 and us-west-2 this year so far",
        "ytd region=us-east-1,us-west-2 by region",
    ),
    # the functions are the Lambda resources; the team tag value; ISO week 47, Monday 16 to Sunday 22
    ("/top-resources", "top 10 lambda fn by cost for api team, week 47", "10 2026-w47 service=lambda tag:team=api"),
    # tax is its own service, Tax; September is the period October is compared with anyway
    ("/cost", "Tax for October vs September? October looks higher than I expected", "2026-10 service=tax"),
    # a filtered tag breakdown; dev and prod among the env values listed side by side; this week from Monday to today
    ("/tags", "env split of EKS cost this week, how much the dev clusters cost vs prod", "env service=eks this week"),
    # the last 12 months by the grammar's rule, the twelve full months before this one, as the writer counted; by month
    (
        "/cost",
        "Monthly totals for the last 12 months pls, want to eyeball seasonality before we set the 2027 numbers",
        "last 12 months monthly",
    ),
    # the DB instances are the RDS resources; the production account, as the writer meant it; the 7 whole days before
    # today, the writer's days; the page is the writer's context
    (
        "/top-resources",
        "biggest rds instanes prod?? got paged on cost alert",
        "last 7 days service=rds account=production",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_73 (the writer's nearest, the quarter
    # so
    # far with the forecast, was not taken)
    ("/cost", "how are we tracking vs budget on the data-lake account this quarter?", "!budget"),
    # the creator tag; the 7 whole days before today by the grammar's rule; the untagged share is part of every
    # breakdown
    (
        "/tags",
        "who basically created the most expensive stuff like by aws:createdBy, last 7 days",
        "aws:createdBy last 7 days",
    ),
    # a normal Friday is the latest Friday before the day, as FRESH_12, FRESH_37 and FRESH_48 (the writer's several
    # recent Fridays read as the nearest one); today's partial day is marked so; the autoscaling is the writer's context
    ("/cost", "is total spend way above normal for a fri?? autoscaling went nuts", "2026-11-27 vs 2026-11-20"),
    # no percentages in the grammar: the year so far by service, the EKS line's share of the total read off by hand, as
    # FRESH_25 and FRESH_70; like for like against the same days of 2025, the period compared with anyway; the EKS
    # charges only (worker nodes are EC2)
    (
        "/cost",
        "What % of the bill was EKS this year vs last? Deciding whether we go all-in on k8s in 2027",
        "ytd by service",
    ),
    # the instances are EC2's; the data-lake account; no range typed: this month, as the writer read it; the writer's
    # guess
    # is read off the list
    (
        "/top-resources",
        "top 5 most expensive ec2 in data-lake acct - suspect the spark on eks nodes (m5.4xlarge)",
        "5 this month service=ec2 account=data-lake",
    ),
    # the data-lake account; like for like: this week's complete days against the same days of last week, the period
    # compared with anyway
    ("/cost", "glue in data-lake acc, this week vs previous one", "this week service=glue account=data-lake"),
    # two lists side by side have no /top-resources form (it lists costs only): 2025's top 10, this month's a question
    # of
    # its own, as FRESH_34 and FRESH_55
    (
        "/top-resources",
        "What were our 10 most expensive resources across 2025, and are they still the top ones now?",
        "10 2025",
    ),
    # NOT SUPPORTED (cost per cluster): the writer's nearest, the region's EKS and EC2, the cluster being all there is
    # in
    # it, as the writer assumed; September is the period October is compared with anyway; the decommission is the
    # writer's context
    (
        "/cost",
        "ap-southeast-2 cluster - what did it cost in Oct vs Sep? planning to decomission it",
        "2026-10 service=eks,ec2 region=ap-southeast-2",
    ),
    # each account on its own line with the total; the total as it is, not the net basis, as FRESH_31 and FRESH_36; the
    # write-up is the writer's context
    ("/cost", "net spend yesterday all accts? need it for the incident writeup", "yesterday by account"),
)

FRESH_77_FIRST_SIGHT = (24, 6, 20)

FRESH_77: tuple[tuple[str, str, str], ...] = (
    # the production account, as the writer named it; Thanksgiving, one total
    (
        "/cost",
        "hey guys, how much we spent with EC2 yesterday on the production account?",
        "yesterday service=ec2 account=production",
    ),
    # like for like: the quarter's complete days against the same stretch of Q3, the period compared with anyway, as
    # FRESH_33; the memo is the writer's context
    ("/cost", "What's Q4 QTD spend vs. the same point in Q3? Drafting the accrual memo, rough is fine", "this quarter"),
    # the writer's days, 1 to 26 November (the other tool's end date is exclusive), on the writer's unblended basis, to
    # hold against the other tool's figure by hand, as FRESH_32
    (
        "/cost",
        "`$ aws ce get-cost-and-usage --time-period Start=2026-11-01,End=2026-11-27 --granularity MONTHLY --metrics "
        'UnblendedCost` gives me `"Amount": "48211.7"` - does that match what you see? feels high for nov',
        "2026-11-01..2026-11-26 unblended",
    ),
    # this week from Monday to today, today's partial day marked so
    ("/cost", "how much did we burn this week so far", "this week"),
    # the 14 whole days before today, by day, each service on its own line
    ("/cost", "daily cost by service for the last 14 days pls", "last 14 days by service daily"),
    # July to September; the team values listed, the untagged amount and its percentage part of every breakdown; the
    # auditors are the writer's context
    ("/tags", "how much of Q3 can we actually attribute by team? auditors want the % untagged", "team 2026-q3"),
    # the instances are EC2's; this week from Monday to today
    (
        "/top-resources",
        "which are the 10 instances more expensive in us-east-1 this week?",
        "10 this week service=ec2 region=us-east-1",
    ),
    # Black Friday 2025 was 2025-11-28; the writer's order kept, as FRESH_54; today's partial day is marked so; who
    # relayed the question is no word of it
    (
        "/cost",
        "@Rafael asked in #eng-checkout: how much did project=checkout cost on Black Friday last year vs today so far?",
        "2025-11-28 vs 2026-11-27 tag:project=checkout",
    ),
    # the writer's days from Monday 16 to yesterday against the same number of days just before, the period compared
    # with anyway; the accounts, regions and usage types that moved are among the causes; the other tool is the writer's
    # context
    (
        "/cost",
        "the lambda costs are very high since the last week, what happened? in the grafana appears almost the double",
        "why 2026-11-16..2026-11-26 service=lambda",
    ),
    # the month so far; the three biggest services
    ("/cost", "ok so what's actually eating our money this month, just give me top 3", "this month by service top 3"),
    # the last full month; the env values listed with their shares, the untagged share part of every breakdown
    ("/tags", "env split for last month, shares in % please", "env last month"),
    # tax and credits left out by charge class, usage and fees kept, as FRESH_46 and FRESH_52; the writer's optional
    # separate amounts are a question of their own (the split by charge class)
    (
        "/cost",
        "Can I get October total excluding tax and credits? Trying to tie out to the invoice and the numbers aren't "
        "matching",
        "2026-10 charge-class!=tax,credit",
    ),
    # the writer's nine days from the 18th to yesterday against the nine days before, as FRESH_74's before and after;
    # the bug is the writer's context
    (
        "/cost",
        "saw this on the sqs dashboard: NumberOfMessagesSent went from ~2M/day to ~11M/day on the 18th (retry storm "
        "from the orders-consumer bug). what did that do to SQS cost? before vs after",
        "2026-11-18..2026-11-26 vs 2026-11-09..2026-11-17 service=sqs",
    ),
    # the staging account, as the writer meant it; Thanksgiving against the Thursday a week earlier, the writer's normal
    # weekday, as FRESH_14 and FRESH_75; each service on its own line
    (
        "/cost",
        "why is staging even costing money on thanksgiving?? nobody was working yesterday",
        "2026-11-26 vs 2026-11-19 account=staging by service",
    ),
    # from 1 September to today, by week, Monday to Sunday as weeks are anyway; the first and last weeks partial
    ("/cost", "weekly totals since sept 1, mon-sun weeks", "since 2026-09-01 weekly"),
    # the buckets are the S3 resources; the last full month; the other tool's figures are the writer's context
    (
        "/top-resources",
        "biggest S3 buckets by cost last month? storage lens says `Total storage: 412.8 TB (+18% MoM)` and i want to "
        "know which buckets to look at",
        "last month service=s3",
    ),
    # the team tag value; like for like: the complete days of November against the same days of October, the period
    # compared with anyway, as FRESH_29 and FRESH_39
    (
        "/cost",
        "follow up from the thread above - is the api team spending more this month than in october? same days pls",
        "this month tag:team=api",
    ),
    # a follow-up read as the whole question: the web team's month so far against the same days of October, the period
    # compared with anyway; each service on its own line
    ("/cost", "ok and same for the web team but split by service this time?", "this month tag:team=web by service"),
    # the month-end forecast with the month so far; the days still to come read off the forecast less the actuals, as
    # FRESH_76
    (
        "/cost",
        "where do we think Nov lands? Also what should I accrue for the 27th-30th if the invoice doesn't show up "
        "until the 3rd",
        "forecast 2026-11",
    ),
    # the two weeks by the grammar's rule, the two whole weeks before this one (the writer counted 14 days back from
    # today), as FRESH_55, FRESH_75 and FRESH_76; the alarm is the writer's context, no budget asked
    (
        "/cost",
        "we had some unusual day in eu-west-1 on the last 2 weeks? the budget alarm fired but i dont know which day "
        "exactly",
        "anomalies last 2 weeks region=eu-west-1",
    ),
    # the present read as the writer read it, the month so far; all accounts and services
    ("/top-resources", "what r the 5 most expensive things we're running rn", "5 this month"),
    # the month so far; checkout and search among the project values listed, the untagged share part of every breakdown
    (
        "/tags",
        "breakdown by project for nov so far? mostly care about checkout vs search but show all",
        "project this month",
    ),
    # no percentages in the grammar: each service's share of the total read off by hand, as FRESH_25 and FRESH_76; all
    # of Q3 against Q4 to date, the writer's order kept, as FRESH_9
    ("/cost", "top 5 services by share of total, q3 vs q4 to date", "2026-q3 vs this quarter by service top 5"),
    # like for like: this week's complete days against the same days of last week, the period compared with anyway, as
    # FRESH_14; by day, as the writer asked; the pasted error is the writer's context
    (
        "/cost",
        "kms looks weird?? getting `ThrottlingException: Rate exceeded (Service: Kms, Status Code: 400)` on "
        "kms:Decrypt since tues. how much are we paying for KMS per day this week vs last week",
        "this week service=kms daily",
    ),
    # August is not asked: September is the period October is compared with anyway; the three values that moved most per
    # dimension are the causes
    ("/cost", "What moved the total between September and October? top 3 drivers please", "why 2026-10"),
    # today's partial day against Black Friday 2025, 2025-11-28, the writer's order kept, as FRESH_55; today's partial
    # day is marked so
    (
        "/cost",
        "hoje é black friday 🙂 is the cloudfront cost normal today or not? compare with the last black friday please",
        "2026-11-27 vs 2025-11-28 service=cloudfront",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_76 (the writer's nearest, the month so
    # far with the forecast, was not taken)
    ("/cost", "are we over budget yet", "!budget"),
    # the data-lake account; July to September; each resource's service is shown in the list
    (
        "/top-resources",
        "top 20 resources in the data-lake account for Q3, w/ service name if u can",
        "20 2026-q3 account=data-lake",
    ),
    # from 15 November to today, by day, as FRESH_75; the deploy is the writer's context, the rise from the 20th read
    # off the series
    (
        "/cost",
        "deploy log says `glue job nightly-etl-v2 started 2026-11-20T02:00:13Z` - did glue cost jump after that? "
        "daily glue from the 15th onwards",
        "since 2026-11-15 service=glue daily",
    ),
    # the month so far; the untagged amount and its share part of every breakdown; the closing is the writer's context
    (
        "/tags",
        "quanto está sem tag... sorry - how much is without the team tag this month? we need to fix before the closing",
        "team this month",
    ),
    # the year so far by month, November partial; each region on its own line; the table is how it should look
    ("/cost", "monthly cost per region for 2026 as a table if possible", "ytd by region monthly"),
    # the year so far by quarter, Q4 partial; the deck is the writer's context
    ("/cost", "YTD by quarter please, with Q4 as it stands. Board deck due Monday", "ytd quarterly"),
    # the tables are the DynamoDB resources; the team tag value; the month so far; the writer's guess is read off the
    # list
    (
        "/top-resources",
        "which dynamo tables are costing the api team the most in nov? they think its the sessions table",
        "this month service=dynamodb tag:team=api",
    ),
    # like for like: the complete days of November against the same days of October, the period compared with anyway
    ("/cost", "are we spending more than last month or what. same days obv", "this month"),
    # the two accounts side by side, as the writer meant them; the month so far; the weekend plan is the writer's
    # context
    (
        "/cost",
        "how much the EKS costed in staging vs prod this month? we are thinking to turn off the staging cluster in "
        "the weekends",
        "this month service=eks account=staging,production by account",
    ),
    # NOT SUPPORTED (median): no median in the grammar: the daily series of each span, each month's first day left out,
    # the medians read off by hand, as FRESH_7; the writer's order kept
    (
        "/cost",
        "median daily spend oct vs nov? leave out the 1st of each month, the SP/RI fees skew it",
        "2026-10-02..2026-10-31 vs 2026-11-02..2026-11-26 daily",
    ),
    # the creator tag; the 30 whole days before today by the grammar's rule, as the writer counted; the untagged share
    # is part of every breakdown
    ("/tags", "who is creating all this stuff?? split by createdBy last 30 days", "aws:createdBy last 30 days"),
    # the data-lake account; the month so far by week, the first and last weeks partial; each service on its own line,
    # Glue among them; the writer's guess is read off the series
    (
        "/cost",
        "the data team wants to know what data-lake cost each week this month, they think the glue crawlers are "
        "running twice",
        "this month account=data-lake by service weekly",
    ),
    # the Savings Plans and RI fees are the commitment fees, on the day they post; the later 1st against the earlier,
    # the writer's order kept; split by usage type, each plan and reservation on its own line, as FRESH_59 and FRESH_74,
    # renewals and expiries read off the lines
    (
        "/cost",
        "Savings Plan + RI fees on Nov 1 vs Oct 1 - did anything renew or expire?",
        "2026-11-01 vs 2026-10-01 charge-class=recurring,one-time by usage-type",
    ),
    # the staging account; the day written month first, 10 November, the most recent such day; from it to today; the
    # replica is the writer's context
    (
        "/cost",
        "we spun up a read replica `db-staging-replica-2` in us-west-2 staging on 11/10 and forgot about it 🤦 how "
        "much has rds cost there since",
        "since 2026-11-10 service=rds region=us-west-2 account=staging",
    ),
    # the functions are the Lambda resources; Thanksgiving; all accounts
    (
        "/top-resources",
        "the lambdas more expensive yesterday in eu-west-1, please",
        "yesterday service=lambda region=eu-west-1",
    ),
    # today's partial day against the latest Friday before it, the writer's normal, as FRESH_12, FRESH_37 and FRESH_76;
    # today's partial day is marked so
    (
        "/cost",
        "ok black friday is nuts. what's today looking like compared to a normal friday",
        "2026-11-27 vs 2026-11-20",
    ),
    # the 90 whole days before today by the grammar's rule, as the writer counted; the amount of each unusual day is
    # part of the answer
    ("/cost", "which days in the last 90 days were outliers? just dates + amounts is fine", "anomalies last 90 days"),
    # this week from Monday to today; each stored spelling of a value on its own line, the untagged share part of every
    # breakdown; the pasted counts are the writer's context
    (
        "/tags",
        "pasting from tag editor: `env=prod (412)`, `env=Prod (37)`, `env=production (9)` 🙃 how does spend split "
        "across the env values this week",
        "env this week",
    ),
    # NOT SUPPORTED (the ticket and its merge date): the writer's nearest, data transfer by day from the 9th to
    # yesterday, as FRESH_67, the drop read off the series
    (
        "/cost",
        "can u check if PLAT-2231 (the NAT gw fix) actually brought data transfer down? it merged sometime last week "
        "i think",
        "2026-11-09..2026-11-26 service=data-transfer daily",
    ),
    # no threshold in the grammar: the resources ranked by cost, those above the writer's amount read off by hand, as
    # FRESH_31; the whole of October
    (
        "/top-resources",
        "Any single resources above $5k in October? want to understand what's driving the number",
        "2026-10",
    ),
    # the EKS service and the team tag value; all of Q3 against Q4 to date, the writer's order kept, as FRESH_9; the
    # relay is no word of the question
    (
        "/cost",
        "quick one from Marta's thread: what did EKS cost for the Platform team in Q3 vs Q4 so far? roughly is ok",
        "2026-q3 vs this quarter service=eks tag:team=Platform",
    ),
    # a filtered tag breakdown; the data-lake account; September; the untagged share is part of every breakdown
    ("/tags", "for the data-lake acct only, how did september split by project?", "project account=data-lake 2026-09"),
    # the instances are EC2's; the production account, as the writer meant it; this week from Monday to today; the
    # writer's instance and its rank read off the list
    (
        "/top-resources",
        "`i-0a1b2c3d4e5f67890` sitting at 98% CPU all week on our dashboard. is it one of the priciest instances in "
        "prod?",
        "this week service=ec2 account=production",
    ),
    # no time step in /tags, as FRESH_69 and FRESH_74: the split over the writer's days from 1 October to today; the
    # untagged share is part of every breakdown
    ("/tags", "team breakdown week by week since start of october", "team since 2026-10-01"),
)

FRESH_78_FIRST_SIGHT = (24, 14, 12)

FRESH_78: tuple[tuple[str, str, str], ...] = (
    # the month-end forecast with the month so far, held against October, the period compared with anyway, as FRESH_6
    # and FRESH_17
    ("/cost", "how are we tracking this month", "forecast 2026-11"),
    # data transfer is the Data Transfer service; the month so far by day, today's partial day among them; NOT
    # SUPPORTED (the day the sale began, which the bill does not know): the rise read off the daily series, as
    # FRESH_75
    (
        "/cost",
        "how much have we burned on data transfer this month? feels like its gone mental since the sale stuff kicked "
        "off",
        "this month service=data-transfer daily",
    ),
    # the production account by its id; from 1 July to today, by month, November partial
    (
        "/cost",
        "Kindly provide month-wise total cost for production account (123456789012) from July till date.",
        "since 2026-07-01 account=production monthly",
    ),
    # the credits only by charge class, each account on its own line, as FRESH_68
    (
        "/cost",
        "What credits did we receive in October and which accounts were they applied to?",
        "2026-10 charge-class=credit by account",
    ),
    # no GPU instance types in the vocabulary: the EC2 instances, the GPU ones among them, as FRESH_8, FRESH_33 and
    # FRESH_73; the month so far, all accounts
    ("/top-resources", "top gpu instances by cost this month (p4d/g5/etc)", "this month service=ec2"),
    # the staging account, as the writer meant it; the last whole week, Monday 16 to Sunday 22, by day, so the two
    # days the writer named can be read off the series, as FRESH_30's staging database after a load test
    (
        "/cost",
        "how much did staging cost us last week? we ran the perf tests tue+wed so want to see if that shows up",
        "last week account=staging daily",
    ),
    # Black Friday is today: its total so far, the partial day marked so; the writer's optional comparison with a
    # normal day left out, as FRESH_49 and FRESH_61
    ("/cost", "black friday so far?", "today"),
    # yesterday against the latest Friday before it, the writer's order kept; the worry about today is the writer's
    # context
    (
        "/cost",
        "cloudfront yesterday vs last friday? bit nervous aboot today tbh",
        "2026-11-26 vs 2026-11-20 service=cloudfront",
    ),
    # all accounts together, each service on its own line
    (
        "/cost",
        "Please do the needful and share service wise breakup of Oct'26 spend for all the three accounts.",
        "2026-10 by service",
    ),
    # no spot or on-demand usage type in the vocabulary: EC2 by usage type, the spot and on-demand lines among them,
    # the writer's nearest, as FRESH_15 and FRESH_69; the last whole week, Monday 16 to Sunday 22; all accounts
    ("/cost", "how much did spot training cost last wk compared to on-demand", "last week service=ec2 by usage-type"),
    # no comparison in /tags: the env values listed, dev and staging among them beside the others, the untagged
    # share part of every breakdown; the month so far
    ("/tags", "can u break down dev vs staging env for nov so far?", "env this month"),
    # the week before is the period last week is compared with anyway; the services and accounts that moved are
    # among the causes
    ("/cost", "why'd the bill jump last week", "why last week"),
    # the Savings Plans and RI fees are the commitment fees, on the day they post; each account on its own line, the
    # fee types apart by usage type, as FRESH_23 and FRESH_25; NOT SUPPORTED (the purchase order): the fee amounts,
    # the writer's nearest
    (
        "/cost",
        "Can you confirm the SP and RI fees that hit on Nov 1st? need to reconcile against the PO",
        "2026-11-01 charge-class=recurring,one-time by account, usage-type",
    ),
    # a cost question about what is normal asks for unusual days, as FRESH_25 and FRESH_72; data transfer is the
    # Data Transfer service, as FRESH_74; the seven whole days before today, the writer's days
    (
        "/cost",
        "is eu-west-1 data transfer out behaving itself or no",
        "anomalies last 7 days service=data-transfer region=eu-west-1",
    ),
    # July to September; the project values listed, the untagged amount its own line in every breakdown
    (
        "/tags",
        "Request you to share project wise cost for Q3 i.e. Jul-Sep 2026. Also please mention how much is untagged.",
        "project 2026-q3",
    ),
    # the present read as the writer read it, the seven whole days before today; the staging account; the writer's
    # guess is read off the list
    (
        "/top-resources",
        "whats the most expensive stuff in the staging acct atm, pretty sure someone left the loadtest boxes running "
        "again",
        "last 7 days account=staging",
    ),
    # NOT SUPPORTED (budget): budgets are refused by name, as in FRESH_4 to FRESH_76 (the writer's nearest, the month
    # so far with the forecast, was not taken)
    ("/cost", "are we over budget?", "!budget"),
    # the buckets are the S3 resources; the data-lake account; no range typed: this month, as the writer read it; the
    # writer's guess is read off the list
    (
        "/top-resources",
        "priciest s3 buckets in data-lake? im fairly sure the 3 imagenet copies are the culprits",
        "this month service=s3 account=data-lake",
    ),
    # gross and net apart: usage, fees, credits and tax by charge class, the net being the total, as FRESH_71
    ("/cost", "october total before and after credits pls", "2026-10 by charge-class"),
    # the writer's past month is the 30 whole days before today (not the calendar month), as FRESH_60 and FRESH_74;
    # data transfer is the Data Transfer service; the days around the peering change are among the days judged
    (
        "/cost",
        "any weird spikes in data transfer over the last month? we changed the vpc peering on the 9th and i want tae "
        "rule it out",
        "anomalies last 30 days service=data-transfer",
    ),
    # like for like: the complete days of November against the same days of October, the period compared with
    # anyway; the accounts, regions and usage types that moved are among the causes
    (
        "/cost",
        "What is the reason for increase in RDS cost in November as compared to October? Kindly revert at the "
        "earliest.",
        "why this month service=rds",
    ),
    # the day written month first, 10 November, as the writer meant it; the staging account; the days before it
    # against the days from it to yesterday, compared per day as the spans differ in length, as FRESH_76
    (
        "/cost",
        "did staging RDS go up after we cloned the prod db on 11/10??",
        "average 2026-11-01..2026-11-09 vs 2026-11-10..2026-11-26 service=rds account=staging",
    ),
    ("/cost", "ytd total", "ytd"),
    # NOT SUPPORTED (the support case, which the bill does not hold): the writer's nearest, the S3 credits and refunds
    # (the adjustment class) from 1 August to today, by day for their dates, as FRESH_7, FRESH_9 and FRESH_71
    (
        "/cost",
        "did the refund for the August S3 overcharge ever come through? AWS support case 17349822011",
        "since 2026-08-01 service=s3 charge-class=credit,adjustment daily",
    ),
    # a filtered tag breakdown; the last full month; search among the project values listed, the untagged share
    # part of every breakdown
    (
        "/tags",
        "ec2 by project last month, want to see how much gpu stuff is landing on 'search'",
        "project service=ec2 last month",
    ),
    # the CloudFront month-end forecast, held against October, the period compared with anyway, as FRESH_16 and
    # FRESH_68
    (
        "/cost",
        "where's cloudfront gonnae land for november, are we going past october?",
        "forecast 2026-11 service=cloudfront",
    ),
    # the data-lake account; like for like: the quarter so far against the same stretch of Q3, the period compared
    # with anyway, as FRESH_33
    (
        "/cost",
        "Good morning. Could you please share QTD cost for the data-lake account vis-a-vis same period of last "
        "quarter?",
        "this quarter account=data-lake",
    ),
    # the env tag value, as the writer said; the two weeks by the grammar's rule, the two whole weeks before this one
    # (the writer counted 14 days back from today), as FRESH_55, FRESH_69 and FRESH_74; by day
    ("/cost", "daily spend for env=dev last 2 wks (the tag, not the account)", "last 2 weeks tag:env=dev daily"),
    # the two services side by side; no range typed: this month, as the writer read it; NOT SUPPORTED (whether EKS
    # is worth it): the two costs, the writer's nearest
    (
        "/cost",
        "eks vs plain ec2, what's each costing us. is eks even worth it",
        "this month service=eks,ec2 by service",
    ),
    # NOT SUPPORTED (the invoice document): the writer's nearest, the data-lake account's September total, the total
    # as it is holding tax, as FRESH_24
    ("/cost", "invoice amount for data-lake account for September, inc. tax", "2026-09 account=data-lake"),
    # the role is not a stored value of the creator tag the writer could name, as FRESH_20's Terraform role and
    # FRESH_30: the most expensive resources; the 30 whole days before today by the grammar's rule, as the writer
    # counted
    ("/top-resources", "most expensive stuff launched by the ml-training role in the last 30 days?", "last 30 days"),
    # a filtered tag breakdown; data transfer is the Data Transfer service; the last full month; the untagged share
    # is part of every breakdown
    ("/tags", "data transfer by team for october - who's shovin all the bytes", "team service=data-transfer 2026-10"),
    # the staging account; the two services together; like for like: the month so far against the same days of
    # October, the period compared with anyway
    ("/cost", "staging lambda + sqs, this month vs last?", "this month service=lambda,sqs account=staging"),
    # no time step in /tags: the split over the last 3 months by the grammar's rule, the three full months before
    # this one, as the writer counted, as FRESH_69 and FRESH_73; the untagged share is part of every breakdown; the
    # review deck is the writer's context
    (
        "/tags",
        "What is the cost distribution env tag wise for last 3 months? Need the same for monthly review deck.",
        "env last 3 months",
    ),
    # like for like: the month so far against the same days of November 2025, as CORPUS's same month last year
    ("/cost", "this nov vs last nov?", "this month vs 2025-11"),
    # tax is its own service, Tax; July to September; each account on its own line
    ("/cost", "Tax by account for Q3 please - accountant wants it split out", "2026-q3 service=tax by account"),
    # the writer's days around the 19th and 20th, the 12th to the 26th, judged by the anomaly engine, as FRESH_28 and
    # FRESH_57's days around a day; the spot fleet is the writer's guess
    (
        "/cost",
        "anything odd w ec2 in us-east-1 around nov 19-20? think my spot fleet went nuts",
        "anomalies 2026-11-12..2026-11-26 service=ec2 region=us-east-1",
    ),
    # the distributions are the CloudFront resources; the last fortnight by the grammar's rule, the two whole weeks
    # before this one (the writer counted 14 days back from today), as FRESH_1
    (
        "/top-resources",
        "which cloudfront distros are costin the most, last fortnight like",
        "last 2 weeks service=cloudfront",
    ),
    # the average per day; the staging account's EKS; no range typed: the writer's 30 whole days before today, by the
    # grammar's rule; the writer's ideal weekday and weekend split not typed, left out
    (
        "/cost",
        "quick q - avg per day for the staging eks cluster? trying to make a case for shutting it down on weekends",
        "average last 30 days service=eks account=staging",
    ),
    # the production account; the whole of October
    (
        "/top-resources",
        "Please share top 10 resources cost wise in production account for the month of October.",
        "10 2026-10 account=production",
    ),
    # NOT SUPPORTED (the credit balance left and its expiry): the writer's nearest, the credits applied this month by
    # charge class, by day, to see whether they stopped, as FRESH_48's credit balance
    (
        "/cost",
        "are the promo credits still covering anything this month or have they run out?",
        "this month charge-class=credit daily",
    ),
    # the quarter so far; the team values listed, the untagged share part of every breakdown
    ("/tags", "team split this qtr", "team this quarter"),
    # a filtered tag breakdown by the creator tag; the data-lake account; the month so far; the untagged share is
    # part of every breakdown
    (
        "/tags",
        "aws:createdBy breakdown of ec2 in the data lake acct for nov so far. half our training boxes never get tagged",
        "aws:createdBy service=ec2 account=data-lake this month",
    ),
    # data transfer is the Data Transfer service; from Monday to today is this week, by day, today's partial day
    # among them, as FRESH_73 and FRESH_74; the Sydney team's claim is the writer's context
    (
        "/cost",
        "ap-southeast-2 data transfer day by day since monday please, sydney folk swear nothin changed",
        "this week service=data-transfer region=ap-southeast-2 daily",
    ),
    # NOT SUPPORTED (a forecast past the month in progress): the writer's nearest, the November month-end forecast,
    # as FRESH_50, FRESH_70 and FRESH_75; the provision is the writer's context
    (
        "/cost",
        "Kindly share the forecasted spend for December 2026 for all accounts, finance team is asking for the "
        "provision.",
        "forecast 2026-11",
    ),
    # a filtered tag breakdown by team; the production account; the env tag value; the month so far; NOT SUPPORTED
    # (why it is there): the spend and its teams, the writer's nearest
    (
        "/tags",
        "why is there env=staging stuff in the PROD account?? who owns it - split by team pls",
        "team account=production tag:env=staging this month",
    ),
    # the production account; tax and credits left out by charge class, as FRESH_5 and FRESH_26; September to
    # November so far, by month
    (
        "/cost",
        "Production ex tax and credits for Sep, Oct and Nov to date?",
        "2026-09..2026-11 account=production charge-class!=tax,credit monthly",
    ),
    # the present read as the writer read it, the month so far, as FRESH_35 and FRESH_36
    ("/top-resources", "top 5 most expensive things rn", "5 this month"),
    # the average per day over this week's complete days, against last week's, the period compared with anyway; the
    # percentage is part of every comparison
    (
        "/cost",
        "Per day average spend of current week vs previous week please. Also mention the difference in %.",
        "average this week",
    ),
    # the instances are EC2's; the data-lake account; the last whole week, Monday 16 to Sunday 22; the writer's guess
    # is read off the list
    (
        "/top-resources",
        "priciest ec2 in data-lake last week - are the jupyter notebook instances in there?",
        "last week service=ec2 account=data-lake",
    ),
)
