"""The apps depend on each other in one direction only: no import cycle between apps.

An app that needs another at import time imports it at the top of a module; the graph of those
imports (every project app in INSTALLED_APPS, plus the site package and the Django-free text
package) must have no cycle, so an app can be read, tested and replaced from the bottom up:
simfoni_text ← phenomena ← search / alerts / home ← workflows ← reminders ← the site.
Migrations and management commands are leaves and are not counted.
"""

import ast
from collections import defaultdict
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
APPS = sorted(
    {name.split(".")[0] for name in settings.INSTALLED_APPS if (ROOT / name.split(".")[0]).is_dir()}
    | {"simfoni_site", "simfoni_text"}
)


def _module_level_imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def app_graph():
    graph, where = defaultdict(set), {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if {"migrations", "management"} & set(path.relative_to(ROOT).parts):
                continue
            for module in _module_level_imports(path):
                other = module.split(".")[0]
                if other in APPS and other != app:
                    graph[app].add(other)
                    where.setdefault((app, other), path.relative_to(ROOT).as_posix())
    return graph, where


def cycles(graph):
    found = []

    def visit(node, stack):
        for nxt in sorted(graph[node]):
            if nxt in stack:
                found.append(stack[stack.index(nxt) :] + [nxt])
            else:
                visit(nxt, stack + [nxt])

    for app in sorted(graph):
        visit(app, [app])
    return found


def test_no_import_cycle_between_apps():
    graph, where = app_graph()
    found = cycles(graph)
    detail = [
        " → ".join(cycle)
        + "  ("
        + ", ".join(where[a, b] for a, b in zip(cycle, cycle[1:], strict=False))
        + ")"
        for cycle in found
    ]
    assert not found, "import cycles between apps:\n" + "\n".join(detail)


def test_the_text_package_imports_no_app():
    graph, _ = app_graph()
    assert graph["simfoni_text"] == set()


def test_the_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"a"}}) and not cycles({"a": {"b"}, "b": set()})
