// The HTML pages: search with facets, items, the literature and the note form. Rendered
// from templates/serve/*.mustache; every value from the request or the content is escaped
// by the template ({{x}}), and only HTML Playmaker made (snippets, cmark output, reference
// entries) is inserted raw.
#include <map>

#include "playmaker/cite.hpp"
#include "playmaker/municipality.hpp"
#include "playmaker/note_view.hpp"
#include "playmaker/plugin_host.hpp"
#include "serve/app.hpp"

namespace playmaker::serve {
namespace {

const char* const kFacets[] = {"kind", "theme", "role", "sector", "lang", "municipality", "county", "year"};

const std::map<std::string, std::string>& facet_labels() {
    static const std::map<std::string, std::string> m{
        {"kind", "Type"},       {"theme", "Tema"},        {"role", "Rolle"}, {"sector", "Sektor"},
        {"lang", "Språk"},      {"municipality", "Kommune"}, {"county", "Fylke"}, {"year", "År"}};
    return m;
}

std::string kind_label(const std::string& kind) {
    static const std::map<std::string, std::string> m{
        {"finding", "Funn"},       {"driver", "Samfunnsdriver"}, {"opportunity", "Mulighet"},
        {"challenge", "Utfordring"}, {"case", "Eksempel"},      {"recommendation", "Anbefaling"},
        {"concept", "Begrep"},     {"reference", "Litteratur"}};
    auto it = m.find(kind);
    return it != m.end() ? it->second : kind;
}

std::string lang_label(const std::string& lang) {
    static const std::map<std::string, std::string> m{
        {"nb", "bokmål"}, {"nn", "nynorsk"}, {"sv", "svensk"}, {"en", "engelsk"}};
    auto it = m.find(lang);
    return it != m.end() ? it->second : lang;
}

std::string value_label(const Corpus& c, const std::string& facet, const std::string& value) {
    if (facet == "kind") return kind_label(value);
    if (facet == "lang") return lang_label(value);
    if (facet == "theme" || facet == "role" || facet == "sector") {
        if (const Term* t = c.taxonomy.find(facet, value)) return t->label_nb;
    }
    if (facet == "municipality") {
        if (const Municipality* m = Register::builtin().find(value)) return m->name;
    }
    return value;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

std::string link(const std::string& base, const std::string& path, const Pairs& pairs) {
    std::string q = build_query(pairs);
    return base + path + (q.empty() ? "" : "?" + q);
}

// The item's HTML with its citation groups written out (APA, as in the note) and its
// [[links]] turned into links to the linked items' pages.
std::string item_html(const Item& it, const Corpus& c, const Bibliography& bib, const std::string& base) {
    std::string html = it.body_html();
    auto replace_all = [&](const std::string& from, const std::string& to) {
        if (from.empty()) return;
        for (std::size_t at = html.find(from); at != std::string::npos; at = html.find(from, at + to.size())) {
            html.replace(at, from.size(), to);
        }
    };
    for (const auto& cit : it.citations) {
        if (cit.offset + cit.length > it.body.size()) continue;
        replace_all(html_escape(it.body.substr(cit.offset, cit.length)), runs_to_html(bib.cite(cit)));
    }
    for (const auto& l : it.links) {
        const Item* target = c.item(l.target);
        if (!target) continue;
        replace_all(html_escape("[[" + l.target + "]]"),
                    "<a href=\"" + html_escape(base + "/items/" + percent_encode(target->id)) + "\">" +
                        html_escape(target->title) + "</a>");
    }
    return html;
}

Value strings_list(const std::vector<std::string>& v) {
    Value::List l;
    for (const auto& s : v) l.emplace_back(s);
    return Value(std::move(l));
}

}  // namespace

Response App::html_page(int status, const std::string& title, const std::string& body_template, Value data) {
    data["base"] = opt_.base;
    data["title"] = title;
    Value layout;
    layout["base"] = opt_.base;
    layout["title"] = title;
    layout["main"] = render_template(body_template, templates_.at(body_template), data);
    layout[std::string("nav_") + body_template.substr(0, body_template.find('.'))] = true;
    Response r;
    r.status = status;
    r.content_type = "text/html; charset=utf-8";
    r.body = render_template("layout.mustache", templates_.at("layout.mustache"), layout);
    return r;
}

Response App::error_page(int status, const std::string& message) {
    Value d;
    d["status"] = std::to_string(status);
    d["message"] = message;
    return html_page(status, status == 404 ? "Fant ikke siden" : "Feil", "error.mustache", std::move(d));
}

Response App::search_page(const Route& r, const State& s) {
    SearchQuery q;
    if (auto err = search_query(r.params, q, 50)) return error_page(err->status, err->message);
    Value d;
    d["q"] = q.text;
    d["has_q"] = !q.text.empty();
    bool searching = !q.text.empty() || !q.filters.empty();
    d["searching"] = searching;
    if (!searching) {
        d["item_count"] = static_cast<long>(s.corpus.items.size());
        d["reference_count"] = static_cast<long>(s.corpus.references.size());
        return html_page(200, "Søk i kunnskapsbasen", "search.mustache", std::move(d));
    }
    SearchResults res;
    if (auto err = run_search(s, q, res)) return error_page(err->status, err->message);

    Pairs current;
    if (!q.text.empty()) current.emplace_back("q", q.text);
    for (const char* f : kFacets) {
        auto [b, e] = q.filters.equal_range(f);
        for (auto it = b; it != e; ++it) current.emplace_back(f, it->second);
    }
    if (auto l = first(r.params, "limit")) current.emplace_back("limit", *l);

    Value::List results;
    for (const auto& hit : res.results) {
        Value v;
        v["title"] = hit.title;
        v["url"] = opt_.base + "/items/" + percent_encode(hit.id);
        v["kind"] = kind_label(hit.kind);
        v["snippet"] = hit.snippet;
        v["lang"] = hit.lang;
        v["foreign"] = hit.lang != "nb" && !hit.lang.empty();
        results.push_back(std::move(v));
    }
    d["results"] = Value(std::move(results));
    d["total"] = res.total;
    d["none"] = res.total == 0;
    d["from"] = res.results.empty() ? 0 : q.offset + 1;
    d["to"] = q.offset + static_cast<int>(res.results.size());
    if (q.offset > 0) {
        Pairs p = current;
        p.emplace_back("offset", std::to_string(std::max(0, q.offset - q.limit)));
        d["prev_url"] = link(opt_.base, "/", p);
    }
    if (q.offset + static_cast<int>(res.results.size()) < res.total) {
        Pairs p = current;
        p.emplace_back("offset", std::to_string(q.offset + q.limit));
        d["next_url"] = link(opt_.base, "/", p);
    }

    Value::List active;
    for (std::size_t i = 0; i < current.size(); ++i) {
        const auto& [k, v] = current[i];
        if (k == "q" || k == "limit") continue;
        Pairs without = current;
        without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
        Value a;
        a["facet"] = facet_labels().at(k);
        a["value"] = value_label(s.corpus, k, v);
        a["remove_url"] = link(opt_.base, "/", without);
        active.push_back(std::move(a));
    }
    d["active"] = Value(std::move(active));
    d["has_active"] = !d.get("active").as_list().empty();

    Value::List facets;
    for (const char* f : kFacets) {
        auto it = res.facets.find(f);
        if (it == res.facets.end() || it->second.empty()) continue;
        Value fv;
        fv["name"] = f;
        fv["label"] = facet_labels().at(f);
        Value::List values;
        int shown = 0;
        for (const auto& fc : it->second) {
            if (++shown > 12) break;
            bool selected = false;
            for (const auto& [k, v] : current) selected = selected || (k == f && v == fc.value);
            Value vv;
            vv["label"] = value_label(s.corpus, f, fc.value);
            vv["count"] = fc.count;
            vv["selected"] = selected;
            if (!selected) {
                Pairs p = current;
                p.emplace_back(f, fc.value);
                vv["url"] = link(opt_.base, "/", p);
            }
            values.push_back(std::move(vv));
        }
        fv["values"] = Value(std::move(values));
        facets.push_back(std::move(fv));
    }
    d["facets"] = Value(std::move(facets));
    d["notes"] = strings_list(res.notes);
    return html_page(200, q.text.empty() ? "Søk" : "Søk: " + q.text, "search.mustache", std::move(d));
}

Response App::item_page(const Route& r, const State& s) {
    Value d;
    if (const Item* it = s.corpus.item(r.arg)) {
        d["title"] = it->title;
        d["kind"] = kind_label(kind_name(it->kind));
        if (!it->summary.empty()) d["summary"] = it->summary;
        d["lang"] = it->lang;
        d["foreign"] = it->lang != "nb";
        d["lang_label"] = lang_label(it->lang);
        Bibliography bib(select_works(s.corpus.references, it->cited_keys()), CiteLang::nb);
        d["body_html"] = item_html(*it, s.corpus, bib, opt_.base);
        if (!it->outcome.empty()) d["outcome_html"] = markdown_to_html(it->outcome);
        Value::List meta;
        auto add = [&](const std::string& label, const std::string& facet, const std::vector<std::string>& values) {
            if (values.empty()) return;
            Value m;
            m["label"] = label;
            Value::List vs;
            for (const auto& v : values) {
                Value x;
                x["label"] = value_label(s.corpus, facet, v);
                x["url"] = link(opt_.base, "/", {{facet, v}});
                vs.push_back(std::move(x));
            }
            m["values"] = Value(std::move(vs));
            meta.push_back(std::move(m));
        };
        add("Tema", "theme", it->themes);
        add("Roller", "role", it->roles);
        add("Sektorer", "sector", it->sectors);
        add("Kommuner", "municipality", it->municipalities);
        d["has_meta"] = !meta.empty() || !it->date.empty() || !it->period.empty();
        d["meta"] = Value(std::move(meta));
        if (std::string date = it->updated.empty() ? it->date : it->updated; !date.empty()) d["date"] = date;
        if (!it->period.empty()) d["period"] = it->period;
        Value::List sources;
        for (const BibEntry& e : bib.entries()) {
            Value x;
            x["html"] = runs_to_html(e.runs);
            sources.push_back(std::move(x));
        }
        d["has_sources"] = !sources.empty();
        d["sources"] = Value(std::move(sources));
        Value::List related;
        for (const auto& id : it->related) {
            if (const Item* other = s.corpus.item(id)) {
                Value x;
                x["title"] = other->title;
                x["url"] = opt_.base + "/items/" + percent_encode(other->id);
                related.push_back(std::move(x));
            }
        }
        d["has_related"] = !related.empty();
        d["related"] = Value(std::move(related));
        d["api_url"] = opt_.base + "/api/items/" + percent_encode(it->id);
        return html_page(200, it->title, "item.mustache", std::move(d));
    }
    if (const Reference* ref = s.corpus.reference(r.arg)) {
        Bibliography bib({*ref}, CiteLang::nb);
        d["title"] = ref->title.empty() ? ref->id : ref->title;
        d["kind"] = kind_label("reference");
        d["reference_html"] = runs_to_html(bib.entry(ref->id));
        d["api_url"] = opt_.base + "/api/items/" + percent_encode(ref->id);
        return html_page(200, d.get("title").as_string(), "item.mustache", std::move(d));
    }
    return error_page(404, "Kunnskapsbasen har ikke noe med id «" + r.arg + "».");
}

Response App::literature_page(const State& s) {
    Value d;
    d["references_html"] = s.literature_html;
    d["count"] = static_cast<long>(s.corpus.references.size());
    return html_page(200, "Litteratur", "literature.mustache", std::move(d));
}

Response App::notes_page(const Route& r, const State& s) {
    std::string who = first(r.params, "municipality").value_or("");
    if (!who.empty()) return note(who, r.params, s, true);
    Value d;
    Value::List formats;
    for (const auto& f : PluginHost::shared().formats()) {
        Value x;
        x["value"] = f;
        x["label"] = f == "md" ? "Markdown" : f == "html" ? "HTML (nettside)" : f == "pdf" ? "PDF" : f == "docx" ? "Word (DOCX)" : f;
        formats.push_back(std::move(x));
    }
    d["formats"] = Value(std::move(formats));
    Value::List profiles;
    for (const auto& p : s.corpus.profiles) {
        Value x;
        x["id"] = p.id;
        x["name"] = p.name.empty() ? p.id : p.name;
        x["url"] = link(opt_.base, "/notes", {{"municipality", p.id}});
        profiles.push_back(std::move(x));
    }
    d["has_profiles"] = !profiles.empty();
    d["profiles"] = Value(std::move(profiles));
    Value::List names;
    for (const auto& m : Register::builtin().all()) {
        Value x;
        x["value"] = m.name;
        x["code"] = m.code;
        names.push_back(std::move(x));
    }
    d["municipalities"] = Value(std::move(names));
    d["credit"] = kSsbCredit;
    return html_page(200, "Lag et kunnskapsnotat", "notes.mustache", std::move(d));
}

}  // namespace playmaker::serve
