#!/usr/bin/env python3
"""Find cross-app model references that no import tool sees (run by `make lint`).

import-linter checks the layers through imports (pyproject.toml). An app can still reach
another through a string, ``"regions.Theme"`` in a field or ``"news.newspage"`` compared
with a model label, or through ``apps.get_model(...)``: the graph then looks clean while a
renamed model breaks the site at run time. This script reads every module of our apps with
Python's ``ast`` (nothing is imported or run) and reports

- string literals that are exactly ``"<app>.<Model>"`` or ``"<app>.<model>"`` where
  ``<app>`` is another of our apps than the module's own and ``<Model>`` is capitalised
  or names one of that app's model classes;
- calls of ``get_model(...)``.

Migrations are history and name models as they were (skipped), tests may build a whole
site (skipped), and ``home/roles.py`` runs inside data migrations with the registry it is
given, so its ``get_model`` calls are allowed. Usage: ``check_model_strings.py [ROOT]``;
exits 1 with ``path:line: message`` per finding. See docs/architecture.md.
"""

import ast
import re
import sys
from pathlib import Path

GET_MODEL_ALLOWED = {Path("home/roles.py")}
SKIPPED_PARTS = {"migrations", "tests", "node_modules", ".venv"}
LABEL = re.compile(r"^([a-z_][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$")


def local_apps(root):
    """Names of the apps in ``root``: top-level packages with an apps.py."""
    return sorted(path.parent.name for path in root.glob("*/apps.py"))


def model_names(root, app):
    """Lower-cased names of the classes in the app's models module or package."""
    paths = [root / app / "models.py", *sorted((root / app / "models").glob("*.py"))]
    names = set()
    for path in paths:
        if path.exists():
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            names |= {
                node.name.lower() for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
            }
    return names


def modules(root, apps):
    for app in apps:
        for path in sorted((root / app).rglob("*.py")):
            relative = path.relative_to(root)
            if not SKIPPED_PARTS & set(relative.parts) and path.name != "conftest.py":
                yield relative


def names_model(literal, own_app, models_by_app):
    """The other app's model that the string literal names, or None."""
    match = LABEL.match(literal)
    if not match:
        return None
    app, model = match.groups()
    if app == own_app or app not in models_by_app:
        return None
    if model[0].isupper() or model.lower() in models_by_app[app]:
        return f"{app}.{model}"
    return None


def is_get_model(node):
    function = node.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    return name == "get_model"


def findings_in(root, relative, models_by_app):
    own_app = relative.parts[0]
    tree = ast.parse((root / relative).read_text(encoding="utf-8"), filename=str(relative))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            label = names_model(node.value, own_app, models_by_app)
            if label:
                yield (
                    node.lineno,
                    f'"{label}" names a model of another app: import the class (when that app '
                    "is a layer below) or invert the dependency (docs/architecture.md)",
                )
        elif (
            isinstance(node, ast.Call) and is_get_model(node) and relative not in GET_MODEL_ALLOWED
        ):
            yield (
                node.lineno,
                "get_model() outside migrations: import the model, or let the app "
                "above register it (docs/architecture.md)",
            )


def check(root):
    """Every finding in the apps under ``root``, as ``path:line: message`` strings."""
    root = Path(root)
    apps = local_apps(root)
    models_by_app = {app: model_names(root, app) for app in apps}
    return [
        f"{relative}:{line}: {message}"
        for relative in modules(root, apps)
        for line, message in sorted(findings_in(root, relative, models_by_app))
    ]


def main(argv):
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1]
    findings = check(root)
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} cross-app model reference(s).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
