"""The shipped catalogue: valid, and every fact in it cites a source."""

from __future__ import annotations

from generator.records.validate import read_catalogue

from .conftest import REPO


def test_shipped_catalogue_is_valid_and_every_record_cites_a_source() -> None:
    result = read_catalogue(REPO / "catalogue", require_sources=True)
    assert [p.format() for p in result.problems] == []
    catalogue = result.catalogue
    assert catalogue is not None
    records = [
        *catalogue.innovations.values(),
        *catalogue.replications.values(),
        *catalogue.events.values(),
        *catalogue.profiles.values(),
    ]
    assert records
    for record in records:
        assert record.sumber, record.path
        assert all(s.url.startswith(("https://", "http://")) for s in record.sumber), record.path


def test_shipped_catalogue_declares_sources_mandatory() -> None:
    text = (REPO / "catalogue" / "katalog.yml").read_text(encoding="utf-8")
    assert "wajib_sumber: true" in text
