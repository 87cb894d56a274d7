// In-text citations and reference-list entries: each APA rule on fixtures and on the
// shipped literature. (The entry texts are also checked against pandoc by
// tests/e2e/test_cite_oracle.py; here the rules are pinned one by one, in-text included.)
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cite/collate.hpp"
#include "cite/names.hpp"
#include "cite/text.hpp"
#include "playmaker/cite.hpp"
#include "playmaker/corpus.hpp"
#include "util/text.hpp"

using namespace playmaker;

namespace {

std::vector<Reference> load(const std::string& file) {
    std::vector<Reference> refs;
    Diagnostics diags;
    parse_csl_json(text::read_file(file), "literature/x.json", refs, diags);
    REQUIRE_FALSE(diags.has_errors());
    return refs;
}

std::vector<Reference> fixtures() {
    return load(std::string(PLAYMAKER_FIXTURES) + "/cite/literature/types.json");
}

std::vector<Reference> shipped() {
    return load(std::string(PLAYMAKER_CONTENT) + "/literature/references.json");
}

std::string cite_text(const Bibliography& b, std::vector<CiteRef> refs, bool narrative = false) {
    return runs_to_text(b.cite(refs, narrative));
}

CiteRef ref(std::string key, std::string locator = "") { return CiteRef{std::move(key), std::move(locator), {}}; }

std::string entry(const Bibliography& b, std::string_view key) { return runs_to_text(b.entry(key)); }

}  // namespace

TEST_CASE("parenthetical citations join sorted works with ; and two authors with &") {
    Bibliography b(shipped(), CiteLang::nb);
    CHECK(cite_text(b, {ref("stene2018")}) == "(Stene & Stickler, 2018)");
    CHECK(cite_text(b, {ref("wenger2004"), ref("illeris2015")}) == "(Illeris, 2015; Wenger & Nake, 2004)");
}

TEST_CASE("narrative citations name the author outside the parentheses, with 'og'") {
    Bibliography b(shipped(), CiteLang::nb);
    CHECK(cite_text(b, {ref("stene2013")}, true) == "Stene (2013)");
    CHECK(cite_text(b, {ref("loga2018")}, true) == "Loga (2018)");
    CHECK(cite_text(b, {ref("stene2018")}, true) == "Stene og Stickler (2018)");
    CHECK(cite_text(b, {ref("loga2018", "s. 60")}, true) == "Loga (2018, s. 60)");
    Bibliography sv(shipped(), CiteLang::sv);
    CHECK(cite_text(sv, {ref("stene2018")}, true) == "Stene och Stickler (2018)");
}

TEST_CASE("three or more authors are 'et al.' in text from the first citation") {
    Bibliography b(shipped(), CiteLang::nb);
    CHECK(cite_text(b, {ref("stene2019")}) == "(Stene et al., 2019)");
    CHECK(cite_text(b, {ref("andersen2018")}, true) == "Andersen et al. (2018)");
    Bibliography sv(shipped(), CiteLang::sv);
    CHECK(cite_text(sv, {ref("stene2019")}) == "(Stene m.fl., 2019)");
}

TEST_CASE("locators are written with the language's page label and an en dash") {
    Bibliography b(fixtures(), CiteLang::nb);
    CHECK(cite_text(b, {ref("loga2018", "s. 12")}) == "(Loga, 2018, s. 12)");
    CHECK(cite_text(b, {ref("loga2018", "s. 12-14")}) == "(Loga, 2018, s. 12–14)");
    CHECK(cite_text(b, {ref("loga2018", "12")}) == "(Loga, 2018, s. 12)");
    CHECK(cite_text(b, {ref("loga2018", "kap. 3")}) == "(Loga, 2018, Kapittel 3)");
    Bibliography en(fixtures(), CiteLang::en);
    CHECK(cite_text(en, {ref("loga2018", "s. 12-14")}) == "(Loga, 2018, pp. 12–14)");
    CHECK(cite_text(en, {ref("loga2018", "s. 12")}) == "(Loga, 2018, p. 12)");
}

TEST_CASE("same author and year get a and b, in reference-list (title) order") {
    Bibliography b(fixtures(), CiteLang::nb);
    CHECK(entry(b, "stene2015b") ==
          "Stene, M. (2015a). Bestillingskompetanse inn på tunet. Trøndelag Forskning og Utvikling.");
    CHECK(entry(b, "stene2015a") ==
          "Stene, M. (2015b). Inn på tunet – status, utfordringer og muligheter. Trøndelag Forskning og Utvikling.");
    CHECK(cite_text(b, {ref("stene2015a"), ref("stene2015b")}) == "(Stene, 2015a, 2015b)");
    CHECK(cite_text(b, {ref("stene2015a")}, true) == "Stene (2015b)");
}

