"""Practices alike in their words: each practice's closest ones, and the words they share.

Each practice is the words of its title and tags (counted twice), its summary and its body,
lower-cased, without Spanish stop words (data/stopwords-es.txt), cut to their stems by
Snowball's Spanish stemmer (`snowballstemmer`) and stripped of accents after it
(«digitalización» and «digitalizacion» are one stem). A stem weighs by TF-IDF,
(1 + ln tf) · (ln((1 + n) / (1 + df)) + 1) over the length of the practice's whole vector:
the formula of scikit-learn's TfidfVectorizer(sublinear_tf=True). A practice keeps its TERMS
strongest stems that another practice also has, and two practices are as alike as the
cosine of those vectors: what the strongest words of both have in common.

Below THRESHOLD nothing is said alike: an unrelated practice is never offered to fill a list.
The scores go through numpy in blocks of practices (each block's stems' postings summed by
`bincount`): 10,000 practices take seconds, where comparing their pairs in Python took
minutes. Scores are rounded before they are compared and ties go by the practices' order, so
every run, both processes of a build and both engines give the same lists.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import resources
from typing import Any

import numpy as np
import snowballstemmer

from generator.parallel import in_parallel

TERMS = 24  # stems kept per practice
# Each stem is looked up in the CHAMPIONS practices where it weighs most (its «champion
# list», Manning, Raghavan & Schütze, Introduction to Information Retrieval, 7.1.3): what a
# practice is compared with grows with the practices, not with their square.
CHAMPIONS = 200
THRESHOLD = 0.15  # the cosine below which two practices are not alike
NEIGHBOURS = 12  # kept per practice, best first (the center pages look further than 5)
SHARED_WORDS = 3  # said per suggestion: «comparten: ferias, almaceneros»
BLOCK = 256  # practices scored at once: BLOCK x n floats (20 MB at 10,000 practices)
MIN_BLOCKS_TO_SPLIT = 8  # below, a second process costs more than it saves
DECIMALS = 9  # scores are compared rounded, so that a last bit never changes an order

# Spanish letters, lower-cased (an explicit class reads twice as fast as [^\W\d_]).
_WORD = re.compile(r"[a-záéíóúüñàèìòùç]{3,}")


@dataclass(frozen=True)
class Document:
    """What similarity reads of a practice."""

    id: str
    center: str
    title: str
    summary: str
    tags: tuple[str, ...]
    body: str


@dataclass(frozen=True)
class Neighbour:
    id: str
    score: float  # the cosine, rounded to DECIMALS


@cache
def stop_words() -> frozenset[str]:
    """Spanish function words (generator/site/data/stopwords-es.txt), accented or not."""
    text = resources.files("generator.site").joinpath("data/stopwords-es.txt").read_text("utf-8")
    found = {w for line in text.splitlines() if (w := line.split("#")[0].strip())}
    return frozenset(found | {_unaccented(w) for w in found})


def _unaccented(text: str) -> str:
    """Without acute and grave accents and diaeresis; «ñ» stays (año is not ano)."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if c not in "\u0301\u0300\u0308")
    return unicodedata.normalize("NFC", kept)


def words(document: Document) -> list[str]:
    """Its words, lower-cased; the title and the tags count twice."""
    heading = " ".join([document.title, *document.tags]).lower()
    rest = f"{document.summary}\n{document.body}".lower()
    return _WORD.findall(heading) * 2 + _WORD.findall(rest)


@dataclass
class _Counts:
    """Every (document, stem) pair with its count, as flat lists; the stems' written forms."""

    doc: list[int]
    stem: list[str]
    count: list[int]
    forms: dict[str, str]  # stem -> the word written most often for it


@dataclass(frozen=True)
class _Text:
    """One document's words and stems, with how often each occurs."""

    words: Counter[str]
    stems: dict[str, int]


@dataclass
class Kept:
    """What the preview keeps between rebuilds (publish.tree.PreviewCache): the last lists
    with the texts they came from, each text's stems and each word's stem. After a save that
    changed one practice, only that one is read again."""

    documents: tuple[Document, ...] = ()
    alike: Alike | None = None
    texts: dict[Document, _Text] = field(default_factory=dict)
    stems: dict[str, str] = field(default_factory=dict)  # word -> stem ("" for a stop word)


