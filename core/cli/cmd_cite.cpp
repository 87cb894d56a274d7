// playmaker cite: the reference list of some works (or the whole library) in APA 7, so
// authors can check their literature as a note will print it.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "command.hpp"
#include "playmaker/cite.hpp"
#include "playmaker/corpus.hpp"
#include "playmaker/plugin_host.hpp"
#include "util/text.hpp"

namespace playmaker::cli {
namespace {

namespace fs = std::filesystem;

int run(const Args& args) {
    std::string lang_code = args.get_or("--lang", "nb");
    auto lang = parse_cite_lang(lang_code);
    if (!lang) return usage_error("cite", "--lang must be nb, nn, sv or en, not '" + lang_code + "'");
    std::string format = args.get_or("--format", "text");
    if (format != "text" && format != "html" && format != "md" && format != "json") {
        return usage_error("cite", "--format must be text, html, md or json, not '" + format + "'");
    }
    Diagnostics diags;
    std::vector<Reference> all = load_literature(args.get_or("--content", "content"), diags, &PluginHost::shared());
    if (all.empty() && diags.has_errors() && diags.all().front().path == "literature") {
        for (const auto& d : diags.all()) std::cerr << d.format() << "\n";
        return kIoError;
    }
    std::vector<Reference> works;
    if (args.positional().empty()) {
        works = all;
    } else {
        std::vector<std::string> missing;
        works = select_works(all, args.positional(), &missing);
        if (!missing.empty()) {
            for (const auto& d : diags.all()) std::cerr << d.format() << "\n";
            return usage_error("cite", "no reference with the key '" + missing.front() + "'");
        }
    }
    Bibliography bib(std::move(works), *lang);
    if (format == "json") {
        Poco::JSON::Array list;
        for (const auto& e : bib.entries()) {
            Poco::JSON::Object o;
            o.set("key", e.ref->id);
            o.set("text", runs_to_text(e.runs));
            o.set("html", runs_to_html(e.runs));
            Poco::JSON::Array runs;
            for (const auto& r : e.runs) {
                Poco::JSON::Object ro;
                ro.set("text", r.text);
                if (r.italic) ro.set("italic", true);
                if (!r.link.empty()) ro.set("link", r.link);
                runs.add(ro);
            }
            o.set("runs", runs);
            list.add(o);
        }
        list.stringify(std::cout);
        std::cout << "\n";
    } else if (format == "html") {
        std::cout << "<div class=\"references\">\n";
        for (const auto& e : bib.entries()) {
            std::cout << "<p class=\"reference\" id=\"ref-" << e.ref->id << "\">"
                      << runs_to_html(e.runs) << "</p>\n";
        }
        std::cout << "</div>\n";
    } else {
        bool md = format == "md";
        for (const auto& e : bib.entries()) {
            std::cout << (md ? runs_to_markdown(e.runs) + "\n\n" : runs_to_text(e.runs) + "\n");
        }
    }
    std::cout.flush();
    for (const auto& d : diags.all()) std::cerr << d.format() << "\n";
    if (!std::cout) return kIoError;
    return diags.has_errors() ? kContentErrors : kOk;
}

Registration reg({
    "cite",
    "print the reference list (APA 7) of some works, or of the whole library",
    "playmaker cite [KEY...] [--content DIR] [--lang nb|nn|sv|en] [--format text|html|md|json]",
    "Prints the reference-list entries of the works with these citation keys, or of every\n"
    "work in content/literature/ when no key is given, sorted as the list is sorted. `text`\n"
    "prints one entry per line and nothing else; `html` a <div> of <p> with <i> and <a>;\n"
    "`md` Markdown paragraphs; `json` the entries with their runs.\n"
    "Problems in the literature files go to stderr as path:line:col: error: message (exit 1,\n"
    "after the entries that could be read); an unknown KEY is a usage error (exit 2).",
    {content_option(),
     {"--lang", "LANG", "terms and alphabetical order: nb (default), nn, sv or en"},
     {"--format", "FORMAT", "text (default), html, md or json"}},
    run,
});

}  // namespace
}  // namespace playmaker::cli
