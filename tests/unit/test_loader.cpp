// The loader: front matter, fields, Markdown body, citations and links, with positions.
#include <catch2/catch.hpp>

#include "playmaker/corpus.hpp"
#include "util/utf8.hpp"

using namespace playmaker;

namespace {

Item parse(const std::string& text, Diagnostics& d, const std::string& name = "cases/eksempel.md") {
    Item item;
    parse_item(text, name, item, d);
    return item;
}

bool has(const Diagnostics& d, const std::string& formatted_part) {
    for (const auto& x : d.all()) {
        if (x.format().find(formatted_part) != std::string::npos) return true;
    }
    return false;
}

std::string dump(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.all()) out += x.format() + "\n";
    return out;
}

}  // namespace

TEST_CASE("an item's kind comes from its folder and its id from the file name", "[loader]") {
    Diagnostics d;
    Item item = parse("---\ntitle: Bolystteamet\nsummary: S.\ndate: 2019-03-01\n---\nTekst.\n", d,
                      "cases/steinkjer-bolystteam.md");
    INFO(dump(d));
    CHECK(d.all().empty());
    CHECK(item.kind == Kind::Case);
    CHECK(item.id == "steinkjer-bolystteam");
    CHECK(item.title == "Bolystteamet");
    CHECK(item.lang == "nb");
    CHECK(item.body_line == 6);
    CHECK(item.body_html() == "<p>Tekst.</p>\n");
    CHECK(item.body_text() == "Tekst.");
}

TEST_CASE("every front-matter field is read", "[loader]") {
    Diagnostics d;
    Item item = parse(
        "---\n"
        "title: Inn på tunet\n"
        "summary: Velferdstjenester på gården.\n"
        "lang: nn\n"
        "themes: [landbruk, helse]\n"
        "roles: [playmaker]\n"
        "sectors: [offentlig, næringsliv]\n"
        "municipalities: [\"5006\", 5043]\n"
        "date: 2019-03-01\n"
        "updated: 2020-01\n"
        "period: \"2015–2017\"\n"
        "outcome: Tjenester kjøpt av kommunen.\n"
        "sources: [stene2013]\n"
        "related: [steinkjer-bolystteam]\n"
        "---\n",
        d);
    INFO(dump(d));
    CHECK(d.all().empty());
    CHECK(item.lang == "nn");
    CHECK(item.themes == std::vector<std::string>{"landbruk", "helse"});
    CHECK(item.municipalities == std::vector<std::string>{"5006", "5043"});
    CHECK(item.period == "2015–2017");
    CHECK(item.year() == 2019);
    CHECK(item.where("themes.1").line == 5);
    CHECK(item.where("themes.1").col == 20);
}

TEST_CASE("citations and links are found with their file positions", "[loader]") {
    Diagnostics d;
    Item item = parse(
        "---\ntitle: T\nsummary: S\ndate: 2019\n---\n"
        "Som @loga2018 viser, og andre [@stene2013; @stene2015, s. 12].\n"
        "Se [[inn-pa-tunet]] og e-post post@kommune.no.\n"
        "`@ikke2000` og [lenke](https://example.org) er ikke sitater.\n"
        "```\n@heller2001 [@ikke2002]\n```\n",
        d);
    INFO(dump(d));
    REQUIRE(item.citations.size() == 2);
    CHECK(item.citations[0].narrative);
    CHECK(item.citations[0].refs[0].key == "loga2018");
    CHECK(item.citations[0].pos.line == 6);
    CHECK(item.citations[0].pos.col == 5);
    CHECK_FALSE(item.citations[1].narrative);
    REQUIRE(item.citations[1].refs.size() == 2);
    CHECK(item.citations[1].refs[1].key == "stene2015");
    CHECK(item.citations[1].refs[1].locator == "s. 12");
    CHECK(item.citations[1].refs[1].pos.col == 44);
    REQUIRE(item.links.size() == 1);
    CHECK(item.links[0].target == "inn-pa-tunet");
    CHECK(item.links[0].pos.line == 7);
    CHECK(item.links[0].pos.col == 4);
    CHECK(item.cited_keys() == std::vector<std::string>{"loga2018", "stene2013", "stene2015"});
}

TEST_CASE("raw HTML in the body is not passed through", "[loader]") {
    Diagnostics d;
    Item item = parse("---\ntitle: T\n---\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n", d);
    CHECK(item.body_html().find("<script>") == std::string::npos);
    CHECK(item.body_html().find("javascript:") == std::string::npos);
}

