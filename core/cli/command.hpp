// The `playmaker` command line: subcommands register themselves here.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace playmaker::cli {

// Exit codes, the same for every command (DESIGN.md).
enum Exit : int { kOk = 0, kContentErrors = 1, kUsage = 2, kToolMissing = 3, kIoError = 4 };

struct Option {
    std::string name;       // "--content"
    std::string value;      // "DIR" when it takes a value, "" for a flag
    std::string help;
    bool repeatable = false;
};

// Parsed arguments of one command.
class Args {
public:
    bool flag(const std::string& name) const { return values_.count(name) > 0; }
    std::optional<std::string> get(const std::string& name) const;
    std::string get_or(const std::string& name, const std::string& fallback) const;
    std::vector<std::string> all(const std::string& name) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    friend class Parser;
    std::multimap<std::string, std::string> values_;
    std::vector<std::string> positional_;
};

struct Command {
    std::string name;
    std::string summary;             // one line for `playmaker --help`
    std::string usage;               // "playmaker check [--content DIR] [--json]"
    std::string description;         // paragraphs after the usage line
    std::vector<Option> options;
    int (*run)(const Args&) = nullptr;
};

// Adds a command to the table; used from a static initialiser in each command's file.
struct Registration {
    explicit Registration(Command c);
};

const std::map<std::string, Command>& commands();

// Reports a usage error on stderr and returns kUsage.
int usage_error(const std::string& command, const std::string& message);

// Options every content-reading command shares.
Option content_option();
Option json_option();

}  // namespace playmaker::cli
