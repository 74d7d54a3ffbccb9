"""deduce's tries in compact form answer exactly as deduce's own (analysis/privacy/compact_lookup.py)."""
from __future__ import annotations

import random

import docdeid as dd
import pytest
from docdeid.ds.lookup import LookupTrie

from analysis.privacy.compact_lookup import SEP, CompactTrie, compacted, sequences

WORDS = ["Kerk", "straat", "Grote", "Oost", "van", "den", "Berg", "laan", "de", "St", ".", "Jan", "zorg", "Hoorn"]


def _pair(pipeline=None, seed: int = 7) -> tuple[LookupTrie, CompactTrie]:
    rng = random.Random(seed)
    trie = LookupTrie(matching_pipeline=pipeline)
    for _ in range(300):
        trie.add_item([rng.choice(WORDS) for _ in range(rng.randint(1, 4))])
    return trie, CompactTrie(sequences(trie), pipeline)


@pytest.mark.parametrize("pipeline", [None, [dd.str.LowercaseString()]])
def test_the_compact_trie_finds_the_same_longest_prefix_and_members(pipeline):
    trie, compact = _pair(pipeline)
    rng = random.Random(11)
    words = WORDS + [w.upper() for w in WORDS] + ["onbekend"]
    checked = 0
    for _ in range(3000):
        item = [rng.choice(words) for _ in range(rng.randint(0, 7))]
        start = rng.randint(0, max(0, len(item) - 1))
        assert compact.longest_matching_prefix(item, start_i=start) == trie.longest_matching_prefix(item, start)
        if pipeline is None:  # docdeid's own 'in' applies a pipeline to the first word only; ours to every word
            assert (item in compact) == (item in trie)
        checked += trie.longest_matching_prefix(item, start) is not None
    assert checked > 300  # the draws did match, not only miss
    assert set(compact.children) == set(trie.children)  # where deduce's annotators start a match
    assert len(compact) == sum(1 for _ in sequences(trie))


def test_a_word_holding_the_separator_never_joins_two_words():
    trie = LookupTrie()
    trie.add_item(["Grote", "Oost"])
    compact = CompactTrie(sequences(trie))
    assert compact.longest_matching_prefix([f"Grote{SEP}Oost"]) is None
    assert compact.longest_matching_prefix(["Grote", "Oost", f"x{SEP}"]) == ["Grote", "Oost"]
    assert [f"Grote{SEP}Oost"] not in compact
    with pytest.raises(TypeError):
        compact.add_item(["nieuw"])


def test_only_tries_are_replaced_and_the_rest_is_kept():
    trie, _ = _pair()
    words = dd.ds.LookupSet()
    words.add_items_from_iterable(["knie", "rug"])
    out = compacted(dd.ds.DsCollection(street=trie, whitelist=words))
    assert isinstance(out["street"], CompactTrie) and out["whitelist"] is words


def test_the_deduce_of_this_process_runs_on_compact_lists():
    """The instance the import uses: every trie compact, and streets, names and institutions still found."""
    from analysis.privacy.deidentify import deduce_model

    model = deduce_model()
    assert all(isinstance(s, CompactTrie) for s in model.lookup_structs.values() if isinstance(s, LookupTrie))
    found = {a.text: a.tag for a in model.deidentify(
        "Ik ben Jan de Vries, ik woon aan de Kerkstraat 12 in Hoorn en werk bij Zorggroep Hoorn.").annotations}
    assert found["Jan de Vries"] == "persoon" and found["Kerkstraat 12"] == "locatie"
