// Markdown as a flat list of blocks of styled spans: what a writer that lays out paragraphs
// itself (the docx plugin) needs, so that no renderer parses HTML or links cmark.
//
//   for (const MdBlock& b : markdown_blocks("Hei *du*, se [her](https://x.no).")) …
//     → one paragraph: "Hei " · "du" (italic) · ", se " · "her" (link https://x.no) · "."
//
// Parsed with cmark in safe mode, as the HTML is: raw HTML is dropped and javascript:
// links lose their target, so every format shows the same text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace playmaker {

// A stretch of inline text with one style. Adjacent text of the same style is merged.
struct MdSpan {
    std::string text;         // UTF-8; contains '\n' only in code blocks
    bool italic = false;      // *emphasis*
    bool bold = false;        // **strong**
    bool code = false;        // `code`
    bool line_break = false;  // a hard line break; `text` is then empty
    std::string link;         // the link's URL ("https://…", "#id"), empty when not a link
    bool operator==(const MdSpan&) const = default;
};

enum class MdBlockKind {
    paragraph,     // also a further paragraph inside a list item (then `depth` > 0)
    heading,       // `level` 1–6
    bullet_item,   // the first paragraph of a bullet-list item
    ordered_item,  // the first paragraph of an ordered-list item; `number` is its number
    code_block,    // one span, the literal text
    rule,          // a thematic break; no spans
};

struct MdBlock {
    MdBlockKind kind = MdBlockKind::paragraph;
    int level = 0;   // heading level (headings only)
    int depth = 0;   // list nesting: 1 inside a top-level list, 0 outside any list
    int number = 0;  // ordered items only
    int quote = 0;   // block-quote nesting, 0 outside quotes
    std::vector<MdSpan> spans;
};

// The blocks of `md` in document order. Never throws on any input; safe to call from
// several threads at once.
std::vector<MdBlock> markdown_blocks(std::string_view md);

}  // namespace playmaker
