"""Dutch language data lives in analysis/data/, read through core.lexicons: no module spells out
a word list of its own (such lists drift apart: the name particles were written three times)."""
from __future__ import annotations

import ast
import re

from analysis.core.lexicons import alternation, read_words

from .conftest import ROOT

WORD = re.compile(r"^[a-zà-ÿ][a-zà-ÿ' -]*$")
ALTERNATION = re.compile(r"[a-zà-ÿ' ]+(?:\|[a-zà-ÿ' ]+){5,}")
# lists that are not language data: (module, first entry) -> why
NOT_LANGUAGE = {
    ("core/cache.py", "spacy"): "the libraries whose versions key the cache",
    ("planning/search.py", "query"): "column names of a table",
    ("privacy/deidentify.py", "prefix"): "deduce's annotation tags",
    ("privacy/rules.py", "nl"): "internet domain endings",
    ("reporting/context.py", "corpus"): "field names of the report configuration",
    ("reporting/context.py", "posts"): "field names of the report context",
    ("reporting/search_sections.py", "query"): "column names of a table",
    ("reporting/sections.py", "title"): "column names of a table",
    ("sample/synthetic.py", "een week"): "the synthetic sample's generator writes its own texts",
    ("sources/contacts/columns.py", "date"): "the roles of a contact export's columns",
    ("sources/search_console.py", "query"): "the roles of a Search Console table's columns",
    ("sources/importers/htmlpage.py", "script"): "HTML elements",
    ("sources/importers/wordpress_content.py", "address"): "HTML elements",
    ("sources/importers/wordpress_content.py", "header"): "HTML elements",
    ("sources/importers/wordpress_content.py", "p"): "HTML elements",
    ("sources/website.py", "page"): "WordPress's sitemap names",
    ("text/topics/taxonomy.py", "lichaamsdeel"): "the groups of the topics.yaml schema",
}


def _literal_lists(path) -> list[tuple[int, list[str]]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        words: list[str] = []
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(words) != len(node.elts):
                words = []
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
              and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)):
            words = node.func.value.value.split()
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            for group in ALTERNATION.findall(node.value):
                found.append((node.lineno, group.split("|")))
        if len(words) >= 5 and all(WORD.match(w) for w in words):
            found.append((node.lineno, words))
    return found


def test_no_module_spells_out_a_word_list():
    offending = []
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        module = path.relative_to(ROOT / "analysis").as_posix()
        for line, words in _literal_lists(path):
            if (module, words[0].strip()) not in NOT_LANGUAGE:
                offending.append(f"{module}:{line} {words[:4]}")
    assert not offending, "word lists belong in analysis/data/: " + "; ".join(offending)


def test_the_detector_finds_the_shapes_a_word_list_takes(tmp_path):
    source = tmp_path / "example.py"
    source.write_text('A = {"van", "de", "der", "den", "het"}\nB = "groet groeten groetjes liefs mvg".split()\n'
                      'C = r"(?:straat|weg|laan|plein|gracht|kade)"\nD = ("a.b", "c", "d", "e", "f")\n',
                      encoding="utf-8")
    assert [line for line, _ in _literal_lists(source)] == [1, 2, 3]


def test_a_regular_expression_from_a_word_list_matches_its_words_whole():
    particles = read_words("names.txt", "particles")
    pattern = re.compile(rf"^{alternation(particles)}$")
    assert all(pattern.match(p) for p in particles) and not pattern.match("vander")
    assert alternation(["van", "van de"]).startswith("(?:van\\ de|van")  # the longer first
