#pragma once

#include <playmaker/plugin.hpp>

namespace playmaker::site {

// Builds the site `request` describes; see SiteBuilder::build.
bool build_site(const SiteRequest& request, SiteStats& stats, Diagnostics& diags);

}  // namespace playmaker::site
