#include "render/json.hpp"

#include <Poco/JSON/Array.h>

#include <sstream>

#include "playmaker/cite.hpp"

namespace playmaker::json {
namespace {

Poco::JSON::Array strings(const std::vector<std::string>& v) {
    Poco::JSON::Array a;
    for (const auto& s : v) a.add(s);
    return a;
}

Poco::JSON::Array names(const std::vector<Name>& v) {
    Poco::JSON::Array a;
    for (const auto& n : v) {
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        if (!n.literal.empty()) {
            o.set("literal", n.literal);
        } else {
            o.set("family", n.family);
            if (!n.given.empty()) o.set("given", n.given);
        }
        a.add(o);
    }
    return a;
}

}  // namespace

Poco::JSON::Object search_results(const std::string& query, const SearchResults& res) {
    Poco::JSON::Object out(Poco::JSON_PRESERVE_KEY_ORDER);
    out.set("query", query);
    out.set("total", res.total);
    Poco::JSON::Array list;
    for (const auto& r : res.results) {
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("id", r.id);
        o.set("kind", r.kind);
        o.set("title", r.title);
        o.set("score", r.score);
        o.set("snippet", r.snippet);
        o.set("path", r.path);
        list.add(o);
    }
    out.set("results", list);
    Poco::JSON::Object facets(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [name, values] : res.facets) {
        Poco::JSON::Object f(Poco::JSON_PRESERVE_KEY_ORDER);
        for (const auto& v : values) f.set(v.value, v.count);
        facets.set(name, f);
    }
    out.set("facets", facets);
    return out;
}

Poco::JSON::Object municipalities(const std::string& query, const std::vector<const Municipality*>& found) {
    Poco::JSON::Array list;
    for (const auto* m : found) {
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
    out.set("total", static_cast<int>(found.size()));
    out.set("municipalities", list);
    out.set("source", std::string(kSsbCredit) + " (SSB); SCB for Sweden");
    return out;
}

Poco::JSON::Object item(const Item& it) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", it.id);
    o.set("kind", std::string(kind_name(it.kind)));
    o.set("title", it.title);
    o.set("summary", it.summary);
    o.set("lang", it.lang);
    o.set("themes", strings(it.themes));
    o.set("roles", strings(it.roles));
    o.set("sectors", strings(it.sectors));
    o.set("municipalities", strings(it.municipalities));
    o.set("date", it.date);
    o.set("updated", it.updated);
    o.set("period", it.period);
    o.set("outcome", it.outcome);
    o.set("sources", strings(it.sources));
    o.set("related", strings(it.related));
    o.set("path", it.path);
    o.set("body", it.body);
    o.set("body_html", it.body_html());
    return o;
}

Poco::JSON::Object reference(const Reference& ref, const std::string& lang) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", ref.id);
    o.set("kind", std::string("reference"));
    o.set("type", ref.type);
    o.set("title", ref.title);
    o.set("author", names(ref.authors));
    o.set("editor", names(ref.editors));
    if (ref.issued.year) o.set("year", ref.issued.year);
    o.set("container_title", ref.container_title);
    o.set("publisher", ref.publisher);
    o.set("doi", ref.doi);
    o.set("url", ref.url);
    o.set("path", ref.path);
    Bibliography bib({ref}, parse_cite_lang(lang).value_or(CiteLang::nb));
    Runs runs = bib.entry(ref.id);
    o.set("text", runs_to_text(runs));
    o.set("html", runs_to_html(runs));
    return o;
}

std::string to_string(const Poco::JSON::Object& o) {
    std::ostringstream s;
    o.stringify(s);
    return s.str();
}

}  // namespace playmaker::json
