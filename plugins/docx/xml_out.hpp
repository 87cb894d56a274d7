// A thin layer over Poco::XML::XMLWriter for the OOXML parts: elements by qualified name
// ("w:p"), attributes as pairs, text escaped and cleaned of characters XML 1.0 forbids.
#pragma once

#include <Poco/XML/XMLWriter.h>

#include <initializer_list>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace playmaker::docx {

class XmlOut {
public:
    using Attrs = std::initializer_list<std::pair<const char*, std::string>>;

    // Starts the document with an XML declaration.
    explicit XmlOut(std::ostream& out);
    // Closes what is open and ends the document.
    void finish();

    void open(const std::string& name, Attrs attrs = {});
    void open(const std::string& name, const std::vector<std::pair<std::string, std::string>>& attrs);
    void close();  // the element opened last
    void empty(const std::string& name, Attrs attrs = {});
    void text(const std::string& s);
    // An element holding only text, e.g. <dc:title>…</dc:title>.
    void leaf(const std::string& name, const std::string& s, Attrs attrs = {});

private:
    Poco::XML::XMLWriter w_;
    std::vector<std::string> open_;
};

// Text with the characters XML 1.0 does not allow (C0 controls but tab, newline and CR)
// removed, and invalid UTF-8 bytes replaced by U+FFFD.
std::string xml_clean(const std::string& s);

}  // namespace playmaker::docx
