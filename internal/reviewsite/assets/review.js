// relloc review: glossary cards, finding filters and keyboard navigation, sortable and searchable tables, and
// live reload for pages served by `relloc review --serve`. Plain JavaScript, no dependencies, no network except
// the serving workspace itself.
"use strict";
(function () {
  const $ = (s, root) => (root || document).querySelector(s);
  const $$ = (s, root) => Array.from((root || document).querySelectorAll(s));

  // Glossary cards: shown under a term on hover or keyboard focus.
  let shown = null;
  function showCard(term) {
    const card = document.getElementById("card-" + term.dataset.entry);
    if (!card) return;
    if (shown && shown !== card) shown.hidden = true;
    const r = term.getBoundingClientRect();
    card.hidden = false;
    const w = card.offsetWidth;
    card.style.left = Math.max(4, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - w - 4)) + "px";
    card.style.top = (window.scrollY + r.bottom + 6) + "px";
    shown = card;
  }
  function hideCard() { if (shown) { shown.hidden = true; shown = null; } }
  document.addEventListener("focusin", e => { const t = e.target.closest && e.target.closest("mark.term"); t ? showCard(t) : hideCard(); });
  document.addEventListener("mouseover", e => { const t = e.target.closest && e.target.closest("mark.term"); if (t) showCard(t); });
  document.addEventListener("mouseout", e => { const t = e.target.closest && e.target.closest("mark.term"); if (t && document.activeElement !== t) hideCard(); });
  document.addEventListener("keydown", e => { if (e.key === "Escape") hideCard(); });

  // Finding filters.
  const fLang = $("#f-lang"), fRule = $("#f-rule"), fSev = $("#f-sev"), fOnly = $("#f-only");
  function applyFilters() {
    const lang = fLang ? fLang.value : "", rule = fRule ? fRule.value : "", sev = fSev ? fSev.value : "";
    for (const f of $$("li.finding")) {
      f.hidden = (lang && f.dataset.lang !== lang) || (rule && f.dataset.rule !== rule) || (sev && f.dataset.severity !== sev);
    }
    for (const row of $$("tr.seg")) {
      row.hidden = !!(fOnly && fOnly.checked) && !$("li.finding:not([hidden])", row);
    }
    const params = new URLSearchParams();
    if (lang) params.set("lang", lang);
    if (rule) params.set("rule", rule);
    if (sev) params.set("severity", sev);
    if (fOnly && fOnly.checked) params.set("only", "1");
    const q = params.toString();
    // Keep the filters in the address, for a link or a reload; a browser may refuse it for a file:// page.
    try { history.replaceState(null, "", q ? "?" + q + location.hash : location.pathname + location.hash); } catch (_) { }
  }
  if (fLang || fRule || fSev) {
    const params = new URLSearchParams(location.search);
    const set = (el, v) => { if (el && v && $$("option", el).some(o => o.value === v)) el.value = v; };
    set(fLang, params.get("lang")); set(fRule, params.get("rule")); set(fSev, params.get("severity"));
    if (fOnly) fOnly.checked = params.get("only") === "1";
    for (const el of [fLang, fRule, fSev, fOnly]) if (el) el.addEventListener("change", applyFilters);
    applyFilters();
  }

  // Next and previous finding: buttons and keys n/j, p/k.
  function step(dir) {
    const all = $$("li.finding").filter(f => !f.hidden && f.offsetParent !== null);
    if (!all.length) return;
    let i = all.indexOf(document.activeElement);
    if (i < 0) {
      // Start from the first finding below (or above) the top of the window.
      i = dir > 0 ? all.findIndex(f => f.getBoundingClientRect().top > 60) - 1 : all.findIndex(f => f.getBoundingClientRect().top > 60);
      if (dir > 0 && i < -1) i = all.length - 1;
      if (dir < 0 && i < 0) i = all.length;
    }
    const next = all[(i + dir + all.length) % all.length];
    next.focus();
    next.scrollIntoView({ block: "center" });
  }
  const nb = $("#next-finding"), pb = $("#prev-finding");
  if (nb) nb.addEventListener("click", () => step(1));
  if (pb) pb.addEventListener("click", () => step(-1));
  document.addEventListener("keydown", e => {
    if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return;
    if (e.key === "n" || e.key === "j") { step(1); e.preventDefault(); }
    if (e.key === "p" || e.key === "k") { step(-1); e.preventDefault(); }
  });

  // Sortable tables: a click on a header sorts by its column; numbers numerically.
  for (const table of $$("table.sortable")) {
    const heads = $$("thead th", table);
    heads.forEach((th, col) => {
      const b = $("button", th);
      if (!b) return;
      b.addEventListener("click", () => {
        const asc = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(h => h.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        const num = th.dataset.type === "number";
        const body = table.tBodies[0];
        const key = tr => { const c = tr.cells[col]; const v = c ? (c.dataset.value ?? c.textContent) : ""; return num ? parseFloat(v) : v; };
        const rows = Array.from(body.rows);
        rows.sort((a, b) => { const x = key(a), y = key(b); const d = num ? x - y : String(x).localeCompare(String(y)); return asc ? d : -d; });
        for (const r of rows) body.appendChild(r);
      });
    });
  }

  // Glossary search.
  const search = $("#glossary-search");
  if (search) {
    search.addEventListener("input", () => {
      const q = search.value.normalize("NFC").toLowerCase().trim();
      for (const tr of $$("table.glossary tbody tr")) tr.hidden = q !== "" && !tr.textContent.normalize("NFC").toLowerCase().includes(q);
    });
  }

  // Live reload under relloc review --serve: ask whether the page's files changed, and reload, keeping the scroll.
  const live = document.body.dataset.live;
  if (live !== undefined) {
    const key = "relloc-scroll:" + location.pathname;
    const y = sessionStorage.getItem(key);
    if (y !== null) { window.scrollTo(0, +y); sessionStorage.removeItem(key); }
    setInterval(async () => {
      try {
        const r = await fetch("/__live?page=" + encodeURIComponent(document.body.dataset.page), { cache: "no-store" });
        if (r.ok && (await r.text()) !== live) { sessionStorage.setItem(key, String(window.scrollY)); location.reload(); }
      } catch (_) { /* the server stopped: keep the page as it is */ }
    }, 1500);
  }
})();
