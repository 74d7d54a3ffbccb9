"""The draft checker on real Dutch patient articles (issue 34's evaluation; figures in docs/real-texts.md).

The texts are other people's (practice websites, health sites, newspapers): they stay on this
machine in ``benchmarks/real_texts/texts/<id>.txt`` (git-ignored; the page's text as collected,
its first line the title) and only their index is committed: ``benchmarks/real_texts/labels.tsv``
with the URL and our own hand labels per text:

- ``topics``: the subjects the article is about (taxonomy ids, main first), not passing mentions;
- ``b1``: our judgement of the text for a B1 reader: ``yes``, ``no`` or ``unclear`` (left out of
  the verdict's agreement);
- ``hard_words``: the words we judge too hard for a B1 reader (as written in the text);
- ``passives``: the participles of the passive constructions in the text (``wordt ... uitgevoerd``).

Each text belongs to the tuning part or the held-out part by a hash of its id, not by choice; rules
may be tuned on the tuning part only, and ``--show`` prints details for tuning texts only.

    .venv/bin/python benchmarks/real_texts.py            # the figures per part
    .venv/bin/python benchmarks/real_texts.py --tune-only  # while changing a rule
    .venv/bin/python benchmarks/real_texts.py --show rug-krant
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

from analysis.text.nlp import lookup_lemma

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks" / "real_texts"
RESULTS = ROOT / "benchmarks" / "results" / "real_texts.json"


def part(text_id: str) -> str:
    """'tune' or 'heldout', fixed by the id (half each, not chosen)."""
    return "heldout" if int(hashlib.sha1(text_id.encode()).hexdigest(), 16) % 2 == 0 else "tune"


def read_labels(path: Path = HERE / "labels.tsv") -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    for row in rows:
        row["topics"] = [t for t in row["topics"].split(",") if t]
        row["hard_words"] = [w.lower() for w in row["hard_words"].split(";") if w]
        row["passives"] = [w.lower() for w in row["passives"].split(";") if w]
        row["part"] = part(row["id"])
    return rows


def flagged_words(result: dict) -> set[str]:
    """The words the draft page marks in a text: rare and other hard words, formal words and
    medical terms."""
    marks = set()
    for s in result["sentences"]:
        marks.update(w.lower() for w in s["rare_words"])
        marks.update(w.lower() for w, _ in s.get("hard_words", []))
        marks.update(term.lower() for term, _ in s["formal"])
        marks.update(term.lower() for term, _ in s["jargon"])
    return marks


def _same(word: str, mark: str) -> bool:
    """A labelled word and a marked word are the same word in another form (aandoening,
    aandoeningen; aanvullend, aanvullende): the reader's judgement is of the word, not of its
    ending."""
    return word == mark or lookup_lemma(word) == lookup_lemma(mark) or {word, mark} == {word, word + "e"} \
        or {word, mark} == {mark, mark + "e"}


def _hit(word: str, marks: set[str]) -> bool:
    return any(_same(word, m) for m in marks) or any(word in m.split() for m in marks if " " in m)


def text_words(result: dict) -> set[str]:
    return {w.lower() for s in result["sentences"] for w in re.findall(r"[\w’'-]+", s["text"])}


def evaluate(row: dict, result: dict, vocabulary: frozenset[str] = frozenset()) -> dict:
    """One text's counts against its labels. A word labelled hard in any text (*vocabulary*)
    is hard in every text it occurs in, in each of its forms: one labeller's judgement of a word
    does not change from one text or ending to the next."""
    marks = flagged_words(result)
    known = {lookup_lemma(w) for w in vocabulary}
    hard = set(row["hard_words"]) | {w for w in text_words(result) if w in vocabulary or lookup_lemma(w) in known}
    passive_flags = [s["passive"].lower() for s in result["sentences"] if s["passive"]]
    right_passive = [f for f in passive_flags if any(p in f.split() for p in row["passives"])]
    found_passive = [p for p in row["passives"] if any(p in f.split() for f in passive_flags)]
    predicted = result["topics"]["topics"]
    return {
        "words": result["words"],
        "hard": len(hard), "hard_found": sum(_hit(w, marks) for w in hard),
        "false_flags": sorted(m for m in marks if not any(_same(w, m) or w in m.split() for w in hard)),
        "passive_flags": len(passive_flags), "passive_right": len(right_passive),
        "passives": len(row["passives"]), "passives_found": len(found_passive),
        "topics_predicted": predicted, "topics_right": [t for t in predicted if t in row["topics"]],
        "topics_missed": [t for t in row["topics"] if t not in predicted],
        "b1_label": row["b1"], "b1_verdict": "yes" if result["b1"] else "no",
    }


def summarise(evaluations: list[dict]) -> dict:
    """The figures of one part (issue 34's aims beside them in docs/real-texts.md)."""
    total = Counter()
    for e in evaluations:
        total.update({k: e[k] for k in ("words", "hard", "hard_found", "passive_flags", "passive_right",
                                        "passives", "passives_found")})
        total["false_flags"] += len(e["false_flags"])
        total["predicted"] += len(e["topics_predicted"])
        total["predicted_right"] += len(e["topics_right"])
        total["labelled"] += len(e["topics_right"]) + len(e["topics_missed"])
    clear = [e for e in evaluations if e["b1_label"] != "unclear"]
    ratio = lambda a, b: round(a / b, 3) if b else None  # noqa: E731
    return {
        "texts": len(evaluations), "words": total["words"],
        "hard_word_recall": ratio(total["hard_found"], total["hard"]),
        "false_flags_per_300_words": ratio(300 * total["false_flags"], total["words"]),
        "passive_precision": ratio(total["passive_right"], total["passive_flags"]),
        "passive_recall": ratio(total["passives_found"], total["passives"]),
        "topic_precision": ratio(total["predicted_right"], total["predicted"]),
        "topic_recall": ratio(total["predicted_right"], total["labelled"]),
        "verdict_agreement": ratio(sum(e["b1_label"] == e["b1_verdict"] for e in clear), len(clear)),
        "verdict_clear_cases": len(clear),
        "plain_texts_passed": f"{sum(e['b1_verdict'] == 'yes' for e in clear if e['b1_label'] == 'yes')}"
                              f" of {sum(e['b1_label'] == 'yes' for e in clear)}",
    }


CUT_WORD = re.compile(r"\s*\S*[^\W\d_]\s*$")  # an excerpt that ends inside a word ("… een nieuw pa")


def page_text(path: Path) -> str:
    """A collected text without the word the search's excerpt cut off at its end (the cut word,
    "benaderin", is not the page's)."""
    text = path.read_text(encoding="utf-8")
    return CUT_WORD.sub("", text) if text.rstrip()[-1:].isalpha() else text


def check_all(rows: list[dict], texts: Path) -> dict[str, tuple[dict, dict]]:
    from analysis.sources.drafts import draft_from_text
    from analysis.text.draft_check import check_blocks
    from analysis.text.nlp import load_pipeline

    nlp = load_pipeline()
    out = {}
    for row in rows:
        path = texts / f"{row['id']}.txt"
        if not path.exists():
            continue
        title, blocks = draft_from_text(page_text(path), row["id"])
        out[row["id"]] = (row, check_blocks(title, blocks, nlp))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=HERE / "texts", help="folder with <id>.txt")
    parser.add_argument("--show", help="details of one tuning text")
    parser.add_argument("--tune-only", action="store_true",
                        help="print the tuning part's figures only (while rules are changed)")
    args = parser.parse_args()
    rows = read_labels()
    checked = check_all(rows, args.texts)
    missing = [r["id"] for r in rows if r["id"] not in checked]
    if missing:
        print(f"{len(missing)} texts not on this machine: {', '.join(missing)}", file=sys.stderr)
    vocabulary = frozenset(w for r in rows for w in r["hard_words"])
    if args.show:
        row, result = checked[args.show]
        if row["part"] != "tune":
            print("held-out text: no details (tune only on the tuning part)", file=sys.stderr)
            return 2
        print(json.dumps(evaluate(row, result, vocabulary) | {"labels": row}, indent=2, ensure_ascii=False))
        return 0
    parts = ("tune",) if args.tune_only else ("tune", "heldout")
    figures = {name: summarise([evaluate(r, res, vocabulary) for r, res in checked.values() if r["part"] == name])
               for name in parts}
    if not args.tune_only:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
