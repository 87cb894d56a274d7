// The JSON API, and the note download the API and the note form share.
#include <Poco/Base64Encoder.h>
#include <Poco/SHA2Engine.h>

#include <iostream>
#include <sstream>

#include "playmaker/municipality.hpp"
#include "playmaker/note.hpp"
#include "playmaker/plugin_host.hpp"
#include "render/json.hpp"
#include "serve/app.hpp"
#include "util/utf8.hpp"

namespace playmaker::serve {
namespace {

const char* const kFacets[] = {"kind", "theme", "role", "sector", "lang", "municipality", "county", "year"};

Response json_ok(const Poco::JSON::Object& o) {
    Response r;
    r.body = json::to_string(o);
    return r;
}

bool parse_int(const std::string& s, int lo, int hi, int& out) {
    if (s.empty() || s.size() > 9) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    int v = std::stoi(s);
    if (v < lo || v > hi) return false;
    out = v;
    return true;
}


// 'sha256-…' for every inline <style> block, so a rendered note keeps its styles under a
// CSP that allows no other inline style.
std::string style_hashes(const std::string& html) {
    std::string out;
    std::size_t pos = 0;
    while ((pos = html.find("<style>", pos)) != std::string::npos) {
        pos += 7;
        std::size_t end = html.find("</style>", pos);
        if (end == std::string::npos) break;
        Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
        sha.update(html.data() + pos, static_cast<unsigned>(end - pos));
        const auto& digest = sha.digest();
        std::ostringstream b64;
        {
            Poco::Base64Encoder enc(b64);
            enc.rdbuf()->setLineLength(0);
            enc.write(reinterpret_cast<const char*>(digest.data()), static_cast<std::streamsize>(digest.size()));
            enc.close();
        }
        out += " 'sha256-" + b64.str() + "'";
        pos = end;
    }
    return out;
}

}  // namespace

std::optional<App::Failure> App::search_query(const Params& p, SearchQuery& q, int max_limit) {
    q.text = first(p, "q").value_or("");
    for (const char* f : kFacets) {
        for (auto& v : all(p, f)) {
            if (!v.empty()) q.filters.emplace(f, std::move(v));
        }
    }
    if (auto l = first(p, "limit"); l && !parse_int(*l, 1, max_limit, q.limit)) {
        return Failure{400, "limit must be a whole number from 1 to " + std::to_string(max_limit)};
    }
    if (auto o = first(p, "offset"); o && !parse_int(*o, 0, 100000, q.offset)) {
        return Failure{400, "offset must be a whole number from 0 to 100000"};
    }
    return std::nullopt;
}

std::optional<App::Failure> App::run_search(const State& s, const SearchQuery& q, SearchResults& out) {
    auto lease = search_pool_.acquire(s, opt_.slot_wait);
    if (!lease) return Failure{503, "the server is busy; try again shortly"};
    try {
        out = (*lease)->search(q);
    } catch (const std::invalid_argument& e) {
        return Failure{400, e.what()};
    }
    return std::nullopt;
}

Response App::api_search(const Route& r, const State& s) {
    SearchQuery q;
    if (auto err = search_query(r.params, q, 100)) return json_error(err->status, err->message);
    SearchResults res;
    if (auto err = run_search(s, q, res)) return err->status == 503 ? overloaded() : json_error(err->status, err->message);
    return json_ok(json::search_results(q.text, res));
}

Response App::api_item(const Route& r, const State& s) {
    if (const Item* it = s.corpus.item(r.arg)) return json_ok(json::item(*it));
    if (const Reference* ref = s.corpus.reference(r.arg)) {
        std::string lang = first(r.params, "lang").value_or("nb");
        return json_ok(json::reference(*ref, lang));
    }
    return json_error(404, "no item or reference '" + r.arg + "'");
}

Response App::api_municipalities(const Route& r) {
    std::string q = first(r.params, "q").value_or("");
    return json_ok(json::municipalities(q, Register::builtin().search(q)));
}

Response App::api_openapi() {
    Response r;
    std::string body = openapi_;
    const std::string mark = "\"__BASE__\"";
    if (auto at = body.find(mark); at != std::string::npos) {
        body.replace(at, mark.size(), "\"" + (opt_.base.empty() ? std::string("/") : opt_.base) + "\"");
    }
    r.body = std::move(body);
    return r;
}

Response App::healthz(const State& s) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("status", std::string("ok"));
    o.set("generation", static_cast<Poco::UInt64>(s.generation));
    o.set("items", static_cast<int>(s.corpus.items.size()));
    o.set("references", static_cast<int>(s.corpus.references.size()));
    return json_ok(o);
}

Response App::note(const std::string& who, const Params& p, const State& s, bool page) {
    auto fail = [&](int status, const std::string& msg) { return page ? error_page(status, msg) : json_error(status, msg); };
    std::string format = first(p, "format").value_or("html");
    if (format.empty()) format = "html";
    if (format == "markdown") format = "md";
    const Renderer* renderer = PluginHost::shared().renderer(format);
    if (!renderer) {
        std::string have;
        for (const auto& f : PluginHost::shared().formats()) have += (have.empty() ? "" : ", ") + f;
        return fail(404, "no renderer for the format '" + format + "' is loaded (available: " + have + ")");
    }
    NoteOptions opts;
    opts.keyword_cache = &s.keyword_cache;
    if (auto pages = first(p, "pages"); pages && !pages->empty() && !parse_int(*pages, 1, 100, opts.pages)) {
        return fail(400, "pages must be a whole number from 1 to 100");
    }
    if (auto lang = first(p, "lang"); lang && !lang->empty()) {
        if (*lang != "nb" && *lang != "nn" && *lang != "sv" && *lang != "en") {
            return fail(400, "lang must be nb, nn, sv or en");
        }
        opts.lang = *lang;
    }
    Profile profile;
    std::string error;
    if (who.empty() || !resolve_profile(who, s.corpus, profile, error)) {
        return fail(404, error.empty() ? "give a municipality (number or name) or a profile" : error);
    }
    auto lease = note_pool_.acquire(s, opt_.slot_wait);
    if (!lease) return page ? error_page(503, "the server is busy; try again shortly") : overloaded();
    Note n = build_note(profile, s.corpus, &**lease, opts);
    RenderedFile file;
    try {
        file = renderer->render(n, s.corpus);
    } catch (const ToolMissing& e) {
        return fail(503, e.what());
    }
    Response r;
    r.content_type = file.media_type;
    const Municipality* m = n.municipality;
    std::string name = "playmaker-" + file_stem(*m) + "." +
                       file.extension;
    bool inline_html = file.extension == "html";
    r.set("Content-Disposition", std::string(inline_html ? "inline" : "attachment") + "; filename=\"" + name + "\"");
    if (inline_html) {
        r.csp = kDefaultCsp;
        const std::string dir = "style-src 'self'";
        r.csp.insert(r.csp.find(dir) + dir.size(), style_hashes(file.bytes));
    }
    r.body = std::move(file.bytes);
    return r;
}

}  // namespace playmaker::serve
