"""Parallel stages (--jobs) and the progress bar: same results, any job count."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

import syndetect
from syndetect.cli import cli
from syndetect.formats.terminal import progress_bar
from syndetect.parallel import available_cores, run_stage, run_stream


def _square_plus(shared: int, item: int) -> int:
    return item * item + shared


def test_run_stage_keeps_order_on_several_processes() -> None:
    calls: list[tuple[str, int, int]] = []
    items = list(range(1000))
    got = run_stage(
        "square",
        _square_plus,
        items,
        7,
        jobs=2,
        chunk_size=10,
        progress=lambda *a: calls.append(a),
    )
    assert got == [i * i + 7 for i in items]
    assert calls[0] == ("square", 0, 1000) and calls[-1] == ("square", 1000, 1000)
    done = [d for _, d, _ in calls]
    assert done == sorted(done) and len(calls) == 101


def test_run_stage_on_nothing() -> None:
    assert run_stage("empty", _square_plus, [], 0, jobs=2) == []


def test_available_cores_is_positive() -> None:
    assert available_cores() >= 1


def test_scan_report_does_not_depend_on_jobs(
    generated_documents: list[syndetect.Document],
) -> None:
    one = syndetect.scan(generated_documents, jobs=1)
    two = syndetect.scan(generated_documents, jobs=2)
    assert len(one.pairs) > 50  # enough candidates that alignment really ran in parallel
    assert two.to_json() == one.to_json()


def test_scan_reports_progress_per_stage(seed_documents: list[syndetect.Document]) -> None:
    seen: dict[str, tuple[int, int]] = {}
    syndetect.scan(
        seed_documents, progress=lambda stage, done, total: seen.update({stage: (done, total)})
    )
    assert seen["prepare"] == (5, 5)
    assert seen["align"][0] == seen["align"][1] >= 1


def test_cli_jobs_and_quiet_give_the_same_report() -> None:
    runner = CliRunner()
    default = runner.invoke(cli, ["scan", "examples/seeds", "-f", "json"])
    parallel = runner.invoke(cli, ["scan", "examples/seeds", "-f", "json", "--jobs", "2", "-q"])
    assert default.exit_code == parallel.exit_code == 0
    assert parallel.output == default.output


def test_cli_rejects_zero_jobs() -> None:
    result = CliRunner().invoke(cli, ["scan", "examples/seeds", "--jobs", "0"])
    assert result.exit_code == 2
    assert "--jobs" in result.output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_only_on_a_terminal() -> None:
    with progress_bar(io.StringIO(), enabled=True) as callback:
        assert callback is None
    with progress_bar(_Terminal(), enabled=False) as callback:
        assert callback is None
    terminal = _Terminal()
    with progress_bar(terminal, enabled=True) as callback:
        assert callback is not None
        callback("align", 0, 4)
        callback("align", 4, 4)
    assert "Aligning candidates" in terminal.getvalue()


def _counted(read: list[int], limit: int) -> Iterator[int]:
    for item in range(limit):
        read.append(item)
        yield item


def test_run_stream_keeps_order_and_reads_a_few_chunks_ahead() -> None:
    for jobs in (1, 2):
        read: list[int] = []
        calls: list[tuple[str, int, int]] = []
        results = run_stream(
            "square",
            _square_plus,
            _counted(read, 1000),
            7,
            jobs=jobs,
            chunk_size=10,
            progress=lambda *a: calls.append(a),  # noqa: B023
        )
        first = next(results)
        # Two chunks read to choose between processes; 2 * jobs chunks in the
        # workers' hands, and the next one read as the first result comes.
        assert first == 7 and len(read) <= 10 * max(2, 2 * jobs + 1)
        assert [first, *results] == [i * i + 7 for i in range(1000)]
        assert calls[0] == ("square", 0, 0) and calls[-1] == ("square", 1000, 0)


def test_run_stream_gives_a_sequence_total_and_handles_nothing() -> None:
    calls: list[tuple[str, int, int]] = []
    got = list(
        run_stream("s", _square_plus, [1, 2, 3], 0, jobs=2, progress=lambda *a: calls.append(a))
    )
    assert got == [1, 4, 9] and calls[-1] == ("s", 3, 3)
    assert list(run_stream("empty", _square_plus, iter([]), 0, jobs=2)) == []


def _failing(read: list[int]) -> Iterator[int]:
    yield from _counted(read, 100)
    raise syndetect.SyndetectError("bad input")


def test_run_stream_passes_on_an_error_of_its_input() -> None:
    with pytest.raises(syndetect.SyndetectError, match="bad input"):
        list(run_stream("s", _square_plus, _failing([]), 0, jobs=2, chunk_size=10))


def _big(shared: int, item: int) -> bytes:
    return bytes(shared) + item.to_bytes(4, "little")


def test_run_stream_winds_its_workers_down_on_an_error_or_an_early_stop() -> None:
    """On an input error, or when the caller stops reading, the workers
    finish the chunks they hold (large results, as prepared documents are)
    before the pool ends: none is killed while it sends one. Repeated, since
    the hang this guards against was a race."""
    for _ in range(5):
        with pytest.raises(syndetect.SyndetectError, match="bad input"):
            list(run_stream("s", _big, _failing([]), 200_000, jobs=2, chunk_size=10))
        results = run_stream("s", _big, range(10_000), 200_000, jobs=2, chunk_size=10)
        assert next(results).endswith(bytes(4))
        results.close()


def test_scan_reads_documents_as_a_stream(seed_documents: list[syndetect.Document]) -> None:
    """A generator is read once, and gives the report of the same list."""
    assert (
        syndetect.scan(iter(seed_documents), jobs=2).to_json()
        == syndetect.scan(seed_documents).to_json()
    )
