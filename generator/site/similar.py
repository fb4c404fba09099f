""" "Inovasi serupa": for every innovation, the few most similar innovations of other regions.

Similarity is computed once per build from the words of an innovation's name, kepanjangan,
summary and tags, and its sector. The words are cut to a light Indonesian stem
(`pelayanan` and `layanan` both give `layan`) after dropping stopwords.

Time grows linearly with the catalogue: an inverted index maps each word to the innovations
that use it, and a word used by more than `MAX_POSTING` innovations is skipped (it tells
little about likeness, and scanning its list for every innovation would be quadratic). Each
innovation then meets only the innovations on its words' lists, at most
`words per innovation x MAX_POSTING` comparisons, whatever the catalogue's size.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.records.catalogue import Catalogue
from generator.records.model import Innovation

MAX_POSTING = 200
"""A word shared by more innovations than this is too common to say two are alike."""
HOW_MANY = 4
SAME_SECTOR = 1.5
"""Score added when two innovations share a sector; a rare shared word weighs about 2-7."""
MIN_SCORE = 1.0
"""Below this, two innovations have nothing meaningful in common and none is shown."""
SCALE = 1_000_000

_WORD = re.compile(r"[a-z0-9]+")

_STOPWORD_TEXT = """
    ada adalah agar akan antara atas atau bagi bahwa baik banyak bersama bisa dalam dan dapat
    dari demi dengan di hal hingga ia ini itu jika juga ke kepada lebih lewat maupun melalui
    mereka milik nya oleh pada para per saat sampai secara sehingga selama serta setiap
    sudah supaya tanpa telah tentang terhadap tersebut tidak untuk yaitu yakni yang
    kabupaten kota provinsi pemerintah daerah dinas badan kantor inovasi program aplikasi
    sistem layanan pelayanan publik masyarakat warga
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
"""Function words, and words nearly every record of this catalogue uses."""

_PARTICLES = ("lah", "kah", "nya", "pun")
_SUFFIXES = ("kan", "an", "i")
_PREFIXES = (
    "meng",
    "peng",
    "mem",
    "pem",
    "men",
    "pen",
    "ber",
    "per",
    "ter",
    "me",
    "pe",
    "di",
    "ke",
)


def stem(word: str) -> str:
    """A light Indonesian stem: one particle, one suffix and one prefix removed, each only
    when at least four letters stay. Not a full stemmer; enough to match word families."""
    for ending in _PARTICLES:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    for ending in _SUFFIXES:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    for start in _PREFIXES:
        if word.startswith(start) and len(word) - len(start) >= 4:
            word = word[len(start) :]
            break
    return word


def words_of(texts: Iterable[str]) -> set[str]:
    """The stemmed content words of some texts: lowercase, no stopwords, no short words."""
    found = set()
    for text in texts:
        for word in _WORD.findall(text.lower()):
            if len(word) < 3 or word in STOPWORDS or word.isdigit():
                continue
            stemmed = stem(word)
            if stemmed not in STOPWORDS:
                found.add(stemmed)
    return found


def innovation_words(innovation: Innovation) -> set[str]:
    """The words that describe what an innovation does."""
    texts = [innovation.nama, innovation.kepanjangan or "", innovation.ringkasan, *innovation.tag]
    return words_of(texts)


@dataclass(frozen=True)
class Similarity:
    """The similar innovations of every innovation (slugs, best first), and how many
    candidate pairs were scored to find them (the measure of the work done)."""

    similar: dict[str, tuple[str, ...]]
    comparisons: int


def similar_innovations(catalogue: Catalogue, how_many: int = HOW_MANY) -> Similarity:
    """For each innovation, up to `how_many` innovations of other regions, most similar first;
    ties go to the alphabetically first slug, so the result is the same on every build."""
    innovations = catalogue.innovations
    words = {slug: sorted(innovation_words(i)) for slug, i in innovations.items()}
    posting: dict[str, list[str]] = defaultdict(list)
    for slug, own in words.items():
        for word in own:
            posting[word].append(slug)
    total = max(len(innovations), 1)
    # Scores are sums of integer weights (millionths): exact, so equal scores tie the same way
    # on every machine without rounding each candidate's score.
    weight = {
        word: round(math.log(1 + total / len(slugs)) * SCALE)
        for word, slugs in posting.items()
        if 1 < len(slugs) <= MAX_POSTING
    }
    same_sector = round(SAME_SECTOR * SCALE)
    min_score = round(MIN_SCORE * SCALE)
    similar: dict[str, tuple[str, ...]] = {}
    comparisons = 0
    for slug, innovation in innovations.items():
        scores: dict[str, int] = defaultdict(int)
        for word in words[slug]:
            word_weight = weight.get(word)
            if word_weight is None:
                continue
            others = posting[word]
            comparisons += len(others)
            for other in others:
                scores[other] += word_weight
        scores.pop(slug, None)
        ranked = []
        for other, score in scores.items():
            candidate = innovations[other]
            if candidate.wilayah == innovation.wilayah:
                continue
            if candidate.bidang == innovation.bidang:
                score += same_sector
            if score >= min_score:
                ranked.append((-score, other))
        similar[slug] = tuple(other for _, other in heapq.nsmallest(how_many, ranked))
    return Similarity(similar, comparisons)
