#include "content/markdown.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace playmaker::markdown {
namespace {

bool is_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

// A citation key after '@': key characters, with ':', '.' or '/' allowed inside
// (pandoc's rule) but not at the end, so "@stene2013." ends before the full stop.
std::size_t key_length(std::string_view s, std::size_t at) {
    std::size_t i = at;
    while (i < s.size()) {
        if (is_key_char(s[i])) {
            ++i;
        } else if ((s[i] == ':' || s[i] == '.' || s[i] == '/') && i + 1 < s.size() && is_key_char(s[i + 1])) {
            ++i;
        } else {
            break;
        }
    }
    return i - at;
}

Position position(std::string_view body, std::size_t offset, int first_line) {
    int line, col;
    utf8::line_col(body, offset, line, col);
    return {first_line + line - 1, col};
}

// Parses the inside of "[ … ]" as a citation group; false if it is not one.
bool parse_group(std::string_view body, std::size_t open, std::size_t close, int first_line,
                 Citation& out) {
    std::size_t i = open + 1;
    while (i < close) {
        std::size_t end = body.find(';', i);
        if (end == std::string_view::npos || end > close) end = close;
        std::size_t j = i;
        while (j < end && (body[j] == ' ' || body[j] == '\n' || body[j] == '\t')) ++j;
        if (j >= end || body[j] != '@') return false;
        std::size_t klen = key_length(body, j + 1);
        if (klen == 0) return false;
        CiteRef ref;
        ref.key = std::string(body.substr(j + 1, klen));
        ref.pos = position(body, j, first_line);
        std::string_view rest = text::trim(body.substr(j + 1 + klen, end - (j + 1 + klen)));
        if (!rest.empty()) {
            if (rest[0] != ',') return false;
            ref.locator = std::string(text::trim(rest.substr(1)));
        }
        out.refs.push_back(std::move(ref));
        i = end + 1;
    }
    return !out.refs.empty();
}

}  // namespace

std::string to_html(std::string_view md) {
    char* html = cmark_markdown_to_html(md.data(), md.size(), CMARK_OPT_DEFAULT);
    std::string out(html ? html : "");
    std::free(html);
    return out;
}

std::string to_text(std::string_view md) {
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(
        cmark_parse_document(md.data(), md.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
    std::string out;
    cmark_iter* it = cmark_iter_new(doc.get());
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(it);
        cmark_node_type type = cmark_node_get_type(node);
        if (ev == CMARK_EVENT_ENTER) {
            if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK) {
                if (const char* lit = cmark_node_get_literal(node)) out += lit;
            } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
                out += ' ';
            }
        } else if (ev == CMARK_EVENT_EXIT) {
            if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM) {
                if (!out.empty() && out.back() != '\n') out += '\n';
            }
        }
        if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_CODE_BLOCK) && !out.empty() && out.back() != '\n') {
            out += '\n';
        }
    }
    cmark_iter_free(it);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

void scan(std::string_view body, int first_line, std::vector<Citation>& citations,
          std::vector<Link>& links) {
    std::size_t i = 0;
    bool at_line_start = true;
    bool in_fence = false;
    char fence_char = 0;
    while (i < body.size()) {
        if (at_line_start) {
            std::size_t j = i;
            while (j < body.size() && body[j] == ' ' && j - i < 4) ++j;
            if (j + 2 < body.size() && (body[j] == '`' || body[j] == '~') && body[j + 1] == body[j] &&
                body[j + 2] == body[j]) {
                if (!in_fence) {
                    in_fence = true;
                    fence_char = body[j];
                } else if (body[j] == fence_char) {
                    in_fence = false;
                }
                std::size_t nl = body.find('\n', j);
                i = nl == std::string_view::npos ? body.size() : nl + 1;
                continue;
            }
            at_line_start = false;
        }
        char c = body[i];
        if (c == '\n') {
            at_line_start = true;
            ++i;
            continue;
        }
        if (in_fence) {
            ++i;
            continue;
        }
        if (c == '\\') {
            i += 2;
            continue;
        }
        if (c == '`') {
            std::size_t run = 0;
            while (i + run < body.size() && body[i + run] == '`') ++run;
            std::string_view fence = body.substr(i, run);
            std::size_t close = body.find(fence, i + run);
            i = close == std::string_view::npos ? i + run : close + run;
            continue;
        }
        if (c == '[' && i + 1 < body.size() && body[i + 1] == '[') {
            std::size_t close = body.find("]]", i + 2);
            std::size_t nl = body.find('\n', i + 2);
            if (close != std::string_view::npos && (nl == std::string_view::npos || close < nl)) {
                Link link;
                link.target = std::string(text::trim(body.substr(i + 2, close - i - 2)));
                link.offset = i;
                link.length = close + 2 - i;
                link.pos = position(body, i, first_line);
                links.push_back(std::move(link));
                i = close + 2;
                continue;
            }
        }
        if (c == '[') {
            std::size_t close = body.find(']', i + 1);
            std::size_t next_open = body.find('[', i + 1);
            if (close != std::string_view::npos && (next_open == std::string_view::npos || next_open > close) &&
                (close + 1 >= body.size() || body[close + 1] != '(')) {
                Citation cit;
                if (parse_group(body, i, close, first_line, cit)) {
                    cit.offset = i;
                    cit.length = close + 1 - i;
                    cit.pos = position(body, i, first_line);
                    citations.push_back(std::move(cit));
                    i = close + 1;
                    continue;
                }
            }
        }
        if (c == '@' && (i == 0 || !(is_key_char(body[i - 1]) || body[i - 1] == '.' ||
                                     static_cast<unsigned char>(body[i - 1]) >= 0x80))) {
            std::size_t klen = key_length(body, i + 1);
            if (klen > 0) {
                Citation cit;
                cit.narrative = true;
                cit.offset = i;
                cit.length = klen + 1;
                cit.pos = position(body, i, first_line);
                CiteRef ref;
                ref.key = std::string(body.substr(i + 1, klen));
                ref.pos = cit.pos;
                // "@stene2013 [s. 12]": a locator in brackets right after a narrative citation.
                if (i + 1 + klen + 1 < body.size() && body[i + 1 + klen] == ' ' && body[i + 2 + klen] == '[') {
                    std::size_t close = body.find(']', i + 3 + klen);
                    std::string_view inner = close == std::string_view::npos
                                                 ? std::string_view()
                                                 : body.substr(i + 3 + klen, close - i - 3 - klen);
                    if (!inner.empty() && inner.find('@') == std::string_view::npos &&
                        inner.find('\n') == std::string_view::npos && (inner.rfind("s.", 0) == 0 || inner.rfind("p.", 0) == 0)) {
                        ref.locator = std::string(text::trim(inner));
                        cit.length = close + 1 - i;
                    }
                }
                cit.refs.push_back(std::move(ref));
                std::size_t len = cit.length;
                citations.push_back(std::move(cit));
                i += len;
                continue;
            }
        }
        ++i;
    }
}

}  // namespace playmaker::markdown
