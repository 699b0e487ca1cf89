"""What keeping a story's claim search saves: for the largest stories of a store, the seconds of
building the dossier from every member, against going on from the search kept one member
earlier (the search read back from its JSON, the last member read, the search written again:
what a run adding one article to a big story pays), and the kept search's size. Both give the
same dossier (checked).

    .venv/bin/python bench/claim_search.py --db STORE [--stories 3] [--rounds 3]

A store from a run, e.g. `bench/cluster_eval.py --stance`'s (build/stance/out/marsad.db): its
largest story holds 117 long articles. Times are the best of --rounds.
"""

from __future__ import annotations

import argparse
import time
import zlib
from collections import Counter

from marsad.store import open_store
from marsad.stories.dossier import build_dossier_from
from marsad.stories.weights import story_weights


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--stories", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with open_store(args.db, readonly=True) as store:
        placed = store.story_assignments()
        idf = story_weights(store.entity_names())
        sizes = Counter(s for s, _ in placed.values())
        for story_id, n in sizes.most_common(args.stories):
            ids = [a for a, (s, _) in placed.items() if s == story_id]
            records = store.records(ids, with_removed=False)
            members = sorted((records[i] for i in ids), key=lambda a: (a.published or "9999", a.id))
            copies = {a: c for a, (s, c) in placed.items() if s == story_id and c}
            _, before = build_dossier_from(None, story_id, members[:-1], copies, [], idf)
            kept = before.to_json()
            full, on = float("inf"), float("inf")
            for _ in range(args.rounds):
                t0 = time.perf_counter()
                whole, search = build_dossier_from(None, story_id, members, copies, [], idf)
                t1 = time.perf_counter()
                gone_on, again = build_dossier_from(kept, story_id, members, copies, [], idf)
                again.to_json()
                t2 = time.perf_counter()
                full, on = min(full, t1 - t0), min(on, t2 - t1)
            assert gone_on == whole
            print(
                f"story of {n} articles, {len(search.sentences)} sentences: from every member {full:.2f} s;"
                f" going on from the search kept one member earlier {on:.2f} s ({full / on:.1f} times less);"
                f" kept search {len(kept.encode()) / 1e6:.1f} MB, {len(zlib.compress(kept.encode(), 1)) / 1e6:.1f} MB compressed",
                flush=True,
            )


if __name__ == "__main__":
    main()
