// Red de Centros: filters of the practice catalogue (/practicas/).
// The form and every practice's data-<facet> attributes come from the generator
// (generator/site/catalogue.py); this only reads them. Within a facet the options add up
// (or); across facets they narrow (and). The state lives in the URL (?area=x&centro=y).
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
  const status = form.querySelector("[data-conteo]");

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
    const noun = items.length === 1 ? "práctica" : "prácticas";
    status.textContent =
      shown === 0
        ? "Ninguna práctica cumple estos filtros."
        : `Se muestran ${shown} de ${items.length} ${noun}.`;
    const params = new URLSearchParams();
    for (const facet of facets) for (const v of picked[facet]) params.append(facet, v);
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  };

  const params = new URLSearchParams(location.search);
  for (const el of controls) {
    const wanted = params.getAll(el.name);
    if (el.type === "checkbox") el.checked = wanted.includes(el.value);
    else el.value = wanted.find((v) => Array.from(el.options).some((o) => o.value === v)) || "";
  }
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.querySelector("[data-limpiar]").addEventListener("click", () => {
    form.reset();
    update();
  });
  form.hidden = false;
  update();
})();
