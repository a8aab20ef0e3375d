/* Red de Centros in Decap CMS: files written in the repository's canonical form, the
 * phrases Decap's Spanish lacks, and previews that show names instead of keys.
 * The rules (quoting, key orders, names) come from the page (generator/authoring/cms.py),
 * written from the same definitions as `python -m generator format` (canonical.py). */
(function () {
  "use strict";
  var rules = JSON.parse(document.getElementById("reglas-del-editor").textContent);
  var resolvesToOther = new RegExp(rules.resolvesToOther, "u");
  var needsQuotes = new RegExp(rules.needsQuotes, "u");
  var needsEscape = new RegExp(rules.needsEscape, "u");
  var escapable = new RegExp(rules.needsEscape + '|["\\\\]', "gu");
  var SHORT = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r" };
  var ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
  var NO_ORDER = { keys: [], fields: {}, each: null, dates: [] };

  // --- the canonical form (the same rules as canonical.py) ---------------------------
  function textScalar(text) {
    if (needsEscape.test(text)) {
      return '"' + text.replace(escapable, function (c) {
        return SHORT[c] || "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
      }) + '"';
    }
    if (needsQuotes.test(text) || resolvesToOther.test(text)) {
      return "'" + text.replace(/'/g, "''") + "'";
    }
    return text;
  }

  function scalar(value, isDate) {
    if (value === null || value === undefined) return "null";
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number") {
      if (Number.isNaN(value)) return ".nan";
      if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
      return numberText(value);
    }
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    var text = String(value);
    return isDate && ISO_DAY.test(text) ? text : textScalar(text);
  }

  // String(number), with a decimal point before an exponent (1.0e-7): YAML 1.1 reads "1e-7"
  // as text. The same as number_text in canonical.py.
  function numberText(value) {
    var text = String(value);
    return /e/.test(text) && !/\./.test(text) ? text.replace("e", ".0e") : text;
  }

  function isMap(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
  }

  // What the form leaves behind for a field nobody filled in: no key at all.
  function clean(value) {
    if (Array.isArray(value)) {
      return value.map(clean).filter(function (item) { return item !== "" && item !== null; });
    }
    if (!isMap(value)) return value;
    var out = {};
    Object.keys(value).forEach(function (key) {
      var item = clean(value[key]);
      if (item === null || item === undefined || item === "") return;
      if (isMap(item) && Object.keys(item).length === 0) return;
      out[key] = item;
    });
    return out;
  }

  function sortedKeys(map, order) {
    var known = order.keys.filter(function (key) { return key in map; });
    return known.concat(Object.keys(map).filter(function (key) { return order.keys.indexOf(key) < 0; }));
  }

  function childOrder(order, key) {
    return (order.fields && order.fields[key]) || order.each || NO_ORDER;
  }

  function isEmptyBlock(value) {
    return Array.isArray(value) ? value.length === 0 : isMap(value) && Object.keys(value).length === 0;
  }

  function blockLines(value, order, depth, isDate) {
    var pad = "  ".repeat(depth);
    var lines = [];
    var entries = Array.isArray(value)
      ? value.map(function (item) { return [null, item]; })
      : sortedKeys(value, order).map(function (key) { return [key, value[key]]; });
    entries.forEach(function (entry) {
      var key = entry[0], item = entry[1];
      var child = key === null ? order : childOrder(order, key);
      var itemIsDate = key === null ? isDate : (order.dates || []).indexOf(key) >= 0;
      var head = pad + (key === null ? "-" : textScalar(key) + ":");
      if ((Array.isArray(item) || isMap(item)) && !isEmptyBlock(item)) {
        var inner = blockLines(item, child, depth + 1, itemIsDate);
        if (key === null && isMap(item)) {
          lines.push(head + " " + inner[0].trimStart());
          lines = lines.concat(inner.slice(1));
        } else {
          lines.push(head);
          lines = lines.concat(inner);
        }
      } else if (Array.isArray(item) || isMap(item)) {
        lines.push(head + " " + (Array.isArray(item) ? "[]" : "{}"));
      } else {
        lines.push(head + " " + scalar(item, itemIsDate));
      }
    });
    return lines;
  }

  function dump(data, order) {
    var lines = Object.keys(data).length ? blockLines(data, order, 0, false) : ["{}"];
    return lines.join("\n") + "\n";
  }

  function frontMatterFile(header, body) {
    body = (body || "").replace(/\r\n/g, "\n").replace(/^\n+/, "").replace(/\n+$/, "");
    return "---\n" + header + "---\n" + (body ? "\n" + body + "\n" : "");
  }

  function load(text) {
    return window.jsyaml.load(text, { schema: window.jsyaml.CORE_SCHEMA }) || {};
  }

  function splitFrontMatter(text) {
    var lines = text.replace(/\r\n/g, "\n").split("\n");
    if (lines[0].trim() !== "---") return { header: "", body: text };
    for (var i = 1; i < lines.length; i++) {
      var line = lines[i].trimEnd();
      if (line === "---" || line === "...") {
        return { header: lines.slice(1, i).join("\n"), body: lines.slice(i + 1).join("\n") };
      }
    }
    return { header: lines.slice(1).join("\n"), body: "" };
  }

  function formatter(format) {
    return {
      fromFile: function (text) {
        if (!format.frontMatter) return load(text);
        var parts = splitFrontMatter(text);
        var data = load(parts.header);
        if (parts.body.trim()) data.body = parts.body;
        return data;
      },
      toFile: function (data) {
        var meta = Object.assign({}, data);
        var body = meta.body;
        delete meta.body;
        var header = dump(clean(meta), format.order);
        return format.frontMatter ? frontMatterFile(header, body) : header;
      },
    };
  }

  window.RedCanonico = {
    dump: dump, textScalar: textScalar, numberText: numberText, frontMatterFile: frontMatterFile,
  };
  Object.keys(rules.formats).forEach(function (name) {
    var format = rules.formats[name];
    CMS.registerCustomFormat(name, format.extension, formatter(format));
  });

  // --- the site's Spanish: what Decap's own lacks, and its phrases that say «usted» ------
  function merged(base, extra) {
    var out = Object.assign({}, base);
    Object.keys(extra).forEach(function (key) {
      out[key] = isMap(extra[key]) ? merged(base[key] || {}, extra[key]) : extra[key];
    });
    return out;
  }
  CMS.registerLocale("es", merged(CMS.getLocale("es") || {}, rules.phrases));

  // --- the sign-in screen says what this editor is ---------------------------------------
  // Decap's shows its logo and «Iniciar sesión» only: the sentence goes above the button
  // whenever that screen is drawn (again after signing out).
  function explainSignIn() {
    var screen = document.querySelector("[class*='-StyledAuthenticationPage']");
    if (!screen || screen.querySelector(".rc-acceso")) return;
    var sentence = document.createElement("p");
    sentence.className = "rc-acceso";
    sentence.textContent = rules.login;
    var button = screen.querySelector("button");
    screen.insertBefore(sentence, button);
  }
  new MutationObserver(explainSignIn).observe(document.body, { childList: true, subtree: true });

  // --- previews with names --------------------------------------------------------------
  var h = window.h;
  function nameOf(kind, key) {
    var names = rules.names[kind] || {};
    return names[key] || key;
  }
  function listOf(entry, field) {
    var value = entry.getIn(["data", field]);
    return value && value.toJS ? value.toJS() : value || [];
  }
  function row(label, text) {
    return text ? h("p", {}, h("strong", {}, label + ": "), text) : null;
  }
  function names(kind, keys) {
    return keys.map(function (key) { return nameOf(kind, key); }).join(", ");
  }

  CMS.registerPreviewStyle(rules.previewStyle, { raw: true });
  CMS.registerPreviewTemplate("practicas", function (props) {
    var data = function (field) { return props.entry.getIn(["data", field]); };
    return h("article", { className: "ficha" },
      h("h1", {}, data("titulo") || ""),
      h("p", { className: "resumen" }, data("resumen") || ""),
      row("Centro", nameOf("centros", data("centro"))),
      row("Áreas", names("areas", listOf(props.entry, "areas"))),
      row("Fecha", data("fecha")),
      row("Estado", nameOf("estados", data("estado"))),
      row("Servicios", names("servicios", listOf(props.entry, "servicios"))),
      row("Públicos", names("publicos", listOf(props.entry, "publicos"))),
      h("div", { className: "cuerpo" }, props.widgetFor("body")));
  });
  CMS.registerPreviewTemplate("centros", function (props) {
    var data = function (field) { return props.entry.getIn(["data", field]); };
    var hitos = listOf(props.entry, "hitos");
    return h("article", { className: "ficha" },
      h("h1", {}, data("nombre") || ""),
      row("Comuna", data("comuna")),
      row("Región", nameOf("regiones", data("region"))),
      row("Operador", data("operador")),
      row("Estado", nameOf("estados", data("estado"))),
      row("Fuente", nameOf("fuentes", data("fuente"))),
      row("Servicios", names("servicios", listOf(props.entry, "servicios"))),
      hitos.length ? h("h2", {}, "Hitos") : null,
      hitos.length ? h("ul", {}, hitos.map(function (hito, index) {
        var fuente = hito.fuente ? " (" + nameOf("fuentes", hito.fuente) + ")" : "";
        return h("li", { key: index }, String(hito.fecha || "") + ": " + (hito.evento || "") + fuente);
      })) : null,
      data("descripcion") ? h("p", {}, data("descripcion")) : null);
  });
})();
