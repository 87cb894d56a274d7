// The html renderer plugin: one self-contained HTML file per note (inline CSS, no
// external request), from templates/note/html.mustache over the note's data view.
#include <playmaker/note_view.hpp>
#include <playmaker/plugin.hpp>

namespace {

class HtmlRenderer : public playmaker::Renderer {
public:
    playmaker::PluginInfo info() const override {
        return {"html", "1.0.0", "self-contained HTML note, A4 print styles", {"html"}};
    }
    playmaker::RenderedFile render(const playmaker::Note& note, const playmaker::Corpus& corpus) const override {
        const std::string& tmpl = playmaker::note_template("html.mustache");
        return {playmaker::render_template("html.mustache", tmpl, playmaker::note_view(note, corpus)), "html",
                "text/html; charset=utf-8"};
    }
};

}  // namespace

PLAYMAKER_PLUGIN_BEGIN
POCO_EXPORT_CLASS(HtmlRenderer)
PLAYMAKER_PLUGIN_END
