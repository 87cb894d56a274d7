// Problems a user caused, as values with a location.
//
// Every loader and validator appends to a Diagnostics list instead of throwing, so one
// bad file never stops the others and every problem in a tree is reported at once.
// Not thread-safe: give each thread its own list and merge.
#pragma once

#include <string>
#include <vector>

namespace playmaker {

// 1-based position in a file.
struct Position {
    int line = 0;
    int col = 0;
};

enum class Severity { Warning, Error };

// One problem at `path:line:col` (1-based). line 0 means "the file as a whole";
// col 0 means "the line as a whole". Printed GCC style so editors can jump to it.
struct Diagnostic {
    std::string path;
    int line = 0;
    int col = 0;
    Severity severity = Severity::Error;
    std::string message;

    // "path:line:col: error: message" (line and col left out when 0).
    std::string format() const;
};

class Diagnostics {
public:
    void error(std::string path, int line, int col, std::string message);
    void warning(std::string path, int line, int col, std::string message);
    void add(Diagnostic d);
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& all() const { return list_; }
    int errors() const;
    int warnings() const;
    bool has_errors() const { return errors() > 0; }
    // Orders by path, then line, then column, so output is stable whatever the load order.
    void sort();

private:
    std::vector<Diagnostic> list_;
};

}  // namespace playmaker
