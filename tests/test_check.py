"""``syndetect check``: the CI gate on a second batch of articles."""

from __future__ import annotations

import itertools
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

import syndetect
from syndetect.check import (
    DEFAULT_POLICY,
    CheckResult,
    Policy,
    baseline_text,
    check,
    evaluate,
    read_baseline,
)
from syndetect.check_formats import render_check
from syndetect.cli import cli
from syndetect.errors import BaselineError
from syndetect.store import create_index
from tests.backends import Backend
from tests.conftest import REPRINT, SEEDS, WIRE_SOURCE

SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text()
)

UNRELATED = """City council approves a bigger budget for parks

The city council voted on Tuesday to approve a budget that doubles spending on public parks and playgrounds over the next three years.
Council members said the plan would also pay for repairs to the old library building on Main Street.
Residents who spoke at the meeting mostly welcomed the decision, although several asked for more money for road maintenance.
The mayor is expected to sign the budget next week, her office said in a statement.
"""  # noqa: E501


@pytest.fixture
def batches(tmp_path: Path) -> tuple[Path, Path]:
    """First batch: seeds 000, 002, 003, 004. Second: 001 (copies 003) and an
    unrelated new article."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, second if p.stem == REPRINT else first)
    (second / "council.txt").write_text(UNRELATED, encoding="utf-8")
    return first, second


@pytest.fixture
def index(backend: Backend, batches: tuple[Path, Path]) -> str:
    """An index (of each backend) of the first batch, built with the CLI."""
    path = backend.location("archive")
    result = CliRunner().invoke(cli, ["index", "add", path, str(batches[0])])
    assert result.exit_code == 2  # not created yet
    result = CliRunner().invoke(cli, ["index", "create", path])
    result = CliRunner().invoke(cli, ["index", "add", path, str(batches[0])])
    assert result.exit_code == 0, result.output
    return path


def validate_sarif(log: dict[str, object]) -> None:
    validator = jsonschema.Draft4Validator(
        SARIF_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    validator.validate(log)


def test_the_schema_rejects_what_it_should() -> None:
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": []}]}
    validate_sarif(log)
    bad = {"message": {"text": "m"}, "level": "fatal"}
    with pytest.raises(jsonschema.ValidationError):
        validate_sarif({**log, "runs": [{**log["runs"][0], "results": [bad]}]})  # type: ignore[dict-item]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", *args])


EXPECTED = [(REPRINT, WIRE_SOURCE, "uncredited")]


def test_copy_fails_the_check_in_every_format(index: str, batches: tuple[Path, Path]) -> None:
    second = str(batches[1])
    outputs = {}
    for fmt in ("text", "json", "sarif", "junit"):
        result = run(second, "--index", index, "--no-update", "--format", fmt)
        assert result.exit_code == 1, result.output
        outputs[fmt] = result.stdout

    text = outputs["text"]
    assert text.startswith(
        "syndetect check: 2 new documents, 1 pair sharing text, 1 finding violating the policy\n"
    )
    assert f"FAIL [uncredited] {REPRINT} copies" in text and WIRE_SOURCE in text
    assert "council" not in text and text.rstrip().endswith("FAILED")

    data = json.loads(outputs["json"])
    assert [(f["derived"], f["source"], f["rule"]) for f in data["findings"]] == EXPECTED
    assert data["schema"] == "syndetect/report/1"
    assert {d["id"] for d in data["documents"]} == {REPRINT, WIRE_SOURCE, "council"}
    assert [(p["source"], p["derived"]) for p in data["pairs"]] == [(WIRE_SOURCE, REPRINT)]

    sarif = json.loads(outputs["sarif"])
    validate_sarif(sarif)
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "uncredited" and WIRE_SOURCE in result["message"]["text"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith(f"second/{REPRINT}.txt")
    assert location["region"]["startLine"] > 1  # the first copied passage
    assert "suppressions" not in result

    root = ET.fromstring(outputs["junit"])
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert set(cases) == {REPRINT, "council"}
    (failure,) = cases[REPRINT].findall("failure")
    assert failure.get("type") == "uncredited" and WIRE_SOURCE in (failure.get("message") or "")
    assert cases["council"].findall("failure") == []
    assert root.get("tests") == "2" and root.get("failures") == "1"


def test_baselined_finding_passes(tmp_path: Path, index: str, batches: tuple[Path, Path]) -> None:
    second = str(batches[1])
    baseline = tmp_path / "accepted.json"
    result = run(second, "--index", index, "--no-update", "--write-baseline", str(baseline))
    assert result.exit_code == 1  # writing a baseline does not change the verdict
    assert read_baseline(baseline) == frozenset(EXPECTED)
    for fmt in ("text", "json", "sarif", "junit"):
        result = run(second, "--index", index, "--baseline", str(baseline), "-f", fmt)
        assert result.exit_code == 0, result.output
    assert (
        "accepted [uncredited]" in run(second, "--index", index, "--baseline", str(baseline)).output
    )
    sarif = json.loads(
        run(second, "--index", index, "--baseline", str(baseline), "-f", "sarif").stdout
    )
    validate_sarif(sarif)
    (result_,) = sarif["runs"][0]["results"]
    assert result_["suppressions"][0]["kind"] == "external"
    assert result_["baselineState"] == "unchanged"
    junit = ET.fromstring(
        run(second, "--index", index, "--baseline", str(baseline), "-f", "junit").stdout
    )
    assert junit.get("failures") == "0" and not list(junit.iter("failure"))
    # the JSON output of check works as a baseline too
    out = tmp_path / "out.json"
    run(second, "--index", index, "--no-update", "-f", "json", "-o", str(out))
    assert read_baseline(out) == frozenset(EXPECTED)


def test_check_adds_the_new_items_unless_no_update(
    backend: Backend, index: str, batches: tuple[Path, Path]
) -> None:
    before = backend.snapshot(index)
    run(str(batches[1]), "--index", index, "--no-update")
    assert backend.snapshot(index) == before
    with syndetect.store.open_index(index) as store:
        assert REPRINT not in store.ids()
    assert run(str(batches[1]), "--index", index).exit_code == 1
    with syndetect.store.open_index(index) as store:
        assert {REPRINT, "council"} <= set(store.ids())
    # a re-run checks the same items against the same archive: same verdict
    again = run(str(batches[1]), "--index", index, "-f", "json")
    assert again.exit_code == 1
    findings = json.loads(again.stdout)["findings"]
    assert [(f["derived"], f["source"], f["rule"]) for f in findings] == EXPECTED


def test_check_creates_a_missing_index(backend: Backend, batches: tuple[Path, Path]) -> None:
    index = backend.location("new")
    assert run(str(batches[0]), "--index", index).exit_code == 0
    assert run(str(batches[1]), "--index", index).exit_code == 1


def test_output_is_deterministic(index: str, batches: tuple[Path, Path]) -> None:
    for fmt in ("text", "json", "sarif", "junit"):
        a = run(str(batches[1]), "--index", index, "--no-update", "-f", fmt).stdout
        b = run(str(batches[1]), "--index", index, "--no-update", "-f", fmt).stdout
        assert a == b


def test_bad_baseline_is_an_input_error(
    tmp_path: Path, backend: Backend, index: str, batches: tuple[Path, Path]
) -> None:
    before = backend.snapshot(index)
    for content in ("{not json", '{"findings": [{"derived": 1}]}', "[]"):
        bad = tmp_path / "bad.json"
        bad.write_text(content)
        result = run(str(batches[1]), "--index", index, "--baseline", str(bad))
        assert result.exit_code == 2
        assert str(bad) in result.stderr and len(result.stderr.strip().splitlines()) == 1
    result = run(str(batches[1]), "--index", index, "--baseline", str(tmp_path / "missing.json"))
    assert result.exit_code == 2 and "missing.json" in result.stderr
    assert backend.snapshot(index) == before  # nothing added on error


def test_bad_input_leaves_the_index_alone(
    tmp_path: Path, backend: Backend, index: str, batches: tuple[Path, Path]
) -> None:
    before = backend.snapshot(index)
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "fine"}\n{"id": "b"\n')
    result = run(str(feed), "--index", index)
    assert result.exit_code == 2 and f"{feed}:2" in result.stderr
    assert backend.snapshot(index) == before


# -- the policy, on documents made for it ------------------------------------------

WIRE = (
    "Officials said the river bridge would reopen on Monday after a week of repairs. "
    "Engineers found cracks in two of the supports during a routine inspection last month. "
    "The city transport office said buses would return to their normal routes at the weekend. "
    "Traffic on the ring road was expected to ease once the bridge reopened to cars and lorries."
)


_SERIAL = itertools.count()


def _check(
    tmp_path: Path,
    indexed: list[syndetect.Document],
    new: list[syndetect.Document],
    policy: Policy = DEFAULT_POLICY,
) -> list[tuple[str, str, str]]:
    with create_index(tmp_path / f"p{next(_SERIAL)}.db") as store:
        store.add(indexed)
        result = check(store, new, policy=policy, update=False)
    return [f.key for f in result.findings]


def test_exact_duplicate(tmp_path: Path) -> None:
    source = syndetect.Document("src", WIRE, date="2024-01-01")
    copy = syndetect.Document("dup", WIRE, date="2024-01-02")
    assert _check(tmp_path, [source], [copy]) == [("dup", "src", "duplicate")]


def test_credited_reprint_is_no_finding(tmp_path: Path) -> None:
    more = " ".join(f"Extra line {n} of the report goes on here." for n in range(20))
    source = syndetect.Document("src", f"{WIRE} {more}", date="2024-01-01", outlet="Harbour Herald")
    own = " ".join(f"Our own sentence number {n} adds local colour to the story." for n in range(8))
    credited = syndetect.Document("copy", f"{WIRE} {own} (via Harbour Herald)", date="2024-01-02")
    uncredited = syndetect.Document("copy", f"{WIRE} {own}", date="2024-01-02")
    assert _check(tmp_path, [source], [credited]) == []
    assert _check(tmp_path, [source], [uncredited]) == [("copy", "src", "uncredited")]
    only_containment = Policy(rules=frozenset({"containment"}), containment_threshold=0.3)
    assert _check(tmp_path, [source], [credited], only_containment) == [
        ("copy", "src", "containment")
    ]


def test_findings_among_new_documents(tmp_path: Path) -> None:
    a = syndetect.Document("a", WIRE, date="2024-01-01")
    b = syndetect.Document("b", WIRE, date="2024-01-02")
    assert _check(tmp_path, [], [a, b]) == [("b", "a", "duplicate")]


def test_policy_validation_and_baseline_round_trip(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="rule"):
        Policy(rules=frozenset({"nope"}))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="containment_threshold"):
        Policy(containment_threshold=0)
    report = syndetect.scan(
        [syndetect.Document("a", WIRE, date="2024-01-01"), syndetect.Document("b", WIRE)]
    )
    findings = evaluate(report, ["b"])
    path = tmp_path / "b.json"
    path.write_text(baseline_text(findings))
    assert read_baseline(path) == {("b", "a", "duplicate")}
    assert all(f.baselined for f in evaluate(report, ["b"], baseline=read_baseline(path)))
    with pytest.raises(BaselineError):
        path.write_text('{"findings": [{"derived": "b", "source": "a", "rule": "odd"}]}')
        read_baseline(path)
    with pytest.raises(ValueError, match="unknown check format"):
        render_check(CheckResult(report, (), findings), "xml")


def test_check_creates_a_missing_index_and_its_folder(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from syndetect.cli import cli

    index = tmp_path / "cache" / "nested" / "index.db"
    seeds = Path(__file__).resolve().parents[1] / "examples" / "seeds"
    result = CliRunner().invoke(
        cli, ["check", str(seeds / "000_3af67e71ffc612f1.txt"), "--index", str(index)]
    )
    assert result.exit_code == 0, result.output
    assert index.is_file()
    assert result.output.startswith(
        "syndetect check: 1 new document, 0 pairs sharing text, 0 findings violating the policy\n"
    )


# -- where SARIF and JUnit put an article that is one of several in a file ---------------


def test_sarif_points_at_the_jsonl_line(
    tmp_path: Path, index: str, batches: tuple[Path, Path]
) -> None:
    feed = tmp_path / "second.jsonl"
    lines = [
        {"id": "council", "text": UNRELATED},
        {"id": REPRINT, "text": (batches[1] / f"{REPRINT}.txt").read_text(encoding="utf-8")},
    ]
    feed.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    sarif = json.loads(run(str(feed), "--index", index, "--no-update", "-f", "sarif").stdout)
    validate_sarif(sarif)
    (result,) = sarif["runs"][0]["results"]
    (location,) = result["locations"]
    assert location["physicalLocation"]["artifactLocation"]["uri"].endswith("/second.jsonl")
    assert location["physicalLocation"]["region"] == {"startLine": 2}
    assert location["logicalLocations"][0]["fullyQualifiedName"] == f"{feed}:2"
    junit = ET.fromstring(run(str(feed), "--index", index, "--no-update", "-f", "junit").stdout)
    case = next(c for c in junit.iter("testcase") if c.get("name") == REPRINT)
    assert case.get("file") == str(feed) and case.get("line") == "2"


def test_sarif_points_at_the_warc_record(tmp_path: Path) -> None:
    from tests.test_readers_web import LEDGER, build_warc

    warc = build_warc(tmp_path / "crawl.warc.gz")
    bridge = next(d for d in syndetect.read_paths([warc]) if d.id.endswith("/route-12-bridge"))
    assert bridge.path == f"{warc}#2"  # the second record (the first is the warcinfo)
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps({"id": "wire", "text": bridge.text, "date": "2024-03-01"}) + "\n")
    index = str(tmp_path / "i.db")
    assert run(str(wire), "--index", index).exit_code == 0
    result = run(str(warc), "--index", index, "--no-update", "-f", "sarif")
    assert result.exit_code == 1, result.output
    sarif = json.loads(result.stdout)
    validate_sarif(sarif)
    (finding,) = sarif["runs"][0]["results"]
    (location,) = finding["locations"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == warc.as_uri()
    assert location["logicalLocations"][0] == {
        "name": f"{LEDGER}/news/route-12-bridge",
        "kind": "document",
        "fullyQualifiedName": f"{warc}#2",
    }
    assert finding["properties"]["uri"] == f"{LEDGER}/news/route-12-bridge"
    assert finding["properties"]["record"] == 2
