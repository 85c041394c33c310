// crosscheck's review page: filters, keyboard navigation and verdicts. The page is complete
// without this script; it only hides, moves between and marks findings already on it.
(function () {
  'use strict';
  var STORE = 'crosscheck.verdicts';
  var LABELS = { 'real': 'real', 'false-alarm': 'false alarm', 'accepted': 'known, accept' };
  var dataNode = document.getElementById('cc-data');
  var data = dataNode ? JSON.parse(dataNode.textContent) : { keys: [], earlier: [], other: [] };
  var cards = Array.prototype.slice.call(document.querySelectorAll('article.f'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.story'));
  // A card's finding is its index in the analysis: `finding-N` is the N-th, from 1.
  var byIndex = {};
  cards.forEach(function (c) {
    c.dataset.i = String(Number(c.id.slice(8)) - 1);
    c.tabIndex = -1;
    byIndex[c.dataset.i] = c;
  });

  function load() {
    try { return JSON.parse(window.localStorage.getItem(STORE) || '{}') || {}; } catch (e) { return {}; }
  }
  function save() {
    try { window.localStorage.setItem(STORE, JSON.stringify(store)); } catch (e) { /* private mode: kept for this visit */ }
  }
  function keyOf(i) { return JSON.stringify(data.keys[i]); }
  var store = load();
  // Verdicts from the file given with --verdicts, unless this browser has judged since.
  data.earlier.forEach(function (e) {
    var k = keyOf(e[0]);
    if (!store[k]) { store[k] = { verdict: e[1], note: e[2] || '' }; }
  });

  // Verdict controls on every card.
  function title(card) {
    var h = card.querySelector('h3');
    return h ? h.textContent.replace(/\s+/g, ' ').trim() : '';
  }
  function show(card) {
    var v = store[keyOf(card.dataset.i)];
    var verdict = v ? v.verdict : '';
    if (verdict) { card.dataset.verdict = verdict; } else { delete card.dataset.verdict; }
    var box = card.querySelector('.vd');
    if (!box) { return; }
    box.querySelectorAll('button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.v === verdict));
    });
    var note = box.querySelector('input');
    if (document.activeElement !== note) { note.value = v ? (v.note || '') : ''; }
  }
  function controls(card) {
    var box = document.createElement('div');
    box.className = 'vd';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', 'verdict');
    Object.keys(LABELS).forEach(function (v) {
      var b = document.createElement('button');
      b.type = 'button';
      b.dataset.v = v;
      b.textContent = LABELS[v];
      box.appendChild(b);
    });
    var note = document.createElement('input');
    note.type = 'text';
    note.placeholder = 'note';
    note.setAttribute('aria-label', 'note');
    box.appendChild(note);
    card.appendChild(box);
    show(card);
  }
  function judge(card, verdict, note) {
    var k = keyOf(card.dataset.i);
    var was = store[k];
    if (verdict === null) { verdict = was ? was.verdict : ''; }
    if (!verdict) { delete store[k]; } else {
      store[k] = { verdict: verdict, note: note !== undefined ? note : (was ? was.note || '' : ''), finding: title(card) };
    }
    save();
    show(card);
    counted();
  }
  cards.forEach(controls);
  document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('.vd button') : null;
    if (!b) { return; }
    var card = b.closest('article.f');
    var v = store[keyOf(card.dataset.i)];
    var note = card.querySelector('.vd input');
    judge(card, v && v.verdict === b.dataset.v ? '' : b.dataset.v, note ? note.value : undefined);
    current = card;
    mark();
  });
  document.addEventListener('change', function (e) {
    if (!e.target.matches || !e.target.matches('.vd input')) { return; }
    var card = e.target.closest('article.f');
    var v = store[keyOf(card.dataset.i)];
    // A note is kept with a verdict; typed first, it is saved when a verdict is chosen.
    if (v) { judge(card, v.verdict, e.target.value); }
  });

  // Filters.
  var form = document.getElementById('filters');
  var q = document.getElementById('q');
  var fields = ['kind', 'property', 'severity', 'story', 'verdict'].map(function (n) {
    return document.getElementById('filter-' + n);
  });
  var shownNode = document.getElementById('shown');
  var texts = null;
  function passes(c, k, p, s, st, v, t, n) {
    var d = c.dataset;
    if (k === 'known' && !('known' in d)) { return false; }
    if (k === 'new' && 'known' in d) { return false; }
    if (k !== 'all' && k !== 'known' && k !== 'new' && d.kind !== k) { return false; }
    if (p !== 'all' && d.property !== p) { return false; }
    if (s !== 'all' && d.severity !== s) { return false; }
    if (st !== 'all' && d.story !== st) { return false; }
    if (v !== 'all' && (d.verdict || 'none') !== v) { return false; }
    return !t || texts[n].indexOf(t) >= 0;
  }
  function apply() {
    var t = q.value.trim().toLowerCase();
    if (t && !texts) { texts = cards.map(function (c) { return c.textContent.toLowerCase(); }); }
    var vals = fields.map(function (f) { return f ? f.value : 'all'; });
    var shown = 0;
    var live = {};
    cards.forEach(function (c, n) {
      var ok = passes(c, vals[0], vals[1], vals[2], vals[3], vals[4], t, n);
      c.hidden = !ok;
      if (ok) { shown += 1; live[c.dataset.story] = true; }
    });
    sections.forEach(function (s) { s.hidden = !live[s.dataset.story]; });
    shownNode.textContent = shown + ' of ' + cards.length + ' findings shown';
  }
  form.hidden = false;
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  q.addEventListener('input', apply);
  fields.forEach(function (f) { if (f) { f.addEventListener('change', apply); } });

  // Keyboard: j/n next, k/p previous, r/f/a mark the current finding, / search.
  var current = null;
  function mark() {
    cards.forEach(function (c) { if (c !== current) { c.classList.remove('current'); } });
    if (current) { current.classList.add('current'); }
  }
  function move(step) {
    var visible = cards.filter(function (c) { return !c.hidden; });
    if (!visible.length) { return; }
    var at = current ? visible.indexOf(current) : -1;
    var next = at < 0 ? (step > 0 ? 0 : visible.length - 1) : Math.min(Math.max(at + step, 0), visible.length - 1);
    current = visible[next];
    mark();
    current.focus({ preventScroll: true });
    current.scrollIntoView({ block: 'start' });
    if (window.location.hash !== '#' + current.id) { window.history.replaceState(null, '', '#' + current.id); }
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var tag = e.target.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') {
      if (e.key === 'Escape') { e.target.blur(); }
      return;
    }
    var verdict = { r: 'real', f: 'false-alarm', a: 'accepted' }[e.key];
    if (e.key === 'j' || e.key === 'n') { move(1); } else if (e.key === 'k' || e.key === 'p') { move(-1); } else if (e.key === '/') { q.focus(); } else if (verdict && current) { judge(current, verdict); } else { return; }
    e.preventDefault();
  });
  document.addEventListener('focusin', function (e) {
    var card = e.target.closest ? e.target.closest('article.f') : null;
    if (card) { current = card; mark(); }
  });

  // Export: one JSON file that `crosscheck check --baseline FILE` reads.
  var exportButton = document.getElementById('export');
  var exportBox = document.getElementById('export-box');
  var exportText = document.getElementById('export-text');
  function entries() {
    var out = {};
    data.other.forEach(function (v) {
      out[JSON.stringify([v.code, v.subject, v.property, v.values])] = v;
    });
    data.keys.forEach(function (key, i) {
      var k = JSON.stringify(key);
      var v = store[k];
      if (!v || !v.verdict) { return; }
      var e = { code: key[0], subject: key[1], property: key[2], values: key[3], verdict: v.verdict };
      if (v.note) { e.note = v.note; }
      var f = v.finding || (byIndex[i] ? title(byIndex[i]) : '');
      if (f) { e.finding = f; }
      out[k] = e;
    });
    return Object.keys(out).sort().map(function (k) { return out[k]; });
  }
  function counted() {
    var n = data.keys.filter(function (key) { var v = store[JSON.stringify(key)]; return v && v.verdict; }).length;
    exportButton.textContent = 'Export verdicts (' + n + ')';
  }
  exportButton.addEventListener('click', function () {
    var text = JSON.stringify({ version: 1, verdicts: entries() }, null, 2) + '\n';
    exportText.value = text;
    exportBox.hidden = false;
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    a.download = 'verdicts.json';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
  counted();
  apply();
  document.documentElement.dataset.ready = 'true';
})();
