// Prints the core's query analysis of a word list, for the JS/C++ identity tests
// (tests/e2e/test_search_identity*.py):
//   analysis_dump WORDS OUT_DIR [INDEX]
// writes OUT_DIR/expected.tsv (word, then the Norwegian, Swedish and English term, tab-
// separated; "-" when the word gives no token) and OUT_DIR/stopwords.json. With INDEX the
// terms are the index's own query terms (Index::query_terms: its lexicon, else Snowball),
// as `playmaker search` analyses a query. Without it the lexicon is the text analysis's
// decisions for the words themselves (lexicon_exceptions), written to OUT_DIR/lexicon.json.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <playmaker/analysis.hpp>
#include <playmaker/index.hpp>
#include <playmaker/search_export.hpp>

int main(int argc, char** argv) {
    if (argc != 3 && argc != 4) {
        std::cerr << "usage: analysis_dump WORDS OUT_DIR [INDEX]\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    std::vector<std::string> words;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) words.push_back(line);
    }
    std::string dir = argv[2];
    playmaker::Analyzer a;
    std::unique_ptr<playmaker::Index> index;
    playmaker::MapLexicon lex;
    if (argc == 4) {
        index = playmaker::Index::open(argv[3]);
    } else {
        auto decided = playmaker::lexicon_exceptions(words);
        lex.entries.insert(decided.begin(), decided.end());
        std::ofstream out(dir + "/lexicon.json");
        out << "{";
        bool first = true;
        for (const auto& [w, t] : lex.entries) {
            out << (first ? "" : ",") << playmaker::json_quote(w) << ":" << playmaker::json_quote(t);
            first = false;
        }
        out << "}\n";
    }
    std::ofstream tsv(dir + "/expected.tsv");
    for (const auto& w : words) {
        tsv << w;
        for (unsigned f : {playmaker::Analyzer::kNorwegian, playmaker::Analyzer::kSwedish, playmaker::Analyzer::kEnglish}) {
            auto t = index ? index->query_terms(w, f) : a.query_terms(w, &lex, f);
            tsv << '\t' << (t.empty() ? "-" : t[0]);
        }
        tsv << '\n';
    }
    std::ofstream stop(dir + "/stopwords.json");
    stop << "{";
    for (auto [name, fam] : {std::pair{"no", playmaker::Analyzer::kNorwegian}, {"sv", playmaker::Analyzer::kSwedish}}) {
        stop << (name[0] == 'n' ? "" : ",") << "\"" << name << "\":[";
        auto list = a.stopwords(fam);
        for (std::size_t i = 0; i < list.size(); ++i) stop << (i ? "," : "") << playmaker::json_quote(list[i]);
        stop << "]";
    }
    stop << "}\n";
    return 0;
}
