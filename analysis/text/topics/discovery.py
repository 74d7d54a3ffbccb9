"""Topic discovery beyond the taxonomy: NMF on TF-IDF of lemmas.

Themes are only worth showing when they are stable: the model is refitted from
several random starts and each theme of the reference fit is matched (Hungarian
assignment on cosine similarity of the term weights) to the themes of every
refit. Stability 1.0 means the same theme comes back every time; below about
0.6 a theme is more likely noise than a real subject of the blog.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer
from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language

from ...core.lexicons import read_list
from ..nlp import tokens

SEED = 20261125
STABLE = 0.6
EXTRA_STOP = read_list("discovery_stopwords.txt")


def lemma_documents(texts: list[str], nlp: Language) -> list[list[str]]:
    """Content lemmas of each text (stop words, short words and numbers removed)."""
    stop = STOP_WORDS | EXTRA_STOP
    return [[lem for word, lem in zip(toks.words, toks.lemmas)
             if word.isalpha() and len(word) > 2 and lem not in stop and word.lower() not in stop]
            for toks in tokens(nlp, texts)]


def _vectorise(docs: list[list[str]]):
    vectoriser = TfidfVectorizer(analyzer=lambda tokens: tokens, min_df=2, max_df=0.5,
                                 sublinear_tf=True)
    return vectoriser, vectoriser.fit_transform(docs)


def _fit(matrix, k: int, seed: int, init: str):
    model = NMF(n_components=k, init=init, random_state=seed, max_iter=800, tol=1e-5)
    weights = model.fit_transform(matrix)
    return model, weights


def _stability(reference: np.ndarray, others: list[np.ndarray]) -> np.ndarray:
    def unit(m):
        return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)
    ref = unit(reference)
    per_run = []
    for other in others:
        sim = ref @ unit(other).T
        rows, cols = linear_sum_assignment(-sim)
        matched = np.zeros(len(ref))
        matched[rows] = sim[rows, cols]
        per_run.append(matched)
    return np.mean(per_run, axis=0)


def discover(texts: list[str], nlp: Language, k: int = 12, runs: int = 8, n_terms: int = 8,
             seed: int = SEED) -> dict:
    """Themes with top terms and stability, and each document's theme weights and keywords.

    Returns ``{"themes": DataFrame, "doc_themes": ndarray, "keywords": list[list[str]]}``.
    """
    docs = lemma_documents(texts, nlp)
    vectoriser, matrix = _vectorise(docs)
    k = min(k, matrix.shape[0] - 1, matrix.shape[1] - 1)
    model, weights = _fit(matrix, k, seed, "nndsvda")
    refits = [_fit(matrix, k, seed + r, "random")[0].components_ for r in range(1, runs + 1)]
    stability = _stability(model.components_, refits)
    terms = vectoriser.get_feature_names_out()
    dominant = weights.argmax(axis=1)
    themes = pd.DataFrame({
        "theme": range(k),
        "top_terms": [[terms[i] for i in row.argsort()[::-1][:n_terms]] for row in model.components_],
        "stability": stability.round(2),
        "posts": [int((dominant == t).sum()) for t in range(k)],
    })
    themes["stable"] = themes["stability"] >= STABLE
    dense = matrix.toarray()
    keywords = [[terms[i] for i in row.argsort()[::-1][:5] if row[i] > 0] for row in dense]
    return {"themes": themes, "doc_themes": weights, "keywords": keywords}


def stability_by_k(texts: list[str], nlp: Language, ks=range(6, 17, 2), runs: int = 5,
                   seed: int = SEED) -> pd.DataFrame:
    """Mean theme stability for several numbers of themes, to choose k."""
    docs = lemma_documents(texts, nlp)
    _, matrix = _vectorise(docs)
    rows = []
    for k in ks:
        ref = _fit(matrix, k, seed, "nndsvda")[0].components_
        others = [_fit(matrix, k, seed + r, "random")[0].components_ for r in range(1, runs + 1)]
        s = _stability(ref, others)
        rows.append({"k": k, "mean_stability": round(float(s.mean()), 3),
                     "stable_themes": int((s >= STABLE).sum())})
    return pd.DataFrame(rows)
