#include "document_writer.hpp"

#include <playmaker/markdown_blocks.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "xml_out.hpp"

namespace playmaker::docx {
namespace {

// How one paragraph is set: its style and what it adds to the style.
struct Para {
    Para(std::string s = "Normal") : style(std::move(s)) {}
    std::string style;
    bool page_break = false;
    std::string bookmark;  // a bookmark around the paragraph's text (headings)
    int num_id = 0, ilvl = 0;
    int ind_left = -1;
    bool rule = false;  // a line under the paragraph (thematic break)
};

// A URL as a relationship target must be a valid URI: Word calls a document with spaces
// or raw non-ASCII bytes in a target corrupt.
std::string uri_escape(const std::string& url) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (char ch : url) {
        auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7F || std::string_view("\"<>\\^`{|}").find(ch) != std::string_view::npos) {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out;
}

class Writer {
public:
    explicit Writer(std::ostream& out) : x_(out) {}

    DocumentPart part;

    void document(const Value& v) {
        x_.open("w:document", {{"xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
                               {"xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}});
        x_.open("w:body");
        paragraph({"Title"}, {text(v.get("title").as_string())});
        paragraph({"Subtitle"}, {text(v.get("subtitle").as_string())});
        paragraph({"NoteMeta"}, {text(meta_line(v))});
        contents(v);
        for (const Value& sec : v.get("sections").as_list()) section(sec, v);
        section_properties();
        x_.finish();
    }

private:
    static MdSpan text(const std::string& s, bool italic = false) {
        MdSpan span;
        span.text = s;
        span.italic = italic;
        return span;
    }

    static std::string meta_line(const Value& v) {
        const Value& m = v.get("municipality");
        const Value& t = v.get("t");
        std::string line = m.get("name").as_string() + " (" + m.get("code").as_string() + ") \xC2\xB7 " +
                           m.get("county").as_string();
        if (m.get("norway").as_bool()) {
            line += " \xC2\xB7 " + m.get("population").as_string() + " " + t.get("note_inhabitants").as_string() + " (" +
                    t.get("intro_credit").as_string() + ")";
        }
        return line + " \xC2\xB7 " + v.get("generated").as_string();
    }

    // A bookmark name Word accepts: a letter first, letters, digits and '_' only, at most
    // 40 characters, one per key. Items are "pm_<id>" (what "#id" links point at);
    // sections "pms_<id>", so an item and a section with the same id never share one.
    std::string bookmark(const std::string& id, const char* prefix = "pm_") {
        std::string key = prefix + id;
        auto it = bookmarks_.find(key);
        if (it != bookmarks_.end()) return it->second;
        std::string name = prefix;
        for (char c : id) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
        if (name.size() > 40) name = name.substr(0, 34) + "_" + std::to_string(bookmarks_.size());
        return bookmarks_[key] = name;
    }

    // The table of contents as a Word TOC field over the section headings, its cached
    // result already filled in (so it shows before anyone updates the field).
    void contents(const Value& v) {
        const auto& toc = v.get("toc").as_list();
        if (toc.empty()) return;
        paragraph({"TOCHeading"}, {text(v.get("t").get("note_contents").as_string())});
        for (std::size_t i = 0; i < toc.size(); ++i) {
            x_.open("w:p");
            x_.open("w:pPr");
            x_.empty("w:pStyle", {{"w:val", "TOC1"}});
            x_.close();
            if (i == 0) {
                field_char("begin");
                x_.open("w:r");
                x_.leaf("w:instrText", " TOC \\o \"1-1\" \\h \\z \\u ", {{"xml:space", "preserve"}});
                x_.close();
                field_char("separate");
            }
            x_.open("w:hyperlink", {{"w:anchor", bookmark(toc[i].get("id").as_string(), "pms_")}, {"w:history", "1"}});
            run(text(toc[i].get("heading").as_string()), "");
            x_.close();
            if (i + 1 == toc.size()) field_char("end");
            x_.close();
        }
    }

    void field_char(const char* type) {
        x_.open("w:r");
        x_.empty("w:fldChar", {{"w:fldCharType", type}});
        x_.close();
    }

    void section(const Value& sec, const Value& v) {
        Para h{"Heading1"};
        h.page_break = sec.get("page_break").as_bool();
        h.bookmark = bookmark(sec.get("id").as_string(), "pms_");
        paragraph(h, {text(sec.get("heading").as_string())});
        blocks(sec.get("body_md").as_string(), 1, "");
        for (const Value& item : sec.get("items").as_list()) {
            std::string item_lang = item.get("foreign").as_bool() ? lang_tag(item.get("lang").as_string()) : "";
            Para ih{"Heading2"};
            ih.bookmark = bookmark(item.get("id").as_string());
            paragraph(ih, {text(item.get("title").as_string())}, item_lang);
            if (item.get("foreign").as_bool()) paragraph({"NoteLanguage"}, {text(item.get("lang_note").as_string())});
            blocks(item.get("body_md").as_string(), 2, item_lang);
            paragraph({"NoteReasons"}, {text(v.get("t").get("note_why").as_string() + ": " +
                                             item.get("reasons_text").as_string() + ".")});
        }
        if (sec.get("is_references").as_bool()) {
            for (const Value& ref : sec.get("references").as_list()) {
                std::vector<MdSpan> spans;
                for (const Value& r : ref.get("runs").as_list()) {
                    MdSpan s = text(r.get("text").as_string(), r.get("italic").as_bool());
                    s.link = r.get("link").as_string();
                    spans.push_back(s);
                }
                paragraph({"Bibliography"}, spans);
            }
        }
    }

    // A Markdown body; its headings sit `base` levels below the part they belong to.
    void blocks(const std::string& md, int base, const std::string& lang) {
        std::vector<int> nums;  // the w:num of the open ordered list at each depth, 0 for none
        for (const MdBlock& b : markdown_blocks(md)) {
            nums.resize(static_cast<std::size_t>(b.depth), 0);
            Para p;
            if (b.quote > 0) p.style = "Quote";
            switch (b.kind) {
                case MdBlockKind::heading: p.style = "Heading" + std::to_string(std::min(3, base + b.level)); break;
                case MdBlockKind::bullet_item:
                    p.style = "ListBullet", p.num_id = kBulletNum, p.ilvl = b.depth - 1;
                    nums.back() = 0;
                    break;
                case MdBlockKind::ordered_item: {
                    int& num = nums.back();
                    if (num == 0) {
                        num = kFirstOrderedNum + static_cast<int>(part.ordered.size());
                        part.ordered.push_back({num, b.number});
                    }
                    p.style = "ListNumber", p.num_id = num, p.ilvl = b.depth - 1;
                    break;
                }
                case MdBlockKind::code_block: p.style = "SourceCode"; break;
                case MdBlockKind::rule: p.rule = true; break;
                case MdBlockKind::paragraph:
                    if (b.depth > 0) p.ind_left = 360 * b.depth;
                    break;
            }
            paragraph(p, b.spans, lang);
        }
    }

    void paragraph(const Para& p, const std::vector<MdSpan>& spans, const std::string& lang = "") {
        x_.open("w:p");
        x_.open("w:pPr");
        x_.empty("w:pStyle", {{"w:val", p.style}});
        if (p.page_break) x_.empty("w:pageBreakBefore");
        if (p.num_id) {
            x_.open("w:numPr");
            x_.empty("w:ilvl", {{"w:val", std::to_string(p.ilvl)}});
            x_.empty("w:numId", {{"w:val", std::to_string(p.num_id)}});
            x_.close();
        }
        if (p.rule) {
            x_.open("w:pBdr");
            x_.empty("w:bottom", {{"w:val", "single"}, {"w:sz", "6"}, {"w:space", "1"}, {"w:color", "9FB4C2"}});
            x_.close();
        }
        if (p.ind_left >= 0) x_.empty("w:ind", {{"w:left", std::to_string(p.ind_left)}});
        x_.close();
        int mark = -1;
        if (!p.bookmark.empty() && placed_.insert(p.bookmark).second) {  // each name once
            mark = next_bookmark_id_++;
            x_.empty("w:bookmarkStart", {{"w:id", std::to_string(mark)}, {"w:name", p.bookmark}});
        }
        for (std::size_t i = 0; i < spans.size();) {
            const std::string& link = spans[i].link;
            std::size_t j = i;
            while (j < spans.size() && spans[j].link == link) ++j;
            bool linked = open_link(link);
            for (; i < j; ++i) run(spans[i], lang, linked);
            if (linked) x_.close();
        }
        if (mark >= 0) x_.empty("w:bookmarkEnd", {{"w:id", std::to_string(mark)}});
        x_.close();
    }

    // Opens a w:hyperlink for `link` when it leads somewhere: an external URL, or "#id"
    // of something in this document.
    bool open_link(const std::string& link) {
        if (link.empty()) return false;
        if (link[0] == '#') {
            x_.open("w:hyperlink", {{"w:anchor", bookmark(link.substr(1))}, {"w:history", "1"}});
            return true;
        }
        auto it = link_ids_.find(link);
        if (it == link_ids_.end()) {
            std::string id = "rIdLink" + std::to_string(part.links.size() + 1);
            part.links.push_back({id, uri_escape(link)});
            it = link_ids_.emplace(link, id).first;
        }
        x_.open("w:hyperlink", {{"r:id", it->second}, {"w:history", "1"}});
        return true;
    }

    void run(const MdSpan& s, const std::string& lang, bool linked = false) {
        x_.open("w:r");
        if (linked || s.bold || s.italic || s.code || !lang.empty()) {
            x_.open("w:rPr");
            if (linked) x_.empty("w:rStyle", {{"w:val", "Hyperlink"}});
            else if (s.code) x_.empty("w:rStyle", {{"w:val", "VerbatimChar"}});
            if (s.bold) {
                x_.empty("w:b");
                x_.empty("w:bCs");
            }
            if (s.italic) {
                x_.empty("w:i");
                x_.empty("w:iCs");
            }
            if (!lang.empty()) x_.empty("w:lang", {{"w:val", lang}});
            x_.close();
        }
        if (s.line_break) x_.empty("w:br");
        std::string chunk;
        auto flush = [&] {
            if (!chunk.empty()) x_.leaf("w:t", chunk, {{"xml:space", "preserve"}});
            chunk.clear();
        };
        for (char c : s.text) {
            if (c == '\t' || c == '\n') {
                flush();
                x_.empty(c == '\t' ? "w:tab" : "w:br");
            } else {
                chunk += c;
            }
        }
        flush();
        x_.close();
    }

    // A4, the HTML note's margins (22 mm top and bottom, 20 mm left and right), and the
    // footer with page numbers.
    void section_properties() {
        x_.open("w:sectPr");
        x_.empty("w:footerReference", {{"w:type", "default"}, {"r:id", kFooterRel}});
        x_.empty("w:pgSz", {{"w:w", "11906"}, {"w:h", "16838"}});
        x_.empty("w:pgMar", {{"w:top", "1247"}, {"w:right", "1134"}, {"w:bottom", "1247"}, {"w:left", "1134"},
                             {"w:header", "567"}, {"w:footer", "567"}, {"w:gutter", "0"}});
        x_.close();
    }

    XmlOut x_;
    std::map<std::string, std::string> bookmarks_;  // prefix + id → bookmark name
    std::map<std::string, std::string> link_ids_;   // URL → relationship id
    std::set<std::string> placed_;                  // bookmark names already in the document
    int next_bookmark_id_ = 1;
};

}  // namespace

std::string lang_tag(const std::string& lang) {
    if (lang == "nb") return "nb-NO";
    if (lang == "nn") return "nn-NO";
    if (lang == "sv") return "sv-SE";
    if (lang == "en") return "en-US";
    return lang;
}

DocumentPart write_document(const Value& view) {
    std::ostringstream out;
    Writer w(out);
    w.document(view);
    w.part.xml = out.str();
    return std::move(w.part);
}

}  // namespace playmaker::docx
