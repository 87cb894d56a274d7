// Fuzz target: a BibTeX file through the bibtex importer's parser.
#include <cstddef>
#include <cstdint>
#include <string>

#include "bibtex_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    playmaker::Diagnostics diags;
    std::vector<playmaker::Reference> refs;
    playmaker::bibtex::parse(bytes, "literature/fuzz.bib", refs, diags);
    return 0;
}
