// Red de Centros: filters of the practice catalogue (/practicas/).
// The form (closed under "Filtrar") and every practice's data-<facet> attributes come from
// the generator (generator/site/catalogue.py); this only reads them and writes text into
// places the page already holds, so nothing moves when it runs. Within a facet the options
// add up (or); across facets they narrow (and). The state lives in the URL (?area=x&centro=y);
// a value the form does not offer is said, not dropped in silence.
(() => {
  "use strict";
  const form = document.getElementById("rc-filtros");
  if (!form) return;
  const items = Array.from(document.querySelectorAll(".rc-catalogo li[data-centro]"));
  const controls = Array.from(form.elements).filter((el) => el.name);
  const facets = Array.from(new Set(controls.map((el) => el.name)));
  const values = new Map(
    items.map((li) => [
      li,
      Object.fromEntries(facets.map((f) => [f, (li.dataset[f] || "").split(" ").filter(Boolean)])),
    ]),
  );
  const headline = document.querySelector("[data-conteo]");
  const unknownNote = document.querySelector("[data-desconocidos]");
  // How many of the practices counted are examples (not real cases), beside the count.
  const examplesNote = document.querySelector("[data-ejemplos]");
  const activeNote = document.querySelector("[data-activos]");
  // «, de la más reciente a la más antigua»: said of a list, not of an empty one.
  const orderNote = document.querySelector("[data-orden]");
  const noun = (n) => (n === 1 ? "práctica" : "prácticas");

  const chosen = () => {
    const picked = Object.fromEntries(facets.map((f) => [f, new Set()]));
    for (const el of controls) {
      if (el.type === "checkbox" ? el.checked : el.value) picked[el.name].add(el.value);
    }
    return picked;
  };

  const fits = (li, picked, skip) =>
    facets.every(
      (f) => f === skip || picked[f].size === 0 || values.get(li)[f].some((v) => picked[f].has(v)),
    );

  const showCounts = (picked) => {
    for (const facet of facets) {
      const counts = new Map();
      for (const li of items) {
        if (!fits(li, picked, facet)) continue;
        for (const v of values.get(li)[facet]) counts.set(v, (counts.get(v) || 0) + 1);
      }
      for (const el of controls.filter((c) => c.name === facet)) {
        if (el.type === "checkbox") {
          el.closest("label").querySelector("[data-cuenta]").textContent =
            `(${counts.get(el.value) || 0})`;
        } else {
          for (const option of el.options) {
            if (option.value) {
              option.textContent = `${option.dataset.label} (${counts.get(option.value) || 0})`;
            }
          }
        }
      }
    }
  };

  const update = () => {
    const picked = chosen();
    let shown = 0;
    for (const item of items) {
      const fit = fits(item, picked);
      item.hidden = !fit;
      if (fit) shown += 1;
    }
    showCounts(picked);
    const active = facets.reduce((n, f) => n + picked[f].size, 0);
    const total = items.length;
    if (active === 0) headline.textContent = `${total} ${noun(total)}`;
    else if (shown === 0) headline.textContent = total === 1 ? "La única práctica no cumple estos filtros" : `Ninguna de las ${total} prácticas cumple estos filtros`;
    else headline.textContent = `${shown === 1 ? "Se muestra" : "Se muestran"} ${shown} de ${total} ${noun(total)}`;
    const examples = items.filter((li) => !li.hidden && li.dataset.estado === "ejemplo").length;
    examplesNote.textContent = shown && examples ? ` (${examples} de ejemplo)` : "";
    orderNote.hidden = shown === 0;
    activeNote.textContent = active ? ` (${active} ${active === 1 ? "activo" : "activos"})` : "";
    const params = new URLSearchParams();
    for (const facet of facets) for (const v of picked[facet]) params.append(facet, v);
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  };

  const params = new URLSearchParams(location.search);
  const unknown = [];
  for (const [name, value] of params) {
    const offered = controls.some(
      (el) =>
        el.name === name &&
        (el.type === "checkbox" ? el.value === value : Array.from(el.options).some((o) => o.value === value)),
    );
    if (!offered) unknown.push(`${name}=${value}`);
  }
  for (const el of controls) {
    const wanted = params.getAll(el.name);
    if (el.type === "checkbox") el.checked = wanted.includes(el.value);
    else el.value = wanted.find((v) => Array.from(el.options).some((o) => o.value === v)) || "";
  }
  if (unknown.length) {
    const list = unknown.map((u) => `«${u}»`).join(", ");
    unknownNote.textContent =
      unknown.length === 1
        ? ` El filtro ${list} de la dirección no existe en el catálogo y no se aplicó.`
        : ` Los filtros ${list} de la dirección no existen en el catálogo y no se aplicaron.`;
  }
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.querySelector("[data-limpiar]").addEventListener("click", () => {
    form.reset();
    unknownNote.textContent = "";
    update();
  });
  for (const note of document.querySelectorAll("[data-sin-script]")) note.remove();
  update();
})();
