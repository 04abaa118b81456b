// The interactive page of `kg network`: reads the embedded data, draws it with
// vis-network at the positions computed in Python (no physics), and wires search,
// details, node size, date filter and legend.  Status for tests and benchmarks:
// <html data-kg-status="ready" data-kg-nodes="N" data-kg-edges="M">, window.kg.
"use strict";
(function () {
  const started = performance.now();
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const types = Object.fromEntries(data.types.map((t) => [t.key, t]));
  const nodes = data.nodes.map((row) => ({
    iri: row[0], label: row[1], type: data.types[row[2]].key, x: row[3], y: row[4],
    degree: row[5], betweenness: row[6], community: row[7], names: row[8],
    people: row[9], events: row[10], articles: row[11], members: row[12],
  }));
  const edges = data.edges.map((row) => ({ from: row[0], to: row[1], facts: row[2] }));
  const large = edges.length > 3000 || nodes.length > 1000;
  const maxDegree = Math.max(1, ...nodes.map((n) => n.degree));
  const maxBetweenness = Math.max(1e-9, ...nodes.map((n) => n.betweenness));
  let sizeBy = "degree";

  function nodeSize(n) {
    const share = sizeBy === "degree" ? n.degree / maxDegree : n.betweenness / maxBetweenness;
    return 5 + 22 * Math.sqrt(share);
  }
  function visNode(n, i) {
    const color = types[n.type].color;
    return {
      id: i, label: n.label, x: n.x, y: n.y, size: nodeSize(n), shape: "dot",
      color: { background: color, border: "#ffffff", highlight: { background: color, border: "#000000" } },
    };
  }
  function edgeWidth(weight) { return Math.min(1 + Math.log2(weight), 8); }

  const nodeSet = new vis.DataSet(nodes.map(visNode));
  const edgeSet = new vis.DataSet(edges.map((e, i) => ({
    id: i, from: e.from, to: e.to, width: edgeWidth(e.facts.length),
  })));
  const container = document.getElementById("network");
  const network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false, randomSeed: 0 },
    nodes: { font: { size: 14, face: "DejaVu Sans, Arial, sans-serif" },
             scaling: { label: { drawThreshold: large ? 9 : 5 } } },
    edges: { smooth: false, color: { color: "#9a9a9a", highlight: "#222222", opacity: large ? 0.25 : 0.6 },
             selectionWidth: 2 },
    interaction: { hover: false, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
                   tooltipDelay: 300, multiselect: false, navigationButtons: false },
  });

  // -- summary and legend --------------------------------------------------------------
  document.getElementById("summary").textContent =
    `${nodes.length} nodes, ${edges.length} ties from ${data.articles.length} articles` +
    (data.note ? ` — ${data.note}` : "");
  const counts = {};
  nodes.forEach((n) => { counts[n.type] = (counts[n.type] || 0) + 1; });
  const legend = document.getElementById("legend");
  data.types.filter((t) => counts[t.key]).forEach((t) => {
    const li = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = t.color;
    li.append(swatch, `${t.label} (${counts[t.key]})`);
    legend.append(li);
  });

  // -- details -------------------------------------------------------------------------
  const details = document.getElementById("details");
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function section(title, items, render, limit = 200) {
    if (!items.length) return;
    details.append(el("h3", `${title} (${items.length})`));
    const ul = el("ul");
    items.slice(0, limit).forEach((item) => ul.append(render(item)));
    if (items.length > limit) ul.append(el("li", `… ${items.length - limit} more`, "note"));
    details.append(ul);
  }
  function articleItem(index) {
    const [title, link, date] = data.articles[index];
    const li = el("li");
    if (/^https?:\/\//.test(link)) {
      const a = el("a", title);
      a.href = link; a.target = "_blank"; a.rel = "noopener noreferrer";
      li.append(a);
    } else {
      li.append(title, " ", el("span", link, "note"));
    }
    if (date) li.append(" ", el("span", date, "note"));
    return li;
  }
  function nameItem([text, lang]) {
    const li = el("li", text);
    li.append(" ", el("span", lang || "acronym", "lang"));
    return li;
  }
  function showNode(i) {
    const n = nodes[i];
    details.replaceChildren(el("h2", n.label), el("p", types[n.type].label, "note"));
    details.append(el("p", `degree ${n.degree} · betweenness ${n.betweenness.toFixed(4)} · community ${n.community}`, "note"));
    section("Names", n.names, nameItem);
    section("Merged units", n.members, (m) => el("li", m));
    section(n.type === "Person" ? "Posts" : "People and roles", n.people, ([name, role, former]) =>
      el("li", [name, role].filter(Boolean).join(" — ") + (former ? " (former)" : "")));
    section("Events", n.events, (e) => {
      const [label, date, type] = data.events[e];
      const li = el("li", label);
      li.append(" ", el("span", [type, date].filter(Boolean).join(", "), "note"));
      return li;
    });
    section("Source articles", n.articles, articleItem);
  }
  function showEdge(i) {
    const e = edges[i];
    details.replaceChildren(el("h2", `${nodes[e.from].label} — ${nodes[e.to].label}`));
    details.append(el("p", `${e.facts.length} supporting facts`, "note"));
    section("Facts", e.facts, ([kind, ref, date, articles]) => {
      const li = el("li", data.kinds[kind] + (data.refs[ref] ? `: ${data.refs[ref]}` : ""));
      if (date) li.append(" ", el("span", date, "note"));
      if (articles.length) {
        const ul = el("ul");
        articles.forEach((a) => ul.append(articleItem(a)));
        li.append(ul);
      }
      return li;
    });
  }
  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // -- search --------------------------------------------------------------------------
  const fold = (s) => s.normalize("NFKC").toLocaleLowerCase();
  const index = nodes.map((n, i) => ({
    i, keys: [n.label, ...n.names.map((x) => x[0]), ...n.members].map(fold),
  }));
  const search = document.getElementById("search");
  const matches = document.getElementById("matches");
  function find(query) {
    const q = fold(query.trim());
    if (!q) return [];
    const found = [];
    for (const entry of index) {
      const hit = entry.keys.find((k) => k.includes(q));
      if (hit !== undefined) found.push({ i: entry.i, exact: entry.keys.includes(q), hit });
      if (found.length >= 200) break;
    }
    return found.sort((a, b) => (b.exact - a.exact) || nodes[b.i].degree - nodes[a.i].degree).slice(0, 30);
  }
  function select(i) {
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(i);
  }
  function listMatches() {
    const found = find(search.value);
    matches.replaceChildren(...found.map(({ i, hit }) => {
      const li = el("li", nodes[i].label);
      li.dataset.node = String(i);
      li.setAttribute("role", "option");
      if (fold(nodes[i].label) !== hit) li.append(" ", el("span", hit, "alias"));
      li.addEventListener("click", () => select(i));
      return li;
    }));
    return found;
  }
  search.addEventListener("input", listMatches);
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      const found = listMatches();
      if (found.length) select(found[0].i);
    }
  });

  // -- node size -----------------------------------------------------------------------
  document.querySelectorAll('input[name="size"]').forEach((radio) =>
    radio.addEventListener("change", () => {
      sizeBy = radio.value;
      nodeSet.update(nodes.map((n, i) => ({ id: i, size: nodeSize(n) })));
    }));

  // -- date filter: a tie counts the facts dated in the range ---------------------------
  const from = document.getElementById("date-from");
  const to = document.getElementById("date-to");
  const dates = edges.flatMap((e) => e.facts.map((f) => f[2]).filter(Boolean)).sort();
  if (dates.length) {
    for (const input of [from, to]) { input.min = dates[0]; input.max = dates[dates.length - 1]; }
  }
  const note = document.getElementById("date-note");
  function applyDates() {
    const lo = from.value, hi = to.value, bounded = Boolean(lo || hi);
    const linked = new Uint8Array(nodes.length);
    let shown = 0;
    const updates = edges.map((e, i) => {
      const weight = bounded
        ? e.facts.filter((f) => f[2] && (!lo || f[2] >= lo) && (!hi || f[2] <= hi)).length
        : e.facts.length;
      if (weight) { linked[e.from] = 1; linked[e.to] = 1; shown++; }
      return { id: i, hidden: weight === 0, width: edgeWidth(Math.max(weight, 1)) };
    });
    edgeSet.update(updates);
    nodeSet.update(nodes.map((n, i) => ({ id: i, hidden: bounded && !linked[i] })));
    note.textContent = bounded
      ? `${shown} of ${edges.length} ties have facts dated in the range (undated facts are left out)`
      : "";
  }
  from.addEventListener("change", applyDates);
  to.addEventListener("change", applyDates);
  document.getElementById("date-reset").addEventListener("click", () => {
    from.value = ""; to.value = ""; applyDates();
  });

  // -- status for tests and benchmarks -------------------------------------------------
  const root = document.documentElement;
  window.kg = { network, nodes, edges, find, select, applyDates,
                timings: { setup: performance.now() - started } };
  network.once("afterDrawing", () => {
    window.kg.timings.firstDraw = performance.now() - started;
    root.dataset.kgNodes = String(network.body.nodeIndices.length);
    root.dataset.kgEdges = String(network.body.edgeIndices.length);
    root.dataset.kgStatus = "ready";
  });
})();
