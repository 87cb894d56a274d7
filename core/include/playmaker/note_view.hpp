// The data view of a Note: the one Value tree every renderer's template reads, so each
// output format sees the same content (DESIGN.md). Citations are resolved (APA 7, in the
// note's language), [[links]] point at the linked item when it is in the note, and every
// piece of text is given both as Markdown and as safe HTML (cmark; raw HTML dropped).
#pragma once

#include <functional>
#include <string>

#include "playmaker/note.hpp"
#include "playmaker/value.hpp"

namespace playmaker {

// Builds the view. Safe to call from several threads for different notes.
Value note_view(const Note& note, const Corpus& corpus);

// The template `templates/note/<name>` as text, read once per process. Throws
// std::runtime_error when it is missing.
const std::string& note_template(const std::string& name);

// The item's Markdown with every citation group and [[link]] replaced by what `cite` and
// `link` return (Markdown), in source order. Shared by the note and the site.
std::string substitute_body(const Item& item, const std::function<std::string(const Citation&)>& cite,
                            const std::function<std::string(const Link&)>& link);

// Markdown to safe HTML (cmark, raw HTML and javascript: links dropped).
std::string markdown_to_html(const std::string& md);

}  // namespace playmaker
