// The clinical lexicon: the words that name findings, as data.
//
// Examination signs, symptoms, red flags, diagnoses and comorbidities, treatments tried,
// procedures planned: each is a fact kind and subject code with the phrases that write it
// (RE2 patterns over the lower-case, whitespace-collapsed sentence) and, optionally, the
// phrases that rule it out ("sensation intact" for a sensory deficit, "negative McMurray").
// Files live in data/lexicon/*.yaml, one per family; every code they emit joins the
// vocabulary (assess/vocabulary.h), so rule packs can name it. A clinician adds a sign by
// adding an entry — no C++.
//
// Matching is linear (RE2, one RE2::Set per kind as a first pass) and bounded per sentence.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/fact.h"

namespace re2 {
class RE2;
class RE2Set;
}  // namespace re2

namespace imr {

struct LexiconEntry {
  FactKind kind = FactKind::kExamFinding;
  std::string subject;      // the code: "effusion"
  std::string qualifier;    // optional fixed qualifier
  std::string description;  // what the code means (documentation, vocabulary)
  // Patterns that affirm it (polarity still follows negation and uncertainty in the
  // sentence), and patterns that rule it out outright. A pattern may hold one capturing
  // group whose number becomes the fact's value ("(\d)\+ effusion").
  std::vector<std::string> patterns;
  std::vector<std::string> absent_patterns;
  // Only ever said to deny ("no red flags"): an affirmed mention is not a fact.
  bool negated_only = false;
  // Qualifiers set when one of their patterns is in the same clause ("progressive").
  std::vector<std::pair<std::string, std::vector<std::string>>> clause_qualifiers;
  std::string file;
  int line = 0;
};

class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  // Loads every *.yaml under `dir` (sorted). Errors (a bad pattern, an unknown kind, a code
  // that is not snake_case, a duplicate entry) name the file and line.
  static Lexicon load(const std::string& dir);
  // Parses one file's text (tests); `file` names it in errors.
  void add(const std::string& yaml, const std::string& file);

  const std::vector<LexiconEntry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }
  const std::string& version() const { return version_; }

  // Matching, for the extractor: every entry matched in `norm`, with its span, the value
  // captured and whether it matched an absent pattern; at most `max` matches.
  struct Match {
    const LexiconEntry* entry = nullptr;
    size_t start = 0;
    size_t end = 0;
    bool absent = false;
    std::string value;  // the captured group, when the pattern has one
  };
  // Whether a clause qualifier pattern of the entry's `qualifier` matches in `clause`.
  bool clause_has(const LexiconEntry& e, const std::string& qualifier, std::string_view clause) const;
  std::vector<Match> find(std::string_view norm, size_t max = 48) const;

  // Clinical shorthand written out (a file's optional `shorthand:` map, "w/o" -> "without"):
  // every detector and pattern then sees one spelling. Applied to a normalized sentence,
  // whole tokens only (not inside "w/out" or "pt/ot"). Linear in the sentence.
  void expand_shorthand(std::string& norm) const;
  const std::vector<std::pair<std::string, std::string>>& shorthand() const { return shorthand_; }

 private:
  void compile();
  std::vector<LexiconEntry> entries_;
  std::vector<std::pair<std::string, std::string>> shorthand_;  // longest short form first
  std::string version_;
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

// A lexicon with no entries (for callers that extract with the C++ detectors only).
const Lexicon& empty_lexicon();

}  // namespace imr
