// The JS side of the analysis identity tests: prints the site client's analysis of a word
// list in the format of tests/tools/analysis_dump.cpp (expected.tsv).
//   node analysis_identity.js WORDS DIR          (DIR holds lexicon.json and stopwords.json)
//   node analysis_identity.js WORDS DIR DATA     (DATA is a site's search/data folder: stop
//                                                 words and lexicon chunks as the site has them)
// Writes DIR/actual.tsv.
'use strict';
const fs = require('fs');
const path = require('path');
const A = require(path.join(__dirname, '..', '..', 'site', 'assets', 'pm-analysis.js'));

const [words, dir, data] = process.argv.slice(2);
const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
let stops, lookup;
if (data) {
  const meta = read(path.join(data, 'meta.json'));
  stops = { no: new Set(meta.stop_no), sv: new Set(meta.stop_sv) };
  const chunks = {};
  lookup = (w) => {
    if (!meta.lex.length) return undefined;
    const k = A.chunkOf(meta.lex, w);
    if (!chunks[k]) chunks[k] = read(path.join(data, 'l', k + '.json'));
    return A.lexiconLookup(meta.lex, chunks, w);
  };
} else {
  const lex = read(path.join(dir, 'lexicon.json'));
  const sw = read(path.join(dir, 'stopwords.json'));
  stops = { no: new Set(sw.no), sv: new Set(sw.sv) };
  lookup = (w) => (Object.prototype.hasOwnProperty.call(lex, w) ? lex[w] : undefined);
}
const out = [];
for (const word of fs.readFileSync(words, 'utf8').split('\n')) {
  if (!word) continue;
  const split = A.splitWords(word);
  const cols = [A.NO, A.SV, A.EN].map((f) => {
    if (!split.length) return '-';
    return A.queryTerms(split[0].folded, f, stops, lookup)[0];
  });
  out.push([word, ...cols].join('\t'));
}
fs.writeFileSync(path.join(dir, 'actual.tsv'), out.join('\n') + '\n');
