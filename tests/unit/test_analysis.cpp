#include <catch2/catch.hpp>

#include "playmaker/analysis.hpp"

using playmaker::Analyzer;

namespace {

Analyzer& analyzer() {
    static Analyzer a;
    return a;
}

std::string term(const std::string& word, const std::string& lang = "nb") {
    std::vector<playmaker::Token> t;
    analyzer().analyze(word, lang, t);
    return t.empty() ? std::string() : t[0].term;
}

std::vector<std::string> all_terms(const std::string& word, const std::string& lang = "nb") {
    std::vector<playmaker::Token> t;
    analyzer().analyze(word, lang, t);
    std::vector<std::string> out;
    for (auto& x : t) out.push_back(x.term);
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("every inflected form of a bokmål word meets its lemma") {
    CHECK(term("innvandrer") == term("innvandrere"));
    CHECK(term("innvandrer") == term("innvandrerne"));
    CHECK(term("kommune") == term("kommunene"));
    CHECK(term("grense") == term("grenser"));
}

TEST_CASE("nynorsk forms meet bokmål ones") {
    CHECK(term("kommunane", "nn") == term("kommunene"));
    CHECK(term("kommunar", "nn") == term("kommuner"));
    CHECK(term("innbyggjarane", "nn") == term("innbyggerne"));
    CHECK(term("partar", "nn") == term("parter"));
}

TEST_CASE("words never fall in with unrelated short words") {
    CHECK(term("år") != term("ar"));
    CHECK(term("gård") != term("går"));
    CHECK(term("demens") != term("dem"));
    // hunspell's derivational prefixes (u-, sam-) are not stripped.
    CHECK(term("ufullstendige") != term("fullstendige"));
    CHECK(term("samspilla") != term("spilla"));
}

TEST_CASE("case and accents fold, but not å æ ø ä ö") {
    CHECK(term("IDÉ") == term("ide"));
    CHECK(term("Kafé") == term("kafe"));
    CHECK(playmaker::fold_word("ÅRØÆÄÖ") == "årøæäö");
    CHECK(playmaker::fold_word("Ære") != playmaker::fold_word("Are"));
}

TEST_CASE("compounds are split against the lexicon, parts beside the whole word") {
    auto t = all_terms("næringsutviklingsrolle");
    CHECK(has(t, term("næringsutvikling")));
    CHECK(has(t, term("rolle")));
    t = all_terms("havbruksfondet");
    CHECK(has(t, term("havbruk")));
    CHECK(has(t, term("fond")));
    t = all_terms("entreprenørrollen");
    CHECK(has(t, term("rolle")));
    t = all_terms("innkjøpsregelverket");
    CHECK(has(t, term("regelverk")));
}

TEST_CASE("a compound's first part is never its lemma") {
    // hunspell stems an uninflected compound it builds itself to its first part only.
    CHECK(term("ressurslogikk") != term("ressurs"));
    CHECK(term("ressurslogikk") == term("ressurslogikken"));
    CHECK(term("ressurslogikk") == term("ressurslogikker"));
    CHECK(term("skolebokprosjekt") != term("skolebok"));
    CHECK(term("skolebøkene") == term("skolebok"));
    CHECK(term("ressursbøkene") == term("ressursbok"));
    // The first part is still found, as a part.
    CHECK(has(all_terms("ressurslogikk"), term("ressurs")));
    CHECK(has(all_terms("ressurslogikk"), term("logikk")));
}

TEST_CASE("non-compounds are not split into junk") {
    CHECK(all_terms("kommunane", "nn").size() == 1);
    CHECK(all_terms("kontroll").size() == 1);
    CHECK(all_terms("innvandrer").size() == 1);
    CHECK(!has(all_terms("sektorgrenser"), "sek"));
}

TEST_CASE("Swedish words are stemmed with Snowball swedish") {
    CHECK(term("kommunerna", "sv") == term("kommuner", "sv"));
    CHECK(term("företagare", "sv") == term("företagarna", "sv"));
}

TEST_CASE("offsets point into the original text, one primary token per word") {
    std::vector<playmaker::Token> t;
    std::string text = "Å  havbruksfondet, \xff X";
    analyzer().analyze(text, "nb", t);
    REQUIRE(t.size() >= 3);
    CHECK(text.substr(t[0].start, t[0].end - t[0].start) == "Å");
    CHECK(text.substr(t[1].start, t[1].end - t[1].start) == "havbruksfondet");
    int primaries = 0;
    for (auto& x : t) primaries += x.colocated ? 0 : 1;
    CHECK(primaries == 3);  // Å, havbruksfondet, X — the invalid byte gives nothing
}

TEST_CASE("a query word gives one term per language family, without repeats") {
    auto q = analyzer().query_terms("kommunene", nullptr);
    REQUIRE(!q.empty());
    CHECK(q[0] == term("kommunene"));
    CHECK(analyzer().query_terms("...", nullptr).empty());
}

TEST_CASE("a query word's Norwegian term comes from the lexicon, else from Snowball, never the dictionaries") {
    Analyzer a;
    playmaker::MapLexicon lex;
    lex.entries = {{"innbyggere", "innbygger"}, {"og", "x"}};
    const unsigned no = Analyzer::kNorwegian;
    CHECK(a.query_terms("Innbyggere", &lex, no) == std::vector<std::string>{"innbygger"});
    // Absent from the lexicon: Snowball's term, whatever the dictionaries would say.
    CHECK(a.query_terms("mangelende", &lex, no) == std::vector<std::string>{a.snowball_term("mangelende", no)});
    CHECK(a.query_terms("ressurslogikken", nullptr, no)[0] == a.snowball_term("ressurslogikken", no));
    CHECK(a.query_terms("og", &lex, no) == std::vector<std::string>{"og"});  // a stop word stays itself
    CHECK(has(a.query_terms("innbyggere", &lex), a.snowball_term("innbyggere", Analyzer::kSwedish)));
    CHECK_FALSE(a.dictionaries_loaded());
}

TEST_CASE("the version names the lexicon") {
    CHECK(analyzer().version().find("lexicon-") != std::string::npos);
}
