// playmaker plugins: what was found, loaded, overridden or refused, and why.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <iostream>

#include "command.hpp"
#include "playmaker/plugin_host.hpp"
#include "playmaker/plugin.hpp"

namespace playmaker::cli {
namespace {

int run(const Args& args) {
    const PluginHost& host = PluginHost::shared();
    if (args.flag("--json")) {
        Poco::JSON::Array list;
        for (const auto& r : host.records()) {
            Poco::JSON::Object o;
            o.set("name", r.name);
            o.set("version", r.version);
            o.set("kind", r.kind);
            o.set("description", r.description);
            Poco::JSON::Array offers;
            for (const auto& f : r.offers) offers.add(f);
            o.set("offers", offers);
            o.set("path", r.path);
            o.set("loaded", r.loaded);
            if (!r.refused.empty()) o.set("refused", r.refused);
            if (!r.overridden_by.empty()) o.set("overridden_by", r.overridden_by);
            list.add(o);
        }
        Poco::JSON::Object out;
        out.set("api_version", kPluginApiVersion);
        out.set("builtin_folder", PluginHost::builtin_folder());
        out.set("plugins", list);
        out.stringify(std::cout);
        std::cout << "\n";
        return kOk;
    }
    std::cout << "plugin API " << kPluginApiVersion << "; built-in folder " << PluginHost::builtin_folder() << "\n";
    for (const auto& r : host.records()) {
        if (r.loaded) {
            std::string offers;
            for (const auto& f : r.offers) offers += (offers.empty() ? "" : ", ") + f;
            std::cout << "loaded    " << r.name << " " << r.version << " (" << r.kind << ": " << offers << ")  "
                      << r.path << "\n";
        } else if (!r.overridden_by.empty()) {
            std::cout << "overridden " << r.name << " " << r.version << "  " << r.path << "  by " << r.overridden_by << "\n";
        } else {
            std::cout << "refused   " << r.name << "  " << r.path << ": " << r.refused << "\n";
        }
    }
    if (host.records().empty()) std::cout << "no plugins found\n";
    return kOk;
}

Registration reg({
    "plugins",
    "list the plugins found, with versions and what each offers, and those refused",
    "playmaker plugins [--json]",
    "Plugins are shared libraries in the built-in folder, then in each folder of\n"
    "PLAYMAKER_PLUGIN_PATH (':'-separated); a later plugin of the same name overrides an\n"
    "earlier one. A plugin built for another API version, with a missing symbol or without\n"
    "a manifest is refused and listed with the reason; the others still load.",
    {json_option()},
    run,
});

}  // namespace
}  // namespace playmaker::cli
