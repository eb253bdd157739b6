"""Page paths come from one table, ``ui/pages.py``, and every entry is a real page.

A path typed as a literal somewhere else breaks silently on a rename; this
test finds any ``"app_pages/..."`` string outside the table.
"""

from __future__ import annotations

import ast
from pathlib import Path

from ui import pages

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "ui" / "pages.py"


def _page_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith("app_pages/")
    ]


def test_no_page_path_literal_outside_the_table() -> None:
    files = [ROOT / "Home.py", *(ROOT / "app_pages").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
    found = [literal for path in sorted(files) if path != TABLE for literal in _page_literals(path)]
    assert found == [], "use the names in ui/pages.py"


def test_the_table_names_every_page_file_and_only_existing_ones() -> None:
    table = {value for name, value in vars(pages).items() if name.isupper()}
    assert all((ROOT / path).is_file() for path in table), sorted(table)
    on_disk = {str(p.relative_to(ROOT)) for p in (ROOT / "app_pages").glob("*.py")}
    assert table == on_disk


def test_the_navigation_is_built_from_the_table() -> None:
    from ui.nav import PAGES

    table = {value for name, value in vars(pages).items() if name.isupper()}
    assert {spec.path for spec in PAGES} <= table
