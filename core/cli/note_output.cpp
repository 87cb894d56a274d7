#include "note_output.hpp"

#include <atomic>
#include <iostream>

#include "playmaker/plugin_host.hpp"
#include "util/text.hpp"

namespace playmaker::cli {

Option note_format_option() {
    return {"--format", "F", "output format: html (default), md, pdf, docx, or any a renderer plugin offers"};
}

int parse_note_request(const Args& args, const std::string& command, NoteRequest& out) {
    out.format = args.get_or("--format", "html");
    if (out.format == "markdown") out.format = "md";
    out.renderer = PluginHost::shared().renderer(out.format);
    if (!out.renderer) {
        return usage_error(command, "no renderer for format '" + out.format + "' (available: " +
                                        text::join(PluginHost::shared().formats(), ", ") + "; see playmaker plugins)");
    }
    if (auto pages = args.get("--pages")) {
        try {
            std::size_t used = 0;
            out.options.pages = std::stoi(*pages, &used);
            if (used != pages->size() || out.options.pages <= 0) throw std::invalid_argument("pages");
        } catch (const std::exception&) {
            return usage_error(command, "--pages wants a whole number above 0, not '" + *pages + "'");
        }
    }
    if (auto lang = args.get("--lang")) {
        if (*lang != "nb" && *lang != "nn" && *lang != "sv" && *lang != "en") {
            return usage_error(command, "--lang must be nb, nn, sv or en, not '" + *lang + "'");
        }
        out.options.lang = *lang;
    }
    return kOk;
}

int render_note(const Renderer& r, const Note& note, const Corpus& corpus, const std::string& command,
                RenderedFile& out) {
    try {
        out = r.render(note, corpus);
        return kOk;
    } catch (const ToolMissing& e) {
        // Said once, however many notes (and threads) run into it.
        static std::atomic<bool> said{false};
        if (!said.exchange(true)) std::cerr << "playmaker " << command << ": " << e.what() << "\n";
        return kToolMissing;
    } catch (const std::exception& e) {
        std::cerr << "playmaker " << command << ": cannot render " << note.municipality->code << ": " << e.what() << "\n";
        return kIoError;
    }
}

}  // namespace playmaker::cli
