"""Every built page of the shipped catalogue says only what its records say: a status, a
year, an owner or a replication stage appears on a page only when the record states it, and
an unknown value reads "Belum diketahui" (issue 19, "honest records")."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from generator.records import vocabulary
from generator.records.catalogue import Catalogue
from generator.records.dates import parse_date
from generator.records.validate import read_catalogue

from .conftest import REPO

STEPS_TEXT = re.compile(r"(\d+) dari (\d+) tahap tercatat")


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    result = read_catalogue(REPO / "catalogue")
    assert result.catalogue is not None, [p.format() for p in result.problems]
    return result.catalogue


@pytest.fixture(scope="module")
def records() -> dict[tuple[str, str], dict[str, Any]]:
    """The records as their files say, before the model reads them: what the pages are
    checked against (a default the model added would be a claim no record makes)."""
    result = read_catalogue(REPO / "catalogue", model=False)
    return {(r.kind, r.slug): r.values for r in result.records}


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _facts(page: BeautifulSoup) -> dict[str, str]:
    facts = page.select_one("dl.k-facts")
    assert isinstance(facts, Tag)
    return {
        dt.get_text(" ", strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in facts.select("dt")
    }


def _status_text(values: dict[str, Any]) -> str:
    if "status" not in values:
        return vocabulary.UNKNOWN
    text = vocabulary.STATUS[values["status"]]
    if "status_per" in values:
        date = parse_date(values["status_per"])
        assert date is not None
        text += f", per {date.indonesian()}"
    return text


def _year_text(values: dict[str, Any]) -> str:
    if "tahun" not in values:
        return vocabulary.UNKNOWN
    year = str(values["tahun"])
    return year if values.get("tahun_pasti", True) else f"paling lambat {year}"


def test_every_innovation_page_states_only_its_record(
    shipped_site: Path, catalogue: Catalogue, records: dict[tuple[str, str], dict[str, Any]]
) -> None:
    wrong = []
    for innovation in catalogue.innovations.values():
        values = records["inovasi", innovation.slug]
        facts = _facts(_page(shipped_site, f"inovasi/{innovation.slug}"))
        expected = {
            "Status": _status_text(values),
            "Mulai diterapkan": _year_text(values),
            "Tahap": vocabulary.label_or_unknown(vocabulary.MATURITY, values.get("tahap")),
            "Jenis": vocabulary.label_or_unknown(vocabulary.INNOVATION_KIND, values.get("jenis")),
            "Bidang": catalogue.sector_name(values.get("bidang")) or vocabulary.UNKNOWN,
        }
        owner = facts["Pemilik"]
        if not owner.startswith(catalogue.owner_name(innovation)):
            wrong.append(f"{innovation.slug}: Pemilik {owner!r}")
        wrong += [
            f"{innovation.slug}: {key} {facts.get(key)!r}, record says {value!r}"
            for key, value in expected.items()
            if facts.get(key) != value
        ]
    assert not wrong, "\n".join(wrong)


def test_no_page_calls_an_innovation_active_without_its_record(
    shipped_site: Path, records: dict[tuple[str, str], dict[str, Any]]
) -> None:
    """A status badge anywhere (a page's facts, a card) matches the record it stands for."""
    wrong = []
    for path in sorted(shipped_site.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for badge in page.select("[class*='k-status--']"):
            code = next(c for c in badge["class"] if c.startswith("k-status--"))[10:]
            slug = _innovation_of(badge, path, shipped_site)
            if slug is None:
                wrong.append(f"{path.relative_to(shipped_site)}: a status badge of no innovation")
                continue
            recorded = records["inovasi", slug].get("status", "belum-diketahui")
            if code != recorded:
                wrong.append(f"{path.relative_to(shipped_site)}: {slug} shown {code}")
    assert not wrong, "\n".join(wrong)


def _innovation_of(badge: Tag, path: Path, site: Path) -> str | None:
    """The innovation a status badge belongs to: its card's link, or the page's own record."""
    card = badge.find_parent("li", class_="k-card")
    if card is not None:
        link = card.select_one("a.k-card__title")
        assert isinstance(link, Tag)
        return str(link["href"]).rstrip("/").rsplit("/", 1)[-1]
    parts = path.relative_to(site).parts
    return parts[1] if parts[0] == "inovasi" and len(parts) == 3 else None


def test_cards_give_the_records_year_and_owner(
    shipped_site: Path, catalogue: Catalogue, records: dict[tuple[str, str], dict[str, Any]]
) -> None:
    wrong = []
    for path in sorted(shipped_site.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for card in page.select("li.k-card"):
            title = card.select_one("a.k-card__title")
            assert isinstance(title, Tag)
            slug = str(title["href"]).rstrip("/").rsplit("/", 1)[-1]
            innovation = catalogue.innovations.get(slug)
            meta = card.select_one(".k-card__meta")
            if innovation is None or meta is None:
                continue  # a replication's card: its stages are checked below
            text = meta.get_text(" ", strip=True)
            values = records["inovasi", slug]
            year = _year_text(values) if "tahun" in values else "tahun belum diketahui"
            if year not in text:
                wrong.append(f"{path.relative_to(shipped_site)}: {slug} card {text!r}")
            owner = meta.select_one("a")
            if owner is not None and owner.get_text(strip=True) != catalogue.owner_name(innovation):
                wrong.append(f"{path.relative_to(shipped_site)}: {slug} owner {owner.text!r}")
    assert not wrong, "\n".join(wrong)


def _replication_of(progress: Tag) -> str | None:
    holder = progress.find_parent(["li", "tr"])
    while holder is not None:
        for link in holder.select("a[href]"):
            href = str(link["href"]).rstrip("/")
            if "/replikasi/" in f"/{href}" and not href.endswith("replikasi"):
                return href.rsplit("/", 1)[-1]
        holder = holder.find_parent(["li", "tr"])
    return None


def test_stage_progress_shows_only_dated_stages(
    shipped_site: Path, catalogue: Catalogue, records: dict[tuple[str, str], dict[str, Any]]
) -> None:
    """Every progress bar, on any page, marks as reached exactly the stages its replication
    dates, and says so in words."""
    wrong = []
    seen = 0
    for path in sorted(shipped_site.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for progress in page.select(".k-progress"):
            slug = _replication_of(progress)
            replication = catalogue.replications.get(slug or "")
            if replication is None:
                wrong.append(f"{path.relative_to(shipped_site)}: progress of no replication")
                continue
            seen += 1
            on = len(progress.select(".k-step--on"))
            words = STEPS_TEXT.search(progress.get_text(" ", strip=True))
            dated = records["replikasi", replication.slug]["tahapan"]
            expected = len({s["tahap"] for s in dated if s["tahap"] != vocabulary.CANCELLED})
            if on != expected or words is None or int(words.group(1)) != expected:
                wrong.append(f"{path.relative_to(shipped_site)}: {slug} shows {on} stages")
    assert seen, "no progress bar found: the test looks at nothing"
    assert not wrong, "\n".join(wrong)


def test_replication_pages_list_exactly_the_dated_stages(
    shipped_site: Path, catalogue: Catalogue
) -> None:
    """A replication's page lists its dated stages, in order, and no other."""
    for replication in catalogue.replications.values():
        page = _page(shipped_site, f"replikasi/{replication.slug}")
        listed = [
            next(c for c in item["class"] if c.startswith("k-stage-item--"))[14:]
            for item in page.select("ol.k-timeline li.k-stage-item")
        ]
        assert listed == [s.tahap for s in replication.tahapan], replication.slug
        lead = page.select_one("p.k-lead")
        assert isinstance(lead, Tag)
        latest = vocabulary.REPLICATION_STAGE[replication.latest_stage.tahap]
        assert f"Tahap terakhir: {latest}" in lead.get_text(" ", strip=True).replace(" .", ".")
