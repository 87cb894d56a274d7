#include "serve/router.hpp"

namespace playmaker::serve {
namespace {

bool unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

// Splits the path after the base into decoded segments; nullopt when one is unsafe.
std::optional<std::vector<std::string>> segments(std::string_view path) {
    std::vector<std::string> out;
    if (path.empty() || path == "/") return out;
    path.remove_prefix(1);  // the leading '/'
    bool trailing = !path.empty() && path.back() == '/';
    if (trailing) path.remove_suffix(1);
    while (true) {
        std::size_t slash = path.find('/');
        std::string_view raw = path.substr(0, slash);
        auto seg = percent_decode(raw, false);
        if (!seg || seg->empty() || *seg == "." || *seg == ".." ||
            seg->find_first_of(std::string_view("/\\\0", 3)) != std::string::npos) {
            return std::nullopt;
        }
        out.push_back(std::move(*seg));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return out;
}

Response not_found() { return json_error(404, "not found"); }

}  // namespace

bool Route::is_api() const {
    switch (endpoint) {
        case Endpoint::ApiSearch:
        case Endpoint::ApiItem:
        case Endpoint::ApiNote:
        case Endpoint::ApiMunicipalities:
        case Endpoint::ApiOpenApi:
        case Endpoint::Healthz:
        case Endpoint::Asset:
        case Endpoint::BaseRedirect:
            return true;
        default:
            return false;
    }
}

bool valid_base_path(std::string_view base) {
    if (base.empty()) return true;
    if (base.front() != '/' || base.back() == '/') return false;
    std::size_t start = 1;
    while (start <= base.size()) {
        std::size_t slash = base.find('/', start);
        std::string_view seg = base.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (seg.empty() || seg == "." || seg == "..") return false;
        for (char c : seg) {
            if (!unreserved(c)) return false;
        }
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return true;
}

Routed route(const Request& req, std::string_view base) {
    Routed out;
    if (req.method != "GET" && req.method != "HEAD") {
        out.error = json_error(405, "method not allowed: only GET and HEAD");
        out.error.set("Allow", "GET, HEAD");
        out.error.close = req.has_body;
        return out;
    }
    if (req.has_body) {
        out.error = json_error(413, "request bodies are not accepted");
        out.error.close = true;
        return out;
    }
    if (req.uri.size() > kMaxUri) {
        out.error = json_error(414, "the URL is longer than " + std::to_string(kMaxUri) + " bytes");
        return out;
    }
    std::string_view target = req.uri;
    if (target.empty() || target.front() != '/') {
        out.error = json_error(400, "the request target must be a path");
        return out;
    }
    std::size_t qmark = target.find('?');
    std::string_view path = target.substr(0, qmark);
    std::string_view query = qmark == std::string_view::npos ? std::string_view() : target.substr(qmark + 1);
    if (std::size_t hash = query.find('#'); hash != std::string_view::npos) query = query.substr(0, hash);
    if (path.find('#') != std::string_view::npos) path = path.substr(0, path.find('#'));

    if (!base.empty()) {
        if (path == base) {
            out.error.status = 308;
            out.error.content_type = "text/plain; charset=utf-8";
            out.error.set("Location", std::string(base) + "/" + (query.empty() ? "" : "?" + std::string(query)));
            out.error.body = std::string(base) + "/\n";
            return out;
        }
        if (path.substr(0, base.size()) != base || path[base.size()] != '/') {
            out.error = not_found();
            return out;
        }
        path.remove_prefix(base.size());
    }
    auto segs = segments(path);
    if (!segs) {
        out.error = json_error(400, "malformed or unsafe path");
        return out;
    }
    auto params = parse_query(query);
    if (!params) {
        out.error = json_error(400, "malformed query string (a bad %-escape, invalid UTF-8, NUL, or over " +
                                        std::to_string(kMaxParams) + " parameters)");
        return out;
    }
    for (const auto& [k, v] : *params) {
        if (k == "q" && v.size() > kMaxQuery) {
            out.error = json_error(414, "the query is longer than " + std::to_string(kMaxQuery) + " bytes");
            return out;
        }
    }

    Route r;
    r.params = std::move(*params);
    r.head = req.method == "HEAD";
    const auto& s = *segs;
    auto is = [&](std::size_t n, std::initializer_list<const char*> names) {
        if (s.size() != n) return false;
        std::size_t i = 0;
        for (const char* name : names) {
            if (s[i++] != name) return false;
        }
        return true;
    };
    if (s.empty()) {
        r.endpoint = Endpoint::SearchPage;
    } else if (is(2, {"items"})) {
        r.endpoint = Endpoint::ItemPage;
        r.arg = s[1];
    } else if (is(1, {"literature"})) {
        r.endpoint = Endpoint::LiteraturePage;
    } else if (is(1, {"notes"})) {
        r.endpoint = Endpoint::NotesPage;
    } else if (s.size() >= 2 && s[0] == "assets") {
        r.endpoint = Endpoint::Asset;
        for (std::size_t i = 1; i < s.size(); ++i) r.arg += (i > 1 ? "/" : "") + s[i];
    } else if (is(2, {"api", "search"})) {
        r.endpoint = Endpoint::ApiSearch;
    } else if (is(3, {"api", "items"})) {
        r.endpoint = Endpoint::ApiItem;
        r.arg = s[2];
    } else if (is(3, {"api", "notes"})) {
        r.endpoint = Endpoint::ApiNote;
        r.arg = s[2];
    } else if (is(2, {"api", "municipalities"})) {
        r.endpoint = Endpoint::ApiMunicipalities;
    } else if (is(2, {"api", "openapi.json"})) {
        r.endpoint = Endpoint::ApiOpenApi;
    } else if (is(1, {"healthz"})) {
        r.endpoint = Endpoint::Healthz;
    } else {
        out.error = not_found();
        return out;
    }
    out.route = std::move(r);
    return out;
}

}  // namespace playmaker::serve
