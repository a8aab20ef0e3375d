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

  // --- what the person did not change stays as it was ------------------------------------
  // A save rewrites only the keys whose value changed, each in the canonical form; every other
  // line (keys, comments, blank lines, the body) is the file's own, character for character.

  // A top-level key at the start of a line (the models' keys are plain words).
  var TOP_KEY = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]|$)/;

  // The header's top-level keys, each with its lines and the comments and blank lines just
  // above it; null when a line is not one this reading knows (then the canonical form is
  // written whole, as `format` would).
  function headerPieces(text) {
    var lines = text.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    var pieces = [], above = [], current = null;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i], key = TOP_KEY.exec(line);
      if (key) {
        current = { key: key[1], above: above, lines: [line] };
        pieces.push(current);
        above = [];
      } else if (/^(#|[ \t]*$)/.test(line)) {
        above.push(line);
      } else if (current && /^([ \t]|- |-$)/.test(line)) {
        current.lines = current.lines.concat(above, [line]);
        above = [];
      } else {
        return null;
      }
    }
    return { pieces: pieces, tail: above };
  }

  function sameValue(a, b) {
    return stableJSON(a) === stableJSON(b);
  }

  function stableJSON(value) {
    if (Array.isArray(value)) return "[" + value.map(stableJSON).join(",") + "]";
    if (isMap(value)) {
      return "{" + Object.keys(value).sort().map(function (key) {
        return JSON.stringify(key) + ":" + stableJSON(value[key]);
      }).join(",") + "}";
    }
    if (value instanceof Date) return JSON.stringify(value.toISOString().slice(0, 10));
    return JSON.stringify(value === undefined ? null : value);
  }

  // `meta` (already cleaned) written over `text`, the header as it was read.
  function keptHeader(text, meta, order) {
    var read = headerPieces(text);
    var before = clean(load(text));
    if (read === null || !isMap(before)) return dump(meta, order);
    var seen = {};
    var out = [];
    read.pieces.forEach(function (piece) {
      var key = piece.key;
      if (seen[key]) return;
      seen[key] = true;
      var had = key in before, has = key in meta;
      if (had === has && (!has || sameValue(before[key], meta[key]))) {
        out.push({ key: key, lines: piece.above.concat(piece.lines) });
      } else if (has) {
        out.push({ key: key, lines: piece.above.concat(keyLines(key, meta[key], order)) });
      }
    });
    sortedKeys(meta, order).forEach(function (key) {
      if (!seen[key]) out.splice(placeFor(key, out, order), 0, { key: key, lines: keyLines(key, meta[key], order) });
    });
    var lines = [];
    out.forEach(function (piece) { lines = lines.concat(piece.lines); });
    lines = lines.concat(read.tail);
    return lines.length ? lines.join("\n") + "\n" : dump(meta, order);
  }

  function keyLines(key, value, order) {
    var one = {};
    one[key] = value;
    return blockLines(one, order, 0, false);
  }

  // A new key goes after the last key that comes before it in the canonical order.
  function placeFor(key, out, order) {
    var rank = order.keys.indexOf(key);
    if (rank < 0) return out.length;
    var place = 0;
    out.forEach(function (piece, index) {
      var other = order.keys.indexOf(piece.key);
      if (other >= 0 && other < rank) place = index + 1;
    });
    return place;
  }

  // The file being saved as it was read, from the preSave event to the toFile that follows
  // it; null for a new entry (written whole in the canonical form).
  var savedOver = null;
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      savedOver = entry.get("newRecord") ? null : entry.get("raw") || null;
    },
  });

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
        var source = savedOver;
        savedOver = null;
        var meta = Object.assign({}, data);
        var body = meta.body;
        delete meta.body;
        if (source === null) {
          var header = dump(clean(meta), format.order);
          return format.frontMatter ? frontMatterFile(header, body) : header;
        }
        var parts = format.frontMatter ? splitFrontMatter(source) : { header: source, body: "" };
        var kept = keptHeader(parts.header, clean(meta), format.order);
        // The body as the person left it in the editor (Markdown, every character kept).
        return format.frontMatter ? "---\n" + kept + "---\n" + (body || "") : kept;
      },
    };
  }

  // A file read and saved with `change` made to its data (none by default), as the editor
  // does it: for the tests, which compare it with the file.
  function savedAgain(name, text, change) {
    var format = formatter(rules.formats[name]);
    var data = Object.assign(format.fromFile(text), change || {});
    savedOver = text;
    return format.toFile(data);
  }

  window.RedCanonico = {
    dump: dump, textScalar: textScalar, numberText: numberText, frontMatterFile: frontMatterFile,
    savedAgain: savedAgain,
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

  // --- the Markdown's bar says how to write ----------------------------------------------
  // The body is edited as Markdown (cms.py): its bar, empty of buttons, shows how to write
  // the common things, the parts between backquotes as one types them.
  function markdownHelp() {
    var help = document.createElement("p");
    help.className = "rc-markdown";
    rules.markdownHelp.split("`").forEach(function (part, index) {
      var piece = document.createElement(index % 2 ? "code" : "span");
      piece.textContent = part;
      help.appendChild(piece);
    });
    return help;
  }

  function explainMarkdown() {
    document.querySelectorAll(".cms-editor-raw [class*='-ToolbarContainer']").forEach(function (bar) {
      if (!bar.querySelector(".rc-markdown")) bar.insertBefore(markdownHelp(), bar.firstChild);
    });
  }

  // --- what Decap's widgets say in English, outside its locale -----------------------------
  // The choices' chips and what a screen reader hears from them (react-select's, which Decap
  // leaves in English: «Remove Vinculación con el ecosistema»), a list item with nothing in its
  // first field yet («No rol») and a list's count, which Decap writes with the list's own label
  // whatever the number («0 equipo»): each in the site's Spanish.
  var SELECT_SPEECH = [
    [/\bUse Up and Down to choose options/g, "Usa las flechas arriba y abajo para recorrer las opciones"],
    [/, press Enter to select the currently focused option/g, ", Intro para elegir la opción marcada"],
    [/, press Escape to exit the menu/g, ", Esc para cerrar el menú"],
    [/, press Tab to select the option and exit the menu/g, ", Tab para elegirla y cerrar el menú"],
    [/\bSelect is focused ?/g, "Lista de opciones activa"],
    [/(\S.*?) is focused ?/g, "$1: activa"],
    [/ ?,type to refine list/g, ", escribe para filtrar la lista"],
    [/, press Down to open the menu, ?/g, ", flecha abajo para abrir el menú"],
    [/ ?press left to focus selected values/g, ", flecha izquierda para recorrer lo elegido"],
    [/\bUse left and right to toggle between focused values, press Backspace to remove the currently focused value/g,
      "Usa las flechas izquierda y derecha para recorrer lo elegido y Retroceso para quitar lo marcado"],
    [/\boption (.+?), deselected\./g, "Se quitó «$1»."],
    [/\bAll selected options have been cleared\./g, "Se quitaron todas las opciones elegidas."],
    [/\boption (.+?) is disabled\. Select another option\./g, "«$1» no se puede elegir: elige otra opción."],
    [/\boptions? (.+?), selected\./g, "Elegida: «$1»."],
    [/\bvalue (.+?) focused, (\d+) of (\d+)\./g, "«$1» marcada, $2 de $3 elegidas."],
    [/\boption (.+?) (selected|focused)( disabled)?, (\d+) of (\d+)\./g, function (_, label, state, off, n, of) {
      return "«" + label + "»" + (state === "selected" ? " (elegida)" : "") + (off ? " (no disponible)" : "") +
        ", opción " + n + " de " + of + ".";
    }],
    [/\b(\d+) results? available/g, function (_, n) { return n + (n === "1" ? " opción" : " opciones"); }],
    [/ for search term (.+?)\./g, " con «$1»."],
  ];

  // A list's items are moved by dragging (dnd-kit), which tells a screen reader how, in English.
  var DRAG_SPEECH = [
    [/To pick up a draggable item, press the space bar\.\s*While dragging, use the arrow keys to move the item\.\s*Press space again to drop the item in its new position, or press escape to cancel\./g,
      "Para mover un elemento, pulsa la barra espaciadora y muévelo con las flechas; pulsa espacio otra vez para dejarlo en su nuevo lugar, o Esc para cancelar."],
    [/\bPicked up draggable item (.+?)\./g, "Tomaste el elemento $1."],
    [/\bDraggable item (.+?) was moved over droppable area (.+?)\./g, "El elemento $1 está sobre el lugar $2."],
    [/\bDraggable item (.+?) is no longer over a droppable area\./g, "El elemento $1 ya no está sobre un lugar donde dejarlo."],
    [/\bDragging was cancelled\. Draggable item (.+?) was dropped\./g, "Se canceló el movimiento: el elemento $1 quedó donde estaba."],
    [/\bDraggable item (.+?) was dropped over droppable area (.+?)(\.|$)/g, "Dejaste el elemento $1 en el lugar $2."],
    [/\bDraggable item (.+?) was dropped\./g, "Dejaste el elemento $1."],
  ];

  function replaced(text, phrases) {
    return phrases.reduce(function (out, pair) { return out.replace(pair[0], pair[1]); }, text);
  }

  function setText(node, text) {
    if (node.data !== text) node.data = text;
  }

  function textsIn(selector) {
    var found = [];
    document.querySelectorAll(selector).forEach(function (element) {
      element.childNodes.forEach(function (node) {
        if (node.nodeType === Node.TEXT_NODE) found.push(node);
      });
    });
    return found;
  }

  function listCount(text) {
    var match = /^(\d+) (.+)$/.exec(text);
    var words = match && rules.counts[match[2]];
    return words ? match[1] + " " + words[match[1] === "1" ? 0 : 1] : text;
  }

  // Each field says what kind it is to a screen reader, by its widget's name («Campo string»).
  var FIELD_KINDS = {
    string: "de texto", text: "de texto largo", markdown: "de texto con formato", number: "de número",
    select: "de opciones", relation: "de opciones", list: "de lista", object: "de grupo",
    boolean: "de sí o no", datetime: "de fecha", date: "de fecha", image: "de imagen", file: "de archivo",
    code: "de código", map: "de mapa", hidden: "oculto", color: "de color", uuid: "de identificador",
  };

  function spanishWidgets() {
    document.querySelectorAll("[aria-label^='Remove ']").forEach(function (button) {
      button.setAttribute("aria-label", "Quitar " + button.getAttribute("aria-label").slice(7));
    });
    document.querySelectorAll("[aria-label^='Campo ']").forEach(function (field) {
      var kind = FIELD_KINDS[field.getAttribute("aria-label").slice(6)];
      if (kind) field.setAttribute("aria-label", "Campo " + kind);
    });
    textsIn("[id^='aria-'], [class*='-a11yText'], [class*='-a11yText'] span").forEach(function (node) {
      setText(node, replaced(node.data, SELECT_SPEECH));
    });
    textsIn("[id^='DndDescribedBy'], [id^='DndLiveRegion']").forEach(function (node) {
      setText(node, replaced(node.data, DRAG_SPEECH));
    });
    textsIn("[class*='-menu'] div").forEach(function (node) {
      setText(node, node.data.replace(/^No options$/, "No hay opciones").replace(/^Loading\.\.\.$/, "Cargando…"));
    });
    textsIn("[class*='-NestedObjectLabel']").forEach(function (node) {
      setText(node, node.data.replace(/^No (\S+)$/, "Sin $1"));
    });
    textsIn("[class*='-ExpandButtonContainer']").forEach(function (node) {
      setText(node, listCount(node.data));
    });
    textsIn(".Toastify__toast-body, .Toastify__toast-body *").forEach(function (node) {
      setText(node, node.data.replace(/TypeError: (?:Failed to fetch|NetworkError[^.]*\.?|Load failed)/g, NO_CONNECTION));
    });
  }

  // The browser's own words when the server that keeps the files does not answer.
  var NO_CONNECTION = "no hay conexión con el servidor que guarda los cambios (en tu computador: " +
    "¿sigue abierto «make editar» en la terminal?)";

  new MutationObserver(function () {
    explainSignIn();
    explainMarkdown();
    spanishWidgets();
  }).observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["aria-label"],
  });

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

  // --- the preview reads the body as the site does -----------------------------------------
  // Decap's preview (remark) leaves bare addresses as text, alerts as quotes that begin with
  // «[!NOTE]» and entities as written («&amp;»); the site links the addresses where GitHub
  // does (generator/content/autolinks.py), gives each alert its Spanish title and shows «&».
  // Decap 3.16 never hands registered remark plugins to its preview (MarkdownPreview passes
  // them where markdownToHtml does not read them), so the preview's HTML is read once drawn.
  var ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;
  var decoder = document.createElement("textarea");

  function asAlert(quote) {
    var first = quote.firstElementChild;
    var text = first && first.tagName === "P" ? first.firstChild : null;
    var marker = text && text.nodeType === Node.TEXT_NODE && ALERT.exec(text.data);
    if (!marker) return;
    var kind = marker[1].toUpperCase();
    text.data = text.data.slice(marker[0].length);
    if (!first.textContent.trim() && !first.children.length) first.remove();
    var alert = document.createElement("div");
    alert.className = "markdown-alert markdown-alert-" + kind.toLowerCase();
    var title = document.createElement("p");
    title.className = "markdown-alert-title";
    title.textContent = rules.alertTitles[kind];
    alert.appendChild(title);
    while (quote.firstChild) alert.appendChild(quote.firstChild);
    quote.replaceWith(alert);
  }

  // GitHub's rules, as autolinks.py ports them: what may come before, a domain with a dot,
  // and no trailing punctuation, entity-like «&…;» or unmatched «)».
  var BARE = /(^|[\s*_~(])(www\.[^\s<]+)|(^|[^A-Za-z])((?:https?|ftp):\/\/[^\s<]+)|([A-Za-z0-9._+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)/g;
  var TRAILING = /[?!.,:*_~'"]$/;
  var HOST_PART = /^[^\s!-,./:-@[-^`{-~]+$/;

  function trimmed(address) {
    for (;;) {
      var entity = /&[A-Za-z0-9]+;$/.exec(address);
      var open = (address.match(/\(/g) || []).length, closed = (address.match(/\)/g) || []).length;
      if (TRAILING.test(address)) address = address.slice(0, -1);
      else if (entity) address = address.slice(0, entity.index);
      else if (/\)$/.test(address) && closed > open) address = address.slice(0, -1);
      else return address;
    }
  }

  function linkOf(kind, text) {
    if (kind === "mail") {
      text = text.replace(/\.+$/, "");
      return /[-_]$/.test(text) ? null : { text: text, url: "mailto:" + text };
    }
    text = trimmed(text);
    var parts = text.replace(/^(?:https?|ftp):\/\//, "").split(/[/?#]/)[0].split(".");
    var valid = parts.length > 1 && parts.every(function (part) { return HOST_PART.test(part); }) &&
      parts.slice(-2).join("").indexOf("_") < 0;
    return valid ? { text: text, url: kind === "www" ? "http://" + text : text } : null;
  }

  // The text, with a link for each bare address: a list of strings and <a> elements.
  function withLinks(value) {
    var out = [], rest = 0, match;
    BARE.lastIndex = 0;
    while ((match = BARE.exec(value))) {
      var kind = match[2] ? "www" : match[4] ? "scheme" : "mail";
      var before = kind === "www" ? match[1] : kind === "scheme" ? match[3] : "";
      var start = match.index + before.length;
      var link = linkOf(kind, match[2] || match[4] || match[5]);
      if (!link) continue;
      if (start > rest) out.push(value.slice(rest, start));
      var anchor = document.createElement("a");
      anchor.href = link.url;
      anchor.textContent = link.text;
      out.push(anchor);
      rest = start + link.text.length;
      BARE.lastIndex = rest;
    }
    if (rest < value.length) out.push(value.slice(rest));
    return out;
  }

  function decoded(text) {
    decoder.innerHTML = text.replace(/</g, "&lt;");
    return decoder.value;
  }

  function readAsTheSite(container) {
    Array.prototype.slice.call(container.children).forEach(function (node) {
      if (node.tagName === "BLOCKQUOTE") asAlert(node);
    });
    var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("a, code, pre") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    var texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach(function (node) { node.replaceWith.apply(node, withLinks(decoded(node.data))); });
  }

  // The body's preview, read as the site reads it each time Decap draws it anew.
  var SiteBody = window.createClass({
    componentDidMount: function () { this.read(); },
    componentDidUpdate: function () { this.read(); },
    read: function () {
      var container = this.holder && this.holder.firstElementChild;
      if (!container || container.innerHTML === this.lastRead) return;
      readAsTheSite(container);
      this.lastRead = container.innerHTML;
    },
    render: function () {
      var self = this;
      return h("div", { className: "cuerpo", ref: function (el) { self.holder = el; } }, this.props.body);
    },
  });

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
      h(SiteBody, { body: props.widgetFor("body") }));
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
