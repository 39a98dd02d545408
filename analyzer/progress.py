"""A progress bar on stderr for long work (a scan, a batch), shown only when stderr is a terminal."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from analyzer.safe import clean_line

if TYPE_CHECKING:
    from analyzer.streams import LazyConsole

T = TypeVar("T")
#: Called with the name of what was just done, how much is done and the total (bytes, or exports).
Progress = Callable[[str, int, int], None]


def with_progress(err: LazyConsole, label: str, work: Callable[[Progress | None], T]) -> T:
    """Run ``work`` with a progress callback (name, done, total) that drives a bar on ``err``, only when it
    is a terminal; otherwise with None. The bar disappears when the work is done."""
    if not err.is_terminal:
        return work(None)
    from rich.markup import escape
    from rich.progress import BarColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    with Bar(
        TextColumn(label),
        BarColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err.console,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=1)

        def update(name: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=escape(clean_line(name[:40])))

        return work(update)
