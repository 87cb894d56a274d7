// What `note` and `notes` share: the format, page and language options, and rendering
// with exit codes that mean something (3 when a renderer's external tool is missing).
#pragma once

#include "command.hpp"
#include "playmaker/note.hpp"
#include "playmaker/plugin.hpp"

namespace playmaker::cli {

struct NoteRequest {
    const Renderer* renderer = nullptr;
    std::string format;
    NoteOptions options;
};

Option note_format_option();
// Reads --format, --pages and --lang; reports a usage error and returns kUsage when bad.
int parse_note_request(const Args& args, const std::string& command, NoteRequest& out);
// Renders; on failure prints why and returns kToolMissing or kIoError.
int render_note(const Renderer& r, const Note& note, const Corpus& corpus, const std::string& command,
                RenderedFile& out);

}  // namespace playmaker::cli
