#!/usr/bin/env bash
# Builds the multi-source ANT corpus v2.1 (Arabic News Texts: about 31,000 articles of five
# outlets — Al Arabiya, BBC Arabic, CNN Arabic, France 24, Sky News Arabia — from February to July
# 2018; Chouigui et al., github:antcorpus/antcorpus.multisource.data) as gzipped JSONL in the shape
# of the 2013 Egyptian collection (../shared/data/news/build_egypt2013.sh), one article a line:
# {id, outlet, datetime, headline, text}, so that bench/claims_eval.py reads it (--collection OUT
# --set antcorpus --day DAY, or a prefix of days: --day 2018-04-1 is April 10 to 19). A set no rule
# of marsad was written on. The time is the feed's («TIME», turned to UTC); the text is the
# article's, its abstract first when the text does not already hold it. Nothing of it is kept in
# this repository. First fetch github:antcorpus/antcorpus.multisource.data; pass the git directory
# the fetch gave.
#   build_antcorpus.sh GIT_DIR OUT.jsonl.gz
set -euo pipefail
git_dir=${1:?git directory of the fetched ANT corpus snapshot}; out=${2:?output .jsonl.gz}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
git --git-dir="$git_dir" archive HEAD | tar -x -C "$work"
python3 - "$work" "$out" <<'PY'
import gzip, hashlib, json, os, re, sys
from datetime import timezone
from email.utils import parsedate_to_datetime
root, out = sys.argv[1:]

def field(doc: str, tag: str) -> str:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", doc, re.S)
    return m.group(1).strip() if m else ""

seen, n, bad = set(), 0, 0
with gzip.open(out, "wt", encoding="utf-8") as f:
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as g:
                doc = g.read()
            text, abstract = field(doc, "TEXT"), field(doc, "ABSTRACT")
            if abstract and abstract not in text:
                text = f"{abstract}\n{text}" if text else abstract
            try:
                when = parsedate_to_datetime(field(doc, "TIME")).astimezone(timezone.utc)
            except (TypeError, ValueError):
                bad += 1
                continue
            url = field(doc, "URL")
            digest = hashlib.md5((url + text).encode()).hexdigest()
            if not text or digest in seen:
                continue
            seen.add(digest)
            f.write(json.dumps({
                "id": field(doc, "DOCNO") or hashlib.sha1(url.encode()).hexdigest()[:16],
                "outlet": field(doc, "SRC").lower(),
                "datetime": when.strftime("%Y-%m-%d %H:%M:%S"),
                "headline": field(doc, "TITLE"),
                "text": text,
            }, ensure_ascii=False) + "\n")
            n += 1
print(f"{n} articles -> {out} ({bad} without a readable time left out)")
PY
