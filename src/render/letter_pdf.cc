#include "render/letter_pdf.h"

#include <hpdf.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "core/error.h"
#include "core/file.h"
#include "core/text.h"
#include "render/letter_layout.h"

namespace imr {
namespace {

// Page geometry in PDF points (1/72 inch): US Letter, 1-inch margins.
constexpr float kPageWidth = 612.0f;
constexpr float kPageHeight = 792.0f;
constexpr float kMargin = 72.0f;
constexpr float kBodySize = 10.5f;
constexpr float kLineHeight = 14.0f;
constexpr float kHeadingSize = 11.5f;
constexpr float kHeaderSize = 9.0f;

constexpr const char* kReplacementChar = "\xEF\xBF\xBD";

// Valid UTF-8 only: invalid bytes become U+FFFD, control characters (other than newline and
// form feed) spaces, carriage returns nothing.
std::string sanitize_utf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      if (c == '\r') {
      } else if (c == '\n' || c == '\f') {
        out += static_cast<char>(c);
      } else if (c < 0x20 || c == 0x7f) {
        out += ' ';
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07;
    bool ok = len != 0 && i + len <= in.size();
    for (size_t k = 1; ok && k < len; ++k) {
      const auto cc = static_cast<unsigned char>(in[i + k]);
      if ((cc & 0xC0) != 0x80) ok = false;
      else cp = (cp << 6) | (cc & 0x3F);
    }
    if (ok) {
      const uint32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
      ok = cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (ok) {
      out.append(in.substr(i, len));
      i += len;
    } else {
      out += kReplacementChar;
      ++i;
    }
  }
  return out;
}

size_t utf8_char_length(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  return std::min(len, s.size() - i);
}

bool has_lower(std::string_view s) {
  for (char c : s)
    if (c >= 'a' && c <= 'z') return true;
  return false;
}

int count_upper(std::string_view s) {
  int n = 0;
  for (char c : s) n += (c >= 'A' && c <= 'Z');
  return n;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// One line of text as written in the letter, after re-flowing, with its style.
struct LogicalLine {
  std::string text;
  bool bold = false;
  bool heading = false;
};

// The letter as blocks (paragraphs) of logical lines; an empty block marks a page break.
struct Block {
  std::vector<LogicalLine> lines;
  bool page_break = false;
};

std::vector<Block> parse_blocks(const std::string& text) {
  std::vector<Block> blocks;
  std::vector<std::string> raw;  // the current paragraph's source lines
  auto flush = [&] {
    if (raw.empty()) return;
    Block b;
    std::string current = raw[0];
    for (size_t i = 1; i < raw.size(); ++i) {
      if (is_soft_break(raw[i - 1], raw[i])) {
        current += ' ' + std::string(trim(raw[i]));
      } else {
        b.lines.push_back({current});
        current = std::string(trim(raw[i]));
      }
    }
    b.lines.push_back({current});
    for (auto& l : b.lines) {
      l.text = collapse_whitespace(l.text);
      const bool decision = ends_with(l.text, ": Upheld") || ends_with(l.text, ": Overturned");
      l.heading = b.lines.size() == 1 && !has_lower(l.text) && count_upper(l.text) >= 2;
      l.bold = l.heading || decision;
    }
    blocks.push_back(std::move(b));
    raw.clear();
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find_first_of("\n\f", pos);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = std::string_view(text).substr(pos, end - pos);
    if (trim(line).empty()) flush();
    else raw.emplace_back(line);
    if (end < text.size() && text[end] == '\f') {
      flush();
      blocks.push_back(Block{{}, true});
    }
    pos = end + 1;
  }
  flush();
  return blocks;
}

// libharu reports errors through a callback; record the first and check after each step.
struct HaruError {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;
};

void on_haru_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* e = static_cast<HaruError*>(user);
  if (e->code == HPDF_OK) {
    e->code = code;
    e->detail = detail;
  }
}

std::string haru_problem(const HaruError& e) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(e.code),
                static_cast<unsigned>(e.detail));
  return buf;
}

struct DocDeleter {
  void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
using DocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter>;

float text_width(HPDF_Font font, float size, std::string_view s) {
  if (s.empty()) return 0;
  const HPDF_TextWidth tw =
      HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT>(s.size()));
  return static_cast<float>(tw.width) * size / 1000.0f;
}

// Wraps one logical line to `width` points: greedy on words, a too-wide word broken
// between characters.
std::vector<std::string> wrap_line(const std::string& text, HPDF_Font font, float size, float width) {
  std::vector<std::string> out;
  std::string line;
  for (const auto& word : split(text, ' ')) {
    if (word.empty()) continue;
    const std::string candidate = line.empty() ? word : line + ' ' + word;
    if (text_width(font, size, candidate) <= width) {
      line = candidate;
      continue;
    }
    if (!line.empty()) out.push_back(std::move(line));
    line.clear();
    if (text_width(font, size, word) <= width) {
      line = word;
      continue;
    }
    std::string piece;
    for (size_t i = 0; i < word.size();) {
      const size_t n = utf8_char_length(word, i);
      const std::string next = piece + word.substr(i, n);
      if (!piece.empty() && text_width(font, size, next) > width) {
        out.push_back(std::move(piece));
        piece = word.substr(i, n);
      } else {
        piece = next;
      }
      i += n;
    }
    line = std::move(piece);
  }
  if (!line.empty() || out.empty()) out.push_back(std::move(line));
  return out;
}

// A line placed on a page.
struct Placed {
  std::string text;
  bool bold = false;
  float size = kBodySize;
  float y = 0;
};

