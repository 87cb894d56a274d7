#include "feeds.hpp"

#include "playmaker/escape.hpp"

#include <algorithm>

namespace playmaker::site {
namespace {

// "2017-06-01", "2017-06" or "2017" as an RFC 3339 timestamp.
std::string rfc3339(const std::string& date) {
    std::string d = date;
    if (d.size() == 4) d += "-01";
    if (d.size() == 7) d += "-01";
    return d + "T00:00:00Z";
}

const std::string& last_change(const Item* it) { return it->updated.empty() ? it->date : it->updated; }

}  // namespace

std::string xml_text(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                out += static_cast<char>(c);
        }
    }
    return out;
}

std::string sitemap_xml(const std::vector<std::string>& pages, const std::string& base_url) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& p : pages) {
        std::string rel = p;
        if (rel == "index.html") rel = "";
        else if (rel.ends_with("/index.html")) rel.resize(rel.size() - 10);
        out += "<url><loc>" + xml_text(base_url + url_escape_path(rel)) + "</loc></url>\n";
    }
    return out + "</urlset>\n";
}

std::string atom_feed(const Model& m, const std::string& title, const std::string& base_url, int count) {
    std::vector<const Item*> items;
    for (const Item* it : m.newest) {
        if (!last_change(it).empty()) items.push_back(it);
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const Item* a, const Item* b) { return last_change(a) > last_change(b); });
    if (items.size() > static_cast<std::size_t>(std::max(0, count))) items.resize(static_cast<std::size_t>(count));
    std::string updated = items.empty() ? "1970-01-01T00:00:00Z" : rfc3339(last_change(items.front()));
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + xml_text(m.lang) + "\">\n"
                      "<title>" + xml_text(title) + "</title>\n"
                      "<id>" + xml_text(base_url) + "</id>\n"
                      "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(base_url) + "\"/>\n"
                      "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_text(base_url + "feed.xml") + "\"/>\n"
                      "<updated>" + updated + "</updated>\n"
                      "<author><name>" + xml_text(title) + "</name></author>\n";
    for (const Item* it : items) {
        std::string url = base_url + url_escape_path(item_path(*it));
        out += "<entry xml:lang=\"" + xml_text(it->lang) + "\">\n<title>" + xml_text(it->title) + "</title>\n" +
               "<id>" + xml_text(url) + "</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(url) +
               "\"/>\n<published>" + rfc3339(it->date.empty() ? last_change(it) : it->date) + "</published>\n" +
               "<updated>" + rfc3339(last_change(it)) + "</updated>\n";
        if (!it->summary.empty()) out += "<summary>" + xml_text(it->summary) + "</summary>\n";
        out += "</entry>\n";
    }
    return out + "</feed>\n";
}

std::string robots_txt(const std::string& base_url) {
    std::string out = "User-agent: *\nAllow: /\n";
    if (!base_url.empty()) out += "Sitemap: " + base_url + "sitemap.xml\n";
    return out;
}

}  // namespace playmaker::site
