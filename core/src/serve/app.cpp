#include "serve/app.hpp"

#include <filesystem>
#include <iostream>

#include "playmaker/resources.hpp"
#include "util/text.hpp"

namespace playmaker::serve {

namespace fs = std::filesystem;

App::App(AppOptions options, std::shared_ptr<const State> state)
    : opt_(std::move(options)), state_(std::move(state)), search_pool_(opt_.search_slots), note_pool_(opt_.note_slots) {
    for (const char* name : {"layout.mustache", "search.mustache", "item.mustache", "literature.mustache",
                             "notes.mustache", "error.mustache"}) {
        templates_[name] = text::read_file(resource_path(std::string("templates/serve/") + name));
    }
    openapi_ = text::read_file(resource_path("templates/serve/openapi.json"));
    for (const char* root : {"templates/serve/assets", "site/assets"}) {
        std::error_code ec;
        fs::path canon = fs::canonical(resource_path(root), ec);
        if (!ec && fs::is_directory(canon, ec)) asset_roots_.push_back(canon.string());
    }
}

void App::set_state(std::shared_ptr<const State> state) {
    std::lock_guard lock(state_m_);
    state_ = std::move(state);
}

std::shared_ptr<const State> App::state() const {
    std::lock_guard lock(state_m_);
    return state_;
}

Response App::overloaded() {
    Response r = json_error(503, "the server is busy; try again shortly");
    r.set("Retry-After", "1");
    r.close = true;
    return r;
}

Response App::respond(const Request& req) {
    Routed routed = route(req, opt_.base);
    Response r;
    if (!routed.route) {
        r = std::move(routed.error);
    } else {
        std::shared_ptr<const State> s = state();
        try {
            r = dispatch(*routed.route, *s);
        } catch (const std::exception& e) {
            std::cerr << "playmaker serve: internal error on " << req.uri.substr(0, 200) << ": " << e.what() << "\n";
            r = json_error(500, "internal error");
        }
    }
    finish(r);
    return r;
}

Response App::dispatch(const Route& r, const State& s) {
    switch (r.endpoint) {
        case Endpoint::SearchPage: return search_page(r, s);
        case Endpoint::ItemPage: return item_page(r, s);
        case Endpoint::LiteraturePage: return literature_page(s);
        case Endpoint::NotesPage: return notes_page(r, s);
        case Endpoint::Asset: return asset(r);
        case Endpoint::ApiSearch: return api_search(r, s);
        case Endpoint::ApiItem: return api_item(r, s);
        case Endpoint::ApiNote: return note(r.arg, r.params, s, false);
        case Endpoint::ApiMunicipalities: return api_municipalities(r);
        case Endpoint::ApiOpenApi: return api_openapi();
        case Endpoint::Healthz: return healthz(s);
        case Endpoint::BaseRedirect: break;
    }
    return json_error(404, "not found");
}

namespace {

const char* media_type(const std::string& ext) {
    static const std::pair<const char*, const char*> kTypes[] = {
        {".css", "text/css; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".svg", "image/svg+xml"},           {".png", "image/png"},
        {".jpg", "image/jpeg"},              {".jpeg", "image/jpeg"},
        {".webp", "image/webp"},             {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},            {".woff", "font/woff"},
        {".txt", "text/plain; charset=utf-8"}, {".json", "application/json; charset=utf-8"},
    };
    for (const auto& [e, t] : kTypes) {
        if (ext == e) return t;
    }
    return nullptr;
}

}  // namespace

// Serves a file only when its real path (symlinks resolved) lies inside one of the roots,
// is a regular file, is not hidden, and has a known media type.
Response App::asset(const Route& r) {
    for (const auto& seg : text::split(r.arg, '/')) {
        if (!seg.empty() && seg.front() == '.') return json_error(404, "not found");
    }
    for (const auto& root : asset_roots_) {
        std::error_code ec;
        fs::path canon = fs::canonical(fs::path(root) / r.arg, ec);
        if (ec) continue;
        std::string c = canon.string();
        if (c.size() <= root.size() || c.compare(0, root.size(), root) != 0 || c[root.size()] != '/') continue;
        if (!fs::is_regular_file(canon, ec)) continue;
        const char* type = media_type(canon.extension().string());
        if (!type || fs::file_size(canon, ec) > (8u << 20)) continue;
        Response out;
        out.content_type = type;
        out.body = text::read_file(c);
        out.set("Cache-Control", "max-age=300");
        return out;
    }
    return json_error(404, "not found");
}

}  // namespace playmaker::serve
