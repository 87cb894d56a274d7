// The pdf renderer plugin: the HTML note (templates/note/html.mustache, the same view the
// html plugin renders) printed by headless Debian chromium — A4, page numbers from the
// template's @page rule, tagged, with a document outline, the note's title and language.
#include <playmaker/note.hpp>
#include <playmaker/note_view.hpp>
#include <playmaker/plugin.hpp>

#include <fstream>

#include "chromium.hpp"

namespace {

using namespace playmaker;

// Generous: a ten-page note prints in a few seconds, but `notes` may run one chromium
// per core on a busy machine.
constexpr int kTimeoutSeconds = 180;

class PdfRenderer : public Renderer {
public:
    PluginInfo info() const override {
        return {"pdf", "1.0.0", "PDF of the HTML note, printed by headless chromium (tagged, with outline)", {"pdf"}};
    }

    RenderedFile render(const Note& note, const Corpus& corpus) const override {
        std::string chromium = pdf::find_chromium();
        if (chromium.empty()) throw ToolMissing("chromium", "chromium");
        std::string html = render_template("html.mustache", note_template("html.mustache"), note_view(note, corpus));
        pdf::TempDir dir;
        std::string html_file = dir.path() + "/note.html";
        {
            std::ofstream out(html_file, std::ios::binary);
            out << html;
            if (!out.flush()) throw std::runtime_error("cannot write " + html_file);
        }
        return {pdf::print_to_pdf(chromium, html_file, dir.path(), kTimeoutSeconds), "pdf", "application/pdf"};
    }
};

}  // namespace

PLAYMAKER_PLUGIN_BEGIN
POCO_EXPORT_CLASS(PdfRenderer)
PLAYMAKER_PLUGIN_END
