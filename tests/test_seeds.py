"""Acceptance on the seed articles (examples/seeds/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import syndetect
from tests.conftest import REPRINT, ROOT, SAME_TOPIC, WIRE_SOURCE
from tests.helpers import REUTERS_PASSAGES, covering_passage, word_span

SCHEMA = json.loads((ROOT / "syndetect" / "schemas" / "report-1.schema.json").read_text())


def test_exactly_one_pair_between_001_and_003(seed_report: syndetect.Report) -> None:
    assert [{p.source, p.derived} for p in seed_report.pairs] == [{REPRINT, WIRE_SOURCE}]


def test_no_pair_involves_same_topic_articles(seed_report: syndetect.Report) -> None:
    for pair in seed_report.pairs:
        assert not {pair.source, pair.derived} & set(SAME_TOPIC)
    for cluster in seed_report.clusters:
        assert not set(cluster.members) & set(SAME_TOPIC)


def test_direction_is_never_001_to_003(seed_report: syndetect.Report) -> None:
    (pair,) = seed_report.pairs
    if pair.direction == "source_to_derived":
        assert (pair.source, pair.derived) == (WIRE_SOURCE, REPRINT)
    # We do determine it on the seeds: the evidence is clear.
    assert pair.direction == "source_to_derived"
    assert any("Newsmax" in e for e in pair.evidence)
    assert any("Reuters" in e for e in pair.evidence)
    assert seed_report.clusters == (
        syndetect.Cluster(WIRE_SOURCE, tuple(sorted((REPRINT, WIRE_SOURCE)))),
    )


@pytest.mark.parametrize("snippet", REUTERS_PASSAGES, ids=lambda s: s[:30])
def test_each_reuters_passage_is_covered_in_both_documents(
    seed_report: syndetect.Report, seed_documents: list[syndetect.Document], snippet: str
) -> None:
    texts = {d.id: d.text for d in seed_documents}
    (pair,) = seed_report.pairs
    src = word_span(texts[pair.source], snippet)
    der = word_span(texts[pair.derived], snippet)
    assert covering_passage(pair, src, der) is not None, snippet


def test_passages_point_into_the_original_texts(
    seed_report: syndetect.Report, seed_documents: list[syndetect.Document]
) -> None:
    texts = {d.id: d.text for d in seed_documents}
    (pair,) = seed_report.pairs
    assert len(pair.passages) == len(REUTERS_PASSAGES)
    for p in pair.passages:
        assert texts[pair.source][p.source_start : p.source_end] == p.source_text
        assert texts[pair.derived][p.derived_start : p.derived_end] == p.derived_text
        # equal + delete steps of the diff rebuild the source side exactly
        assert "".join(t for op, t in p.diff if op != "insert") == p.source_text
        assert p.kind in ("verbatim", "near")
        assert (p.kind == "verbatim") == (p.similarity == 1.0)


def test_paraphrased_sentences_are_not_passages(seed_report: syndetect.Report) -> None:
    (pair,) = seed_report.pairs
    derived = " ".join(p.derived_text for p in pair.passages)
    assert "Macron seemed to give hope" not in derived
    assert "denied any plans to launch an attack" not in derived
    assert "expressed their disappointment" not in derived


def test_report_json_matches_schema_and_contract(seed_report: syndetect.Report) -> None:
    data = json.loads(seed_report.to_json())
    jsonschema.validate(data, SCHEMA)
    assert data["schema"] == "syndetect/report/1"
    (pair,) = data["pairs"]
    assert pair["source"] == WIRE_SOURCE and pair["derived"] == REPRINT
    assert pair["containment"]["derived"] > pair["containment"]["source"]
    starts = [p["source_start"] for p in pair["passages"]]
    assert starts == sorted(starts)
    doc = {d["id"]: d for d in data["documents"]}
    assert doc[WIRE_SOURCE]["date"] == "2022-02-22"
    assert doc[WIRE_SOURCE]["url"].startswith("https://www.bworldonline.com/")
    assert doc[WIRE_SOURCE]["length"] == 6213


def test_text_report_reads_like_prose(seed_report: syndetect.Report) -> None:
    text = seed_report.to_text()
    assert f"{REPRINT}  copies from  {WIRE_SOURCE}" in text
    assert "evidence:" in text
    assert text.count("passage ") >= 5
    assert "Separately, Moscow said Ukrainian" in text


def test_seeds_are_bundled_unchanged() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds not present; nothing to compare against")
    for path in shared.glob("*.txt"):
        assert (ROOT / "examples" / "seeds" / path.name).read_bytes() == Path(path).read_bytes()
