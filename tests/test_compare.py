"""Tests of the side-by-side benchmark (benchmarks/compare.py, benchmarks/baselines.py)
on a tiny generated corpus: the shape of what it measures, not how fast."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import load_generator

ROOT = Path(__file__).resolve().parents[1]
N_DOCS = 30
OBVIOUS = 0.8  # exact Jaccard of the baselines' shingle sets above which a copy is obvious


def _load(name: str) -> ModuleType:
    module_name = f"syndetect_benchmarks_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            module_name, ROOT / "benchmarks" / f"{name}.py"
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[module_name]


compare = _load("compare")
baselines = sys.modules["baselines"]  # as compare.py imports it


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compare.corpus_dir(N_DOCS, 1, None, tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def obvious_copies(corpus: Path) -> set[tuple[str, str]]:
    """True pairs whose shingle sets (as the baselines take them) overlap >= 0.8."""
    texts = {r["id"]: r["text"] for r in baselines.records(corpus / "docs.jsonl")}
    found = set()
    for a, b in compare.truth_pairs(corpus):
        x, y = baselines.shingle_set(texts[a]), baselines.shingle_set(texts[b])
        if len(x & y) / len(x | y) >= OBVIOUS:
            found.add((a, b))
    assert len(found) >= 3, "the seed-1 corpus of 30 articles holds several reprints"
    return found


def test_corpus_is_generated_once_and_reused(corpus: Path) -> None:
    lines = (corpus / "docs.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == N_DOCS
    assert corpus.name == f"docs{N_DOCS}-seed1-v{load_generator().GENERATOR_VERSION}"
    stamp = (corpus / "docs.jsonl").stat().st_mtime_ns
    assert compare.corpus_dir(N_DOCS, 1, None, corpus.parent) == corpus
    assert (corpus / "docs.jsonl").stat().st_mtime_ns == stamp
    assert not [p for p in corpus.parent.iterdir() if "partial" in p.name]


def test_shingles_are_word_4_grams() -> None:
    assert baselines.shingle_set("The cat, the CAT sat on the mat.") == {
        "the cat the cat",
        "cat the cat sat",
        "the cat sat on",
        "cat sat on the",
        "sat on the mat",
    }
    assert baselines.shingle_set("Too short") == {"too short"}


@pytest.mark.parametrize("name", ["datasketch", "datasketch-update", "rensa"])
def test_baselines_find_the_obvious_copies(
    name: str, corpus: Path, obvious_copies: set[tuple[str, str]]
) -> None:
    if name == "rensa":
        pytest.importorskip("rensa")
    outcome = baselines.run_baseline(name, corpus / "docs.jsonl", 0.5)
    ids = {r["id"] for r in baselines.records(corpus / "docs.jsonl")}
    assert outcome.articles == N_DOCS
    assert outcome.pairs is not None
    assert all(a < b and {a, b} <= ids for a, b in outcome.pairs)
    assert obvious_copies <= outcome.pairs
    assert outcome.details["threshold"] == 0.5
    assert outcome.details["bands"] * outcome.details["rows"] <= baselines.NUM_PERM


def test_update_and_update_batch_give_the_same_pairs(corpus: Path) -> None:
    docs = corpus / "docs.jsonl"
    batch = baselines.run_baseline("datasketch", docs, 0.5)
    single = baselines.run_baseline("datasketch-update", docs, 0.5)
    assert batch.pairs == single.pairs


def test_floor_reads_and_tokenises_every_article(corpus: Path) -> None:
    outcome = baselines.run_baseline("floor", corpus / "docs.jsonl", 0.5)
    assert outcome.articles == N_DOCS
    assert outcome.pairs is None
    assert outcome.details["words"] > 300 * N_DOCS  # articles of 400-900 words, and copies


def test_rensa_bands_divide_the_permutations() -> None:
    for threshold in (0.1, 0.3, 0.5, 0.8):
        bands = baselines.rensa_bands(threshold, 256)
        assert 256 % bands == 0
    assert baselines.rensa_bands(0.2, 256) >= baselines.rensa_bands(0.8, 256)


def test_unknown_baseline_is_refused(corpus: Path) -> None:
    with pytest.raises(ValueError, match="no baseline 'minhash'"):
        baselines.run_baseline("minhash", corpus / "docs.jsonl", 0.5)


def test_compare_measures_each_pipeline_in_its_own_process(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "compare.json"
    argv = ["--corpus", str(corpus), "--only", "datasketch,floor,syndetect", "--json", str(out)]
    assert compare.main(argv) == 0
    printed = capsys.readouterr().out
    assert "| pipeline | seconds | CPU s | articles/s |" in printed
    assert "syndetect within 2x" in printed

    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert result["schema"] == "syndetect/compare/1"
    assert result["corpus"]["docs"] == N_DOCS
    assert result["true_pairs"] == len(compare.truth_pairs(corpus))
    assert {"cpu", "cores", "python", "versions"} <= result["machine"].keys()
    assert result["machine"]["versions"]["datasketch"]
    assert "wait4" in result["rss_method"]
    rows = {r["pipeline"]: r for r in result["results"]}
    assert list(rows) == ["datasketch", "floor", "syndetect"]
    for row in rows.values():
        assert row["articles"] == N_DOCS
        assert row["seconds"] > 0 and row["cpu_seconds"] > 0 and row["articles_per_s"] > 0
        assert row["peak_rss_mb"] > 10  # a Python process with its imports
        assert row["processes"] >= 1
    assert rows["syndetect"]["time_vs_syndetect"] == 1.0
    assert rows["floor"]["pairs"] is None and rows["floor"]["recall"] is None
    assert rows["datasketch"]["recall"] > 0
    assert rows["syndetect"]["true_pairs_found"] <= rows["syndetect"]["pairs"]
    assert rows["syndetect"]["recall"] >= 0.8  # it reports pairs (after alignment), not candidates
    assert rows["syndetect"]["details"]["command"][:2] == ["syndetect", "scan"]
    assert [t["baseline"] for t in result["targets"]] == ["datasketch", "floor"]
    for target in result["targets"]:
        speedup = rows[target["baseline"]]["seconds"] / rows["syndetect"]["seconds"]
        assert target["speedup"] == pytest.approx(speedup, abs=1e-3)
        assert target["met"] == (target["speedup"] >= target["required_speedup"])


def test_compare_refuses_bad_arguments(corpus: Path) -> None:
    for argv in (
        [],
        ["--corpus", str(corpus), "--only", "datasketch,minhash"],
        ["--corpus", str(corpus), "--threshold", "0"],
    ):
        with pytest.raises(SystemExit) as exc:
            compare.main(argv)
        assert exc.value.code == 2
