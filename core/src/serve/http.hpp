// The server's view of HTTP: a request as bytes in, a response as bytes out. Nothing here
// knows about sockets, so routing and every handler can be called (and fuzzed) directly.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace playmaker::serve {

// The server's own limits, below Poco's 16 KiB request-line limit (past which Poco
// answers a bare 400 before any handler runs).
inline constexpr std::size_t kMaxUri = 8192;
inline constexpr std::size_t kMaxQuery = 2048;  // bytes of `q`, decoded
inline constexpr std::size_t kMaxParams = 64;

struct Request {
    std::string method;  // "GET", as sent
    std::string uri;     // the request target, as sent: "/kb/api/search?q=gr%C3%BCnder"
    bool has_body = false;  // a Content-Length above 0, or chunked
};

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    // Extra headers (Content-Disposition, Allow, Location, Retry-After, …). Security
    // headers are added by finish().
    std::vector<std::pair<std::string, std::string>> headers;
    std::string csp;     // the Content-Security-Policy; empty = the strict default
    bool close = false;  // close the connection after this response

    void set(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
    const std::string* header(std::string_view name) const;
};

// {"error": message} with `status`.
Response json_error(int status, const std::string& message);

// The strict default Content-Security-Policy: no script at all, styles and images from the
// server itself, forms only to it, no framing.
inline constexpr const char* kDefaultCsp =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'";

// Adds the headers every response carries: Content-Security-Policy, X-Content-Type-Options,
// Referrer-Policy, and friends.
void finish(Response& r);

}  // namespace playmaker::serve
