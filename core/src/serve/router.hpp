// Request routing as a function of the request: method, target and body flag in, either a
// route with its decoded parameters or the error response out. No I/O, no state — so a
// fuzzer (and the unit tests) call it directly.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "serve/http.hpp"
#include "serve/url.hpp"

namespace playmaker::serve {

enum class Endpoint {
    SearchPage,      // /            the search page (and the home page)
    ItemPage,        // /items/{id}
    LiteraturePage,  // /literature
    NotesPage,       // /notes       the note form; with ?municipality= it returns the note
    Asset,           // /assets/{path…}
    ApiSearch,       // /api/search
    ApiItem,         // /api/items/{id}
    ApiNote,         // /api/notes/{municipality or profile}
    ApiMunicipalities,  // /api/municipalities
    ApiOpenApi,      // /api/openapi.json
    Healthz,         // /healthz
    BaseRedirect,    // the base path without its trailing slash → 308 to base + "/"
};

struct Route {
    Endpoint endpoint = Endpoint::SearchPage;
    std::string arg;  // the decoded {id}, {municipality} or asset path ("css/site.css")
    Params params;
    bool head = false;
    bool is_api() const;
};

struct Routed {
    std::optional<Route> route;
    Response error;  // when !route
};

// Routes `req` for a server mounted at `base` ("" or "/kb": no trailing slash). Errors:
// 405 (not GET/HEAD), 413 (a body), 414 (target over kMaxUri, `q` over kMaxQuery),
// 400 (a malformed target, escape or parameter; `..`, `.`, encoded '/', '\' or NUL in a
// path segment), 404 (no such route).
Routed route(const Request& req, std::string_view base);

// True when `base` is usable as a mount point: "" or "/seg/seg" of unreserved characters,
// without dot segments or a trailing slash.
bool valid_base_path(std::string_view base);

}  // namespace playmaker::serve