const char* load_font(HPDF_Doc pdf, const std::string& path, HaruError& err) {
  std::error_code ec;
  if (path.empty() || !std::filesystem::is_regular_file(path, ec))
    throw InputError(path.empty() ? std::string("(no font path)") : path,
                     "font not found; install fonts-dejavu-core");
  const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
  if (!name || err.code != HPDF_OK)
    throw InputError(path, "cannot load TrueType font (" + haru_problem(err) + ")");
  return name;
}

}  // namespace

PdfOptions default_pdf_options() {
  struct Pair {
    const char* regular;
    const char* bold;
  };
  static constexpr Pair kCandidates[] = {
      {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
      {"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
       "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"},
  };
  PdfOptions o;
  o.font_path = kCandidates[0].regular;
  o.bold_font_path = kCandidates[0].bold;
  for (const auto& c : kCandidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(c.regular, ec) && std::filesystem::is_regular_file(c.bold, ec)) {
      o.font_path = c.regular;
      o.bold_font_path = c.bold;
      break;
    }
  }
  return o;
}

std::string pdf_page_footer(int page, int pages) {
  return "Page " + std::to_string(page) + " of " + std::to_string(pages);
}

std::string render_letter_pdf(const std::string& letter_text, const PdfOptions& options) {
  if (letter_text.size() > kMaxInputBytes) throw InputError("letter", "text is too large to render as PDF");

  HaruError err;
  DocPtr doc(HPDF_New(on_haru_error, &err));
  if (!doc) throw InputError("letter", "cannot create PDF document (out of memory)");
  HPDF_Doc pdf = doc.get();
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  const char* regular_name = load_font(pdf, options.font_path, err);
  const char* bold_name = load_font(pdf, options.bold_font_path, err);
  HPDF_Font regular = HPDF_GetFont(pdf, regular_name, "UTF-8");
  HPDF_Font bold = HPDF_GetFont(pdf, bold_name, "UTF-8");
  if (!regular || !bold || err.code != HPDF_OK)
    throw InputError(options.font_path, "cannot use font with UTF-8 text (" + haru_problem(err) + ")");
  if (!options.title.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, sanitize_utf8(options.title).c_str());
  HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "imr " IMR_VERSION);

  // Lay out every line first, so the footer can say how many pages there are.
  const float width = kPageWidth - 2 * kMargin;
  const float top = kPageHeight - kMargin;
  const float bottom = kMargin;
  std::vector<std::vector<Placed>> pages(1);
  float y = top;
  auto new_page = [&] {
    pages.emplace_back();
    y = top;
  };
  bool first_block_on_page = true;
  for (const auto& block : parse_blocks(sanitize_utf8(letter_text))) {
    if (block.page_break) {
      new_page();
      first_block_on_page = true;
      continue;
    }
    if (!first_block_on_page) y -= kLineHeight * 0.6f;  // paragraph gap
    for (const auto& line : block.lines) {
      const float size = line.heading ? kHeadingSize : kBodySize;
      const auto visual = wrap_line(line.text, line.bold ? bold : regular, size, width);
      // A heading never sits alone at the foot of a page.
      const float need = line.heading ? 2 * kLineHeight : kLineHeight;
      for (size_t i = 0; i < visual.size(); ++i) {
        if (y - (i == 0 ? need : kLineHeight) < bottom) new_page();
        y -= kLineHeight;
        pages.back().push_back({visual[i], line.bold, size, y});
      }
    }
    first_block_on_page = false;
  }
  if (pages.size() > 1 && pages.back().empty()) pages.pop_back();

  const std::string title = collapse_whitespace(sanitize_utf8(options.title));
  const int page_count = static_cast<int>(pages.size());
  for (int p = 0; p < page_count; ++p) {
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_LETTER, HPDF_PAGE_PORTRAIT);
    HPDF_Page_BeginText(page);
    if (!title.empty()) {
      HPDF_Page_SetFontAndSize(page, regular, kHeaderSize);
      HPDF_Page_TextOut(page, kMargin, kPageHeight - kMargin / 2, title.c_str());
    }
    for (const auto& l : pages[p]) {
      if (l.text.empty()) continue;
      HPDF_Page_SetFontAndSize(page, l.bold ? bold : regular, l.size);
      HPDF_Page_TextOut(page, kMargin, l.y, l.text.c_str());
    }
    const std::string footer = pdf_page_footer(p + 1, page_count);
    HPDF_Page_SetFontAndSize(page, regular, kHeaderSize);
    HPDF_Page_TextOut(page, (kPageWidth - text_width(regular, kHeaderSize, footer)) / 2, kMargin / 2,
                      footer.c_str());
    HPDF_Page_EndText(page);
    if (err.code != HPDF_OK) throw InputError("letter", "cannot lay out PDF page (" + haru_problem(err) + ")");
  }

  if (HPDF_SaveToStream(pdf) != HPDF_OK || err.code != HPDF_OK)
    throw InputError("letter", "cannot write PDF (" + haru_problem(err) + ")");
  std::string bytes;
  bytes.reserve(HPDF_GetStreamSize(pdf));
  HPDF_ResetStream(pdf);
  for (;;) {
    HPDF_BYTE buf[8192];
    HPDF_UINT32 len = sizeof buf;
    const HPDF_STATUS st = HPDF_ReadFromStream(pdf, buf, &len);
    bytes.append(reinterpret_cast<const char*>(buf), len);
    if (st == HPDF_STREAM_EOF) break;
    if (st != HPDF_OK) throw InputError("letter", "cannot read back PDF stream");
  }
  return bytes;
}

}  // namespace imr
