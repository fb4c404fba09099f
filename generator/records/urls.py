"""The one URL builder of the site. URLs are part of the contract (see issue 5):

`/`, `/inovasi/<slug>/`, `/inovasi/bidang/<kode>/`, `/inovasi/tahun/<yyyy>/`, and the other
listings a visitor filters by (`/inovasi/tahap/<kode>/`, `/inovasi/status/<kode>/`,
`/inovasi/direplikasi/`), `/wilayah/<slug>/`,
`/replikasi/<slug>/`, `/kegiatan/<slug>/` and the hubs `/inovasi/`, `/wilayah/`, `/replikasi/`,
`/kegiatan/`, `/tentang/`, `/kontribusi/`, and the search page `/cari/`.

A page URL here is site-relative without a leading slash (`inovasi/cms-desa/`, `""` for the
home page). Links in generated pages are relative to the page they sit on, so the site works
from any base path and from `file://`.
"""

from __future__ import annotations

HOME = ""
INNOVATIONS = "inovasi/"
REGIONS = "wilayah/"
REPLICATIONS = "replikasi/"
EVENTS = "kegiatan/"
ABOUT = "tentang/"
CONTRIBUTE = "kontribusi/"
FORM = "kontribusi/formulir/"
STATISTICS = "statistik/"  # charts drawn at build time (issue 7)
SEARCH = "cari/"
SEARCH_SCRIPT = "assets/cari.js"
LISTING_FILTER_SCRIPT = "assets/saring.js"
REPLICATED = "inovasi/direplikasi/"  # the innovations at least one other region replicates
# Folders under `inovasi/` that hold listings, not innovations: no innovation may take their
# names as its slug (`halaman` is kept for paged listings).
LISTING_FOLDERS = frozenset({"bidang", "tahun", "tahap", "status", "direplikasi", "halaman"})
# Under `kegiatan/`: the later pages of the events hub (`kegiatan/halaman/2/`).
EVENT_FOLDERS = frozenset({"halaman"})


def paged(base: str, number: int) -> str:
    """Page `number` of the listing at `base`: the first page is the listing itself, the others
    `halaman/<n>/` below it (`inovasi/halaman/2/`)."""
    return base if number == 1 else f"{base}halaman/{number}/"


def innovation(slug: str) -> str:
    return f"inovasi/{slug}/"


def sector(kode: str) -> str:
    return f"inovasi/bidang/{kode}/"


def year(value: int) -> str:
    return f"inovasi/tahun/{value}/"


def maturity(kode: str) -> str:
    """The listing of the innovations at one stage (`tahap`: inisiatif, uji coba, penerapan)."""
    return f"inovasi/tahap/{kode}/"


def status(kode: str) -> str:
    return f"inovasi/status/{kode}/"


def region(slug: str) -> str:
    return f"wilayah/{slug}/"


def replication(slug: str) -> str:
    return f"replikasi/{slug}/"


def event(slug: str) -> str:
    return f"kegiatan/{slug}/"


def twin_path(page_url: str) -> str:
    """The JSON twin of a page: `inovasi/x/` -> `inovasi/x.json`."""
    return page_url.rstrip("/") + ".json"


def source_path(url: str) -> str:
    """The page source file for a page URL: `inovasi/x/` -> `inovasi/x/index.md`."""
    return f"{url}index.md"


def relative(here: str, target: str) -> str:
    """The link from the page at `here` to the page at `target`, both page URLs: down from
    `here` when the target is below it (a hub's links to its records: `x/`, not
    `../inovasi/x/`, bytes a listing of thousands would repeat), else up to the root."""
    if here and target.startswith(here):
        return target[len(here) :] or "./"
    depth = here.count("/")
    return ("../" * depth + target) or "./"
