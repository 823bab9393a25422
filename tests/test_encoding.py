"""Text encodings of plain-text and JSONL inputs: ``read_paths(..., encoding=)``
and the ``--encoding`` option of ``scan``, ``check`` and ``index add``/``query``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from syndetect.cli import cli
from syndetect.errors import DecodeError
from syndetect.readers import read_jsonl, read_paths, read_text_file
from syndetect.readers.jsonl import read_jsonl_stream
from syndetect.readers.text import ascii_compatible

from .conftest import REPRINT, SEEDS, WIRE_SOURCE

# cp1252 has the curly quotes and the euro sign; Latin-1 has neither
TEXT = (
    "Caf\u00e9 cr\u00e8me costs \u20ac4 \u201cor so\u201d, "
    "says the ma\u00eetre d\u2019h\u00f4tel.\n"
)


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def assert_one_error_line(result: Result, *fragments: str) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: ") and "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in line, (fragment, line)
    return line


@pytest.fixture
def cp1252_seeds(tmp_path: Path) -> Path:
    """Seeds 001 (curly quotes) and 003 saved as cp1252, in their own folder."""
    folder = tmp_path / "cp1252"
    folder.mkdir()
    for stem in (REPRINT, WIRE_SOURCE):
        text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
        (folder / f"{stem}.txt").write_bytes(text.encode("cp1252"))
    return folder


def test_text_file_in_cp1252_and_latin1(tmp_path: Path) -> None:
    path = tmp_path / "menu.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    assert read_text_file(path, encoding="cp1252").text == TEXT
    (doc,) = read_paths([path], encoding="cp1252")
    assert doc.text == TEXT
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\u00e9 cr\u00e8me".encode("latin-1"))
    assert read_text_file(latin, encoding="latin-1").text == "caf\u00e9 cr\u00e8me"
    with pytest.raises(DecodeError, match=r"not valid UTF-8 \(byte 0xe9 at offset 3\)"):
        read_text_file(latin)


def test_undecodable_text_names_the_encoding_used(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"price \x81 ten")  # 0x81 is undefined in cp1252
    with pytest.raises(DecodeError) as info:
        list(read_paths([path], encoding="cp1252"))
    assert info.value.path == str(path)
    assert info.value.message == "not valid cp1252 (byte 0x81 at offset 6)"


def test_jsonl_in_cp1252_names_file_line_and_encoding(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [{"id": "a", "text": TEXT, "title": "Men\u00fc \u2013 Sp\u00e4t"}]
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_bytes(body.encode("cp1252") + b'{"id": "b", "text": "\x81"}\n')
    reader = read_jsonl(path, encoding="cp1252")
    doc = next(reader)
    assert (doc.text, doc.title) == (TEXT, "Men\u00fc \u2013 Sp\u00e4t")
    with pytest.raises(DecodeError) as info:
        next(reader)
    assert (info.value.path, info.value.line) == (str(path), 2)
    assert info.value.message == "not valid cp1252"


def test_jsonl_in_utf16_is_split_into_lines_after_decoding(tmp_path: Path) -> None:
    assert ascii_compatible("cp1252") and ascii_compatible("utf-8")
    assert not ascii_compatible("utf-16") and not ascii_compatible("utf-8-sig")
    lines = [json.dumps({"id": n, "text": TEXT}, ensure_ascii=False) for n in ("x", "y")]
    data = "\r\n".join(lines).encode("utf-16")  # with a byte-order mark, NUL bytes
    path = tmp_path / "wide.jsonl"
    path.write_bytes(data)
    docs = list(read_paths([path], encoding="utf-16"))
    assert [(d.id, d.text, d.path) for d in docs] == [
        ("x", TEXT, f"{path}:1"),
        ("y", TEXT, f"{path}:2"),
    ]
    path.write_bytes(data + "\n".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate
    with pytest.raises(DecodeError) as info:
        list(read_jsonl(path, encoding="utf-16"))
    assert (info.value.line, info.value.message) == (3, "not valid utf-16")


def test_utf8_stays_the_default_with_its_byte_order_mark_rules(tmp_path: Path) -> None:
    record = json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False)
    (doc,) = read_jsonl_stream([b"\xef\xbb\xbf" + record.encode("utf-8")], "<stdin>")
    assert doc.text == TEXT
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert read_text_file(path).text == "\ufeff" + TEXT  # kept, as before
    assert read_text_file(path, encoding="utf-8-sig").text == TEXT


@pytest.mark.parametrize("name", ["no-such-codec", "rot13", "base64"])
def test_unknown_or_non_text_encoding_is_refused_before_reading(name: str) -> None:
    with pytest.raises(LookupError):
        next(read_paths(["does-not-exist.txt"], encoding=name))


def test_scan_of_cp1252_files_equals_scan_of_the_utf8_originals(cp1252_seeds: Path) -> None:
    originals = [str(SEEDS / f"{stem}.txt") for stem in (REPRINT, WIRE_SOURCE)]
    expected = run("scan", *originals, "-f", "json", "-q")
    assert expected.exit_code == 0, expected.output
    assert json.loads(expected.stdout)["pairs"]
    result = run("scan", str(cp1252_seeds), "--encoding", "cp1252", "-f", "json", "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout == expected.stdout
    without = run("scan", str(cp1252_seeds), "-q")
    assert_one_error_line(without, f"{cp1252_seeds / REPRINT}.txt: not valid UTF-8 (byte 0x")


def test_scan_reads_jsonl_on_stdin_in_the_given_encoding() -> None:
    line = json.dumps({"id": "menu", "text": TEXT}, ensure_ascii=False) + "\n"
    result = run(
        "scan", "-", "--encoding", "cp1252", "-f", "json", "-q", input=line.encode("cp1252")
    )
    assert result.exit_code == 0, result.output
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["length"] == len(TEXT)
    wrong = run("scan", "-", "-q", input=line.encode("cp1252"))
    assert_one_error_line(wrong, "<stdin>:1: not valid UTF-8")


@pytest.mark.parametrize(
    "command",
    [["scan"], ["check", "--index", "unused.db"], ["index", "add", "unused.db"]],
    ids=["scan", "check", "index add"],
)
def test_unknown_encoding_is_a_one_line_usage_error(command: list[str], tmp_path: Path) -> None:
    result = run(*command, str(SEEDS), "--encoding", "klingon")
    line = assert_one_error_line(result, "'--encoding'", "'klingon'")
    assert line == "Error: Invalid value for '--encoding': unknown text encoding 'klingon'"
    assert not (tmp_path / "unused.db").exists() and not Path("unused.db").exists()


def test_index_add_query_and_check_read_cp1252(cp1252_seeds: Path, tmp_path: Path) -> None:
    db, gate = str(tmp_path / "archive.db"), str(tmp_path / "gate.db")
    wire = str(cp1252_seeds / f"{WIRE_SOURCE}.txt")  # ASCII only: UTF-8 and cp1252 alike
    reprint = str(cp1252_seeds / f"{REPRINT}.txt")  # curly quotes
    assert run("index", "create", db).exit_code == 0
    assert_one_error_line(run("index", "add", db, reprint), "not valid UTF-8")
    added = run("index", "add", db, reprint, "--encoding", "cp1252")
    assert added.exit_code == 0, added.output
    assert "1 added" in added.stdout
    assert_one_error_line(run("index", "query", db, reprint), "not valid UTF-8")
    query = run("index", "query", db, wire, "-f", "json")
    assert query.exit_code == 0, query.output
    (pair,) = json.loads(query.stdout)["pairs"]
    assert (pair["source"], pair["derived"]) == (WIRE_SOURCE, REPRINT)
    original = (SEEDS / f"{REPRINT}.txt").read_text(encoding="utf-8")
    assert all(p["derived_text"] in original for p in pair["passages"])
    assert run("check", wire, "--index", gate).exit_code == 0
    assert_one_error_line(run("check", reprint, "--index", gate), "not valid UTF-8")
    check = run("check", reprint, "--index", gate, "--encoding", "cp1252", "--no-update")
    assert check.exit_code == 1, check.output  # the reprint copies the indexed wire story
    assert REPRINT in check.stdout
