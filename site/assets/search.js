/* The site's search: Index::search (core/src/search/index_search.cpp) over the exported
 * index (core/include/playmaker/search_export.hpp), in the browser. The query language is
 * the core's (query.hpp), the terms are the core's (pm-analysis.js plus the exported lexicon),
 * and the ranking is FTS5's bm25 with the core's column weights, ties by id.
 * Text from the index is only ever set with textContent: nothing from it becomes markup. */
(function () {
  'use strict';
  var A = window.PmAnalysis;
  var app = document.getElementById('search-app');
  if (!A || !app) return;
  var DATA = new URL(app.getAttribute('data-data'), document.baseURI).href;
  var K1 = 1.2, B = 0.75, PAGE = 10;
  var FORMAT = 'search-export-3';  // kExportFormat in core/src/search/site_export.cpp

  /* ---- fetching, with a byte count for the benchmark ---- */
  var cache = {};
  var stats = { bytes: 0, files: 0, ms: 0, list: [] };
  window.pmSearchStats = stats;
  function load(rel) {
    if (!cache[rel]) {
      cache[rel] = fetch(DATA + rel).then(function (r) {
        if (!r.ok) throw new Error(rel + ': HTTP ' + r.status);
        return r.arrayBuffer();
      }).then(function (buf) {
        stats.bytes += buf.byteLength;
        stats.files += 1;
        stats.list.push([rel, buf.byteLength]);
        return JSON.parse(new TextDecoder().decode(buf));
      });
    }
    return cache[rel];
  }
  var chunkOf = A.chunkOf, cmp = A.cmp;
  function utf8len(s) { return new TextEncoder().encode(s).length; }

  /* ---- the query language (query.cpp) ---- */
  function isSpace(c) { return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v'; }
  var FACETS = [['kind', 'kind'], ['theme', 'theme'], ['role', 'role'], ['sector', 'sector'], ['lang', 'lang'],
    ['municipality', 'municipality'], ['kommune', 'municipality'], ['county', 'county'], ['fylke', 'county'],
    ['year', 'year'], ['tema', 'theme'], ['rolle', 'role'], ['sektor', 'sector'], ['\u00e5r', 'year'], ['spr\u00e5k', 'lang']];
  function canonicalFacet(name) {
    var n = A.foldWord(name);
    for (var i = 0; i < FACETS.length; i++) {
      if (n === FACETS[i][0] && utf8len(name) === utf8len(FACETS[i][0])) return FACETS[i][1];
    }
    return '';
  }
  function parseQuery(s) {
    var out = { required: [], excluded: [], filters: [] }, pos = 0, terms = 0, pendingOr = false;
    function skip() { while (pos < s.length && isSpace(s[pos])) pos++; return pos < s.length; }
    function tryFacet(word) {
      var colon = word.indexOf(':');
      if (colon <= 0) return false;
      var facet = canonicalFacet(word.slice(0, colon));
      if (!facet) return false;
      var value = word.slice(colon + 1);
      if (!value && pos < s.length && s[pos] === '"') {
        var close = s.indexOf('"', pos + 1);
        if (close < 0) return false;
        value = s.slice(pos + 1, close);
        pos = close + 1;
      }
      if (!value) return false;
      out.filters.push([facet, value]);
      return true;
    }
    while (skip()) {
      var negate = false;
      if (s[pos] === '-' && pos + 1 < s.length && !isSpace(s[pos + 1])) { negate = true; pos++; }
      var t = { text: '', phrase: false, prefix: false };
      if (s[pos] === '"') {
        var close = s.indexOf('"', pos + 1);
        if (close < 0) { pos++; continue; }
        t.text = s.slice(pos + 1, close);
        t.phrase = true;
        pos = close + 1;
        if (pos < s.length && s[pos] === '*') {
          t.prefix = true;
          while (pos < s.length && s[pos] === '*') pos++;
        }
      } else {
        var start = pos;
        while (pos < s.length && !isSpace(s[pos]) && s[pos] !== '"') pos++;
        var word = s.slice(start, pos);
        if (!negate && word === 'OR') { pendingOr = out.required.length > 0; continue; }
        if (!negate && tryFacet(word)) { pendingOr = false; continue; }
        while (word && word[word.length - 1] === '*') { word = word.slice(0, -1); t.prefix = true; }
        t.text = word;
      }
      if (!A.splitWords(t.text).length || terms >= 32) { pendingOr = false; continue; }
      terms++;
      if (negate) out.excluded.push(t);
      else if (pendingOr) out.required[out.required.length - 1].push(t);
      else out.required.push([t]);
      pendingOr = false;
    }
    return out;
  }

  /* ---- the index ---- */
  var meta, table, stops, docFacets, placeNames = {};
  var ready;
  function init() {
    if (!ready) ready = Promise.all([load('meta.json'), load('table.json')]).then(function (r) {
      if (r[0].format !== FORMAT) throw new Error('search index format ' + r[0].format + ', expected ' + FORMAT);
      meta = r[0];
      table = r[1];
      stops = { no: new Set(meta.stop_no), sv: new Set(meta.stop_sv) };
      // Per facet: [value, [documents]] pairs.
      docFacets = {};
      var n = meta.n, dl = new Array(n), w = table.dlw;
      for (var i = 0; i < n; i++) dl[i] = b64(table.dl, i * w, w);
      table.dlv = dl;
      Object.keys(table.facets).forEach(function (f) { docFacets[f] = decodeFacet(f, table.facets[f]); });
    });
    return ready;
  }
  function decodeFacet(f, x) {
    if (x.names) placeNames[f] = x.names;
    if (x.lists) {
      return Object.keys(x.lists).map(function (v) {
        var list = x.lists[v], docs = [], prev = 0;
        for (var k = 0; k < list.length; k++) { prev += list[k]; docs.push(prev); }
        return [v, docs];
      });
    }
    var sets = x.values.map(function () { return []; });
    for (var d = 0; d < meta.n; d++) {
      var c = b64(x.codes, d * x.width, x.width);
      if (c) sets[c - 1].push(d);
    }
    return x.values.map(function (v, k) { return [v, sets[k]]; });
  }
  // The facets a query filters by that table.json does not hold.
  function loadFacets(names) {
    return Promise.all(names.filter(function (f) { return !docFacets[f] && table.more.indexOf(f) >= 0; })
      .map(function (f) { return load('f/' + f + '.json').then(function (x) { docFacets[f] = decodeFacet(f, x); }); }));
  }
  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var B64V = new Int8Array(128);
  for (var bi = 0; bi < 64; bi++) B64V[B64.charCodeAt(bi)] = bi;
  function b64(s, at, width) {
    var v = 0;
    for (var i = 0; i < width; i++) v = v * 64 + B64V[s.charCodeAt(at + i)];
    return v;
  }
  function lexiconFor(words) {
    if (!(meta.families & A.NO) || !meta.lex.length) return Promise.resolve(function () { return undefined; });
    var ks = {};
    words.forEach(function (w) { ks[chunkOf(meta.lex, w)] = true; });
    var keys = Object.keys(ks);
    return Promise.all(keys.map(function (k) { return load('l/' + k + '.json'); })).then(function (loaded) {
      var chunks = {};
      keys.forEach(function (k, i) { chunks[k] = loaded[i]; });
      return function (w) { return A.lexiconLookup(meta.lex, chunks, w); };
    });
  }
  // The tokens of one query term, as the FTS5 tokenizer gives them (fts_tokenizer.cpp).
  function phraseTokens(t, lex) {
    var words = A.splitWords(t.text);
    return words.map(function (w, i) {
      var alts = A.queryTerms(w.folded, meta.families, stops, lex);
      if (t.prefix) {
        alts.push(w.folded);
        var kept = [];
        alts.forEach(function (a) {
          var covered = alts.some(function (b) { return b !== a && a.startsWith(b); });
          if (!covered && kept.indexOf(a) < 0) kept.push(a);
        });
        alts = kept;
      }
      return { alts: alts, prefix: t.prefix && i === words.length - 1 };
    });
  }
  // Postings of the terms a token stands for: {term: {docs: [..], tf: [[4]..], chunk}}.
  function loadToken(tok) {
    var ks = {};
    tok.alts.forEach(function (a) {
      var k = chunkOf(meta.terms, a);
      ks[k] = true;
      if (tok.prefix) while (k + 1 < meta.terms.length && meta.terms[k + 1].startsWith(a)) ks[++k] = true;
    });
    var list = Object.keys(ks).map(Number);
    return Promise.all(list.map(function (k) { return load('t/' + k + '.json'); })).then(function (chunks) {
      var terms = {};
      chunks.forEach(function (c, ci) {
        Object.keys(c).forEach(function (term) {
          var hit = tok.alts.some(function (a) { return tok.prefix ? term.startsWith(a) : term === a; });
          if (hit) terms[term] = { chunk: list[ci], raw: c[term] };
        });
      });
      return terms;
    });
  }
  // Varints of base64 digits (search_export.hpp), read in order.
  function reader(str) {
    var i = 0;
    return {
      more: function () { return i < str.length; },
      next: function () {
        var v = 0, shift = 1, d;
        do {
          d = B64V[str.charCodeAt(i++)];
          v += (d & 31) * shift;
          shift *= 32;
        } while (d & 32);
        return v;
      }
    };
  }
  // "Δdoc f Δdoc f …" → {docs, f}.
  function postings(raw) {
    var docs = [], f = [], d = 0, r = reader(raw);
    while (r.more()) {
      d += r.next();
      docs.push(d);
      f.push(r.next());
    }
    return { docs: docs, f: f };
  }
  // Positions of a term: doc → [[title], [summary], [body], [labels]].
  function positions(term, info) {
    return load('p/' + info.chunk + '.json').then(function (c) {
      var p = postings(info.raw), out = new Map(), r = reader(c[term]);
      for (var i = 0; i < p.docs.length; i++) {
        var cols = [];
        for (var col = 0; col < 4; col++) {
          var n = r.next(), acc = 0, list = [];
          for (var k = 0; k < n; k++) { acc += r.next(); list.push(acc); }
          cols.push(list);
        }
        out.set(p.docs[i], cols);
      }
      return out;
    });
  }
  // Instances of one phrase per document, weighted by column: Map doc → Σ weight · count
  // (what FTS5's bm25 adds up from xInst).
  function evalPhrase(tokens) {
    return Promise.all(tokens.map(loadToken)).then(function (perTok) {
      var decoded = perTok.map(function (terms) {
        return Object.keys(terms).map(function (t) { return { term: t, info: terms[t], p: postings(terms[t].raw) }; });
      });
      // Documents holding some term of every token.
      var sets = decoded.map(function (list) {
        var m = new Map();
        list.forEach(function (x) { x.p.docs.forEach(function (d, i) { (m.get(d) || m.set(d, []).get(d)).push([x, i]); }); });
        return m;
      });
      var cand = [];
      if (sets.length) sets[0].forEach(function (v, d) { if (sets.every(function (s) { return s.has(d); })) cand.push(d); });
      var out = new Map();
      var simple = tokens.length === 1;
      var needPos = [];
      cand.forEach(function (d) {
        var hits = sets[0].get(d);
        if (simple && hits.length === 1) out.set(d, hits[0][0].p.f[hits[0][1]]);
        else needPos.push(d);
      });
      if (!needPos.length) return out;
      var want = new Set();
      needPos.forEach(function (d) { sets.forEach(function (s) { s.get(d).forEach(function (h) { want.add(h[0]); }); }); });
      var wantList = Array.from(want);
      return Promise.all(wantList.map(function (x) { return positions(x.term, x.info); })).then(function (maps) {
        var pos = new Map();
        wantList.forEach(function (x, i) { pos.set(x, maps[i]); });
        needPos.forEach(function (d) {
          var counts = [0, 0, 0, 0];
          for (var c = 0; c < 4; c++) {
            // Per token, the positions in column c where one of its terms stands.
            var per = sets.map(function (s) {
              var set = new Set();
              s.get(d).forEach(function (h) { pos.get(h[0]).get(d)[c].forEach(function (q) { set.add(q); }); });
              return set;
            });
            per[0].forEach(function (q) {
              for (var k = 1; k < per.length; k++) if (!per[k].has(q + k)) return;
              counts[c]++;
            });
          }
          var w = meta.weights, f = counts[0] * w[0] + counts[1] * w[1] + counts[2] * w[2] + counts[3] * w[3];
          if (f > 0) out.set(d, f);
        });
        return out;
      });
    });
  }

  /* ---- Index::search ---- */
  var KIND_FOLDERS = { findings: 'finding', drivers: 'driver', opportunities: 'opportunity', challenges: 'challenge',
    cases: 'case', recommendations: 'recommendation', concepts: 'concept' };
  // Lower case, one code point at a time (utf8::to_lower).
  function lower(s) {
    return Array.from(s).map(function (c) { return c.toLowerCase(); }).join('');
  }
  function resolve(facet, value) {
    var values = docFacets[facet] || [], v = A.foldWord(value), q = lower(value.trim()), wanted;
    var names = placeNames[facet] || {};
    if (facet === 'kind') wanted = [KIND_FOLDERS[v] || (v === 'references' ? 'reference' : v)];
    else if (facet === 'municipality') wanted = Object.prototype.hasOwnProperty.call(names, q) ? [names[q]] : [];
    else wanted = [v];
    var out = [];
    values.forEach(function (fv) {
      var ok = facet === 'county'
        ? q !== '' && (names[fv[0]] || []).some(function (f) { return q === f[0] || f[1].indexOf(q) >= 0; })
        : wanted.some(function (w) { return fv[0] === w || A.foldWord(fv[0]) === A.foldWord(w); });
      if (ok) out.push(fv[1]);
    });
    var set = new Set();
    out.forEach(function (docs) { docs.forEach(function (d) { set.add(d); }); });
    return set;
  }
  function isStopGroup(g) {
    if (g.length !== 1 || g[0].phrase || g[0].prefix) return false;
    var w = A.splitWords(g[0].text);
    return w.length === 1 && (stops.no.has(w[0].folded) || stops.sv.has(w[0].folded));
  }
  function search(text, extraFilters) {
    var pq = parseQuery(text);
    if (pq.required.some(function (g) { return !isStopGroup(g); })) {
      pq.required = pq.required.filter(function (g) { return !isStopGroup(g); });
    }
    extraFilters.forEach(function (f) { pq.filters.push(f); });
    var accepted;
    function passes(d) { return accepted.every(function (s) { return s.has(d); }); }
    // Every phrase of the MATCH expression in its order: required groups, then exclusions.
    var phrases = [];
    pq.required.forEach(function (g) { g.forEach(function (t) { phrases.push(t); }); });
    var nRequired = phrases.length;
    pq.excluded.forEach(function (t) { phrases.push(t); });
    var words = [];
    phrases.forEach(function (t) { A.splitWords(t.text).forEach(function (w) { words.push(w.folded); }); });
    return loadFacets(pq.filters.map(function (f) { return f[0]; })).then(function () {
      accepted = pq.filters.map(function (f) { return resolve(f[0], f[1]); });
      return lexiconFor(words);
    }).then(function (lex) {
      var toks = phrases.map(function (t) { return phraseTokens(t, lex); });
      return Promise.all(toks.map(evalPhrase)).then(function (inst) {
        var n = meta.n, avgdl = meta.tokens / meta.n;
        var excluded = new Set();
        inst.slice(nRequired).forEach(function (m) { m.forEach(function (v, d) { excluded.add(d); }); });
        var hits = [];
        if (nRequired) {
          var idf = inst.map(function (m) {
            var x = Math.log((n - m.size + 0.5) / (m.size + 0.5));
            return x <= 0.0 ? 1e-6 : x;
          });
          // Documents in every required group (one phrase of the group at least).
          var k = 0, groups = pq.required.map(function (g) { var r = inst.slice(k, k + g.length); k += g.length; return r; });
          var first = new Set();
          groups[0].forEach(function (m) { m.forEach(function (v, d) { first.add(d); }); });
          first.forEach(function (d) {
            if (excluded.has(d) || !passes(d)) return;
            if (!groups.every(function (g) { return g.some(function (m) { return m.has(d); }); })) return;
            var D = table.dlv[d], score = 0.0;
            for (var i = 0; i < inst.length; i++) {
              var f = inst[i].get(d) || 0;
              score += idf[i] * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + B * D / avgdl)));
            }
            hits.push([-1.0 * score, d]);
          });
        } else {
          for (var d = 0; d < n; d++) if (!excluded.has(d) && passes(d)) hits.push([0, d]);
        }
        hits.sort(function (a, b) { return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]; });
        var counts = {};
        ['kind', 'theme', 'county'].forEach(function (f) {
          var hs = new Set(hits.map(function (h) { return h[1]; }));
          counts[f] = (docFacets[f] || []).map(function (fv) {
            return [fv[0], fv[1].filter(function (d) { return hs.has(d); }).length];
          }).filter(function (x) { return x[1] > 0; }).sort(function (a, b) { return b[1] - a[1] || cmp(a[0], b[0]); });
        });
        return { hits: hits, facets: counts, toks: toks.slice(0, nRequired), filters: pq.filters };
      });
    });
  }

  /* ---- the page ---- */
  var status = document.getElementById('search-status');
  var results = document.getElementById('results');
  var facetsEl = document.getElementById('search-facets');
  var suggest = document.getElementById('search-suggest');
  var input = document.getElementById('q');
  var t = function (k) { return app.getAttribute('data-' + k) || ''; };
  var pageLang = app.getAttribute('data-lang');
  var baseTitle = document.title;

  function el(name, attrs, text) {
    var e = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (a) { e.setAttribute(a, attrs[a]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function params() {
    var p = new URLSearchParams(location.search);
    return { q: p.get('q') || '', filters: ['kind', 'theme', 'county'].map(function (f) {
      return p.getAll(f).map(function (v) { return [f, v]; });
    }).reduce(function (a, b) { return a.concat(b); }, []) };
  }
  function urlFor(q, filters) {
    var p = new URLSearchParams();
    p.set('q', q);
    filters.forEach(function (f) { p.append(f[0], f[1]); });
    return '?' + p.toString();
  }
  // A passage with the words that match the query marked (<mark>), as text nodes only.
  function excerpt(doc, toks) {
    var match = function (folded) {
      return toks.some(function (phrase) {
        return phrase.some(function (tok) {
          return tok.alts.some(function (a) {
            if (tok.prefix) return folded.startsWith(a);
            return [A.NO, A.SV, A.EN].some(function (f) { return A.snowballTerm(folded, f, stops) === a; }) || folded === a;
          });
        });
      });
    };
    var text = doc.summary, words = A.splitWords(text);
    if (!words.some(function (w) { return match(w.folded); }) && doc.body) {
      var bw = A.splitWords(doc.body), hit = bw.filter(function (w) { return match(w.folded); })[0];
      if (hit) {
        var from = Math.max(0, hit.start - 80);
        while (from > 0 && !isSpace(doc.body[from - 1])) from--;
        text = (from > 0 ? '\u2026' : '') + doc.body.slice(from, from + 240) + (from + 240 < doc.body.length ? '\u2026' : '');
        words = A.splitWords(text);
      }
    }
    var p = el('p', { 'class': 'excerpt' }), at = 0;
    words.forEach(function (w) {
      if (!match(w.folded)) return;
      p.appendChild(document.createTextNode(text.slice(at, w.start)));
      p.appendChild(el('mark', {}, text.slice(w.start, w.end)));
      at = w.end;
    });
    p.appendChild(document.createTextNode(text.slice(at)));
    return p;
  }
  function renderFacets(q, active, counts) {
    facetsEl.textContent = '';
    var any = false;
    ['kind', 'theme', 'county'].forEach(function (f) {
      var list = counts[f];
      if (!list.length) return;
      any = true;
      var labels = (table.labels && table.labels[f]) || {};
      var h = el('h3', { id: 'facet-' + f }, t(f));
      var ul = el('ul', { 'aria-labelledby': 'facet-' + f });
      list.forEach(function (x) {
        var on = active.some(function (a) { return a[0] === f && a[1] === x[0]; });
        var next = on ? active.filter(function (a) { return !(a[0] === f && a[1] === x[0]); }) : active.concat([[f, x[0]]]);
        var a = el('a', { href: urlFor(q, next) }, (labels[x[0]] || x[0]) + ' (' + x[1] + ')');
        if (on) {
          a.setAttribute('aria-current', 'true');
          a.setAttribute('title', t('remove'));
        }
        var li = el('li');
        li.appendChild(a);
        ul.appendChild(li);
      });
      facetsEl.appendChild(h);
      facetsEl.appendChild(ul);
    });
    facetsEl.hidden = !any;
  }
  function show(q, filters) {
    results.textContent = '';
    suggest.hidden = true;
    if (!q.trim()) {
      status.textContent = '';
      facetsEl.hidden = true;
      return Promise.resolve();
    }
    status.textContent = t('loading');
    var t0 = performance.now();
    return init().then(function () {
      return search(q, filters);
    }).then(function (res) {
      var page = res.hits.slice(0, PAGE);
      return Promise.all(page.map(function (h) { return load('d/' + h[1] + '.json'); })).then(function (docs) {
        stats.ms = performance.now() - t0;
        results.textContent = '';
        if (!res.hits.length) {
          results.appendChild(el('p', { 'class': 'none' }, t('none').replace('{query}', q)));
          suggest.hidden = false;
        } else {
          var ol = el('ol', { 'class': 'results' });
          docs.forEach(function (doc) {
            var li = el('li', { 'data-id': doc.id });
            if (doc.lang && doc.lang !== pageLang) li.setAttribute('lang', doc.lang);
            var h = el('h3');
            var link = el('a', { href: '../' + doc.href }, doc.title);
            h.appendChild(link);
            li.appendChild(h);
            var kl = (table.labels && table.labels.kind && table.labels.kind[doc.kind]) || doc.kind;
            var kind = el('p', { 'class': 'kind' }, kl);
            if (doc.lang !== pageLang) kind.setAttribute('lang', pageLang);
            li.appendChild(kind);
            li.appendChild(excerpt(doc, res.toks));
            ol.appendChild(li);
          });
          results.appendChild(ol);
        }
        var total = res.hits.length;
        status.textContent = total === 1 ? t('count-one') : t('count').replace('{count}', String(total));
        renderFacets(q, filters, res.facets);
        document.title = q + ' \u2013 ' + baseTitle;
      });
    }).catch(function (e) {
      ready = undefined;
      cache = {};
      status.textContent = location.protocol === 'file:' ? t('file') : t('failed');
      if (window.console) console.warn('search: ' + e.message);
    });
  }

  var form = input && input.form;
  var p = params();
  if (input) input.value = p.q;
  if (location.protocol === 'file:') {
    status.textContent = t('file');
  } else {
    if (form) {
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        var q = input.value;
        history.pushState(null, '', urlFor(q, []));
        show(q, []);
      });
    }
    window.addEventListener('popstate', function () {
      var x = params();
      if (input) input.value = x.q;
      show(x.q, x.filters);
    });
    window.pmSearchDone = show(p.q, p.filters);
    window.pmSearchRun = show;  // for the benchmark: a query again, chunks in memory
  }
})();