TEST_CASE("field errors are located at their line and column", "[loader][validation]") {
    Diagnostics d;
    parse("---\ntitle: T\nlang: de\ndate: 2019-02-30\nthemes: samskaping\n---\n", d);
    CHECK(has(d, "cases/eksempel.md:3:7: error: unknown lang 'de'"));
    CHECK(has(d, "cases/eksempel.md:4:7: error: bad date '2019-02-30'"));
    CHECK(has(d, "cases/eksempel.md:5:9: error: 'themes' must be a list"));
}

TEST_CASE("a missing or non-text title is an error", "[loader][validation]") {
    Diagnostics d1, d2, d3;
    parse("---\nsummary: S\n---\n", d1);
    CHECK(has(d1, "cases/eksempel.md:1:1: error: missing 'title'"));
    parse("---\ntitle: [a, b]\n---\n", d2);
    CHECK(has(d2, "cases/eksempel.md:2:8: error: 'title' must be text"));
    parse("---\ntitle: \"\"\n---\n", d3);
    CHECK(has(d3, "error: 'title' is empty"));
}

TEST_CASE("a missing summary or date is only a warning", "[loader][validation]") {
    Diagnostics d;
    parse("---\ntitle: T\n---\n", d);
    CHECK(d.errors() == 0);
    CHECK(d.warnings() == 2);
}

TEST_CASE("an id that cannot be a URL is an error", "[loader][validation]") {
    Diagnostics d;
    parse("---\ntitle: T\n---\n", d, "cases/Røyrvik_Hytter.md");
    CHECK(has(d, "cases/Røyrvik_Hytter.md: error: id 'Røyrvik_Hytter'"));
}

TEST_CASE("an id that names a site's list page is an error", "[loader][validation]") {
    Diagnostics d;
    parse("---\ntitle: T\n---\n", d, "cases/index.md");
    CHECK(has(d, "cases/index.md: error: id 'index' is reserved"));
    Taxonomy t;
    parse_taxonomy("themes:\n  - id: index\n    nb: Indeks\n", "taxonomy.yaml", t, d);
    CHECK(has(d, "taxonomy.yaml:2:9: error: term id 'index' is reserved"));
}

TEST_CASE("malformed YAML is reported at its line in the file", "[loader][validation]") {
    Diagnostics d;
    parse("---\ntitle: T\nthemes: [a, b\nsummary: x\n---\n", d);
    REQUIRE(d.errors() >= 1);
    CHECK(d.all()[0].message.find("malformed YAML") != std::string::npos);
    CHECK(d.all()[0].line >= 3);
}

TEST_CASE("a duplicate YAML key is an error, not silently the first", "[loader][validation]") {
    Diagnostics d;
    parse("---\ntitle: A\nsummary: S\ntitle: B\n---\n", d);
    CHECK(has(d, "cases/eksempel.md:4:1: error: duplicate key 'title'"));
}

TEST_CASE("an unclosed quote is reported where it opens, not swallowed", "[loader][validation]") {
    Diagnostics d;
    parse("---\ntitle: \"Bolyst\nsummary: S\n---\n", d);
    CHECK(has(d, "cases/eksempel.md:2:8: error: unclosed double quote"));
}

TEST_CASE("unknown fields are warned about with a suggestion", "[loader][validation]") {
    Diagnostics d;
    parse("---\ntitle: T\nsumary: S\ndate: 2019\n---\n", d);
    CHECK(has(d, "cases/eksempel.md:3:1: warning: unknown field 'sumary' in front matter (did you mean 'summary'?)"));
}

TEST_CASE("invalid UTF-8 is reported at the first bad byte", "[loader][validation]") {
    Diagnostics d;
    parse("---\ntitle: T\nsummary: bad \xff here\n---\n", d);
    CHECK(has(d, "cases/eksempel.md:3:14: error: not valid UTF-8"));
}

TEST_CASE("hostile files give a located error and never crash", "[loader][hostile]") {
    std::vector<std::string> inputs = {
        "",
        "---",
        "---\n",
        "---\n---\n",
        std::string("\0\1\2\3binary\xff\xfe", 12),
        "---\ntitle: " + std::string(5 * 1024 * 1024, 'x') + "\n---\n",
        "---\ntitle: " + std::string(100000, '[') + "\n---\n",
        "---\ntitle: T\n" + std::string(2000, '-') + " x\n---\n",
        "---\ntitle: T\nsummary: nothing closes\n",
        "---\ntitle: \"open\nsummary: swallowed\nlang: nb\n---\n",
        "---\n- a\n- b\n---\n",
        "---\n: :\n---\n",
        "---\ntitle: &a [*a]\n---\n",
        "---\ntitle: !!binary x\n---\n",
        "no front matter at all\n",
    };
    for (const auto& in : inputs) {
        Diagnostics d;
        Item item;
        bool ok = parse_item(in, "findings/x.md", item, d);
        INFO(in.substr(0, 40));
        if (!ok) {
            REQUIRE(d.errors() >= 1);
            CHECK(d.all()[0].path == "findings/x.md");
        }
    }
}

