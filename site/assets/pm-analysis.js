/* Playmaker's text analysis for the static site: the same terms as the core's Analyzer
 * (core/src/search/analyzer.cpp, words.cpp) for any query word. Word splitting and folding,
 * and the Snowball stemmers the core links (libstemmer 2.2: norwegian, swedish, english),
 * written out here; the dictionary decisions come from the exported lexicon chunks
 * (search_export.hpp), looked up by the caller. Checked word for word against the C++ by
 * tests/search_identity (CTest). Plain JavaScript, no dependencies; works in node too. */
(function (root) {
  'use strict';

  /* ---- words and folding (words.cpp) ---- */
  var LETTER = /[\p{L}\p{M}\p{N}]/u;
  function isWordChar(cp) {
    if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
    if (cp >= 0xd800 && cp <= 0xdfff) return false;
    return LETTER.test(String.fromCodePoint(cp));
  }
  function foldAccent(cp) {
    if (cp >= 0xe0 && cp <= 0xe3) return 97;
    if (cp === 0xe7) return 99;
    if (cp >= 0xe8 && cp <= 0xeb) return 101;
    if (cp >= 0xec && cp <= 0xef) return 105;
    if (cp === 0xf1) return 110;
    if (cp >= 0xf2 && cp <= 0xf5) return 111;
    if (cp >= 0xf9 && cp <= 0xfc) return 117;
    if (cp === 0xfd || cp === 0xff) return 121;
    return cp;
  }
  function lower(cp) {
    var s = String.fromCodePoint(cp).toLowerCase();
    var c = s.codePointAt(0);
    return s.length === String.fromCodePoint(c).length ? c : cp;
  }
  // Appends one folded code point to `out` (a string); returns the new string.
  function appendFolded(out, cp) {
    if (cp >= 0x300 && cp <= 0x36f) {
      var last = out.length ? out[out.length - 1] : '';
      if (cp === 0x30a && last === 'a') return out.slice(0, -1) + '\u00e5';
      if (cp === 0x308 && (last === 'a' || last === 'o')) return out.slice(0, -1) + (last === 'a' ? '\u00e4' : '\u00f6');
      return out;
    }
    if (cp < 0x80) return out + String.fromCharCode(cp >= 65 && cp <= 90 ? cp + 32 : cp);
    return out + String.fromCodePoint(foldAccent(lower(cp)));
  }
  function foldWord(word) {
    var out = '';
    for (var ch of word) {
      var cp = ch.codePointAt(0);
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      out = appendFolded(out, cp);
    }
    return out;
  }
  // Words of `text`: [{folded, start, end}] with UTF-16 offsets.
  function splitWords(text) {
    var words = [], cur = null, i = 0;
    while (i < text.length) {
      var start = i, cp = text.codePointAt(i);
      i += cp > 0xffff ? 2 : 1;
      if (isWordChar(cp) && !(!cur && cp >= 0x300 && cp <= 0x36f)) {
        if (!cur) cur = { folded: '', start: start, end: i };
        cur.folded = appendFolded(cur.folded, cp);
        cur.end = i;
      } else if (cur) {
        if (cur.folded) words.push(cur);
        cur = null;
      }
    }
    if (cur && cur.folded) words.push(cur);
    return words;
  }

  /* ---- Snowball machinery: a word as an array of code points ---- */
  function inSet(set, c) { return c !== undefined && set.indexOf(c) >= 0; }
  function endsWith(w, lim, suf) {
    if (w.length - suf.length < lim) return false;
    for (var i = 0; i < suf.length; i++) if (w[w.length - suf.length + i] !== suf[i]) return false;
    return true;
  }
  // The longest of `list` that ends `w` and starts at or after `lim`; null when none.
  function longest(w, lim, list) {
    var best = null;
    for (var i = 0; i < list.length; i++) {
      if ((!best || list[i].length > best.length) && endsWith(w, lim, list[i])) best = list[i];
    }
    return best;
  }
  function chars(s) { return Array.from(s); }
  // R1 of the Scandinavian stemmers: after the first non-vowel following a vowel, at least 3.
  function scandR1(w, v) {
    var p1 = w.length;
    if (w.length < 3) return p1;
    var i = 0;
    while (i < w.length && !inSet(v, w[i])) i++;
    if (i >= w.length) return p1;
    while (i < w.length && inSet(v, w[i])) i++;
    if (i >= w.length) return p1;
    p1 = i + 1;
    return p1 < 3 ? 3 : p1;
  }

  /* norwegian.sbl (Snowball 2.2) */
  var NO_V = chars('aeiouy\u00e6\u00e5\u00f8');
  var NO_S = chars('bcdfghjlmnoprtvyz');
  var NO_MAIN = ['a', 'e', 'ede', 'ande', 'ende', 'ane', 'ene', 'hetene', 'en', 'heten', 'ar', 'er', 'heter', 'as', 'es',
    'edes', 'endes', 'enes', 'hetenes', 'ens', 'hetens', 'ers', 'ets', 'et', 'het', 'ast', 's', 'erte', 'ert'].map(chars);
  var NO_OTHER = ['leg', 'eleg', 'ig', 'eig', 'lig', 'elig', 'els', 'lov', 'elov', 'slov', 'hetslov'].map(chars);
  function stemNo(word) {
    var w = chars(word), p1 = scandR1(w, NO_V);
    var s = longest(w, p1, NO_MAIN);
    if (s) {
      var j = s.join('');
      if (j === 's') {
        var c = w[w.length - 2];
        if (inSet(NO_S, c) || (c === 'k' && w.length >= 3 && !inSet(NO_V, w[w.length - 3]))) w.length -= 1;
      } else if (j === 'erte' || j === 'ert') {
        w.length -= s.length;
        w.push('e', 'r');
      } else {
        w.length -= s.length;
      }
    }
    if (endsWith(w, p1, ['d', 't']) || endsWith(w, p1, ['v', 't'])) w.length -= 1;
    s = longest(w, p1, NO_OTHER);
    if (s) w.length -= s.length;
    return w.join('');
  }

  /* swedish.sbl (Snowball 2.2) */
  var SV_V = chars('aeiouy\u00e4\u00e5\u00f6');
  var SV_S = chars('bcdfghjklmnoprtvy');
  var SV_MAIN = ['a', 'arna', 'erna', 'heterna', 'orna', 'ad', 'e', 'ade', 'ande', 'arne', 'are', 'aste', 'en', 'anden',
    'aren', 'heten', 'ern', 'ar', 'er', 'heter', 'or', 'as', 'arnas', 'ernas', 'ornas', 'es', 'ades', 'andes', 'ens', 'arens',
    'hetens', 'erns', 'at', 'andet', 'het', 'ast', 's'].map(chars);
  var SV_PAIRS = ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt'].map(chars);
  var SV_OTHER = ['lig', 'ig', 'els', 'l\u00f6st', 'fullt'].map(chars);
  function stemSv(word) {
    var w = chars(word), p1 = scandR1(w, SV_V);
    var s = longest(w, p1, SV_MAIN);
    if (s) {
      if (s.join('') === 's') {
        if (inSet(SV_S, w[w.length - 2])) w.length -= 1;
      } else {
        w.length -= s.length;
      }
    }
    if (longest(w, p1, SV_PAIRS)) w.length -= 1;
    s = longest(w, p1, SV_OTHER);
    if (s) {
      var j = s.join('');
      if (j === 'l\u00f6st') w.length -= 1;
      else if (j === 'fullt') w.length -= 1;
      else w.length -= s.length;
    }
    return w.join('');
  }

  /* english.sbl (Snowball 2.2, Porter2) */
  var EN_V = chars('aeiouy');
  var EN_VWXY = chars('aeiouywxY');
  var EN_LI = chars('cdeghkmnrt');
  var EN_EXC1 = { skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
    ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas',
    cosmos: 'cosmos', bias: 'bias', andes: 'andes' };
  var EN_EXC2 = ['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed'];
  function enV(c) { return inSet(EN_V, c); }
  // Snowball's `shortv` read backwards from position i (the letters before i).
  function shortv(w, i) {
    if (i >= 3 && !inSet(EN_VWXY, w[i - 1]) && enV(w[i - 2]) && !enV(w[i - 3])) return true;
    return i === 2 && !enV(w[i - 1]) && enV(w[i - 2]);
  }
  function hasVowelBefore(w, i) {
    for (var k = 0; k < i; k++) if (enV(w[k])) return true;
    return false;
  }
  function replaceEnd(w, n, rep) {
    w.length -= n;
    for (var i = 0; i < rep.length; i++) w.push(rep[i]);
  }
  function stemEn(word) {
    if (Object.prototype.hasOwnProperty.call(EN_EXC1, word)) return EN_EXC1[word];
    var w = chars(word);
    if (w.length < 3) return word;
    var yFound = false;
    for (var i = 0; i < w.length; i++) {
      if (w[i] === 'y' && (i === 0 || enV(w[i - 1]))) {
        w[i] = 'Y';
        yFound = true;
      }
    }
    // mark_regions
    var p1 = w.length, p2 = w.length, j = w.join(''), pos = -1;
    if (j.startsWith('gener') || j.startsWith('arsen')) pos = 5;
    else if (j.startsWith('commun')) pos = 6;
    else {
      var k = 0;
      while (k < w.length && !enV(w[k])) k++;
      if (k < w.length) {
        k++;
        while (k < w.length && enV(w[k])) k++;
        if (k < w.length) pos = k + 1;
      }
    }
    if (pos >= 0) {
      p1 = pos;
      var m = pos;
      while (m < w.length && !enV(w[m])) m++;
      if (m < w.length) {
        m++;
        while (m < w.length && enV(w[m])) m++;
        if (m < w.length) p2 = m + 1;
      }
    }
    // Step 1a
    var s = longest(w, 0, ['sses', 'ied', 'ies', 's', 'us', 'ss'].map(chars));
    if (s) {
      var sj = s.join('');
      if (sj === 'sses') replaceEnd(w, 4, ['s', 's']);
      else if (sj === 'ied' || sj === 'ies') replaceEnd(w, 3, w.length - 3 >= 2 ? ['i'] : ['i', 'e']);
      else if (sj === 's') {
        if (w.length >= 3 && hasVowelBefore(w, w.length - 2)) w.length -= 1;
      }
    }
    j = w.join('');
    if (EN_EXC2.indexOf(j) < 0) {
      // Step 1b
      s = longest(w, 0, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly'].map(chars));
      if (s) {
        sj = s.join('');
        var start = w.length - s.length;
        if (sj === 'eed' || sj === 'eedly') {
          if (start >= p1) replaceEnd(w, s.length, ['e', 'e']);
        } else if (hasVowelBefore(w, start)) {
          w.length = start;
          var t = longest(w, 0, ['at', 'bl', 'iz', 'bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt'].map(chars));
          if (t) {
            var tj = t.join('');
            if (tj === 'at' || tj === 'bl' || tj === 'iz') w.push('e');
            else w.length -= 1;
          } else if (w.length === p1 && shortv(w, w.length)) {
            w.push('e');
          }
        }
      }
      // Step 1c
      var n = w.length;
      if (n > 2 && (w[n - 1] === 'y' || w[n - 1] === 'Y') && !enV(w[n - 2])) w[n - 1] = 'i';
      // Step 2
      var STEP2 = [['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['entli', 'ent'], ['izer', 'ize'],
        ['ization', 'ize'], ['ational', 'ate'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['aliti', 'al'], ['alli', 'al'],
        ['fulness', 'ful'], ['ousli', 'ous'], ['ousness', 'ous'], ['iveness', 'ive'], ['iviti', 'ive'], ['biliti', 'ble'],
        ['bli', 'ble'], ['ogi', 'og'], ['fulli', 'ful'], ['lessli', 'less'], ['li', '']];
      s = longest(w, 0, STEP2.map(function (x) { return chars(x[0]); }));
      if (s && w.length - s.length >= p1) {
        sj = s.join('');
        var rep = STEP2.filter(function (x) { return x[0] === sj; })[0][1];
        if (sj === 'ogi') {
          if (w[w.length - 4] === 'l') replaceEnd(w, 3, chars('og'));
        } else if (sj === 'li') {
          if (inSet(EN_LI, w[w.length - 3])) w.length -= 2;
        } else {
          replaceEnd(w, s.length, chars(rep));
        }
      }
      // Step 3
      var STEP3 = [['tional', 'tion'], ['ational', 'ate'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'], ['ical', 'ic'],
        ['ful', ''], ['ness', ''], ['ative', '']];
      s = longest(w, 0, STEP3.map(function (x) { return chars(x[0]); }));
      if (s && w.length - s.length >= p1) {
        sj = s.join('');
        if (sj === 'ative') {
          if (w.length - s.length >= p2) w.length -= s.length;
        } else {
          replaceEnd(w, s.length, chars(STEP3.filter(function (x) { return x[0] === sj; })[0][1]));
        }
      }
      // Step 4
      s = longest(w, 0, ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti',
        'ous', 'ive', 'ize', 'ion'].map(chars));
      if (s && w.length - s.length >= p2) {
        if (s.join('') === 'ion') {
          var c4 = w[w.length - 4];
          if (c4 === 's' || c4 === 't') w.length -= 3;
        } else {
          w.length -= s.length;
        }
      }
      // Step 5
      n = w.length;
      if (n && w[n - 1] === 'e') {
        if (n - 1 >= p2 || (n - 1 >= p1 && !shortv(w, n - 1))) w.length -= 1;
      } else if (n && w[n - 1] === 'l') {
        if (n - 1 >= p2 && w[n - 2] === 'l') w.length -= 1;
      }
    }
    if (yFound) for (var q = 0; q < w.length; q++) if (w[q] === 'Y') w[q] = 'y';
    return w.join('');
  }

  /* ---- the analysis of one query word (analyzer.cpp) ---- */
  var NO = 1, SV = 2, EN = 4;
  function countCp(s) { return Array.from(s).length; }
  function guard(term, word) { return countCp(term) < 4 && term !== word ? word : term; }
  function hasDigit(w) { return /[0-9]/.test(w); }

  // `stops` = {no: Set, sv: Set}. The term of a folded word in one family without the
  // lexicon (Analyzer::snowball_term).
  function snowballTerm(w, family, stops) {
    if (hasDigit(w)) return w;
    if (family === SV) return stops.sv.has(w) ? w : guard(stemSv(w), w);
    if (family === EN) return guard(stemEn(w), w);
    return stops.no.has(w) ? w : guard(stemNo(w), w);
  }
  // Analyzer::query_terms for a folded word: `lexicon(w)` gives the Norwegian term where
  // the dictionaries decide, or undefined.
  function queryTerms(folded, families, stops, lexicon) {
    var out = [];
    [NO, SV, EN].forEach(function (f) {
      if (!(families & f)) return;
      var t = f === NO && lexicon ? lexicon(folded) : undefined;
      if (t === undefined) t = snowballTerm(folded, f, stops);
      if (out.indexOf(t) < 0) out.push(t);
    });
    return out;
  }

  /* ---- the exported chunks (search_export.hpp): terms and lexicon words cut by ranges ---- */
  // The chunk holding `key`: the last chunk whose first key is <= key (code-point order).
  function chunkOf(firsts, key) {
    var lo = 0, hi = firsts.length - 1, ans = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (cmp(firsts[mid], key) <= 0) { ans = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return ans;
  }
  function cmp(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  }
  // The Norwegian term the exported lexicon gives `w`, from the chunks loaded so far
  // (`chunks[k]` = l/k.json); undefined when the lexicon leaves it to Snowball.
  function lexiconLookup(firsts, chunks, w) {
    var c = chunks[chunkOf(firsts, w)];
    return c && Object.prototype.hasOwnProperty.call(c, w) ? c[w] : undefined;
  }

  var api = { foldWord: foldWord, splitWords: splitWords, stemNo: stemNo, stemSv: stemSv, stemEn: stemEn,
    snowballTerm: snowballTerm, queryTerms: queryTerms,
    chunkOf: chunkOf, cmp: cmp, lexiconLookup: lexiconLookup, NO: NO, SV: SV, EN: EN };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.PmAnalysis = api;
})(this);
