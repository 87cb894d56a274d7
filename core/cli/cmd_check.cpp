// playmaker check: load and validate the whole content tree, report every problem.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <iostream>
#include <map>

#include "command.hpp"
#include "playmaker/corpus.hpp"
#include "playmaker/plugin_host.hpp"

namespace playmaker::cli {
namespace {

std::string summary_line(const Corpus& c, const Diagnostics& d) {
    std::map<Kind, int> counts;
    for (const auto& i : c.items) ++counts[i.kind];
    std::string out = "checked " + std::to_string(c.items.size()) + " items (";
    bool first = true;
    for (Kind k : kAllKinds) {
        if (!first) out += ", ";
        first = false;
        out += std::to_string(counts[k]) + " " + kind_folder(k);
    }
    out += "), " + std::to_string(c.references.size()) + " references, " +
           std::to_string(c.profiles.size()) + " profiles: " + std::to_string(d.errors()) +
           (d.errors() == 1 ? " error, " : " errors, ") + std::to_string(d.warnings()) +
           (d.warnings() == 1 ? " warning" : " warnings");
    return out;
}

int run(const Args& args) {
    Diagnostics diags;
    Corpus corpus = load_corpus(args.get_or("--content", "content"), diags, &PluginHost::shared());
    diags.sort();
    if (args.flag("--json")) {
        Poco::JSON::Object out;
        Poco::JSON::Array list;
        for (const auto& d : diags.all()) {
            Poco::JSON::Object o;
            o.set("path", d.path);
            o.set("line", d.line);
            o.set("col", d.col);
            o.set("severity", d.severity == Severity::Error ? "error" : "warning");
            o.set("message", d.message);
            list.add(o);
        }
        out.set("diagnostics", list);
        Poco::JSON::Object counts;
        std::map<Kind, int> by_kind;
        for (const auto& i : corpus.items) ++by_kind[i.kind];
        for (Kind k : kAllKinds) counts.set(kind_name(k), by_kind[k]);
        out.set("items", counts);
        out.set("references", static_cast<int>(corpus.references.size()));
        out.set("profiles", static_cast<int>(corpus.profiles.size()));
        out.set("errors", diags.errors());
        out.set("warnings", diags.warnings());
        out.stringify(std::cout);
        std::cout << "\n";
    } else {
        for (const auto& d : diags.all()) std::cout << d.format() << "\n";
        std::cout << summary_line(corpus, diags) << "\n";
    }
    return diags.has_errors() ? kContentErrors : kOk;
}

Registration reg({
    "check",
    "load and validate the content tree, reporting every problem at once",
    "playmaker check [--content DIR] [--json]",
    "Prints each problem as path:line:col: error: message (or warning:), then a summary.\n"
    "Exit code 0 when there are no errors (warnings allowed), 1 when there are.",
    {content_option(), json_option()},
    run,
});

}  // namespace
}  // namespace playmaker::cli