def _text(document: Document, stem_of: dict[str, str], stemmer: Any) -> _Text:
    found = Counter(words(document))
    stops = stop_words()
    stems: dict[str, int] = {}
    for word, count in found.items():
        stem = stem_of.get(word)
        if stem is None:
            stem = "" if word in stops else _unaccented(stemmer.stemWord(word))
            stem_of[word] = stem
        if stem:
            stems[stem] = stems.get(stem, 0) + count
    return _Text(found, stems)


def _counts(documents: Sequence[Document], kept: Kept) -> _Counts:
    stemmer = snowballstemmer.stemmer("spanish")
    used: Counter[str] = Counter()
    counts = _Counts([], [], [], {})
    texts: dict[Document, _Text] = {}
    for position, document in enumerate(documents):
        text = kept.texts.get(document) or _text(document, kept.stems, stemmer)
        texts[document] = text
        used.update(text.words)
        counts.doc += [position] * len(text.stems)
        counts.stem += text.stems.keys()
        counts.count += text.stems.values()
    kept.texts = texts
    best: dict[str, tuple[int, str]] = {}
    for word, count in used.items():
        stem = kept.stems[word]
        if stem and (-count, word) < best.get(stem, (1, "")):
            best[stem] = (-count, word)
    counts.forms = {stem: word for stem, (_, word) in best.items()}
    return counts


@dataclass
class Vectors:
    """Each practice's strongest stems, one row per (practice, stem), by practice and then
    by weight; stems are numbered in alphabetical order."""

    doc: np.ndarray
    term: np.ndarray
    weight: np.ndarray  # over the length of the practice's whole vector
    stems: list[str]  # number -> stem
    forms: dict[str, str]  # stem -> its written form


