"""The preview's answers to an author: a Spanish page with every problem instead of a
request that waits for a fix, and Spanish lines in the terminal instead of MkDocs' own."""

from __future__ import annotations

import html
import logging
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from generator.content.problems import ContentError, format_text
from generator.text import plural


@dataclass
class PreviewState:
    """What the last build left: None after a good one, the error page after a bad one."""

    error_page: bytes | None = None
    started: bool = False  # the server answers (see attach)

    def failed(self, error: BaseException) -> None:
        """A build failed: every page shows the problems, and so does the terminal."""
        self.error_page, report = error_page(error)
        print(report, file=sys.stderr, flush=True)

    def start_invalid(self, error: BaseException, config: Any) -> Any:
        """The first build found invalid content: the preview starts anyway, every page showing
        the problems, and builds nothing (no nav, no pages) until the content is fixed."""
        self.failed(error)
        config["nav"], config["strict"] = None, False  # this build's configuration only
        return config

    def pages(self, files: Any) -> Any:
        """MkDocs' files to build: none on a first build that found invalid content."""
        from mkdocs.structure.files import Files  # not imported by `check`, which needs none

        return Files([]) if self.error_page is not None and not self.started else files


def attach(server: Any, state: PreviewState) -> None:
    """Make the MkDocs live-reload `server` answer every page with the error page while the
    content is invalid, and never leave a browser waiting for a build that failed."""
    build = server.builder
    state.started = True

    def builder() -> None:
        started = time.monotonic()
        try:
            build()
        except Exception as error:
            state.failed(error)
            return  # the server marks this version visible: open pages reload to the error page
        if state.error_page is not None:
            print("Problemas corregidos: la vista previa vuelve a mostrar el sitio.", flush=True)
        state.error_page = None
        print(f"Vista previa actualizada ({time.monotonic() - started:.1f} s).", flush=True)

    server.builder = builder
    serve = server._serve_request

    def serve_request(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        path = str(environ.get("PATH_INFO", ""))
        page = state.error_page
        if page is None or path.startswith("/livereload/") or not _is_page(path):
            return serve(environ, start_response)
        content = server._inject_js_into_html(page, server._visible_epoch)
        start_response(
            "500 Internal Server Error",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(content)))],
        )
        return [content]

    server._serve_request = serve_request
    print(
        f"Vista previa en {server.url} (con los borradores). Se actualiza cada vez que guardas un "
        "archivo; Ctrl+C la detiene.",
        flush=True,
    )


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith(".html") or "." not in last


def error_page(error: BaseException) -> tuple[bytes, str]:
    """The page and the terminal text for a rebuild that failed."""
    content = _find(error, ContentError)
    if isinstance(content, ContentError):
        problems = sorted(content.problems, key=lambda p: p.severity != "error")  # errors first
        errors = sum(1 for p in problems if p.severity == "error")
        title = f"El contenido tiene {plural(errors, 'error', 'errores')}"
        items = "".join(
            f"<li><code>{html.escape(p.file)}:{p.line}:{p.column}</code> "
            f"<strong>{'error' if p.severity == 'error' else 'aviso'}</strong>: "
            f"{html.escape(p.message)} <small>({html.escape(p.code)})</small></li>"
            for p in problems
        )
        body = f"<ol>{items}</ol>"
        report = (
            f"La vista previa muestra estos problemas en el navegador; corrígelos y guarda:\n"
            f"{format_text(content.problems)}"
        )
    else:
        cause = _deepest(error)
        title = "La vista previa no se pudo actualizar"
        body = f"<p>MkDocs respondió: <code>{html.escape(str(cause))}</code></p>"
        report = f"La vista previa no se pudo actualizar. MkDocs respondió: {cause}"
    return _page(title, body).encode("utf-8"), report


def _find(error: BaseException, kind: type[BaseException]) -> BaseException | None:
    for link in _chain(error):
        if isinstance(link, kind):
            return link
    return None


def _deepest(error: BaseException) -> BaseException:
    return list(_chain(error))[-1]


def _chain(error: BaseException) -> Iterable[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _page(title: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} - vista previa</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; }}
h1 {{ color: #b00020; font-size: 1.5rem; }}
li {{ margin: 0 0 .75rem; overflow-wrap: anywhere; }}
code {{ background: #f3f3f3; padding: 0 .2rem; }}
</style>
</head>
<body>
<main>
<h1>{html.escape(title)}</h1>
<p>La vista previa no muestra el sitio mientras el contenido tenga errores. Es lo mismo que
dice <code>python -m generator check</code>: corrige cada línea indicada y guarda el archivo;
esta página se recarga sola.</p>
{body}
</main>
</body>
</html>
"""


class _SpanishMkDocsLines(logging.Filter):
    """Only MkDocs' warnings reach the author, each in a sentence of ours; its progress lines
    and its errors (the preview reports them itself, in Spanish) do not."""

    def filter(self, record: logging.LogRecord) -> bool:
        # The live-reload server logs each request that found no page: not a warning to act on.
        if record.levelno != logging.WARNING or record.name.startswith("mkdocs.livereload"):
            return False
        record.msg = f"Aviso de MkDocs (en inglés): {record.getMessage()}"
        record.args = None
        return True


def quiet_mkdocs() -> None:
    """The preview's terminal: MkDocs' warnings in a Spanish sentence, nothing else of it."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(_SpanishMkDocsLines())
    logger.handlers = [handler]
    logger.propagate = False
    logger.setLevel(logging.WARNING)
