// The bibtex importer's parser, on exports as Zotero and JabRef write them.
#include <catch2/catch.hpp>

#include "bibtex_parser.hpp"
#include "util/text.hpp"

using namespace playmaker;

namespace {

std::vector<Reference> load(const std::string& file, Diagnostics& d) {
    std::vector<Reference> refs;
    bibtex::parse(text::read_file(std::string(PLAYMAKER_FIXTURES) + "/bibtex/" + file), "literature/" + file, refs, d);
    return refs;
}

const Reference& by_id(const std::vector<Reference>& refs, const std::string& id) {
    for (const auto& r : refs) {
        if (r.id == id) return r;
    }
    FAIL("no reference " << id);
    throw 0;
}

}  // namespace

TEST_CASE("a Zotero export becomes CSL references", "[bibtex]") {
    Diagnostics d;
    auto refs = load("zotero.bib", d);
    CHECK(d.all().empty());
    REQUIRE(refs.size() == 5);

    const auto& book = by_id(refs, "stene_samfunnsentreprenorskap_2013");
    CHECK(book.type == "book");
    CHECK(book.title == "Samfunnsentreprenørskap: Hvordan skape nye løsninger");
    CHECK(book.authors[0].family == "Stene");
    CHECK(book.authors[0].given == "Morten");
    CHECK(book.issued.year == 2013);
    CHECK(book.publisher == "Universitetsforlaget");
    CHECK(book.publisher_place == "Oslo");
    CHECK(book.line == 2);

    const auto& art = by_id(refs, "loga_samskaping_2018");
    CHECK(art.type == "article-journal");
    CHECK(art.container_title == "Tidsskrift for samfunnsforskning");
    CHECK(art.issue == "1");
    CHECK(art.volume == "21");
    CHECK(art.page == "5–22");
    CHECK(art.issued.month == 3);
    CHECK(art.doi == "10.18261/issn.0809-2052-2018-01-01");

    const auto& ch = by_id(refs, "wenger_praksisfellesskap_2004");
    CHECK(ch.type == "chapter");
    CHECK(ch.authors.size() == 2);
    CHECK(ch.authors[1].family == "Nake");
    CHECK(ch.editors[0].family == "Illeris");
    CHECK(ch.container_title == "Læring i praksis");
    CHECK(ch.edition == "2");

    const auto& rep = by_id(refs, "distriktssenteret_2018");
    CHECK(rep.type == "report");
    CHECK(rep.authors[0].literal == "Distriktssenteret");
    CHECK(rep.number == "3/2018");
    CHECK(rep.genre == "Rapport");

    const auto& web = by_id(refs, "ks_2019");
    CHECK(web.type == "webpage");
    CHECK(web.accessed.year == 2019);
    CHECK(web.accessed.day == 1);
}

TEST_CASE("a JabRef export with LaTeX escapes and @string macros", "[bibtex]") {
    Diagnostics d;
    auto refs = load("jabref.bib", d);
    CHECK(d.all().empty());
    REQUIRE(refs.size() == 3);
    const auto& b = by_id(refs, "Sorensen2017");
    REQUIRE(b.authors.size() == 3);
    CHECK(b.authors[0].family == "Sørensen");
    CHECK(b.authors[2].family == "Århus");
    CHECK(b.title == "Samstyring i Norden");
    CHECK(b.publisher == "Universitetsforlaget");
    const auto& t = by_id(refs, "Bjorn2016");
    CHECK(t.type == "thesis");
    CHECK(t.authors[0].family == "Björn");
    CHECK(t.authors[1].given == "Hélène");
    CHECK(t.authors[1].family == "Dupont");
    CHECK(t.publisher == "Nord universitet");
    CHECK(t.title == "Sosiale entreprenører i distrikts-Norge");
    const auto& o = by_id(refs, "Regjeringen2019");
    CHECK(o.type == "webpage");
    CHECK(o.title == "Meld. St. 5 (2019–2020) Levende lokalsamfunn for fremtiden");
    CHECK(o.issued.year == 2019);
    CHECK(o.issued.month == 10);
}

TEST_CASE("malformed entries are located and skipped; the rest load", "[bibtex]") {
    Diagnostics d;
    auto refs = load("malformed.bib", d);
    std::vector<std::string> ids;
    for (const auto& r : refs) ids.push_back(r.id);
    CHECK(ids == std::vector<std::string>{"ok2013", "ok2016"});
    std::string all;
    for (const auto& x : d.all()) all += x.format() + "\n";
    INFO(all);
    CHECK(all.find("literature/malformed.bib:7:7: error: expected the citation key") != std::string::npos);
    CHECK(all.find("literature/malformed.bib:12:11: error: unbalanced braces") != std::string::npos);
    CHECK(all.find("literature/malformed.bib:17:9: error: expected '=' after field 'title'") != std::string::npos);
    CHECK(all.find("literature/malformed.bib:29:10: error: malformed year or date 'tjuesytten'") != std::string::npos);
    CHECK(all.find("literature/malformed.bib:32:1: error: entry 'empty2018' has neither author nor title") != std::string::npos);
}

TEST_CASE("LaTeX escapes become UTF-8", "[bibtex]") {
    CHECK(bibtex::latex_to_utf8("{\\o}{\\O}{\\aa}{\\AA}{\\ae}{\\AE}") == "øØåÅæÆ");
    CHECK(bibtex::latex_to_utf8("\\\"o \\\"{a} \\'e \\`e \\^o \\ss") == "ö ä é è ô ß");
    CHECK(bibtex::latex_to_utf8("S\\o ren") == "Søren");
    CHECK(bibtex::latex_to_utf8("R\\&D 50\\%") == "R&D 50%");
    CHECK(bibtex::latex_to_utf8("12--20") == "12–20");
    CHECK(bibtex::latex_to_utf8("\\emph{viktig}") == "viktig");
}

TEST_CASE("hostile BibTeX never crashes", "[bibtex][hostile]") {
    for (std::string in : {std::string("@"), std::string("@book{"), std::string("@book{k,"),
                           std::string(100000, '{'), std::string("@book{k, title = ") + std::string(5000, '{'),
                           std::string("@string{a = b # c}"), std::string("@book(k, title = \"x\")")}) {
        Diagnostics d;
        std::vector<Reference> refs;
        bibtex::parse(in, "x.bib", refs, d);
        SUCCEED();
    }
}
