// Red de Centros: site search. The index is Pagefind's, built beside the site
// (generator/build/search.py), in the site's own origin: a query downloads only the chunks it needs.
//
// SEARCH_BACKEND_HOOK: a page may define window.RedDeCentrosBusqueda before this script,
// an object with search(query) -> Promise<{total, load(start, count) -> Promise<[{url,
// title, excerpt, centro?, areas?}]>}>. It replaces Pagefind, e.g. in an offline (file://) copy of the site,
// where the browser cannot fetch Pagefind's files.
(() => {
  "use strict";
  const PAGE_SIZE = 10;
  // While typing, wait for 3 letters and a pause: "a" alone would fetch a large index chunk.
  const MIN_TYPED = 3;
  const PAUSE_MS = 300;
  const base = new URL("../", document.currentScript.src); // this file is assets/buscar.js
  const searchPage = new URL(location.protocol === "file:" ? "buscar.html" : "buscar/", base);

  let backend = null;
  // Practices first (pages marked data-pagefind-filter="tipo:practica" by the generator),
  // each group in Pagefind's order of relevance: a reader looks for a practice, and the
  // long general pages (about, the API) mention every word of the taxonomy.
  const pagefindBackend = () =>
    import(new URL("pagefind/pagefind.js", base).href).then(async (pagefind) => {
      await pagefind.options({ baseUrl: base.pathname, excerptLength: 24 });
      return {
        async search(query) {
          const found = await pagefind.debouncedSearch(query, {}, PAUSE_MS);
          if (found === null) return null; // a newer query replaced this one
          const practices = await pagefind.search(query, { filters: { tipo: "practica" } });
          const first = new Set(practices.results.map((r) => r.id));
          const ordered = [
            ...practices.results,
            ...found.results.filter((r) => !first.has(r.id)),
          ];
          return {
            total: ordered.length,
            load: (start, count) =>
              Promise.all(
                ordered.slice(start, start + count).map(async (result) => {
                  const data = await result.data();
                  const { title, centro, areas } = data.meta;
                  return { url: data.url, title, excerpt: data.excerpt, centro, areas };
                }),
              ),
          };
        },
      };
    });
  const getBackend = () => {
    backend ??= window.RedDeCentrosBusqueda
      ? Promise.resolve(window.RedDeCentrosBusqueda)
      : pagefindBackend();
    return backend;
  };

  // The excerpt is text with <mark> around the words found: keep exactly that, as DOM nodes.
  const excerptNodes = (excerpt) => {
    const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html");
    return Array.from(parsed.body.firstChild.childNodes).map((node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  };

  const resultItem = ({ url, title, excerpt, centro, areas }) => {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = url;
    link.textContent = title;
    li.append(link);
    // «Centro: … · Áreas: …»: each value with its label, as on the practice's card.
    const labelled = [
      ["Centro", centro],
      ["Áreas", areas],
    ].filter(([, value]) => value);
    if (labelled.length) {
      const where = document.createElement("p");
      where.className = "rc-buscar-donde";
      where.textContent = labelled.map(([label, value]) => `${label}: ${value}`).join(" · ");
      li.append(where);
    }
    const text = document.createElement("p");
    text.append(...excerptNodes(excerpt || ""));
    li.append(text);
    return li;
  };

  const setUpSearchPage = (form) => {
    const input = form.querySelector("input[name=q]");
    const status = document.querySelector("[data-rc-buscar-estado]");
    const list = document.querySelector("[data-rc-buscar-resultados]");
    const more = document.createElement("button");
    more.type = "button";
    more.className = "md-button";
    more.textContent = "Mostrar más resultados";
    more.hidden = true;
    list.after(more);
    let current = null;
    let shown = 0;

    const showMore = async () => {
      const found = current;
      const results = await found.load(shown, PAGE_SIZE);
      if (found !== current) return;
      list.append(...results.map(resultItem));
      shown += results.length;
      more.hidden = shown >= found.total;
    };

    const run = async () => {
      const query = input.value.trim();
      history.replaceState(null, "", query ? `?q=${encodeURIComponent(query)}` : location.pathname);
      if (!query) {
        current = null;
        list.replaceChildren();
        more.hidden = true;
        status.textContent = "Escribe una o más palabras.";
        return;
      }
      status.textContent = "Buscando…";
      try {
        const found = await (await getBackend()).search(query);
        if (found === null || input.value.trim() !== query) return;
        current = found;
        shown = 0;
        list.replaceChildren();
        status.textContent =
          found.total === 0
            ? `Nada encontrado para «${query}».`
            : `${found.total} ${found.total === 1 ? "resultado" : "resultados"} para «${query}».`;
        await showMore();
      } catch (error) {
        status.textContent =
          "La búsqueda no está disponible en esta copia del sitio (por ejemplo, abierta sin " +
          "conexión). El catálogo de prácticas sí filtra sin conexión.";
        console.error(error);
      }
    };

    more.addEventListener("click", showMore);
    input.addEventListener("input", () => {
      if (input.value.trim().length >= MIN_TYPED || !input.value.trim()) run();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      run();
    });
    input.value = new URLSearchParams(location.search).get("q") || "";
    status.textContent = "Escribe una o más palabras.";
    if (input.value) run();
    input.focus();
  };

  // Every other page gets a small search box in the header that opens the search page.
  const addHeaderBox = () => {
    const header = document.querySelector(".md-header__inner");
    if (!header) return;
    const form = document.createElement("form");
    form.className = "rc-buscar-cabecera";
    form.setAttribute("role", "search");
    form.action = searchPage.href;
    const label = document.createElement("label");
    label.className = "rc-oculto";
    label.htmlFor = "rc-buscar-cabecera-q";
    label.textContent = "Buscar en el sitio";
    const input = document.createElement("input");
    input.type = "search";
    input.name = "q";
    input.id = "rc-buscar-cabecera-q";
    input.placeholder = "Buscar";
    form.append(label, input);
    const source = header.querySelector(".md-header__source");
    header.insertBefore(form, source);
  };

  // The printed sheet's first line (theme/main.html, shown only on paper): the page's full
  // address and the day it was opened, in place of the path the server wrote.
  const printLine = () => {
    const address = document.querySelector("[data-rc-direccion]");
    const day = document.querySelector("[data-rc-fecha]");
    if (!address || !day) return;
    address.textContent = location.href;
    const today = new Date().toLocaleDateString("es-CL", { dateStyle: "long" });
    day.textContent = ` · ${today}`;
  };

  printLine();
  // Material's own search, when a variant of the site keeps it (.md-search), has the header.
  const pageForm = document.querySelector("form[data-rc-buscar]");
  if (pageForm) setUpSearchPage(pageForm);
  else if (!document.querySelector(".md-search")) addHeaderBox();
})();
