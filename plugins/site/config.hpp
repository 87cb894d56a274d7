// site/site.yaml: the site's title, language, front-page text and the contact for the
// accessibility statement (tilgjengelighetserklæring).
#pragma once

#include <string>

#include <playmaker/diagnostic.hpp>

namespace playmaker::site {

struct SiteConfig {
    std::string title = "Playmaker";
    std::string lang = "nb";    // UI language of pages that are not one item's
    std::string intro;          // Markdown for the front page
    int newest = 12;            // items in the front page's "newest" list
    int feed_entries = 50;      // entries in the Atom feed
    int page_size = 50;         // entries on one page of a kind list or facet page
    std::string organisation;   // who publishes the site
    std::string contact_email;
    std::string contact_phone;
    std::string contact_url;
    std::string statement_date;  // when the accessibility statement was last reviewed
    std::string bytes;           // the file as read, for the build fingerprint
};

// Reads `path` (site.yaml). Problems land in `diags` at the file's line; returns false when
// the file cannot be used.
bool read_config(const std::string& path, SiteConfig& out, Diagnostics& diags);

}  // namespace playmaker::site