TEST_CASE("year suffixes depend on the works in play") {
    std::vector<Reference> one = select_works(fixtures(), {"stene2015a"});
    Bibliography b(one, CiteLang::nb);
    CHECK(cite_text(b, {ref("stene2015a")}) == "(Stene, 2015)");
}

TEST_CASE("initials are added in text only when different first authors share a surname") {
    Bibliography b(fixtures(), CiteLang::nb);
    CHECK(cite_text(b, {ref("hansen2018"), ref("hansen2019")}) == "(K. Hansen, 2018; P. Hansen, 2019)");
    CHECK(cite_text(b, {ref("hansen2019")}, true) == "P. Hansen (2019)");
    CHECK(cite_text(b, {ref("dahl2020")}) == "(Dahl, 2020)");  // also an editor elsewhere: same person
    Bibliography alone(select_works(fixtures(), {"hansen2018"}), CiteLang::nb);
    CHECK(cite_text(alone, {ref("hansen2018")}) == "(Hansen, 2018)");
}

TEST_CASE("et al. expands to tell apart works it would merge") {
    std::vector<Reference> works(2);
    works[0].id = "x1";
    works[0].type = "book";
    works[0].title = "X";
    works[0].issued.year = 2018;
    works[0].authors = {{"Andersen", "L.", ""}, {"Berg", "K.", ""}, {"Dahl", "O.", ""}};
    works[1] = works[0];
    works[1].id = "x2";
    works[1].title = "Y";
    works[1].authors[2] = {"Moe", "P.", ""};
    Bibliography b(works, CiteLang::nb);
    CHECK(cite_text(b, {ref("x1")}) == "(Andersen, Berg, & Dahl, 2018)");
    CHECK(cite_text(b, {ref("x2")}) == "(Andersen, Berg, & Moe, 2018)");
}

TEST_CASE("no date is u.å. in text and list; unknown keys show as key?") {
    Bibliography b(fixtures(), CiteLang::nb);
    CHECK(cite_text(b, {ref("nilsen-udatert")}) == "(Nilsen, u.å.)");
    CHECK(entry(b, "nilsen-udatert") == "Nilsen, B. T. (u.å.). Fritidsboliger i Røyrvik. Trøndelag Forskning og Utvikling.");
    CHECK(cite_text(b, {ref("finnesikke")}) == "(finnesikke?)");
    Bibliography en(fixtures(), CiteLang::en);
    CHECK(cite_text(en, {ref("nilsen-udatert")}) == "(Nilsen, n.d.)");
}

TEST_CASE("a work without author is cited and listed by its italic title") {
    Bibliography b(shipped(), CiteLang::nb);
    Runs r = b.cite({ref("nou2011")}, false);
    CHECK(runs_to_text(r) == "(Innovasjon i omsorg, 2011)");
    CHECK(runs_to_html(r) == "(<i>Innovasjon i omsorg</i>, 2011)");
    CHECK(entry(b, "nou2011") == "Innovasjon i omsorg (NOU 2011:11). (2011). Helse- og omsorgsdepartementet.");
    CHECK(entry(b, "meldst292016") ==
          "Perspektivmeldingen 2017 (Meld. St. 29 (2016–2017)). (2016). Finansdepartementet.");
}

