""" "Inovasi serupa": for every innovation, the few most similar innovations of other regions.

Two innovations are alike, as a visitor judges it, when they answer the same problem the same
way: the text of an innovation's problem and solution (`masalah`, `solusi`) weighs with its
name, kepanjangan, summary and tags, then its sector and its kind of owner add a little. Each
innovation's text becomes a TF-IDF vector of content words: lowercase, the terms of a synonym
group (`referensi/sinonim.yml`) folded into one, stopwords and place names dropped, each word
cut to a light Indonesian stem (`pelayanan` and `layanan` both give `layan`). Two vectors are
compared by their cosine, over the words both keep (below).

Time grows linearly with the catalogue: each innovation keeps its `TOP_TERMS` heaviest words,
an inverted index maps each kept word to the innovations that keep it, and a word kept by
more than `MAX_POSTING` innovations is skipped (it tells little about likeness, and scanning
its list for every innovation would be quadratic). Each innovation then meets only the
innovations on its words' lists, at most `TOP_TERMS x MAX_POSTING` comparisons, whatever the
catalogue's size. Long fields are read up to `FIELD_CHARS`, as the search index reads them.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from generator.records.model import Innovation

MAX_POSTING = 200
"""A word kept by more innovations than this is too common to say two are alike."""
TOP_TERMS = 24
"""The heaviest words of an innovation that can make another one its candidate."""
HOW_MANY = 4
FIELD_CHARS = 1000
"""Characters of the problem and the solution read (the longest in the shipped catalogue is
988 long; a field that runs to pages is read by its opening)."""
TAG_WEIGHT = 3
"""Tags are chosen by an editor to say what an innovation is about: each counts three times."""
SAME_SECTOR = 0.09
"""Added to the cosine (0 to 1) when two innovations share a sector."""
SAME_OWNER = 0.03
"""Added when two innovations have the same kind of owner (regional government, university)."""
MIN_SCORE = 0.17
"""Below this score nothing is shown: innovations of one sector and one kind of owner need a
cosine of 0.05, of different sectors one of 0.14 (a few words in common is chance).

The weights and this floor were set against the judged pairs of the shipped catalogue
(`tests/similar_judgements.py`): precision at 3 first, then as many related pairs shown."""
SCALE = 1_000_000

_WORD = re.compile(r"[a-z0-9]+")

_STOPWORD_TEXT = """
    ada adalah agar akan aku amat anda antara antar apa apabila atas atau bagi bagaimana bahwa
    baik banyak baru beberapa belum berbagai bersama besar bisa bukan cukup dalam dan dapat dari
    demi dengan di dia ia hal hanya harus hingga ini itu jadi jika juga kami kata ke kemudian
    kepada kini kita lagi lain lalu lama lebih lewat maka masih masing maupun melalui menjadi
    menurut mereka milik mulai nya oleh pada para per perlu pula saat saja salah sama sampai
    satu sebagai sebelum sedang sehingga sejak selama seluruh semua sendiri sering serta setelah
    setiap sudah supaya tanpa tahun telah tentang terhadap termasuk tersebut tetapi tidak untuk
    yaitu yakni yang dua tiga empat lima bulan hari kali orang jumlah
    kabupaten kota provinsi pemerintah pemkab pemkot pemprov daerah dinas badan kantor bidang
    inovasi program aplikasi sistem layanan pelayanan publik masyarakat warga kegiatan
    kepala bupati wali gubernur camat unit perangkat instansi
    penghargaan kompetisi lomba juara finalis kategori top terpuji unggulan penilaian nominasi
    award government innovative kipp iga sinovik kemenpan panrb kemendagri menpan sumber
    disebut diluncurkan diresmikan ditetapkan keputusan nomor kalbar jabar jatim kepri
    http https www com html
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
"""Function words; words nearly every record of this catalogue uses (agency, programme,
service); words about an innovation's recognition and launch, not about what it does; and
the parts of a web address."""

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


class _Catalogue(Protocol):
    """What the similarity reads of a catalogue."""

    innovations: dict[str, Innovation]
    synonyms: tuple[tuple[str, ...], ...]

    def region_name(self, code: str) -> str: ...


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


class Vocabulary:
    """Turns texts into counted content words: synonyms folded into their group's first
    term, stopwords and `extra_stopwords` (place names) dropped, the rest stemmed."""

    def __init__(
        self, synonyms: tuple[tuple[str, ...], ...] = (), extra_stopwords: Iterable[str] = ()
    ) -> None:
        self.stopwords = STOPWORDS | frozenset(extra_stopwords)
        self.single: dict[str, str] = {}
        phrases: dict[str, str] = {}
        for group in synonyms:
            canonical = group[0].replace(" ", "")
            for term in group:
                if " " in term:
                    phrases[term] = canonical
                else:
                    self.single[term] = canonical
        longest_first = sorted(phrases, key=len, reverse=True)
        self.phrases = phrases
        self.phrase_pattern = (
            re.compile(r"\b(" + "|".join(map(re.escape, longest_first)) + r")\b")
            if phrases
            else None
        )
        self.cache: dict[str, str | None] = {}

    def _term(self, word: str) -> str | None:
        if word in self.single:
            return self.single[word]
        if len(word) < 3 or word.isdigit() or word in self.stopwords:
            return None
        stemmed = stem(word)
        return None if stemmed in self.stopwords else stemmed

    def counts(self, text: str) -> Counter[str]:
        """The content words of a text, counted."""
        text = text.lower()
        if self.phrase_pattern is not None:
            text = self.phrase_pattern.sub(lambda m: self.phrases[m.group(1)], text)
        found: Counter[str] = Counter()
        cache = self.cache
        # Each distinct word is looked up once: the counting of the words themselves is C.
        for word, count in Counter(_WORD.findall(text)).items():
            term = cache[word] if word in cache else cache.setdefault(word, self._term(word))
            if term is not None:
                found[term] += count
        return found


