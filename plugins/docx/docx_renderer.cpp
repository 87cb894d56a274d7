// The docx renderer plugin: an Office Open XML document written with Poco::XML and
// packed with Poco::Zip — no external converter. Word styles (Title, Heading 1–3, List
// Bullet, Bibliography …) carry the layout, so the navigation pane, the table of contents
// and an author's later edits all work from the note's outline.
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <playmaker/note.hpp>
#include <playmaker/note_view.hpp>
#include <playmaker/plugin.hpp>

#include <cstdio>
#include <sstream>

#include "document_writer.hpp"
#include "ooxml_parts.hpp"

namespace {

using namespace playmaker;

// The note's date as the entries' time, so the same note gives the same bytes.
Poco::DateTime entry_time(const std::string& date) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && y >= 1980 && y < 2100 &&
        Poco::DateTime::isValid(y, m, d)) {
        return Poco::DateTime(y, m, d);
    }
    return Poco::DateTime(1980, 1, 1);
}

std::string package(const std::vector<std::pair<std::string, std::string>>& parts, const std::string& date) {
    std::ostringstream out;
    Poco::Zip::Compress zip(out, true);
    Poco::DateTime when = entry_time(date);
    for (const auto& [name, bytes] : parts) {
        std::istringstream in(bytes);
        zip.addFile(in, when, Poco::Path(name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE,
                    Poco::Zip::ZipCommon::CL_NORMAL);
    }
    zip.close();
    return out.str();
}

class DocxRenderer : public Renderer {
public:
    PluginInfo info() const override {
        return {"docx", "1.0.0", "Word document (Office Open XML) with Word styles, for editing", {"docx"}};
    }

    RenderedFile render(const Note& note, const Corpus& corpus) const override {
        Value view = note_view(note, corpus);
        docx::DocInfo info;
        info.title = note.title;
        info.subject = view.get("subtitle").as_string();
        info.author = note.profile.author.empty() ? "Playmaker" : note.profile.author;
        info.description = view.get("generated").as_string();
        info.lang = docx::lang_tag(note.lang);
        info.date = note.date;
        docx::DocumentPart doc = docx::write_document(view);
        std::string bytes = package({{"[Content_Types].xml", docx::content_types_xml()},
                                     {"_rels/.rels", docx::package_rels_xml()},
                                     {"docProps/core.xml", docx::core_props_xml(info)},
                                     {"docProps/app.xml", docx::app_props_xml()},
                                     {"word/document.xml", doc.xml},
                                     {"word/_rels/document.xml.rels", docx::document_rels_xml(doc.links)},
                                     {"word/styles.xml", docx::styles_xml(info)},
                                     {"word/numbering.xml", docx::numbering_xml(doc.ordered)},
                                     {"word/settings.xml", docx::settings_xml(info)},
                                     {"word/fontTable.xml", docx::font_table_xml()},
                                     {"word/footer1.xml", docx::footer_xml()}},
                                    note.date);
        return {std::move(bytes), "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"};
    }
};

}  // namespace

PLAYMAKER_PLUGIN_BEGIN
POCO_EXPORT_CLASS(DocxRenderer)
PLAYMAKER_PLUGIN_END
