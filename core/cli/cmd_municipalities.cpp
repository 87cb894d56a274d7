// playmaker municipalities: look up the municipality register.

#include <iostream>

#include "command.hpp"
#include "playmaker/municipality.hpp"
#include "render/json.hpp"

namespace playmaker::cli {
namespace {

int run(const Args& args) {
    std::string query;
    for (const auto& p : args.positional()) query += (query.empty() ? "" : " ") + p;
    const Register& reg = Register::builtin();
    auto matches = reg.search(query);
    if (args.flag("--json")) {
        json::municipalities(query, matches).stringify(std::cout);
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
