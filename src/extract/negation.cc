#include "extract/negation.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace imr::extract_detail {
namespace {

// ---- The trigger lists (the one place they live). Phrases are lower-case words. ----
constexpr std::array<std::string_view, 46> kNegationTriggers = {
    "no documentation of", "no evidence of", "no indication of", "no record of",
    "no mention of", "no report of", "no history of", "no signs of", "there was not any",
    "there is not any", "there were not any", "failed to include", "failed to document",
    "failed to provide", "failed to address", "failed to demonstrate", "failed to show",
    "failed to indicate", "negative for", "absence of", "lack of", "free of", "did not",
    "does not", "do not", "has not", "have not", "had not", "didn't", "doesn't", "hasn't",
    "wasn't", "cannot", "never", "none", "neither", "nor", "without", "denies", "denied",
    "deny", "denying", "lacks", "absent", "not", "no"};

constexpr std::array<std::string_view, 28> kUncertaintyTriggers = {
    "unclear whether", "unclear why", "unclear if", "not clear", "not certain", "not sure",
    "cannot rule out", "can't rule out", "rule out", "r/o", "unclear", "uncertain",
    "possible", "possibly", "questionable", "may have", "might", "suspected", "suspect",
    "suspicion of", "concern for", "whether", "probable", "probably", "risk of",
    "potential for", "?", "presumed"};

// Look like triggers but are not ("no longer" is a past qualifier; "no change" keeps what was).
constexpr std::array<std::string_view, 7> kPseudoTriggers = {
    "no longer", "no change", "no significant change", "not only", "without difficulty",
    "not necessarily", "no changes"};

// Words and marks that end a trigger's scope.
constexpr std::array<std::string_view, 13> kTerminators = {
    "but", "however", "although", "though", "except", "yet", "whereas", "while", ";", ",",
    ":", "aside", "apart"};

// After "and"/"or", these words start a new clause and end a scope ("... and he has ...").
constexpr std::array<std::string_view, 9> kClauseSubjects = {"he", "she", "they", "we", "i",
                                                             "it", "there", "this", "patient"};

// Phrases after a concept (same clause) that negate it: "... was not documented".
constexpr std::array<std::string_view, 26> kPostNegatedWords = {
    "documented", "noted",     "reported", "provided",  "found",     "present",  "evident",
    "demonstrated", "established", "indicated", "performed", "done",  "available", "quantified",
    "included",   "mentioned", "discussed", "seen",      "checked",   "reviewed", "obtained",
    "ordered",    "completed", "submitted", "signed",    "addressed"};
constexpr std::array<std::string_view, 6> kNegatedAnswers = {"none", "no", "denied", "denies",
                                                             "negative", "nil"};
constexpr std::array<std::string_view, 4> kPostNegators = {"absent", "lacking", "undocumented",
                                                           "none"};

// "denied" is a review outcome after these words or before these.
constexpr std::array<std::string_view, 16> kDeniedOutcomeBefore = {
    "was", "were", "been", "is", "are", "be", "being", "ur", "review", "reviewer",
    "administrator", "carrier", "request", "requests", "subsequently", "previously"};
constexpr std::array<std::string_view, 9> kDeniedOutcomeAfter = {
    "by", "on", "as", "due", "for", "in", "at", "because", "per"};

// Words between a trigger and a drug name that show the trigger is about something else.
constexpr std::array<std::string_view, 20> kNearBlockers = {
    "side", "effects", "effect", "relief", "benefit", "improvement", "problems", "issues",
    "complaints", "symptoms", "from", "with", "by", "after", "since", "than", "reactions",
    "change", "changes", "abuse"};

constexpr size_t kWindowWords = 10;

template <size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool is_mark(char c) {
  return c == ',' || c == ';' || c == ':' || c == '?' || c == '!' || c == '(' || c == ')' ||
         c == '"';
}

// Number of tokens the phrase covers if it matches at token i, else 0.
template <typename Tok>
size_t match_phrase(const std::vector<Tok>& toks, size_t i, std::string_view phrase) {
  // Fast reject on the first word.
  const std::string_view first = toks[i].text;
  if (phrase.size() < first.size() || phrase.compare(0, first.size(), first) != 0 ||
      (phrase.size() > first.size() && phrase[first.size()] != ' '))
    return 0;
  size_t n = 0;
  size_t p = 0;
  while (p < phrase.size()) {
    size_t q = phrase.find(' ', p);
    if (q == std::string_view::npos) q = phrase.size();
    const std::string_view word = phrase.substr(p, q - p);
    if (i + n >= toks.size() || toks[i + n].text != word) return 0;
    ++n;
    p = q + 1;
  }
  return n;
}

template <typename Tok, size_t N>
size_t longest(const std::vector<Tok>& toks, size_t i,
               const std::array<std::string_view, N>& list) {
  size_t best = 0;
  for (std::string_view ph : list) best = std::max(best, match_phrase(toks, i, ph));
  return best;
}

}  // namespace

