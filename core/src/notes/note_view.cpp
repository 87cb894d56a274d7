#include "playmaker/note_view.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>

#include "content/markdown.hpp"
#include "notes/strings.hpp"
#include "playmaker/cite.hpp"
#include "playmaker/escape.hpp"
#include "playmaker/resources.hpp"
#include "util/text.hpp"

namespace playmaker {
namespace {

// A YAML double-quoted scalar (JSON string syntax is valid YAML).
std::string yaml_quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string thousands(long n) {
    std::string digits = std::to_string(n), out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (count && count % 3 == 0) out.insert(out.begin(), ' ');
        out.insert(out.begin(), *it);
        ++count;
    }
    return out;
}

struct Context {
    const Note& note;
    const Corpus& corpus;
    const Strings& s;
    const Bibliography& bib;
    std::set<std::string> in_note;
};

// The item's Markdown with citations resolved and [[links]] made into links or names.
std::string resolve_body(const Item& item, const Context& ctx) {
    return substitute_body(
        item, [&](const Citation& c) { return runs_to_markdown(ctx.bib.cite(c)); },
        [&](const Link& l) {
            const Item* target = ctx.corpus.item(l.target);
            std::string title = markdown_escape(target ? target->title : l.target);
            return ctx.in_note.count(l.target) ? "[" + title + "](#" + l.target + ")" : "*" + title + "*";
        });
}

Value item_view(const ChosenItem& c, const Context& ctx) {
    const Item& item = *c.item;
    Value v;
    v["id"] = item.id;
    v["kind"] = kind_name(item.kind);
    v["title"] = item.title;
    v["title_md"] = markdown_escape(item.title);
    v["lang"] = item.lang;
    bool foreign = item.lang != ctx.note.lang;
    v["foreign"] = foreign;
    if (foreign) {
        v["lang_note"] = ctx.s.get("note.lang_other", {{"language", ctx.s.get("language." + item.lang)}});
        v["lang_note_md"] = markdown_escape(v.get("lang_note").as_string());
    }
    std::string md = resolve_body(item, ctx);
    v["body_md"] = md;
    v["body_html"] = markdown::to_html(md);
    v["summary"] = item.summary;
    Value::List reasons;
    for (const auto& r : c.reasons) reasons.emplace_back(r);
    v["reasons"] = reasons;
    v["reasons_text"] = text::join(c.reasons, "; ");
    v["reasons_md"] = markdown_escape(text::join(c.reasons, "; "));
    v["why_md"] = markdown_escape(ctx.s.get("note.why"));
    std::ostringstream score;
    score.precision(3);
    score << c.score;
    v["score"] = score.str();
    return v;
}

std::string introduction_md(const Context& ctx) {
    const Note& n = ctx.note;
    const Municipality& m = *n.municipality;
    const Strings& s = ctx.s;
    std::string md = s.get("intro.question", {{"municipality", n.profile.name}}) + "\n\n";
    if (m.country == "NO") {
        md += s.get("intro.facts", {{"municipality", m.name}, {"county", m.county},
                                    {"population", thousands(m.population)},
                                    {"year", std::to_string(m.population_year)},
                                    {"centrality", std::to_string(m.centrality)}}) +
              " (" + s.get("intro.credit") + ".)\n\n";
    } else {
        md += s.get("intro.facts_se", {{"municipality", m.name}, {"county", m.county}}) + "\n\n";
    }
    if (n.profile.is_default) md += s.get("intro.profile_default") + "\n\n";
    std::vector<std::string> drivers;
    for (const auto& d : n.profile.drivers) {
        if (const Item* it = ctx.corpus.item(d)) drivers.push_back("*" + markdown_escape(it->title) + "*");
    }
    if (!drivers.empty()) {
        md += s.get("intro.drivers", {{"drivers", text::join(drivers, ", ")}});
        if (!n.profile.drivers_rationale.empty()) md += " " + markdown_escape(n.profile.drivers_rationale);
        md += "\n\n";
    }
    if (!n.profile.challenges.empty()) {
        for (const auto& c : n.profile.challenges) md += "- " + markdown_escape(c) + "\n";
        md += "\n";
    }
    return md;
}

std::string summary_md(const Context& ctx) {
    int count = 0;
    std::string list;
    for (const auto& sec : ctx.note.sections) {
        if (sec.generate.empty() && !sec.items.empty() && sec.id != "begreper") {
            for (const auto& c : sec.items) {
                ++count;
                list += "- **" + markdown_escape(c.item->title) + "**";
                if (!c.item->summary.empty()) list += ": " + markdown_escape(c.item->summary);
                list += "\n";
            }
        }
    }
    return ctx.s.get("summary.lead", {{"count", std::to_string(count)}, {"municipality", ctx.note.profile.name}}) +
           "\n\n" + list;
}

}  // namespace

std::string markdown_to_html(const std::string& md) { return markdown::to_html(md); }

