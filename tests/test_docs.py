"""Documentation that is tested: every ```python block in README.md and docs/
runs, in order per file, from the repository root."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from tests.conftest import ROOT

BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("**/*.md")])


def _page_id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("page", PAGES, ids=_page_id)
def test_python_examples_run(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = BLOCK.findall(page.read_text(encoding="utf-8"))
    if not blocks:
        pytest.skip(f"{_page_id(page)} has no python examples")
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for number, code in enumerate(blocks, start=1):
        try:
            exec(compile(code, f"{_page_id(page)} block {number}", "exec"), namespace)
        except Exception as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"{_page_id(page)} python block {number} failed: {exc!r}\n{code}")
    capsys.readouterr()


def test_readme_has_exactly_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^```sh\n(python3 -m venv .*)\n```", readme, re.M)
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install . "
        "&& .venv/bin/syndetect scan examples/seeds",
        'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest',
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in commands:
        assert command in ci


def _commands() -> list[tuple[str, click.Command]]:
    from syndetect.cli import cli

    out: list[tuple[str, click.Command]] = []

    def walk(path: str, command: click.Command) -> None:
        out.append((path, command))
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(f"{path} {name}", sub)

    walk("syndetect", cli)
    return out


@pytest.mark.parametrize(("path", "command"), _commands(), ids=[p for p, _ in _commands()])
def test_every_cli_option_is_documented(path: str, command: click.Command) -> None:
    """docs/cli-reference.md is generated from the commands (mkdocs-click): every
    command needs a docstring and every option a help text for it to say anything."""
    assert command.help and len(command.help.split()) >= 5, path
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help and len(param.help.split()) >= 4, (path, param.opts)


def test_cli_reference_page_generates_from_the_cli() -> None:
    page = (ROOT / "docs" / "cli-reference.md").read_text(encoding="utf-8")
    assert "::: mkdocs-click" in page
    assert ":module: syndetect.cli" in page and ":command: cli" in page
    assert "--threshold" not in page  # no option copied by hand: they come from the CLI