TEST_CASE("CSL-JSON entries are located at their line", "[loader][literature]") {
    Diagnostics d;
    std::vector<Reference> refs;
    parse_csl_json(
        "[\n"
        "  {\"id\": \"stene2013\", \"type\": \"book\", \"author\": [{\"family\": \"Stene\", \"given\": \"Morten\"}],\n"
        "   \"issued\": {\"date-parts\": [[2013]]}, \"title\": \"Samfunnsentreprenørskap\"},\n"
        "  {\"id\": \"tom\", \"type\": \"book\"},\n"
        "  {\"id\": \"baddate\", \"title\": \"X\", \"type\": \"book\", \"issued\": {\"date-parts\": [[2013, 14]]}}\n"
        "]\n",
        "literature/references.json", refs, d);
    REQUIRE(refs.size() == 2);
    CHECK(refs[0].id == "stene2013");
    CHECK(refs[0].line == 2);
    CHECK(refs[0].authors[0].family == "Stene");
    CHECK(refs[0].issued.year == 2013);
    CHECK(has(d, "literature/references.json:4:3: error: entry 'tom' has neither author nor title"));
    CHECK(has(d, "literature/references.json:5:84: error: malformed date in 'issued'"));
}

TEST_CASE("malformed JSON is reported at its position", "[loader][literature]") {
    Diagnostics d;
    std::vector<Reference> refs;
    parse_csl_json("[\n  {\"id\": \"a\",\n   \"title\" \"x\"}\n]", "literature/x.json", refs, d);
    CHECK(refs.empty());
    CHECK(has(d, "literature/x.json:3:12: error: malformed JSON: expected ':' after the key"));
    Diagnostics deep;
    parse_csl_json(std::string(100000, '['), "literature/deep.json", refs, deep);
    CHECK(deep.errors() == 1);
}

TEST_CASE("profiles are read and checked", "[loader][profiles]") {
    Diagnostics d;
    Profile p;
    REQUIRE(parse_profile("municipality: \"5006\"\nmålform: bokmål\ndrivers: [demografi]\npages: 8\n"
                          "sections:\n  forord: |\n    Tekst med \"anførsel\n",
                          "profiles/steinkjer.yaml", p, d));
    INFO(dump(d));
    CHECK(d.all().empty());
    CHECK(p.id == "steinkjer");
    CHECK(p.municipality == "5006");
    CHECK(p.pages == 8);
    CHECK(p.sections.at("forord").find("anførsel") != std::string::npos);

    Diagnostics bad;
    Profile q;
    parse_profile("municipality: \"5006\"\nmålform: samisk\npages: 0\n", "profiles/x.yaml", q, bad);
    CHECK(has(bad, "profiles/x.yaml:2:10: error: målform 'samisk' must be bokmål, nynorsk or nøytral"));
    CHECK(has(bad, "profiles/x.yaml:3:8: error: pages must be a page budget above 0"));
}

TEST_CASE("the taxonomy is read with labels in both written standards", "[loader][taxonomy]") {
    Diagnostics d;
    Taxonomy t;
    parse_taxonomy("themes:\n  - id: samskaping\n    nb: Samskaping\n    nn: Samskaping\n    definition: D.\n"
                   "roles:\n  - id: forvalter\n    nb: Forvalter\n    nn: Forvaltar\n",
                   "taxonomy.yaml", t, d);
    CHECK(d.all().empty());
    REQUIRE(t.find("role", "forvalter"));
    CHECK(t.find("role", "forvalter")->label("nn") == "Forvaltar");
    CHECK(closest_match("samskapning", {"samskaping", "samstyring"}) == "samskaping");
    CHECK(closest_match("xyz", {"samskaping"}).empty());
}

TEST_CASE("Latin-1 conversion for the dictionaries keeps æøå and refuses what it cannot hold", "[utf8]") {
    std::string l1;
    REQUIRE(playmaker::utf8::to_latin1("bærøy på", l1));
    CHECK(l1 == "b\xe6r\xf8y p\xe5");
    CHECK(playmaker::utf8::from_latin1(l1) == "bærøy på");
    CHECK_FALSE(playmaker::utf8::to_latin1("ŋ", l1));
    CHECK_FALSE(playmaker::utf8::to_latin1("\xff", l1));
}
