"""Site engines: each turns the generator's finished docs tree into HTML with its theme.

The generator writes every page's content itself (`generator/site/`), so an engine only adds
the theme around it: navigation, header, footer. Each engine lives in its own folder and is
the only code that imports it:

- `mkdocs/`: MkDocs 1.6 with Material for MkDocs, the default. Material reaches its end of
  life on 5 May 2027 (its 9.8.1 release notes: critical fixes and security updates until
  then); MkDocs 1.x has had no release since August 2024.
- `zensical/`: Zensical, the successor by Material's team, which reads the same mkdocs.yml.

`python -m generator build --engine zensical` (or `make build ENGINE=zensical`) switches;
tests/test_engine_parity.py builds the same content with both and compares every page.
"""

from __future__ import annotations

from generator.engines.base import Engine, EngineError, EngineJob

ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"


def engine_named(name: str = DEFAULT_ENGINE) -> Engine:
    """The engine of that name (see ENGINES), imported only when asked for."""
    if name == "zensical":
        from generator.engines.zensical.adapter import ZensicalEngine

        return ZensicalEngine()
    if name != "mkdocs":
        raise ValueError(f"engine {name!r} not in {ENGINES}")
    from generator.engines.mkdocs.adapter import MkDocsEngine

    return MkDocsEngine()


__all__ = ["DEFAULT_ENGINE", "ENGINES", "Engine", "EngineError", "EngineJob", "engine_named"]
