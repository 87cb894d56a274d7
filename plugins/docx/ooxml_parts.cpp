#include "ooxml_parts.hpp"

#include <sstream>
#include <tuple>

#include "xml_out.hpp"

namespace playmaker::docx {
namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRelPkg = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kRelDoc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kHeadingColor = "0B3A53";

template <class F>
std::string part(F&& body) {
    std::ostringstream out;
    XmlOut x(out);
    body(x);
    x.finish();
    return out.str();
}

// One paragraph or character style, written in the element order the schema demands
// (Word refuses a document whose pPr/rPr children are out of order).
struct Style {
    std::string type = "paragraph", id, name, based_on = "Normal", next;
    bool primary = true;  // shown in the style gallery (qFormat)
    // pPr
    bool keep_next = false, keep_lines = false, border_bottom = false, center = false;
    int num_id = 0;                           // list numbering
    int before = -1, after = -1, line = -1;   // twips; line in 240ths (auto)
    int ind_left = -1, ind_hanging = -1;      // twips
    int outline = -1;                         // 0-based outline level; 9 = body text
    // rPr
    std::string font, color;
    bool bold = false, italic = false, underline = false;
    int size = 0;  // half-points
};

void write_style(XmlOut& x, const Style& s) {
    std::vector<std::pair<std::string, std::string>> attrs = {{"w:type", s.type}, {"w:styleId", s.id}};
    x.open("w:style", attrs);
    x.empty("w:name", {{"w:val", s.name}});
    if (!s.based_on.empty()) x.empty("w:basedOn", {{"w:val", s.based_on}});
    if (!s.next.empty()) x.empty("w:next", {{"w:val", s.next}});
    if (s.primary) x.empty("w:qFormat");
    if (s.type == "paragraph") {
        x.open("w:pPr");
        if (s.keep_next) x.empty("w:keepNext");
        if (s.keep_lines) x.empty("w:keepLines");
        if (s.num_id) {
            x.open("w:numPr");
            x.empty("w:numId", {{"w:val", std::to_string(s.num_id)}});
            x.close();
        }
        if (s.border_bottom) {
            x.open("w:pBdr");
            x.empty("w:bottom", {{"w:val", "single"}, {"w:sz", "6"}, {"w:space", "2"}, {"w:color", "9FB4C2"}});
            x.close();
        }
        if (s.before >= 0 || s.after >= 0 || s.line >= 0) {
            std::vector<std::pair<std::string, std::string>> sp;
            if (s.before >= 0) sp.emplace_back("w:before", std::to_string(s.before));
            if (s.after >= 0) sp.emplace_back("w:after", std::to_string(s.after));
            if (s.line >= 0) {
                sp.emplace_back("w:line", std::to_string(s.line));
                sp.emplace_back("w:lineRule", "auto");
            }
            x.open("w:spacing", sp);
            x.close();
        }
        if (s.ind_left >= 0) {
            if (s.ind_hanging >= 0) {
                x.empty("w:ind", {{"w:left", std::to_string(s.ind_left)}, {"w:hanging", std::to_string(s.ind_hanging)}});
            } else {
                x.empty("w:ind", {{"w:left", std::to_string(s.ind_left)}});
            }
        }
        if (s.center) x.empty("w:jc", {{"w:val", "center"}});
        if (s.outline >= 0) x.empty("w:outlineLvl", {{"w:val", std::to_string(s.outline)}});
        x.close();
    }
    x.open("w:rPr");
    if (!s.font.empty()) {
        x.empty("w:rFonts", {{"w:ascii", s.font}, {"w:hAnsi", s.font}, {"w:cs", s.font}, {"w:eastAsia", s.font}});
    }
    if (s.bold) {
        x.empty("w:b");
        x.empty("w:bCs");
    }
    if (s.italic) {
        x.empty("w:i");
        x.empty("w:iCs");
    }
    if (!s.color.empty()) x.empty("w:color", {{"w:val", s.color}});
    if (s.size) {
        x.empty("w:sz", {{"w:val", std::to_string(s.size)}});
        x.empty("w:szCs", {{"w:val", std::to_string(s.size)}});
    }
    if (s.underline) x.empty("w:u", {{"w:val", "single"}});
    x.close();
    x.close();
}

Style heading(int level) {
    Style s;
    s.id = "Heading" + std::to_string(level);
    s.name = "heading " + std::to_string(level);  // Word's built-in name: localised in its UI
    s.next = "Normal";
    s.keep_next = s.keep_lines = true;
    s.font = kSans;
    s.color = kHeadingColor;
    s.bold = true;
    s.line = 250;  // the HTML's line-height 1.2
    s.outline = level - 1;
    if (level == 1) {
        s.size = 30, s.before = 240, s.after = 180, s.border_bottom = true;
    } else if (level == 2) {
        s.size = 24, s.before = 264, s.after = 72;
    } else {
        s.size = 22, s.before = 200, s.after = 60;
    }
    return s;
}

}  // namespace

