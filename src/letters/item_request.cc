// What an item header says about its request, once the decision is cut off: the request
// as disputed, and for a request UR modified its three parts; whether it is retrospective,
// and its date of service.
//
// A modified request is told in sentences whose order and wording vary: an opening that
// names the original request ("X was the original request", "The original request was
// X"), one that names what UR certified ("Y was authorized by the Claims Administrator",
// "The Claims Administrator authorized Y, leaving the original request IMR eligible",
// "... modified the request to Y"), and a last one that names what is left in dispute
// ("The remaining IMR eligible portion of the original request, Z is", "The original
// request, X is"). Each sentence is recognised by its role words, not by its exact text.
#include <re2/re2.h>

#include "core/date.h"
#include "core/text.h"
#include "letters/layouts.h"

namespace imr::letters {
namespace {

re2::StringPiece piece(std::string_view s) { return re2::StringPiece(s.data(), s.size()); }

std::string clean_part(std::string_view s) {
  s = trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ':' || s.back() == ';'))
    s = trim(s.substr(0, s.size() - 1));
  while (!s.empty() && (s.front() == ',' || s.front() == ':')) s = trim(s.substr(1));
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    s = trim(s.substr(1, s.size() - 2));
  return std::string(s);
}

// "X was the original request" / "The original request (was|is) [for] X".
std::optional<std::string> original_in(std::string_view sentence) {
  static const RE2 x_was(R"((?i)^(.*\S)\s+(?:was|were|is)\s+the\s+original(?:ly)?\s+request(?:ed)?\b)");
  static const RE2 was_x(R"((?i)\bthe\s+original\s+request\s+(?:was|is)\s+(?:for\s+)?(.+)$)");
  std::string x;
  if (RE2::PartialMatch(piece(sentence), x_was, &x) || RE2::PartialMatch(piece(sentence), was_x, &x))
    return clean_part(x);
  return std::nullopt;
}

// "Y was authorized by ..." / "... authorized Y, leaving ..." / "... modified the request to Y".
std::optional<std::string> certified_in(std::string_view sentence) {
  static const RE2 y_was(
      R"((?i)^(.*\S)\s+(?:was|were|has\s+been|have\s+been)\s+(?:authorized|certified|approved)\b)");
  static const RE2 modified_to(R"((?i)\bmodified\s+(?:the\s+request\s+|it\s+|this\s+)?to\s+(?:certify\s+|allow\s+)?(.+)$)");
  static const RE2 verb_y(
      R"((?i)\b(?:authorized|certified|approved|allowed)\s+(?:only\s+)?(.+?)(?:\s*,?\s*(?:leaving|and\s+(?:denied|non-?certified))\b.*)?$)");
  std::string y;
  if (RE2::PartialMatch(piece(sentence), y_was, &y) || RE2::PartialMatch(piece(sentence), modified_to, &y) ||
      RE2::PartialMatch(piece(sentence), verb_y, &y))
    return clean_part(y);
  return std::nullopt;
}

// The disputed part named by the last sentence: the text after "... portion [of the
// original request]," or "The original request,"; "is"/"are" before the decision dropped.
std::optional<std::string> remainder_in(std::string_view sentence) {
  static const RE2 lead(
      R"((?i)^(?:the\s+)?(?:(?:remaining|remainder|rest)\b.*?|.*?\b(?:portion|remainder)\b.*?|original\s+request)\s*(?:,|:|\bis\b|\bwas\b|\bare\b)\s*(.+)$)");
  static const RE2 tail(R"((?i)^(.*?)\s+(?:is|are|was)$)");
  std::string z;
  if (!RE2::FullMatch(piece(sentence), lead, &z)) return std::nullopt;
  std::string stripped;
  if (RE2::FullMatch(z, tail, &stripped)) z = stripped;
  z = clean_part(z);
  if (z.empty()) return std::nullopt;
  return z;
}

bool mentions_modification(std::string_view text) {
  static const RE2 cue(
      R"((?i)\boriginal(?:ly)?\s+request|\beligible\s+portion\b|\bremaining\s+(?:imr\s+)?(?:eligible\s+)?portion\b|)"
      R"(\b(?:was|were)\s+(?:authorized|certified|approved)\s+by\b|\bmodified\s+the\s+request\b)");
  return RE2::PartialMatch(piece(text), cue);
}

