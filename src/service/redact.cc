// Redaction: running the three layers (redact_known.cc, redact_patterns.cc, redact_words.cc),
// merging what they found, and writing the placeholders. See redact.h.
#include "service/redact.h"

#include <algorithm>

#include "core/error.h"
#include "core/file.h"
#include "service/redact_internal.h"

namespace imr {
namespace {

using std::string_view;
using namespace redaction;

// Spans no layer may touch: eponyms, drugs before a dose, and the strings published as they are.
std::vector<Span> protected_spans(string_view text, const KnownIdentifiers& known, const RedactionLexicon& lex) {
  std::vector<Span> out = clinical_spans(text, lex);
  // The reviewer's credential block: licensure, certification and specialty are published.
  static const RE2 credential_line(
      R"((?im)^[ \t]*((?:State\(s\) of Licensure|Certification\(s\)/Specialty|Subspecialty|Board Certification|Specialty)[ \t]*:[^\n]*))");
  for (const auto& sp : all_matches(credential_line, text)) out.push_back(sp);
  for (const auto& keep : known.keep) {
    if (keep.empty()) continue;
    for (size_t at = text.find(keep); at != string_view::npos; at = text.find(keep, at + keep.size()))
      out.push_back({at, at + keep.size()});
  }
  return out;
}

// Every layer on one text; `learned` carries name words, organisations and places in from
// the case's other texts.
Findings analyze(string_view text, const KnownIdentifiers& known, const RedactionLexicon& lex,
                 const Findings* learned) {
  if (text.size() > kMaxInputBytes) throw InputError("letter", "text is too large to redact");
  const std::vector<Span> protect = protected_spans(text, known, lex);
  const std::vector<Token> toks = tokenize(text);
  Findings f;
  if (learned) {
    f.name_words = learned->name_words;
    f.organizations = learned->organizations;
    f.places = learned->places;
    f.acronyms = learned->acronyms;
    f.numbers = learned->numbers;
  }
  find_known(text, known, lex, protect, f);
  find_formats(text, lex, protect, f);
  screen_words(text, toks, lex, protect, f);
  apply_learned(text, toks, lex, protect, f);
  // A record or claim number found once (after its label) is the same number where it recurs
  // without one ("tractor #FRF-118" ... "FRF-118, trailer ...").
  for (const auto& r : f.spans) {
    if (r.kind != "id_number" && r.kind != "claim_number") continue;
    const string_view n = text.substr(r.start, r.end - r.start);
    if (n.size() >= 5 && std::any_of(n.begin(), n.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      f.numbers.emplace_back(n);
  }
  std::sort(f.numbers.begin(), f.numbers.end());
  f.numbers.erase(std::unique(f.numbers.begin(), f.numbers.end()), f.numbers.end());
  auto alnum = [&](size_t i) { return std::isalnum(static_cast<unsigned char>(text[i])) != 0; };
  for (const auto& n : f.numbers)
    for (size_t at = text.find(n); at != string_view::npos; at = text.find(n, at + 1)) {
      const size_t e = at + n.size();
      if ((at > 0 && alnum(at - 1)) || (e < text.size() && alnum(e))) continue;
      if (!overlaps({at, e}, protect)) f.spans.push_back({at, e, "id_number"});
    }
  return f;
}

bool name_joiner(string_view gap, const RedactionLexicon& lex) {
  // Spaces, a comma, an initial or surname particles: "[name] [name]" -> "[name]".
  const auto toks = tokenize(gap);
  for (const auto& t : toks)
    if (!(t.lower.size() == 1 && t.capital) && !lex.in(lex.surname_particles, t.lower)) return false;
  for (char c : gap)
    if (!(c == ' ' || c == '\t' || c == ',' || c == '.' || std::isalpha(static_cast<unsigned char>(c)))) return false;
  return gap.find(',') == string_view::npos || toks.empty();
}

// Sorted, non-overlapping spans: overlapping candidates merge (the longest one's kind wins),
// and two names (or two parts of one organisation or place) with only spaces, an initial or
// particles between become one.
std::vector<Redaction> merge(string_view text, std::vector<Redaction> found, const RedactionLexicon& lex) {
  std::sort(found.begin(), found.end(), [](const Redaction& a, const Redaction& b) {
    if (a.start != b.start) return a.start < b.start;
    return a.end > b.end;
  });
  std::vector<Redaction> out;
  for (auto& r : found) {
    if (r.end <= r.start) continue;
    if (!out.empty() && r.start < out.back().end) {
      auto& last = out.back();
      if (r.end - r.start > last.end - last.start) last.kind = r.kind;
      last.end = std::max(last.end, r.end);
      continue;
    }
    if (!out.empty() && out.back().kind == r.kind) {
      const string_view gap = text.substr(out.back().end, r.start - out.back().end);
      const bool same_line = gap.find('\n') == string_view::npos;
      const bool joins = r.kind == "name" ? name_joiner(gap, lex)
                                          : (gap.find_first_not_of(" \t") == string_view::npos || trim(gap) == "&");
      if (same_line && joins) {
        out.back().end = r.end;
        continue;
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

// An abbreviation's period that also ends the sentence ("... Fruitridge Rd. He drives",
// "HAND, WILLIAM R. Mr. Hand") stays in the text.
void keep_sentence_stops(string_view text, std::vector<Redaction>& spans) {
  for (auto& r : spans) {
    if (r.end - r.start < 2 || text[r.end - 1] != '.') continue;
    size_t k = r.end;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    const bool sentence_end = r.end == text.size() || (k > r.end && (k == text.size() || text[k] == '\n' ||
                                                                       std::isupper(static_cast<unsigned char>(text[k]))));
    if (sentence_end) --r.end;
  }
}

// An organisation's abbreviated legal form keeps its period inside the placeholder ("Erectors,
// Inc.;" -> "[organization];"); a period that also ends the sentence is given back after.
void take_legal_periods(string_view text, std::vector<Redaction>& spans) {
  static constexpr string_view kAbbreviations[] = {"Inc", "Co", "Corp", "Ltd", "Bros", "Assoc", "Svcs"};
  for (auto& r : spans) {
    if (r.kind != "organization" || r.end >= text.size() || text[r.end] != '.') continue;
    for (const auto a : kAbbreviations)
      if (r.end - r.start >= a.size() && text.substr(r.end - a.size(), a.size()) == a) {
        ++r.end;
        break;
      }
  }
}

RedactionResult write(string_view text, std::vector<Redaction> removed) {
  RedactionResult result;
  take_legal_periods(text, removed);
  keep_sentence_stops(text, removed);
  result.removed = std::move(removed);
  size_t pos = 0;
  for (const auto& r : result.removed) {
    result.text.append(text.substr(pos, r.start - pos));
    result.text += redaction_placeholder(r.kind);
    pos = r.end;
  }
  result.text.append(text.substr(pos));
  return result;
}

}  // namespace

std::string redaction_placeholder(string_view kind) {
  std::string out = "[";
  for (char c : kind) out += c == '_' ? ' ' : c;
  return out + "]";
}

RedactionResult redact_for_publication(string_view text, const KnownIdentifiers& known, const RedactionLexicon& lex) {
  return redact_for_publication(text, known, lex, {});
}

RedactionResult redact_for_publication(string_view text, const KnownIdentifiers& known, const RedactionLexicon& lex,
                                       const std::vector<string_view>& context) {
  Findings learned;
  for (const auto& c : context) {
    Findings f = analyze(c, known, lex, nullptr);
    learned.name_words.insert(f.name_words.begin(), f.name_words.end());
    learned.organizations.insert(learned.organizations.end(), f.organizations.begin(), f.organizations.end());
    learned.places.insert(learned.places.end(), f.places.begin(), f.places.end());
    learned.acronyms.insert(f.acronyms.begin(), f.acronyms.end());
    learned.numbers.insert(learned.numbers.end(), f.numbers.begin(), f.numbers.end());
  }
  Findings f = analyze(text, known, lex, context.empty() ? nullptr : &learned);
  return write(text, merge(text, std::move(f.spans), lex));
}

}  // namespace imr
