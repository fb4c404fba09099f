"""What the search index is made of (issue 6) and that it is reproducible (issue 10): the index
documents written from the records, the cut of long fields, and Pagefind's bundle put in a
fixed order, read and written back byte for byte."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.mkdocs.build import build_site
from generator.records.validate import read_catalogue
from generator.search.bundle import BundleFormatError, file_bytes, normalise_bundle, read_file
from generator.search.documents import FIELD_CHARS, index_documents, innovation_facets
from generator.site.views import Site

from .conftest import REPO, make_catalogue

LONG_PROBLEM = " ".join(f"kata{n:04d}" for n in range(400))  # 3,599 characters


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = make_catalogue(tmp_path_factory.mktemp("index") / "catalogue")
    record = folder / "inovasi" / "uji-layanan-a.yml"
    record.write_text(
        record.read_text(encoding="utf-8")
        + f"masalah: |\n  Antrean **panjang** di [loket](https://example.org). {LONG_PROBLEM}\n"
        + "tag: [antrean daring]\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def site_dir(catalogue: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("index-site") / "site"
    build_site(catalogue, target, REPO / "mkdocs.yml")
    return target


@pytest.fixture(scope="module")
def documents(catalogue: Path) -> dict[str, BeautifulSoup]:
    result = read_catalogue(catalogue)
    assert result.catalogue is not None and not result.problems
    site = Site(result.catalogue)
    return {path: BeautifulSoup(doc, "html.parser") for path, doc in index_documents(site)}


def test_every_innovation_region_and_event_page_has_one_document(
    documents: dict[str, BeautifulSoup], site_dir: Path
) -> None:
    assert "inovasi/uji-layanan-a/index.html" in documents
    assert "kegiatan/uji-komitmen/index.html" in documents
    assert not [p for p in documents if p.startswith("replikasi/")]
    # Each document stands for a published page, and the bundle holds them all.
    assert all((site_dir / path).is_file() for path in documents)
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert entry["languages"]["id"]["page_count"] == len(documents)


def test_innovation_document_holds_title_words_and_facets(
    documents: dict[str, BeautifulSoup], catalogue: Path
) -> None:
    doc = documents["inovasi/uji-layanan-a/index.html"]
    assert doc.h1 is not None and doc.h1.get_text() == "UJI-A"
    text = doc.get_text(" ")
    for words in ("Layanan Uji A", "Inovasi uji A", "Kabupaten Kubu Raya", "antrean daring"):
        assert words in text
    # Markdown is read as text: no markup, no link address in the index.
    assert "Antrean panjang di loket." in text and "**" not in text
    assert "example.org" not in text
    filters = [
        (e["data-pagefind-filter"], e.get_text()) for e in doc.select("[data-pagefind-filter]")
    ]
    catalogue_model = read_catalogue(catalogue).catalogue
    assert catalogue_model is not None
    expected = innovation_facets(catalogue_model, catalogue_model.innovations["uji-layanan-a"])
    assert filters == expected
    assert ("halaman", "Inovasi") in filters and ("wilayah", "Kabupaten Kubu Raya") in filters
    # The facets are filters, not words to find.
    assert all(e.find_parent(attrs={"data-pagefind-ignore": True}) for e in doc.select("span"))


def test_long_field_is_cut_after_a_whole_word(documents: dict[str, BeautifulSoup]) -> None:
    doc = documents["inovasi/uji-layanan-a/index.html"]
    problem = next(p.get_text() for p in doc.find_all("p") if p.get_text().startswith("Antrean"))
    assert len(problem) <= FIELD_CHARS
    assert len(problem) > FIELD_CHARS - 12  # cut near the limit, not far before it
    last = problem.split()[-1]
    assert last.startswith("kata") and len(last) == len("kata0000")
    assert "kata0399" not in problem


def test_region_and_event_documents_carry_their_page_kind(
    documents: dict[str, BeautifulSoup],
) -> None:
    region = documents["wilayah/kabupaten-kubu-raya/index.html"]
    assert region.h1 is not None and region.h1.get_text() == "Kabupaten Kubu Raya"
    assert "Provinsi Kalimantan Barat" in region.get_text(" ")
    kinds = {
        path.split("/")[0]: [e.get_text() for e in doc.select("[data-pagefind-filter=halaman]")]
        for path, doc in documents.items()
    }
    assert kinds["wilayah"] == ["Wilayah"] and kinds["kegiatan"] == ["Kegiatan"]


def test_published_pages_carry_no_index_markup(site_dir: Path) -> None:
    page = (site_dir / "inovasi" / "uji-layanan-a" / "index.html").read_text("utf-8")
    assert "data-pagefind" not in page


def _pagefind_data_files(site_dir: Path) -> list[Path]:
    bundle = site_dir / "pagefind"
    return sorted([*bundle.glob("*.pf_meta"), *bundle.glob("filter/*.pf_filter")])


def test_bundle_files_read_and_write_back_byte_for_byte(site_dir: Path) -> None:
    files = _pagefind_data_files(site_dir)
    assert len(files) >= 2
    for path in files:
        assert gzip.decompress(file_bytes(read_file(path))) == gzip.decompress(path.read_bytes())


def test_bundle_lists_are_sorted_and_named_by_content(site_dir: Path) -> None:
    bundle = site_dir / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    meta = read_file(bundle / f"pagefind.{entry['languages']['id']['hash']}.pf_meta")
    names = [name for name, _ in meta[3]]
    assert names == sorted(names) and "wilayah" in names
    for _, file_hash in meta[3]:
        _, values = read_file(bundle / "filter" / f"{file_hash}.pf_filter")
        assert [v for v, _ in values] == sorted(v for v, _ in values)
    # Normalising again changes nothing: the names already follow the content.
    before = {p.name: p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    normalise_bundle(bundle)
    after = {p.name: p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    assert before == after


def test_unknown_bundle_file_is_a_clear_error(tmp_path: Path) -> None:
    strange = tmp_path / "x.pf_meta"
    strange.write_bytes(gzip.compress(b"something else"))
    with pytest.raises(BundleFormatError, match="not a Pagefind data file"):
        read_file(strange)
    cut = tmp_path / "y.pf_meta"
    cut.write_bytes(gzip.compress(b"pagefind_dcd\x83\x01"))
    with pytest.raises(BundleFormatError, match="cut short"):
        read_file(cut)


def test_index_documents_go_to_memory_only_when_it_has_room(
    catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scratch folder of the index documents: a memory-backed folder when there is one
    with room for them all, else the system's temporary folder."""
    from generator.search import documents as search

    result = read_catalogue(catalogue)
    assert result.catalogue is not None
    site = Site(result.catalogue)
    monkeypatch.setattr(search, "MEMORY_FOLDER", tmp_path)
    assert search.scratch_parent(site) == str(tmp_path)
    monkeypatch.setattr(search, "DOCUMENT_ROOM", 10**18)  # more than any disk holds
    assert search.scratch_parent(site) is None
    monkeypatch.setattr(search, "DOCUMENT_ROOM", 1)
    monkeypatch.setattr(search, "MEMORY_FOLDER", tmp_path / "tidak-ada")
    assert search.scratch_parent(site) is None


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    return (_base36(number // 36) if number >= 36 else "") + digits[number % 36]


def test_pages_have_short_names_and_unused_files_are_gone(site_dir: Path) -> None:
    """Every search fetches the metadata file, which names every page: the names are the
    generation and the page's number, each with its fragment on disk; Pagefind's ready-made
    interfaces and its engine for unknown languages are not published."""
    bundle = site_dir / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    meta = read_file(bundle / f"pagefind.{entry['languages']['id']['hash']}.pf_meta")
    names = [name for name, _ in meta[1]]
    generation = names[0][:2]
    assert len(names) > 10  # past the decimal digits
    assert names == [generation + _base36(number) for number in range(len(names))]
    fragments = {p.name for p in (bundle / "fragment").glob("*.pf_fragment")}
    assert fragments == {f"{name}.pf_fragment" for name in names}
    for unused in ("pagefind-ui.js", "pagefind-component-ui.js", "wasm.unknown.pagefind"):
        assert not (bundle / unused).exists()
    assert (bundle / "pagefind.js").is_file() and (bundle / "wasm.id.pagefind").is_file()
