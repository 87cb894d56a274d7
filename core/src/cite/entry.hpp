// One reference-list entry, following apa.csl's bibliography layout for the types a
// knowledge base cites: book, chapter, journal/magazine/newspaper article, report (and
// government documents such as NOU and Meld. St. as reports with a number), thesis, webpage.
#pragma once

#include <string>

#include "playmaker/cite.hpp"

namespace playmaker::cite {

// `suffix` is the work's year suffix ("a", "b", or "").
Runs format_entry(const Reference& r, CiteLang lang, const std::string& suffix);

// The title as APA puts it where an author would stand (a work without author or editor):
// italic, or in quotation marks when the work sits in a container. `in_text` uses the
// in-text form (title case in English).
Runs title_as_author(const Reference& r, CiteLang lang, bool in_text);

// The DOI as a link: "https://doi.org/10.1000/x", whatever prefix the field had.
std::string doi_url(std::string_view doi);

}  // namespace playmaker::cite
