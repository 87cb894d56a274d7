// The bibtex importer plugin: content/literature/*.bib into references.
#include <playmaker/plugin.hpp>

#include "bibtex_parser.hpp"

namespace {

class BibtexImporter : public playmaker::Importer {
public:
    playmaker::PluginInfo info() const override {
        return {"bibtex", "1.0.0", "BibTeX and BibLaTeX literature (Zotero, JabRef exports)", {".bib"}};
    }
    void import(std::string_view bytes, const std::string& name, std::vector<playmaker::Reference>& out,
                playmaker::Diagnostics& diags) const override {
        playmaker::bibtex::parse(bytes, name, out, diags);
    }
};

}  // namespace

PLAYMAKER_PLUGIN_BEGIN
POCO_EXPORT_CLASS(BibtexImporter)
PLAYMAKER_PLUGIN_END
