// The JS side of the analysis identity test: prints the site client's analysis of a word
// list in the format of tests/tools/analysis_dump.cpp (expected.tsv).
//   node analysis_identity.js WORDS DIR   (DIR holds lexicon.json and stopwords.json)
'use strict';
const fs = require('fs');
const path = require('path');
const A = require(path.join(__dirname, '..', '..', 'site', 'assets', 'pm-analysis.js'));

const [words, dir] = process.argv.slice(2);
const lex = JSON.parse(fs.readFileSync(path.join(dir, 'lexicon.json'), 'utf8'));
const sw = JSON.parse(fs.readFileSync(path.join(dir, 'stopwords.json'), 'utf8'));
const stops = { no: new Set(sw.no), sv: new Set(sw.sv) };
const lookup = (w) => (Object.prototype.hasOwnProperty.call(lex, w) ? lex[w] : undefined);
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
