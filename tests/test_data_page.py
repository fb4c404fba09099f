"""The generated parts of `/data/` (`generator/site/data_page.py`) without a build."""

from __future__ import annotations

import datetime as dt

from generator.data.exports import ExportFile
from generator.site.data_page import (
    ADDRESS_MARK,
    DOWNLOADS_MARK,
    EXAMPLE_ADDRESS,
    data_page_markdown,
    file_size,
    summaries,
)

PAGE = f"""# Data

{ADDRESS_MARK}

{DOWNLOADS_MARK}

```sh
curl -s "{EXAMPLE_ADDRESS}/data/katalog.json"
```
"""
FILES = [
    ExportFile("data/inovasi.csv", b'slug,nama\r\na,"x\ny"\r\nb,c\r\n', rows=2),
    ExportFile.joined("data/katalog.json", [b'{"jumlah":', b'{"inovasi":2}}'], rows=2),
    ExportFile("data/datapackage.json", b"{}"),
    ExportFile("feed.xml", b"<feed><entry></entry><entry></entry></feed>", rows=2),
]


def test_with_an_address_the_examples_use_it() -> None:
    text = data_page_markdown(
        PAGE, FILES, "data/", "https://inovasi.example.go.id/", dt.date(2024, 5, 1)
    )
    assert 'curl -s "https://inovasi.example.go.id/data/katalog.json"' in text
    assert "`https://inovasi.example.go.id`" in text
    assert EXAMPLE_ADDRESS not in text and "<!--" not in text
    assert '<a href="inovasi.csv"><code>inovasi.csv</code></a>' in text
    assert '<a href="../feed.xml">' in text and "excel/" not in text
    # The size of a file held in parts, the rows its maker counted, none for a description.
    katalog = (
        "<code>katalog.json</code></a></td><td>semua catatan, lengkap</td><td>JSON</td>"
        '<td class="k-num">24 B</td><td class="k-num">2</td>'
    )
    assert katalog in text
    assert '<td class="k-num">2 B</td><td class="k-num">—</td>' in text


def test_without_an_address_the_examples_are_relative() -> None:
    text = data_page_markdown(PAGE, FILES, "data/", None, dt.date(2024, 5, 1))
    assert 'curl -s "/data/katalog.json"' in text
    assert "belum diatur" in text


def test_sizes_read_as_indonesian() -> None:
    assert file_size(512) == "512 B"
    assert file_size(49477) == "48,3 KB"
    assert file_size(3 * 1024 * 1024) == "3,0 MB"


def test_summaries_make_the_same_table_without_the_bytes() -> None:
    listed = summaries([*FILES, ExportFile("inovasi/a.json", b"{}")])
    assert [s.path for s in listed] == [f.path for f in FILES]  # the twin is not listed
    date = dt.date(2024, 5, 1)
    assert data_page_markdown(PAGE, listed, "data/", None, date) == data_page_markdown(
        PAGE, FILES, "data/", None, date
    )
