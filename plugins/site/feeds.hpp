// The files that need absolute URLs (sitemap.xml, the Atom feed) and robots.txt. Written in
// C++ rather than Mustache: XML wants its own escaping, and no character outside XML 1.0
// may reach them.
#pragma once

#include <string>
#include <vector>

#include "model.hpp"

namespace playmaker::site {

// `pages` are paths from the site root; `base_url` ends in '/'.
std::string sitemap_xml(const std::vector<std::string>& pages, const std::string& base_url);
// The `count` items most recently written or updated, newest first.
std::string atom_feed(const Model& m, const std::string& title, const std::string& base_url, int count);
std::string robots_txt(const std::string& base_url);

// Text as XML character data: escaped, and characters XML 1.0 forbids left out.
std::string xml_text(const std::string& s);

}  // namespace playmaker::site
