#include "notes/outline.hpp"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "playmaker/resources.hpp"
#include "util/text.hpp"

namespace playmaker {

const std::vector<OutlineSection>& outline() {
    static const std::vector<OutlineSection> sections = [] {
        std::string path = resource_path("templates/note/outline.yaml");
        std::vector<OutlineSection> out;
        try {
            YAML::Node root = YAML::Load(text::read_file(path));
            for (const auto& n : root["sections"]) {
                OutlineSection s;
                s.id = n["id"].as<std::string>();
                s.heading = n["heading"].as<std::string>("");
                s.intro = n["intro"].as<std::string>("");
                s.generate = n["generate"].as<std::string>("");
                if (n["kinds"]) {
                    for (const auto& k : n["kinds"]) {
                        auto kind = kind_from_name(k.as<std::string>());
                        if (!kind) throw std::runtime_error("unknown kind '" + k.as<std::string>() + "'");
                        s.kinds.push_back(*kind);
                    }
                }
                s.drivers = n["drivers"].as<bool>(false);
                s.linked = n["linked"].as<bool>(false);
                s.page_break = n["page_break"].as<bool>(false);
                s.max = n["max"].as<int>(0);
                s.min = n["min"].as<int>(0);
                out.push_back(std::move(s));
            }
        } catch (const std::exception& e) {
            throw std::runtime_error("cannot read the note outline " + path + ": " + e.what());
        }
        return out;
    }();
    return sections;
}

}  // namespace playmaker
