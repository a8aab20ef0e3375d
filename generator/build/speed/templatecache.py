"""The theme's compiled templates, kept between builds like Python's __pycache__."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import jinja2
import jinja2.bccache
import mkdocs


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiling Material's templates cost 0.19 s of every build and every preview rebuild.
    Jinja reuses one only while its template's source is the same; the folder is per version
    of Jinja and of MkDocs, which sets the environment up (Jinja's header covers Python's)."""

    @classmethod
    def in_user_cache(cls) -> CompiledTemplates | None:
        versions = f"jinja2-{jinja2.__version__}-mkdocs-{mkdocs.__version__}"
        try:
            base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
            folder = Path(base) / "red-de-centros" / "plantillas" / versions
            folder.mkdir(parents=True, exist_ok=True)
        except (OSError, RuntimeError):  # RuntimeError: no home folder to be found
            return None  # no cache: the templates are compiled in every build, as before
        return cls(str(folder))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):  # a full or read-only disk only costs the compiling
            super().dump_bytecode(bucket)
