"""The colour text report (syndetect.formats.terminal) and when the CLI uses it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import syndetect
from syndetect.cli import cli
from syndetect.cli_common import use_color
from syndetect.formats import terminal
from syndetect.report import STYLE_TAGS, render_text, styled_lines
from tests.conftest import ROOT, SEEDS
from tests.index_corpus import corpus

ANSI = re.compile(r"\x1b\[[0-9;]*m")

WIRE = (
    "Officials said the bridge would reopen on Monday after a week of repairs. Engineers "
    "found cracks in two of the supporting columns during a routine inspection last month. "
    "The city council will vote on a new maintenance budget in April."
)
EDITED = WIRE.replace("the bridge", "the old bridge").replace("Monday", "Tuesday")
EDITED_JSONL = (
    f'{{"id": "wire", "text": "{WIRE}", "date": "2024-03-01"}}\n'
    f'{{"id": "blog", "text": "{EDITED}", "date": "2024-03-02"}}\n'
)


def strip(text: str) -> str:
    return ANSI.sub("", text)


def sgr(text: str, run: str) -> set[str]:
    """The SGR parameters of the escape code right before ``run`` (which must
    follow one), e.g. {"9", "31"} for red struck-through text."""
    match = re.search(r"\x1b\[([0-9;]*)m" + re.escape(run) + r"\x1b\[0m", text)
    assert match, (run, text)
    return set(match.group(1).split(";"))


def invoke(
    *args: str, env: dict[str, str | None] | None = None, input: str | None = None
) -> Result:
    result = CliRunner().invoke(cli, list(args), env=env, input=input)
    assert result.exit_code == 0, (result.output, result.exception)
    return result


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


# ------------------------------------------------------------------ renderer


def test_every_style_tag_has_a_style() -> None:
    assert set(terminal.STYLES) == set(STYLE_TAGS)
    used = {tag for line in styled_lines(syndetect.scan(corpus(seed=3))) for _, tag in line}
    assert used - {""} <= set(STYLE_TAGS)


def test_colour_report_without_its_escape_codes_is_the_plain_report(
    seed_report: syndetect.Report,
) -> None:
    coloured = terminal.render(seed_report)
    assert "\x1b[" in coloured
    assert strip(coloured) == render_text(seed_report) == seed_report.to_text()


def test_near_passages_are_styled_word_by_word() -> None:
    documents = [
        syndetect.Document("wire", WIRE, date="2024-03-01"),
        syndetect.Document("blog", EDITED, date="2024-03-02"),
    ]
    report = syndetect.scan(documents)
    (pair,) = report.pairs
    assert [p.kind for p in pair.passages] == ["near"]
    coloured = terminal.render(report)
    assert strip(coloured) == report.to_text()
    assert {"9", "31"} <= sgr(coloured, "Monday")  # deleted: red, struck through
    assert sgr(coloured, "Tuesday") == {"32"}  # inserted: green
    assert sgr(coloured, "old") == {"32"}
    assert sgr(coloured, "[-") == {"2"}  # the markers are dim
    assert {"1", "35"} <= sgr(coloured, "blog")  # derived id
    assert {"1", "36"} <= sgr(coloured, "wire")  # source id
    assert "1" in sgr(coloured, "copies from")
    assert sgr(coloured, "wire is dated 2024-03-01, before blog (2024-03-02)") == {"3"}
    assert sgr(coloured, "near") == {"33"}


def test_undetermined_pairs_say_so_in_colour() -> None:
    documents = [syndetect.Document("a", WIRE), syndetect.Document("b", "Briefly: " + WIRE)]
    report = syndetect.scan(documents)
    assert report.pairs[0].direction == "undetermined"
    coloured = terminal.render(report)
    assert sgr(coloured, "(direction undetermined)") == {"33"}
    assert strip(coloured) == report.to_text()


def test_empty_report_in_colour() -> None:
    report = syndetect.scan([])
    assert strip(terminal.render(report)) == report.to_text()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_stripped_colour_equals_plain_on_generated_copies(seed: int) -> None:
    report = syndetect.scan(corpus(seed=seed, stories=8), near_threshold=0.5)
    assert any(p.kind == "near" for pair in report.pairs for p in pair.passages)
    assert strip(terminal.render(report)) == report.to_text()


WORDS = st.sampled_from(
    "the minister said talks would resume on monday after a week of strikes Russia’s "
    "troops border-crossing U.S. officials [-bracketed-] {+braced+} | pipes "
    "antidisestablishmentarianism-and-then-some-more-hyphenated-words-to-break-lines "
    "supercalifragilisticexpialidocious".split()
)
SENTENCE = st.lists(WORDS, min_size=3, max_size=24).map(lambda ws: " ".join(ws) + ".")


@st.composite
def edited_corpora(draw: st.DrawFn) -> list[syndetect.Document]:
    base = draw(st.lists(SENTENCE, min_size=2, max_size=8))
    docs = [syndetect.Document("d0", " ".join(base))]
    for i in range(1, draw(st.integers(2, 4))):
        sentences = [
            " ".join(w for w in s.split() if draw(st.integers(0, 9)) > 0) or s for s in base
        ]
        sep = draw(st.sampled_from([" ", "\n", "\n\n", "\t"]))
        docs.append(syndetect.Document(f"d{i}", sep.join(sentences)))
    return docs


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs=edited_corpora())
def test_stripped_colour_equals_plain(docs: list[syndetect.Document]) -> None:
    report = syndetect.scan(docs, near_threshold=0.5, min_pair_words=4, min_passage_words=4)
    assert strip(terminal.render(report)) == report.to_text()


# ------------------------------------------------------------------ the CLI


def test_scan_in_colour_when_forced() -> None:
    result = invoke("scan", "-", env={"FORCE_COLOR": "1"}, input=EDITED_JSONL)
    plain = invoke("scan", "-", input=EDITED_JSONL).stdout
    assert "\x1b[" in result.stdout
    assert {"9", "31"} <= sgr(result.stdout, "Monday")
    assert sgr(result.stdout, "Tuesday") == {"32"}
    assert strip(result.stdout) == plain


def test_not_a_terminal_gives_the_plain_report(seed_report: syndetect.Report) -> None:
    # CliRunner's standard output is not a terminal
    assert invoke("scan", str(SEEDS)).stdout == seed_report.to_text()


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--no-color"], {"FORCE_COLOR": "1"}),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}),
        ([], {"FORCE_COLOR": ""}),
        (["--format", "text", "--no-color"], {}),
    ],
)
def test_plain_report_when_colour_is_off(
    args: list[str], env: dict[str, str], seed_report: syndetect.Report
) -> None:
    assert invoke("scan", str(SEEDS), *args, env=env).stdout == seed_report.to_text()


def test_output_file_is_never_coloured(tmp_path: Path, seed_report: syndetect.Report) -> None:
    out = tmp_path / "report.txt"
    invoke("scan", str(SEEDS), "-o", str(out), env={"FORCE_COLOR": "1"})
    assert out.read_text(encoding="utf-8") == seed_report.to_text()


@pytest.mark.parametrize("fmt", ["json", "markdown", "csv"])
def test_other_formats_are_never_coloured(fmt: str, seed_report: syndetect.Report) -> None:
    result = invoke("scan", str(SEEDS), "-f", fmt, env={"FORCE_COLOR": "1"})
    assert result.stdout_bytes == syndetect.formats.render(seed_report, fmt).encode("utf-8")


def test_index_query_in_colour_and_without(tmp_path: Path) -> None:
    index = str(tmp_path / "archive.db")
    archive = [str(p) for p in sorted(SEEDS.glob("*.txt")) if not p.name.startswith("001")]
    new = next(str(p) for p in SEEDS.glob("001_*.txt"))
    invoke("index", "create", index)
    invoke("index", "add", index, *archive)
    coloured = invoke("index", "query", index, new, env={"FORCE_COLOR": "1"}).stdout
    plain = invoke("index", "query", index, new, "--no-color", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in coloured and "\x1b[" not in plain
    assert strip(coloured) == plain == invoke("index", "query", index, new).stdout


@pytest.mark.parametrize(
    ("output", "no_color", "env", "tty", "expected"),
    [
        ("-", False, {}, True, True),
        ("-", False, {}, False, False),
        ("-", True, {}, True, False),
        ("out.txt", False, {}, True, False),
        ("out.txt", False, {"FORCE_COLOR": "1"}, True, False),
        ("-", False, {"NO_COLOR": "1"}, True, False),
        ("-", False, {"NO_COLOR": ""}, True, True),
        ("-", False, {"FORCE_COLOR": "1"}, False, True),
        ("-", False, {"FORCE_COLOR": "0"}, False, True),  # any non-empty value
        ("-", False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
        ("-", True, {"FORCE_COLOR": "1"}, True, False),
        ("-", False, {"TERM": "dumb"}, True, False),
        ("-", False, {"TERM": "dumb", "FORCE_COLOR": "1"}, False, True),
    ],
)
def test_use_color(
    output: str,
    no_color: bool,
    env: dict[str, str],
    tty: bool,
    expected: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TERM", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    class Stdout:
        def isatty(self) -> bool:
            return tty

    monkeypatch.setattr(sys, "stdout", Stdout())
    assert use_color(output, no_color) is expected


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(
    ("extra", "env", "coloured"),
    [([], {}, True), (["--no-color"], {}, False), ([], {"NO_COLOR": "1"}, False)],
)
def test_real_terminal(extra: list[str], env: dict[str, str], coloured: bool) -> None:
    import pty

    controller, terminal_fd = pty.openpty()
    environ = {**os.environ, "TERM": "xterm", **env}
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "syndetect", "scan", str(SEEDS), *extra],
            stdout=terminal_fd,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=environ,
        )
        os.close(terminal_fd)
        chunks = []
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=120) == 0
    finally:
        os.close(controller)
    output = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    assert ("\x1b[" in output) is coloured
    assert strip(output) == syndetect.scan(syndetect.read_paths([SEEDS])).to_text()
