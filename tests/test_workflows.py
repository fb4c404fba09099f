"""The repository's contributor tooling, checked here because it cannot run here: the GitHub
workflows, the pre-commit hook, the pull-request template, the contribution guide's worked
examples, and the `github` output format the workflows rely on."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.mkdocs.incremental import manifest_path
from generator.records.validate import read_catalogue

from .conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"


def workflow(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(data: dict[str, Any], job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = data["jobs"][job]["steps"]
    return found


def uses(step_list: list[dict[str, Any]]) -> list[str]:
    return [s["uses"].split("@")[0] for s in step_list if "uses" in s]


def runs(step_list: list[dict[str, Any]]) -> list[str]:
    return [s["run"] for s in step_list if "run" in s]


def test_pull_requests_are_validated_built_and_previewed() -> None:
    data = workflow("validate.yml")
    assert "pull_request" in data["on"]
    job = steps(data, "periksa")
    assert uses(job) == [
        "actions/checkout",
        "actions/setup-python",
        "actions/upload-artifact",
    ]
    [python] = [s for s in job if s.get("uses", "").startswith("actions/setup-python")]
    assert python["with"]["python-version"] == "3.11"
    commands = runs(job)
    assert commands[0] == "pip install -e ."
    assert "python -m generator validate --format github" in commands[1]
    assert commands[2].startswith("python -m generator build")
    [upload] = [s for s in job if s.get("uses", "").startswith("actions/upload-artifact")]
    assert upload["with"]["path"] == "site/"


def test_main_is_published_on_github_pages() -> None:
    data = workflow("publish.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["permissions"]["pages"] == "write"
    assert data["permissions"]["id-token"] == "write"
    build = steps(data, "bangun")
    assert uses(build) == [
        "actions/checkout",
        "actions/setup-python",
        "actions/cache",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
    ]
    # The whole history: record pages show when their file last changed.
    assert build[0]["with"]["fetch-depth"] == 0
    assert any("generator validate" in c for c in runs(build))
    assert "python -m generator build --catalogue catalogue --site-dir site" in build_script()
    assert data["jobs"]["terbitkan"]["needs"] == "bangun"
    assert uses(steps(data, "terbitkan")) == ["actions/deploy-pages"]


def test_the_last_site_and_its_manifest_are_kept_for_the_next_build() -> None:
    """The build takes over unchanged record pages from the last site (`incremental`): the
    cache restores the newest site with its manifest before the build and saves this run's
    after it, under a key of its own."""
    build = steps(workflow("publish.yml"), "bangun")
    [cache] = [s for s in build if s.get("uses", "").startswith("actions/cache@")]
    site = "site"
    assert cache["with"]["path"].split() == [site, manifest_path(Path(site)).name]
    assert "github.run_id" in cache["with"]["key"]
    assert cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    assert build.index(cache) < build.index(build_step())
    assert "--full" not in build_script()


def build_step() -> dict[str, Any]:
    [step] = [
        s for s in steps(workflow("publish.yml"), "bangun") if s.get("name") == "Bangun situs"
    ]
    return step


def build_script() -> str:
    script: str = build_step()["run"]
    return script


def test_the_build_is_told_the_pages_address_and_the_repository() -> None:
    assert build_step()["env"] == {
        "PAGES_URL": "${{ steps.pages.outputs.base_url }}",
        "REPO_URL": "${{ github.server_url }}/${{ github.repository }}",
        "BRANCH": "${{ github.ref_name }}",
    }
    [pages] = [s for s in steps(workflow("publish.yml"), "bangun") if s.get("id") == "pages"]
    assert pages["uses"].startswith("actions/configure-pages@")


def run_build_step(tmp_path: Path, settings: str) -> list[str]:
    """The publish workflow's build script, run by bash in a folder whose katalog.yml holds
    `settings`, with `python -m ...` recorded instead of run: the build's arguments."""
    (tmp_path / "catalogue").mkdir()
    (tmp_path / "catalogue" / "katalog.yml").write_text(settings, encoding="utf-8")
    calls = tmp_path / "calls"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stub = bin_dir / "python"
    stub.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = "-m" ]; then printf \'%s\\n\' "$@" > {shlex.quote(str(calls))}; exit 0; fi\n'
        f'exec {shlex.quote(sys.executable)} "$@"\n',
        encoding="utf-8",
    )
    stub.chmod(0o755)
    environment = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PAGES_URL": "https://pemilik.github.io/katalog",
        "REPO_URL": "https://github.com/pemilik/katalog",
        "BRANCH": "main",
    }
    subprocess.run(["bash", "-e", "-c", build_script()], cwd=tmp_path, env=environment, check=True)
    return calls.read_text(encoding="utf-8").splitlines()


