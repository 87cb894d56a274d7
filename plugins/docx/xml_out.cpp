#include "xml_out.hpp"

#include <Poco/SAX/AttributesImpl.h>
#include <Poco/UTF8Encoding.h>

namespace playmaker::docx {
namespace {

template <class Pairs>
Poco::XML::AttributesImpl attributes(const Pairs& pairs) {
    Poco::XML::AttributesImpl a;
    for (const auto& [k, v] : pairs) a.addAttribute("", "", k, "CDATA", xml_clean(v));
    return a;
}

}  // namespace

std::string xml_clean(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    Poco::UTF8Encoding utf8;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += static_cast<char>(c);
            ++i;
            continue;
        }
        int n = utf8.sequenceLength(reinterpret_cast<const unsigned char*>(s.data() + i),
                                    static_cast<int>(s.size() - i));
        int cp = n > 0 && static_cast<std::size_t>(n) <= s.size() - i
                     ? utf8.queryConvert(reinterpret_cast<const unsigned char*>(s.data() + i), n)
                     : -1;
        if (cp < 0 || (cp >= 0xFFFE && cp <= 0xFFFF)) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(s, i, static_cast<std::size_t>(n));
            i += static_cast<std::size_t>(n);
        }
    }
    return out;
}

XmlOut::XmlOut(std::ostream& out) : w_(out, Poco::XML::XMLWriter::WRITE_XML_DECLARATION) {
    w_.startDocument();
}

void XmlOut::finish() {
    while (!open_.empty()) close();
    w_.endDocument();
}

void XmlOut::open(const std::string& name, Attrs attrs) {
    w_.startElement("", "", name, attributes(attrs));
    open_.push_back(name);
}

void XmlOut::open(const std::string& name, const std::vector<std::pair<std::string, std::string>>& attrs) {
    w_.startElement("", "", name, attributes(attrs));
    open_.push_back(name);
}

void XmlOut::close() {
    w_.endElement("", "", open_.back());
    open_.pop_back();
}

void XmlOut::empty(const std::string& name, Attrs attrs) { w_.emptyElement("", "", name, attributes(attrs)); }

void XmlOut::text(const std::string& s) { w_.characters(xml_clean(s)); }

void XmlOut::leaf(const std::string& name, const std::string& s, Attrs attrs) {
    open(name, attrs);
    text(s);
    close();
}

}  // namespace playmaker::docx
