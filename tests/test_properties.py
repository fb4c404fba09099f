"""Property-based tests: whatever an editor (or an attacker) writes, the loader and the
validator answer with located problems or a model, never an uncaught exception."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.records.validate import read_catalogue

from .conftest import make_catalogue

KEYS = [
    "nama", "wilayah", "instansi", "tahun", "bidang", "jenis", "tahap", "ringkasan", "status",
    "sumber", "tahapan", "inovasi", "tanggal", "peserta", "hasil", "sdgs", "alias", "kode",
    "penghargaan", "tahun_pasti", "nama_inovasi", "x",
]  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(["61.10", "61.1", "yes", "NO", "2021-12-07", "2021-02-30", "61", "~",
                     "kesehatan", "komitmen", "uji-layanan-a", "https://contoh.go.id",
                     "javascript:alert(1)"]),
)  # fmt: skip
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), children, max_size=5),
    ),
    max_leaves=20,
)
DOCUMENTS = st.one_of(
    st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=10),
    VALUES,
)
KINDS = st.sampled_from(["inovasi", "replikasi", "kegiatan", "wilayah"])

_BASE = Path(tempfile.mkdtemp(prefix="katalog-prop-")) / "base"
make_catalogue(_BASE)


def _check(kind: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        catalogue = Path(tmp) / "catalogue"
        shutil.copytree(_BASE, catalogue)
        target = catalogue / kind / "acak.yml"
        target.write_bytes(content)
        result = read_catalogue(catalogue)
        if result.problems:
            assert result.catalogue is None
        else:
            assert result.catalogue is not None
        for problem in result.problems:
            assert Path(problem.path).resolve() == target.resolve()
            assert problem.line >= 1 and problem.column >= 1
            assert problem.message.strip()
            assert "Traceback" not in problem.format()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=KINDS, document=DOCUMENTS)
def test_generated_documents_give_located_problems_or_a_model(kind: str, document: Any) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    _check(kind, text.encode("utf-8"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=KINDS, content=st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_the_validator(kind: str, content: bytes) -> None:
    _check(kind, content)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=KINDS,
    text=st.text(
        alphabet=st.sampled_from(list("ab:- \n\t'\"[]{}&*!|>#%@`,?0123456789.")), max_size=120
    ),
)
def test_yaml_punctuation_soup_never_crashes_the_validator(kind: str, text: str) -> None:
    _check(kind, text.encode("utf-8"))
