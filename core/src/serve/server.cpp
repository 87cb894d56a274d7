// The Poco glue: sockets, the connection thread pool, admission control, and the watcher.
// Everything a request means is decided by App::respond (app.hpp), without sockets.
//
// Poco's HTTPServer gives each connection a thread for as long as it lives (keep-alive
// included) and queues further connections; a full queue closes them silently. So: the
// pool has a thread per connection the server accepts (--threads), keep-alive is capped
// (requests and idle time), a connection is closed after its response while others wait
// for a thread, and once more than max(16, 2 × threads) are waiting the server answers
// 503 itself (Poco's queue holds 4 × threads, so it never fills and closes silently).
#include "playmaker/server.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>

#include "playmaker/index.hpp"
#include "playmaker/plugin_host.hpp"
#include "playmaker/version.hpp"
#include "serve/app.hpp"
#include "serve/watch.hpp"

namespace playmaker {

using namespace serve;

struct Server::Impl {
    ServerOptions opt;
    std::unique_ptr<App> app;
    std::unique_ptr<Poco::ThreadPool> pool;
    std::unique_ptr<Poco::Net::HTTPServer> http;
    std::unique_ptr<Watcher> watcher;
    std::uint64_t watch_baseline = 0;
    std::mutex reload_m;
    std::atomic<std::uint64_t> generation{1};
    int bound_port = 0;
    int admit_queue = 16;  // connections waiting for a thread before the server answers 503

    void log(const std::string& msg) const {
        if (opt.log) opt.log(msg);
        else std::cerr << "playmaker serve: " << msg << "\n";
    }
};

namespace {

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(Server::Impl& s) : s_(s) {}

    void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) override {
        Request r;
        r.method = req.getMethod();
        r.uri = req.getURI();
        r.has_body = req.getChunkedTransferEncoding() ||
                     (req.hasContentLength() && req.getContentLength64() > 0);
        Response out;
        const Poco::Net::HTTPServer& http = *s_.http;
        // (TCPServer::maxThreads() is the pool's capacity, not the server's limit.)
        bool saturated = http.currentThreads() >= s_.opt.threads;
        if (saturated && http.queuedConnections() > s_.admit_queue) {
            out = App::overloaded();
            finish(out);
        } else {
            out = s_.app->respond(r);
        }
        resp.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(out.status));
        resp.setContentType(out.content_type);
        for (const auto& [k, v] : out.headers) resp.set(k, v);
        // Others are waiting for a thread: let them have this one.
        if (out.close || (saturated && http.queuedConnections() > 0)) resp.setKeepAlive(false);
        resp.sendBuffer(out.body.data(), out.body.size());
    }

private:
    Server::Impl& s_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(Server::Impl& s) : s_(s) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(s_);
    }

private:
    Server::Impl& s_;
};

}  // namespace

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { stop(); }

std::unique_ptr<Server> Server::create(const ServerOptions& options, Diagnostics& diags) {
    if (!valid_base_path(options.base_path)) {
        throw std::invalid_argument("--base-path must be empty or like /kb (letters, digits, - . _ ~; no trailing /)");
    }
    if (options.threads < 1 || options.threads > 4096) throw std::invalid_argument("--threads must be from 1 to 4096");
    if (options.port < 0 || options.port > 65535) throw std::invalid_argument("--port must be from 0 to 65535");
    auto impl = std::make_unique<Impl>();
    impl->opt = options;
    PluginHost::shared();  // loaded here, once, before any request thread runs
    // The watcher compares with the tree as it was before loading, so no edit slips by.
    if (options.watch) impl->watch_baseline = tree_signature(options.content);
    auto state = load_state(options.content, options.db, 1, diags);
    if (diags.has_errors() && !options.watch) return nullptr;
    Index::open(options.db);  // fails here, not on the first request, when the index is unusable
    AppOptions ao;
    ao.base = options.base_path;
    int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    ao.search_slots = cores;
    ao.note_slots = cores;
    impl->app = std::make_unique<App>(ao, std::move(state));
    impl->admit_queue = std::max(16, 2 * options.threads);
    return std::unique_ptr<Server>(new Server(std::move(impl)));
}

void Server::start() {
    Impl& s = *impl_;
    Poco::Net::ServerSocket socket;
    try {
        socket.bind(Poco::Net::SocketAddress(s.opt.host, static_cast<Poco::UInt16>(s.opt.port)), true);
        socket.listen(std::max(64, s.opt.threads * 2));
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("cannot listen on " + s.opt.host + ":" + std::to_string(s.opt.port) + ": " +
                                 e.displayText());
    }
    s.bound_port = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;  // owned by the server
    params->setMaxThreads(s.opt.threads);
    params->setMaxQueued(std::max(64, s.opt.threads * 4));
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(1000);
    params->setKeepAliveTimeout(Poco::Timespan(5, 0));
    params->setTimeout(Poco::Timespan(15, 0));
    params->setServerName("playmaker");
    params->setSoftwareVersion(std::string("Playmaker/") + version());
    s.pool = std::make_unique<Poco::ThreadPool>(2, s.opt.threads + 2, 60);
    s.http = std::make_unique<Poco::Net::HTTPServer>(new Factory(s), *s.pool, socket, params);
    s.http->start();
    if (s.opt.watch) {
        s.watcher = std::make_unique<Watcher>(s.opt.content, s.watch_baseline, [this] { reload(); });
    }
}

std::string Server::url() const {
    const Impl& s = *impl_;
    std::string host = s.opt.host.find(':') != std::string::npos ? "[" + s.opt.host + "]" : s.opt.host;
    return "http://" + host + ":" + std::to_string(s.bound_port) + s.opt.base_path + "/";
}

int Server::port() const { return impl_->bound_port; }

void Server::stop() {
    Impl& s = *impl_;
    s.watcher.reset();
    if (s.http) {
        s.http->stopAll(true);
        s.pool->joinAll();
        s.http.reset();
        s.pool.reset();
    }
}

bool Server::reload() {
    Impl& s = *impl_;
    std::lock_guard lock(s.reload_m);
    auto t0 = std::chrono::steady_clock::now();
    try {
        // The index and the corpus are read one after the other; if the tree changed in
        // between they may disagree, so read again until it held still (a few times at most).
        BuildStats stats;
        Diagnostics diags;
        std::shared_ptr<const State> state;
        for (int attempt = 0; attempt < 5; ++attempt) {
            std::uint64_t before = tree_signature(s.opt.content);
            stats = Index::build(s.opt.content, s.opt.db);
            diags = Diagnostics();
            state = load_state(s.opt.content, s.opt.db, s.generation + 1, diags);
            if (tree_signature(s.opt.content) == before) break;
        }
        ++s.generation;
        diags.sort();
        for (const auto& d : diags.all()) {
            if (d.severity == Severity::Error) s.log(d.format());
        }
        s.app->set_state(std::move(state));
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::ostringstream m;
        m << "reloaded the content (" << stats.indexed << " re-indexed, " << stats.removed << " removed";
        if (diags.errors()) m << ", " << diags.errors() << (diags.errors() == 1 ? " error" : " errors");
        m << ") in " << std::fixed << std::setprecision(2) << secs << " s";
        s.log(m.str());
        return true;
    } catch (const std::exception& e) {
        s.log(std::string("reload failed, still serving the previous content: ") + e.what());
        return false;
    }
}

}  // namespace playmaker
