"""The layout holds: the import graph points one way, each layer imports only what it may, modules stay small."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "analyzer"
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@cache
def tree(name: str) -> ast.Module:
    """The module's syntax tree, parsed once per test process (and only by the process that runs these tests:
    nothing is parsed while the tests are collected)."""
    return ast.parse(MODULES[name].read_text(encoding="utf-8"))


def _type_checking_only(module: ast.Module) -> set[ast.AST]:
    """The import statements inside an ``if TYPE_CHECKING:`` block (at any depth)."""
    blocks = [n for n in ast.walk(module) if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test)]
    return {n for block in blocks for n in ast.walk(block) if isinstance(n, ast.Import | ast.ImportFrom)}


def imports(name: str) -> set[str]:
    """The modules of ours that ``name`` imports at run time (anywhere in it, functions included), with the
    packages importing them runs (``a.b.c`` runs ``a.b``), but not its own parent packages."""
    module = tree(name)
    hidden = _type_checking_only(module)
    found: set[str] = set()
    for node in ast.walk(module):
        if not isinstance(node, ast.Import | ast.ImportFrom) or node in hidden:
            continue
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            targets = [node.module]
            # ``from analyzer import parallel``: the submodule, when there is one
            targets += [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in MODULES]
        for target in targets:
            if not target.startswith("analyzer"):
                continue
            parts = target.split(".")
            for i in range(1, len(parts) + 1):
                prefix = ".".join(parts[:i])
                if prefix in MODULES and not (name == prefix or name.startswith(prefix + ".")):
                    found.add(prefix)
    return found


@cache
def graph() -> dict[str, set[str]]:
    return {name: imports(name) for name in MODULES}


def reaches(start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph()[start])
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(graph()[name])
    return seen


def test_the_graph_is_read_from_the_real_package():
    assert {"analyzer.pipeline", "analyzer.model", "analyzer.read.arrow", "analyzer.platforms.linkedin.facts"} <= set(
        graph()
    )
    assert "analyzer.model" in graph()["analyzer.rollup"]
    assert "analyzer.read.table" in graph()["analyzer.read.dialect"]


def test_no_import_cycle():
    cycles = sorted(name for name in graph() if name in reaches(name))
    assert cycles == []


def test_the_model_imports_nothing_of_ours_but_frozen():
    assert graph()["analyzer.model"] == {"analyzer.frozen"}
    assert graph()["analyzer.frozen"] == set()


@pytest.mark.parametrize("renderer", [n for n in MODULES if n.startswith("analyzer.render")])
def test_renderers_read_the_report_not_the_scan(renderer):
    scanner = {"analyzer.pipeline", "analyzer.tally", "analyzer.classify", "analyzer.rollup", "analyzer.parallel",
               "analyzer.datecount", "analyzer.archive", "analyzer.inflate", "analyzer.salvage", "analyzer.nested", "analyzer.folder",
               "analyzer.zipnames", "analyzer.read", "analyzer.platforms"}  # fmt: skip
    direct = {m for m in graph()[renderer] if any(m == s or m.startswith(s + ".") for s in scanner)}
    assert direct == set()


@pytest.mark.parametrize("reader", [n for n in MODULES if n.startswith("analyzer.read")])
def test_readers_know_no_platform_and_no_later_step(reader):
    allowed = {
        "analyzer.archive",
        "analyzer.inflate",
        "analyzer.limits",
        "analyzer.salvage",
        "analyzer.nested",
        "analyzer.folder",
        "analyzer.zipnames",
        "analyzer.errors",
        "analyzer.error_text",  # the words of the errors: data only
        "analyzer.problem_text",  # the words of the problems and notes: data only
        "analyzer.said",  # a problem as its English text that knows its key
        "analyzer.mapping_text",  # the words of a mapping file's problems (the catalogue said holds): data only
        "analyzer.model",  # a name in both languages (``Text``) as a problem's value
        "analyzer.frozen",  # the frozen records of a table and its problems
        "analyzer.contacts",
    }
    outside = {m for m in reaches(reader) if not m.startswith("analyzer.read")}
    assert outside <= allowed, outside - allowed


def test_the_table_module_imports_nothing_else_of_read():
    assert {m for m in graph()["analyzer.read.table"] if m.startswith("analyzer.read")} == set()


def test_the_platform_knows_no_renderer_and_no_scan_step():
    for name in (n for n in MODULES if n.startswith("analyzer.platforms")):
        forbidden = {
            m
            for m in reaches(name)
            if m.startswith(("analyzer.render", "analyzer.pipeline", "analyzer.tally", "analyzer.cli"))
        }
        assert forbidden == set(), name


def test_only_the_cli_imports_typer_and_nothing_prints():
    for name in MODULES:
        modules = {a.name for n in ast.walk(tree(name)) if isinstance(n, ast.Import) for a in n.names}
        modules |= {n.module for n in ast.walk(tree(name)) if isinstance(n, ast.ImportFrom) and n.module}
        if name != "analyzer.cli" and not name.startswith("analyzer.cli."):
            assert not {m for m in modules if m.split(".")[0] == "typer"}, name
        prints = [n for n in ast.walk(tree(name)) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "print"]
        assert prints == [], name


def test_no_module_is_over_400_lines():
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_every_module_opens_with_a_docstring():
    missing = [name for name in MODULES if not ast.get_docstring(tree(name))]
    assert missing == []