std::string content_types_xml() {
    return part([](XmlOut& x) {
        x.open("Types", {{"xmlns", "http://schemas.openxmlformats.org/package/2006/content-types"}});
        x.empty("Default", {{"Extension", "rels"}, {"ContentType", "application/vnd.openxmlformats-package.relationships+xml"}});
        x.empty("Default", {{"Extension", "xml"}, {"ContentType", "application/xml"}});
        const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
        for (const auto& [name, type] : std::vector<std::pair<std::string, std::string>>{
                 {"/word/document.xml", wml + "document.main+xml"},
                 {"/word/styles.xml", wml + "styles+xml"},
                 {"/word/numbering.xml", wml + "numbering+xml"},
                 {"/word/settings.xml", wml + "settings+xml"},
                 {"/word/fontTable.xml", wml + "fontTable+xml"},
                 {"/word/footer1.xml", wml + "footer+xml"},
                 {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
                 {"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"}}) {
            x.empty("Override", {{"PartName", name}, {"ContentType", type}});
        }
    });
}

std::string package_rels_xml() {
    return part([](XmlOut& x) {
        x.open("Relationships", {{"xmlns", kRelPkg}});
        x.empty("Relationship", {{"Id", "rId1"}, {"Type", std::string(kRelDoc) + "officeDocument"}, {"Target", "word/document.xml"}});
        x.empty("Relationship", {{"Id", "rId2"},
                                 {"Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"},
                                 {"Target", "docProps/core.xml"}});
        x.empty("Relationship", {{"Id", "rId3"}, {"Type", std::string(kRelDoc) + "extended-properties"}, {"Target", "docProps/app.xml"}});
    });
}

std::string document_rels_xml(const std::vector<Hyperlink>& links) {
    return part([&](XmlOut& x) {
        x.open("Relationships", {{"xmlns", kRelPkg}});
        for (const auto& [id, target] : std::vector<std::pair<std::string, std::string>>{
                 {"rIdStyles", "styles"}, {"rIdNumbering", "numbering"}, {"rIdSettings", "settings"},
                 {"rIdFontTable", "fontTable"}, {kFooterRel, "footer"}}) {
            x.empty("Relationship", {{"Id", id}, {"Type", std::string(kRelDoc) + target},
                                     {"Target", target == "footer" ? "footer1.xml" : target + ".xml"}});
        }
        for (const auto& l : links) {
            x.empty("Relationship", {{"Id", l.id}, {"Type", std::string(kRelDoc) + "hyperlink"}, {"Target", l.url},
                                     {"TargetMode", "External"}});
        }
    });
}

std::string styles_xml(const DocInfo& info) {
    return part([&](XmlOut& x) {
        x.open("w:styles", {{"xmlns:w", kW}});
        x.open("w:docDefaults");
        x.open("w:rPrDefault");
        x.open("w:rPr");
        x.empty("w:rFonts", {{"w:ascii", kSerif}, {"w:hAnsi", kSerif}, {"w:cs", kSerif}, {"w:eastAsia", kSerif}});
        x.empty("w:sz", {{"w:val", "22"}});
        x.empty("w:szCs", {{"w:val", "22"}});
        x.empty("w:lang", {{"w:val", info.lang}, {"w:eastAsia", info.lang}, {"w:bidi", info.lang}});
        x.close();
        x.close();
        x.open("w:pPrDefault");
        x.open("w:pPr");
        x.empty("w:spacing", {{"w:after", "120"}, {"w:line", "292"}, {"w:lineRule", "auto"}});
        x.close();
        x.close();
        x.close();

        x.open("w:style", {{"w:type", "paragraph"}, {"w:default", "1"}, {"w:styleId", "Normal"}});
        x.empty("w:name", {{"w:val", "Normal"}});
        x.empty("w:qFormat");
        x.open("w:pPr");
        x.empty("w:widowControl");
        x.close();
        x.open("w:rPr");
        x.empty("w:color", {{"w:val", "1A1A1A"}});
        x.close();
        x.close();
        x.open("w:style", {{"w:type", "character"}, {"w:default", "1"}, {"w:styleId", "DefaultParagraphFont"}});
        x.empty("w:name", {{"w:val", "Default Paragraph Font"}});
        x.empty("w:uiPriority", {{"w:val", "1"}});
        x.empty("w:semiHidden");
        x.empty("w:unhideWhenUsed");
        x.close();

        Style title;
        title.id = "Title", title.name = "Title", title.next = "Subtitle";
        title.font = kSans, title.color = kHeadingColor, title.bold = true, title.size = 40;
        title.after = 80, title.line = 250, title.keep_next = true;
        write_style(x, title);
        Style subtitle;
        subtitle.id = "Subtitle", subtitle.name = "Subtitle", subtitle.next = "Normal";
        subtitle.size = 26, subtitle.after = 240;
        write_style(x, subtitle);
        for (int level = 1; level <= 3; ++level) write_style(x, heading(level));

        Style toc_heading = heading(1);
        toc_heading.id = "TOCHeading", toc_heading.name = "TOC Heading", toc_heading.based_on = "Heading1";
        toc_heading.outline = 9;  // not itself in the outline or the table of contents
        write_style(x, toc_heading);
        Style toc1;
        toc1.id = "TOC1", toc1.name = "toc 1", toc1.after = 40, toc1.primary = false;
        write_style(x, toc1);

        Style bullet;
        bullet.id = "ListBullet", bullet.name = "List Bullet", bullet.num_id = kBulletNum, bullet.after = 60;
        write_style(x, bullet);
        Style number;
        number.id = "ListNumber", number.name = "List Number", number.after = 60;
        write_style(x, number);
        Style bib;
        bib.id = "Bibliography", bib.name = "Bibliography", bib.ind_left = 720, bib.ind_hanging = 720, bib.after = 100;
        write_style(x, bib);
        Style quote;
        quote.id = "Quote", quote.name = "Quote", quote.ind_left = 567, quote.italic = true;
        write_style(x, quote);
        Style code;
        code.id = "SourceCode", code.name = "Source Code", code.font = kMono, code.size = 19, code.line = 240;
        write_style(x, code);
        Style meta;
        meta.id = "NoteMeta", meta.name = "Note Details", meta.size = 20, meta.color = "444444", meta.after = 240;
        write_style(x, meta);
        Style why;
        why.id = "NoteReasons", why.name = "Note Reasons", why.size = 19, why.color = "3D4F5C", why.after = 80;
        write_style(x, why);
        Style langnote = why;
        langnote.id = "NoteLanguage", langnote.name = "Note Language", langnote.italic = true;
        write_style(x, langnote);
        Style footer;
        footer.id = "Footer", footer.name = "footer", footer.center = true, footer.size = 18, footer.after = 0;
        footer.font = kSans, footer.primary = false;
        write_style(x, footer);
        Style link;
        link.type = "character", link.id = "Hyperlink", link.name = "Hyperlink", link.based_on = "DefaultParagraphFont";
        link.color = "0B4F7A", link.underline = true, link.primary = false;
        write_style(x, link);
        Style code_char;
        code_char.type = "character", code_char.id = "VerbatimChar", code_char.name = "Verbatim Char";
        code_char.based_on = "DefaultParagraphFont", code_char.font = kMono, code_char.primary = false;
        write_style(x, code_char);
    });
}

std::string numbering_xml(const std::vector<NumberedList>& ordered) {
    return part([&](XmlOut& x) {
        x.open("w:numbering", {{"xmlns:w", kW}});
        for (int abstract = 0; abstract < 2; ++abstract) {
            bool bullets = abstract == 0;
            x.open("w:abstractNum", {{"w:abstractNumId", std::to_string(abstract)}});
            x.empty("w:multiLevelType", {{"w:val", "hybridMultilevel"}});
            for (int lvl = 0; lvl < 6; ++lvl) {
                x.open("w:lvl", {{"w:ilvl", std::to_string(lvl)}});
                x.empty("w:start", {{"w:val", "1"}});
                x.empty("w:numFmt", {{"w:val", bullets ? "bullet" : "decimal"}});
                x.empty("w:lvlText", {{"w:val", bullets ? (lvl % 2 ? "\xE2\x80\x93" : "\xE2\x80\xA2")
                                                        : "%" + std::to_string(lvl + 1) + "."}});
                x.empty("w:lvlJc", {{"w:val", "left"}});
                x.open("w:pPr");
                x.empty("w:ind", {{"w:left", std::to_string(360 * (lvl + 1))}, {"w:hanging", "360"}});
                x.close();
                if (bullets) {
                    x.open("w:rPr");
                    x.empty("w:rFonts", {{"w:ascii", kSerif}, {"w:hAnsi", kSerif}});
                    x.close();
                }
                x.close();
            }
            x.close();
        }
        x.open("w:num", {{"w:numId", std::to_string(kBulletNum)}});
        x.empty("w:abstractNumId", {{"w:val", "0"}});
        x.close();
        for (const auto& l : ordered) {  // each ordered list counts from its own start
            x.open("w:num", {{"w:numId", std::to_string(l.num_id)}});
            x.empty("w:abstractNumId", {{"w:val", "1"}});
            for (int lvl = 0; lvl < 6; ++lvl) {
                x.open("w:lvlOverride", {{"w:ilvl", std::to_string(lvl)}});
                x.empty("w:startOverride", {{"w:val", std::to_string(lvl == 0 ? l.start : 1)}});
                x.close();
            }
            x.close();
        }
    });
}

std::string settings_xml(const DocInfo& info) {
    return part([&](XmlOut& x) {
        x.open("w:settings", {{"xmlns:w", kW}});
        x.empty("w:defaultTabStop", {{"w:val", "708"}});
        x.empty("w:characterSpacingControl", {{"w:val", "doNotCompress"}});
        x.open("w:compat");
        x.empty("w:compatSetting", {{"w:name", "compatibilityMode"}, {"w:uri", "http://schemas.microsoft.com/office/word"},
                                    {"w:val", "15"}});
        x.close();
        x.empty("w:themeFontLang", {{"w:val", info.lang}});
    });
}

std::string footer_xml() {
    return part([](XmlOut& x) {
        x.open("w:ftr", {{"xmlns:w", kW}, {"xmlns:r", kR}});
        x.open("w:p");
        x.open("w:pPr");
        x.empty("w:pStyle", {{"w:val", "Footer"}});
        x.close();
        auto field = [&](const char* instr) {
            x.open("w:fldSimple", {{"w:instr", instr}});
            x.open("w:r");
            x.leaf("w:t", "1");
            x.close();
            x.close();
        };
        field(" PAGE ");
        x.open("w:r");
        x.leaf("w:t", " / ", {{"xml:space", "preserve"}});
        x.close();
        field(" NUMPAGES ");
    });
}

std::string core_props_xml(const DocInfo& info) {
    return part([&](XmlOut& x) {
        x.open("cp:coreProperties",
               {{"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
                {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
                {"xmlns:dcterms", "http://purl.org/dc/terms/"},
                {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"}});
        x.leaf("dc:title", info.title);
        x.leaf("dc:subject", info.subject);
        x.leaf("dc:creator", info.author);
        x.leaf("dc:description", info.description);
        x.leaf("dc:language", info.lang);
        if (info.date.size() == 10) {
            x.leaf("dcterms:created", info.date + "T00:00:00Z", {{"xsi:type", "dcterms:W3CDTF"}});
            x.leaf("dcterms:modified", info.date + "T00:00:00Z", {{"xsi:type", "dcterms:W3CDTF"}});
        }
    });
}

std::string app_props_xml() {
    return part([](XmlOut& x) {
        x.open("Properties", {{"xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}});
        x.leaf("Application", "Playmaker");
    });
}

std::string font_table_xml() {
    return part([](XmlOut& x) {
        x.open("w:fonts", {{"xmlns:w", kW}});
        for (const auto& [name, family, pitch] : std::vector<std::tuple<std::string, std::string, std::string>>{
                 {kSerif, "roman", "variable"}, {kSans, "swiss", "variable"}, {kMono, "modern", "fixed"}}) {
            x.open("w:font", {{"w:name", name}});
            x.empty("w:family", {{"w:val", family}});
            x.empty("w:pitch", {{"w:val", pitch}});
            x.close();
        }
    });
}

}  // namespace playmaker::docx
