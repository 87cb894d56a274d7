// The server without its sockets: Request in, Response out, for every endpoint. The Poco
// glue (server.cpp) feeds it; tests and fuzzers can call respond() directly.
//
// Thread-safe: respond() runs on any number of connection threads at once. The State is
// swapped atomically by set_state(); each request uses the State it started with.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "playmaker/index.hpp"
#include "playmaker/value.hpp"
#include "serve/http.hpp"
#include "serve/index_pool.hpp"
#include "serve/router.hpp"
#include "serve/state.hpp"

namespace playmaker {
struct Note;
}

namespace playmaker::serve {

struct AppOptions {
    std::string base;        // "" or "/kb"
    int search_slots = 2;    // searches at once (about one per core)
    int note_slots = 2;      // notes at once
    std::chrono::milliseconds slot_wait{10000};  // longer → 503
};

class App {
public:
    // Reads the page templates and the OpenAPI description from the resource folder.
    // Throws std::runtime_error when they are missing.
    App(AppOptions options, std::shared_ptr<const State> state);

    Response respond(const Request& req);

    void set_state(std::shared_ptr<const State> state);
    std::shared_ptr<const State> state() const;

    // What an overloaded server answers (503, Retry-After, connection closed), before finish().
    static Response overloaded();

private:
    Response dispatch(const Route& r, const State& s);

    // API (api.cpp)
    Response api_search(const Route& r, const State& s);
    Response api_item(const Route& r, const State& s);
    Response api_municipalities(const Route& r);
    Response api_openapi();
    Response healthz(const State& s);
    Response asset(const Route& r);
    // The note for `who` with the request's format, pages and lang; `page` says whether
    // errors are shown as an HTML page (the form) or JSON (the API).
    Response note(const std::string& who, const Params& params, const State& s, bool page);

    // Pages (pages.cpp)
    Response search_page(const Route& r, const State& s);
    Response item_page(const Route& r, const State& s);
    Response literature_page(const State& s);
    Response notes_page(const Route& r, const State& s);
    Response error_page(int status, const std::string& message);
    Response html_page(int status, const std::string& title, const std::string& body_template, Value data);

    struct Failure {
        int status;
        std::string message;
    };
    // Parses the search parameters shared by the page and the API; a 400 when bad.
    std::optional<Failure> search_query(const Params& p, SearchQuery& q, int max_limit);
    // Runs a search on a pooled Index: a 503 when no slot came free in time, a 400 for
    // invalid UTF-8.
    std::optional<Failure> run_search(const State& s, const SearchQuery& q, SearchResults& out);

    AppOptions opt_;
    mutable std::mutex state_m_;
    std::shared_ptr<const State> state_;
    IndexPool search_pool_;
    IndexPool note_pool_;
    std::map<std::string, std::string> templates_;  // serve/*.mustache by file name
    std::string openapi_;
    std::vector<std::string> asset_roots_;  // canonical folders /assets/ may serve from
};

}  // namespace playmaker::serve
