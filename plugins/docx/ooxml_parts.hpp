// The parts of a WordprocessingML package other than the body: content types,
// relationships, styles, numbering, settings, the footer with page numbers, and the
// document properties. Each function returns one part's XML.
#pragma once

#include <string>
#include <vector>

namespace playmaker::docx {

// What the parts need to know about the note.
struct DocInfo {
    std::string title;
    std::string subject;      // the subtitle
    std::string author;       // dc:creator
    std::string description;  // "Laget med Playmaker 2026-…"
    std::string lang;         // BCP 47 with region: nb-NO, nn-NO, sv-SE, en-US
    std::string date;         // YYYY-MM-DD
};

// A relationship from word/document.xml to an external link.
struct Hyperlink {
    std::string id;   // rId…
    std::string url;
};

// An ordered list that restarts its numbering: one w:num per list.
struct NumberedList {
    int num_id = 0;
    int start = 1;  // the first item's number
};

// The fonts of the HTML note (Debian fonts-liberation2), named in every style.
inline constexpr const char* kSerif = "Liberation Serif";
inline constexpr const char* kSans = "Liberation Sans";
inline constexpr const char* kMono = "Liberation Mono";

// Relationship ids fixed for the parts; hyperlinks are numbered after them.
inline constexpr const char* kFooterRel = "rIdFooter";
// numId of the bullet list; ordered lists get ids from kFirstOrderedNum on.
inline constexpr int kBulletNum = 1;
inline constexpr int kFirstOrderedNum = 2;

std::string content_types_xml();
std::string package_rels_xml();
std::string document_rels_xml(const std::vector<Hyperlink>& links);
std::string styles_xml(const DocInfo& info);
std::string numbering_xml(const std::vector<NumberedList>& ordered);
std::string settings_xml(const DocInfo& info);
std::string footer_xml();
std::string core_props_xml(const DocInfo& info);
std::string app_props_xml();
std::string font_table_xml();

}  // namespace playmaker::docx
