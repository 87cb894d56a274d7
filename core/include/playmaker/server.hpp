// `playmaker serve`: search, items, literature and notes over HTTP (Poco::Net), read-only.
//
//   ServerOptions o; o.content = "content"; o.port = 0;
//   Diagnostics diags;
//   auto server = Server::create(o, diags);   // null when the content has errors
//   server->start();                           // listening now
//   std::cout << server->url() << "\n";
//   … server->stop();
//
// The index at `db` must be built before create() (Index::build). One Server serves any
// number of connections at once; its methods are called from one controlling thread.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "playmaker/diagnostic.hpp"

namespace playmaker {

struct ServerOptions {
    std::string content = "content";
    std::string db = ".playmaker/index.sqlite";
    std::string host = "127.0.0.1";
    int port = 8080;           // 0 picks a free port
    int threads = 64;          // connections served at once (one thread each)
    std::string base_path;     // "" or "/kb": everything is served under it
    bool watch = false;        // re-index in the background when the content changes
    // Messages about reloads and problems (default: stderr).
    std::function<void(const std::string&)> log;
};

class Server {
public:
    // Loads the content (problems into `diags`). Returns null when the content has errors,
    // unless `watch` is set (an author's preview serves what loads and says what did not).
    // Throws std::invalid_argument for bad options, std::runtime_error when the templates
    // or the index cannot be read.
    static std::unique_ptr<Server> create(const ServerOptions& options, Diagnostics& diags);
    ~Server();  // stops

    // Binds and starts accepting connections (and the watcher). Throws std::runtime_error
    // when the address cannot be bound.
    void start();
    // "http://127.0.0.1:8080/kb/" — valid after start().
    std::string url() const;
    int port() const;
    // Stops accepting, closes the connections, stops the watcher. Idempotent.
    void stop();

    // Re-reads the content and refreshes the index now, then swaps them in: what the
    // watcher does on a change. Returns false (and logs why) when that failed; the old
    // content is then still served.
    bool reload();

    struct Impl;

private:
    explicit Server(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace playmaker