TEST_CASE("each type's list entry in APA 7 with Norwegian terms") {
    Bibliography b(fixtures(), CiteLang::nb);
    CHECK(entry(b, "illeris2015") == "Illeris, K. (2015). Læring (3. utg.). Samfundslitteratur.");
    CHECK(entry(b, "wenger2004") == "Wenger, E., & Nake, B. (2004). Praksisfællesskaber: læring, mening og identitet. Reitzel.");
    CHECK(entry(b, "andersen2018") ==
          "Andersen, L. L., Espersen, H. H., & Kobro, L. U. (2018). Demokratisk innovasjon (Nr. 47; Skriftserien). Høgskolen i Sørøst-Norge.");
    CHECK(entry(b, "berg2020") ==
          "Berg, A.-M., & Dahl, O. (Red.). (2020). Kommunen som samfunnsutvikler. Universitetsforlaget. https://doi.org/10.18261/9788215034713-2020");
    CHECK(entry(b, "dahl2020") ==
          "Dahl, O. (2020). Næringsutvikling i distriktene. I A.-M. Berg & O. Dahl (Red.), Kommunen som samfunnsutvikler (s. 45–67). Universitetsforlaget.");
    CHECK(entry(b, "loga2018") ==
          "Loga, J. (2018). Sivilsamfunnets roller i velferdsstatens omstilling. Norsk sosiologisk tidsskrift, 2(1), 58–73. https://doi.org/10.18261/issn.2535-2512-2018-01-05");
    CHECK(entry(b, "haugen2019") == "Haugen, K. (2019). Samskaping i små kommuner [Masteroppgave]. Nord universitet.");
    CHECK(entry(b, "distriktssenteret2021") ==
          "Distriktssenteret. (2021, mars 15). Kommunen som samfunnsutvikler. Distriktssenteret.no. https://distriktssenteret.no/samfunnsutvikling/");
    CHECK(entry(b, "meldst2017") ==
          "Kommunal- og moderniseringsdepartementet. (2017). Berekraftige byar og sterke distrikt (Meld. St. 18 (2016–2017)). Kommunal- og moderniseringsdepartementet.");
    CHECK(entry(b, "yousefi2019") == "Yousefi, P. (2019, mars 15). Den Zømløse generasjonene [Kronikk]. Dagens Næringsliv.");
    CHECK(entry(b, "zahl2016") == "Zahl, E. (2016). «Ny» kommunal rolle? Magma, 2, 34–39.");
}

TEST_CASE("titles are italic where APA puts them, DOIs are links") {
    Bibliography b(fixtures(), CiteLang::nb);
    Runs r = b.entry("loga2018");
    CHECK(runs_to_html(r) ==
          "Loga, J. (2018). Sivilsamfunnets roller i velferdsstatens omstilling. <i>Norsk sosiologisk tidsskrift</i>, "
          "<i>2</i>(1), 58–73. <a href=\"https://doi.org/10.18261/issn.2535-2512-2018-01-05\">"
          "https://doi.org/10.18261/issn.2535-2512-2018-01-05</a>");
    CHECK(runs_to_markdown(b.entry("illeris2015")) == "Illeris, K. (2015). *Læring* (3. utg.). Samfundslitteratur.");
    CHECK(runs_to_html(b.entry("dahl2020")) ==
          "Dahl, O. (2020). Næringsutvikling i distriktene. I A.-M. Berg &amp; O. Dahl (Red.), "
          "<i>Kommunen som samfunnsutvikler</i> (s. 45–67). Universitetsforlaget.");
}

TEST_CASE("the list is in Norwegian alphabetical order: æ, ø, å after z, Aa as Å") {
    Bibliography b(fixtures(), CiteLang::nb);
    std::vector<std::string> keys;
    for (const auto& r : b.works()) keys.push_back(r.id);
    auto pos = [&](const std::string& k) { return std::find(keys.begin(), keys.end(), k) - keys.begin(); };
    CHECK(pos("zahl2016") < pos("aero2010"));
    CHECK(pos("aero2010") < pos("ostby2012"));
    CHECK(pos("ostby2012") < pos("asen2014"));
    CHECK(pos("asen2014") < pos("aasen2011"));
    CHECK(keys.back() == "aasen2011");
    CHECK(pos("hansen2018") < pos("hansen2019"));
    Bibliography sv(fixtures(), CiteLang::sv);  // Swedish: å, ä(æ), ö(ø); aa is a + a
    keys.clear();
    for (const auto& r : sv.works()) keys.push_back(r.id);
    CHECK(keys.front() == "aasen2011");
    CHECK(pos("asen2014") < pos("aero2010"));
    CHECK(pos("aero2010") < pos("ostby2012"));
}

TEST_CASE("collation keys fold accents and read aa as å only in Norwegian") {
    using cite::sort_key;
    CHECK(sort_key("Haaland", CiteLang::nb) > sort_key("Håkonsen", CiteLang::nb));
    CHECK(sort_key("Haaland", CiteLang::sv) < sort_key("Hagen", CiteLang::sv));
    CHECK(sort_key("Éclair", CiteLang::nb) < sort_key("Ende", CiteLang::nb));
    CHECK(sort_key("Müller", CiteLang::nb) > sort_key("Mylius", CiteLang::nb));  // ü as y
    CHECK(sort_key("Ærø", CiteLang::en) < sort_key("Andersen", CiteLang::en));   // æ as ae
}

