"""docs/ENGINE.md, the map of what the project takes from MkDocs and Material, cannot go stale.

Each check lists what the code uses today (files under overrides/, blocks of main.html, Material
templates the overrides include, hook events, feature flags, Material names in our scripts, engine
attributes the code assigns, names imported from mkdocs.*) and fails on any that the map does not name.
"""

from __future__ import annotations

import ast
import re

import yaml

from sitebuild import REPO
from test_architecture import LAYER_OF

MAP = (REPO / "docs" / "ENGINE.md").read_text(encoding="utf-8")
OVERRIDES = REPO / "overrides"
PACKAGE = REPO / "src" / "bangvang"
ENGINE_OBJECTS = {"serve": "serve", "server": "server", "page": "page", "file": "file", "f": "file",
                  "config": "config", "env": "env"}


def _named(names) -> list[str]:
    return sorted({name for name in names if f"`{name}`" not in MAP})


def test_every_override_is_named():
    files = [p.relative_to(REPO).as_posix() for p in OVERRIDES.rglob("*") if p.is_file()]
    assert "overrides/.icons/bangvang/menu.svg" in files and len(files) >= 11, files
    assert _named(files) == []


def test_every_block_of_main_html_is_named():
    blocks = re.findall(r"{%-?\s*block\s+(\w+)", (OVERRIDES / "main.html").read_text(encoding="utf-8"))
    assert {"site_meta", "config", "site_nav", "scripts"} <= set(blocks)
    assert sorted(b for b in blocks if f"| `{b}` |" not in MAP) == []


def test_every_material_template_the_overrides_include_is_named():
    text = "\n".join(p.read_text(encoding="utf-8") for p in OVERRIDES.rglob("*.html"))
    used = set(re.findall(r'{%-?\s*(?:include|extends|import)\s+"([^"]+)"', text))
    materials = {name for name in used if not (OVERRIDES / name).exists()}  # not ours: Material's
    assert {"base.html", "partials/nav.html", "theme/partials/search.html"} <= materials
    assert _named(materials) == []


def test_every_hook_event_is_named():
    events = re.findall(r"\bon_\w+", (REPO / "hooks" / "board.py").read_text(encoding="utf-8"))
    assert len(events) >= 14
    assert sorted(e for e in events if f"| `{e}`" not in MAP) == []


def test_every_feature_flag_and_plugin_is_named():
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    features = config["theme"]["features"]
    assert "navigation.tabs" in features
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    theme = [f"theme.{key}" for key in config["theme"] if key not in ("name", "features")]
    assert _named(features) == [] and _named(f"plugins: {p}" for p in plugins) == []
    assert sorted(key for key in theme if key not in MAP) == []


def test_every_material_name_our_scripts_use_is_named():
    scripts = [*(REPO / "docs" / "assets").rglob("*.js"), PACKAGE / "searchdialog.py"]
    text = "\n".join(p.read_text(encoding="utf-8") for p in scripts)
    names = set(re.findall(r"\b__md_[a-z]+\b|(?<![\w-])md-[a-z]+(?:__[a-z]+)?(?![\w-])", text))
    names |= set(re.findall(r"[\"'](__[a-z]+)[\"']", text))  # ids: "__config", "__search"
    names |= {word for word in ("SETUP", "READY", "QUERY", "RESULT") if word in text}
    assert {"__md_scope", "md-tabs__link", "md-search", "__config", "SETUP"} <= names, names
    assert sorted(name for name in names if name not in MAP) == []


def _assigned(path) -> set[str]:
    """`page.render`, `server.observer._timeout`, `config.extra`…: engine objects' attributes set in `path`."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AugAssign) else []
        for target in [e for t in targets for e in (t.elts if isinstance(t, ast.Tuple) else [t])]:
            target = target.value if isinstance(target, ast.Subscript) else target
            chain = []
            while isinstance(target, ast.Attribute):
                chain.insert(0, target.attr)
                target = target.value
            if chain and isinstance(target, ast.Name) and target.id in ENGINE_OBJECTS:
                found.add(".".join([ENGINE_OBJECTS[target.id], *chain]))
    return found


def test_every_engine_attribute_the_code_sets_is_named():
    drivers = [PACKAGE / f"{module}.py" for module, layer in LAYER_OF.items() if layer == "site"]
    assigned = set().union(*(_assigned(p) for p in drivers))  # the other layers never see the engine
    assert {"page.render", "serve.build", "server.observer._timeout", "config.extra"} <= assigned, assigned
    assert _named(assigned) == []


def test_every_name_taken_from_mkdocs_is_named():
    taken = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mkdocs"):
                taken.update(alias.name for alias in node.names)
    assert {"PluginError", "File", "CountHandler", "serve"} <= taken, taken
    assert _named(taken) == []