// The rest of a sentence after "original request" and a joining word: "X was the original
// request and Y was authorized" -> "Y was authorized".
std::string after_original(std::string_view sentence) {
  const size_t at = to_lower(sentence).find("original request");
  if (at == std::string::npos) return "";
  std::string_view rest = sentence.substr(at + std::string_view("original request").size());
  static const RE2 joint(R"((?i)^[\s,;:.]*(?:and|while|but|of\s+which)?\s*)");
  re2::StringPiece in = piece(rest);
  RE2::Consume(&in, joint);
  return std::string(in.data(), in.size());
}

void read_modified(std::string_view text, LetterItem& item) {
  std::vector<std::string> sentences;
  for (const Span& s : split_sentences(text)) sentences.emplace_back(trim(text.substr(s.start, s.size())));
  if (sentences.empty()) return;
  item.modified = true;
  // The last sentence names the disputed part; the others the original and the certified.
  std::optional<std::string> z = remainder_in(sentences.back());
  for (size_t i = 0; i + 1 < sentences.size(); ++i) {
    const std::string& s = sentences[i];
    if (item.original_request.empty())
      if (auto x = original_in(s)) {
        item.original_request = *x;
        // "X was the original request and Y was authorized ...": the rest of the sentence.
        if (auto y = certified_in(after_original(s))) item.certified = *y;
        continue;
      }
    if (item.certified.empty())
      if (auto y = certified_in(s)) item.certified = *y;
  }
  if (sentences.size() == 1) {  // everything in one sentence: the parts in their order
    if (auto x = original_in(sentences[0])) item.original_request = *x;
    if (auto y = certified_in(after_original(sentences[0]))) item.certified = *y;
  }
  if (!z) {  // the last sentence was not split off: the text after the last role phrase
    static const RE2 last_part(R"((?i)^.*\b(?:portion|remainder|original\s+request)\b[^,]*?,\s*(.+?)(?:\s+(?:is|are))?$)");
    std::string rest;
    if (RE2::FullMatch(piece(text), last_part, &rest) && !clean_part(rest).empty()) z = clean_part(rest);
  }
  item.request = z ? *z : !item.original_request.empty() ? item.original_request : clean_part(text);
}

}  // namespace

bool looks_modified(std::string_view header_text) { return mentions_modification(header_text); }

bool looks_modified_opening(std::string_view header_text) {
  static const RE2 opening(
      R"((?i)\b(?:was|were|is)\s+the\s+original(?:ly)?\s+request|\bthe\s+original\s+request\s+(?:was|is)\s+(?:for\s+)?\w)");
  return RE2::PartialMatch(piece(header_text), opening);
}

void read_item_request(std::string_view header_text, LetterItem& item) {
  const std::string text = collapse_whitespace(header_text);
  if (mentions_modification(text)) read_modified(text, item);
  else item.request = clean_part(text);
  if (item.request.empty()) item.request = clean_part(text);
}

void mark_retrospective(LetterItem& item) {
  static const RE2 retro(R"((?i)\bretro(?:spective(?:ly)?|active(?:ly)?)?\b)");
  static const RE2 dos_label(R"((?i)\b(?:dos|d\.o\.s\.?|dates?\s+of\s+service|service\s+date)\s*[:#-]?\s*(?:on\s+)?)");
  const std::string& r = item.request;
  item.retrospective = RE2::PartialMatch(r, retro) || RE2::PartialMatch(item.original_request, retro);
  re2::StringPiece input(r);
  if (RE2::FindAndConsume(&input, dos_label)) {
    const size_t at = static_cast<size_t>(input.data() - r.data());
    if (auto d = find_date(r, at); d && d->start == at) {
      item.date_of_service = d->date;
      return;
    }
  }
  // A retrospective request that names one date without a label ("per 12/07/2016 order").
  if (item.retrospective)
    if (auto d = find_date(r); d && d->date.precision == Date::Precision::kDay) item.date_of_service = d->date;
}

}  // namespace imr::letters
