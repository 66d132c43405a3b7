"""No private Django or Wagtail API in the project: no underscore attributes of other objects,
no overrides of a framework class's underscore methods, no signal connected at import."""

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["cms", "core", "home", "regions", "news", "cases", "events"]
# Underscore names that are documented public API: a model's _meta, a named tuple's methods,
# factory_boy's documented _create hook.
PUBLIC_UNDERSCORE = {"_meta", "_replace", "_asdict", "_fields", "_make", "_create"}
FRAMEWORKS = ("django.", "wagtail.", "modelcluster.", "taggit.", "treebeard.")


def project_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path
    yield ROOT / "conftest.py"
    yield ROOT / "gunicorn.conf.py"
    yield from sorted((ROOT / "scripts").glob("*.py"))


def is_own(node):
    """``self.x``, ``cls.x`` and ``super().x``: a class's own attributes."""
    if isinstance(node, ast.Name):
        return node.id in ("self", "cls")
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"
    )


def private_accesses(source):
    """``(line, text)`` of every ``obj._name`` where obj is not the class itself."""
    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.Attribute):
            name, owner = node.attr, node.value
        elif (  # getattr / hasattr / setattr / delattr with a literal underscore name
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "hasattr", "setattr", "delattr")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            name, owner = node.args[1].value, node.args[0]
        if (
            name
            and name.startswith("_")
            and not name.startswith("__")
            and name not in PUBLIC_UNDERSCORE
            and not is_own(owner)
        ):
            found.append((node.lineno, ast.unparse(node)))
    return found


def test_the_scan_finds_what_it_is_meant_to_find():
    source = (
        "request._wagtail_site = site\n"
        "form._errors = None\n"
        "getattr(request, '_wagtail_route_for_request', None)\n"
        "self._own = 1\n"
        "super()._create(model)\n"
        "model._meta.label\n"
    )
    assert [line for line, _text in private_accesses(source)] == [1, 2, 3]


def test_no_underscore_attributes_of_other_objects():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path in project_files()
        for line, text in private_accesses(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def project_classes():
    for app in APPS[1:]:
        package = importlib.import_module(app)
        for module_info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".tests" in module_info.name or ".migrations" in module_info.name:
                continue
            module = importlib.import_module(module_info.name)
            for _name, value in inspect.getmembers(module, inspect.isclass):
                if value.__module__ == module.__name__:
                    yield value


@pytest.mark.django_db
def test_no_class_overrides_a_framework_classs_underscore_method():
    overrides = []
    classes = list(project_classes())
    assert any(cls.__name__ == "PageSitemap" for cls in classes)  # the walk reaches them
    for cls in classes:
        for name, value in vars(cls).items():
            if not name.startswith("_") or name.startswith("__"):
                continue
            function = getattr(value, "__func__", getattr(value, "fget", value))
            if getattr(function, "__module__", None) != cls.__module__:
                continue  # made by a framework's metaclass (a block's _meta_class), not written here
            for base in cls.__mro__[1:]:
                if base.__module__.startswith(FRAMEWORKS) and name in vars(base):
                    overrides.append(f"{cls.__module__}.{cls.__qualname__}.{name} ({base})")
    assert overrides == []


def module_level_connects(source):
    """Signal ``.connect(...)`` calls that run when the module is imported."""
    return [
        node.lineno
        for node in ast.parse(source).body
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Attribute)
        and node.value.func.attr == "connect"
    ]


@pytest.mark.parametrize("app", ["core", "home", "regions"])
def test_signals_are_connected_in_ready_not_at_import(app):
    assert module_level_connects("post_save.connect(receiver)\n") == [1]  # the scan works
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / app).rglob("*.py"))
        for line in module_level_connects(path.read_text(encoding="utf-8"))
    ]
    assert found == []
