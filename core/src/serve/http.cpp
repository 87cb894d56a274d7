#include "serve/http.hpp"

#include <Poco/JSON/Object.h>

#include <sstream>

namespace playmaker::serve {

const std::string* Response::header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
        if (k == name) return &v;
    }
    return nullptr;
}

Response json_error(int status, const std::string& message) {
    Poco::JSON::Object o;
    o.set("error", message);
    std::ostringstream s;
    o.stringify(s);
    Response r;
    r.status = status;
    r.body = s.str();
    return r;
}

void finish(Response& r) {
    r.set("Content-Security-Policy", r.csp.empty() ? std::string(kDefaultCsp) : r.csp);
    r.set("X-Content-Type-Options", "nosniff");
    r.set("Referrer-Policy", "no-referrer");
    r.set("X-Frame-Options", "DENY");
    r.set("Cross-Origin-Resource-Policy", "same-origin");
    if (!r.header("Cache-Control")) r.set("Cache-Control", "no-cache");
}

}  // namespace playmaker::serve
