// playmaker municipalities: look up the municipality register.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <iostream>

#include "command.hpp"
#include "playmaker/municipality.hpp"

namespace playmaker::cli {
namespace {

int run(const Args& args) {
    std::string query;
    for (const auto& p : args.positional()) query += (query.empty() ? "" : " ") + p;
    const Register& reg = Register::builtin();
    auto matches = reg.search(query);
    if (args.flag("--json")) {
        Poco::JSON::Array list;
        for (const auto* m : matches) {
            Poco::JSON::Object o;
            o.set("code", m->code);
            o.set("name", m->name);
            o.set("full_name", m->full_name);
            o.set("country", m->country);
            o.set("county_number", m->county_number);
            o.set("county", m->county);
            if (m->country == "NO") {
                o.set("population", m->population);
                o.set("population_year", m->population_year);
                o.set("centrality", m->centrality);
            }
            list.add(o);
        }
        Poco::JSON::Object out;
        out.set("query", query);
        out.set("total", static_cast<int>(matches.size()));
        out.set("municipalities", list);
        out.set("source", std::string(kSsbCredit) + " (SSB); SCB for Sweden");
        out.stringify(std::cout);
        std::cout << "\n";
    } else {
        bool norwegian = false;
        for (const auto* m : matches) {
            std::cout << m->code << "  " << m->full_name << "  (" << m->county;
            if (m->country == "NO") {
                norwegian = true;
                std::cout << ", " << m->population << " innbyggere " << m->population_year
                          << ", sentralitetsklasse " << m->centrality;
            }
            std::cout << ")\n";
        }
        if (norwegian) std::cout << kSsbCredit << " (SSB)\n";
    }
    if (matches.empty()) {
        std::cerr << "playmaker municipalities: no municipality matches '" << query << "'\n";
        return kUsage;
    }
    return kOk;
}

Registration reg({
    "municipalities",
    "look up municipalities in the register (number, Swedish code, any name, county)",
    "playmaker municipalities [QUERY] [--json]",
    "QUERY is a kommunenummer (5006), a Swedish code (SE-2380), any form of a name\n"
    "(Røyrvik, Raarvihke) or part of a county name (Trøndelag). Without QUERY, all are listed.",
    {json_option()},
    run,
});

}  // namespace
}  // namespace playmaker::cli
