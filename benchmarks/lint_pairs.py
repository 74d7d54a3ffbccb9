"""LiNT on real pairs of Dutch texts about one condition: one written for patients, one for
professionals (a KNGF guideline). A readability score worth showing ranks the patient text easier
in every pair (issue 35; figures in docs/frog.md).

The texts are other people's: they stay on this machine in ``benchmarks/lint_pairs/texts/<id>.txt``
(git-ignored; the first line the title, one paragraph per line, list items with '- '); only the index
is committed: ``benchmarks/lint_pairs/pairs.tsv`` (pair, kind, id, URL). Needs Frog
(``apt-get install frog frogdata``). None of these texts was used to build the noun classes or any
other rule, so the noun coverage printed is that of unseen text.

    .venv/bin/python benchmarks/lint_pairs.py
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks" / "lint_pairs"
RESULTS = ROOT / "benchmarks" / "results" / "lint_pairs.json"


def main() -> int:
    from analysis.sources.drafts import draft_from_text
    from analysis.text.draft_check import check_blocks
    from analysis.text.frog import frog_version
    from analysis.text.nlp import load_pipeline

    if not frog_version():
        print("Frog is not installed (apt-get install frog frogdata): no LiNT scores", file=sys.stderr)
        return 2
    with open(HERE / "pairs.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    nlp = load_pipeline()
    scores: dict[str, dict[str, dict]] = {}
    for row in rows:
        path = HERE / "texts" / f"{row['id']}.txt"
        if not path.exists():
            print(f"not on this machine: {row['id']}", file=sys.stderr)
            continue
        title, blocks = draft_from_text(path.read_text(encoding="utf-8"), row["id"])
        result = check_blocks(title, blocks, nlp)
        scores.setdefault(row["pair"], {})[row["kind"]] = result["lint"] | {
            "words": result["words"], "flesch_douma": result["flesch_douma"], "b1": result["b1"]}
    pairs = {name: kinds for name, kinds in scores.items() if {"patient", "professional"} <= kinds.keys()}
    ordered = sum(k["patient"]["score"] < k["professional"]["score"] for k in pairs.values())
    levels = sum(k["patient"]["level"] < k["professional"]["level"] for k in pairs.values())
    texts = [t for kinds in scores.values() for t in kinds.values()]
    coverage = sum(t["nouns_classified"] for t in texts) / max(1, sum(t["nouns"] for t in texts))
    summary = {"pairs": len(pairs), "patient_text_easier": ordered, "patient_level_lower": levels,
               "nouns_classified_share": round(coverage, 3), "frog": frog_version(), "texts": scores}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    for name, kinds in pairs.items():
        p, q = kinds["patient"], kinds["professional"]
        print(f"{name:10} patient {p['score']:5.1f} (niveau {p['level']})   professional {q['score']:5.1f} "
              f"(niveau {q['level']})")
    print(f"patient text easier in {ordered} of {len(pairs)} pairs; a lower level in {levels}; "
          f"{coverage:.0%} of the nouns classified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
