// Runs to text, HTML and Markdown: the one place each output format's markup is written.
#include "playmaker/cite.hpp"
#include "playmaker/escape.hpp"

namespace playmaker {
namespace {

void markdown_escape(std::string& out, std::string_view s) {
    for (char c : s) {
        if (std::string_view("\\`*_[]<>#|~").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
}

}  // namespace

std::string runs_to_text(const Runs& runs) {
    std::string out;
    for (const auto& r : runs) out += r.text;
    return out;
}

std::string runs_to_html(const Runs& runs) {
    std::string out;
    for (const auto& r : runs) {
        if (r.italic) out += "<i>";
        if (!r.link.empty()) {
            out += "<a href=\"";
            out += html_escape(r.link);
            out += "\">";
        }
        out += html_escape(r.text);
        if (!r.link.empty()) out += "</a>";
        if (r.italic) out += "</i>";
    }
    return out;
}

std::string runs_to_markdown(const Runs& runs) {
    std::string out;
    for (const auto& r : runs) {
        if (!r.link.empty() && r.link == r.text && r.link.find_first_of("<> ") == std::string::npos) {
            out += "<" + r.link + ">";
            continue;
        }
        std::string text;
        markdown_escape(text, r.text);
        // CommonMark emphasis cannot start or end at a space: keep spaces outside the stars.
        if (r.italic) {
            std::size_t b = text.find_first_not_of(' ');
            std::size_t e = text.find_last_not_of(' ');
            if (b == std::string::npos) {
                out += text;
                continue;
            }
            out += text.substr(0, b) + "*" + text.substr(b, e - b + 1) + "*" + text.substr(e + 1);
        } else {
            out += text;
        }
    }
    return out;
}

}  // namespace playmaker
