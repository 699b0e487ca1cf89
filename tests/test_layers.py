"""No module imports a layer above its own: the layers, lowest first, as the README's layout shows
them. A package may import its own layer's peers and anything below."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "marsad"

LAYERS: list[set[str]] = [
    {"data", "safe_text", "settings"},
    {"arabic"},
    {"article"},
    {"nlp", "ingest"},
    {"clean"},
    {"meta", "statements", "temporal"},
    {"entities"},
    {"context"},
    {"pipeline"},
    {"stories"},
    {"store"},
    {"engine"},
    {"export", "report"},
    {"web"},
    {"cli"},
]
# Known exceptions, each with why it is still there (none may be added without one).
KNOWN = {
    # HTML reading extracts the page's own metadata (dates in <meta>, the site's name through the
    # registry) while it still has the tree: one parse of the HTML, not two.
    ("ingest", "meta"),
}


def _layer(name: str) -> int:
    return next(k for k, names in enumerate(LAYERS) if name in names)


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("marsad."):
            out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".")[1] for a in node.names if a.name.startswith("marsad."))
    return out


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).with_suffix("")
        if rel.parts == ("__init__",) or rel.parts[0] == "__main__":
            continue
        own = rel.parts[0]
        for target in _imports(path):
            if _layer(target) > _layer(own) and (own, target) not in KNOWN:
                upward.append(f"{rel}: {own} imports {target}")
    assert not upward, "\n".join(upward)


def test_every_package_has_a_layer() -> None:
    packages = {p.relative_to(SRC).with_suffix("").parts[0] for p in SRC.rglob("*.py")} - {"__init__", "__main__"}
    assert packages <= set().union(*LAYERS), packages - set().union(*LAYERS)
