"""The foot of a record page: when the record last changed, a link to edit its YAML file in the
repository, and a link to report a mistake as a new issue, filled in with the page and the
file. Plain links (no JavaScript); each part is left out when what it needs is unknown."""

from __future__ import annotations

from typing import TypedDict

from generator.records.dates import PartialDate, parse_date
from generator.records.settings import CATALOGUE_PREFIX
from generator.site.structure import Page, Site


class RecordFooter(TypedDict):
    updated: str | None  # "7 Desember 2021"
    updated_iso: str | None  # "2021-12-07", for <time datetime>
    edit: str | None  # the repository's edit page of the record file
    report: str | None  # a new issue about this page


def repository_path(record_path: str) -> str:
    """A record file's path in the repository: `inovasi/x.yml` -> `catalogue/inovasi/x.yml`."""
    return CATALOGUE_PREFIX + record_path


def page_address(page: Page) -> str:
    """The page's public address, or its path from the site's root when the address of the
    site is not known."""
    base = page.site.identity.site_url
    return f"{base}{page.here}" if base else f"/{page.here}"


def _report_text(page: Page, file: str | None) -> str:
    lines = [f"Halaman: {page_address(page)}"]
    if file:
        lines.append(f"Berkas catatan: {file}")
    lines += [
        "",
        "Apa yang salah, dan apa yang benar? Sertakan sumbernya (tautan ke halaman resmi, "
        "berita atau dokumen) bila ada.",
        "",
    ]
    return "\n".join(lines)


def record_updated(
    site: Site, record_path: str | None, checked: PartialDate | None = None
) -> PartialDate | None:
    """When a record was last updated: `checked` (the record's `diperbarui`), else the date of
    the last git commit that changed its file (`record_path`, in the catalogue); None when
    neither is known (outside git, a region without a profile)."""
    if checked is not None:
        return checked
    if record_path is not None and record_path in site.updated:
        return parse_date(site.updated[record_path])
    return None


def record_footer(
    page: Page, title: str, record_path: str | None, checked: PartialDate | None = None
) -> RecordFooter | None:
    """The foot of the page `page` showing the record in `record_path` (its path in the
    catalogue, None for a region without a profile). Its date is `checked` (the record's
    `diperbarui`), else the date of the last commit that changed the file; None when the page
    has nothing to show there."""
    identity = page.site.identity
    updated = record_updated(page.site, record_path, checked)
    file = repository_path(record_path) if record_path else None
    edit = identity.repository_file(file) if file else None
    report = identity.new_issue(f"Kesalahan di halaman: {title}", _report_text(page, file))
    if updated is None and edit is None and report is None:
        return None
    return {
        "updated": updated.indonesian() if updated else None,
        "updated_iso": updated.iso() if updated else None,
        "edit": edit,
        "report": report,
    }
