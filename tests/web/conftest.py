"""A store built once from the demo corpus plus a page carrying injected script, for the web tests."""

from __future__ import annotations

import pytest

from marsad.context import Settings
from marsad.engine.local import run_analysis
from marsad.store.sqlite import Store
from tests.conftest import DEMO_CORPUS, DEMO_REGISTRY

HOSTILE = """موقع التجربة

صفحة <script>window.__pwned = 1; document.title = "pwned"</script> فيها شيفرة

قال المتحدث باسم الوزارة سامي الخطيب: «هذه <img src=x onerror="window.__pwned=2"> جملة اختبار طويلة بما يكفي».
وأضاف أن <a href="javascript:window.__pwned=3">الرابط</a> لا يعمل، وأن وزير الدفاع الروسي سيرغي شويغو زار المدينة أمس.
"""

VARIANT = """موقع آخر

وزير الدفاع الروسي يزور قاعدة بحرية

زار وزير الدفاع الروسي سيرجي شويجو قاعدة بحرية في الشرق الأقصى، وقال شويجو إن الأسطول سيتلقى سفنا جديدة هذا العام.
"""


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "input" / "hostile.txt"
    hostile.parent.mkdir()
    hostile.write_text(HOSTILE, encoding="utf-8")
    (folder / "input" / "variant.txt").write_text(VARIANT, encoding="utf-8")
    db = str(folder / "marsad.db")
    with Store(db) as store:
        run_analysis(
            [str(DEMO_CORPUS), str(hostile.parent)], store, Settings(registry_files=(str(DEMO_REGISTRY),), workers=1, progress=False)
        )
    return db


@pytest.fixture(scope="session")
def hostile_article(web_store: str) -> str:
    with Store(web_store) as store:
        (found,) = [h.article_id for h in store.search("شيفرة")]
    return found
