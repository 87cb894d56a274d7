// The markdown renderer plugin: Pandoc-compatible Markdown with a YAML metadata block,
// citations resolved and the reference list written out, from templates/note/markdown.mustache.
#include <playmaker/note_view.hpp>
#include <playmaker/plugin.hpp>

namespace {

class MarkdownRenderer : public playmaker::Renderer {
public:
    playmaker::PluginInfo info() const override {
        return {"markdown", "1.0.0", "Pandoc-compatible Markdown with a YAML metadata block", {"md"}};
    }
    playmaker::RenderedFile render(const playmaker::Note& note, const playmaker::Corpus& corpus) const override {
        const std::string& tmpl = playmaker::note_template("markdown.mustache");
        return {playmaker::render_template("markdown.mustache", tmpl, playmaker::note_view(note, corpus)), "md",
                "text/markdown; charset=utf-8"};
    }
};

}  // namespace

PLAYMAKER_PLUGIN_BEGIN
POCO_EXPORT_CLASS(MarkdownRenderer)
PLAYMAKER_PLUGIN_END
