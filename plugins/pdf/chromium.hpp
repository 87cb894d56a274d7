// Printing an HTML file to PDF with headless Debian chromium: a fresh profile folder, no
// network, a time limit, and every file it makes inside one temporary folder.
#pragma once

#include <string>

namespace playmaker::pdf {

// The chromium executable on PATH; empty when there is none.
std::string find_chromium();

// A folder of its own under the system's temporary folder (unique per call, so renders
// on several threads never meet), removed with everything in it when destroyed.
class TempDir {
public:
    TempDir();  // throws std::runtime_error when it cannot be made
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Prints `html_file` to `pdf_file` (A4 and margins come from the page's @page rule):
// tagged, with a document outline from the headings, without chromium's own header and
// footer. Returns the PDF's bytes. Throws std::runtime_error when chromium fails, gives
// no PDF, or runs longer than `timeout_seconds` (then it and its children are killed).
std::string print_to_pdf(const std::string& chromium, const std::string& html_file, const std::string& work_dir,
                         int timeout_seconds);

}  // namespace playmaker::pdf
