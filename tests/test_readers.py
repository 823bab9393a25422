"""Unit tests of the readers: ``read_paths``, ``read_text_file``, ``read_jsonl``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from syndetect.errors import (
    DecodeError,
    DuplicateIdError,
    EmptyInputError,
    InputError,
    MalformedRecordError,
    MissingPathError,
    SyndetectError,
    UnsupportedFormatError,
)
from syndetect.model import Document
from syndetect.readers import read_jsonl, read_paths, read_text_file
from syndetect.readers.jsonl import read_jsonl_stream

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
SEED_IDS = {
    "000_3af67e71ffc612f1",
    "001_a26ea54cb45c7aeb",
    "002_a857d38673279e34",
    "003_962932a17c688422",
    "004_1d5107a036d70cc2",
}

ERROR_CLASSES = [
    MissingPathError,
    MalformedRecordError,
    DuplicateIdError,
    DecodeError,
    EmptyInputError,
    UnsupportedFormatError,
]


def write_jsonl(path: Path, *records: object) -> Path:
    """Write one JSON value per line (strings are written verbatim)."""
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def by_id(docs: list[Document]) -> dict[str, Document]:
    return {d.id: d for d in docs}


# --------------------------------------------------------------------------- ids


def test_seed_directory_ids_are_stems() -> None:
    docs = list(read_paths([SEEDS]))
    assert {d.id for d in docs} == SEED_IDS  # README.md is not read
    for doc in docs:
        assert doc.text == (SEEDS / f"{doc.id}.txt").read_bytes().decode("utf-8")


def test_directory_ids_are_relative_paths_without_extension(tmp_path: Path) -> None:
    (tmp_path / "top.txt").write_text("top article text", encoding="utf-8")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "mid.txt").write_text("mid article text", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "leaf.txt").write_text("leaf article", encoding="utf-8")
    (tmp_path / "sub" / "UPPER.TXT").write_text("upper-case suffix", encoding="utf-8")

    docs = by_id(list(read_paths([tmp_path])))

    assert set(docs) == {"top", "sub/mid", "sub/deeper/leaf", "sub/UPPER"}
    assert docs["sub/deeper/leaf"].text == "leaf article"
    assert docs["sub/mid"].text == "mid article text"
    assert docs["sub/UPPER"].text == "upper-case suffix"


def test_directory_with_dotted_name_keeps_only_last_suffix_off(tmp_path: Path) -> None:
    (tmp_path / "2022.02.22 story.txt").write_text("dotted name", encoding="utf-8")
    assert [d.id for d in read_paths([tmp_path])] == ["2022.02.22 story"]


def test_single_file_id_is_the_stem(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    path = nested / "story-1.txt"
    path.write_text("some article", encoding="utf-8")

    (doc,) = read_paths([path])
    assert doc.id == "story-1"
    assert doc.path == str(path)
    assert read_text_file(path).id == "story-1"
    assert read_text_file(path, id="custom/id").id == "custom/id"


def test_jsonl_in_directory_uses_record_ids(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    write_jsonl(tmp_path / "feeds" / "wire.jsonl", {"id": "w1", "text": "wire one"})
    (tmp_path / "local.txt").write_text("local article", encoding="utf-8")

    docs = by_id(list(read_paths([tmp_path])))
    assert set(docs) == {"w1", "local"}
    assert docs["w1"].text == "wire one"


def test_hidden_files_and_directories_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "visible.txt").write_text("visible", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden file", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "inside.txt").write_text("inside hidden dir", encoding="utf-8")
    (tmp_path / "sub" / ".cache").mkdir(parents=True)
    (tmp_path / "sub" / ".cache" / "deep.jsonl").write_text("not even json\n", encoding="utf-8")
    (tmp_path / "sub" / "kept.txt").write_text("kept", encoding="utf-8")

    assert {d.id for d in read_paths([tmp_path])} == {"visible", "sub/kept"}


def test_unsupported_files_in_directory_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("article", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / "Makefile").write_text("all:", encoding="utf-8")

    assert [d.id for d in read_paths([tmp_path])] == ["a"]


def test_read_paths_accepts_str_and_path_and_keeps_path_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("bee", encoding="utf-8")
    (tmp_path / "a.txt").write_text("ay", encoding="utf-8")
    docs = list(read_paths([str(tmp_path / "b.txt"), tmp_path / "a.txt"]))
    assert [d.id for d in docs] == ["b", "a"]


# ------------------------------------------------------------------------- text


def test_text_is_decoded_exactly(tmp_path: Path) -> None:
    raw = (
        "Headline  with  spaces\r\n"
        "\r\n"
        "MOSCOW (Reuters) \u2013 Putin\u2019s \u201cquote\u201d \u00e9t\u00e9 \U0001f600\r\n"
        "old mac line\rtab\there   \n"
        "no final newline"
    ).encode()
    path = tmp_path / "exact.txt"
    path.write_bytes(raw)

    doc = read_text_file(path)
    assert doc.text == path.read_bytes().decode("utf-8")
    assert "\r\n" in doc.text and "\rtab" in doc.text
    # offsets are str indices into the decoded text, not byte offsets
    start = doc.text.index("\U0001f600")
    assert doc.text[start : start + 1] == "\U0001f600"
    assert len(doc.text) < len(raw)

    (via_dir,) = read_paths([tmp_path])
    assert via_dir.text == doc.text


def test_text_document_has_no_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title line\nhttps://example.com/x\n2022-02-22\nbody", encoding="utf-8")
    doc = read_text_file(path)
    assert (doc.title, doc.date, doc.url, doc.outlet) == (None, None, None, None)


# ------------------------------------------------------------------------ jsonl


def test_jsonl_required_and_optional_fields(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        {
            "id": "full",
            "text": "Full record text.\r\nSecond line.",
            "title": "A title",
            "date": "2022-02-22T10:00:00Z",
            "url": "https://example.com/full",
            "outlet": "Newsmax",
            "extra": {"ignored": True},
        },
        {"id": "bare", "text": "Bare record.", "title": None},
    )

    full, bare = read_jsonl(path)

    assert full == Document(
        id="full",
        text="Full record text.\r\nSecond line.",
        title="A title",
        date="2022-02-22T10:00:00Z",
        url="https://example.com/full",
        outlet="Newsmax",
    )
    assert full.path == f"{path}:1"
    assert bare == Document(id="bare", text="Bare record.")
    assert bare.path == f"{path}:2"


def test_jsonl_integer_ids_become_strings(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "ints.jsonl", {"id": 7, "text": "seven"}, {"id": 0, "text": "z"})
    docs = list(read_jsonl(path))
    assert [d.id for d in docs] == ["7", "0"]
    assert all(isinstance(d.id, str) for d in docs)


def test_jsonl_integer_and_string_id_collide(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "mix.jsonl", {"id": 7, "text": "a"}, {"id": "7", "text": "b"})
    with pytest.raises(DuplicateIdError) as info:
        list(read_paths([path]))
    assert info.value.path == f"{path}:2"


def test_jsonl_blank_lines_are_skipped_and_lines_counted(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_bytes(
        b'\n{"id": "a", "text": "first"}\r\n   \n\t\n{"id": "b", "text": "second"}\n\n'
    )
    docs = list(read_jsonl(path))
    assert [(d.id, d.text, d.path) for d in docs] == [
        ("a", "first", f"{path}:2"),
        ("b", "second", f"{path}:5"),
    ]


def test_jsonl_without_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "nofinal.jsonl"
    path.write_bytes(b'{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}')
    assert [d.id for d in read_jsonl(path)] == ["a", "b"]


def test_jsonl_text_keeps_unicode_and_newlines(tmp_path: Path) -> None:
    text = "Line one\r\nPutin\u2019s \u201cwords\u201d \U0001f600\n\nend"
    path = write_jsonl(tmp_path / "u.jsonl", {"id": "u", "text": text})
    (doc,) = read_jsonl(path)
    assert doc.text == text


def test_jsonl_stream_reads_bytes_lines() -> None:
    lines = [b'{"id": "s1", "text": "one"}\n', b"\n", b'{"id": 2, "text": "two"}\n']
    docs = list(read_jsonl_stream(lines, "<stdin>"))
    assert [(d.id, d.path) for d in docs] == [("s1", "<stdin>:1"), ("2", "<stdin>:3")]


@pytest.mark.parametrize(
    "date", ["2022-02-22", "2022-02-22T10:00:00", "2022-02-22T10:00:00Z", "2022-02-22T10:00+02:00"]
)
def test_jsonl_valid_dates_are_kept_verbatim(tmp_path: Path, date: str) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", {"id": "a", "text": "x", "date": date})
    (doc,) = read_jsonl(path)
    assert doc.date == date


@pytest.mark.parametrize("date", ["yesterday", "2022-02-30", "22/02/2022", "Feb 22, 2022", ""])
def test_jsonl_invalid_date_is_malformed(tmp_path: Path, date: str) -> None:
    path = write_jsonl(
        tmp_path / "d.jsonl", {"id": "ok", "text": "x"}, {"id": "a", "text": "x", "date": date}
    )
    with pytest.raises(MalformedRecordError) as info:
        list(read_jsonl(path))
    assert info.value.path == str(path)
    assert info.value.line == 2
    assert "date" in info.value.message


@pytest.mark.parametrize("date", ["2022-02-22garbage", "2022-02-22/2022-03-01"])
def test_jsonl_date_with_trailing_garbage_is_malformed(tmp_path: Path, date: str) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", {"id": "a", "text": "x", "date": date})
    with pytest.raises(MalformedRecordError):
        list(read_jsonl(path))


# ----------------------------------------------------------------------- errors


@pytest.mark.parametrize("cls", ERROR_CLASSES)
def test_error_classes_derive_from_syndetect_error(cls: type[Exception]) -> None:
    assert issubclass(cls, InputError)
    assert issubclass(cls, SyndetectError)
    err = cls("some/file.jsonl", "what went wrong", line=4)
    assert isinstance(err, SyndetectError)
    assert (err.path, err.line, err.message) == ("some/file.jsonl", 4, "what went wrong")
    assert str(err) == "some/file.jsonl:4: what went wrong"
    assert str(cls("f.txt", "bad")) == "f.txt: bad"


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "gone.txt"
    with pytest.raises(MissingPathError) as info:
        list(read_paths([missing]))
    assert info.value.path == str(missing)
    assert info.value.line is None
    assert str(missing) in str(info.value)

    with pytest.raises(MissingPathError) as info:
        read_text_file(missing)
    assert info.value.path == str(missing)

    missing_jsonl = tmp_path / "gone.jsonl"
    with pytest.raises(MissingPathError) as info:
        list(read_jsonl(missing_jsonl))
    assert info.value.path == str(missing_jsonl)


def test_missing_path_after_valid_one_still_fails(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    with pytest.raises(MissingPathError) as info:
        list(read_paths([SEEDS, missing]))
    assert info.value.path == str(missing)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ('{"id": "x", "text": "unterminated', "invalid JSON"),
        ('["id", "text"]', "expected a JSON object"),
        ('"just a string"', "expected a JSON object"),
        ("null", "expected a JSON object"),
        ('{"text": "no id"}', '"id"'),
        ('{"id": "", "text": "empty id"}', '"id"'),
        ('{"id": null, "text": "null id"}', '"id"'),
        ('{"id": true, "text": "bool id"}', '"id"'),
        ('{"id": 1.5, "text": "float id"}', '"id"'),
        ('{"id": ["a"], "text": "list id"}', '"id"'),
        ('{"id": "no-text"}', '"text"'),
        ('{"id": "x", "text": null}', '"text"'),
        ('{"id": "x", "text": 42}', '"text"'),
        ('{"id": "x", "text": "t", "title": 1}', '"title"'),
        ('{"id": "x", "text": "t", "url": ["u"]}', '"url"'),
        ('{"id": "x", "text": "t", "outlet": {}}', '"outlet"'),
        ('{"id": "x", "text": "t", "date": 20220222}', '"date"'),
    ],
)
def test_malformed_record_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        {"id": "one", "text": "first record"},
        "",
        line,
        {"id": "four", "text": "never reached"},
    )
    with pytest.raises(MalformedRecordError) as info:
        list(read_paths([path]))
    err = info.value
    assert err.path == str(path)
    assert err.line == 3
    assert str(err).startswith(f"{path}:3: ")
    assert message in err.message


def test_malformed_record_after_valid_records_yields_them_first(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "f.jsonl", {"id": "a", "text": "x"}, "{oops")
    reader = read_jsonl(path)
    assert next(reader).id == "a"
    with pytest.raises(MalformedRecordError) as info:
        next(reader)
    assert info.value.line == 2


def test_duplicate_ids_in_one_jsonl(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "dup.jsonl",
        {"id": "a", "text": "x"},
        {"id": "b", "text": "y"},
        {"id": "a", "text": "z"},
    )
    with pytest.raises(DuplicateIdError) as info:
        list(read_paths([path]))
    err = info.value
    assert err.path == f"{path}:3"
    assert "'a'" in err.message
    assert f"{path}:1" in err.message  # where it was first seen


def test_duplicate_id_between_text_file_and_jsonl(tmp_path: Path) -> None:
    text = tmp_path / "story.txt"
    text.write_text("a story", encoding="utf-8")
    feed = write_jsonl(tmp_path / "feed.jsonl", {"id": "story", "text": "another"})
    with pytest.raises(DuplicateIdError) as info:
        list(read_paths([text, feed]))
    assert info.value.path == f"{feed}:1"
    assert str(text) in info.value.message


def test_duplicate_stems_from_two_single_files(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    first, second = tmp_path / "x" / "same.txt", tmp_path / "y" / "same.txt"
    first.write_text("one", encoding="utf-8")
    second.write_text("two", encoding="utf-8")
    with pytest.raises(DuplicateIdError) as info:
        list(read_paths([first, second]))
    assert info.value.path == str(second)
    # as a directory the relative paths differ, so there is no clash
    assert {d.id for d in read_paths([tmp_path])} == {"x/same", "y/same"}


def test_binary_text_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(DecodeError) as info:
        read_text_file(path)
    assert info.value.path == str(path)
    assert "binary" in info.value.message
    with pytest.raises(DecodeError):
        list(read_paths([tmp_path]))


def test_latin1_text_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("caf\u00e9 cr\u00e8me".encode("latin-1"))
    with pytest.raises(DecodeError) as info:
        list(read_paths([path]))
    assert info.value.path == str(path)
    assert "UTF-8" in info.value.message
    assert "0xe9" in info.value.message


def test_binary_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(b'{"id": "a", "text": "x"}\n\x00\x01\x02')
    with pytest.raises(DecodeError) as info:
        list(read_jsonl(path))
    assert info.value.path == str(path)


def test_undecodable_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n')
    with pytest.raises(DecodeError) as info:
        list(read_jsonl(path))
    assert info.value.path == str(path)
    assert info.value.line == 2


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_text_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyInputError) as info:
        list(read_paths([path]))
    assert info.value.path == str(path)


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_jsonl_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(content)
    with pytest.raises(EmptyInputError) as info:
        list(read_jsonl(path))
    assert info.value.path == str(path)


def test_jsonl_record_with_blank_text(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "f.jsonl", {"id": "a", "text": "x"}, {"id": "b", "text": " \n "})
    with pytest.raises(EmptyInputError) as info:
        list(read_jsonl(path))
    assert info.value.path == str(path)
    assert info.value.line == 2
    assert "'b'" in info.value.message


def test_empty_directory(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(EmptyInputError) as info:
        list(read_paths([empty]))
    assert info.value.path == str(empty)


def test_directory_with_only_unsupported_or_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    with pytest.raises(EmptyInputError) as info:
        list(read_paths([tmp_path]))
    assert info.value.path == str(tmp_path)


@pytest.mark.parametrize(("name", "shown"), [("notes.md", "'.md'"), ("README", "(no extension)")])
def test_unsupported_extension_given_explicitly(tmp_path: Path, name: str, shown: str) -> None:
    path = tmp_path / name
    path.write_text("some text", encoding="utf-8")
    with pytest.raises(UnsupportedFormatError) as info:
        list(read_paths([path]))
    assert info.value.path == str(path)
    assert shown in info.value.message
