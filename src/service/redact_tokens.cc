// The redactor's words (redact_internal.h): tokenizing UTF-8 text, and how the word screen
// classes a word against the lexicon.
#include <algorithm>

#include "service/redact_internal.h"

namespace imr::redaction {
namespace {

using std::string_view;

struct CodePoint {
  uint32_t cp = 0;
  size_t len = 1;
};

CodePoint decode(string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  if (i + len > s.size()) return {0xFFFD, 1};
  uint32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  for (size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (cc & 0x3F);
  }
  return {cp, len};
}

bool is_letter(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
  if (cp == 0xD7 || cp == 0xF7) return false;
  return (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x52F) || (cp >= 0x1E00 && cp <= 0x1EFF);
}
bool is_upper(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return cp % 2 == 0;
  return false;
}
bool is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }
bool is_apostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018; }

}  // namespace

std::vector<Token> tokenize(string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  bool new_line = true;
  while (i < text.size()) {
    const CodePoint c = decode(text, i);
    if (!is_letter(c.cp) && !is_digit(c.cp)) {
      if (c.cp == '\n' || c.cp == '\f') new_line = true;
      i += c.len;
      continue;
    }
    Token t;
    t.start = i;
    t.line_start = new_line;
    new_line = false;
    size_t j = i;
    size_t piece_start = i;
    while (j < text.size()) {
      const CodePoint d = decode(text, j);
      if (is_letter(d.cp) || is_digit(d.cp)) {
        j += d.len;
        continue;
      }
      // A joiner needs a word character on both sides.
      if (j + d.len >= text.size()) break;
      const CodePoint next = decode(text, j + d.len);
      if (!is_letter(next.cp) && !is_digit(next.cp)) break;
      const CodePoint prev = decode(text, j - 1);  // ASCII or the last byte of a sequence
      const bool digit_side = is_digit(prev.cp) || is_digit(next.cp);
      bool join = false;
      if (d.cp == '-' || is_apostrophe(d.cp)) {
        join = true;
      } else if (d.cp == '.' || d.cp == '/') {
        // "G56.01", "10/325"; "f/u", "w/o", "OTR/L" (short pieces around a slash).
        size_t k = j + d.len;
        while (k < text.size() && (std::isalnum(static_cast<unsigned char>(text[k])))) ++k;
        const bool short_pieces = d.cp == '/' && j - piece_start <= 3 && k - (j + d.len) <= 3;
        // A period joins only before a digit ("G56.01", "5.6"), never "2016.The".
        join = d.cp == '.' ? is_digit(next.cp) && digit_side : digit_side || short_pieces;
      }
      if (!join) break;
      j += d.len;
      piece_start = j;
    }
    t.end = j;
    t.text = std::string(text.substr(t.start, t.end - t.start));
    // The possessive: "Grace's", "O’Neil’s".
    t.core_end = t.end;
    for (const string_view s : {string_view("'s"), string_view("\xE2\x80\x99s")})
      if (t.text.size() > s.size() + 1 && t.text.ends_with(s)) t.core_end = t.end - s.size();
    std::string lower;
    size_t letters = 0, uppers = 0;
    for (size_t k = t.start; k < t.core_end;) {
      const CodePoint d = decode(text, k);
      if (d.cp == 0x2019 || d.cp == 0x2018) lower += '\'';
      else if (d.cp < 0x80) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(d.cp)));
      else lower.append(text.substr(k, d.len));
      if (is_letter(d.cp)) {
        ++letters;
        if (is_upper(d.cp)) ++uppers;
        t.alpha = true;
      }
      if (is_digit(d.cp)) t.digit = true;
      k += d.len;
    }
    t.lower = std::move(lower);
    t.capital = is_upper(decode(text, t.start).cp);
    t.all_caps = letters >= 2 && uppers == letters;
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

string_view gap_before(string_view text, const std::vector<Token>& toks, size_t i) {
  const size_t from = i == 0 ? 0 : toks[i - 1].end;
  return text.substr(from, toks[i].start - from);
}

string_view gap_after(string_view text, const std::vector<Token>& toks, size_t i) {
  const size_t to = i + 1 < toks.size() ? toks[i + 1].start : text.size();
  return text.substr(toks[i].end, to - toks[i].end);
}

bool is_space_gap(string_view gap) {
  if (gap.empty() || gap.size() > 2) return false;
  return std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '\t'; });
}