def words_of(texts: Iterable[str]) -> set[str]:
    """The stemmed content words of some texts: lowercase, no stopwords, no short words."""
    vocabulary = Vocabulary()
    return {word for text in texts for word in vocabulary.counts(text)}


def _cut(markdown: str | None) -> str:
    # The Markdown source, not its rendering: its few marks are no words, and rendering every
    # record's fields took longer than all the rest at 50,000 innovations.
    return markdown[:FIELD_CHARS] if markdown else ""


def innovation_counts(innovation: Innovation, vocabulary: Vocabulary) -> Counter[str]:
    """The counted words that describe what an innovation does: its problem, solution, name,
    summary, and its tags (`TAG_WEIGHT`)."""
    text = " ".join(
        [
            innovation.nama,
            innovation.kepanjangan or "",
            innovation.ringkasan,
            _cut(innovation.masalah),
            _cut(innovation.solusi),
        ]
    )
    found = vocabulary.counts(text)
    for word, count in vocabulary.counts(" ".join(innovation.tag)).items():
        found[word] += TAG_WEIGHT * count
    return found


def innovation_words(innovation: Innovation) -> set[str]:
    """The words that describe what an innovation does (without synonyms or place names)."""
    return set(innovation_counts(innovation, Vocabulary()))


def place_words(catalogue: _Catalogue) -> set[str]:
    """The words of the names of the innovations' regions (`Kubu Raya`, `Kalimantan Barat`):
    two innovations of other regions that both name Pontianak are not alike for that."""
    codes = {i.wilayah for i in catalogue.innovations.values() if i.wilayah}
    codes |= {code.split(".")[0] for code in codes}
    return {word for code in codes for word in _WORD.findall(catalogue.region_name(code).lower())}


def _top_terms(counts: dict[str, Counter[str]]) -> dict[str, list[tuple[str, int]]]:
    """Each innovation's `TOP_TERMS` heaviest words in its TF-IDF vector of unit length,
    (1 + log tf) x log(N / df), heaviest first (a word every innovation uses weighs nothing).
    Weights are integers (millionths): sums are exact, so equal scores tie the same way on
    every machine."""
    document_frequency: Counter[str] = Counter()
    for found in counts.values():
        document_frequency.update(found.keys())
    total = max(len(counts), 1)
    idf = {word: math.log(total / df) for word, df in document_frequency.items()}
    top = {}
    for slug, found in counts.items():
        vector = [(word, (1 + math.log(n)) * idf[word]) for word, n in found.items()]
        norm = math.sqrt(sum(w * w for _, w in vector)) or 1.0
        vector.sort(key=lambda item: (-item[1], item[0]))
        top[slug] = [(word, round(w / norm * SCALE)) for word, w in vector[:TOP_TERMS] if w > 0]
    return top


@dataclass(frozen=True)
class Similarity:
    """The similar innovations of every innovation (slugs, best first), and how many
    candidate pairs were scored to find them (the measure of the work done)."""

    similar: dict[str, tuple[str, ...]]
    comparisons: int


def similar_innovations(catalogue: _Catalogue, how_many: int = HOW_MANY) -> Similarity:
    """For each innovation, up to `how_many` innovations of other regions, most similar first;
    ties go to the alphabetically first slug, so the result is the same on every build."""
    innovations = catalogue.innovations
    vocabulary = Vocabulary(catalogue.synonyms, place_words(catalogue))
    counts = {slug: innovation_counts(i, vocabulary) for slug, i in innovations.items()}
    top = _top_terms(counts)
    posting: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for slug, terms in top.items():
        for word, weight in terms:
            posting[word].append((slug, weight))
    same_sector = round(SAME_SECTOR * SCALE)
    same_owner = round(SAME_OWNER * SCALE)
    min_score = round(MIN_SCORE * SCALE)
    similar: dict[str, tuple[str, ...]] = {}
    comparisons = 0
    for slug, innovation in innovations.items():
        scores: dict[str, int] = defaultdict(int)
        for word, weight in top[slug]:
            others = posting[word]
            if len(others) > MAX_POSTING:
                continue
            comparisons += len(others)
            for other, other_weight in others:
                scores[other] += weight * other_weight
        scores.pop(slug, None)
        ranked = []
        for other, text_score in scores.items():
            candidate = innovations[other]
            if candidate.wilayah == innovation.wilayah:
                continue
            score = text_score // SCALE
            if candidate.bidang is not None and candidate.bidang == innovation.bidang:
                score += same_sector
            if candidate.jenis_pemilik == innovation.jenis_pemilik:
                score += same_owner
            if score >= min_score:
                ranked.append((-score, other))
        similar[slug] = tuple(other for _, other in heapq.nsmallest(how_many, ranked))
    return Similarity(similar, comparisons)
