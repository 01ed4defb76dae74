/**
 * The desk's one style sheet and one script, served from the desk itself (the Content-Security-Policy allows
 * nothing else). The script only keeps the page current: without it every page and form still works.
 */
export const DESK_CSS = `:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#555;--accent:#0b5cad}
@media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#161616;--muted:#aaa;--accent:#7ab8ff}}
body{font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:70rem;padding:0 1rem 3rem}
a{color:var(--accent)}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f90;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
header{border-bottom:1px solid #8884;padding:.5rem 0}.pack{color:var(--muted);margin:.25rem 0}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #8883;vertical-align:top}
caption{text-align:left;color:var(--muted);padding:.25rem 0}
.state{display:inline-block;padding:0 .4rem;border-radius:.25rem;border:1px solid currentColor;font-size:.9em;white-space:nowrap}
.s-flagged{color:#b00020}.s-changed_since_approved{color:#a15c00}.s-approved{color:#17733a}.s-approved_unverified{color:#4d7a00}
.notice{padding:.5rem;border-left:4px solid}.notice.ok{border-color:#17733a}.notice.problem{border-color:#b00020}
.evidence{border-left:3px solid #8885;padding-left:1rem;max-width:45rem}
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem}
.files img{max-width:100%;height:auto;border:1px solid #8884}
form.act,form.filters,form.reviewer{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}
form.act label{flex-basis:100%}textarea{width:100%;max-width:40rem}
button{font:inherit;padding:.35rem .8rem;min-height:2.5rem}input,select,textarea{font:inherit;min-height:2.2rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}.facts dt{font-weight:600}.facts dd{margin:0}
.label{font-weight:600}.caveat,.hint,.link-state,.owner,.where{color:var(--muted)}
.diagnostics .code{font-family:monospace}.sev-error .code{color:#b00020}
#live:not(:empty){position:sticky;top:0;background:var(--bg);border:1px solid #8886;padding:.5rem}
`;

export const DESK_JS = `'use strict';
(function () {
  // The message of the last action is shown once: taken out of the address, it does not come back on refresh.
  if (/[?&]n=/.test(location.search)) {
    var clean = new URL(location.href);
    clean.searchParams.delete('n');
    history.replaceState(null, '', clean.pathname + clean.search + clean.hash);
  }
  if (!window.EventSource) return;
  var live = document.getElementById('live');
  var source = new EventSource('/events');
  function editing() {
    var el = document.activeElement;
    return el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && el.type !== 'hidden')) && el.value !== el.defaultValue;
  }
  function refresh() {
    return fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(new Error(String(r.status))); })
      .then(function (text) {
        var next = new DOMParser().parseFromString(text, 'text/html');
        var main = next.getElementById('main');
        if (!main) return;
        var fresh = document.importNode(main, true);
        // The message of the reviewer's last action stays until they leave the page.
        var notice = document.querySelector('#main > .notice');
        if (notice && !fresh.querySelector('.notice')) fresh.insertBefore(notice, fresh.firstChild);
        document.getElementById('main').replaceWith(fresh);
        document.body.setAttribute('data-version', next.body.getAttribute('data-version') || '');
        live.textContent = 'Updated: the pack changed on disk.';
      });
  }
  source.addEventListener('changed', function (event) {
    if (event.data === document.body.getAttribute('data-version')) return;
    if (editing()) {
      live.textContent = 'The pack changed on disk. Finish or clear what you are typing, then reload the page to see it.';
      return;
    }
    refresh().catch(function () { live.textContent = 'The pack changed on disk; reload the page to see it.'; });
  });
})();
`;
