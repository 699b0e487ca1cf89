"""The command under bad arguments, hostile input, interruption and a full disk: one clean line,
the documented exit status, nothing modified that is not marsad's (issue 11)."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.cli import main

from .conftest import DEMO_CORPUS, DEMO_REGISTRY, foreign_sqlite

GOOD = "قال الرئيس إن الاجتماع كان مثمرا. وأضاف أن المحادثات ستستمر في القاهرة الأسبوع المقبل.\n" * 3


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True, timeout=600)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--max-page-mb", "nan"], "--max-page-mb"),
        (["--max-page-mb", "inf"], "--max-page-mb"),
        (["--max-page-mb", "-1"], "--max-page-mb"),
        (["--workers", "10000"], "--workers"),
        (["--workers", "0"], "--workers"),
        (["--db", "/nonexistent-folder/x.db"], "does not exist"),
    ],
)
def test_cli_refuses_arguments_that_cannot_work(tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str) -> None:
    page = tmp_path / "p.txt"
    page.write_text(GOOD, encoding="utf-8")
    assert main(["analyze", str(page), "--out", str(tmp_path / "out"), "--no-progress", *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_cli_refuses_an_out_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "page.txt").write_text(GOOD, encoding="utf-8")
    assert main(["analyze", str(tmp_path / "page.txt"), "--out", str(tmp_path / "page.txt")]) == 2
    assert "not a directory" in capsys.readouterr().err


def test_cli_never_touches_a_database_that_is_not_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "other.sqlite"
    foreign_sqlite(db)
    before = _digest(db)
    (tmp_path / "p.txt").write_text(GOOD, encoding="utf-8")
    assert main(["search", "x", "--db", str(db)]) == 2
    assert main(["analyze", str(tmp_path / "p.txt"), "--out", str(tmp_path / "o"), "--db", str(db), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err.count("not a marsad store") == 2 and "Traceback" not in err
    assert _digest(db) == before and not any(p.name.startswith("other.sqlite-") for p in tmp_path.iterdir())
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert main(["search", "x", "--db", str(junk)]) == 2
    assert "not a SQLite database" in capsys.readouterr().err


def test_cli_hostile_directory_is_one_batch(tmp_path: Path) -> None:
    """Every bad file of the probe in one directory with good ones: the good ones are analysed,
    each bad one is one line naming it, the exit status says input failed, nothing hangs."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "bom_bad.txt").write_bytes(b"\xef\xbb\xbf" + b"\xff" * 50 + GOOD.encode())
    (d / "utf16_odd.txt").write_bytes(b"\xff\xfe" + (GOOD + "تم").encode("utf-16-le") + b"\x41")
    (d / "s.jsonl").write_text(json.dumps({"url": "http://x.example/\ud800", "text": GOOD + "ثم \ud800"}) + "\n", encoding="utf-8", errors="surrogatepass")
    (d / os.fsdecode(b"bad\xffname.txt")).write_bytes(GOOD.replace("الرئيس", "الوزير").encode())
    (d / "nl\nerror: forged.txt").write_text(GOOD.replace("الرئيس", "السفير"), encoding="utf-8")
    (d / "random.txt").write_bytes(bytes((b * 7919 + 13) % 128 + 128 for b in range(20_000)))
    (d / "bidi.txt").write_text("\u202eعنوان مقلوب للخبر هنا\n" + GOOD.replace("الرئيس", "المتحدث"), encoding="utf-8")
    os.mkfifo(d / "fifo.txt")
    (d / "zero.txt").symlink_to("/dev/zero")
    out = tmp_path / "out"
    r = _run("analyze", str(d), "--out", str(out), "--workers", "1")
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    lines = r.stdout.splitlines()
    assert not any(line.startswith("error: forged") for line in lines)
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 4  # bom_bad, random, fifo, zero
    for name in ("bom_bad.txt", "random.txt", "fifo.txt", "zero.txt"):
        assert sum(name in e for e in errors) == 1
    assert all(len(line) < 700 and "\x1b" not in line for line in lines)
    records = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    sources = {Path(r["source"]).name for r in records}
    assert {"good.txt", "utf16_odd.txt", "s.jsonl", "bad\\xffname.txt", "bidi.txt"} <= sources
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "\u202e" not in report
    again = _run("analyze", str(d), "--out", str(out), "--workers", "1")
    assert again.returncode == 1
    assert (out / "articles.jsonl").read_text(encoding="utf-8").count("\n") == len(records)


def test_cli_ctrl_c_is_one_line_and_a_rerun_resumes(tmp_path: Path) -> None:
    # The demo pages, each made distinct 400 times: a run long enough (several seconds) that the
    # interrupt lands in the middle of it (the demo corpus alone is analysed in about a second).
    pages = [json.loads(line) for line in (DEMO_CORPUS / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    many = tmp_path / "many.jsonl"
    with many.open("w", encoding="utf-8") as f:
        for i in range(400):
            page = pages[i % len(pages)]
            f.write(json.dumps({**page, "url": f"{page['url']}?copy={i}", "text": f"{page['text']}\n\nنسخة رقم {i}"}, ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    args = [sys.executable, "-m", "marsad.cli", "analyze", str(many), "--registry", str(DEMO_REGISTRY), "--out", str(out), "--workers", "2"]
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(1.5)
    os.killpg(p.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _, err = p.communicate(timeout=120)
    assert p.returncode == 130 and "Traceback" not in err and err.strip().startswith("marsad: interrupted")
    r = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0 and (out / "articles.jsonl").exists()


def test_cli_full_disk_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import marsad.export

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out" / "articles.jsonl"))

    monkeypatch.setattr(marsad.export, "write_articles_jsonl", full)
    (tmp_path / "p.txt").write_text(GOOD, encoding="utf-8")
    assert main(["analyze", str(tmp_path / "p.txt"), "--out", str(tmp_path / "out"), "--no-progress", "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("marsad: disk full") and err.count("\n") == 1
