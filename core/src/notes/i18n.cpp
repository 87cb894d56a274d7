#include "playmaker/i18n.hpp"

#include "notes/strings.hpp"

namespace playmaker {

const std::map<std::string, std::string>& ui_strings(const std::string& lang) { return Strings::of(lang).all(); }

std::string ui_string(const std::string& lang, const std::string& key,
                      const std::vector<std::pair<std::string, std::string>>& values) {
    return Strings::of(lang).get(key, values);
}

}  // namespace playmaker
