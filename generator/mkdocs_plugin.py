"""The MkDocs adapter: reads the catalogue when a build starts and stops a build whose
records have problems. Everything it knows about records comes from the generator core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin

from .model import Catalogue
from .validate import read_catalogue


class KatalogConfig(Config):
    catalogue = config_options.Type(str, default="catalogue")
    """The catalogue folder, relative to mkdocs.yml."""


class KatalogPlugin(BasePlugin[KatalogConfig]):
    def __init__(self) -> None:
        self.catalogue: Catalogue | None = None
        self.catalogue_dir: Path | None = None

    def on_config(self, config: Any) -> Any:
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.catalogue_dir = (base / self.config.catalogue).resolve()
        result = read_catalogue(self.catalogue_dir)
        if result.problems:
            lines = [p.format() for p in result.problems]
            lines.append(f"{len(result.problems)} masalah di katalog; situs tidak dibangun.")
            raise Abort("\n".join(lines))
        self.catalogue = result.catalogue
        return config
