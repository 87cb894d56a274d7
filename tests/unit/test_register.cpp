#include <catch2/catch.hpp>

#include "playmaker/municipality.hpp"

using playmaker::Register;

TEST_CASE("the register holds all Norwegian and Swedish municipalities", "[register]") {
    const Register& reg = Register::builtin();
    int no = 0, se = 0;
    for (const auto& m : reg.all()) (m.country == "NO" ? no : se)++;
    CHECK(no == 357);
    CHECK(se == 290);
}

TEST_CASE("a municipality is found by number, Swedish code or any name", "[register]") {
    const Register& reg = Register::builtin();
    const auto* steinkjer = reg.find("5006");
    REQUIRE(steinkjer);
    CHECK(steinkjer->name == "Steinkjer");
    CHECK(steinkjer->county == "Trøndelag");
    CHECK(steinkjer->centrality >= 1);
    CHECK(steinkjer->population > 20000);

    const auto* ostersund = reg.find("SE-2380");
    REQUIRE(ostersund);
    CHECK(ostersund->name == "Östersund");
    CHECK(reg.find("se-2380") == ostersund);

    CHECK(reg.find("Røyrvik") == reg.find("5043"));
    CHECK(reg.find("raarvihke") == reg.find("5043"));
    CHECK(reg.find("RØYRVIK")->name == "Røyrvik");
}

TEST_CASE("the Norwegian name is chosen even where SSB puts the Sámi name first", "[register]") {
    const Register& reg = Register::builtin();
    CHECK(reg.find("5043")->name == "Røyrvik");
    CHECK(reg.find("5041")->name == "Snåsa");
    CHECK(reg.find("5612")->name == "Kautokeino");
    CHECK(reg.find("5540")->name == "Kåfjord");
    CHECK(reg.find("5001")->name == "Trondheim");
    CHECK(reg.find("5001")->full_name == "Trondheim - Tråante");
}

TEST_CASE("bare four digits are Norwegian: 1860 is Vestvågøy, SE-1860 is Laxå", "[register]") {
    const Register& reg = Register::builtin();
    REQUIRE(reg.find("1860"));
    CHECK(reg.find("1860")->name == "Vestvågøy");
    REQUIRE(reg.find("SE-1860"));
    CHECK(reg.find("SE-1860")->name == "Laxå");
}

TEST_CASE("a county is found by number or any part of its name", "[register]") {
    const Register& reg = Register::builtin();
    auto by_name = reg.in_county("Trøndelag");
    auto by_sami = reg.in_county("trööndelage");
    auto by_number = reg.in_county("50");
    CHECK(by_name.size() == 38);
    CHECK(by_name == by_sami);
    CHECK(by_name == by_number);
    CHECK(reg.in_county("Jämtland").size() == 8);
    CHECK(reg.in_county("Atlantis").empty());
}

TEST_CASE("search returns only matches", "[register]") {
    const Register& reg = Register::builtin();
    auto hits = reg.search("steinkjer");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]->code == "5006");
    CHECK(reg.search("no such place").empty());
    CHECK(reg.search("").size() == 647);
}

TEST_CASE("unknown and ambiguous names give no single municipality", "[register]") {
    const Register& reg = Register::builtin();
    CHECK(reg.find("9999") == nullptr);
    CHECK(reg.find("") == nullptr);
    CHECK(reg.find("Herøy") == nullptr);  // two kommuner share the name
}

TEST_CASE("a municipality's file stem is its code and an ASCII name", "[register]") {
    const Register& reg = Register::builtin();
    CHECK(playmaker::file_stem(*reg.find("5043")) == "5043-royrvik");
    CHECK(playmaker::file_stem(*reg.find("SE-2380")) == "se-2380-ostersund");
    CHECK(playmaker::file_stem(*reg.find("5612")) == "5612-kautokeino");
    CHECK(playmaker::file_stem(*reg.find("1515")) == "1515-heroy-more-og-romsdal");
}
