#include "parser.hpp"

#include <iostream>

#include "util/utf8.hpp"

namespace playmaker::cli {

class Parser {
public:
    static void set(Args& a, const std::string& k, const std::string& v) { a.values_.emplace(k, v); }
    static void positional(Args& a, const std::string& v) { a.positional_.push_back(v); }
};

int parse_args(const Command& cmd, const std::vector<std::string>& argv, Args& out, bool& help) {
    bool options_done = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (!utf8::valid(a)) return usage_error(cmd.name, "argument " + std::to_string(i + 1) + " is not valid UTF-8");
        if (options_done || a.size() < 2 || a[0] != '-' ) {
            Parser::positional(out, a);
            continue;
        }
        if (a == "--") {
            options_done = true;
            continue;
        }
        if (a == "--help" || a == "-h") {
            help = true;
            continue;
        }
        std::string name = a, value;
        bool has_value = false;
        if (auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
            name = a.substr(0, eq);
            value = a.substr(eq + 1);
            has_value = true;
        }
        const Option* opt = nullptr;
        for (const auto& o : cmd.options) {
            if (o.name == name) opt = &o;
        }
        if (!opt) return usage_error(cmd.name, "unknown option '" + name + "'");
        if (opt->value.empty()) {
            if (has_value) return usage_error(cmd.name, "option '" + name + "' takes no value");
            Parser::set(out, name, "");
        } else {
            if (!has_value) {
                if (i + 1 >= argv.size()) return usage_error(cmd.name, "option '" + name + "' needs a value (" + opt->value + ")");
                value = argv[++i];
                if (!utf8::valid(value)) return usage_error(cmd.name, "the value of '" + name + "' is not valid UTF-8");
            }
            if (!opt->repeatable && out.get(name)) return usage_error(cmd.name, "option '" + name + "' given twice");
            Parser::set(out, name, value);
        }
    }
    return kOk;
}

void print_help(const Command& cmd) {
    std::cout << "Usage: " << cmd.usage << "\n\n" << cmd.summary << "\n";
    if (!cmd.description.empty()) std::cout << "\n" << cmd.description << "\n";
    std::cout << "\nOptions:\n";
    for (const auto& o : cmd.options) {
        std::string left = o.name + (o.value.empty() ? "" : " " + o.value);
        std::string pad(left.size() < 24 ? 24 - left.size() : 1, ' ');
        std::cout << "  " << left << pad << o.help << "\n";
    }
    std::cout << "  -h, --help              show this help\n";
}

}  // namespace playmaker::cli
