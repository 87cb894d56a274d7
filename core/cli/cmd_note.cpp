// playmaker note: one briefing note for a profile or any municipality.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <unistd.h>

#include <iostream>

#include "note_output.hpp"
#include "playmaker/atomic.hpp"
#include "playmaker/note.hpp"
#include "playmaker/plugin_host.hpp"
#include "session.hpp"

namespace playmaker::cli {
namespace {

Poco::JSON::Object explain_json(const Note& note) {
    Poco::JSON::Object out;
    out.set("municipality", note.municipality->code);
    out.set("name", note.profile.name);
    out.set("profile", note.profile.is_default ? std::string() : note.profile.id);
    out.set("lang", note.lang);
    Poco::JSON::Array sections;
    for (const auto& s : note.sections) {
        Poco::JSON::Object so;
        so.set("id", s.id);
        Poco::JSON::Array items;
        for (const auto& c : s.items) {
            Poco::JSON::Object io;
            io.set("id", c.item->id);
            io.set("score", c.score);
            Poco::JSON::Array reasons;
            for (const auto& r : c.reasons) reasons.add(r);
            io.set("reasons", reasons);
            items.add(io);
        }
        so.set("items", items);
        sections.add(so);
    }
    out.set("sections", sections);
    Poco::JSON::Array dropped;
    for (const auto& d : note.dropped) {
        Poco::JSON::Object o;
        o.set("id", d.item->id);
        o.set("score", d.score);
        o.set("section", d.section);
        dropped.add(o);
    }
    out.set("dropped", dropped);
    out.set("pages", note.pages);
    return out;
}

void explain_text(const Note& note) {
    std::cout << note.title << "\n" << note.municipality->code << " " << note.profile.name
              << (note.profile.is_default ? " (profile derived from the register)" : " (profile " + note.profile.id + ")")
              << ", language " << note.lang << ", about " << static_cast<int>(note.pages + 0.5) << " pages\n";
    for (const auto& s : note.sections) {
        if (s.items.empty()) continue;
        std::cout << "\n" << s.heading << "\n";
        for (const auto& c : s.items) {
            std::cout << "  " << c.item->id << "  (" << c.score << ")  ";
            for (std::size_t i = 0; i < c.reasons.size(); ++i) std::cout << (i ? "; " : "") << c.reasons[i];
            std::cout << "\n";
        }
    }
    if (!note.dropped.empty()) {
        std::cout << "\nLeft out by the page budget:\n";
        for (const auto& d : note.dropped) std::cout << "  " << d.item->id << "  (" << d.score << ")  from " << d.section << "\n";
    }
}

int run(const Args& args) {
    auto profile_id = args.get("--profile");
    auto municipality = args.get("--municipality");
    if (!profile_id && !municipality && args.positional().size() == 1) municipality = args.positional()[0];
    if (!profile_id == !municipality) return usage_error("note", "give --profile ID or --municipality NUMBER-OR-NAME");
    NoteRequest req;
    if (int rc = parse_note_request(args, "note", req); rc != kOk) return rc;
    Session s;
    if (int rc = load_session(args, s); rc != kOk) return rc;
    Profile profile;
    std::string error;
    if (profile_id) {
        const Profile* p = s.corpus.profile(*profile_id);
        if (!p) return usage_error("note", "no profile '" + *profile_id + "' in " + s.content + "/profiles");
        profile = *p;
    } else if (!resolve_profile(*municipality, s.corpus, profile, error)) {
        return usage_error("note", error);
    }
    if (int rc = open_index(s); rc != kOk) return rc;
    Note note = build_note(profile, s.corpus, s.index.get(), req.options);
    if (args.flag("--json")) {
        explain_json(note).stringify(std::cout);
        std::cout << "\n";
        return kOk;
    }
    if (args.flag("--explain")) {
        explain_text(note);
        return kOk;
    }
    RenderedFile file;
    if (int rc = render_note(*req.renderer, note, s.corpus, "note", file); rc != kOk) return rc;
    if (auto out = args.get("-o")) {
        write_file_atomic(*out, file.bytes);
        std::cerr << "playmaker: wrote " << *out << " (about " << static_cast<int>(note.pages + 0.5) << " pages)\n";
    } else if (file.media_type.rfind("text/", 0) != 0 && isatty(1)) {
        return usage_error("note", "a " + file.extension + " note is binary: write it with -o FILE (or redirect stdout)");
    } else {
        std::cout << file.bytes;
    }
    return kOk;
}

Registration reg({
    "note",
    "write a briefing note for a profile or any municipality",
    "playmaker note (--profile ID | --municipality NUMBER-OR-NAME) [--format F] [-o FILE]\n"
    "                [--pages N] [--lang nb|nn|sv|en] [--explain] [--json] [--content DIR] [--db FILE]",
    "Chooses the knowledge base's items for the municipality by its profile (or one derived\n"
    "from the register), within a page budget, and renders the note with a renderer plugin.\n"
    "Without -o the note goes to stdout. --explain prints why each item was chosen and what\n"
    "the page budget dropped; --json prints that as one JSON object.",
    {{"--profile", "ID", "a profile in content/profiles"},
     {"--municipality", "X", "a kommunenummer, Swedish code (SE-2380) or name"},
     note_format_option(), {"-o", "FILE", "write the note here (atomically) instead of stdout"},
     {"--pages", "N", "page budget (default: the profile's, else 10)"},
     {"--lang", "L", "note language nb|nn|sv|en (default: from the målform)"},
     {"--explain", "", "print why each item was chosen instead of the note"}, json_option(),
     content_option(), db_option()},
    run,
});

}  // namespace
}  // namespace playmaker::cli
