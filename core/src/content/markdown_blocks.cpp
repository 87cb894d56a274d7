// A walk over cmark's node tree into MdBlocks: one switch over node types, as cmark's
// own writers are; lists are flattened into items with their depth.
#include "playmaker/markdown_blocks.hpp"

#include <cmark.h>

#include <cctype>
#include <memory>

namespace playmaker {
namespace {

// What cmark's HTML writer refuses as a link target (safe mode), so the docx shows the
// same links the HTML does.
bool dangerous_url(std::string_view url) {
    std::string low;
    for (char c : url.substr(0, 12)) low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto starts = [&](std::string_view p) { return low.compare(0, p.size(), p) == 0; };
    if (starts("data:image/png") || starts("data:image/gif") || starts("data:image/jpe") ||
        starts("data:image/web")) {
        return false;
    }
    return starts("javascript:") || starts("vbscript:") || starts("file:") || starts("data:");
}

struct ListLevel {
    bool ordered = false;
    int next = 1;          // the number of the next item
    bool item_open = false;  // the current item's first paragraph is still to come
};

class Walker {
public:
    std::vector<MdBlock> blocks;

    void enter(cmark_node* node) {
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_BLOCK_QUOTE: ++quote_; break;
            case CMARK_NODE_LIST:
                if (!lists_.empty() && lists_.back().item_open) {  // "- - a": the outer bullet first
                    open_paragraph();
                    current_ = -1;
                }
                lists_.push_back({cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                                  cmark_node_get_list_start(node), false});
                break;
            case CMARK_NODE_ITEM:
                if (!lists_.empty()) lists_.back().item_open = true;
                break;
            case CMARK_NODE_PARAGRAPH: open_paragraph(); break;
            case CMARK_NODE_HEADING:
                start(MdBlockKind::heading).level = cmark_node_get_heading_level(node);
                break;
            case CMARK_NODE_CODE_BLOCK: {
                MdBlock& b = start(MdBlockKind::code_block);
                std::string lit = literal(node);
                while (!lit.empty() && lit.back() == '\n') lit.pop_back();
                b.spans.push_back({lit, false, false, true, false, ""});
                current_ = -1;
                break;
            }
            case CMARK_NODE_THEMATIC_BREAK:
                start(MdBlockKind::rule);
                current_ = -1;
                break;
            case CMARK_NODE_TEXT: add(literal(node)); break;
            case CMARK_NODE_CODE: add(literal(node), true); break;
            case CMARK_NODE_SOFTBREAK: add(" "); break;
            case CMARK_NODE_LINEBREAK: {
                MdSpan s = style();
                s.line_break = true;
                block().spans.push_back(s);
                break;
            }
            case CMARK_NODE_EMPH: ++italic_; break;
            case CMARK_NODE_STRONG: ++bold_; break;
            case CMARK_NODE_LINK: {
                const char* url = cmark_node_get_url(node);
                links_.push_back(url && !dangerous_url(url) ? url : "");
                break;
            }
            default: break;  // raw HTML is dropped (safe mode); images show their alt text
        }
    }

    void exit(cmark_node* node) {
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_BLOCK_QUOTE: --quote_; break;
            case CMARK_NODE_LIST: lists_.pop_back(); break;
            case CMARK_NODE_ITEM:
                if (!lists_.empty()) {
                    if (lists_.back().item_open) {  // an empty item still shows its bullet
                        open_paragraph();
                        current_ = -1;
                    }
                    ++lists_.back().next;
                }
                break;
            case CMARK_NODE_PARAGRAPH:
            case CMARK_NODE_HEADING: current_ = -1; break;
            case CMARK_NODE_EMPH: --italic_; break;
            case CMARK_NODE_STRONG: --bold_; break;
            case CMARK_NODE_LINK:
                if (!links_.empty()) links_.pop_back();
                break;
            default: break;
        }
    }

private:
    static std::string literal(cmark_node* node) {
        const char* lit = cmark_node_get_literal(node);
        return lit ? lit : "";
    }

    MdBlock& start(MdBlockKind kind) {
        MdBlock b;
        b.kind = kind;
        b.depth = static_cast<int>(lists_.size());
        b.quote = quote_;
        blocks.push_back(std::move(b));
        current_ = static_cast<long>(blocks.size()) - 1;
        return blocks.back();
    }

    void open_paragraph() {
        if (!lists_.empty() && lists_.back().item_open) {
            ListLevel& l = lists_.back();
            MdBlock& b = start(l.ordered ? MdBlockKind::ordered_item : MdBlockKind::bullet_item);
            if (l.ordered) b.number = l.next;
            l.item_open = false;
        } else {
            start(MdBlockKind::paragraph);
        }
    }

    // The block text goes into; a paragraph is opened for text outside any (never in
    // cmark's trees, but the walk must not depend on that).
    MdBlock& block() {
        if (current_ < 0) open_paragraph();
        return blocks[static_cast<std::size_t>(current_)];
    }

    MdSpan style() const {
        MdSpan s;
        s.italic = italic_ > 0;
        s.bold = bold_ > 0;
        if (!links_.empty()) s.link = links_.back();
        return s;
    }

    void add(const std::string& text, bool code = false) {
        if (text.empty()) return;
        MdSpan s = style();
        s.code = code;
        MdBlock& b = block();
        if (!b.spans.empty()) {
            MdSpan& last = b.spans.back();
            if (!last.line_break && last.italic == s.italic && last.bold == s.bold && last.code == s.code &&
                last.link == s.link) {
                last.text += text;
                return;
            }
        }
        s.text = text;
        b.spans.push_back(std::move(s));
    }

    std::vector<ListLevel> lists_;
    std::vector<std::string> links_;
    long current_ = -1;  // index in `blocks` of the block text goes into; -1 for none
    int quote_ = 0, italic_ = 0, bold_ = 0;
};

}  // namespace

std::vector<MdBlock> markdown_blocks(std::string_view md) {
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(
        cmark_parse_document(md.data(), md.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
    Walker w;
    if (!doc) return {};
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> it(cmark_iter_new(doc.get()), &cmark_iter_free);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(it.get());
        if (ev == CMARK_EVENT_ENTER) w.enter(node);
        else if (ev == CMARK_EVENT_EXIT) w.exit(node);
    }
    return std::move(w.blocks);
}

}  // namespace playmaker
