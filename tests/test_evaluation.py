"""The evaluation measures, on hand-computed cases."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

import syndetect
from syndetect.cli import cli
from syndetect.evaluation import Case, adjusted_rand_index, pan_measures

CASE = Case("s", "d", (0, 100), (0, 100))


def test_perfect_detection() -> None:
    m = pan_measures([CASE], [CASE])
    assert m == {"precision": 1.0, "recall": 1.0, "granularity": 1.0, "plagdet": 1.0}


def test_split_detection_has_granularity_two() -> None:
    halves = [Case("s", "d", (0, 50), (0, 50)), Case("s", "d", (50, 100), (50, 100))]
    m = pan_measures([CASE], halves)
    assert (m["precision"], m["recall"], m["granularity"]) == (1.0, 1.0, 2.0)
    assert m["plagdet"] == pytest.approx(1 / math.log2(3))


def test_half_overlapping_detection() -> None:
    m = pan_measures([CASE], [Case("s", "d", (50, 150), (50, 150))])
    assert m["recall"] == pytest.approx(0.5)
    assert m["precision"] == pytest.approx(0.5)
    assert m["granularity"] == 1.0
    assert m["plagdet"] == pytest.approx(0.5)


def test_overlap_on_one_side_only_is_no_detection() -> None:
    m = pan_measures([CASE], [Case("s", "d", (0, 100), (500, 600))])
    assert (m["recall"], m["precision"], m["plagdet"]) == (0.0, 0.0, 0.0)


def test_empty_report() -> None:
    m = pan_measures([CASE], [])
    assert (m["precision"], m["recall"], m["granularity"], m["plagdet"]) == (0.0, 0.0, 1.0, 0.0)
    assert pan_measures([], [])["plagdet"] == 1.0


def test_adjusted_rand_index() -> None:
    truth = {"a": 0, "b": 0, "c": 1, "d": 1}
    assert adjusted_rand_index(truth, truth) == 1.0
    assert adjusted_rand_index(truth, {"a": 5, "b": 5, "c": 7, "d": 7}) == 1.0
    # sklearn.metrics.adjusted_rand_score([0,0,1,1],[0,0,0,1]) == 0.0
    assert adjusted_rand_index(truth, {"a": 0, "b": 0, "c": 0, "d": 1}) == pytest.approx(0.0)


def _report(pairs: list[dict[str, object]]) -> dict[str, object]:
    ids = sorted({str(p[k]) for p in pairs for k in ("source", "derived")} | {"x"})
    return {
        "schema": "syndetect/report/1",
        "documents": [{"id": i} for i in ids],
        "pairs": pairs,
        "clusters": [],
    }


def _pair(
    src: str, der: str, direction: str, spans: tuple[int, int, int, int]
) -> dict[str, object]:
    s0, s1, d0, d1 = spans
    passage = {"source_start": s0, "source_end": s1, "derived_start": d0, "derived_end": d1}
    return {"source": src, "derived": der, "direction": direction, "passages": [passage]}


TRUTH = {
    "schema": "syndetect/truth/1",
    "pairs": [
        {
            "source": "a",
            "derived": "b",
            "passages": [
                {"source_start": 0, "source_end": 100, "derived_start": 10, "derived_end": 110}
            ],
        },
        {"source": "a", "derived": "c"},
    ],
    "negatives": [{"a": "b", "b": "c"}, {"a": "a", "b": "x"}],
}


def test_evaluate_pairs_direction_passages_and_negatives() -> None:
    report = _report(
        [
            # found, but reported the wrong way round: passages are re-oriented
            _pair("b", "a", "source_to_derived", (10, 110, 0, 100)),
            _pair("a", "c", "undetermined", (0, 5, 0, 5)),
            _pair("b", "c", "undetermined", (0, 50, 0, 50)),  # a hard negative
        ]
    )
    e = syndetect.evaluate(TRUTH, report)
    assert (e.pair_precision, e.pair_recall) == (pytest.approx(2 / 3), 1.0)
    assert e.direction_accuracy == 0.0
    assert e.undetermined_rate == 0.5
    assert e.passage_recall == 1.0
    # the b-c detection is on a false pair: half the detections are wrong
    assert e.passage_precision == pytest.approx(0.5)
    assert e.hard_negative_fp_rate == 0.5


def test_scope_limits_scored_pairs() -> None:
    truth = {**TRUTH, "scope": {"sources": ["a"], "derived": ["b", "c"]}}
    report = _report(
        [
            _pair("a", "b", "source_to_derived", (0, 100, 10, 110)),
            _pair("b", "c", "undetermined", (0, 50, 0, 50)),
        ]
    )
    e = syndetect.evaluate(truth, report)
    assert (e.pair_precision, e.pair_recall, e.direction_accuracy) == (1.0, 0.5, 1.0)
    assert e.plagdet == 1.0


def test_eval_command(tmp_path: Path) -> None:
    truth, report = tmp_path / "truth.json", tmp_path / "report.json"
    truth.write_text(json.dumps(TRUTH))
    report.write_text(
        json.dumps(_report([_pair("a", "b", "source_to_derived", (0, 100, 10, 110))]))
    )
    runner = CliRunner()
    text = runner.invoke(cli, ["eval", str(truth), str(report)])
    assert text.exit_code == 0, text.output
    assert "plagdet" in text.output and "1.0000" in text.output
    out = runner.invoke(cli, ["eval", str(truth), str(report), "--format", "json"])
    assert json.loads(out.output)["pair_recall"] == 0.5
    bad = runner.invoke(cli, ["eval", str(report), str(report)])
    assert bad.exit_code == 2
    assert str(report) in bad.stderr and "syndetect/truth/1" in bad.stderr


def test_siblings_have_no_direction() -> None:
    """Two copies of a common source derive from neither: they count as pairs
    but not for direction accuracy, and reporting them undetermined is right."""
    truth = {
        "schema": "syndetect/truth/1",
        "pairs": [
            {"source": "a", "derived": "b"},
            {"source": "b", "derived": "c", "relation": "sibling"},
            {"source": "a", "derived": "d", "relation": "sibling"},
        ],
    }
    report = _report(
        [
            _pair("a", "b", "source_to_derived", (0, 10, 0, 10)),
            _pair("b", "c", "undetermined", (0, 10, 0, 10)),
            _pair("a", "d", "source_to_derived", (0, 10, 0, 10)),
        ]
    )
    e = syndetect.evaluate(truth, report)
    assert (e.pair_precision, e.pair_recall) == (1.0, 1.0)
    assert (e.direction_accuracy, e.undetermined_rate) == (1.0, 0.0)
    assert e.common_source_undetermined == 0.5
    assert syndetect.evaluate(TRUTH, report).common_source_undetermined is None
