#include "command.hpp"

#include <iostream>

namespace playmaker::cli {

namespace {
std::map<std::string, Command>& table() {
    static std::map<std::string, Command> t;
    return t;
}
}  // namespace

Registration::Registration(Command c) { table().emplace(c.name, std::move(c)); }

const std::map<std::string, Command>& commands() { return table(); }

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string Args::get_or(const std::string& name, const std::string& fallback) const {
    return get(name).value_or(fallback);
}

std::vector<std::string> Args::all(const std::string& name) const {
    std::vector<std::string> out;
    auto [b, e] = values_.equal_range(name);
    for (auto it = b; it != e; ++it) out.push_back(it->second);
    return out;
}

int usage_error(const std::string& command, const std::string& message) {
    std::cerr << "playmaker " << command << ": " << message << "\n"
              << "Try 'playmaker " << command << " --help'.\n";
    return kUsage;
}

Option content_option() {
    return {"--content", "DIR", "the content tree (default ./content)"};
}

Option json_option() { return {"--json", "", "print one JSON object instead of text"}; }

}  // namespace playmaker::cli
