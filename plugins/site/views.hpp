// The data each site template reads: one Value per page, built from the Model. Views are
// pure functions of the model and settings, so a page's fingerprint can be the hash of
// its view (item pages hash the item's file instead of the rendered body).
#pragma once

#include <map>
#include <memory>
#include <string>

#include <playmaker/cite.hpp>
#include <playmaker/value.hpp>

#include "config.hpp"
#include "model.hpp"

namespace playmaker::site {

// The relative prefix from a page at `path` to the site root: "" or "../".
std::string root_of(const std::string& path);

class Views {
public:
    Views(const Model& model, const SiteConfig& config, std::string base_url);

    const Model& model() const { return m_; }
    const SiteConfig& config() const { return cfg_; }

    // What every page shows around its content: language, UI strings, navigation. `path`
    // is the page's path from the site root (links are made relative to it).
    Value chrome(const std::string& lang, const std::string& path, const std::string& title,
                 const std::string& nav) const;

    Value home() const;
    // Without the body when `with_body` is false (the caller adds it).
    Value item(const Item& item, bool with_body) const;
    // The item page's fingerprint, from what item() and body_html() read — the item's file
    // (its hash), its place, its facets' labels and links, its municipalities, how the items
    // it links or relates to, and those that link or relate to it, show, and the literature
    // when it cites — without building the view. Whatever item() comes to read must be
    // added here (tests/e2e/test_site.py holds a rebuilt site equal to a fresh one).
    std::string item_key(const Item& item) const;
    // Page `page` (1-based) of a kind list or a facet page; see pages() for how many.
    Value kind_list(Kind kind, std::size_t page) const;
    // The fingerprints of those two pages, from what their views read (see list_key).
    std::string kind_list_key(Kind kind, std::size_t page) const;
    std::string facet_page_key(const Facet& f, const FacetValue& v, std::size_t page) const;
    Value glossary() const;
    Value facet_index(const Facet& f) const;
    Value facet_page(const Facet& f, const FacetValue& v, std::size_t page) const;
    Value literature() const;
    Value search() const;
    Value accessibility() const;
    Value not_found() const;

    // The number of pages a list of `entries` takes (at least 1, for an empty list).
    std::size_t pages(std::size_t entries) const;
    std::size_t kind_pages(Kind kind) const { return pages(of_kind(kind).size()); }

    // A literature fingerprint: changes when any reference does.
    const std::string& literature_hash() const { return lit_hash_; }
    const Bibliography& bibliography(const std::string& lang) const;
    // The item's body as HTML: citations linked to the literature, [[links]] to item pages.
    std::string body_html(const Item& item) const { return body_html(item, root_of(item_path(item))); }

private:
    struct FacetLinks {
        std::string label;                                       // the facet's name
        std::vector<std::pair<std::string, std::string>> values;  // label, href
    };
    // The item's values of each facet, with links to their lists (facets it has none of are
    // left out).
    std::vector<FacetLinks> item_facets(const Item& item, const std::string& root) const;
    // The evidence graph around an item, before each item is shown once.
    struct Neighbours {
        std::vector<const Item*> related, links_to, linked_from, related_from;
    };
    Neighbours neighbours(const Item& item) const;
    Value nav_links(const std::string& lang, const std::string& root, const std::string& nav) const;
    Value entries(const std::vector<const Item*>& items, const std::string& root) const;
    Value link_list(const std::vector<const Item*>& items, const std::string& root) const;
    const std::vector<const Item*>& of_kind(Kind kind) const;
    // What list_page() reads, hashed; whatever it comes to read must be added here.
    std::string list_key(const std::string& first, std::size_t page, const std::string& heading, const std::string& nav,
                         const std::vector<const Item*>& items) const;
    Value list_page(const std::string& first, std::size_t page, const std::string& heading, const std::string& nav,
                    const std::vector<const Item*>& items) const;
    Value pagination(const std::string& first, std::size_t page, std::size_t pages) const;
    std::string body_html(const Item& item, const std::string& root) const;

    const Model& m_;
    const SiteConfig& cfg_;
    std::string base_url_;
    std::string lit_hash_;
    std::map<std::string, std::unique_ptr<Bibliography>> bibs_;  // by language, all four
    std::map<std::string, Value> strings_;                        // "t" by language
    std::map<std::string, Value> navs_;  // navigation bars by "lang\troot\tnav", made once
};


}  // namespace playmaker::site