namespace {

// A piece of a compound word ("nakamura" of "nakamura-baines") is safe when the lexicon knows
// it, it is a single letter or a number, or it is a short abbreviation in capitals.
// An adjective made from a known noun: "concussional", "postural" ("concussion" + "al").
bool derived_adjective(string_view w, const RedactionLexicon& lex) {
  if (w.size() < 8 || !w.ends_with("al")) return false;
  const string_view stem = w.substr(0, w.size() - 2);
  return lex.is_common(stem) || lex.is_clinical(stem);
}

bool safe_piece(string_view piece, bool upper_abbrev, bool last, const RedactionLexicon& lex) {
  if (piece.empty()) return true;
  if (piece.size() == 1) return true;
  if (std::any_of(piece.begin(), piece.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  if (lex.is_common(piece) || derived_adjective(piece, lex)) return true;
  if (!last && lex.in(lex.word_prefixes, piece)) return true;
  return upper_abbrev;
}

}  // namespace

WordView view_word(const Token& t, const RedactionLexicon& lex) {
  WordView v;
  // Title-case words only: scowl's capitalised lists also hold acronyms ("NSAIDs").
  v.proper_too = t.alpha && !t.all_caps && lex.is_proper(t.lower) &&
                 std::count_if(t.text.begin(), t.text.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) == 1;
  if (!t.alpha) {
    v.safe = v.clinical = true;
    return v;
  }
  const std::string& w = t.lower;
  if (w.size() == 1) {  // an initial or a letter
    v.safe = true;
    return v;
  }
  if (lex.is_clinical(w) || lex.in(lex.credentials, w)) {
    v.safe = v.clinical = true;
    return v;
  }
  // A long word with an ending only clinical words have: "Femoroacetabular", "Hypomobility".
  if (w.size() >= 8 && !lex.is_common(w) && !lex.is_proper(w))
    for (const auto& suffix : lex.clinical_suffixes)
      if (w.size() > suffix.size() + 3 && w.ends_with(suffix)) {
        v.safe = v.clinical = true;
        return v;
      }
  // A chemical name with a one-letter locant: "O-desmethyltramadol", "N-acetylcysteine".
  static const RE2 locant(R"([A-Z]-[a-z]{5,})");
  if (RE2::FullMatch(re2::StringPiece(t.text.data(), t.core_end - t.start), locant)) {
    v.safe = v.clinical = true;
    return v;
  }
  // Abbreviations and codes: "APB", "MUAPs", "L4-S1", "G56.01".
  const size_t letters = static_cast<size_t>(std::count_if(w.begin(), w.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  }));
  // Capitals with a plural "s" ("MBBs", "MUAPs") are abbreviations too.
  const bool plural_caps = letters >= 3 && letters <= 6 && t.text.back() == 's' &&
                           std::all_of(t.text.begin(), t.text.end() - 1, [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
  const bool short_caps = (t.all_caps && (letters <= 4 || (letters == 5 && !lex.is_proper(w)))) || plural_caps;
  if (t.digit || short_caps) {
    v.safe = v.clinical = true;
    return v;
  }
  // A rare word that is also a proper name is the name: "Gus", "Tor", "JAMES" (scowl has them
  // lower case only at its rarest levels).
  if (w.size() >= 3 && lex.in(lex.rare, w) && lex.is_proper(w) && !lex.in(lex.function_words, w) && !lex.in(lex.safe_proper, w) &&
      !lex.in(lex.role_words, w) && !lex.in(lex.relation_words, w) && !lex.in(lex.organization_words, w) &&
      !lex.in(lex.organization_heads, w) && !lex.in(lex.street_suffixes, w) && !lex.in(lex.unit_words, w)) {
    v.proper = true;
    return v;
  }
  if (lex.is_common(w) || derived_adjective(w, lex)) {
    v.safe = true;
    return v;
  }
  // "Sundays", "Mondays": plurals of the letter's proper nouns.
  if (w.size() > 3 && w.back() == 's' && lex.in(lex.safe_proper, w.substr(0, w.size() - 1))) {
    v.safe = true;
    return v;
  }
  // A compound: safe when every piece is.
  if (w.find_first_of("-'/.") != std::string::npos) {
    std::vector<std::string> pieces;
    std::string cur;
    for (char c : w) {
      if (c == '-' || c == '\'' || c == '/' || c == '.') {
        pieces.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    pieces.push_back(cur);
    bool all = true;
    for (size_t k = 0; k < pieces.size() && all; ++k)
      all = safe_piece(pieces[k], t.all_caps && pieces[k].size() <= 4, k + 1 == pieces.size(), lex);
    // "O'Neil": an "o'" prefix makes a surname, not a word.
    if (all && !(pieces.size() == 2 && (pieces[0] == "o" || pieces[0] == "d") && w[1] == '\'')) {
      v.safe = true;
      return v;
    }
  }
  v.proper = lex.is_proper(w);
  return v;
}

std::vector<Span> all_matches(const RE2& re, string_view text, bool overlapping) {
  std::vector<Span> out;
  const int groups = re.NumberOfCapturingGroups();
  re2::StringPiece m[2];
  size_t pos = 0;
  while (pos <= text.size()) {
    if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED, m, 2)) break;
    const re2::StringPiece whole = m[0];
    const re2::StringPiece part = groups >= 1 && m[1].data() ? m[1] : whole;
    const size_t s = static_cast<size_t>(part.data() - text.data());
    const size_t e = s + part.size();
    if (e > s) out.push_back({s, e});
    const size_t whole_start = static_cast<size_t>(whole.data() - text.data());
    size_t next = overlapping ? whole_start + 1 : std::max(e, whole_start + 1);
    if (e == s && !overlapping) next = std::max(next, whole_start + whole.size());
    pos = next;
  }
  return out;
}

std::vector<size_t> match_ends(const RE2& re, string_view text) {
  std::vector<size_t> out;
  re2::StringPiece m;
  size_t pos = 0;
  while (pos <= text.size()) {
    if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED, &m, 1)) break;
    const size_t start = static_cast<size_t>(m.data() - text.data());
    const size_t end = start + m.size();
    out.push_back(end);
    pos = std::max(end, start + 1);
  }
  return out;
}

std::string quote_re(string_view s) { return RE2::QuoteMeta(re2::StringPiece(s.data(), s.size())); }

bool overlaps(const Span& s, const std::vector<Span>& spans) {
  for (const auto& p : spans)
    if (s.start < p.end && p.start < s.end) return true;
  return false;
}

bool inside(const Span& s, const std::vector<Span>& spans) {
  for (const auto& p : spans)
    if (p.start <= s.start && s.end <= p.end) return true;
  return false;
}

}  // namespace imr::redaction
