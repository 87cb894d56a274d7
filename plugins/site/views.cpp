#include "views.hpp"

#include <algorithm>
#include <set>

#include <playmaker/escape.hpp>
#include <playmaker/i18n.hpp>
#include <playmaker/note_view.hpp>

#include "output.hpp"

namespace playmaker::site {
namespace {

const char* kLangs[] = {"nb", "nn", "sv", "en"};

std::string count_text(const std::string& lang, std::size_t n) {
    return n == 1 ? ui_string(lang, "site.count_one") : ui_string(lang, "site.count", {{"count", std::to_string(n)}});
}

// Mustache treats an empty string as true, so optional text is left out rather than empty,
// and every list gets a has_<name> flag for the heading around it.
void put(Value& v, const std::string& key, const std::string& text) {
    if (!text.empty()) v[key] = text;
}
void put_list(Value& v, const std::string& key, Value list) {
    v["has_" + key] = !list.as_list().empty();
    v[key] = std::move(list);
}

}  // namespace

std::string root_of(const std::string& path) { return path.find('/') == std::string::npos ? "" : "../"; }

Views::Views(const Model& model, const SiteConfig& config, std::string base_url)
    : m_(model), cfg_(config), base_url_(std::move(base_url)) {
    for (const char* lang : kLangs) {
        bibs_[lang] = std::make_unique<Bibliography>(m_.corpus->references, *parse_cite_lang(lang));
        Value::Map t;
        // Mustache reads "a.b" as a path, so keys reach templates with '_' for '.'.
        for (const auto& [k, v] : ui_strings(lang)) {
            std::string key = k;
            std::replace(key.begin(), key.end(), '.', '_');
            t[key] = v;
        }
        strings_[lang] = Value(std::move(t));
    }
    // Every entry as each language's page shows it (italics and links included), since an
    // item page's works and citations are made from its own language's bibliography.
    Hasher h;
    for (const char* lang : kLangs) {
        h.add(lang);
        for (const auto& e : bibs_.at(lang)->entries()) h.add(e.ref->id).add(runs_to_html(e.runs));
    }
    lit_hash_ = h.hex();
    for (const char* lang : kLangs) {
        for (const char* root : {"", "../", "../../"}) {
            for (const char* nav : {"", "home", "themes", "concepts", "literature", "notes", "search"}) {
                navs_[std::string(lang) + "\t" + root + "\t" + nav] = nav_links(lang, root, nav);
            }
        }
    }
}

const Bibliography& Views::bibliography(const std::string& lang) const {
    auto it = bibs_.find(lang);
    return *(it != bibs_.end() ? it->second : bibs_.at("nb"));
}

Value Views::nav_links(const std::string& lang, const std::string& root, const std::string& nav) const {
    Value::List links;
    auto add = [&](const char* id, const std::string& key, const std::string& href) {
        Value l;
        l["label"] = ui_string(lang, key);
        l["href"] = root + href;
        l["current"] = nav == id;
        links.push_back(l);
    };
    add("home", "site.home", "index.html");
    add("themes", "site.themes", "themes/index.html");
    add("concepts", "site.glossary", "concepts/index.html");
    add("literature", "site.literature", "literature/index.html");
    add("notes", "site.notes", "notes/index.html");
    add("search", "site.search", "search/index.html");
    return links;
}

Value Views::chrome(const std::string& lang, const std::string& path, const std::string& title,
                    const std::string& nav) const {
    std::string root = root_of(path);
    Value v;
    v["lang"] = lang;
    v["html_lang"] = ui_string(lang, "html_lang");
    v["root"] = root;
    v["site_title"] = cfg_.title;
    v["page_title"] = title;
    v["has_feed"] = !base_url_.empty();
    // The same few navigation bars serve every page: made once, shared (never changed).
    auto it = navs_.find(lang + "\t" + root + "\t" + nav);
    v["nav"] = it != navs_.end() ? it->second : nav_links(lang, root, nav);
    return v;
}

Value Views::entries(const std::vector<const Item*>& items, const std::string& root) const {
    Value::List list;
    list.reserve(items.size());
    for (const Item* it : items) {
        Value e;
        e["title"] = it->title;
        e["href"] = root + item_path(*it);
        e["kind"] = kind_label(it->kind, m_.lang, false);
        put(e, "date", it->date);
        put(e, "summary", it->summary);
        if (it->lang != m_.lang) e["item_lang"] = ui_string(it->lang, "html_lang");
        list.push_back(std::move(e));
    }
    return list;
}

Value Views::link_list(const std::vector<const Item*>& items, const std::string& root) const {
    Value::List list;
    for (const Item* it : items) {
        Value e;
        e["title"] = it->title;
        e["href"] = root + item_path(*it);
        e["kind"] = kind_label(it->kind, it->lang, false);
        list.push_back(std::move(e));
    }
    return list;
}

Value Views::home() const {
    Value v = chrome(m_.lang, "index.html", cfg_.title, "home");
    v["intro_html"] = markdown_to_html(cfg_.intro);
    std::vector<const Item*> newest(m_.newest.begin(),
                                    m_.newest.begin() + std::min<std::size_t>(m_.newest.size(), cfg_.newest));
    put_list(v, "newest", entries(newest, ""));
    Value::List kinds;
    for (Kind k : kAllKinds) {
        auto it = m_.by_kind.find(k);
        if (it == m_.by_kind.end()) continue;
        Value e;
        e["label"] = kind_label(k, m_.lang, true);
        e["href"] = kind_path(k);
        e["count"] = count_text(m_.lang, it->second.size());
        kinds.push_back(e);
    }
    v["kinds"] = kinds;
    Value::List facets;
    for (const auto& f : m_.facets) {
        if (f.values.empty()) continue;
        Value e;
        e["label"] = ui_string(m_.lang, "site." + f.folder);
        e["href"] = facet_index_path(f);
        e["count"] = std::to_string(f.values.size());
        if (f.name == "theme") {
            Value::List themes;
            for (const auto& tv : f.values) {
                if (tv.items.empty()) continue;
                Value t;
                t["label"] = tv.label;
                t["href"] = facet_path(f, tv);
                t["count"] = count_text(m_.lang, tv.items.size());
                themes.push_back(t);
            }
            put_list(v, "themes", themes);
        }
        facets.push_back(e);
    }
    v["facets"] = facets;
    return v;
}

std::string Views::body_html(const Item& item, const std::string& root) const {
    if (item.citations.empty() && item.links.empty()) return item.body_html();
    const Bibliography& bib = bibliography(item.lang);
    std::string md = substitute_body(
        item,
        [&](const Citation& c) {
            std::string text = runs_to_markdown(bib.cite(c));
            if (c.refs.empty()) return text;
            return "[" + text + "](" + root + "literature/index.html#ref-" + c.refs.front().key + ")";
        },
        [&](const Link& l) {
            auto it = m_.by_id.find(l.target);
            std::string title = markdown_escape(it != m_.by_id.end() ? it->second->title : l.target);
            return it != m_.by_id.end() ? "[" + title + "](" + root + item_path(*it->second) + ")" : "*" + title + "*";
        });
    return markdown_to_html(md);
}

std::vector<Views::FacetLinks> Views::item_facets(const Item& item, const std::string& root) const {
    std::vector<FacetLinks> out;
    for (const auto& f : m_.facets) {
        FacetLinks fl{ui_string(item.lang, "facet." + f.name), {}};
        for (const auto& id : facet_ids(item, f.name)) {
            auto at = f.at.find(id);
            if (at == f.at.end()) continue;
            const FacetValue& fv = f.values[at->second];
            const Term* term = m_.corpus->taxonomy.find(f.name, fv.id);
            fl.values.emplace_back(term ? term->label(item.lang) : fv.label, root + facet_path(f, fv));
        }
        if (!fl.values.empty()) out.push_back(std::move(fl));
    }
    return out;
}

Views::Neighbours Views::neighbours(const Item& item) const {
    Neighbours n;
    for (const auto& r : item.related) {
        if (auto it = m_.by_id.find(r); it != m_.by_id.end()) n.related.push_back(it->second);
    }
    for (const auto& l : item.links) {
        if (auto it = m_.by_id.find(l.target); it != m_.by_id.end()) n.links_to.push_back(it->second);
    }
    auto back = [&](const auto& map) {
        auto it = map.find(item.id);
        return it == map.end() ? std::vector<const Item*>() : it->second;
    };
    n.linked_from = back(m_.linked_from);
    n.related_from = back(m_.related_from);
    return n;
}

std::string Views::item_key(const Item& item) const {
    // Everything item() and body_html() read, in the order they read it; the item's own
    // fields through its file's hash.
    Hasher h;
    h.add(item.hash).add(item_path(item));
    std::string root = root_of(item_path(item));
    for (const auto& f : item_facets(item, root)) {
        h.add(f.label);
        for (const auto& [label, href] : f.values) h.add(label).add(href);
    }
    for (const auto& code : item.municipalities) {
        if (const Municipality* mu = Register::builtin().find(code)) h.add(mu->name).add(mu->code).add(mu->county);
    }
    Neighbours n = neighbours(item);
    for (const auto* list : {&n.related, &n.links_to, &n.linked_from, &n.related_from}) {
        h.add("|");
        for (const Item* it : *list) h.add(it->id).add(it->title).add(item_path(*it)).add(it->lang).add(kind_name(it->kind));
    }
    if (!item.cited_keys().empty()) h.add(lit_hash_);
    return h.hex();
}

Value Views::item(const Item& item, bool with_body) const {
    // What this reads must be in item_key(), the page's fingerprint.
    std::string path = item_path(item);
    std::string root = root_of(path);
    const std::string& lang = item.lang;
    Value v = chrome(lang, path, item.title, item.kind == Kind::Concept ? "concepts" : "");
    Value iv;
    iv["id"] = item.id;
    iv["title"] = item.title;
    put(iv, "summary", item.summary);
    iv["kind"] = kind_label(item.kind, lang, false);
    iv["kind_href"] = root + kind_path(item.kind);
    iv["kinds"] = kind_label(item.kind, lang, true);
    put(iv, "date", item.date);
    put(iv, "updated", item.updated);
    put(iv, "period", item.period);
    if (!item.outcome.empty()) iv["outcome_html"] = markdown_to_html(item.outcome);
    if (with_body) iv["body_html"] = body_html(item, root);  // else the caller adds it

    // Facet values with links to their lists.
    Value::List facets;
    for (const auto& f : item_facets(item, root)) {
        Value::List vals;
        for (const auto& [label, href] : f.values) {
            Value e;
            e["label"] = label;
            e["href"] = href;
            vals.push_back(e);
        }
        Value fe;
        fe["label"] = f.label;
        fe["values"] = vals;
        facets.push_back(fe);
    }
    iv["facets"] = facets;

    Value::List munis;
    for (const auto& code : item.municipalities) {
        if (const Municipality* mu = Register::builtin().find(code)) {
            Value e;
            e["name"] = mu->name;
            e["code"] = mu->code;
            e["county"] = mu->county;
            munis.push_back(e);
        }
    }
    if (!munis.empty()) {
        put_list(iv, "municipalities", munis);
        v["ssb_credit"] = kSsbCredit;
    }

    const Bibliography& bib = bibliography(lang);
    Value::List works;
    for (const auto& key : item.cited_keys()) {
        if (!bib.find(key)) continue;
        Value e;
        e["key"] = key;
        e["html"] = runs_to_html(bib.entry(key));
        e["href"] = root + "literature/index.html#ref-" + key;
        works.push_back(e);
    }
    put_list(iv, "works", works);

    // The evidence graph around the item. Each item shows once, in the first of the lists (in
    // the page's order) it belongs to: what the author relates it to, what its body links to,
    // what mentions it, what relates to it. A mutual relation shows under "related" only.
    Neighbours n = neighbours(item);
    std::set<const Item*> shown{&item};
    auto once = [&](const std::vector<const Item*>& items) {
        std::vector<const Item*> out;
        for (const Item* it : items) {
            if (shown.insert(it).second) out.push_back(it);
        }
        return link_list(out, root);
    };
    put_list(iv, "related", once(n.related));
    put_list(iv, "links_to", once(n.links_to));
    put_list(iv, "cited_in", once(n.linked_from));
    put_list(iv, "related_from", once(n.related_from));
    v["item"] = iv;
    return v;
}

const std::vector<const Item*>& Views::of_kind(Kind kind) const {
    static const std::vector<const Item*> none;
    auto it = m_.by_kind.find(kind);
    return it == m_.by_kind.end() ? none : it->second;
}

std::size_t Views::pages(std::size_t entries) const {
    const auto size = static_cast<std::size_t>(std::max(1, cfg_.page_size));
    return entries == 0 ? 1 : (entries + size - 1) / size;
}

// Page `page` of a list of `items` whose first page is at `first`: the chrome (the title
// names the page when there are several), the whole list's count, that page's entries, and
// the pagination (left out when the list fits one page).
Value Views::list_page(const std::string& first, std::size_t page, const std::string& heading, const std::string& nav,
                       const std::vector<const Item*>& items) const {
    const std::size_t n = pages(items.size());
    const std::string path = page_path(first, page);
    const std::vector<std::pair<std::string, std::string>> numbers = {{"page", std::to_string(page)},
                                                                       {"pages", std::to_string(n)}};
    auto title = numbers;
    title.emplace_back("title", heading);
    Value v = chrome(m_.lang, path, n > 1 ? ui_string(m_.lang, "site.page_title", title) : heading, nav);
    v["heading"] = heading;
    v["count"] = count_text(m_.lang, items.size());
    const auto size = static_cast<std::size_t>(std::max(1, cfg_.page_size));
    const std::size_t begin = std::min(items.size(), (page - 1) * size), end = std::min(items.size(), begin + size);
    put_list(v, "entries", entries({items.begin() + begin, items.begin() + end}, root_of(path)));
    if (n > 1) {
        v["pagination"] = pagination(first, page, n);
        v["page_of"] = ui_string(m_.lang, "site.page_of", numbers);
    }
    return v;
}

// Previous and next, and the numbers of the first and last page and of the pages within two
// of the current one (a gap of one page shows that page rather than "…").
Value Views::pagination(const std::string& first, std::size_t page, std::size_t pages) const {
    auto href = [&](std::size_t n) {
        std::string p = page_path(first, n);
        return p.substr(p.rfind('/') + 1);  // every page of a list is in one folder
    };
    auto shown = [&](std::size_t n) { return n == 1 || n == pages || (n + 2 >= page && n <= page + 2); };
    Value v;
    if (page > 1) v["prev"] = href(page - 1);
    if (page < pages) v["next"] = href(page + 1);
    Value::List numbers;
    for (std::size_t n = 1; n <= pages; ++n) {
        Value e;
        if (!shown(n) && !(shown(n - 1) && shown(n + 1))) {
            if (shown(n - 1)) {
                e["gap"] = true;
                numbers.push_back(std::move(e));
            }
            continue;
        }
        e["number"] = std::to_string(n);
        e["href"] = href(n);
        e["current"] = n == page;
        numbers.push_back(std::move(e));
    }
    v["pages"] = numbers;
    return v;
}

// Everything list_page() reads, without building it: the list's place, heading and size,
// and how each item on the page shows in it.
std::string Views::list_key(const std::string& first, std::size_t page, const std::string& heading,
                            const std::string& nav, const std::vector<const Item*>& items) const {
    Hasher h;
    h.add("list").add(first).add(std::to_string(page)).add(heading).add(nav).add(std::to_string(items.size()));
    const auto size = static_cast<std::size_t>(std::max(1, cfg_.page_size));
    const std::size_t begin = std::min(items.size(), (page - 1) * size), end = std::min(items.size(), begin + size);
    for (std::size_t i = begin; i < end; ++i) {
        const Item& it = *items[i];
        h.add(it.id).add(it.title).add(item_path(it)).add(kind_name(it.kind)).add(it.date).add(it.summary).add(it.lang);
    }
    return h.hex();
}

Value Views::kind_list(Kind kind, std::size_t page) const {
    return list_page(kind_path(kind), page, kind_label(kind, m_.lang, true), "", of_kind(kind));
}

std::string Views::kind_list_key(Kind kind, std::size_t page) const {
    return list_key(kind_path(kind), page, kind_label(kind, m_.lang, true), "", of_kind(kind));
}

Value Views::glossary() const {
    std::string path = kind_path(Kind::Concept);
    Value v = chrome(m_.lang, path, ui_string(m_.lang, "site.glossary"), "concepts");
    auto it = m_.by_kind.find(Kind::Concept);
    Value::List terms;
    if (it != m_.by_kind.end()) {
        for (const Item* c : it->second) {
            Value e;
            e["id"] = c->id;
            e["title"] = c->title;
            put(e, "summary", c->summary);
            e["href"] = item_path(*c).substr(std::string(kind_folder(Kind::Concept)).size() + 1);
            if (c->lang != m_.lang) e["item_lang"] = ui_string(c->lang, "html_lang");
            terms.push_back(e);
        }
    }
    put_list(v, "terms", terms);
    return v;
}

Value Views::facet_index(const Facet& f) const {
    std::string path = facet_index_path(f);
    Value v = chrome(m_.lang, path, ui_string(m_.lang, "site." + f.folder), f.name == "theme" ? "themes" : "");
    Value::List vals;
    for (const auto& fv : f.values) {
        Value e;
        e["label"] = fv.label;
        e["href"] = fv.slug + ".html";
        e["count"] = count_text(m_.lang, fv.items.size());
        put(e, "definition", fv.definition);
        vals.push_back(e);
    }
    v["heading"] = ui_string(m_.lang, "site." + f.folder);
    put_list(v, "values", vals);
    if (f.name == "county") v["ssb_credit"] = kSsbCredit;
    return v;
}

std::string Views::facet_page_key(const Facet& f, const FacetValue& fv, std::size_t page) const {
    return Hasher()
        .add(list_key(facet_path(f, fv), page, fv.label, f.name == "theme" ? "themes" : "", fv.items))
        .add(f.name)
        .add(f.folder)
        .add(fv.definition)
        .hex();
}

Value Views::facet_page(const Facet& f, const FacetValue& fv, std::size_t page) const {
    Value v = list_page(facet_path(f, fv), page, fv.label, f.name == "theme" ? "themes" : "", fv.items);
    v["facet"] = ui_string(m_.lang, "facet." + f.name);
    v["facet_href"] = "index.html";
    v["facet_label"] = ui_string(m_.lang, "site." + f.folder);
    put(v, "definition", fv.definition);
    if (f.name == "county") v["ssb_credit"] = kSsbCredit;
    return v;
}

Value Views::literature() const {
    std::string path = "literature/index.html";
    Value v = chrome(m_.lang, path, ui_string(m_.lang, "site.literature"), "literature");
    Value::List refs;
    for (const auto& e : bibliography(m_.lang).entries()) {
        Value r;
        r["key"] = e.ref->id;
        r["html"] = runs_to_html(e.runs);
        auto it = m_.citing.find(e.ref->id);
        if (it != m_.citing.end()) put_list(r, "cited_by", link_list(it->second, "../"));
        refs.push_back(r);
    }
    v["references"] = refs;
    return v;
}

Value Views::search() const {
    return chrome(m_.lang, "search/index.html", ui_string(m_.lang, "site.search"), "search");
}

Value Views::accessibility() const {
    Value v = chrome(m_.lang, "tilgjengelighet/index.html", ui_string(m_.lang, "site.a11y"), "");
    put(v, "organisation", cfg_.organisation);
    put(v, "email", cfg_.contact_email);
    put(v, "phone", cfg_.contact_phone);
    put(v, "url", cfg_.contact_url);
    put(v, "reviewed", cfg_.statement_date);
    return v;
}

Value Views::not_found() const {
    // A server shows 404.html at any depth, so its links are absolute when the base URL is known.
    Value v = chrome(m_.lang, "404.html", ui_string(m_.lang, "site.not_found"), "");
    if (!base_url_.empty()) {
        v["root"] = base_url_;
        Value::List nav;
        for (const auto& l : v.get("nav").as_list()) {
            Value::Map copy = l.as_map();  // a Value's copy shares its map: copy the map
            copy["href"] = base_url_ + l.get("href").as_string();
            nav.push_back(Value(std::move(copy)));
        }
        v["nav"] = nav;
    }
    return v;
}

}  // namespace playmaker::site
