// How many A4 pages a note prints to, estimated from its text.
#pragma once

#include "playmaker/note.hpp"

namespace playmaker {

// Calibrated against headless Chromium's print of the HTML note (templates/note/html.mustache,
// its fonts and margins): see tests/e2e/test_note_print.py, which holds every shipped
// profile's estimate against the printed page count.
double estimate_pages(const Note& note);

}  // namespace playmaker
