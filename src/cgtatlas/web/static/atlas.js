/* CGT Atlas page behaviour: charts (ECharts), graphs (Cytoscape.js), upload.
   Labels and colours come from the page's #ui-data JSON (server-side i18n).
   Tests set window.CGTATLAS_NO_ANIMATION = true before load to turn animation off. */
(function () {
  "use strict";
  var ui = JSON.parse(document.getElementById("ui-data").textContent);
  var animate = !window.CGTATLAS_NO_ANIMATION;
  var BRAND = "#0f4c5c";
  var FONT = getComputedStyle(document.documentElement).fontFamily;

  function typeName(t) { return ui.types[t] || t; }
  function color(t) { return ui.colors[t] || "#64748b"; }

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) return null;
    var c = echarts.init(el, null, { renderer: "canvas" });
    option.animation = animate;
    option.textStyle = { fontFamily: FONT };
    option.grid = option.grid || { left: 8, right: 16, top: 10, bottom: 8, containLabel: true };
    option.tooltip = option.tooltip || { trigger: "axis", axisPointer: { type: "shadow" } };
    c.setOption(option);
    window.addEventListener("resize", function () { c.resize(); });
    el.dataset.ready = "1";
    return c;
  }

  function horizontalBars(id, rows, colors, onClick) {
    rows = rows.slice().reverse();
    var c = chart(id, {
      xAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#eef1f4" } } },
      yAxis: { type: "category", data: rows.map(function (r) { return r.label; }),
               axisTick: { show: false }, axisLine: { show: false }, axisLabel: { interval: 0 } },
      series: [{ type: "bar", barMaxWidth: 16, label: { show: true, position: "right", color: "#66727f" },
        data: rows.map(function (r, i) { return { value: r.value, itemStyle: { color: colors ? colors(r) : BRAND, borderRadius: [0, 3, 3, 0] } }; }) }]
    });
    if (c && onClick) c.on("click", function (p) { onClick(rows[p.dataIndex]); });
  }

  function overviewCharts(data) {
    horizontalBars("chart-types",
      (data.types || []).map(function (p) { return { key: p[0], label: typeName(p[0]), value: p[1] }; }),
      function (r) { return color(r.key); },
      function (r) { location.href = "/entities?type=" + encodeURIComponent(r.key); });
    horizontalBars("chart-tech",
      (data.technologies || []).slice(0, 15).map(function (r) { return { label: r.name, value: r.count, id: r.id }; }),
      function () { return color("Technology"); },
      function (r) { location.href = "/entities?technology=" + encodeURIComponent(r.label); });
    var years = data.milestones || [];
    chart("chart-milestones", {
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: years.map(function (r) { return String(r.year); }) },
      yAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#eef1f4" } } },
      series: [{ type: "bar", barMaxWidth: 28, itemStyle: { color: "#f0b429", borderRadius: [3, 3, 0, 0] },
                 label: { show: true, position: "top" }, data: years.map(function (r) { return r.count; }) }]
    });
  }

  function graphStyle() {
    return [
      { selector: "node", style: {
        "background-color": function (n) { return color(n.data("type")); },
        "label": "data(name)", "font-size": 14, "min-zoomed-font-size": 6, "font-family": FONT, "color": "#1f2933",
        "text-valign": "bottom", "text-margin-y": 3, "text-outline-color": "#fff", "text-outline-width": 2,
        "width": "mapData(weight, 1, 20, 18, 48)", "height": "mapData(weight, 1, 20, 18, 48)" } },
      { selector: "node.focus", style: { "border-width": 4, "border-color": "#f0b429", "font-weight": "bold", "font-size": 13 } },
      { selector: "edge", style: {
        "width": 1.2, "line-color": "#c3ccd5", "curve-style": "bezier", "target-arrow-shape": "triangle",
        "target-arrow-color": "#c3ccd5", "arrow-scale": 0.7, "label": "data(label)", "font-size": 11,
        "font-family": FONT, "color": "#8a96a3", "text-rotation": "autorotate",
        "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1 } },
      { selector: "edge:selected, edge.hover", style: { "line-color": BRAND, "target-arrow-color": BRAND, "width": 2 } },
      { selector: "edge.quiet", style: { "label": "" } },
      { selector: "edge.quiet.hover, edge.quiet:selected", style: { "label": "data(label)" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": BRAND } }
    ];
  }

  function toElements(data) {
    var nodes = (data.nodes || []).map(function (n) {
      return { data: { id: String(n.id), name: n.name, type: n.type, weight: n.weight || n.n_mentions || 1 } };
    });
    var ids = {};
    nodes.forEach(function (n) { ids[n.data.id] = true; });
    var edges = (data.edges || []).filter(function (e) {
      return ids[String(e.source)] && ids[String(e.target)];
    }).map(function (e, i) {
      var label = ui.relations[e.type] || e.type;
      if (e.label) label += " · " + e.label;
      return { data: { id: "e" + i, source: String(e.source), target: String(e.target), label: label, type: e.type } };
    });
    return { nodes: nodes, edges: edges };
  }

  function connectedOnly(parts) {  // the explorer leaves out entities with no relation
    var linked = {};
    parts.edges.forEach(function (e) { linked[e.data.source] = linked[e.data.target] = true; });
    return { nodes: parts.nodes.filter(function (n) { return linked[n.data.id]; }), edges: parts.edges };
  }

  function graph(el, opts) {
    if (!el || !window.cytoscape) return;
    opts = opts || {};
    fetch(el.dataset.src).then(function (r) { return r.json(); }).then(function (data) {
      var parts = toElements(data);
      if (opts.connectedOnly && parts.edges.length) parts = connectedOnly(parts);
      var n = parts.nodes.length;
      if (opts.sizeLabel) opts.sizeLabel.textContent = n + " " + opts.nodesWord + " · " + parts.edges.length + " " + opts.edgesWord;
      var cy = cytoscape({ container: el, elements: parts.nodes.concat(parts.edges), style: graphStyle(),
        maxZoom: 1.6, minZoom: 0.2,
        layout: { name: "cose", animate: false, nodeRepulsion: function () { return 12000; },
                  idealEdgeLength: function () { return 60; }, padding: 16, randomize: false,
                  componentSpacing: 20, gravity: 1.5, nodeDimensionsIncludeLabels: false } });
      if (parts.edges.length > 40) cy.edges().addClass("quiet");
      if (el.dataset.focus) cy.getElementById(el.dataset.focus).addClass("focus");
      cy.on("tap", "node", function (evt) { location.href = "/entities/" + evt.target.id(); });
      cy.on("mouseover", "edge", function (evt) { evt.target.addClass("hover"); });
      cy.on("mouseout", "edge", function (evt) { evt.target.removeClass("hover"); });
      el.dataset.ready = "1";
      el.dataset.nodes = String(n);
      window.CGTATLAS_CY = cy;
    });
  }

  function upload(form) {
    if (!form) return;
    var status = document.getElementById("upload-status");
    var table = document.getElementById("upload-results");
    form.addEventListener("submit", function (evt) {
      evt.preventDefault();
      var body = new FormData();
      Array.prototype.forEach.call(form.files.files, function (f) { body.append("files", f); });
      var headers = {};
      if (form.token && form.token.value) headers.Authorization = "Bearer " + form.token.value;
      status.hidden = false;
      status.textContent = "…";
      fetch("/api/documents", { method: "POST", body: body, headers: headers }).then(function (r) {
        return r.json().then(function (j) { return { ok: r.ok, status: r.status, json: j }; });
      }).then(function (res) {
        if (!res.ok) { status.textContent = res.status + " " + (res.json.detail || ""); return; }
        status.hidden = true;
        showResults(table, res.json.results || []);
      });
    });
  }

  function showResults(table, results) {
    var tbody = table.querySelector("tbody");
    tbody.textContent = "";
    results.forEach(function (r) {
      var tr = document.createElement("tr");
      [r.file_name, r.outcome, r.title || "", r.reason || ""].forEach(function (text, i) {
        var td = document.createElement("td");
        if (i === 2 && r.doc_id && r.outcome !== "failed") {
          var a = document.createElement("a");
          a.href = "/documents/" + encodeURIComponent(r.doc_id);
          a.textContent = text || r.doc_id;
          td.appendChild(a);
        } else { td.textContent = text; }
        if (i === 1) td.className = r.outcome === "failed" ? "bad" : "ok";
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    table.hidden = false;
  }

  function focusMention() {  // the :target style, plus a scroll that leaves room under the sticky bar
    document.querySelectorAll("mark.m.focus").forEach(function (m) { m.classList.remove("focus"); });
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    var next = el.nextElementSibling;
    var mark = el.tagName === "MARK" ? el : (next && next.tagName === "MARK" ? next : null);
    if (mark) mark.classList.add("focus");
    el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", focusMention);
  document.addEventListener("DOMContentLoaded", focusMention);

  window.CGTAtlas = { overviewCharts: overviewCharts, graph: graph, upload: upload };
})();
