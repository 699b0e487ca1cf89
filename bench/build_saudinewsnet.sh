#!/usr/bin/env bash
# Builds SaudiNewsNet (31,030 Arabic articles of 14 Saudi outlets, July-August 2015; Alhagri 2015,
# github:parallelfold/SaudiNewsNet) as gzipped JSONL in the shape of the 2013 Egyptian collection
# (../shared/data/news/build_egypt2013.sh), one article a line: {id, outlet, datetime, headline,
# text}, so that bench/claims_eval.py reads it (--collection OUT --set saudinewsnet --day DAY).
# A set no rule of marsad was written on. The time is the crawl's («date_extracted»: from August
# 1, 2015 on, the day of publishing, its README says). Nothing of it is kept in this repository.
# First fetch github:parallelfold/SaudiNewsNet; pass the git directory the fetch gave.
#   build_saudinewsnet.sh GIT_DIR OUT.jsonl.gz
set -euo pipefail
git_dir=${1:?git directory of the fetched SaudiNewsNet snapshot}; out=${2:?output .jsonl.gz}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
git --git-dir="$git_dir" archive HEAD dataset | tar -x -C "$work"
python3 - "$work/dataset" "$out" <<'PY'
import gzip, hashlib, json, os, sys, zipfile
root, out = sys.argv[1:]
seen, n = set(), 0
with gzip.open(out, "wt", encoding="utf-8") as f:
    for name in sorted(os.listdir(root)):
        if not name.endswith(".zip"):
            continue
        with zipfile.ZipFile(os.path.join(root, name)) as z:
            for member in sorted(z.namelist()):
                for a in json.loads(z.read(member).decode("utf-8")):
                    text = (a.get("content") or "").strip()
                    digest = hashlib.md5((a["source"] + text).encode()).hexdigest()
                    if digest in seen or not text:
                        continue
                    seen.add(digest)
                    uid = hashlib.sha1(a["url"].encode()).hexdigest()[:16]
                    f.write(json.dumps({"id": uid, "outlet": a["source"], "datetime": a["date_extracted"], "headline": (a.get("title") or "").strip(), "text": text}, ensure_ascii=False) + "\n")
                    n += 1
print(f"{n} articles -> {out}")
PY