BUILD = ["-m", "generator", "build", "--catalogue", "catalogue", "--site-dir", "site"]


def test_an_empty_katalog_yml_gets_the_pages_address_and_this_repository(tmp_path: Path) -> None:
    assert run_build_step(tmp_path, "wajib_sumber: true\nsitus: ''\n") == [
        *BUILD,
        "--site-url",
        "https://pemilik.github.io/katalog",
        "--repo-url",
        "https://github.com/pemilik/katalog",
        "--branch",
        "main",
    ]


def test_addresses_in_katalog_yml_are_kept(tmp_path: Path) -> None:
    settings = "situs: https://inovasi.example.go.id/\nrepositori: https://example.org/r\n"
    assert run_build_step(tmp_path, settings) == BUILD


def run_actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        if os.environ.get("CI"):
            pytest.fail("actionlint is missing: this check never skips in CI")
        pytest.skip("actionlint is not installed: `pip install -e '.[test]'` installs it")
    return subprocess.run(
        [actionlint, "-no-color", *sorted(str(p) for p in paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_workflows_pass_actionlint() -> None:
    """actionlint checks the workflows as GitHub reads them (expressions, action inputs,
    and the `run` scripts with shellcheck when it is installed)."""
    done = run_actionlint(*WORKFLOWS.glob("*.yml"))
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_finds_what_github_would_reject(tmp_path: Path) -> None:
    # The publish workflow with an input checkout does not have and a context it lacks.
    text = (WORKFLOWS / "publish.yml").read_text(encoding="utf-8")
    checkout = "actions/checkout@v5\n        with:\n"
    assert checkout in text
    broken = text.replace(checkout, checkout + "          kedalaman: 1\n", 1)
    broken = broken.replace("github.repository", "github.repo", 1)
    (tmp_path / "publish.yml").write_text(broken, encoding="utf-8")
    done = run_actionlint(tmp_path / "publish.yml")
    assert done.returncode == 1
    assert 'input "kedalaman" is not defined' in done.stdout
    assert 'property "repo" is not defined' in done.stdout


def test_pre_commit_hook_runs_the_validator() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = [h for repo in config["repos"] for h in repo["hooks"]]
    assert hook["entry"] == "python -m generator validate"
    assert hook["pass_filenames"] is False
    [published] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert published["entry"] == "katalog validate"


def test_pull_request_template_asks_for_sources_and_validation() -> None:
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "- [ ] Setiap catatan yang saya tambah atau ubah punya `sumber`" in text
    assert "python -m generator validate" in text


def guide_examples() -> dict[str, str]:
    """The worked examples of docs/kontribusi.md: `<!-- contoh: kind/slug.yml -->` and the
    indented block after it."""
    text = (REPO / "docs" / "kontribusi.md").read_text(encoding="utf-8")
    examples = {}
    for match in re.finditer(r"<!-- contoh: (\S+) -->\n\n((?:    .*\n|\n)+)", text):
        block = "".join(line[4:] + "\n" for line in match.group(2).rstrip("\n").split("\n"))
        examples[match.group(1)] = block
    return examples


def test_the_guide_has_a_valid_example_of_every_record_kind(catalogue_dir: Path) -> None:
    examples = guide_examples()
    assert sorted(name.split("/")[0] for name in examples) == [
        "inovasi",
        "kegiatan",
        "replikasi",
        "wilayah",
    ]
    for name, text in examples.items():
        assert text.startswith("# yaml-language-server: $schema=../../generator/schemas/")
        assert "\nsumber:\n" in text and "example.org" in text  # sourced, and clearly not real
        (catalogue_dir / name).write_text(text, encoding="utf-8")
    assert read_catalogue(catalogue_dir).problems == []


def test_the_guide_shows_both_paths() -> None:
    text = (REPO / "docs" / "kontribusi.md").read_text(encoding="utf-8")
    assert text.startswith("# Cara berkontribusi\n")
    for needed in (
        "(kontribusi/formulir.md)",  # the form page, linked from the guide
        "./scripts/site.sh",
        "python -m generator new inovasi",
        "python -m generator new replikasi",
        "python -m generator validate --changed",
        "mkdocs serve",
        "## Aturan sumber",
    ):
        assert needed in text, needed


def test_github_format_prints_workflow_commands(catalogue_dir: Path) -> None:
    path = catalogue_dir / "inovasi" / "uji-layanan-b.yml"
    path.write_text(path.read_text().replace('wilayah: "61.71"', "wilayah: Ketapang"))
    result = CliRunner().invoke(main, ["validate", "--format", "github", str(catalogue_dir)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"::error file={path},line=2,col=10,title=wilayah::`Ketapang` bukan kode wilayah; "
        "maksud Anda 61.04 Kabupaten Ketapang?"
    ]
