"""Inline stylesheet and script of the HTML report (no network access)."""

from __future__ import annotations

__all__ = ["CSS", "HIGHLIGHTS", "JS"]

# Background / border pairs of the passage highlight colours hl-0 .. hl-7.
HIGHLIGHTS = (
    ("#fff1a8", "#d4a900"),
    ("#cfe8ff", "#3b82f6"),
    ("#d5f5d0", "#22a33a"),
    ("#ffd9ec", "#db2777"),
    ("#e6dcff", "#7c3aed"),
    ("#ffe2c4", "#ea7a0c"),
    ("#c9f2ec", "#0d9488"),
    ("#ece4d4", "#8b6d3f"),
)

_HL = "\n".join(
    f".hl-{i}{{background:{bg};--hl-border:{border}}}" for i, (bg, border) in enumerate(HIGHLIGHTS)
)

CSS = (
    """
:root{--fg:#1f2328;--muted:#5b636e;--line:#d8dee4;--bg:#fff;--soft:#f6f8fa;--accent:#0b57d0;
--ins-bg:#c7f0cf;--ins-fg:#0a5c1f;--del-bg:#ffd5d3;--del-fg:#8e1b14}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{scroll-padding-top:6rem}
body{margin:0;color:var(--fg);background:var(--bg);font:15px/1.5 system-ui,-apple-system,
"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;
font-size:.86em;overflow-wrap:anywhere}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
h1{font-size:1.35rem;margin:0}
h2{font-size:1.15rem;margin:2rem 0 .6rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:.95rem;margin:1rem 0 .4rem}
.top{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.96);
border-bottom:1px solid var(--line);backdrop-filter:blur(4px)}
.top-in{max-width:1280px;margin:0 auto;padding:.6rem 1.5rem;display:flex;flex-wrap:wrap;
align-items:center;gap:.4rem 1.2rem}
.brand{display:flex;flex-direction:column}
.counts{color:var(--muted);margin:0;font-size:.88rem}
.tools{margin-left:auto;display:flex;align-items:center;gap:.5rem;flex-wrap:wrap}
.tools input{font:inherit;width:18rem;max-width:60vw;padding:.35rem .6rem;border:1px solid #b8c0c8;
border-radius:6px}
.tools input:focus{outline:2px solid var(--accent);outline-offset:0}
.tools button{font:inherit;font-size:.85rem;padding:.3rem .65rem;border:1px solid #b8c0c8;
border-radius:6px;background:var(--soft);cursor:pointer}
#shown{color:var(--muted);font-size:.85rem;min-width:9.5rem}
main{max-width:1280px;margin:0 auto;padding:.5rem 1.5rem 3rem}
nav.toc{margin:.8rem 0 0;font-size:.9rem;color:var(--muted)}
nav.toc a{margin-right:1rem}
.hint{color:var(--muted);font-size:.88rem;margin:.2rem 0 .6rem}
.graph-wrap{overflow:auto;max-height:70vh;width:fit-content;max-width:100%;
border:1px solid var(--line);border-radius:8px;background:#fbfcfd}
svg.graph{display:block;font-family:inherit}
svg.graph .node rect{fill:#fff;stroke:#8c959f;stroke-width:1.2}
svg.graph .node.origin rect{fill:#e8f1ff;stroke:#0b57d0;stroke-width:1.6}
svg.graph .node.other rect{fill:#f3f4f6}
svg.graph .node:hover rect{stroke:#0b57d0;stroke-width:2}
svg.graph .nid{font:600 12px ui-monospace,Menlo,Consolas,monospace;fill:#1f2328}
svg.graph .ntitle{font-size:11.5px;fill:#5b636e}
svg.graph .edge path{fill:none;stroke:#57606a;stroke-width:1.8}
svg.graph .edge.undetermined path{stroke-dasharray:6 4;stroke:#8c959f}
svg.graph .edge:hover path{stroke:#0b57d0;stroke-width:2.6}
svg.graph .edge text{font:600 12px system-ui,sans-serif;fill:#1f2328;paint-order:stroke;
stroke:#fbfcfd;stroke-width:4px;stroke-linejoin:round}
svg.graph marker path{fill:#57606a}
svg.graph .edge.dim{opacity:.15}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .55rem;border-bottom:1px solid var(--line)}
th{background:var(--soft);font-weight:600}
.table-wrap{overflow-x:auto}
table.docs-table td:first-child{min-width:11rem}
td{overflow-wrap:break-word}
td.nowrap{white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:hover{background:#f8fafc}
.t{color:var(--muted);font-size:.85rem}
.bar{display:inline-block;width:3.5rem;height:.55rem;background:#e8ebef;border-radius:3px;
margin-right:.4rem;vertical-align:middle;overflow:hidden}
.bar>span{display:block;height:100%;background:#0b57d0}
.badge{display:inline-block;font-size:.75rem;font-weight:600;padding:.05rem .45rem;
border-radius:999px;background:#e8f1ff;color:#0b57d0;white-space:nowrap}
.badge.und{background:#eef0f2;color:#57606a}
.badge.near{background:#fff4d6;color:#7a5200}
details.block>summary{cursor:pointer;color:var(--accent);margin:.3rem 0}
.clusters li{margin:.3rem 0}
details.pair{border:1px solid var(--line);border-radius:10px;margin:.8rem 0;background:#fff}
details.pair>summary{list-style:none;cursor:pointer;padding:.65rem 1rem;display:flex;gap:.3rem 1rem;
flex-wrap:wrap;align-items:baseline;border-radius:10px}
details.pair>summary::-webkit-details-marker{display:none}
details.pair>summary::before{content:"▸";color:var(--muted);width:.8rem;transition:transform .1s}
details.pair[open]>summary::before{transform:rotate(90deg)}
details.pair[open]>summary{border-bottom:1px solid var(--line);border-radius:10px 10px 0 0;
background:var(--soft)}
.pnum{font-weight:700;color:var(--muted)}
.names{font-weight:600}
.rel{font-weight:400;color:var(--muted)}
.ssum{margin-left:auto;color:var(--muted);font-size:.88rem}
.stitle{flex-basis:100%;padding-left:1.8rem;color:var(--muted);font-size:.88rem}
.pair-body{padding:.6rem 1rem 1rem}
.docs{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin-bottom:.6rem}
.doc{padding:.5rem .7rem;border-radius:8px;background:var(--soft);font-size:.9rem}
.role{display:block;font-size:.72rem;font-weight:700;letter-spacing:.06em;text-transform:uppercase;
color:var(--muted)}
.doc .dt{display:block;font-weight:600}
.facts{font-size:.9rem;margin:.3rem 0}
.evidence ul{margin:.2rem 0 .4rem;padding-left:1.3rem;font-size:.9rem}
.map{margin:.5rem 0 .8rem;font-size:.78rem;color:var(--muted)}
.map-row{display:grid;grid-template-columns:4.5rem 1fr;align-items:center;gap:.5rem;margin:.2rem 0}
.map-bar{position:relative;height:.8rem;background:#eef0f2;border-radius:3px}
.map-bar a{position:absolute;top:0;bottom:0;min-width:3px;border-radius:2px;
border:1px solid var(--hl-border)}
.passage{margin:1rem 0 0;padding-top:.7rem;border-top:1px dashed var(--line)}
.passage-head{font-size:.85rem;color:var(--muted);margin-bottom:.4rem;display:flex;gap:.6rem;
align-items:center;flex-wrap:wrap}
.swatch{display:inline-block;min-width:1.6rem;text-align:center;font-weight:700;color:var(--fg);
border-radius:5px;border:1px solid var(--hl-border);padding:0 .3rem}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.side{border:1px solid var(--line);border-radius:8px;padding:.5rem .8rem .7rem;min-width:0}
.side:target{outline:3px solid var(--accent);outline-offset:1px}
.side-head{display:flex;justify-content:space-between;gap:.5rem;font-size:.8rem;color:var(--muted);
margin-bottom:.35rem}
.text{margin:0;font:16px/1.6 Georgia,"Iowan Old Style","Times New Roman",serif;white-space:pre-line;
overflow-wrap:anywhere}
.hl{border-radius:3px;padding:.1em 0;box-decoration-break:clone;-webkit-box-decoration-break:clone}
ins{background:var(--ins-bg);color:var(--ins-fg);text-decoration:underline;
text-decoration-thickness:1px;border-radius:2px}
del{background:var(--del-bg);color:var(--del-fg);text-decoration:line-through;border-radius:2px}
.legend{font-size:.85rem;color:var(--muted)}
footer{max-width:1280px;margin:0 auto;padding:1rem 1.5rem 2rem;color:var(--muted);font-size:.8rem}
@media (max-width:860px){.sides,.docs{grid-template-columns:1fr}.tools{margin-left:0}}
@media print{
.top{position:static;border:0}.tools,nav.toc,.jump,.ssum .bar{display:none!important}
body{font-size:11pt}main{max-width:none;padding:0}
.graph-wrap{max-height:none;overflow:visible;border:0}
.table-wrap{overflow:visible}
svg.graph{max-width:100%;height:auto}
details.pair{break-inside:auto;border-color:#999}
details.pair>summary::before{content:none}
.passage{break-inside:avoid}
a{color:inherit}
.hl,ins,del,.swatch,.bar>span,.map-bar a{-webkit-print-color-adjust:exact;print-color-adjust:exact}
h2{break-after:avoid}
}
"""
    + _HL
    + "\n"
)

