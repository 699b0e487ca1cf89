"""`marsad serve` refuses, at start, a file that is not a marsad store (one line on stderr, exit 2,
the file unchanged byte for byte), and passes --host, --port and --allowed-host to the server."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.cli import main
from tests.conftest import foreign_sqlite


class Started(Exception):
    """Raised by the stand-in for uvicorn.run: the server would have started."""


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    import uvicorn

    seen: dict[str, Any] = {}

    def run(app: object, **kwargs: object) -> None:
        seen.update(kwargs, app=app)
        raise Started

    monkeypatch.setattr(uvicorn, "run", run)
    return seen


@pytest.mark.parametrize("kind", ["sqlite with other tables", "empty sqlite", "text file", "zero bytes"])
def test_serve_refuses_a_file_that_is_not_a_store(
    tmp_path: Path, kind: str, no_server: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "other.db"
    if kind == "sqlite with other tables":
        foreign_sqlite(path)
    elif kind == "empty sqlite":
        sqlite3.connect(path).execute("PRAGMA user_version = 7").connection.close()
    elif kind == "text file":
        path.write_text("just some notes\n", encoding="utf-8")
    else:
        path.write_bytes(b"")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert main(["serve", "--db", str(path), "--port", "8123"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a marsad store" in err and str(path) in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no journal, WAL or upload folder left
    assert "app" not in no_server


def test_serve_refuses_a_missing_file(tmp_path: Path, no_server: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 2
    assert "no such store" in capsys.readouterr().err and not (tmp_path / "none.db").exists()


def test_serve_answers_to_its_hosts(web_store: str, no_server: dict[str, Any]) -> None:
    with pytest.raises(Started):
        main(["serve", "--db", web_store, "--port", "8123", "--allowed-host", "marsad.lan", "--allowed-host", "box:9000"])
    assert no_server["host"] == "127.0.0.1" and no_server["port"] == 8123
    client = TestClient(no_server["app"])
    for host, status in [("127.0.0.1:8123", 200), ("localhost:8123", 200), ("marsad.lan:80", 200), ("box:9000", 200)]:
        assert client.get("/api/stories", headers={"host": host}).status_code == status, host
    for host in ("localhost:8000", "evil.example:8123", "box:8123"):
        assert client.get("/api/stories", headers={"host": host}).status_code == 400, host


def test_serve_refuses_a_bad_allowed_host(web_store: str, no_server: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", web_store, "--allowed-host", "box:http"]) == 2
    assert "box:http" in capsys.readouterr().err
