// The letter as a PDF: the text render_letter_text produces, laid out on US Letter pages
// with libharu, the TrueType fonts embedded so the file reads the same everywhere.
//
// Layout: 1-inch margins, 10.5 pt body text, word wrap on the real glyph widths (a word
// wider than the line is broken between characters), section headings (lines in capitals
// standing alone) and item decision lines ("...: Upheld") in bold, an optional title at the
// top of every page and "Page n of m" centred at the bottom. Lines that render_letter_text
// wrapped at its fixed column width are re-flowed into paragraphs; every other line break
// (credential block, header lines) is kept. A form feed starts a new page.
//
// Text is UTF-8 (invalid bytes become U+FFFD, control characters spaces). Output is
// deterministic: no creation date, no document ID, no clock or random input — the same text
// and options give byte-identical PDFs. Pure apart from reading the two font files; safe to
// call from many threads at once (each call has its own libharu document).
#pragma once

#include <string>

namespace imr {

struct PdfOptions {
  std::string font_path;       // regular TrueType font (.ttf)
  std::string bold_font_path;  // bold TrueType font (.ttf), for headings
  std::string title;           // printed at the top of every page; empty for none
};

// The Debian font paths (fonts-dejavu-core, else fonts-liberation when only that is
// installed), no title. Callers override any field.
PdfOptions default_pdf_options();

// The PDF bytes. Throws InputError("<font path>", "font not found; install fonts-dejavu-core")
// when a font file is missing, InputError(font path, ...) when libharu cannot load it, and
// InputError("letter", ...) for text over kMaxInputBytes.
std::string render_letter_pdf(const std::string& letter_text, const PdfOptions& options);

// Geometry and wording shared with tests: the footer on page n of m ("Page 2 of 5").
std::string pdf_page_footer(int page, int pages);

}  // namespace imr
