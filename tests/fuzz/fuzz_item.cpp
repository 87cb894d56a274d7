// Fuzz target: an item file — front matter (YAML), Markdown body, citations and links.
#include <cstddef>
#include <cstdint>
#include <string>

#include "playmaker/corpus.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    playmaker::Diagnostics diags;
    playmaker::Item item;
    playmaker::parse_item(bytes, "findings/fuzz.md", item, diags);
    playmaker::Profile profile;
    playmaker::parse_profile(bytes, "profiles/fuzz.yaml", profile, diags);
    playmaker::Taxonomy taxonomy;
    playmaker::parse_taxonomy(bytes, "taxonomy.yaml", taxonomy, diags);
    for (const auto& d : diags.all()) (void)d.format();
    return 0;
}