PolarityScopes::PolarityScopes(std::string_view norm) : text_(norm) {
  // Tokens: marks alone; words are runs of anything else but spaces ("s/p", "10/325mg").
  size_t i = 0;
  while (i < norm.size()) {
    const char c = norm[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (is_mark(c)) {
      tokens_.push_back({i, i + 1, norm.substr(i, 1)});
      ++i;
    } else {
      size_t j = i;
      while (j < norm.size() && !std::isspace(static_cast<unsigned char>(norm[j])) &&
             !is_mark(norm[j]))
        ++j;
      size_t e = j;
      while (e > i + 1 && norm[e - 1] == '.') --e;  // "none." -> "none"
      tokens_.push_back({i, e, norm.substr(i, e - i)});
      i = j;
    }
  }

  for (size_t t = 0; t < tokens_.size(); ++t) {
    if (longest(tokens_, t, kPseudoTriggers) > 0) continue;
    size_t n = longest(tokens_, t, kNegationTriggers);
    Polarity pol = Polarity::kNegated;
    const size_t u = longest(tokens_, t, kUncertaintyTriggers);
    if (u > n) {
      n = u;
      pol = Polarity::kUncertain;
    }
    if (n == 0) continue;
    const std::string_view w = tokens_[t].text;
    if (pol == Polarity::kNegated && n == 1) {
      if (w == "denied" &&
          ((t > 0 && in(kDeniedOutcomeBefore, tokens_[t - 1].text)) ||
           (t + 1 < tokens_.size() && in(kDeniedOutcomeAfter, tokens_[t + 1].text))))
        continue;
      // "No. 2", "no 3": a number label, not a negation.
      if (w == "no" && t + 1 < tokens_.size() &&
          std::isdigit(static_cast<unsigned char>(tokens_[t + 1].text[0])))
        continue;
    }
    // Scope: from the end of the trigger over the next words up to a terminator.
    const size_t first = t + n;
    size_t end = first < tokens_.size() ? tokens_[first].start : norm.size();
    size_t words = 0;
    for (size_t k = first; k < tokens_.size(); ++k) {
      const std::string_view tk = tokens_[k].text;
      if (in(kTerminators, tk)) {
        if (tk == ",") {
          // A list ending in "or"/"nor" keeps the scope ("no nausea, vomiting or ...").
          bool list = false;
          for (size_t q = k + 1; q < tokens_.size() && q < k + 8; ++q) {
            const std::string_view x = tokens_[q].text;
            if (x == "or" || x == "nor") {
              list = true;
              break;
            }
            if (x != "," && in(kTerminators, x)) break;
          }
          if (list) continue;
        }
        break;
      }
      // "denies side effects other than constipation": the exception is affirmed.
      if (tk == "other" && k + 1 < tokens_.size() && tokens_[k + 1].text == "than") break;
      if (tk == "besides" || tk == "excluding") break;
      // "... and he has ...": a conjunction opening a new clause with its own subject.
      if ((tk == "and" || tk == "or") && k + 1 < tokens_.size() &&
          in(kClauseSubjects, tokens_[k + 1].text))
        break;
      if (words == kWindowWords) break;
      ++words;
      end = tokens_[k].end;
    }
    // "? radiculopathy" governs the following words; "radiculopathy?" is handled in at().
    scopes_.push_back({tokens_[t + n - 1].end, end, pol, w});
    t += n - 1;
  }
}

Polarity PolarityScopes::at(size_t start, size_t end) const {
  bool uncertain = false;
  for (const Scope& s : scopes_) {
    // The trigger must end before the concept and its scope must reach the concept.
    if (s.begin <= start && start < s.end) {
      if (s.polarity == Polarity::kNegated) return Polarity::kNegated;
      uncertain = true;
    }
  }
  // After the concept: "... was not documented", "... absent", "radiculopathy?",
  // "Side effects: none".
  size_t k = 0;
  while (k < tokens_.size() && tokens_[k].start < end) ++k;
  if (k + 1 < tokens_.size() && tokens_[k].text == ":" &&
      in(kNegatedAnswers, tokens_[k + 1].text))
    return Polarity::kNegated;
  for (size_t words = 0; k < tokens_.size() && words < 6; ++k) {
    const std::string_view tk = tokens_[k].text;
    if (tk == "?" && words == 0) uncertain = true;
    if (in(kTerminators, tk)) break;
    if (in(kPostNegators, tk)) return Polarity::kNegated;
    if (tk == "not" && k + 1 < tokens_.size()) {
      std::string_view nx = tokens_[k + 1].text;
      size_t skip = k + 1;
      if ((nx == "been" || nx == "clearly" || nx == "objectively" || nx == "adequately") &&
          skip + 1 < tokens_.size())
        nx = tokens_[++skip].text;
      if (in(kPostNegatedWords, nx)) return Polarity::kNegated;
    }
    ++words;
  }
  return uncertain ? Polarity::kUncertain : Polarity::kAffirmed;
}

Polarity PolarityScopes::near(size_t start, size_t end, size_t max_gap) const {
  bool uncertain = false;
  for (const Scope& s : scopes_) {
    if (!(s.begin <= start && start < s.end) || start - s.begin > max_gap) continue;
    if (s.trigger == "without") continue;
    // "denies side effects from Norco", "no relief with Norco": the trigger governs the
    // words between, not the name.
    bool blocked = false;
    for (const Token& t : tokens_)
      if (t.start >= s.begin && t.end <= start && in(kNearBlockers, t.text)) blocked = true;
    if (blocked) continue;
    if (s.polarity == Polarity::kNegated) return Polarity::kNegated;
    uncertain = true;
  }
  (void)end;
  return uncertain ? Polarity::kUncertain : Polarity::kAffirmed;
}

}  // namespace imr::extract_detail
