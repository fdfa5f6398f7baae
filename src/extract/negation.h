// Negation and uncertainty scope (NegEx-style) over one normalized sentence.
//
// A trigger ("no", "denies", "without", "negative for", "no documentation of", "failed to
// include", "there was not any", ...) negates the words after it up to a terminator ("but",
// "however", "although", "except", "other than", "besides", ";", ",", ":") or ten words, whichever comes first. A
// comma does not end the scope inside a list that ends in "or"/"nor" ("no nausea, vomiting
// or constipation"). Uncertainty triggers ("unclear whether", "possible", "questionable",
// "may have", "rule out", "?") work the same way. A few phrases after a concept negate it
// too ("... was not documented", "... absent"). "denied" after was/were or before "by" is a
// review outcome, not a negation; "failed NSAIDs" is an outcome too (only "failed to ..."
// negates). Every trigger list lives in negation.cc.
//
// Input is the lower-case, whitespace-collapsed sentence; positions are bytes into it.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "extract/fact.h"

namespace imr::extract_detail {

class PolarityScopes {
 public:
  explicit PolarityScopes(std::string_view norm);

  // Polarity of a concept written at [start, end): negated if a negation scope covers
  // `start` or a post-negation phrase follows it in its clause; uncertain likewise; else
  // affirmed. Negation wins over uncertainty.
  Polarity at(size_t start, size_t end) const;

  // The same, for names that negation reaches only from close by ("denies taking Xanax",
  // "no Norco"): a trigger counts only if it ends within `max_gap` bytes of `start`, no
  // word between shows it is about something else ("denies side effects from Norco", "no
  // relief with Norco"), and "without" never counts ("8/10 without Norco").
  Polarity near(size_t start, size_t end, size_t max_gap) const;

  struct Scope {
    size_t begin = 0;  // first byte governed (end of the trigger)
    size_t end = 0;    // one past the last byte governed
    Polarity polarity = Polarity::kNegated;
    std::string_view trigger;  // the trigger's first word
  };
  const std::vector<Scope>& scopes() const { return scopes_; }

 private:
  struct Token {
    size_t start = 0;
    size_t end = 0;
    std::string_view text;
  };
  std::string_view text_;
  std::vector<Token> tokens_;
  std::vector<Scope> scopes_;
};

}  // namespace imr::extract_detail
