"""Rebuild the demo files that cannot be written by hand: the legacy-encoded pages, the JSONL
file and the WARC archive, from the UTF-8 sources in demo/sources/. Run from the repo root:
    .venv/bin/python demo/build_containers.py
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).parent
SRC, OUT = HERE / "sources", HERE / "corpus"


def main() -> None:
    (OUT / "flood-nakheel-cp1256.txt").write_bytes((SRC / "flood-nakheel.txt").read_text(encoding="utf-8").encode("cp1256"))
    (OUT / "summit-brief-iso8859-6.txt").write_bytes((SRC / "summit-brief.txt").read_text(encoding="utf-8").encode("iso-8859-6"))
    records = [
        {
            "url": "https://alnakheel.example/news/2025/09/08/summit-preparations",
            "text": (SRC / "summit-nakheel.txt").read_text(encoding="utf-8"),
            "fetched_at": "2025-09-08T12:00:00Z",
            "outlet": "بوابة النخيل",
        },
        {
            "url": "https://worldwire.example/borqan-soran-trade-deal",
            "text": (SRC / "english-page.txt").read_text(encoding="utf-8"),
            "fetched_at": "2025-09-11T08:00:00Z",
        },
    ]
    with open(OUT / "pages.jsonl", "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    html = (SRC / "summit-ofoq.html").read_bytes()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    rec = writer.create_warc_record(
        "https://alofoq.example/economy/2025/09/10/borqan-soran-summit",
        "response",
        payload=io.BytesIO(html),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2025-09-10T20:00:00Z"},
    )
    writer.write_record(rec)
    rec.raw_stream.close()
    # gzip with a fixed mtime so the committed file is reproducible
    with open(OUT / "summit-ofoq.warc.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(buf.getvalue())


if __name__ == "__main__":
    main()
