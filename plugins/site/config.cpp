#include "config.hpp"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

namespace playmaker::site {
namespace {

std::string str(const YAML::Node& n, const char* key, const std::string& fallback = "") {
    YAML::Node v = n[key];
    return v.IsDefined() && v.IsScalar() ? v.Scalar() : fallback;
}

}  // namespace

bool read_config(const std::string& path, SiteConfig& out, Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(path, 0, 0, "cannot read the site settings");
        return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    out.bytes = ss.str();
    try {
        YAML::Node root = YAML::Load(out.bytes);
        if (!root.IsMap()) {
            diags.error(path, 1, 1, "site.yaml must be a mapping of settings");
            return false;
        }
        out.title = str(root, "title", out.title);
        out.lang = str(root, "lang", out.lang);
        out.intro = str(root, "intro");
        out.newest = std::stoi(str(root, "newest", std::to_string(out.newest)));
        out.feed_entries = std::stoi(str(root, "feed_entries", std::to_string(out.feed_entries)));
        out.page_size = std::stoi(str(root, "page_size", std::to_string(out.page_size)));
        YAML::Node a = root["accessibility"];
        if (a.IsDefined() && a.IsMap()) {
            out.organisation = str(a, "organisation");
            out.contact_email = str(a, "email");
            out.contact_phone = str(a, "phone");
            out.contact_url = str(a, "url");
            out.statement_date = str(a, "reviewed");
        }
    } catch (const YAML::Exception& e) {
        diags.error(path, e.mark.line + 1, e.mark.column + 1, e.msg);
        return false;
    } catch (const std::exception& e) {
        diags.error(path, 0, 0, std::string("bad value: ") + e.what());
        return false;
    }
    if (out.page_size < 1) {
        diags.error(path, 0, 0, "page_size must be 1 or more, not " + std::to_string(out.page_size));
        return false;
    }
    if (out.lang != "nb" && out.lang != "nn" && out.lang != "sv" && out.lang != "en") {
        diags.error(path, 0, 0, "lang must be nb, nn, sv or en, not '" + out.lang + "'");
        return false;
    }
    return true;
}

}  // namespace playmaker::site
