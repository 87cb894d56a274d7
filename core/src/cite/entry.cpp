// Each function below is one macro of apa.csl, reduced to the variables a Reference has.
// The layout: author. (date). title (parenthetical) [bracketed]. container. publisher. access
#include "cite/entry.hpp"

#include "cite/names.hpp"
#include "cite/runs.hpp"
#include "cite/terms.hpp"
#include "cite/text.hpp"

namespace playmaker::cite {
namespace {

bool one_of(const std::string& type, std::initializer_list<std::string_view> types) {
    for (auto t : types) {
        if (type == t) return true;
    }
    return false;
}

bool periodical(const std::string& type) {
    return one_of(type, {"article-journal", "article-magazine", "article-newspaper",
                         "post-weblog", "review", "review-book"});
}
bool web(const std::string& type) { return one_of(type, {"post", "webpage"}); }

bool is_digits(std::string_view s) {
    if (s.empty() || s.size() > 6) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

bool is_range(std::string_view s) {
    return s.find_first_of("-,&") != std::string_view::npos || s.find("–") != std::string_view::npos;
}

struct Ctx {
    const Reference& r;
    CiteLang lang;
    const Terms& t;
    bool english;                  // title case applies (English locale, English or unset item)
    bool editors_as_author = false;
    bool title_as_author = false;

    std::string q(const std::string& s) const { return localize_quotes(s, t); }
    std::string tc(const std::string& s) const { return english ? title_case(q(s)) : q(s); }
    bool has_link() const { return !r.doi.empty() || !r.url.empty(); }
    std::string editor_label() const { return r.editors.size() > 1 ? t.editors : t.editor; }
};

Runs title(const Ctx& c) {
    if (c.r.title.empty()) return {};
    if (web(c.r.type)) return italic_run(c.q(c.r.title));
    if (!c.r.container_title.empty()) return text_run(c.q(c.r.title));
    return italic_run(c.q(c.r.title));
}

// Genre and number: "Rapport Nr. 12", "NOU 2011:11".
Runs number(const Ctx& c) {
    if (c.r.number.empty()) return {};
    std::string genre = c.english ? title_case(c.r.genre) : c.r.genre;
    std::string num = is_numeric(c.r.number) ? std::string(c.t.issue) + " " + c.r.number : c.r.number;
    std::vector<Runs> parts{join({text_run(genre), text_run(num)}, " ")};
    if (c.r.type == "thesis" && c.has_link()) parts.push_back(text_run(c.r.publisher));
    return join(parts, ", ");
}

Runs edition(const Ctx& c) {
    const std::string& e = c.r.edition;
    if (e.empty()) return {};
    if (is_digits(e)) return text_run(ordinal(c.lang, std::stoi(e)) + " " + c.t.edition);
    if (is_numeric(e)) return text_run(e + " " + c.t.edition);
    return text_run(e);
}

Runs pages(const Ctx& c) {
    if (c.r.page.empty()) return {};
    return text_run(std::string(is_range(c.r.page) ? c.t.pages : c.t.page) + " " +
                    page_range(c.r.page));
}

// Edition, report series, volume and pages of a book-like work.
Runs locators_booklike(const Ctx& c) {
    if (periodical(c.r.type) || web(c.r.type)) return {};
    std::vector<Runs> vol;
    if (c.r.type == "report") vol.push_back(text_run(c.english ? c.tc(c.r.collection_title)
                                                               : c.q(c.r.collection_title)));
    if (!c.r.volume.empty() && is_numeric(c.r.volume)) {
        vol.push_back(text_run(std::string(c.t.volume) + " " + c.r.volume));
    }
    vol.push_back(pages(c));
    return join({edition(c), join(vol, ", ")}, ", ");
}

// Editors of a work with its own author, inside the title's parentheses: "(A. Berg, Red.)".
Runs secondary_contributors(const Ctx& c) {
    if (c.editors_as_author || c.r.editors.empty()) return {};
    if (!web(c.r.type) && !c.r.container_title.empty()) return {};
    return text_run(given_first_list(c.r.editors) + ", " + c.editor_label());
}

Runs parenthetical(const Ctx& c) {
    if (!web(c.r.type) && !c.r.container_title.empty()) return {};
    if (periodical(c.r.type)) return {};
    return wrap(join({secondary_contributors(c), number(c), locators_booklike(c)}, "; "), "(", ")");
}

// Genre or medium in brackets: "[Masteroppgave]", "[Kronikk]".
Runs format(const Ctx& c) {
    if (c.r.number.empty() && !c.r.genre.empty()) return text_run(capitalize_first(c.r.genre));
    return {};
}

Runs bracketed(const Ctx& c) {
    Runs inner;
    if (c.r.type == "thesis") {
        if (c.r.number.empty()) {
            std::vector<Runs> parts{text_run(capitalize_first(c.r.genre))};
            if (c.has_link()) parts.push_back(text_run(c.r.publisher));
            inner = join(parts, ", ");
        }
    } else if (c.r.container_title.empty() || c.r.type != "report") {
        inner = format(c);
    }
    return wrap(inner, "[", "]");
}

Runs title_and_descriptions(const Ctx& c) {
    if (c.title_as_author) return bracketed(c);
    if (c.r.title.empty()) return join({bracketed(c), parenthetical(c)}, " ");
    return join({title(c), parenthetical(c), bracketed(c)}, " ");
}

Runs author(Ctx& c) {
    if (!c.r.authors.empty()) return text_run(bib_name_list(c.r.authors));
    if (!c.r.editors.empty()) {
        c.editors_as_author = true;
        return text_run(bib_name_list(c.r.editors) + " (" + c.editor_label() + ")");
    }
    Runs out = join({title(c), parenthetical(c)}, " ");
    c.title_as_author = true;
    return out;
}

Runs date(const Ctx& c, const std::string& suffix) {
    const Date& d = c.r.issued;
    if (d.year == 0) return text_run(std::string("(") + c.t.no_date + (suffix.empty() ? "" : "-" + suffix) + ")");
    std::string s = "(" + std::to_string(d.year) + suffix;
    if (one_of(c.r.type, {"article-magazine", "article-newspaper", "broadcast", "interview",
                          "motion_picture", "pamphlet", "personal_communication", "post",
                          "post-weblog", "song", "speech", "webpage"}) &&
        d.month >= 1 && d.month <= 12) {
        s += std::string(", ") + c.t.months[d.month - 1];
        if (d.day > 0) s += " " + std::to_string(d.day);
    }
    return text_run(s + ")");
}

Runs container(const Ctx& c) {
    const Reference& r = c.r;
    if (periodical(r.type)) {
        Runs vol;
        if (!r.volume.empty()) {
            vol = italic_run(r.volume);
            if (!r.issue.empty()) append(vol, text_run("(" + r.issue + ")"));
        } else {
            vol = italic_run(r.issue);
        }
        Runs where = r.number.empty()
                         ? text_run(page_range(r.page))
                         : text_run(std::string(c.t.article) + " " + r.number);
        return join({italic_run(c.tc(r.container_title)), vol, where}, ", ");
    }
    if (web(r.type) || r.container_title.empty()) return {};
    Runs eds;
    if (!c.editors_as_author && !r.editors.empty()) {
        eds = text_run(given_first_list(r.editors) + " (" + c.editor_label() + ")");
    }
    Runs inner = join({eds, italic_run(c.q(r.container_title))}, ", ");
    Runs paren = wrap(join({number(c), locators_booklike(c)}, "; "), "(", ")");
    Runs bracket = r.type == "report" ? wrap(format(c), "[", "]") : Runs{};
    return join({text_run(c.t.in), inner, paren, bracket}, " ");
}

Runs publisher(const Ctx& c) {
    const Reference& r = c.r;
    if (r.type == "thesis") return c.has_link() ? Runs{} : text_run(r.publisher);
    if (web(r.type)) return join({text_run(c.tc(r.container_title)), text_run(r.publisher)}, "; ");
    if (one_of(r.type, {"article-journal", "article-magazine", "article-newspaper", "post-weblog"}))
        return {};
    return text_run(r.publisher);
}

Runs access(const Ctx& c) {
    if (!c.r.doi.empty()) return link_run(doi_url(c.r.doi));
    if (c.r.url.empty()) return {};
    if (c.r.issued.year != 0) return link_run(c.r.url);
    const Date& a = c.r.accessed;
    Runs out = join({text_run(c.t.retrieved),
                     a.year ? text_run(text_date(c.lang, a.year, a.month, a.day) + ",") : Runs{},
                     text_run(c.t.from)},
                    " ");
    append_text(out, " ");
    append(out, link_run(c.r.url));
    return out;
}

}  // namespace

std::string doi_url(std::string_view doi) {
    for (std::string_view p : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                               "http://dx.doi.org/", "doi:"}) {
        if (doi.starts_with(p)) {
            doi.remove_prefix(p.size());
            break;
        }
    }
    return "https://doi.org/" + std::string(doi);
}

Runs format_entry(const Reference& r, CiteLang lang, const std::string& suffix) {
    bool english = lang == CiteLang::en && (r.language.empty() || r.language.starts_with("en"));
    Ctx c{r, lang, terms(lang), english};
    Runs a = author(c);
    Runs body = join({a, date(c, suffix), title_and_descriptions(c), container(c), publisher(c)}, ". ");
    return join({wrap(body, "", "."), access(c)}, " ");
}

Runs title_as_author(const Reference& r, CiteLang lang, bool in_text) {
    const Terms& t = terms(lang);
    bool english = lang == CiteLang::en && (r.language.empty() || r.language.starts_with("en"));
    bool quoted = !web(r.type) && !r.container_title.empty();
    std::string s = localize_quotes(r.title, t, quoted ? 1 : 0);
    if (in_text && english) s = title_case(s);
    if (quoted) return text_run(std::string(t.open_quote) + s + t.close_quote);
    return italic_run(s);
}

}  // namespace playmaker::cite
