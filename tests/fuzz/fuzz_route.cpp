// Fuzz target: the server's routing — method, request target and body flag in, a route or
// an error response out. Holds the routing's promises: nothing with a dot segment, an
// encoded separator or NUL reaches a handler, every parameter is valid UTF-8, and every
// refusal is one of the statuses the API documents.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "serve/router.hpp"
#include "util/utf8.hpp"

using namespace playmaker::serve;

namespace {

void require(bool ok) {
    if (!ok) std::abort();
}

void check(const Request& req, const std::string& base) {
    Routed r = route(req, base);
    if (!r.route) {
        int s = r.error.status;
        require(s == 308 || s == 400 || s == 404 || s == 405 || s == 413 || s == 414);
        return;
    }
    require(req.method == "GET" || req.method == "HEAD");
    require(!req.has_body && req.uri.size() <= kMaxUri);
    const std::string& a = r.route->arg;
    require(playmaker::utf8::valid(a) && a.find('\0') == std::string::npos && a.find('\\') == std::string::npos);
    require(a != "." && a != ".." && a.find("/../") == std::string::npos && a.rfind("../", 0) != 0 &&
            (a.size() < 3 || a.compare(a.size() - 3, 3, "/..") != 0));
    if (r.route->endpoint != Endpoint::Asset) require(a.find('/') == std::string::npos);
    for (const auto& [k, v] : r.route->params) {
        require(playmaker::utf8::valid(k) && playmaker::utf8::valid(v));
        require(k.find('\0') == std::string::npos && v.find('\0') == std::string::npos);
        if (k == "q") require(v.size() <= kMaxQuery);
    }
}

}  // namespace

// Input: one byte of flags (bit 0: a body; bit 1: HEAD; bit 2: another method), then the
// request target.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    Request req;
    req.has_body = data[0] & 1;
    req.method = (data[0] & 4) ? "POST" : (data[0] & 2) ? "HEAD" : "GET";
    req.uri.assign(reinterpret_cast<const char*>(data + 1), size - 1);
    check(req, "");
    check(req, "/kb");
    return 0;
}
