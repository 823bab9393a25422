"""Tests of the ``syndetect`` command line (``syndetect.cli.cli``) through click's CliRunner."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import syndetect
from syndetect.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = "examples/seeds"  # relative to ROOT, the working directory of every test
WIRE_SOURCE = "003_962932a17c688422"
REPRINT = "001_a26ea54cb45c7aeb"
SEED_IDS = [
    "000_3af67e71ffc612f1",
    REPRINT,
    "002_a857d38673279e34",
    WIRE_SOURCE,
    "004_1d5107a036d70cc2",
]
SCHEMA_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ].*)?$")  # report-1.schema.json


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def scan(*args: str, input: str | bytes | None = None) -> Result:
    return run("scan", *args, input=input)


def assert_input_error(result: Result, *fragments: str) -> str:
    """Exit 2, nothing on stdout, one ``Error: ...`` line on stderr holding ``fragments``."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    # sys.exit(2), not an escaped exception that CliRunner caught
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    (line,) = lines
    assert line.startswith("Error: "), line
    for fragment in fragments:
        assert fragment in line, (fragment, line)
    return line


def assert_usage_error(result: Result, *fragments: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert "Usage: " in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


def seed_text(doc_id: str) -> str:
    return (ROOT / SEEDS / f"{doc_id}.txt").read_bytes().decode("utf-8")


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def check_seed_report(report: dict[str, object]) -> None:
    assert report["schema"] == "syndetect/report/1"
    documents = report["documents"]
    assert isinstance(documents, list)
    assert sorted(d["id"] for d in documents) == SEED_IDS
    pairs = report["pairs"]
    assert isinstance(pairs, list)
    assert len(pairs) == 1, [(p["source"], p["derived"]) for p in pairs]
    (pair,) = pairs
    assert {pair["source"], pair["derived"]} == {REPRINT, WIRE_SOURCE}
    # the seed README: undetermined is allowed, 001 -> 003 never is
    assert pair["direction"] in ("source_to_derived", "undetermined")
    if pair["direction"] == "source_to_derived":
        assert (pair["source"], pair["derived"]) == (WIRE_SOURCE, REPRINT)
    assert pair["passages"], "a reported pair has at least one passage"


# ---------------------------------------------------------------- success paths


def test_scan_seeds_text() -> None:
    result = scan(SEEDS)
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert result.stderr == ""
    assert REPRINT in result.stdout
    assert WIRE_SOURCE in result.stdout
    # the default format is the human-readable one, not JSON
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)


