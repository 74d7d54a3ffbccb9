"""``python -m analysis topics``: topics with scores and evidence, in Dutch or JSON."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from ...sources.drafts import DraftError, draft_paths, load_draft
from ...sources.textfile import read_text
from ..nlp import load_pipeline
from .tagger import TopicTagger


def is_message_file(path: Path, text: str) -> bool:
    """A .txt file with one message per line (no blank lines) rather than a draft."""
    lines = text.strip().split("\n")
    return path.suffix.lower() == ".txt" and len(lines) > 1 and all(line.strip() for line in lines)


def topics_of_path(path: Path, messages: bool | None = None) -> list[dict]:
    """Tag a post, a draft, a folder of them, or a file of messages."""
    nlp, tagger = load_pipeline(), TopicTagger()
    paths = draft_paths(path)
    if len(paths) == 1 and not Path(path).is_dir():
        text = read_text(paths[0])
        if messages or (messages is None and is_message_file(paths[0], text)):
            lines = [line.strip() for line in text.split("\n") if line.strip()]
            tags = tagger.tag_messages(lines, nlp)
            return [{"file": paths[0].name, "line": i, "text": line} | tag
                    for i, (line, tag) in enumerate(zip(lines, tags), start=1)]
    results, posts = [], []
    for p in paths:
        try:
            posts.append((p, *load_draft(p)))
        except DraftError as exc:
            results.append({"file": p.name, "error": str(exc)})
    tags = tagger.tag_posts([(title, blocks) for _, title, blocks in posts], nlp)
    results += [{"file": p.name, "title": title} | tag for (p, title, _), tag in zip(posts, tags)]
    return sorted(results, key=lambda r: r["file"])


def _evidence(score: dict) -> str:
    terms = ", ".join(f"{t} ×{n}" for t, n in list(score["terms"].items())[:5])
    return (f"score {score['score']} (titel {score['title']}, kopjes {score['headings']}, "
            f"tekst {score['body']}): {terms}")


def render(results: list[dict]) -> str:
    labels = TopicTagger().taxonomy.labels()
    lines = []
    if results and "line" in results[0]:
        counts = Counter(t for r in results for t in r["topics"])
        for r in results:
            lines.append(f"regel {r['line']}: {', '.join(r['topics']) or '(geen onderwerp)'}")
        lines.append("Onderwerpen in de berichten: " + ", ".join(
            f"{labels[t]} {n}" for t, n in counts.most_common()))
        return "\n".join(lines)
    for r in results:
        if "error" in r:
            lines.append(f"{r['file']}: kan niet taggen — {r['error']}")
            continue
        lines.append(f"{r['title']} ({r['file']})")
        if not r["topics"]:
            lines.append("  geen onderwerp boven de drempel")
        for t in r["topics"]:
            lines.append(f"  {labels[t]} [{t}]: {_evidence(r['scores'][t])}")
    return "\n".join(lines)
