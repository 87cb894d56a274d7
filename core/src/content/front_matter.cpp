#include "content/front_matter.hpp"

#include "util/text.hpp"

namespace playmaker {

std::optional<FrontMatter> split_front_matter(std::string_view bytes, const std::string& name,
                                              Diagnostics& diags) {
    if (text::starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);  // a BOM
    std::size_t first_nl = bytes.find('\n');
    std::string_view first = bytes.substr(0, first_nl);
    if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
    if (text::trim(first) != "---") {
        diags.error(name, 1, 1,
                    bytes.empty() ? "empty file: an item needs front matter with at least a title"
                                  : "missing front matter: the file must start with a '---' line");
        return std::nullopt;
    }
    if (first_nl == std::string_view::npos) {
        diags.error(name, 1, 1, "front matter never closes: add a '---' line after it");
        return std::nullopt;
    }
    FrontMatter fm;
    std::size_t pos = first_nl + 1;
    int line = 2;
    while (pos <= bytes.size()) {
        std::size_t nl = bytes.find('\n', pos);
        std::size_t end = nl == std::string_view::npos ? bytes.size() : nl;
        std::string_view l = bytes.substr(pos, end - pos);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (l == "---" || l == "...") {
            fm.yaml = bytes.substr(first_nl + 1, pos - first_nl - 1);
            fm.body = nl == std::string_view::npos ? std::string_view() : bytes.substr(nl + 1);
            fm.body_line = line + 1;
            return fm;
        }
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
        ++line;
    }
    diags.error(name, 1, 1, "front matter never closes: add a '---' line after it");
    return std::nullopt;
}

}  // namespace playmaker
