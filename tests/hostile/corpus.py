"""The hostile corpus: the case files under `tests/hostile/`, the generated ones too large
to keep, and the site built from every case that must be rendered inert."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.mkdocs.build import build_site
from generator.records.validate import read_catalogue

from ..conftest import REPO, make_catalogue

HOSTILE = Path(__file__).resolve().parent
_HEADER = re.compile(rb"^# (kind|file|expect|message): (.*)$")


@dataclass(frozen=True)
class Case:
    """One hostile record: where it goes and what the validator must make of it."""

    name: str
    kind: str
    file: str
    expect: str  # "inert" or "rejected"
    messages: tuple[str, ...]
    content: bytes

    def place(self, catalogue: Path) -> Path:
        """Write the record into `catalogue`; return its path."""
        target = catalogue / self.kind / self.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.content)
        return target


def _case_from_file(path: Path) -> Case:
    content = path.read_bytes()
    header: dict[str, list[str]] = {}
    for line in content.splitlines():
        match = _HEADER.match(line)
        if not match:
            break
        header.setdefault(match[1].decode(), []).append(match[2].decode("utf-8"))
    name = f"{path.parent.name}/{path.stem}"
    return Case(
        name=name,
        kind=header["kind"][0],
        file=header.get("file", [path.name])[0],
        expect=header["expect"][0],
        messages=tuple(header.get("message", [])),
        content=content,
    )


_RECORD = (
    b'nama: UJI\nwilayah: "61.12"\ninstansi: Dinas Uji\ntahun: 2020\nbidang: kesehatan\n'
    b"jenis: digital\ntahap: penerapan\nringkasan: Kasus uji.\n"
)


def _generated() -> list[Case]:
    """Cases too large to keep in the repository."""
    huge_file = _RECORD + b"masalah: |\n" + b"  " + b"<script>window.__pwned=1</script>" * 61_000
    huge_string = _RECORD + b'catatan: "' + b"x" * 60_000 + b'"\n'
    deepest = _RECORD + b"tag: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"
    block_deep = (
        _RECORD + b"kontak:\n" + b"".join(b"  " * level + b"k:\n" for level in range(1, 600))
    )
    many_aliases = _RECORD + b"tag: &t [x]\ndasar_hukum: [" + b"*t, " * 5_000 + b"]\n"
    rejected = "rejected"
    return [
        Case("generated/file-over-2mb", "inovasi", "file-besar.yml", rejected,
             ("berkas terlalu besar",), huge_file),
        Case("generated/string-60000-chars", "inovasi", "teks-panjang.yml", rejected,
             ("teks terlalu panjang (60,000 karakter; batas 50,000)",), huge_string),
        Case("generated/flow-nesting-100000", "inovasi", "sangat-dalam.yml", rejected,
             ("struktur terlalu dalam (lebih dari 12 tingkat)",), deepest),
        Case("generated/block-nesting-600", "inovasi", "blok-dalam.yml", rejected,
             ("struktur terlalu dalam (lebih dari 12 tingkat)",), block_deep),
        Case("generated/5000-aliases", "inovasi", "banyak-alias.yml", rejected,
             ("alias YAML (`*nama`) tidak diizinkan",), many_aliases),
    ]  # fmt: skip


def all_cases() -> list[Case]:
    """Every case: the files under tests/hostile/ and the generated ones."""
    files = sorted(HOSTILE.glob("*/*.yml"))
    return [_case_from_file(path) for path in files] + _generated()


def inert_cases() -> list[Case]:
    return [case for case in all_cases() if case.expect == "inert"]


def rejected_cases() -> list[Case]:
    return [case for case in all_cases() if case.expect == "rejected"]


_built: dict[str, Path] = {}


def hostile_site() -> tuple[Path, Path]:
    """The catalogue holding every inert case, and the site built from it (built once)."""
    if "site" not in _built:
        root = Path(tempfile.mkdtemp(prefix="katalog-hostile-"))
        catalogue = make_catalogue(root / "catalogue")
        for case in inert_cases():
            case.place(catalogue)
        result = read_catalogue(catalogue)
        assert not result.problems, [p.format() for p in result.problems]
        build_site(catalogue, root / "site", REPO / "mkdocs.yml")
        _built["catalogue"], _built["site"] = catalogue, root / "site"
    return _built["catalogue"], _built["site"]
