// The index's query lexicon (Analyzer::query_terms): the Norwegian words whose term at query
// time is the one the text analysis gives (hunspell's lemma, then Snowball), kept where
// that term is not Snowball's. It is computed when the index is built, for every word the
// documents hold and the words related to them (related_words), and kept in the table
// `lexicon`; `playmaker search` and the static site's client (which gets the table as it
// is) both analyse a query word by it, so they agree on every word by construction.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "playmaker/analysis.hpp"
#include "search/db.hpp"

namespace playmaker::search {

// Adds to `words` (folded) the words related to them, whose query term must also follow
// the text analysis so that a query word absent from the content, but a form of a word
// that is there, meets it: every form of their lemmas (hunspell's stems, the core's lemma,
// the compound parts; their forms by hunspell's suffix rules, nynorsk `-jar/-ar` ↔ bokmål
// `-er` twins included) and, for a lemma that is no headword (a compound), its prefix +
// every form of the longest headword that ends it (ressurslogikken → ressurslogikkene,
// ressursbøkene → ressursbøker). Reads the dictionaries.
void add_related_words(std::set<std::string>& words);

// Brings the lexicon up to date with words the documents hold (`seen`, from
// Analyzer::collect_words; repeats allowed): words it has covered before are skipped, the
// others are recorded (`lexicon_sources`), and they and their related words are analysed
// through `analyzer`, whose store (the index's VocabStore) then writes every newly analysed
// word and its lexicon entry on flush. False when no word was new (the dictionaries stay
// unloaded). Words of deleted documents stay covered until the index is built afresh.
bool extend_lexicon(Db& db, Analyzer& analyzer, std::vector<std::string>& seen, bool lookup);

// A hash of the whole table (word and term of every row, in order), kept in the index's
// meta as "lexicon", so that the site export can tell it did not change without reading it.
std::string lexicon_hash(const Db& db);

// The table as a QueryLexicon, for queries on an open index.
class LexiconTable : public QueryLexicon {
public:
    explicit LexiconTable(const Db& db);
    bool find(std::string_view folded_word, std::string& term) override;

private:
    Stmt find_;
};

}  // namespace playmaker::search