std::string substitute_body(const Item& item, const std::function<std::string(const Citation&)>& cite,
                            const std::function<std::string(const Link&)>& link) {
    struct Span {
        std::size_t offset, length;
        std::string text;
    };
    std::vector<Span> spans;
    for (const auto& c : item.citations) spans.push_back({c.offset, c.length, cite(c)});
    for (const auto& l : item.links) spans.push_back({l.offset, l.length, link(l)});
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.offset < b.offset; });
    std::string out;
    std::size_t pos = 0;
    for (const auto& sp : spans) {
        if (sp.offset < pos) continue;
        out.append(item.body, pos, sp.offset - pos);
        out += sp.text;
        pos = sp.offset + sp.length;
    }
    out.append(item.body, pos, std::string::npos);
    return out;
}

const std::string& note_template(const std::string& name) {
    static std::mutex mu;
    static std::map<std::string, std::string> cache;
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache.find(name);
    if (it == cache.end()) {
        std::string path = resource_path("templates/note/" + name);
        try {
            it = cache.emplace(name, text::read_file(path)).first;
        } catch (const std::exception&) {
            throw std::runtime_error("cannot read the note template " + path);
        }
    }
    return it->second;
}

Value note_view(const Note& note, const Corpus& corpus) {
    const Strings& s = Strings::of(note.lang);
    CiteLang lang = parse_cite_lang(note.lang).value_or(CiteLang::nb);
    Bibliography bib(select_works(corpus.references, note.cited_keys), lang);
    Context ctx{note, corpus, s, bib, {}};
    for (const auto& sec : note.sections) {
        for (const auto& c : sec.items) ctx.in_note.insert(c.item->id);
    }

    Value v;
    Value::Map t;
    // Mustache reads "a.b" as a path, so the keys reach templates with '_' for '.'.
    for (const auto& [k, val] : s.all()) {
        std::string key = k;
        std::replace(key.begin(), key.end(), '.', '_');
        t[key] = val;
    }
    v["t"] = t;
    v["lang"] = note.lang;
    v["html_lang"] = s.get("html_lang");
    v["title"] = note.title;
    v["title_yaml"] = yaml_quote(note.title);
    v["subtitle"] = s.get("note.subtitle");
    v["subtitle_yaml"] = yaml_quote(s.get("note.subtitle"));
    v["date"] = note.date;
    v["author"] = note.profile.author;
    v["generated"] = s.get("note.generated", {{"date", note.date}});
    const Municipality& m = *note.municipality;
    Value mv;
    mv["name"] = note.profile.name;
    mv["code"] = m.code;
    mv["county"] = m.county;
    mv["yaml"] = yaml_quote(note.profile.name + " (" + m.code + ")");
    mv["norway"] = m.country == "NO";
    if (m.country == "NO") {
        mv["population"] = thousands(m.population);
        mv["population_year"] = std::to_string(m.population_year);
        mv["centrality"] = std::to_string(m.centrality);
        mv["credit"] = s.get("intro.credit");
    }
    v["municipality"] = mv;
    std::ostringstream pages;
    pages.precision(3);
    pages << note.pages;
    v["pages"] = pages.str();

    Value::List toc, sections;
    for (const auto& sec : note.sections) {
        bool has_content = !sec.items.empty() || !sec.generate.empty() || !sec.intro.empty() || !sec.author_text.empty();
        if (sec.generate == "references" && note.cited_keys.empty()) has_content = false;
        if (!has_content || (sec.generate.empty() && sec.items.empty() && sec.author_text.empty() && sec.id != "forord")) continue;
        Value sv;
        sv["id"] = sec.id;
        sv["heading"] = sec.heading;
        sv["heading_md"] = markdown_escape(sec.heading);
        sv["page_break"] = sec.page_break;
        std::string body_md;
        if (!sec.author_text.empty()) body_md = sec.author_text + "\n\n";
        else if (!sec.intro.empty()) body_md = sec.intro + "\n\n";
        if (sec.generate == "introduction") body_md += introduction_md(ctx);
        if (sec.generate == "summary") body_md += summary_md(ctx);
        sv["body_md"] = body_md;
        sv["body_html"] = markdown::to_html(body_md);
        Value::List items;
        for (const auto& c : sec.items) items.push_back(item_view(c, ctx));
        sv["has_items"] = !items.empty();
        sv["items"] = items;
        if (sec.generate == "references") {
            Value::List refs;
            for (const auto& e : bib.entries()) {
                Value r;
                r["key"] = e.ref->id;
                r["html"] = runs_to_html(e.runs);
                r["md"] = runs_to_markdown(e.runs);
                r["text"] = runs_to_text(e.runs);
                // The entry as runs, for writers that style text themselves (docx).
                Value::List runs;
                for (const Run& run : e.runs) {
                    Value rv;
                    rv["text"] = run.text;
                    rv["italic"] = run.italic;
                    rv["link"] = run.link;
                    runs.push_back(rv);
                }
                r["runs"] = runs;
                refs.push_back(r);
            }
            sv["is_references"] = true;
            sv["references"] = refs;
        }
        Value tv;
        tv["id"] = sec.id;
        tv["heading"] = sec.heading;
        toc.push_back(tv);
        sections.push_back(sv);
    }
    v["toc"] = toc;
    v["sections"] = sections;
    return v;
}

}  // namespace playmaker
