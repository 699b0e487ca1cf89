"""End to end through the `marsad` command: outputs, schema, report, exit status, search."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from marsad.cli import main
from marsad.data import load_data

from .conftest import DEMO_CORPUS, DEMO_REGISTRY, ROOT, SAMPLE_CORPUS, SHARED


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo-out")
    assert main(["analyze", str(DEMO_CORPUS), "--registry", str(DEMO_REGISTRY), "--out", str(out), "--no-progress", "--workers", "2"]) == 0
    return out


def _records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def test_cli_analyze_writes_export_report_and_store(demo_run: Path) -> None:
    for name in ("articles.jsonl", "report.html", "run.json", "marsad.db"):
        assert (demo_run / name).exists()
    run = json.loads((demo_run / "run.json").read_text(encoding="utf-8"))
    assert (run["files"], run["pages"], run["articles"], run["errors"]) == (11, 12, 16, [])
    # A first run places every article: each story is rebuilt, holding every placed article once.
    stories = json.loads((demo_run / "stories.json").read_text(encoding="utf-8"))
    assert run["rebuilt"] == {"stories": len(stories), "members": sum(len(s["articles"]) for s in stories)}


def test_cli_export_matches_json_schema(demo_run: Path) -> None:
    schema = load_data("article.schema.json")
    for rec in _records(demo_run):
        jsonschema.validate(rec, schema)


@pytest.mark.shared
def test_cli_export_of_sample_corpus_matches_json_schema(tmp_path: Path) -> None:
    assert main(["analyze", str(SAMPLE_CORPUS), "--out", str(tmp_path), "--no-progress", "--workers", "1"]) == 0
    schema = load_data("article.schema.json")
    for rec in _records(tmp_path):
        jsonschema.validate(rec, schema)


def test_cli_report_is_rtl_and_folds_removed_spans(demo_run: Path) -> None:
    html = (demo_run / "report.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert html.count("<article ") == 16
    assert "<details><summary>ما حُذف" in html and "عناوين ذات صلة" in html


def test_cli_report_escapes_page_content(tmp_path: Path) -> None:
    page = tmp_path / "inject.txt"
    page.write_text(
        "<script>alert('x')</script> عنوان مع نص خبيث\n\n"
        "هذه فقرة تحتوي على <img src=x onerror=alert(1)> ورابط javascript:alert(2) في منتصف النص للتجربة فقط.\n",
        encoding="utf-8",
    )
    assert main(["analyze", str(page), "--out", str(tmp_path / "o"), "--no-progress", "--workers", "1"]) == 0
    html = (tmp_path / "o" / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html


def test_cli_bad_inputs_reported_and_batch_continues(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text((DEMO_CORPUS / "flood-sawt.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.html").write_bytes(b"\x00\x01\x02" * 100)
    assert main(["analyze", str(inputs), "--out", str(tmp_path / "o"), "--no-progress", "--workers", "1"]) == 1
    printed = capsys.readouterr().out
    assert f"error: {inputs / 'empty.txt'}: empty file" in printed
    assert f"error: {inputs / 'binary.html'}: binary content" in printed
    assert len(_records(tmp_path / "o")) == 1


def test_cli_rerun_same_out_does_not_duplicate(tmp_path: Path) -> None:
    args = ["analyze", str(DEMO_CORPUS / "summit-almadar.txt"), "--out", str(tmp_path), "--no-progress", "--workers", "1"]
    assert main(args) == 0
    first = (tmp_path / "articles.jsonl").read_text(encoding="utf-8")
    assert main(args) == 0
    assert (tmp_path / "articles.jsonl").read_text(encoding="utf-8") == first and len(first.splitlines()) == 3


def test_cli_store_returns_exported_record(demo_run: Path) -> None:
    from marsad.store.sqlite import Store

    rec = _records(demo_run)[0]
    with Store(str(demo_run / "marsad.db")) as store:
        stored = store.get_record(rec["id"])
        assert stored is not None and stored.to_export() == rec  # the typed record is what was exported
        assert store.get_record("missing") is None


def test_cli_search(demo_run: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "فيتريني", "--db", str(demo_run / "marsad.db"), "--json"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert hits and all("فيتريني" in h["snippet"] or "فتريني" in h["snippet"] or "فيتريني" in (h["headline"] or "") for h in hits)
    assert main(["search", "x", "--db", str(demo_run / "missing.db")]) == 2


def test_cli_bad_registry_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "reg.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["analyze", str(DEMO_CORPUS), "--registry", str(bad), "--out", str(tmp_path / "o")]) == 2


def test_cli_entry_point_installed() -> None:
    exe = Path(sys.executable).parent / "marsad"
    r = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert r.stdout.startswith("marsad ")


def test_cli_every_command_and_option_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    from marsad.cli import _parser

    sub = next(a for a in _parser()._actions if a.dest == "command")
    for name, parser in sub.choices.items():  # type: ignore[attr-defined]
        assert f"marsad {name}" in readme, name
        for action in parser._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help":
                    assert re.search(rf"`[^`]*{re.escape(opt)}\b", readme), opt


@pytest.mark.shared
def test_cli_acceptance_checks_pass(tmp_path: Path) -> None:
    """../shared/acceptance/check on the sample corpus: every check passes (metadata, bodies,
    appended articles, entities, quotes, sources and the story)."""
    out = tmp_path / "out"
    assert main(["analyze", str(SAMPLE_CORPUS), "--out", str(out), "--no-progress"]) == 0
    r = subprocess.run([sys.executable, str(SHARED / "acceptance" / "check"), "--out", str(out)], capture_output=True, text=True)
    lines = r.stdout.splitlines()
    assert len([ln for ln in lines if ln.startswith("PASS")]) >= 130
    assert [ln for ln in lines if ln.startswith("FAIL")] == []
    assert r.returncode == 0