def vectors(documents: Sequence[Document], kept: Kept | None = None) -> Vectors:
    counts = _counts(documents, kept or Kept())
    stems = sorted(set(counts.stem))
    number = {stem: i for i, stem in enumerate(stems)}
    doc = np.array(counts.doc, dtype=np.int64)
    term = np.array([number[s] for s in counts.stem], dtype=np.int64)
    df = np.bincount(term, minlength=len(stems))
    idf = np.log((1 + len(documents)) / (1 + df)) + 1
    weight = (1 + np.log(np.array(counts.count, dtype=np.float64))) * idf[term]
    norm = np.sqrt(np.bincount(doc, weight * weight, minlength=len(documents)))
    weight = weight / norm[doc]
    shared = df[term] > 1  # a stem no other practice has cannot make two alike
    doc, term, weight = doc[shared], term[shared], weight[shared]
    order = np.lexsort((term, -np.round(weight, DECIMALS), doc))
    doc, term, weight = doc[order], term[order], weight[order]
    starts = np.searchsorted(doc, doc)  # each row's practice's first row
    strongest = np.arange(len(doc)) - starts < TERMS
    return Vectors(doc[strongest], term[strongest], weight[strongest], stems, counts.forms)


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The indices start .. start + length - 1 of every range, one range after the other."""
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(int(lengths.sum()), dtype=np.int64)


def _blocks(found: Vectors, n: int, firsts: Sequence[int]) -> Iterator[tuple[int, np.ndarray]]:
    """(first practice of a block, the block's rows of cosines with every practice), for the
    blocks that start at `firsts`."""
    by_term = np.lexsort((found.doc, -np.round(found.weight, DECIMALS), found.term))
    post_term = found.term[by_term]
    champions = np.arange(len(by_term)) - np.searchsorted(post_term, post_term) < CHAMPIONS
    by_term = by_term[champions]
    post_doc, post_weight = found.doc[by_term], found.weight[by_term]
    starts = np.searchsorted(post_term[champions], np.arange(len(found.stems)))
    lengths = np.diff(np.append(starts, len(by_term)))
    row_starts = np.searchsorted(found.doc, np.arange(n + 1))
    for first in firsts:
        last = min(first + BLOCK, n)
        rows = np.arange(row_starts[first], row_starts[last])
        terms = found.term[rows]
        picked = _ranges(starts[terms], lengths[terms])
        queries = np.repeat(found.doc[rows] - first, lengths[terms])
        weights = np.repeat(found.weight[rows], lengths[terms]) * post_weight[picked]
        cells = queries * n + post_doc[picked]
        block = np.bincount(cells, weights, minlength=(last - first) * n)
        yield first, np.round(block.reshape(last - first, n), DECIMALS)


@dataclass(frozen=True)
class Alike:
    """Each practice's NEIGHBOURS most alike at THRESHOLD or above, best first (ties: the
    practices' order), then the best of another center if none of those is; `shared` says in
    which words two practices are alike."""

    neighbours: dict[str, tuple[Neighbour, ...]]
    terms: dict[str, dict[str, float]]  # practice -> its stems' written forms -> weight

    def shared(self, one: str, other: str) -> tuple[str, ...]:
        """The words both use, those that weigh most in their score first."""
        mine, theirs = self.terms[one], self.terms[other]
        both = [
            (-round(w * theirs[form], DECIMALS), form) for form, w in mine.items() if form in theirs
        ]
        return tuple(form for _, form in sorted(both)[:SHARED_WORDS])


def _best(row: np.ndarray, elsewhere: np.ndarray) -> list[tuple[int, float]]:
    """The NEIGHBOURS highest scores of a row at THRESHOLD or above, as (column, score), best
    first (equal scores by column, also where the cut falls among them); and the best of the
    columns `elsewhere` (another center's practices) after them, if it was not among them."""
    candidates = np.flatnonzero(row >= THRESHOLD)
    if len(candidates) > NEIGHBOURS:
        scores = row[candidates]
        cut = -np.partition(-scores, NEIGHBOURS - 1)[NEIGHBOURS - 1]
        outside = candidates[elsewhere[candidates]]
        other = outside[np.lexsort((outside, -row[outside]))[:1]]
        candidates = np.concatenate([candidates[scores > cut], candidates[scores == cut], other])
    pairs = zip(candidates.tolist(), row[candidates].tolist(), strict=True)
    ranked = sorted(set(pairs), key=lambda pair: (-pair[1], pair[0]))
    best = ranked[:NEIGHBOURS]
    others = [pair for pair in ranked if elsewhere[pair[0]]]
    if others and others[0] not in best:
        best.append(others[0])
    return best


def alike(documents: Sequence[Document], kept: Kept | None = None, workers: int = 1) -> Alike:
    """The practices alike among `documents`; with what the preview `kept`, the same lists as
    last time when no text changed, and only the changed texts read again. With two
    `workers`, a second process scores the second half of the practices."""
    if kept is not None and kept.alike is not None and kept.documents == tuple(documents):
        return kept.alike
    found = _alike(documents, kept, workers)
    if kept is not None:
        kept.documents, kept.alike = tuple(documents), found
    return found


def _alike(documents: Sequence[Document], kept: Kept | None, workers: int) -> Alike:
    n = len(documents)
    if n < 2:
        return Alike({d.id: () for d in documents}, {d.id: {} for d in documents})
    found = vectors(documents, kept)
    ids = [d.id for d in documents]
    centers = np.array([d.center for d in documents])
    firsts = range(0, n, BLOCK)
    if workers < 2 or len(firsts) < MIN_BLOCKS_TO_SPLIT:
        neighbours = _neighbours(found, ids, centers, firsts)
    else:  # at 10,000 practices, 5.9 s in one process
        half = len(firsts) // 2
        mine, theirs = in_parallel(
            partial(_neighbours, found, ids, centers, firsts[:half]),
            partial(_neighbours, found, ids, centers, firsts[half:]),
        )
        neighbours = {**mine, **theirs}
    terms: dict[str, dict[str, float]] = {key: {} for key in ids}
    for doc, term, weight in zip(
        found.doc.tolist(), found.term.tolist(), found.weight.tolist(), strict=True
    ):
        terms[ids[doc]][found.forms[found.stems[term]]] = weight
    return Alike(neighbours, terms)


def _neighbours(
    found: Vectors, ids: list[str], centers: np.ndarray, firsts: Sequence[int]
) -> dict[str, tuple[Neighbour, ...]]:
    """The neighbours of the practices in the blocks that start at `firsts`."""
    neighbours: dict[str, tuple[Neighbour, ...]] = {}
    for first, block in _blocks(found, len(ids), firsts):
        for offset, row in enumerate(block):
            row[first + offset] = 0.0
            ranked = _best(row, centers != centers[first + offset])
            neighbours[ids[first + offset]] = tuple(Neighbour(ids[j], score) for j, score in ranked)
    return neighbours
