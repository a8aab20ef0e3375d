"""What the preview shows an author: a Spanish page with every problem while the content is
invalid (and the same text in the terminal), and the script that reloads an open page when
its own HTML changes."""

from __future__ import annotations

import html
from collections.abc import Iterable

from generator import addresses as paths
from generator.content.problems import ContentError, format_text
from generator.text import plural


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
        body = f"<pre>{html.escape(str(cause))}</pre>"
        report = f"La vista previa no se pudo actualizar: {cause}"
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
<link rel="icon" href="/{paths.FAVICON}">
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


# Asks the preview whether this page changed since the version it was served at; the
# answer comes when it did, when a rebuild starts or ends (or after at most POLL_SECONDS, to ask
# again). While a save is being built, the page says so in a corner, until it reloads (Zensical
# can take seconds for the page an author is looking at). Leaving the page aborts the
# question: a closing tab is never left waiting.
RELOAD_SCRIPT = """<script>
(function () {
  var version = %d, building = false, asking, notice;
  function say(rebuilding) {
    building = rebuilding;
    if (!notice) {
      notice = document.createElement("p");
      notice.setAttribute("role", "status");
      notice.className = "rc-vista-previa-aviso";
      notice.style.cssText = "position:fixed;bottom:1rem;left:1rem;z-index:10;margin:0;" +
        "padding:.5rem .75rem;background:#1a237e;color:#fff;border-radius:.25rem;" +
        "font:14px/1.4 system-ui,sans-serif";
      document.body.appendChild(notice);
    }
    notice.textContent = rebuilding ? "Guardado: reconstruyendo la página…" : "";
    notice.hidden = !rebuilding;
  }
  function ask() {
    asking = new AbortController();
    fetch("%s?version=" + version + "&pagina=" + encodeURIComponent(location.pathname) +
          "&construyendo=" + (building ? "1" : "0"), {cache: "no-store", signal: asking.signal})
      .then(function (answer) { return answer.json(); })
      .then(function (answer) {
        if (answer.recargar) { location.reload(); return; }
        version = answer.version;
        if (answer.construyendo !== building) { say(answer.construyendo); }
        ask();
      })
      .catch(function (error) { if (error.name !== "AbortError") { setTimeout(ask, 2000); } });
  }
  window.addEventListener("pagehide", function () { asking.abort(); });
  ask();
})();
</script>"""


def with_reload_script(page: bytes, version: int, endpoint: str) -> bytes:
    """`page` with the live-reload script before its last `</body>` (or at its end)."""
    script = (RELOAD_SCRIPT % (version, endpoint)).encode("utf-8")
    end = page.rfind(b"</body>")
    return page[:end] + script + page[end:] if end >= 0 else page + script
