"""Check, against a real node started by tests/support/es_node.py, every Elasticsearch API the billing store relies on.

Run from the repository root:  .venv/bin/python tools/es-node/verify_apis.py [--docs N]
Prints one line per check ("ok"/"FAIL"/"absent") and a closing "N passed, N failed" line; exits 1 on a failure.
Checks marked "absent" are modules Elastic does not publish to Maven Central (expected missing, see README).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from elasticsearch import ApiError, Elasticsearch, helpers

from tests.support.es_node import start_es_node

results: list[tuple[str, str, str]] = []


def check(name: str, fn, expect_absent: bool = False) -> None:
    try:
        detail = fn() or ""
        results.append(("ok" if not expect_absent else "PRESENT", name, str(detail)))
    except Exception as e:  # report every failure
        status = "absent" if expect_absent else "FAIL"
        msg = e.message if isinstance(e, ApiError) else repr(e)
        results.append((status, name, f"{type(e).__name__}: {str(msg)[:300]}"))
    print(f"{results[-1][0]:7} {name}  {results[-1][2]}", flush=True)


MAPPINGS = {
    "dynamic": "strict",
    "properties": {
        "account_id": {"type": "keyword"},
        "service": {"type": "keyword"},
        "region": {"type": "keyword", "normalizer": "lower"},
        "usage_date": {"type": "date", "format": "strict_date_optional_time||yyyy-MM-dd"},
        "cost": {"type": "double"},
        "usage_amount": {"type": "double"},
        "line_items": {"type": "long"},
        "is_credit": {"type": "boolean"},
        "tags": {"type": "object", "dynamic": True},
    },
    "dynamic_templates": [
        {"tags_as_keyword": {"path_match": "tags.*", "mapping": {"type": "keyword"}}},
    ],
}
SETTINGS = {
    "number_of_shards": 1,
    "number_of_replicas": 0,
    "refresh_interval": "-1",
    "analysis": {"normalizer": {"lower": {"type": "custom", "filter": ["lowercase"]}}},
}


def make_docs(n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    services = ["AmazonEC2", "AmazonS3", "AmazonRDS", "AWSLambda", "AmazonCloudWatch"]
    accounts = [f"{100000000000 + i}" for i in range(12)]
    start = date(2024, 1, 1)
    docs = []
    for _ in range(n):
        d = start + timedelta(days=rnd.randrange(0, 90))
        tags = {"team": rnd.choice(["core", "data", "web"])}
        if rnd.random() < 0.5:
            tags["env"] = rnd.choice(["prod", "dev"])
        docs.append(
            {
                "account_id": rnd.choice(accounts),
                "service": rnd.choice(services),
                "region": rnd.choice(["US-EAST-1", "eu-west-1", "ap-south-1"]),
                "usage_date": d.isoformat(),
                "cost": round(rnd.uniform(-0.5, 20.0), 6),
                "usage_amount": rnd.uniform(0, 100),
                "line_items": rnd.randrange(1, 5),
                "is_credit": rnd.random() < 0.05,
                "tags": tags,
            }
        )
    return docs


def _rss_mib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return -1


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=20000)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="es-verify-"))
    t0 = time.monotonic()
    node = start_es_node(workdir)
    print(f"node up at {node.url} in {time.monotonic() - t0:.1f}s", flush=True)
    es = Elasticsearch(node.url, request_timeout=120)
    docs = make_docs(args.docs)
    try:
        run_checks(es, docs)
        rss = _rss_mib(node.pid)
        print(f"node RSS after checks: {rss} MiB (heap -Xmx{os.environ.get('ES_NODE_HEAP', '512m')})", flush=True)
    finally:
        es.close()
        node.stop()
    shutil.rmtree(workdir, ignore_errors=True)
    passed = sum(1 for s, _, _ in results if s in ("ok", "absent"))
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def run_checks(es: Elasticsearch, docs: list[dict]) -> None:
    check("info (GET /)", lambda: es.info()["version"]["number"])
    check("ping (HEAD /)", lambda: es.ping() or (_ for _ in ()).throw(AssertionError("ping False")))

    def create():
        es.indices.create(index="billing-v1", settings=SETTINGS, mappings=MAPPINGS)
        m = es.indices.get_mapping(index="billing-v1")["billing-v1"]["mappings"]["properties"]
        return {k: v["type"] for k, v in m.items()}

    check("indices.create keyword/double/date/boolean/long + normalizer + dynamic_templates", create)

    def bulk():
        t = time.monotonic()
        ok, _ = helpers.bulk(
            es,
            ({"_index": "billing-v1", "_source": d} for d in docs),
            chunk_size=5000,
            raise_on_error=True,
            refresh=False,
        )
        dt = time.monotonic() - t
        es.indices.put_settings(index="billing-v1", settings={"index": {"refresh_interval": "1s"}})
        es.indices.refresh(index="billing-v1")
        count = es.count(index="billing-v1")["count"]
        assert count == len(docs), (count, len(docs))
        return f"{ok} docs in {dt:.2f}s ({ok / dt:.0f} docs/s), count={count}"

    check("bulk (refresh off) + put_settings refresh + refresh + count", bulk)

    def raw_bulk_errors():
        r = es.bulk(operations=[{"index": {"_index": "billing-v1"}}, {"cost": "not-a-number"}], refresh=False)
        assert r["errors"] is True
        return r["items"][0]["index"]["error"]["type"]

    check("bulk item error reported (strict mapping)", raw_bulk_errors)

    def tags_mapping():
        props = es.indices.get_mapping(index="billing-v1")["billing-v1"]["mappings"]["properties"]["tags"]["properties"]
        assert all(v["type"] == "keyword" for v in props.values()), props
        return sorted(props)

    check("tags as keyword sub-fields via dynamic template", tags_mapping)

    def alias_swap():
        es.indices.create(index="billing-v2", settings=SETTINGS, mappings=MAPPINGS)
        helpers.bulk(es, ({"_index": "billing-v2", "_source": d} for d in docs[:100]), refresh=True)
        es.indices.update_aliases(actions=[{"add": {"index": "billing-v1", "alias": "billing"}}])
        assert es.count(index="billing")["count"] == len(docs)
        es.indices.update_aliases(
            actions=[
                {"remove": {"index": "billing-v1", "alias": "billing", "must_exist": True}},
                {"add": {"index": "billing-v2", "alias": "billing"}},
            ]
        )
        assert es.count(index="billing")["count"] == 100
        got = es.indices.get_alias(name="billing")
        assert list(got) == ["billing-v2"], got
        # swap back, then drop v2
        es.indices.update_aliases(
            actions=[
                {"remove": {"index": "billing-v2", "alias": "billing"}},
                {"add": {"index": "billing-v1", "alias": "billing"}},
            ]
        )
        es.indices.delete(index="billing-v2")
        assert not es.indices.exists(index="billing-v2")
        return list(es.indices.get_alias(name="billing"))

    check("_aliases atomic swap + get_alias + delete old index", alias_swap)

    def remove_index_action():
        # swap and drop in one call: alias moves to v3, old v2-like index removed atomically
        es.indices.create(index="billing-old", settings=SETTINGS, mappings=MAPPINGS)
        es.indices.create(index="billing-new", settings=SETTINGS, mappings=MAPPINGS)
        es.indices.update_aliases(actions=[{"add": {"index": "billing-old", "alias": "tmp-alias"}}])
        es.indices.update_aliases(
            actions=[
                {"add": {"index": "billing-new", "alias": "tmp-alias"}},
                {"remove_index": {"index": "billing-old"}},
            ]
        )
        assert not es.indices.exists(index="billing-old")
        assert list(es.indices.get_alias(name="tmp-alias")) == ["billing-new"]
        es.indices.delete(index="billing-new")
        return "alias moved and old index dropped in one call"

    check("_aliases add + remove_index in one call", remove_index_action)

    # independent expectations
    by_service = defaultdict(float)
    by_month = defaultdict(float)
    by_day = defaultdict(float)
    accounts = set()
    credit_cost = 0.0
    env_docs = 0
    for d in docs:
        by_service[d["service"]] += d["cost"]
        by_month[d["usage_date"][:7]] += d["cost"]
        by_day[d["usage_date"]] += d["cost"]
        accounts.add(d["account_id"])
        if d["is_credit"]:
            credit_cost += d["cost"]
        if "env" in d["tags"]:
            env_docs += 1

    def terms_by_sum():
        r = es.search(
            index="billing",
            size=0,
            aggs={
                "svc": {
                    "terms": {"field": "service", "size": 10, "order": {"total": "desc"}},
                    "aggs": {"total": {"sum": {"field": "cost"}}},
                }
            },
        )
        buckets = r["aggregations"]["svc"]["buckets"]
        got = [(b["key"], b["total"]["value"]) for b in buckets]
        want = sorted(by_service.items(), key=lambda kv: -kv[1])
        assert [k for k, _ in got] == [k for k, _ in want], (got, want)
        assert all(abs(a[1] - b[1]) < 1e-6 for a, b in zip(got, want, strict=True))
        return f"top={got[0][0]} {got[0][1]:.4f}"

    check("terms ordered by sum sub-agg (sums match Python)", terms_by_sum)

    def composite_paging():
        after = None
        seen = {}
        pages = 0
        while True:
            comp = {
                "size": 37,
                "sources": [
                    {"account": {"terms": {"field": "account_id"}}},
                    {
                        "month": {
                            "date_histogram": {"field": "usage_date", "calendar_interval": "month", "format": "yyyy-MM"}
                        }
                    },
                ],
            }
            if after:
                comp["after"] = after
            r = es.search(
                index="billing", size=0, aggs={"c": {"composite": comp, "aggs": {"total": {"sum": {"field": "cost"}}}}}
            )
            c = r["aggregations"]["c"]
            pages += 1
            for b in c["buckets"]:
                seen[(b["key"]["account"], b["key"]["month"])] = b["total"]["value"]
            if not c["buckets"] or "after_key" not in c:
                break
            after = c["after_key"]
        want = defaultdict(float)
        for d in docs:
            want[(d["account_id"], d["usage_date"][:7])] += d["cost"]
        assert set(seen) == set(want), (len(seen), len(want))
        assert all(abs(seen[k] - want[k]) < 1e-6 for k in want)
        return f"{len(seen)} buckets over {pages} pages"

    check("composite (terms + date_histogram sources, after_key paging)", composite_paging)

    def date_hist(interval):
        def run():
            r = es.search(
                index="billing",
                size=0,
                aggs={
                    "h": {
                        "date_histogram": {
                            "field": "usage_date",
                            "calendar_interval": interval,
                            "format": "yyyy-MM-dd",
                            "min_doc_count": 0,
                            "time_zone": "UTC",
                        },
                        "aggs": {"total": {"sum": {"field": "cost"}}},
                    }
                },
            )
            buckets = r["aggregations"]["h"]["buckets"]
            total = sum(b["total"]["value"] for b in buckets)
            assert abs(total - sum(by_service.values())) < 1e-6
            if interval == "month":
                got = {b["key_as_string"][:7]: b["total"]["value"] for b in buckets}
                assert all(abs(got[k] - v) < 1e-6 for k, v in by_month.items()), got
            if interval == "day":
                got = {b["key_as_string"]: b["total"]["value"] for b in buckets}
                assert all(abs(got[k] - v) < 1e-6 for k, v in by_day.items())
            if interval == "week":
                first = datetime.strptime(buckets[0]["key_as_string"], "%Y-%m-%d")
                assert first.weekday() == 0, first  # ISO weeks start Monday
            return f"{len(buckets)} buckets, first={buckets[0]['key_as_string']}"

        return run

    for iv in ("day", "week", "month"):
        check(f"date_histogram calendar_interval={iv} + sum", date_hist(iv))

    check(
        "fixed_interval date_histogram",
        lambda: len(
            es.search(
                index="billing", size=0, aggs={"h": {"date_histogram": {"field": "usage_date", "fixed_interval": "7d"}}}
            )["aggregations"]["h"]["buckets"]
        ),
    )

    def cardinality():
        r = es.search(index="billing", size=0, aggs={"a": {"cardinality": {"field": "account_id"}}})
        v = r["aggregations"]["a"]["value"]
        assert v == len(accounts), (v, len(accounts))
        return v

    check("cardinality", cardinality)

    def filter_bool():
        r = es.search(
            index="billing",
            size=0,
            track_total_hits=True,
            query={
                "bool": {
                    "filter": [
                        {"term": {"is_credit": True}},
                        {"range": {"usage_date": {"gte": "2024-01-01", "lt": "2024-04-01"}}},
                        {"terms": {"service": list(by_service)}},
                    ],
                    "must_not": [{"term": {"account_id": "nope"}}],
                }
            },
            aggs={"total": {"sum": {"field": "cost"}}},
        )
        v = r["aggregations"]["total"]["value"]
        assert abs(v - credit_cost) < 1e-6, (v, credit_cost)
        return f"hits={r['hits']['total']['value']} sum={v:.4f}"

    check("bool filter (term/range/terms/must_not) + sum", filter_bool)

    def filter_agg():
        r = es.search(
            index="billing",
            size=0,
            aggs={
                "credits": {"filter": {"term": {"is_credit": True}}, "aggs": {"t": {"sum": {"field": "cost"}}}},
                "by": {"filters": {"filters": {"ec2": {"term": {"service": "AmazonEC2"}}}}},
            },
        )
        assert abs(r["aggregations"]["credits"]["t"]["value"] - credit_cost) < 1e-6
        return r["aggregations"]["by"]["buckets"]["ec2"]["doc_count"]

    check("filter / filters aggregations", filter_agg)

    def exists():
        r = es.count(index="billing", query={"exists": {"field": "tags.env"}})
        assert r["count"] == env_docs, (r, env_docs)
        r2 = es.count(index="billing", query={"bool": {"must_not": {"exists": {"field": "tags.env"}}}})
        assert r2["count"] == len(docs) - env_docs
        return r["count"]

    check("exists query (and must_not exists)", exists)

    def normalizer():
        r = es.count(index="billing", query={"term": {"region": "us-east-1"}})
        assert r["count"] > 0
        return r["count"]

    check("keyword normalizer lowercase (term on 'us-east-1')", normalizer)

    def other_metrics():
        r = es.search(
            index="billing",
            size=0,
            aggs={
                "s": {"stats": {"field": "cost"}},
                "mx": {"max": {"field": "usage_date"}},
                "vc": {"value_count": {"field": "line_items"}},
                "sl": {"sum": {"field": "line_items"}},
                "p": {"percentiles": {"field": "cost", "percents": [50, 95]}},
                "top": {"terms": {"field": "tags.team"}, "aggs": {"h": {"top_hits": {"size": 1}}}},
                "missing_env": {"missing": {"field": "tags.env"}},
                "sb": {"sum_bucket": {"buckets_path": "top>_count"}},
            },
        )
        return f"stats.count={r['aggregations']['s']['count']} max_date={r['aggregations']['mx']['value_as_string']}"

    check("stats/max/value_count/percentiles/top_hits/missing/sum_bucket", other_metrics)

    def sort_paging():
        r = es.search(index="billing", size=5, sort=[{"cost": "desc"}, {"usage_date": "asc"}], query={"match_all": {}})
        r2 = es.search(
            index="billing",
            size=5,
            sort=[{"cost": "desc"}, {"usage_date": "asc"}],
            search_after=r["hits"]["hits"][-1]["sort"],
        )
        return f"{len(r2['hits']['hits'])} after"

    check("sort + search_after", sort_paging)

    def pit_and_scroll():
        pit = es.open_point_in_time(index="billing", keep_alive="1m")["id"]
        r = es.search(size=10, pit={"id": pit, "keep_alive": "1m"}, sort=[{"_shard_doc": "asc"}])
        es.close_point_in_time(id=pit)
        s = es.search(index="billing", size=1000, scroll="1m")
        n = len(s["hits"]["hits"])
        s2 = es.scroll(scroll_id=s["_scroll_id"], scroll="1m")
        es.clear_scroll(scroll_id=s2["_scroll_id"])
        return f"pit hits={len(r['hits']['hits'])} scroll={n}+{len(s2['hits']['hits'])}"

    check("point in time + scroll", pit_and_scroll)

    def templates():
        es.cluster.put_component_template(name="billing-settings", template={"settings": SETTINGS})
        es.indices.put_index_template(
            name="billing-tpl",
            index_patterns=["tpl-billing-*"],
            composed_of=["billing-settings"],
            template={"mappings": MAPPINGS},
            priority=100,
        )
        es.index(index="tpl-billing-2024-01", document=docs[0], refresh=True)
        m = es.indices.get_mapping(index="tpl-billing-2024-01")["tpl-billing-2024-01"]["mappings"]
        assert m["properties"]["cost"]["type"] == "double"
        assert m["dynamic"] == "strict"
        s = es.indices.get_settings(index="tpl-billing-2024-01")["tpl-billing-2024-01"]["settings"]["index"]
        assert s["number_of_shards"] == "1"
        es.indices.delete(index="tpl-billing-2024-01")
        es.indices.delete_index_template(name="billing-tpl")
        es.cluster.delete_component_template(name="billing-settings")
        return "composable + component templates applied"

    check("index templates (composable + component)", templates)

    def legacy_template():
        es.indices.put_template(name="legacy", index_patterns=["legacy-*"], mappings=MAPPINGS, settings=SETTINGS)
        es.indices.delete_template(name="legacy")

    check("legacy _template", legacy_template)

    def cat_indices():
        rows = es.cat.indices(index="billing*", format="json", bytes="b")
        return [(r["index"], r["docs.count"], r["health"]) for r in rows]

    check("_cat/indices (format=json)", cat_indices)

    def cat_aliases():
        return es.cat.aliases(format="json")

    check("_cat/aliases", cat_aliases)

    def doc_crud():
        es.index(index="billing-v1", id="x1", document=docs[0], refresh="wait_for")
        g = es.get(index="billing-v1", id="x1")
        m = es.mget(index="billing-v1", ids=["x1", "nope"])
        es.delete(index="billing-v1", id="x1", refresh=True)
        return f"get found={g['found']} mget={[d['found'] for d in m['docs']]}"

    check("index/get/mget/delete doc", doc_crud)

    check(
        "stats/forcemerge/flush",
        lambda: (
            es.indices.flush(index="billing-v1"),
            es.indices.forcemerge(index="billing-v1", max_num_segments=1),
            es.indices.stats(index="billing-v1")["_all"]["primaries"]["docs"],
        )[2],
    )

    def wildcard_delete_refused():
        try:
            es.indices.delete(index="billing-*")
        except ApiError as e:
            assert e.meta.status == 400, e
            return "refused: " + str(e.message)[:80]
        raise AssertionError("wildcard delete was allowed")

    check(
        "wildcard index delete refused (action.destructive_requires_name=true, as in production)",
        wildcard_delete_refused,
    )

    # Expected absent: modules not on Maven Central.
    check(
        "delete_by_query (reindex module)",
        lambda: es.delete_by_query(index="billing-v1", query={"term": {"service": "none"}}),
        expect_absent=True,
    )
    check(
        "painless script (lang-painless module)",
        lambda: es.search(
            index="billing", size=0, aggs={"x": {"sum": {"script": {"source": "doc['cost'].value * 2"}}}}
        ),
        expect_absent=True,
    )
    check(
        "bucket_sort pipeline (aggregations module)",
        lambda: es.search(
            index="billing",
            size=0,
            aggs={
                "t": {
                    "terms": {"field": "service"},
                    "aggs": {"s": {"sum": {"field": "cost"}}, "bs": {"bucket_sort": {"size": 2}}},
                }
            },
        ),
        expect_absent=True,
    )
    check(
        "data stream (data-streams module)", lambda: es.indices.create_data_stream(name="logs-x-y"), expect_absent=True
    )

    def delete_index():
        es.indices.delete(index="billing-v1")
        assert not es.indices.exists(index="billing-v1")
        assert not es.indices.exists_alias(name="billing")
        return "deleted (alias went with it)"

    check("delete index", delete_index)


if __name__ == "__main__":
    sys.exit(main())
