#include "playmaker/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace playmaker {

std::string Diagnostic::format() const {
    std::string out = path;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (col > 0) out += ':' + std::to_string(col);
    }
    out += severity == Severity::Error ? ": error: " : ": warning: ";
    out += message;
    return out;
}

void Diagnostics::error(std::string path, int line, int col, std::string message) {
    list_.push_back({std::move(path), line, col, Severity::Error, std::move(message)});
}

void Diagnostics::warning(std::string path, int line, int col, std::string message) {
    list_.push_back({std::move(path), line, col, Severity::Warning, std::move(message)});
}

void Diagnostics::add(Diagnostic d) { list_.push_back(std::move(d)); }

void Diagnostics::append(const Diagnostics& other) {
    list_.insert(list_.end(), other.list_.begin(), other.list_.end());
}

int Diagnostics::errors() const {
    return static_cast<int>(std::count_if(list_.begin(), list_.end(), [](const Diagnostic& d) {
        return d.severity == Severity::Error;
    }));
}

int Diagnostics::warnings() const { return static_cast<int>(list_.size()) - errors(); }

void Diagnostics::sort() {
    std::stable_sort(list_.begin(), list_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.path, a.line, a.col) < std::tie(b.path, b.line, b.col);
    });
}

}  // namespace playmaker
