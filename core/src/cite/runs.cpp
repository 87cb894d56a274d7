#include "cite/runs.hpp"

namespace playmaker::cite {

Runs text_run(std::string text) {
    if (text.empty()) return {};
    return {Run{std::move(text), false, {}}};
}

Runs italic_run(std::string text) {
    if (text.empty()) return {};
    return {Run{std::move(text), true, {}}};
}

Runs link_run(std::string url) {
    if (url.empty()) return {};
    std::string text = url;
    return {Run{std::move(text), false, std::move(url)}};
}

bool empty(const Runs& runs) {
    for (const auto& r : runs) {
        if (!r.text.empty()) return false;
    }
    return true;
}

namespace {

void push(Runs& out, const Run& r) {
    if (r.text.empty()) return;
    if (!out.empty() && out.back().italic == r.italic && out.back().link.empty() &&
        r.link.empty()) {
        out.back().text += r.text;
        return;
    }
    out.push_back(r);
}

// The last character that punctuation could repeat: a closing quotation mark is looked
// through, so «quote.» takes no second period (citeproc does the same).
char last_char(const Runs& runs) {
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        std::string_view t = it->text;
        if (t.empty()) continue;
        for (std::string_view q : {"»", "”", "’", "\"", "'"}) {
            if (t.size() > q.size() && t.ends_with(q)) {
                t.remove_suffix(q.size());
                char c = t.back();
                return (c == '.' || c == '?' || c == '!') ? c : q.back();
            }
        }
        return t.back();
    }
    return '\0';
}

}  // namespace

void append(Runs& out, const Runs& more) {
    for (const auto& r : more) push(out, r);
}

void append_text(Runs& out, std::string_view s) {
    if (s.empty()) return;
    char last = last_char(out);
    char first = s.front();
    bool repeat = (first == '.' && (last == '.' || last == '?' || last == '!')) ||
                  (first == ',' && last == ',') || (first == ';' && last == ';') ||
                  (first == ':' && last == ':');
    if (repeat) s.remove_prefix(1);
    if (!s.empty()) push(out, Run{std::string(s), false, {}});
}

Runs join(const std::vector<Runs>& parts, std::string_view delim) {
    Runs out;
    bool first = true;
    for (const auto& p : parts) {
        if (empty(p)) continue;
        if (!first) append_text(out, delim);
        first = false;
        append(out, p);
    }
    return out;
}

Runs wrap(Runs inner, std::string_view prefix, std::string_view suffix) {
    if (empty(inner)) return {};
    Runs out = text_run(std::string(prefix));
    append(out, inner);
    append_text(out, suffix);
    return out;
}

}  // namespace playmaker::cite
