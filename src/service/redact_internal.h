// Shared between the redactor's files (not a public interface): the word tokens the screen
// works on, and the layers that each add candidate spans.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <set>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "service/redact.h"
#include "service/redact_lexicon.h"

namespace imr::redaction {

// A word of the text: letters and digits, joined by an apostrophe or hyphen inside ("O'Neil",
// "Nakamura-Baines"), by a period or slash next to a digit ("G56.01", "10/325") or between
// short pieces ("f/u", "OTR/L").
struct Token {
  size_t start = 0, end = 0;  // byte offsets
  size_t core_end = 0;        // end without a possessive "'s"
  std::string text;           // as written, possessive included
  std::string lower;          // lower-cased core, curly apostrophes made straight
  bool alpha = false;         // has a letter
  bool digit = false;         // has a digit
  bool capital = false;       // starts with an upper-case letter
  bool all_caps = false;      // two or more letters, none lower-case
  bool line_start = false;    // first word on its line
};

std::vector<Token> tokenize(std::string_view text);

// The text between two tokens (or the text's ends).
std::string_view gap_before(std::string_view text, const std::vector<Token>& toks, size_t i);
std::string_view gap_after(std::string_view text, const std::vector<Token>& toks, size_t i);
// A gap of spaces only (no newline, no punctuation, fewer than three spaces: not a column).
bool is_space_gap(std::string_view gap);

// Every match of `re`, capture group 1 as the span where the pattern has one.
// With `overlapping`, a search starts again one byte after each match's start, not at its end.
std::vector<Span> all_matches(const RE2& re, std::string_view text, bool overlapping = false);
// Where each match of `re` ends (for label patterns: where the labelled value begins).
std::vector<size_t> match_ends(const RE2& re, std::string_view text);
std::string quote_re(std::string_view s);

// How the word screen sees a token.
struct WordView {
  bool safe = false;      // a common, clinical or listed word (or abbreviation, or number)
  bool clinical = false;  // clinical vocabulary (or a drug, abbreviation or code)
  bool proper = false;    // on a proper-name list and not a common word
  bool proper_too = false; // on a proper-name list, common or not ("Hawkins", "Grace")
};
WordView view_word(const Token& t, const RedactionLexicon& lex);

// Everything the layers found, and the name parts the screen learned (lower case).
struct Findings {
  std::vector<Redaction> spans;
  std::set<std::string> name_words;      // "marsh", "grace": removed wherever capitalised
  std::vector<std::string> organizations; // as found, for removal elsewhere
  std::set<std::string> acronyms;        // an organisation's own short form: "(SSR)" after its name
  std::vector<std::string> places;
  std::vector<std::string> numbers;      // record and claim numbers as found: removed wherever they recur
};

// Layer 1: what the case lists (redact_known.cc).
void find_known(std::string_view text, const KnownIdentifiers& known, const RedactionLexicon& lex,
                const std::vector<Span>& protect, Findings& out);
// Layer 2: formats — e-mail, phones, SSNs, dates of birth, claim and record numbers,
// street addresses (redact_patterns.cc).
void find_formats(std::string_view text, const RedactionLexicon& lex, const std::vector<Span>& protect,
                  Findings& out);
// Layer 3: the word screen (redact_words.cc) — names in context, organisations, places, and
// every capitalised word that is not known to be safe.
void screen_words(std::string_view text, const std::vector<Token>& toks, const RedactionLexicon& lex,
                  const std::vector<Span>& protect, Findings& out);
// Removes the learned name words, organisations and places wherever they recur.
void apply_learned(std::string_view text, const std::vector<Token>& toks, const RedactionLexicon& lex,
                   const std::vector<Span>& protect, Findings& out);

// Patterns built once per lexicon: the label alternations, and the multi-word places by
// their first word (lower case) as lower-case word lists.
struct CompiledPatterns {
  std::unique_ptr<RE2> claim_label, id_label, short_id_label, short_id_bare, name_label, organization_label;
  // Named tests with their result: "Neer and Hawkins-Kennedy mildly positive", "Tinel's (+)".
  std::unique_ptr<RE2> eponym_result, result_eponym;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> places_by_first_word;
};
std::shared_ptr<const CompiledPatterns> compile_patterns(const RedactionLexicon& lex);

// Not a letter or digit (Latin scripts): the boundary of a name or number in a pattern.
inline constexpr const char* kLeftEdge = R"((?:^|[^A-Za-z0-9\x{C0}-\x{24F}]))";
inline constexpr const char* kRightEdge = R"((?:$|[^A-Za-z0-9\x{C0}-\x{24F}]))";

bool overlaps(const Span& s, const std::vector<Span>& spans);
bool inside(const Span& s, const std::vector<Span>& spans);

}  // namespace imr::redaction
