// Guideline citations as letters write them -> structured Citations.
//
// Rules (see docs/letter-json.md):
// - "Decision based on" starts a new citation; so does every further guideline name found
//   in the same stretch of text (the boundary is the last ". " or "; " before that name).
// - The guideline name is normalized: every spelling of the MTUS Chronic Pain Medical
//   Treatment Guidelines ("... Treatment Guidelines", "... Medical Treatment 2009") becomes
//   "MTUS Chronic Pain Medical Treatment Guidelines"; ODG becomes "Official Disability
//   Guidelines (ODG)"; ACOEM becomes "ACOEM Practice Guidelines".
// - Pages come from "Page(s): 78-80, 91, 124", "pages 74-96", "p. 24", kept as written.
// - The section is what is left between the name and the end of the citation's first
//   sentence, trimmed of punctuation. A list of MTUS topics joined by "; and" stays ONE
//   citation whose section is that whole list.
// - A "Decision based on" stretch naming no known guideline becomes one citation whose
//   source is the text as written (family OTHER).
#include <re2/re2.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "letters/letter.h"

namespace imr {
namespace {

constexpr const char* kCanonical[] = {
    "MTUS Chronic Pain Medical Treatment Guidelines",
    "MTUS Acupuncture Medical Treatment Guidelines",
    "MTUS Postsurgical Treatment Guidelines",
    "ACOEM Practice Guidelines",
    "Official Disability Guidelines (ODG)",
    "MTUS",
};

const RE2& source_re() {
  static const RE2* re = [] {
    RE2::Options o;
    o.set_longest_match(true);
    o.set_case_sensitive(false);
    const std::string state = R"((?:(?:California|CA) )?)";
    const std::string mtus = R"((?:MTUS:? |\(MTUS\) )?)";
    const std::string tail = R"((?: \(MTUS\))?)";
    const std::string p =
        "(?:^|[^\\w-])("
        "(" + state + mtus +
        R"(Chronic Pain (?:Medical )?Treatment(?: Guidelines?)?(?:,? \(?(?:May )?2009\)?)?)" + tail +
        ")|(" + state + mtus + R"(Acupuncture Medical Treatment Guidelines?)" + tail +
        ")|(" + state + mtus + R"(Post-?surgical (?:Treatment )?Guidelines?)" + tail +
        ")|(" + state + R"((?:MTUS[:/]? ?)?(?:\(?ACOEM\)?|American College of Occupational and Environmental Medicine(?: \(ACOEM\))?)(?: (?:Occupational Medicine )?(?:Practice )?Guidelines?)?(?:,? 2nd Edition,?(?: \(2004\))?)?)" +
        ")|(" + R"(Official Disability Guidelines(?: \(ODG\))?|\(?ODG\)?)" +
        ")|(" + state + R"(MTUS(?: Guidelines?)?)" + "))";
    return new RE2(p, o);
  }();
  return *re;
}

struct SourceHit {
  size_t start = 0;
  size_t end = 0;
  int kind = 0;  // index into kCanonical
};

std::vector<SourceHit> find_sources(std::string_view s) {
  std::vector<SourceHit> hits;
  const RE2& re = source_re();
  re2::StringPiece groups[8];
  const re2::StringPiece input(s.data(), s.size());
  size_t pos = 0;
  while (pos < s.size() &&
         re.Match(input, pos, s.size(), RE2::UNANCHORED, groups, 8)) {
    const size_t start = static_cast<size_t>(groups[1].data() - s.data());
    const size_t end = start + groups[1].size();
    int kind = 0;
    for (int g = 2; g < 8; ++g)
      if (groups[g].data() != nullptr) { kind = g - 2; break; }
    // "... which is part of the MTUS" names no new citation.
    const std::string before = to_lower(s.substr(start >= 12 ? start - 12 : 0, start >= 12 ? 12 : start));
    const bool part_of = kind == 5 && before.find("part of") != std::string::npos;
    if (!part_of && end > start) hits.push_back({start, end, kind});
    pos = end > pos ? end : pos + 1;
  }
  return hits;
}

bool is_punct_space(char c) {
  return c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' || c == '-';
}

std::string trim_punct(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_punct_space(s[b])) ++b;
  while (e > b && (is_punct_space(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// End of the first sentence of `s`: a '.' followed by a space and a capital letter.
size_t first_sentence_end(std::string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i)
    if (s[i] == '.' && s[i + 1] == ' ' && s[i + 2] >= 'A' && s[i + 2] <= 'Z') return i + 1;
  return s.size();
}

// Removes the pages phrase from `rest` and returns the pages as written ("" if none).
std::string take_pages(std::string& rest) {
  static const RE2 re(
      R"((?i)(?:^|[^\w])((?:page\(s\)|pages?|pp?\.)\s*:?\s*(\d+(?:\s*(?:-|–|,|and|&)\s*\d+)*)))");
  re2::StringPiece whole, pages;
  if (!RE2::PartialMatch(rest, re, &whole, &pages)) return "";
  std::string out = collapse_whitespace(std::string_view(pages.data(), pages.size()));
  const size_t at = static_cast<size_t>(whole.data() - rest.data());
  rest.replace(at, whole.size(), " ");
  return out;
}

std::string clean_section(std::string rest) {
  static const RE2 label(R"((?i)\bsections?(?:\(s\))?\s*:)");
  static const RE2 part_of(R"((?i),?\s*which (?:is|are) (?:a )?part of (?:the )?(?:California )?MTUS)");
  static const RE2 lead(R"((?i)^[\s,;:.]*guidelines?\b)");
  RE2::GlobalReplace(&rest, label, " ");
  RE2::GlobalReplace(&rest, part_of, " ");
  RE2::Replace(&rest, lead, " ");
  return trim_punct(collapse_whitespace(rest));
}

bool is_nothing(std::string_view chunk) {
  static const RE2 re(R"((?i)(?:none|n/a|na|not (?:cited|provided|applicable|stated|specified))\W*)");
  return RE2::FullMatch(re2::StringPiece(chunk.data(), chunk.size()), re);
}

void add_chunk(std::string_view chunk, bool introduced, std::vector<Citation>& out) {
  const std::string trimmed = trim_punct(chunk);
  if (trimmed.empty() || (!introduced && is_nothing(trimmed))) return;
  const std::vector<SourceHit> hits = find_sources(chunk);
  if (hits.empty()) {
    static const RE2 non_mtus(R"((?i)^\s*non-mtus(?: citation)?:?\s*)");
    const size_t cut = first_sentence_end(chunk);
    std::string rest(chunk.substr(0, cut));
    Citation c;
    c.text = collapse_whitespace(rest);
    RE2::Replace(&rest, non_mtus, "");
    c.pages = take_pages(rest);
    c.source = trim_punct(collapse_whitespace(rest));
    if (!c.source.empty()) out.push_back(std::move(c));
    return;
  }
  for (size_t k = 0; k < hits.size(); ++k) {
    size_t start = 0;
    if (k > 0) {
      start = hits[k].start;
      for (size_t i = hits[k].start; i > hits[k - 1].end; --i) {
        const char c = chunk[i - 1];
        if ((c == '.' || c == ';') && i < chunk.size() && chunk[i] == ' ') {
          start = i;
          break;
        }
      }
    }
    size_t end = chunk.size();
    if (k + 1 < hits.size()) {
      end = hits[k + 1].start;
      for (size_t i = hits[k + 1].start; i > hits[k].end; --i) {
        const char c = chunk[i - 1];
        if ((c == '.' || c == ';') && i < chunk.size() && chunk[i] == ' ') {
          end = i;
          break;
        }
      }
    }
    std::string_view rest_view = chunk.substr(hits[k].end, end - hits[k].end);
    const size_t cut = first_sentence_end(rest_view);
    rest_view = rest_view.substr(0, cut);
    Citation c;
    c.source = kCanonical[hits[k].kind];
    c.text = collapse_whitespace(chunk.substr(start, hits[k].end + cut - start));
    // Keep a final period the letter wrote, drop leading separators.
    while (!c.text.empty() && (c.text.front() == ';' || c.text.front() == ' ' || c.text.front() == '.'))
      c.text.erase(0, 1);
    std::string rest(rest_view);
    c.pages = take_pages(rest);
    c.section = clean_section(rest);
    out.push_back(std::move(c));
  }
}

}  // namespace

std::vector<Citation> parse_citations(std::string_view text) {
  const std::string t = collapse_whitespace(text);
  const std::string lower = to_lower(t);
  static constexpr std::string_view kMarker = "decision based on";
  std::vector<Citation> out;
  size_t at = lower.find(kMarker);
  add_chunk(std::string_view(t).substr(0, std::min(at, t.size())), false, out);
  while (at != std::string::npos) {
    const size_t from = at + kMarker.size();
    const size_t next = lower.find(kMarker, from);
    const size_t to = next == std::string::npos ? t.size() : next;
    add_chunk(std::string_view(t).substr(from, to - from), true, out);
    at = next;
  }
  return out;
}

std::string citation_family(const Citation& c) {
  const std::string s = to_lower(c.source);
  if (s.find("acoem") != std::string::npos || s.find("american college") != std::string::npos)
    return "ACOEM";
  if (s.find("odg") != std::string::npos || s.find("official disability") != std::string::npos)
    return "ODG";
  if (s.find("mtus") != std::string::npos || s.find("chronic pain") != std::string::npos ||
      s.find("acupuncture medical") != std::string::npos)
    return "MTUS";
  return "OTHER";
}

}  // namespace imr
