// word/document.xml from a note's data view (note_view()): a walk over the same sections,
// items and reference list the HTML template shows, with Markdown bodies taken block by
// block from markdown_blocks() — never from HTML.
#pragma once

#include <playmaker/value.hpp>

#include <string>
#include <vector>

#include "ooxml_parts.hpp"

namespace playmaker::docx {

struct DocumentPart {
    std::string xml;
    std::vector<Hyperlink> links;         // external links, for word/_rels/document.xml.rels
    std::vector<NumberedList> ordered;    // ordered lists, for word/numbering.xml
};

// The note's own language is the document default (styles.xml); items in another
// language carry their own tag on their runs.
DocumentPart write_document(const Value& view);

// "nb" → "nb-NO", "nn" → "nn-NO", "sv" → "sv-SE", "en" → "en-US".
std::string lang_tag(const std::string& lang);

}  // namespace playmaker::docx
