// A work of literature, as CSL-JSON describes it (what Zotero exports).
#pragma once

#include <string>
#include <vector>

namespace playmaker {

struct Name {
    std::string family;
    std::string given;
    std::string literal;  // an organisation: "Distriktssenteret"
    bool empty() const { return family.empty() && literal.empty(); }
};

// A date as CSL-JSON gives it: year, and month/day when known. year 0 means "no date".
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
};

struct Reference {
    std::string id;    // the citation key: "stene2013"
    std::string type;  // CSL type: book, chapter, article-journal, report, thesis, webpage, …
    std::vector<Name> authors;
    std::vector<Name> editors;
    Date issued;
    Date accessed;
    std::string title;
    std::string container_title;
    std::string collection_title;
    std::string publisher;
    std::string publisher_place;
    std::string volume;
    std::string issue;
    std::string page;
    std::string number;
    std::string edition;
    std::string genre;
    std::string doi;
    std::string url;
    std::string note;
    std::string language;

    std::string path;  // the file it came from, relative to the content root
    int line = 0;      // where its entry starts in that file
    int col = 0;
};

}  // namespace playmaker
