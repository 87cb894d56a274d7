// playmaker serve: the search page, item pages, the literature, the note form and the
// JSON API over HTTP, until SIGINT or SIGTERM.
#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <iostream>

#include "index_common.hpp"
#include "playmaker/server.hpp"

namespace playmaker::cli {
namespace {

bool parse_int(const std::string& s, int& out) {
    if (s.empty() || s.size() > 6) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    out = std::stoi(s);
    return true;
}

int run(const Args& args) {
    ServerOptions o;
    o.content = content_path(args);
    o.db = db_path(args);
    o.host = args.get_or("--host", o.host);
    o.base_path = args.get_or("--base-path", "");
    if (o.base_path == "/") o.base_path.clear();
    o.watch = args.flag("--watch");
    if (auto p = args.get("--port"); p && !parse_int(*p, o.port)) return usage_error("serve", "--port takes a number from 0 to 65535");
    if (auto t = args.get("--threads"); t && !parse_int(*t, o.threads)) return usage_error("serve", "--threads takes a number");
    if (int rc = ensure_index(o.content, o.db); rc != kOk) return rc;

    // Every thread the server starts inherits this mask, so the signals reach sigwait below.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    // Every connection thread may run a search; without a cap glibc gives each of them an
    // arena of its own (up to 8 per core), and resident memory creeps up as each is warmed.
    mallopt(M_ARENA_MAX, 4);

    Diagnostics diags;
    std::unique_ptr<Server> server;
    try {
        server = Server::create(o, diags);
    } catch (const std::invalid_argument& e) {
        return usage_error("serve", e.what());
    }
    diags.sort();
    for (const auto& d : diags.all()) {
        if (d.severity == Severity::Error) std::cerr << d.format() << "\n";
    }
    if (!server) {
        std::cerr << "playmaker serve: the content has " << diags.errors() << (diags.errors() == 1 ? " error" : " errors")
                  << "; fix it (playmaker check), or serve it as a preview with --watch\n";
        return kContentErrors;
    }
    try {
        server->start();
    } catch (const std::runtime_error& e) {
        std::cerr << "playmaker serve: " << e.what() << "\n";
        return kIoError;
    }
    std::cout << server->url() << std::endl;
    int sig = 0;
    sigwait(&stop_signals, &sig);
    std::cerr << "playmaker serve: stopping\n";
    server->stop();
    return kOk;
}

Registration reg({
    "serve",
    "serve search, items, literature and notes over HTTP (read-only)",
    "playmaker serve [--content DIR] [--db FILE] [--host 127.0.0.1] [--port 8080] [--threads N]\n"
    "                [--base-path /kb] [--watch]",
    "Builds the index first when needed, then serves the search page, item pages, the\n"
    "literature and the note form, and the JSON API (/api/search, /api/items/ID,\n"
    "/api/notes/MUNICIPALITY, /api/municipalities, /healthz; described at /api/openapi.json).\n"
    "Prints the URL on stdout once it accepts connections; stops cleanly on SIGINT/SIGTERM.\n"
    "--port 0 picks a free port. --threads is the number of connections served at once\n"
    "(default 64); more wait briefly, and past that the server answers 503. --watch\n"
    "re-indexes in the background when the content changes and keeps answering from the\n"
    "old index until the new one is ready (a broken file is reported, not fatal).",
    {content_option(), db_option(), {"--host", "ADDR", "address to bind (default 127.0.0.1)"},
     {"--port", "N", "port (default 8080; 0 = any free port)"},
     {"--threads", "N", "connections served at once (default 64)"},
     {"--base-path", "PATH", "serve everything under this prefix, e.g. /kb (for a reverse proxy)"},
     {"--watch", "", "re-index when the content changes (an author's live preview)"}},
    run,
});

}  // namespace
}  // namespace playmaker::cli