JS = """
(function () {
  "use strict";
  var input = document.getElementById("filter");
  var shown = document.getElementById("shown");
  var pairs = Array.prototype.slice.call(document.querySelectorAll("details.pair"));
  function byPair(selector) {
    var map = {};
    Array.prototype.forEach.call(document.querySelectorAll(selector), function (el) {
      var key = el.getAttribute("data-pair");
      (map[key] = map[key] || []).push(el);
    });
    return map;
  }
  var rows = byPair("tr[data-pair]");
  var edges = byPair("svg .edge[data-pair]");
  var texts = null;
  var timer = null;
  function apply() {
    if (texts === null) {
      texts = pairs.map(function (d) { return d.textContent.toLowerCase(); });
    }
    var terms = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var count = 0;
    pairs.forEach(function (d, i) {
      var ok = terms.every(function (t) { return texts[i].indexOf(t) !== -1; });
      var key = d.getAttribute("data-pair");
      d.hidden = !ok;
      if (ok) { count += 1; }
      (rows[key] || []).forEach(function (r) { r.hidden = !ok; });
      (edges[key] || []).forEach(function (e) { e.classList.toggle("dim", !ok); });
    });
    shown.textContent = terms.length
      ? count + " of " + pairs.length + " pairs match"
      : pairs.length + (pairs.length === 1 ? " pair" : " pairs");
  }
  if (input) {
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 120);
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { clearTimeout(timer); apply(); }
    });
  }
  function setAll(open) {
    pairs.forEach(function (d) { if (!d.hidden) { d.open = open; } });
  }
  var expand = document.getElementById("expand");
  var collapse = document.getElementById("collapse");
  if (expand) { expand.addEventListener("click", function () { setAll(true); }); }
  if (collapse) { collapse.addEventListener("click", function () { setAll(false); }); }
  function revealTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (!el) { return; }
    var d = el.closest("details");
    if (d && !d.open) { d.open = true; el.scrollIntoView(); }
  }
  window.addEventListener("hashchange", revealTarget);
  revealTarget();
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = pairs.filter(function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
})();
"""
