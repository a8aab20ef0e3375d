// Red de Centros, offline bundle: the search page's backend when the site is opened from disk
// (see SEARCH_BACKEND_HOOK in buscar.js). Pagefind cannot fetch its index from file://, so this
// searches a small index written by the generator (indice-sin-conexion.js, loaded with a
// <script> tag on the first search). Every word must appear; title matches rank first.
(() => {
  "use strict";
  const base = new URL("../", document.currentScript.src); // this file is assets/sin-conexion.js
  const fold = (text) =>
    text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase("es");
  const escape = (text) =>
    text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  let index = null;
  const loadIndex = () => {
    index ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL("assets/indice-sin-conexion.js", base).href;
      script.onload = () => resolve(window.RedDeCentrosIndice);
      script.onerror = () => reject(new Error("No se pudo cargar el índice sin conexión."));
      document.head.append(script);
    });
    return index;
  };

  window.RedDeCentrosBusqueda = {
    async search(query) {
      const words = fold(query).split(/\s+/).filter(Boolean);
      const entries = await loadIndex();
      const found = entries
        .filter((entry) => words.every((word) => entry.x.includes(word)))
        .map((entry) => ({ entry, inTitle: words.every((w) => fold(entry.t).includes(w)) }))
        .sort((a, b) => Number(b.inTitle) - Number(a.inTitle))
        .map(({ entry }) => ({
          url: new URL(entry.u, base).href,
          title: entry.t,
          excerpt: escape(entry.r),
          centro: entry.c,
          areas: entry.a,
        }));
      return {
        total: found.length,
        load: async (start, count) => found.slice(start, start + count),
      };
    },
  };
})();