TEST_CASE("names: initials, 21 or more authors") {
    CHECK(cite::initials("Jean-Paul Ole") == "J.-P. O.");
    CHECK(cite::initials("T. M. B.") == "T. M. B.");
    CHECK(cite::initials("A.B.") == "A. B.");
    CHECK(cite::initials("Åse-Marit K.") == "Å.-M. K.");
    std::vector<Name> many;
    for (int i = 0; i < 22; ++i) many.push_back({"N" + std::to_string(i), "A.", ""});
    std::string list = cite::bib_name_list(many);
    CHECK(list.find("N18, A., … N21, A.") != std::string::npos);
    CHECK(list.find("N19,") == std::string::npos);
}

TEST_CASE("quotes, page ranges and numbers as CSL treats them") {
    const auto& t = cite::terms(CiteLang::nb);
    CHECK(cite::localize_quotes("Mot 'Kommune 3.0'? Modeller", t) == "Mot «Kommune 3.0»? Modeller");
    CHECK(cite::localize_quotes("Norway's future", t) == "Norway’s future");
    CHECK(cite::localize_quotes("Outer 'inner \"deep\" x' end", t) == "Outer «inner ‘deep’ x» end");
    CHECK(cite::page_range("201-234") == "201–234");
    CHECK(cite::page_range("321-28") == "321–328");
    CHECK(cite::is_numeric("2017:7"));
    CHECK(cite::is_numeric("3/2016"));
    CHECK_FALSE(cite::is_numeric("NOU 2011:11"));
    CHECK_FALSE(cite::is_numeric("Rapport 1-2016"));
}

TEST_CASE("the four languages' terms: editors, editions, no date") {
    Bibliography en(fixtures(), CiteLang::en);
    CHECK(entry(en, "berg2020").starts_with("Berg, A.-M., & Dahl, O. (Eds.). (2020)."));
    CHECK(entry(en, "illeris2015") == "Illeris, K. (2015). Læring (3rd ed.). Samfundslitteratur.");
    CHECK(entry(en, "dahl2020").find("In A.-M. Berg & O. Dahl (Eds.), Kommunen som samfunnsutvikler (pp. 45–67)") !=
          std::string::npos);
    Bibliography sv(fixtures(), CiteLang::sv);
    CHECK(entry(sv, "illeris2015") == "Illeris, K. (2015). Læring (3:e uppl.). Samfundslitteratur.");
    Bibliography nn(fixtures(), CiteLang::nn);
    CHECK(entry(nn, "nilsen-udatert").starts_with("Nilsen, B. T. (u.å.)."));
    CHECK(parse_cite_lang("nb-NO") == CiteLang::nb);
    CHECK(parse_cite_lang("sv_SE") == CiteLang::sv);
    CHECK_FALSE(parse_cite_lang("de"));
}

TEST_CASE("every shipped reference has an entry, in list order, one line each") {
    auto refs = shipped();
    Bibliography b(refs, CiteLang::nb);
    auto entries = b.entries();
    REQUIRE(entries.size() == refs.size());
    for (const auto& e : entries) {
        std::string s = runs_to_text(e.runs);
        CHECK(s.find('\n') == std::string::npos);
        CHECK(!s.empty());
    }
    CHECK(entries.back().ref->id == "aasen2011");
}

TEST_CASE("a reference without author or title, or with a malformed date, is an error at its line") {
    std::vector<Reference> refs;
    Diagnostics diags;
    parse_csl_json("[\n  {\"id\": \"ok\", \"type\": \"book\", \"title\": \"T\"},\n"
                   "  {\"id\": \"tom\", \"type\": \"book\"},\n"
                   "  {\"id\": \"dato\", \"title\": \"T\", \"type\": \"book\",\n"
                   "   \"issued\": {\"date-parts\": [[\"i fjor\"]]}}\n]\n",
                   "literature/x.json", refs, diags);
    REQUIRE(diags.errors() == 2);
    CHECK(diags.all()[0].line == 3);
    CHECK(diags.all()[0].message.find("neither author nor title") != std::string::npos);
    CHECK(diags.all()[1].line == 5);
    CHECK(diags.all()[1].message.find("malformed date") != std::string::npos);
}
