// Prints the core's analysis of a word list, for the JS/C++ identity test
// (tests/e2e/test_search_identity.py):
//   analysis_dump WORDS OUT_DIR
// writes OUT_DIR/expected.tsv (word, then the Norwegian, Swedish and English term, tab-
// separated; "-" when the word gives no token), OUT_DIR/lexicon.json (the lexicon decisions
// for the words, as the site exports them) and OUT_DIR/stopwords.json.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <playmaker/analysis.hpp>
#include <playmaker/search_export.hpp>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: analysis_dump WORDS OUT_DIR\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    std::vector<std::string> words;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) words.push_back(line);
    }
    std::string dir = argv[2];
    playmaker::Analyzer a;
    std::ofstream tsv(dir + "/expected.tsv");
    for (const auto& w : words) {
        tsv << w;
        for (unsigned f : {playmaker::Analyzer::kNorwegian, playmaker::Analyzer::kSwedish, playmaker::Analyzer::kEnglish}) {
            auto t = a.query_terms(w, f);
            tsv << '\t' << (t.empty() ? "-" : t[0]);
        }
        tsv << '\n';
    }
    std::ofstream lex(dir + "/lexicon.json");
    lex << "{";
    bool first = true;
    for (const auto& [w, t] : playmaker::lexicon_exceptions(words)) {
        lex << (first ? "" : ",") << playmaker::json_quote(w) << ":" << playmaker::json_quote(t);
        first = false;
    }
    lex << "}\n";
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
