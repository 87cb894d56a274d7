#include "search/query_lexicon.hpp"

#include <algorithm>

#include "search/lexicon.hpp"
#include "search/paradigm.hpp"
#include "search/store.hpp"

namespace playmaker::search {
namespace {

// Adds `prefix` + every folded form of `lemma`: its forms in either dictionary and those
// of its nynorsk or bokmål agent-noun twin (innbyggjar, innbyggar ↔ innbygger, as in the
// lexicon's lemma). False when neither dictionary has the lemma.
bool lemma_forms(Paradigms& para, const std::string& lemma, const std::string& prefix, std::set<std::string>& out) {
    auto own = para.forms(lemma);
    std::vector<std::string> twins;
    if (lemma.ends_with("er")) {
        twins = {lemma.substr(0, lemma.size() - 2) + "jar", lemma.substr(0, lemma.size() - 2) + "ar"};
    } else if (lemma.ends_with("ar")) {
        twins = {lemma.substr(0, lemma.size() - (lemma.ends_with("jar") ? 3 : 2)) + "er"};
    }
    for (const auto& t : twins) {
        for (auto& f : para.forms(t)) own.push_back(std::move(f));
    }
    if (own.empty()) return false;
    for (const auto& f : own) {
        auto ws = split_words(f);
        if (prefix.empty()) {
            for (auto& x : ws) out.insert(std::move(x.folded));
        } else if (ws.size() == 1) {
            out.insert(prefix + ws[0].folded);
        }
    }
    return true;
}

}  // namespace

void add_related_words(std::set<std::string>& words) {
    Paradigms para;
    Lexicon lex("");
    std::set<std::string> heads, more;
    for (const auto& w : words) {
        for (auto& l : para.lemmas(w)) heads.insert(std::move(l));
        heads.insert(lex.lemma(w));
        for (auto& p : lex.split(w)) heads.insert(std::move(p));
    }
    heads.erase("");
    for (const auto& h : heads) {
        if (lemma_forms(para, h, "", more)) continue;
        auto b = split_words(h).size() == 1 ? h : std::string();
        for (std::size_t i = 1; i + 3 <= b.size(); ++i) {
            if ((static_cast<unsigned char>(b[i]) & 0xC0) == 0x80) continue;
            if (lemma_forms(para, b.substr(i), b.substr(0, i), more)) break;
        }
    }
    words.merge(more);
}

bool extend_lexicon(Db& db, Analyzer& analyzer, std::vector<std::string>& seen, bool lookup) {
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    std::set<std::string> fresh;
    {
        Stmt known(db, "SELECT 1 FROM lexicon_sources WHERE word = ?1");
        Stmt add(db, "INSERT INTO lexicon_sources(word) VALUES(?1)");
        for (const auto& w : seen) {
            // A word with a digit is its own term and Snowball's, and no form of a lemma.
            if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
            if (lookup) {
                known.bind(1, w);
                bool found = known.step();
                known.reset();
                if (found) continue;
            }
            add.bind(1, w).run();
            fresh.insert(w);
        }
    }
    if (fresh.empty()) return false;
    add_related_words(fresh);
    // Words the vocabulary holds are decided already; the others are analysed now and
    // reach the vocabulary and the lexicon through the store.
    for (const auto& w : fresh) analyzer.word_terms(w, "nb");
    return true;
}

std::string lexicon_hash(const Db& db) {
    Stmt st(db, "SELECT word, term FROM lexicon ORDER BY word");
    std::string all;
    while (st.step()) {
        all.append(st.view(0));
        all += '\t';
        all.append(st.view(1));
        all += '\n';
    }
    return content_hash(all);
}

LexiconTable::LexiconTable(const Db& db) : find_(db, "SELECT term FROM lexicon WHERE word = ?1") {}

bool LexiconTable::find(std::string_view folded_word, std::string& term) {
    find_.bind(1, folded_word);
    bool found = find_.step();
    if (found) term = find_.text(0);
    find_.reset();
    return found;
}

}  // namespace playmaker::search
