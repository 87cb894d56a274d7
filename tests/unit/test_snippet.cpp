#include <catch2/catch.hpp>

#include "playmaker/analysis.hpp"
#include "search/query.hpp"
#include "search/snippet.hpp"

using namespace playmaker;
using namespace playmaker::search;

namespace {

Analyzer& analyzer() {
    static Analyzer a;
    return a;
}

// The lexicon an index of `text` would hold for the text's own words (query_lexicon.hpp).
MapLexicon text_lexicon(const std::string& text) {
    MapLexicon lex;
    for (const auto& w : split_words(text)) {
        std::string t = analyzer().word_terms(w.folded, "nb").term;
        if (t != analyzer().snowball_term(w.folded, Analyzer::kNorwegian)) lex.entries[w.folded] = t;
    }
    return lex;
}

std::string snip(const std::string& query, const std::string& text, const std::string& lang = "nb",
                 std::size_t words = 24) {
    MapLexicon lexicon = text_lexicon(text);
    auto h = make_highlight(parse_query(query), analyzer(), &lexicon, Analyzer::kAll);
    return make_snippet(text, lang, h, analyzer(), words).html;
}

}  // namespace

TEST_CASE("snippets are escaped first, then marked") {
    CHECK(snip("kommune", "<b>Kommunen</b> & \"kommuner\" i <i>fylket</i>'") ==
          "&lt;b&gt;<mark>Kommunen</mark>&lt;/b&gt; &amp; &quot;<mark>kommuner</mark>&quot; i &lt;i&gt;fylket&lt;/i&gt;&#39;");
    // Markup in the text never survives as markup, even when it holds a match.
    CHECK(snip("script", "<script>alert(1)</script>").find("<script>") == std::string::npos);
}

TEST_CASE("snippets mark inflections, compound parts and phrases") {
    CHECK(snip("rolle", "Steinkjer tok entreprenørrollen.") == "Steinkjer tok <mark>entreprenørrollen</mark>.");
    CHECK(snip("\"inn på tunet\"", "Tilbud som inn på tunet gir, og inn i huset") ==
          "Tilbud som <mark>inn på tunet</mark> gir, og inn i huset");
    CHECK(snip("sentralis*", "Sentraliseringen gjør det vanskelig") == "<mark>Sentraliseringen</mark> gjør det vanskelig");
    CHECK(snip("kommune", "Kommunerna upphandlar", "sv") == "<mark>Kommunerna</mark> upphandlar");
    CHECK(snip("-kommune", "kommunen").empty());  // exclusions are never marked
    CHECK(snip("fylke", "ingen treff her").empty());
}

TEST_CASE("a snippet is the best window, cut with an ellipsis") {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "ord" + std::to_string(i) + " ";
    text += "kommune og fylke ";
    for (int i = 0; i < 40; ++i) text += "slutt" + std::to_string(i) + " ";
    std::string s = snip("kommune fylke", text, "nb", 10);
    CHECK(s.starts_with("…"));
    CHECK(s.ends_with("…"));
    CHECK(s.find("<mark>kommune</mark> og <mark>fylke</mark>") != std::string::npos);
    // The window holding both terms wins over an earlier one holding one.
    s = snip("kommune fylke", "kommune " + text, "nb", 10);
    CHECK(s.find("<mark>fylke</mark>") != std::string::npos);
}
