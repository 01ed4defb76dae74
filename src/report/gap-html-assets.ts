/**
 * The stylesheet and the script of the HTML gap report. Both are constants, embedded in the page and
 * allowed by the page's Content-Security-Policy through their SHA-256 hashes only, so that no other script
 * can run even if evidence text were ever to reach the page unescaped.
 */
export const GAP_HTML_STYLE = `
:root { color-scheme: light; --ok: #2e7d32; --part: #b26a00; --miss: #c62828; --na: #757575; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 0; color: #1f2328; background: #fff; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 20px; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.25em; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta { color: #57606a; margin: 0 0 8px; }
.note { color: #57606a; font-size: 0.9em; }
.estimate { background: #f6f8fa; border: 1px solid var(--line); padding: 8px 12px; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 0.92em; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
td.num, th.num { text-align: right; }
tr[hidden] { display: none; }
.status-complete { color: var(--ok); font-weight: 600; }
.status-partial { color: var(--part); font-weight: 600; }
.status-missing { color: var(--miss); font-weight: 600; }
.status-not_applicable, .status-not_pursuing, .status-computed_by_the, .status-not_scored { color: var(--na); }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }
.filters label { font-size: 0.9em; }
.regression { color: var(--miss); font-weight: 600; }
.improvement { color: var(--ok); }
code { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 0.9em; }
svg text { font: 12px system-ui, sans-serif; fill: #1f2328; }
`;

export const GAP_HTML_SCRIPT = `
(function () {
  'use strict';
  function rowsOf(table) { return Array.prototype.slice.call(table.tBodies[0].rows); }
  function applyFilters(box) {
    var table = document.getElementById(box.getAttribute('data-table'));
    if (!table) return;
    var selects = box.querySelectorAll('select[data-filter]');
    var checks = box.querySelectorAll('input[type=checkbox][data-filter]');
    var search = box.querySelector('input[data-search]');
    var term = search ? search.value.trim().toLowerCase() : '';
    var shown = 0;
    rowsOf(table).forEach(function (row) {
      var ok = true;
      Array.prototype.forEach.call(selects, function (s) {
        if (s.value !== '' && row.getAttribute('data-' + s.getAttribute('data-filter')) !== s.value) ok = false;
      });
      Array.prototype.forEach.call(checks, function (c) {
        if (c.checked && row.getAttribute('data-' + c.getAttribute('data-filter')) !== c.value) ok = false;
      });
      if (ok && term !== '' && row.textContent.toLowerCase().indexOf(term) < 0) ok = false;
      row.hidden = !ok;
      if (ok) shown++;
    });
    var counter = document.querySelector('[data-count-for="' + table.id + '"]');
    if (counter) counter.textContent = shown + ' of ' + table.tBodies[0].rows.length + ' shown';
  }
  function sortBy(th) {
    var table = th.closest('table');
    var key = th.getAttribute('data-sort');
    var numeric = th.getAttribute('data-type') === 'number';
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
    var sign = dir === 'ascending' ? 1 : -1;
    var rows = rowsOf(table).map(function (row, i) { return { row: row, i: i, v: row.getAttribute('data-' + key) || '' }; });
    rows.sort(function (a, b) {
      var d;
      if (numeric) {
        var x = a.v === '' ? -Infinity : Number(a.v), y = b.v === '' ? -Infinity : Number(b.v);
        d = x === y ? 0 : (x < y ? -1 : 1);
      } else d = a.v.localeCompare(b.v, 'en', { numeric: true });
      return d !== 0 ? d * sign : a.i - b.i;
    });
    var body = table.tBodies[0];
    rows.forEach(function (r) { body.appendChild(r.row); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('.filters[data-table]'), function (box) {
    box.addEventListener('input', function () { applyFilters(box); });
    box.addEventListener('change', function () { applyFilters(box); });
    applyFilters(box);
  });
  Array.prototype.forEach.call(document.querySelectorAll('th[data-sort] button'), function (b) {
    b.addEventListener('click', function () { sortBy(b.parentElement); });
  });
})();
`;
