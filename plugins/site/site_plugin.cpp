// The site plugin: the whole knowledge base as a static site that works from any plain web
// host and from file:// — relative links only, nothing loaded from elsewhere, no JavaScript
// needed. Pages are rendered in parallel from templates/site/*.mustache; a page whose
// fingerprint is unchanged since the last build is hard-linked from it (output.hpp).
#include <playmaker/plugin.hpp>

#include "builder.hpp"

namespace {

class SitePlugin : public playmaker::SiteBuilder {
public:
    playmaker::PluginInfo info() const override {
        return {"site", "1.0.0", "static public site: items, facets, literature, glossary, notes", {"site"}};
    }
    bool build(const playmaker::SiteRequest& request, playmaker::SiteStats& stats,
               playmaker::Diagnostics& diags) const override {
        return playmaker::site::build_site(request, stats, diags);
    }
};

}  // namespace

PLAYMAKER_PLUGIN_BEGIN
POCO_EXPORT_CLASS(SitePlugin)
PLAYMAKER_PLUGIN_END
