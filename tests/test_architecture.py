"""The architecture as a contract: the layers of `generator/` import downwards only, no module
imports itself back through others, the core knows nothing of MkDocs, and modules and
functions stay small enough to read.

Layers, lowest first (README, "Architecture"): a module may import its own layer and the
layers below it, never one above.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
LAYERS = ("records", "data", "site", "search", "editing", "mkdocs")
TOP = len(LAYERS)  # cli.py, __main__.py, __init__.py: the entry points
ENGINE_PACKAGES = ("mkdocs", "material")  # third-party: only the adapter may import them
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
LONG_REASON = "# Long:"  # a function over the limit says why, in a comment that starts so


def _modules() -> dict[str, Path]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


MODULES = _modules()


def _layer(module: str) -> int:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in LAYERS:
        return LAYERS.index(parts[1])
    return TOP


def _imports(module: str, path: Path) -> list[tuple[str, int]]:
    """Every module this one imports (at any depth of the file, `TYPE_CHECKING` blocks
    included), with the line of the import."""
    found: list[tuple[str, int]] = []
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((base, node.lineno))
            # `from generator.site import charts` imports the module `generator.site.charts`
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def _internal(name: str) -> str | None:
    """The generator module an import name refers to, if any."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        targets = {_internal(name) for name, _ in _imports(module, path)}
        # A package's `__init__` is imported with any of its modules: not a dependency.
        graph[module] = {t for t in targets if t and t != module and not module.startswith(t + ".")}
    return graph


def test_layers_import_downwards_only() -> None:
    wrong = []
    for module, path in MODULES.items():
        for name, line in _imports(module, path):
            target = _internal(name)
            if target and _layer(target) > _layer(module):
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {module} -> {target}")
    assert not wrong, "imports against the layers:\n" + "\n".join(sorted(set(wrong)))


def test_only_the_adapter_knows_the_engine() -> None:
    wrong = []
    for module, path in MODULES.items():
        if _layer(module) >= LAYERS.index("mkdocs"):
            continue
        for name, line in _imports(module, path):
            if name.split(".")[0] in ENGINE_PACKAGES:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: imports {name}")
    assert not wrong, "the core imports the engine:\n" + "\n".join(wrong)


def test_the_package_never_imports_development_tools() -> None:
    wrong = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: imports {name}"
        for module, path in MODULES.items()
        for name, line in _imports(module, path)
        if name.split(".")[0] in ("devtools", "tests", "benchmarks")
    ]
    assert not wrong, "\n".join(wrong)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("module", sorted(MODULES), ids=str)
def test_modules_and_functions_stay_small(module: str) -> None:
    path = MODULES[module]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_MODULE_LINES, f"{module}: {len(lines)} lines; split it"
    long = []
    for node in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            size = node.end_lineno - node.lineno + 1
            body = lines[node.lineno - 1 : node.end_lineno]
            if size > MAX_FUNCTION_LINES and not any(
                line.strip().startswith(LONG_REASON) for line in body
            ):
                long.append(f"{path.name}:{node.lineno}: {node.name} has {size} lines")
    assert not long, "split these, or say why they are long (`# Long: ...`):\n" + "\n".join(long)
