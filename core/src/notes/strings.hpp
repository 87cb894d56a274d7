// The note's and the UI's strings in one language, from templates/i18n/<lang>.yaml.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace playmaker {

class Strings {
public:
    // The strings of `lang` (nb, nn, sv, en), read once and kept; safe from any thread.
    // Throws std::runtime_error when the file is missing or malformed.
    static const Strings& of(const std::string& lang);

    // The string for `key` with each {name} replaced; the key itself when it is missing,
    // so a missing string shows in the output instead of vanishing.
    std::string get(const std::string& key,
                    const std::vector<std::pair<std::string, std::string>>& values = {}) const;
    const std::map<std::string, std::string>& all() const { return map_; }

private:
    std::map<std::string, std::string> map_;
};

}  // namespace playmaker