@pytest.mark.parametrize("flag", ["--format", "-f"])
def test_scan_seeds_json(flag: str) -> None:
    result = scan(SEEDS, flag, "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    check_seed_report(json.loads(result.stdout))


def test_scan_is_deterministic() -> None:
    first, second = scan(SEEDS, "-f", "json"), scan(SEEDS, "-f", "json")
    assert first.exit_code == second.exit_code == 0
    assert first.stdout_bytes == second.stdout_bytes


def test_scan_single_files() -> None:
    result = scan(f"{SEEDS}/{REPRINT}.txt", f"{SEEDS}/{WIRE_SOURCE}.txt", "-f", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert sorted(d["id"] for d in report["documents"]) == [REPRINT, WIRE_SOURCE]
    assert [{p["source"], p["derived"]} for p in report["pairs"]] == [{REPRINT, WIRE_SOURCE}]


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("flag", ["-o", "--output"])
def test_output_file_has_same_bytes_as_stdout(tmp_path: Path, fmt: str, flag: str) -> None:
    out = tmp_path / f"report.{fmt}"
    to_stdout = scan(SEEDS, "-f", fmt)
    to_file = scan(SEEDS, "-f", fmt, flag, str(out))
    assert to_stdout.exit_code == to_file.exit_code == 0, to_file.output
    assert to_file.stdout == ""
    assert to_file.stderr == ""
    assert to_stdout.stdout_bytes  # non-empty
    assert out.read_bytes() == to_stdout.stdout_bytes


def test_output_file_is_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("stale content that is longer than nothing" * 1000, encoding="utf-8")
    result = scan(SEEDS, "-f", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    check_seed_report(json.loads(out.read_text(encoding="utf-8")))


def test_output_dash_means_stdout() -> None:
    result = scan(SEEDS, "-f", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    check_seed_report(json.loads(result.stdout))


def test_stdin_jsonl_same_report_as_directory() -> None:
    feed = jsonl(*({"id": doc_id, "text": seed_text(doc_id)} for doc_id in SEED_IDS))
    from_stdin = scan("-", "-f", "json", input=feed)
    from_dir = scan(SEEDS, "-f", "json")
    assert from_stdin.exit_code == 0, from_stdin.output
    assert from_stdin.stderr == ""
    check_seed_report(json.loads(from_stdin.stdout))
    assert from_stdin.stdout == from_dir.stdout


def test_stdin_jsonl_metadata_reaches_report() -> None:
    feed = jsonl(
        {
            "id": "src",
            "text": seed_text(WIRE_SOURCE),
            "title": "Wire story",
            "date": "2022-02-21",
            "url": "https://example.com/wire",
            "outlet": "Wire",
        },
        {"id": 42, "text": seed_text(REPRINT), "title": "Reprint"},
    )
    result = scan("-", "--format", "json", input=feed.encode("utf-8"))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    docs = {d["id"]: d for d in report["documents"]}
    assert set(docs) == {"src", "42"}
    assert docs["src"]["title"] == "Wire story"
    assert docs["src"]["date"] == "2022-02-21"
    assert docs["src"]["url"] == "https://example.com/wire"
    assert docs["src"]["length"] == len(seed_text(WIRE_SOURCE))
    assert docs["42"]["title"] == "Reprint"
    assert [{p["source"], p["derived"]} for p in report["pairs"]] == [{"src", "42"}]


def test_stdin_combined_with_directory() -> None:
    feed = jsonl({"id": "extra", "text": "An unrelated note about the weather in Lisbon."})
    result = scan(SEEDS, "-", "-f", "json", input=feed)
    assert result.exit_code == 0, result.output
    ids = sorted(d["id"] for d in json.loads(result.stdout)["documents"])
    assert ids == sorted([*SEED_IDS, "extra"])


def test_jsonl_file_and_text_files_mixed(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl({"id": "copy", "text": seed_text(REPRINT)}), encoding="utf-8")
    result = scan(f"{SEEDS}/{WIRE_SOURCE}.txt", str(feed), "-f", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [{p["source"], p["derived"]} for p in report["pairs"]] == [{"copy", WIRE_SOURCE}]


# --------------------------------------------------------------- input errors


def test_missing_path() -> None:
    assert_input_error(scan("no/such/dir"), "no/such/dir")


def test_missing_path_after_a_valid_one() -> None:
    line = assert_input_error(scan(SEEDS, "missing.txt"), "missing.txt")
    assert "no such file" in line


def test_missing_path_does_not_create_output(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert_input_error(scan("missing.jsonl", "-o", str(out)), "missing.jsonl")
    assert not out.exists()


def test_malformed_jsonl_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "a", "text": "one"}\n{"id": "b", "text": "two"}\n{"id": "c", "text": \n',
        encoding="utf-8",
    )
    line = assert_input_error(scan(str(feed)), f"{feed}:3:")
    assert f"{feed}:1" not in line and f"{feed}:2" not in line


def test_malformed_line_after_many_articles_stops_a_parallel_scan(tmp_path: Path) -> None:
    """The input is read as workers prepare it: an error far into it still
    exits 2 with its line, and no report is written."""
    feed = tmp_path / "feed.jsonl"
    good = [json.dumps({"id": f"d{n}", "text": f"Article {n} says little."}) for n in range(400)]
    feed.write_text("\n".join([*good, '{"id": "bad", "text": ']) + "\n", encoding="utf-8")
    out = tmp_path / "report.json"
    assert_input_error(scan(str(feed), "-j", "2", "-o", str(out)), f"{feed}:401:")
    assert not out.exists()


def test_malformed_jsonl_line_number_counts_blank_lines(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('\n{"id": "a", "text": "one"}\n\n\nnot json\n', encoding="utf-8")
    assert_input_error(scan(str(feed)), f"{feed}:5:")


def test_malformed_jsonl_on_stdin() -> None:
    feed = '{"id": "a", "text": "one"}\n[1, 2]\n'
    assert_input_error(scan("-", input=feed), "<stdin>:2:")


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"text": "no id here"}, '"id"'),
        ({"id": "", "text": "empty id"}, '"id"'),
        ({"id": "no-text"}, '"text"'),
        ({"id": "x", "text": ["not", "a", "string"]}, '"text"'),
    ],
)
def test_jsonl_record_missing_id_or_text(
    tmp_path: Path, record: dict[str, object], field: str
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl({"id": "ok", "text": "fine"}, record), encoding="utf-8")
    assert_input_error(scan(str(feed)), f"{feed}:2:", field)


def test_jsonl_record_with_empty_text(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl({"id": "blank", "text": "   "}), encoding="utf-8")
    assert_input_error(scan(str(feed)), f"{feed}:1:", "'blank'")


@pytest.mark.parametrize("date", ["yesterday", "2022-13-01", "22/02/2022"])
def test_invalid_date(tmp_path: Path, date: str) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        jsonl({"id": "a", "text": "x"}, {"id": "b", "text": "y", "date": date}), encoding="utf-8"
    )
    assert_input_error(scan(str(feed)), f"{feed}:2:", '"date"', date)


def test_duplicate_ids_in_jsonl(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        jsonl({"id": "same", "text": "first"}, {"id": "same", "text": "second"}), encoding="utf-8"
    )
    assert_input_error(scan(str(feed)), f"{feed}:2:", "duplicate id", "'same'", f"{feed}:1")


def test_duplicate_id_between_txt_and_jsonl(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl({"id": REPRINT, "text": "clash"}), encoding="utf-8")
    txt = f"{SEEDS}/{REPRINT}.txt"
    assert_input_error(scan(txt, str(feed)), f"{feed}:1:", "duplicate id", repr(REPRINT), txt)


def test_duplicate_id_between_directory_and_stdin() -> None:
    feed = jsonl({"id": WIRE_SOURCE, "text": "clash"})
    assert_input_error(scan(SEEDS, "-", input=feed), "<stdin>:1:", repr(WIRE_SOURCE))


def test_binary_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    assert_input_error(scan(str(path)), str(path), "binary")


def test_binary_txt_file_inside_directory(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("a good article", encoding="utf-8")
    bad = tmp_path / "sub" / "bad.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"text\x00with a NUL")
    assert_input_error(scan(str(tmp_path)), str(bad))


def test_latin1_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e".encode("latin-1"))
    assert_input_error(scan(str(path)), str(path), "UTF-8")


@pytest.mark.parametrize("content", [b"", b" \n\r\n\t "])
def test_empty_txt_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert_input_error(scan(str(path)), str(path), "empty")


def test_empty_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n\n")
    assert_input_error(scan(str(path)), str(path), "no records")


def test_empty_directory(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_input_error(scan(str(empty)), str(empty))


def test_directory_with_only_unsupported_files(tmp_path: Path) -> None:
    (tmp_path / "article.md").write_text("# An article", encoding="utf-8")
    (tmp_path / "page.pdf").write_bytes(b"%PDF-1.4 not an article")
    (tmp_path / ".hidden.txt").write_text("hidden article", encoding="utf-8")
    assert_input_error(scan(str(tmp_path)), str(tmp_path), "directory holds no")


@pytest.mark.parametrize(("name", "shown"), [("article.md", "'.md'"), ("ARTICLE", "no extension")])
def test_unsupported_extension_given_explicitly(tmp_path: Path, name: str, shown: str) -> None:
    path = tmp_path / name
    path.write_text("An article in an unsupported file.", encoding="utf-8")
    assert_input_error(scan(str(path)), str(path), "unsupported", shown)


def test_unsupported_seed_readme_given_explicitly() -> None:
    assert_input_error(scan(f"{SEEDS}/README.md"), f"{SEEDS}/README.md", "'.md'")


@pytest.mark.parametrize("stdin", ["", "\n  \n\n"])
def test_empty_stdin(stdin: str) -> None:
    line = assert_input_error(scan("-", input=stdin))
    assert re.match(r"Error: (-|<stdin>): ", line), line


def test_empty_stdin_next_to_another_path() -> None:
    line = assert_input_error(scan(SEEDS, "-", input=""))
    assert "-" in line or "<stdin>" in line


def test_unwritable_output_path(tmp_path: Path) -> None:
    out = tmp_path / "missing-dir" / "report.json"
    line = assert_input_error(scan(SEEDS, "-o", str(out)), str(out), "cannot write")
    assert "No such file or directory" in line
    assert not out.parent.exists()


def test_output_path_under_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("I am a file", encoding="utf-8")
    out = blocker / "report.json"
    assert_input_error(scan(SEEDS, "-o", str(out)), str(out), "cannot write")
    assert blocker.read_text(encoding="utf-8") == "I am a file"


def test_output_path_is_a_directory(tmp_path: Path) -> None:
    assert_input_error(scan(SEEDS, "-o", str(tmp_path)), str(tmp_path), "cannot write")


# ------------------------------------------------ inputs that must not crash


def test_deeply_nested_jsonl_is_an_input_error(tmp_path: Path) -> None:
    feed = tmp_path / "deep.jsonl"
    nested = "[" * 100_000 + "]" * 100_000
    feed.write_text(f'{{"id": "a", "text": "x", "extra": {nested}}}\n', encoding="utf-8")
    assert_input_error(scan(str(feed)), f"{feed}:1:")


def test_huge_integer_id_is_an_input_error(tmp_path: Path) -> None:
    feed = tmp_path / "big.jsonl"
    feed.write_text('{"id": ' + "9" * 5000 + ', "text": "x"}\n', encoding="utf-8")
    assert_input_error(scan(str(feed)), f"{feed}:1:")


def test_lone_surrogate_in_jsonl_does_not_crash(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a\\ud800", "text": "hello world"}\n', encoding="utf-8")
    out = tmp_path / "report.json"
    result = scan(str(feed), "-f", "json", "-o", str(out))
    if result.exit_code == 2:
        assert_input_error(result, f"{feed}:1:")
    else:
        assert result.exit_code == 0, (result.exit_code, result.exception)
        json.loads(out.read_bytes().decode("utf-8"))


def test_date_with_trailing_garbage_is_rejected_or_normalised(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        jsonl({"id": "a", "text": "hello world", "date": "2022-02-22garbage"}), encoding="utf-8"
    )
    result = scan(str(feed), "-f", "json")
    if result.exit_code == 2:
        assert_input_error(result, f"{feed}:1:", '"date"')
    else:
        assert result.exit_code == 0, result.output
        (doc,) = json.loads(result.stdout)["documents"]
        assert doc["date"] is None or SCHEMA_DATE.match(doc["date"])


# ------------------------------------------------------------ usage and help


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_group_help(flag: str) -> None:
    result = run(flag)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "Usage:" in result.stdout
    assert "Commands:" in result.stdout
    assert re.search(r"^\s+scan\s", result.stdout, re.M), result.stdout


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_scan_help_mentions_formats(flag: str) -> None:
    result = scan(flag)
    assert result.exit_code == 0
    assert result.stderr == ""
    out = result.stdout
    assert "Usage: " in out and "PATH..." in out
    for word in (".txt", ".jsonl", "--output", "standard input"):
        assert word in out, word
    choices = re.search(r"--format \[([^\]]+)\]", out)
    assert choices, out
    assert {"text", "json"} <= set(choices.group(1).split("|"))


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"syndetect, version {syndetect.__version__}"


def test_no_command_shows_usage() -> None:
    result = run()
    # click prints the group help and exits 2 when no subcommand is given
    assert result.exit_code == 2
    assert "Usage:" in result.output
    assert "scan" in result.output


def test_unknown_command() -> None:
    assert_usage_error(run("scna", SEEDS), "No such command")


def test_scan_without_path() -> None:
    assert_usage_error(scan(), "Missing argument", "PATH")


@pytest.mark.parametrize("value", ["xml", "JSON ", "ndjsonx", ""])
def test_invalid_format(value: str) -> None:
    assert_usage_error(scan(SEEDS, "--format", value), "--format", "'text'", "'json'")


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--near-threshold", "2"),
        ("--near-threshold", "0"),
        ("--near-threshold", "abc"),
        ("--threshold", "0"),
        ("--threshold", "1.5"),
        ("--threshold", "-0.1"),
        ("--shingle-size", "0"),
        ("--shingle-size", "21"),
        ("--num-perm", "1"),
        ("--num-perm", "5000"),
        ("--min-passage-words", "0"),
        ("--seed", "1.5"),
    ],
)
def test_out_of_range_option(option: str, value: str) -> None:
    assert_usage_error(scan(SEEDS, option, value), option)


def test_unknown_option() -> None:
    assert_usage_error(scan(SEEDS, "--no-such-option"), "--no-such-option")


def test_in_range_options_are_accepted() -> None:
    result = scan(
        SEEDS,
        "-f",
        "json",
        "--threshold",
        "0.3",
        "--near-threshold",
        "1",
        "--shingle-size",
        "3",
        "--num-perm",
        "64",
        "--min-passage-words",
        "5",
        "--seed",
        "7",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["schema"] == "syndetect/report/1"


def test_min_passage_words_filters_passages() -> None:
    result = scan(SEEDS, "-f", "json", "--min-passage-words", "10000")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["pairs"] == []


# ------------------------------------------------------------------ subprocess


def test_python_m_syndetect_scan_seeds() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "syndetect", "scan", SEEDS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert REPRINT in proc.stdout
    assert WIRE_SOURCE in proc.stdout


def test_python_m_syndetect_missing_path_has_no_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "syndetect", "scan", str(missing)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [f"Error: {missing}: no such file or directory"]
