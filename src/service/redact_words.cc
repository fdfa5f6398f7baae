// Layer 3 of redaction: the word screen (see redact.h). Names by their context (honorific,
// credential, relation or role word, label, "goes by"), every capitalised word the lexicon
// does not know, organisations by their last word, places; then each name part found is
// removed wherever it recurs.
#include <algorithm>

#include "service/redact_internal.h"

namespace imr::redaction {
namespace {

using std::string_view;

std::string to_upper_ascii(string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

enum class Mark { kNone, kName, kOrganization, kCity };

const char* kind_of(Mark m) {
  switch (m) {
    case Mark::kName: return "name";
    case Mark::kOrganization: return "organization";
    case Mark::kCity: return "city";
    default: return "";
  }
}

struct Screen {
  string_view text;
  const std::vector<Token>& toks;
  const RedactionLexicon& lex;
  const std::vector<Span>& protect;
  std::vector<WordView> views;
  std::vector<Mark> marks;

  Screen(string_view t, const std::vector<Token>& k, const RedactionLexicon& l, const std::vector<Span>& p)
      : text(t), toks(k), lex(l), protect(p), marks(k.size(), Mark::kNone) {
    views.reserve(k.size());
    for (const auto& tok : k) views.push_back(view_word(tok, l));
  }

  size_t size() const { return toks.size(); }
  const Token& at(size_t i) const { return toks[i]; }
  string_view gap_after(size_t i) const { return redaction::gap_after(text, toks, i); }
  string_view gap_before(size_t i) const { return redaction::gap_before(text, toks, i); }
  bool shielded(size_t i) const { return overlaps({toks[i].start, toks[i].core_end}, protect); }
  bool in(const RedactionLexicon::WordSet& s, size_t i) const { return lex.in(s, toks[i].lower); }

  bool is_initial(size_t i) const {
    const auto& t = toks[i];
    // A letter right after a number is its unit ("T 98.4 F.", "37 C"), not an initial.
    if (i > 0 && toks[i - 1].digit && is_space_gap(gap_before(i))) return false;
    if (t.capital && t.lower.size() == 1) return true;
    // Initials written together: "J.R. Whitfield".
    static const RE2 initials(R"([A-Z](?:\.[A-Z]){1,2})");
    return t.all_caps && t.text.size() <= 5 && RE2::FullMatch(re2::StringPiece(t.text.data(), t.core_end - t.start), initials);
  }
  bool is_credential(size_t i) const {
    const auto& t = toks[i];
    if (!in(lex.credentials, i)) return false;
    return t.all_caps || (t.capital && !lex.common.count(t.lower)) || t.text.find('-') != std::string::npos;
  }
  bool is_honorific(size_t i) const { return toks[i].capital && in(lex.honorifics, i); }
  // A credential written with dots, which the tokens split: "M.D.", "D.C.", "Psy.D.".
  bool dotted_credential(size_t i) const {
    static const RE2 dotted(R"(^(?:M\.D\.|D\.O\.|D\.C\.|Ph\.D\.|Psy\.D\.|L\.Ac\.?|R\.NCS\.T\.|N\.P\.|R\.N\.|Pharm\.D\.|J\.D\.|P\.A\.))");
    const string_view rest = text.substr(toks[i].start, std::min<size_t>(12, text.size() - toks[i].start));
    return RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), dotted);
  }
  // A word that context may take for a name part: capitalised, not clinical, not a function,
  // role or relation word, not a credential or honorific, not a month or language.
  bool nameish(size_t i) const {
    const auto& t = toks[i];
    if (!t.capital || !t.alpha || t.digit || shielded(i)) return false;
    // In capitals a short name reads like an abbreviation ("KIM"); a proper name that no
    // clinical list has is still a name.
    const bool caps_name = t.all_caps && lex.is_proper(t.lower) && !lex.is_clinical(t.lower);
    if ((views[i].clinical && !views[i].proper_too && !caps_name) || is_credential(i) || is_honorific(i)) return false;
    return !in(lex.function_words, i) && !in(lex.role_words, i) && !in(lex.relation_words, i) &&
           !in(lex.safe_proper, i) && !in(lex.organization_heads, i);
  }
  bool particle(size_t i) const { return in(lex.surname_particles, i) && !toks[i].digit; }
  // A surname the clinical lists hold as an eponym ("Colleen McMurray", "Rhett Phalen"): after a
  // name, where no test, sign or result follows ("McMurray test positive" stays).
  bool eponym_surname(size_t i) const {
    const auto& t = toks[i];
    if (!t.capital || t.all_caps || !t.alpha || t.digit || t.core_end < t.end || t.lower.size() < 4 || shielded(i))
      return false;
    if (!lex.is_clinical(t.lower) || lex.common.count(t.lower) || in(lex.product_words, i)) return false;
    // A surname: on the proper-name lists or among the eponymous tests ("Subtalar" is neither).
    const std::string core(text.substr(t.start, t.core_end - t.start));
    if (!lex.is_proper(t.lower) && !lex.eponymous_test_names.count(core)) return false;
    if (i + 1 < toks.size() && is_space_gap(gap_after(i))) {
      static const std::set<std::string> kClinicalNext = {
          "test", "tests", "sign", "signs", "maneuver", "maneuvers", "manoeuvre", "positive", "negative", "neg",
          "pos", "syndrome", "disease", "score", "grade", "scale", "index", "classification", "fracture", "criteria",
          "rule", "rules", "technique", "exercise", "exercises", "procedure", "release", "equivocal", "and", "or"};
      if (kClinicalNext.count(toks[i + 1].lower)) return false;
    }
    return true;
  }

  // Two tokens of one name: a single space, or ". " after an initial, or a line break.
  bool name_gap(size_t left, bool allow_newline) const {
    const string_view g = gap_after(left);
    if (is_space_gap(g)) return true;
    if (is_initial(left) || toks[left].lower == "st")
      if (g.size() >= 2 && g[0] == '.' && is_space_gap(g.substr(1))) return true;
    // "J.R. Whitfield": initials run together.
    if (g == "." && is_initial(left) && left + 1 < toks.size() && is_initial(left + 1)) return true;
    if (allow_newline) {
      const string_view t = trim(g);
      return t.empty() && g.find('\n') != string_view::npos && g.size() <= 4;
    }
    return false;
  }

  void mark(size_t i, Mark m) {
    if (marks[i] == Mark::kNone || m == Mark::kOrganization) marks[i] = m;
  }

  // Marks a name starting at token i (and going right): up to `max` name words, initials and
  // particles. Returns the number of tokens marked.
  size_t take_name(size_t i, size_t max, bool allow_newline_first, bool strong_first = false) {
    size_t taken = 0, words = 0;
    size_t j = i;
    // After an honorific the first word is a name even when it is also a clinical word
    // ("Mr. Hand", "Dr. Bone"), but not a drug before its dose (protected) or a function word.
    if (strong_first && j < size() && toks[j].capital && toks[j].alpha && !shielded(j) && !nameish(j) &&
        !in(lex.function_words, j) && !is_credential(j) && !is_honorific(j)) {
      mark(j, Mark::kName);
      ++taken;
      ++words;
      if (j + 1 >= size() || !name_gap(j, false) || toks[j].core_end < toks[j].end) return taken;
      ++j;
    }
    while (j < size() && words < max) {
      // A common word before a role or organisation word is a title ("Senior Claims Examiner").
      const bool title_word = views[j].safe && !views[j].proper_too && j + 1 < size() &&
                              (in(lex.role_words, j + 1) || in(lex.organization_words, j + 1));
      if ((nameish(j) && !title_word) || eponym_surname(j) || (taken > 0 && is_initial(j))) {
        mark(j, Mark::kName);
        ++taken;
        if (!is_initial(j)) ++words;
      } else if (taken > 0 && particle(j) && j + 1 < size() && nameish(j + 1)) {
        mark(j, Mark::kName);
        ++taken;
      } else {
        break;
      }
      // A possessive ends the name: "Mr. Tran's DOB".
      if (toks[j].core_end < toks[j].end) break;
      if (j + 1 >= size() || !name_gap(j, allow_newline_first && taken == 0)) break;
      ++j;
    }
    return taken;
  }
};

// --- names by context ---

void honorific_names(Screen& s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (!s.is_honorific(i) || s.at(i).core_end != s.at(i).end) continue;  // not "Doctor's First Report"
    const string_view g = s.gap_after(i);
    const string_view t = trim(g);
    if (!(t.empty() || t == ".") || g.size() > 4) continue;  // "Dr.\nLee" too
    // "MR ARTHROGRAM, RIGHT SHOULDER": magnetic resonance, not Mister.
    if (s.at(i).all_caps && t.empty() && s.views[i + 1].clinical) continue;
    s.take_name(i + 1, 3, false, true);
  }
}

// "Ana Ruiz, MD", "Nell Whitcombe, RN", "Marcus Oyelaran, R.NCS.T."
void credential_names(Screen& s) {
  for (size_t i = 1; i < s.size(); ++i) {
    if (!s.is_credential(i) && !s.dotted_credential(i)) continue;
    const string_view g = s.gap_before(i);
    const bool comma = trim(g) == ",";
    if (!(comma || is_space_gap(g))) continue;
    // Walk back over the name. A surname that is an everyday or clinical word counts after a
    // given name: "Noel Brace, PA-C".
    size_t j = i - 1;
    const bool word_surname = j > 0 && s.at(j).capital && !s.at(j).all_caps && s.at(j).alpha && !s.in(s.lex.product_words, j) &&
                              !s.in(s.lex.function_words, j) && s.name_gap(j - 1, false) && s.nameish(j - 1) &&
                              (s.views[j - 1].proper_too || !s.views[j - 1].safe) && comma;
    if (word_surname) s.mark(j, Mark::kName);
    if (!s.nameish(j) && !word_surname) continue;
    size_t start = j;
    size_t words = 1;
    while (start > 0 && words < 4) {
      const size_t p = start - 1;
      if (!s.name_gap(p, false)) break;
      if (s.nameish(p)) ++words;
      else if (!(s.is_initial(p) || s.particle(p))) break;
      start = p;
    }
    bool uncommon = false;
    for (size_t k = start; k <= j; ++k) uncommon |= !s.views[k].safe || s.views[k].proper;
    if (!comma && !uncommon) continue;
    for (size_t k = start; k <= j; ++k) s.mark(k, Mark::kName);
  }
}

// "his wife, Debra", "her son Daniel", "adjuster Sharon Whitlock", "interpreter: Lupe Castañeda",
// and "Lorenzo Bautista, her brother-in-law" / "Debra (wife)".
void relation_and_role_names(Screen& s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (!(s.in(s.lex.relation_words, i) || s.in(s.lex.role_words, i))) continue;
    if (s.at(i).capital && s.at(i).all_caps) continue;  // headings
    const string_view g = s.gap_after(i);
    const string_view t = trim(g);
    size_t next = i + 1;
    if (!(t.empty() || t == "," || t == ":") || g.size() > 3 || g.find('\n') != string_view::npos) continue;
    if (s.at(next).lower == "named" || s.at(next).lower == "is") {
      if (!is_space_gap(s.gap_after(next))) continue;
      ++next;
    }
    size_t n = s.take_name(next, 4, false);
    // A list after a plural relation: "Children Kai (14) and Sienna (9)", "sons Eli, Asa and Bo".
    const std::string& rel = s.at(i).lower;
    const bool plural = s.in(s.lex.relation_words, i) && (rel.ends_with("s") || rel == "children" || rel == "grandchildren");
    while (plural && n > 0 && next + n < s.size()) {
      size_t k = next + n;  // the token after the name
      // An age in brackets after the name: "(14)".
      if (s.at(k).digit && trim(s.gap_before(k)) == "(" && trim(s.gap_after(k)).starts_with(")")) ++k;
      if (k >= s.size()) break;
      const string_view sep = trim(s.gap_before(k));
      size_t name_at = k;
      if (s.at(k).lower == "and" && (sep.empty() || sep == ")" || sep == ",")) ++name_at;
      else if (!(sep == "," || sep == "),")) break;
      if (name_at >= s.size() || !s.nameish(name_at)) break;
      next = name_at;
      n = s.take_name(next, 3, false);
    }
  }
  for (size_t i = 1; i < s.size(); ++i) {
    if (!s.in(s.lex.relation_words, i)) continue;
    // "..., his wife" / "(wife)": the name just before.
    const string_view g = s.gap_before(i);
    size_t j = i - 1;
    // "Dusty's fiancée", "Cliff's wife": the possessive before the relation is a person, when
    // the word can be a name (not "Pt's daughter", "Patient's wife").
    if (is_space_gap(g) && s.at(j).core_end < s.at(j).end && s.at(j).capital && s.at(j).alpha &&
        (!s.views[j].safe || s.views[j].proper_too) && !s.views[j].clinical && !s.is_honorific(j) && !s.in(s.lex.function_words, j)) {
      s.mark(j, Mark::kName);
      continue;
    }
    if (trim(g) == "(") {
    } else if (j > 0 && (s.at(j).lower == "his" || s.at(j).lower == "her" || s.at(j).lower == "their") &&
               trim(s.gap_before(j)) == ",") {
      --j;
    } else {
      continue;
    }
    size_t k = j;
    size_t words = 0;
    while (words < 4 && s.nameish(k)) {
      s.mark(k, Mark::kName);
      ++words;
      if (k == 0 || !s.name_gap(k - 1, false)) break;
      --k;
    }
  }
}

// "Patient: Dennis Patrick", "Front desk: Grace Yoon", "cc: Gregory Feinstein".
void labelled_names(Screen& s) {
  const RE2& label = *s.lex.compiled->name_label;
  for (const size_t value_at : match_ends(label, s.text)) {
    // The first token at or after the label's end.
    auto it = std::lower_bound(s.toks.begin(), s.toks.end(), value_at,
                               [](const Token& t, size_t pos) { return t.start < pos; });
    if (it == s.toks.end()) continue;
    const size_t i = static_cast<size_t>(it - s.toks.begin());
    if (s.text.substr(value_at, s.at(i).start - value_at).find('\n') != string_view::npos) continue;
    // "Dawson, Major Lee": surname, comma, given names.
    const std::vector<Mark> before = s.marks;
    size_t n = s.take_name(i, 4, false);
    if (n == 1 && i + n < s.size() && trim(s.gap_after(i + n - 1)) == "," && s.gap_after(i + n - 1).size() <= 2 &&
        !s.is_credential(i + n) && !s.dotted_credential(i + n)) {
      size_t given = s.take_name(i + n, 3, false);
      // In capitals a given name may read like an abbreviation ("KIM, SOO-AH").
      const auto& g = s.at(i + n);
      if (given == 0 && g.all_caps && g.alpha && !g.digit && !s.lex.is_clinical(g.lower)) {
        s.mark(i + n, Mark::kName);
        given = 1;
      }
      n += 1 + given;
    }
    // A value of common words only ("CC: Bilateral heel pain") is not a name: one of its words
    // must be unknown or a listed name.
    bool namelike = false;
    for (size_t k = i; k < std::min(i + n, s.size()); ++k)
      namelike |= s.marks[k] == Mark::kName && s.at(k).lower.size() > 1 &&
                  (!s.views[k].safe || s.views[k].proper || s.views[k].proper_too || s.lex.is_proper(s.at(k).lower));
    if (!namelike) s.marks = before;
  }
}

// "Employer: Golden State Wire & Cable", "Carrier: Bluewater Mutual, Inc.": after an
// organisation label, the capitalised words to the end of the field are the organisation,
// whatever they are, if one of them is not clinical ("Lab: CBC, CMP" is a list of tests).
void labelled_organizations(Screen& s, std::vector<std::string>& found) {
  static const std::vector<std::string> kLegal = {"inc", "llc", "llp", "lp", "pc", "apc", "corp", "co", "ltd", "pllc"};
  auto legal = [&](size_t i) { return std::find(kLegal.begin(), kLegal.end(), s.at(i).lower) != kLegal.end(); };
  for (const size_t value_at : match_ends(*s.lex.compiled->organization_label, s.text)) {
    auto it = std::lower_bound(s.toks.begin(), s.toks.end(), value_at,
                               [](const Token& t, size_t pos) { return t.start < pos; });
    if (it == s.toks.end()) continue;
    const size_t i = static_cast<size_t>(it - s.toks.begin());
    if (s.text.substr(value_at, s.at(i).start - value_at).find('\n') != string_view::npos) continue;
    if (!s.at(i).capital && !s.at(i).digit) continue;
    size_t j = i;
    while (j + 1 < s.size()) {
      const string_view g = s.gap_after(j);
      const string_view t = trim(g);
      const bool joined = is_space_gap(g) || ((t == "&" || t == "-" || t == "+" || t == "/") && g.size() <= 3) ||
                          (t == "," && g.size() <= 2 && legal(j + 1)) ||
                          (t == "." && g.size() <= 2 && (legal(j) || s.is_initial(j)) && is_space_gap(g.substr(1)));
      if (!joined || g.find('\n') != string_view::npos) break;
      const auto& n = s.at(j + 1);
      if (!(n.capital || n.digit || s.in(s.lex.name_connectors, j + 1))) break;
      ++j;
    }
    while (j > i && s.in(s.lex.name_connectors, j)) --j;
    bool proper = false;
    for (size_t k = i; k <= j; ++k)
      proper |= s.at(k).alpha && !s.lex.is_clinical(s.at(k).lower) && !s.in(s.lex.function_words, k) &&
                !s.in(s.lex.organization_heads, k) && !s.in(s.lex.organization_words, k) && !s.in(s.lex.safe_proper, k) &&
                !s.in(s.lex.name_connectors, k) && !legal(k);
    if (!proper) continue;
    for (size_t k = i; k <= j; ++k) s.marks[k] = Mark::kOrganization;
    if (j > i) found.emplace_back(s.text.substr(s.at(i).start, s.at(j).end - s.at(i).start));
  }
}

// "(goes by Bill)", `("Beto")`, "a.k.a. Tomek", "Wilfredo (“Will”)".
void nickname_names(Screen& s) {
  static const RE2 goes_by(
      R"((?i:\b(?:goes\s+by|go\s+by|known(?:\s+[\pL']+){0,3}\s+as|a\.?k\.?a\.?|nicknamed|prefers(?:\s+to\s+be\s+called)?|be\s+called|call(?:s|ed)?\s+(?:him|her|them|me)|nickname(?:\s+[\pL']+){0,3}\s+(?:is|was))[ \t\n]+)["“'‘]?(\pL+(?:[ \t]\p{Lu}\pL+)?))");
  // "a man she calls Bear", "who everyone calls Red": a person's subject before the verb.
  static const RE2 subject_calls(
      R"((?i:\b(?:he|she|they|we|i|everyone|everybody|people|coworkers|co-workers|friends|family|kids)\s+call(?:s|ed)?)[ \t\n]+([A-Z]\pL+)\b)");
  for (const auto& sp : all_matches(subject_calls, s.text)) {
    auto it = std::lower_bound(s.toks.begin(), s.toks.end(), sp.start,
                               [](const Token& t, size_t pos) { return t.start < pos; });
    if (it == s.toks.end() || it->start != sp.start) continue;
    const size_t i = static_cast<size_t>(it - s.toks.begin());
    // A word only clinical lists have ("calls Norco") is not a name; an everyday word is ("Bear").
    const bool only_clinical = s.views[i].clinical && !s.in(s.lex.common, i);
    if (!only_clinical && !s.is_honorific(i) && !s.in(s.lex.safe_proper, i) && !s.in(s.lex.function_words, i) &&
        !s.in(s.lex.organization_heads, i))
      s.mark(i, Mark::kName);
  }
  // A quoted name after "called" or "call": `Client called "Pip" by her family`.
  static const RE2 called_quoted(R"((?i:\bcall(?:s|ed)?)[ \t\n]+["“]([A-Z]\pL+)["”])");
  for (const auto& sp : all_matches(goes_by, s.text)) {
    auto it = std::lower_bound(s.toks.begin(), s.toks.end(), sp.start,
                               [](const Token& t, size_t pos) { return t.start < pos; });
    // "known on his route as "Big John"": each capitalised word of the name.
    for (; it != s.toks.end() && it->start < sp.end && it->capital; ++it) {
      const size_t i = static_cast<size_t>(it - s.toks.begin());
      // "prefers English": a language, not a name (but 'goes by "May"' is one).
      const bool preference = to_lower(s.text.substr(sp.start > 12 ? sp.start - 12 : 0, sp.start > 12 ? 12 : sp.start)).find("prefer") != std::string::npos;
      if (s.in(s.lex.product_words, i) || (preference && s.in(s.lex.safe_proper, i))) break;
      s.mark(i, Mark::kName);
    }
  }
  for (const auto& sp : all_matches(called_quoted, s.text)) {
    auto it = std::lower_bound(s.toks.begin(), s.toks.end(), sp.start,
                               [](const Token& t, size_t pos) { return t.start < pos; });
    if (it != s.toks.end() && it->start == sp.start) s.mark(static_cast<size_t>(it - s.toks.begin()), Mark::kName);
  }
  // A capitalised word in quotes or brackets right after a name: `Hill ("Shawn")`; or quoted
  // in brackets after anything: `firefighter ("Tor")` — a name the person goes by.
  for (size_t i = 1; i < s.size(); ++i) {
    if (!s.at(i).capital || !s.at(i).alpha) continue;
    const string_view b = trim(s.gap_before(i));
    const string_view a = trim(s.gap_after(i));
    // In quotes in brackets, with or without words after: `("Tater" on the crew)`.
    const bool bracket_quoted = (b.ends_with("(\"") || b.ends_with("(“") || b.ends_with("('") || b.ends_with("(‘")) &&
                                (a.starts_with("\"") || a.starts_with("”") || a.starts_with("'") || a.starts_with("’"));
    if (s.marks[i - 1] != Mark::kName && !bracket_quoted) continue;
    // After the name's last initial the gap carries its period: 'Dolores M. ("Lola")', "B. (Jun)".
    const string_view bq = b.starts_with(".") ? trim(b.substr(1)) : b;
    const bool quoted = bq == "(\"" || bq == "(“" || bq == "\"" || bq == "“" || bq == "('" || bq == "(‘" || bq == "(";
    const bool closed = a.starts_with("\")") || a.starts_with("”)") || a.starts_with("\"") || a.starts_with("”") ||
                        a.starts_with(")") || a.starts_with("')") || a.starts_with("’)") || (bracket_quoted && a.starts_with("'"));
    if (quoted && closed && (!s.views[i].clinical || s.views[i].proper_too || bracket_quoted) &&
        !s.in(s.lex.product_words, i) && !s.in(s.lex.safe_proper, i))
      s.mark(i, Mark::kName);
  }
}

// "PALOMINO-SHEA, I" and "OKAFOR, CHIDI" in a table: a surname in capitals, a comma, and an
// initial or a given name in capitals. Clinical headings in capitals ("KNEE, R") are not names.
void surname_first_in_capitals(Screen& s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const auto& t = s.at(i);
    if (!t.all_caps || !t.alpha || t.digit || t.lower.size() < 3 || s.views[i].clinical || s.shielded(i) ||
        s.is_credential(i) || s.in(s.lex.safe_proper, i) || s.in(s.lex.function_words, i) ||
        s.in(s.lex.organization_heads, i) || s.in(s.lex.states, i))
      continue;
    const string_view g = s.gap_after(i);
    if (trim(g) != "," || g.size() > 2) continue;
    const size_t n = i + 1;
    const auto& given = s.at(n);
    const bool initial = given.lower.size() == 1 && given.capital && (n + 1 >= s.size() || trim(s.gap_after(n)) != ",");
    const bool given_name = given.all_caps && given.alpha && !given.digit && given.lower.size() >= 3 &&
                            (s.lex.is_proper(given.lower) || !s.lex.is_common(given.lower)) &&
                            !s.lex.is_clinical(given.lower) && !s.is_credential(n);
    if (!initial && !given_name) continue;
    s.mark(i, Mark::kName);
    s.mark(n, Mark::kName);
    // "DE LA CRUZ, M": the words in capitals before, on the same line.
    for (size_t k = i; k > 0 && is_space_gap(s.gap_before(k)); --k) {
      const auto& p = s.at(k - 1);
      const bool part = p.all_caps && p.alpha && !s.views[k - 1].clinical && !s.in(s.lex.function_words, k - 1) &&
                        (!s.views[k - 1].safe || s.lex.is_proper(p.lower));
      if (!part && !s.particle(k - 1)) break;
      s.mark(k - 1, Mark::kName);
    }
  }
}

// "Colleen McMurray, Senior Claims Adjuster", "Graham Beck, Branch Manager": two or three
// capitalised words before a comma and a job title (capitalised words ending in a role word) are
// a name, when one of them could only be a name (unknown, a listed name, or an eponym surname).
void names_before_a_title(Screen& s) {
  for (size_t c = 0; c + 2 < s.size(); ++c) {
    const string_view g = s.gap_after(c);
    if (trim(g) != "," || g.size() > 2) continue;
    // The title: up to four capitalised words, the last a role word.
    bool title = false;
    for (size_t k = c + 1; k < s.size() && k <= c + 4; ++k) {
      if (!s.at(k).capital || !s.at(k).alpha) break;
      if (s.in(s.lex.role_words, k)) {
        title = true;
        break;
      }
      if (k + 1 < s.size() && !is_space_gap(s.gap_after(k))) break;
    }
    if (!title) continue;
    size_t start = c;
    size_t words = 1;
    auto part = [&](size_t k) { return s.nameish(k) || s.eponym_surname(k) || s.is_initial(k); };
    if (!part(c)) continue;
    while (start > 0 && words < 3 && s.name_gap(start - 1, false) && part(start - 1)) {
      --start;
      ++words;
    }
    if (words < 2) continue;
    bool namelike = false;
    for (size_t k = start; k <= c; ++k)
      namelike |= !s.views[k].safe || s.views[k].proper || s.views[k].proper_too || s.eponym_surname(k);
    if (!namelike) continue;
    for (size_t k = start; k <= c; ++k) s.mark(k, Mark::kName);
  }
  // "R. Phalen signed": an initial and an eponym surname, with no result after.
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (s.is_initial(i) && s.at(i).lower.size() == 1 && s.gap_after(i) == ". " && s.eponym_surname(i + 1) &&
        !s.is_honorific(i + 1) && !s.at(i + 1).line_start) {
      s.mark(i, Mark::kName);
      s.mark(i + 1, Mark::kName);
    }
}

// A case caption: "Hawkins v. Ironbridge Steel Erectors, Inc." — the applicant's name before "v.".
void caption_names(Screen& s) {
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (s.at(i).text != "v" && s.at(i).text != "vs") continue;
    const string_view g = s.gap_after(i);
    if (!(g.starts_with(". ") || g == " ") || !s.at(i + 1).capital) continue;
    if (!is_space_gap(s.gap_before(i))) continue;
    const size_t n = i - 1;
    const auto& t = s.at(n);
    if (!t.capital || !t.alpha || t.digit || s.in(s.lex.function_words, n) || s.in(s.lex.product_words, n)) continue;
    s.mark(n, Mark::kName);
  }
}

// "Thanks,\nBrenda", "Best regards,\nHope Castellanos": the name under a sign-off.
void signoff_names(Screen& s) {
  static const RE2 signoff(
      R"((?im)^[ \t]*(?:thanks|thank you|many thanks|regards|best|best regards|kind regards|warm regards|warmly|sincerely|respectfully|cheers|take care)[ \t]*[,.!]?[ \t]*\n[ \t]*)");
  for (const size_t at : match_ends(signoff, s.text)) {
    auto it = std::lower_bound(s.toks.begin(), s.toks.end(), at, [](const Token& t, size_t pos) { return t.start < pos; });
    if (it == s.toks.end() || it->start != at) continue;
    const size_t i = static_cast<size_t>(it - s.toks.begin());
    const std::vector<Mark> before = s.marks;
    const size_t n = s.take_name(i, 3, false);
    bool namelike = false;
    for (size_t k = i; k < i + n; ++k)
      namelike |= !s.views[k].safe || s.views[k].proper || s.views[k].proper_too;
    if (!namelike) s.marks = before;
  }
}

// --- every capitalised word the lexicon does not know ---

void unknown_words(Screen& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto& t = s.at(i);
    if (!t.capital || !t.alpha || t.digit || s.views[i].safe || s.shielded(i)) continue;
    // Role and relation words are labels ("Tech:", "Sis"), not names.
    if (s.is_honorific(i) || s.is_credential(i) || s.in(s.lex.role_words, i) || s.in(s.lex.relation_words, i)) continue;
    s.mark(i, s.lex.place_words.count(t.lower) ? Mark::kCity : Mark::kName);
  }
}

// --- organisations: a run of capitalised words ending in an organisation word ---

void organizations(Screen& s, std::vector<std::string>& found) {
  static const std::vector<std::string> kLegal = {"inc", "llc", "llp", "lp", "pc", "apc", "corp", "co", "ltd",
                                                  "attorneys", "pllc", "l.l.c"};
  auto legal = [&](size_t i) { return std::find(kLegal.begin(), kLegal.end(), s.at(i).lower) != kLegal.end(); };
  auto run_gap = [&](size_t left) {
    const string_view g = s.gap_after(left);
    if (is_space_gap(g)) return true;
    // A name wrapped onto the next line: "Orange County Community\nHealth Partners".
    // (Not from a heading in capitals into a line in mixed case, or back.)
    if (trim(g).empty() && std::count(g.begin(), g.end(), '\n') == 1 && g.size() <= 3 && left + 1 < s.size() &&
        s.at(left).all_caps == s.at(left + 1).all_caps)
      return true;
    const string_view t = trim(g);
    if ((t == "&" || t == "+" || t == "-") && g.size() <= 4 && g.find('\n') == string_view::npos) return true;
    if (t == "." && g.size() <= 3 && g.find('\n') == string_view::npos &&
        (s.at(left).lower == "st" || s.at(left).lower == "co" || s.at(left).lower == "inc" || s.is_initial(left)))
      return true;
    if (t == "," && g.size() <= 3 && left + 1 < s.size() && legal(left + 1)) return true;
    return false;
  };
  auto member = [&](size_t i) {
    const auto& t = s.at(i);
    if (s.shielded(i) || !t.capital || !t.alpha) return false;
    return !s.in(s.lex.function_words, i) || s.in(s.lex.name_connectors, i);
  };
  auto newline_after = [&](size_t k) { return s.gap_after(k).find('\n') != string_view::npos; };
  size_t i = 0;
  while (i < s.size()) {
    if (!member(i)) {
      ++i;
      continue;
    }
    // The run [i, j]. A run that starts a line (a heading, a letterhead) ends with it.
    size_t j = i;
    while (j + 1 < s.size()) {
      if (!run_gap(j)) break;
      if (newline_after(j) && s.at(i).line_start) break;
      if (member(j + 1)) {
        ++j;
        continue;
      }
      // A lower-case connector inside: "Attorneys at Law", "Rough and Ready".
      if (s.in(s.lex.name_connectors, j + 1) && j + 2 < s.size() && run_gap(j + 1) && member(j + 2)) {
        j += 2;
        continue;
      }
      break;
    }
    // A run over a line break goes on only while the first line has no organisation word.
    for (size_t k = i; k < j; ++k) {
      if (!newline_after(k)) continue;
      bool head_before = false;
      for (size_t m = i; m <= k; ++m) head_before |= s.in(s.lex.organization_heads, m);
      if (head_before) j = k;
      break;
    }
    // The last organisation head in the run.
    size_t head = j + 1;
    for (size_t k = j + 1; k-- > i;)
      if (s.at(k).capital && s.in(s.lex.organization_heads, k)) {
        head = k;
        break;
      }
    if (head <= j) {
      size_t start = i;
      // A verb opening the run is not the name ("Called Bayside Imaging", "Contact Kern Rehab"):
      // an inflected form anywhere, a base form only where a sentence starts ("by Plumb Line
      // Ergonomics" keeps its words).
      auto verb_before_name = [&](size_t k) {
        const auto& t = s.at(k);
        if (!t.alpha || t.all_caps || !s.lex.is_finite_verb(t.lower)) return false;
        const bool inflected = t.lower.ends_with("ed") || t.lower.ends_with("s") || t.lower.ends_with("ing");
        const string_view b = trim(s.gap_before(k));
        const bool sentence_start = t.line_start || k == 0 || b.ends_with(".") || b.ends_with(":") || b.ends_with(";");
        return inflected || sentence_start;
      };
      while (start < head && (s.in(s.lex.function_words, start) || s.is_honorific(start) ||
                              s.in(s.lex.role_words, start) || s.in(s.lex.relation_words, start) ||
                              verb_before_name(start) || s.is_credential(start)))
        ++start;
      // "MRI and Bayside Physical Therapy": clinical words before a connector are not the name.
      for (size_t c = start; c < head; ++c) {
        if (s.at(c).capital || !s.in(s.lex.name_connectors, c)) continue;
        bool plain = true;
        for (size_t k = start; k < c && plain; ++k)
          plain = s.views[k].clinical || s.in(s.lex.function_words, k);
        if (plain) start = c + 1;
      }
      size_t end = head;
      // Legal suffixes and a store number after the head: "..., LLC", "PHARMACY #0412".
      while (end + 1 <= j && (legal(end + 1) || s.in(s.lex.organization_heads, end + 1))) ++end;
      if (end + 1 < s.size() && s.at(end + 1).digit && trim(s.gap_after(end)) == "#") ++end;
      bool proper = false;
      size_t words = 0;
      for (size_t k = start; k <= head; ++k) {
        if (!s.at(k).alpha) continue;
        ++words;
        if (!s.lex.is_clinical(s.at(k).lower) && !s.in(s.lex.name_connectors, k) && !s.in(s.lex.function_words, k) &&
            !s.in(s.lex.organization_heads, k) && !s.in(s.lex.safe_proper, k) && !s.is_credential(k))
          proper = true;
      }
      // "Senior Claims Examiner": a job title, not an organisation.
      const bool title = head + 1 < s.size() && s.in(s.lex.role_words, head + 1) && !newline_after(head);
      // "DEFINITIVE DRUG TESTING", "Drug Screen": the heading goes on with a clinical word.
      if (end + 1 < s.size() && is_space_gap(s.gap_after(end)) && s.at(end + 1).alpha &&
          s.at(end + 1).all_caps == s.at(end).all_caps && s.at(end + 1).capital && s.views[end + 1].clinical &&
          !s.in(s.lex.organization_heads, end + 1) && !legal(end + 1))
        proper = false;
      // "ACOEM Workplace Mental Health": a guideline's chapter, cited as it is.
      for (size_t k = start; k <= head && proper; ++k)
        if (s.at(k).all_caps && s.in(s.lex.guideline_sources, k)) proper = false;
      if (proper && !title && words >= 2 && start <= head) {
        for (size_t k = start; k <= end; ++k) s.marks[k] = Mark::kOrganization;
        found.emplace_back(s.text.substr(s.at(start).start, s.at(head).end - s.at(start).start));
      }
    }
    i = j + 1;
  }
}

// --- places ---

void places(Screen& s, const std::vector<std::string>& extra) {
  // Multi-word places from the list and from the case's addresses, where written capitalised.
  // A place's words (lower case) starting at token i, written capitalised.
  auto match_at = [&](size_t i, const std::vector<std::string>& ws) {
    if (i + ws.size() > s.size()) return;
    for (size_t k = 0; k < ws.size(); ++k) {
      const auto& t = s.at(i + k);
      if (!t.capital || t.lower != ws[k] || (k > 0 && !s.name_gap(i + k - 1, false)) || s.shielded(i + k)) return;
    }
    for (size_t k = 0; k < ws.size(); ++k)
      if (s.marks[i + k] != Mark::kOrganization) s.marks[i + k] = Mark::kCity;
  };
  std::vector<std::vector<std::string>> extra_words;
  for (const auto& p : extra) {
    std::vector<std::string> ws;
    for (const auto& w : split(to_lower(collapse_whitespace(p)), ' '))
      if (!w.empty()) ws.push_back(w);
    if (ws.size() >= 2) extra_words.push_back(std::move(ws));
  }
  const auto& by_first = s.lex.compiled->places_by_first_word;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!s.at(i).capital) continue;
    if (auto it = by_first.find(s.at(i).lower); it != by_first.end())
      for (const auto& ws : it->second) match_at(i, ws);
    for (const auto& ws : extra_words)
      if (ws.front() == s.at(i).lower) match_at(i, ws);
  }
  // A listed place that is also a word ("Orange", "Paradise"): after "in"/"from"/... or
  // before ", CA".
  for (size_t i = 0; i < s.size(); ++i) {
    const auto& t = s.at(i);
    if (!t.capital || !s.lex.place_words.count(t.lower) || s.marks[i] != Mark::kNone || s.shielded(i)) continue;
    const string_view gp = s.gap_before(i);
    const bool after_prep = i > 0 && !s.at(i - 1).capital && s.in(s.lex.place_prepositions, i - 1) &&
                            (is_space_gap(gp) || (trim(gp).empty() && std::count(gp.begin(), gp.end(), '\n') == 1 && gp.size() <= 3));
    const string_view a = s.gap_after(i);
    const bool before_state = i + 1 < s.size() && (trim(a) == "," || is_space_gap(a)) &&
                              (s.at(i + 1).text == "CA" || s.at(i + 1).lower == "california");
    // A place that is also a drug or service of the project's tables ("switched to Norco") only
    // before ", CA".
    if (before_state || (after_prep && !s.in(s.lex.product_words, i))) s.marks[i] = Mark::kCity;
  }
}

// --- growing names over their neighbours ---

void extend_names(Screen& s) {
  for (size_t pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < s.size(); ++i) {
      if (s.marks[i] != Mark::kName) continue;
      // Over a nickname in quotes to the given name: 'Hector "Tito" Villalpando'.
      if (i >= 2 && s.marks[i - 2] == Mark::kNone) {
        const string_view open = s.gap_before(i - 1), close = s.gap_before(i);
        const bool quoted = (open == " \"" || open == " “") && (close == "\" " || close == "” ");
        if (quoted && s.at(i - 1).capital && s.at(i - 1).alpha && s.nameish(i - 2) && s.at(i - 2).capital) {
          s.mark(i - 1, Mark::kName);
          s.mark(i - 2, Mark::kName);
        }
      }
      // Right: "Oluwaseun Bright, DO", "Hoa Le".
      size_t j = i;
      // A possessive ends the name: "Mr. Tran's DOB".
      while (j + 1 < s.size() && s.name_gap(j, false) && s.at(j).core_end == s.at(j).end) {
        const size_t n = j + 1;
        if (s.marks[n] != Mark::kNone) break;
        if (s.is_initial(n)) {
          s.mark(n, Mark::kName);
        } else if (s.particle(n) && n + 1 < s.size() && s.name_gap(n, false) && s.nameish(n + 1)) {
          s.mark(n, Mark::kName);
        } else if (s.eponym_surname(n)) {
          s.mark(n, Mark::kName);
        } else if (s.nameish(n)) {
          const bool known = !s.views[n].safe || s.views[n].proper ||
                             (s.at(n).all_caps && s.lex.is_proper(s.at(n).lower) && !s.lex.is_clinical(s.at(n).lower));
          const string_view after = n + 1 < s.size() ? s.gap_after(n) : string_view();
          const bool phrase_end = n + 1 >= s.size() || !is_space_gap(after) ||
                                  (n + 1 < s.size() && s.is_credential(n + 1));
          if (!(known || phrase_end)) break;
          s.mark(n, Mark::kName);
        } else {
          break;
        }
        j = n;
      }
      // Left: "Grace Yoon", "Don Albright", "de la Cruz".
      size_t k = i;
      while (k > 0 && s.name_gap(k - 1, false)) {
        const size_t p = k - 1;
        if (s.marks[p] != Mark::kNone) break;
        if (s.is_initial(p) || (s.particle(p) && s.at(p).capital)) {
          s.mark(p, Mark::kName);
        } else if (s.particle(p) && p > 0 && s.name_gap(p - 1, false) && s.marks[p - 1] == Mark::kNone &&
                   s.nameish(p - 1)) {
          s.mark(p, Mark::kName);  // "Marisol de la Cruz": "de" before "la"
        } else if (s.nameish(p) && (!s.views[p].safe || s.views[p].proper ||
                                    (s.views[p].proper_too && !s.views[p].clinical))) {
          // A given name that is also a word, before a surname: "Gus Strayhorn", "Rich Kowalski".
          s.mark(p, Mark::kName);
        } else {
          break;
        }
        k = p;
      }
    }
  }
}

}  // namespace

void screen_words(string_view text, const std::vector<Token>& toks, const RedactionLexicon& lex,
                  const std::vector<Span>& protect, Findings& out) {
  Screen s(text, toks, lex, protect);
  std::vector<std::string> orgs;
  organizations(s, orgs);
  labelled_organizations(s, orgs);
  honorific_names(s);
  credential_names(s);
  relation_and_role_names(s);
  labelled_names(s);
  nickname_names(s);
  surname_first_in_capitals(s);
  names_before_a_title(s);
  caption_names(s);
  signoff_names(s);
  places(s, out.places);
  unknown_words(s);
  extend_names(s);
  nickname_names(s);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.marks[i] == Mark::kNone) continue;
    const auto& t = s.at(i);
    out.spans.push_back({t.start, t.core_end, kind_of(s.marks[i])});
    if (s.marks[i] == Mark::kName && t.lower.size() >= 2 && !s.particle(i) && t.alpha) out.name_words.insert(t.lower);
  }
  for (auto& o : orgs) out.organizations.push_back(std::move(o));
}

void apply_learned(string_view text, const std::vector<Token>& toks, const RedactionLexicon& lex,
                   const std::vector<Span>& protect, Findings& out) {
  Screen s(text, toks, lex, protect);
  // Marks already made (by every layer) count as names next to a word.
  std::vector<bool> named(toks.size(), false);
  for (const auto& r : out.spans) {
    auto it = std::lower_bound(toks.begin(), toks.end(), r.start, [](const Token& t, size_t pos) { return t.end <= pos; });
    for (; it != toks.end() && it->start < r.end; ++it)
      if (r.kind == "name") named[static_cast<size_t>(it - toks.begin())] = true;
  }
  auto learned = [&](size_t i) { return out.name_words.count(toks[i].lower) > 0; };
  for (size_t i = 0; i < s.size(); ++i) {
    const auto& t = s.at(i);
    if (!t.capital || !t.alpha || t.digit || named[i] || !learned(i) || s.shielded(i)) continue;
    bool is_name = true;
    if (s.views[i].safe && !t.all_caps) {
      // A common word that is also a name here: a name unless the next word makes it a
      // clinical or title phrase ("Bone scan", "Major depressive", "Will f/u", "Hand Complaints").
      const string_view g = s.gap_after(i);
      // After a name, or after a nickname in quotes ('Gerardo "Lalo" Waddell').
      const string_view gb0 = trim(s.gap_before(i));
      const bool prev_name = i > 0 && (s.is_honorific(i - 1) || named[i - 1] || learned(i - 1)) &&
                             (is_space_gap(s.gap_before(i)) || gb0 == "." || gb0 == "," || gb0 == "\"" ||
                              gb0 == "\u201d" || gb0 == ")" || gb0 == "\")");
      // A term defined by its acronym ("Medial Branch Block (MBB)") is not a name.
      {
        static const RE2 acronym_after(R"(^[ \t]*\([A-Z]{2,6}s?\))");
        const string_view rest = text.substr(t.end, std::min<size_t>(12, text.size() - t.end));
        if (!prev_name && i > 0 && s.at(i - 1).capital && RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), acronym_after))
          is_name = false;
      }
      // A common word before a colon is a heading or label ("Heart: regular rhythm", "Cane: not
      // needed"), even where the case has a person of that name.
      if (!prev_name && trim(g).starts_with(":")) is_name = false;
      // A sentence that opens "Sharp, burning pain": the word, a comma and another describing word.
      const string_view gb = trim(s.gap_before(i));
      const bool opens = t.line_start || i == 0 || gb.ends_with(".") || gb.ends_with(":");
      if (!prev_name && opens && trim(g) == "," && i + 1 < s.size() && !s.at(i + 1).capital && s.at(i + 1).alpha &&
          !lex.in(lex.function_words, s.at(i + 1).lower) && !lex.is_finite_verb(s.at(i + 1).lower) &&
          !lex.in(lex.auxiliaries, s.at(i + 1).lower))
        is_name = false;
      if (!prev_name && i + 1 < s.size() && trim(g).empty()) {
        const size_t n = i + 1;
        const auto& nt = s.at(n);
        if (!nt.capital && nt.alpha) {
          // A possessive before a noun belongs to a person here ("Cliff's partner"); the
          // clinical eponyms with a possessive are shielded before this point.
          const bool possessive = t.core_end < t.end;
          const bool verb = lex.is_finite_verb(nt.lower) || lex.in(lex.function_words, nt.lower);
          is_name = verb || possessive;
        } else if (nt.capital && nt.alpha) {
          is_name = named[n] || learned(n) || !s.views[n].safe;
        } else if (!nt.alpha) {
          is_name = false;  // "Bone 2024"
        }
      }
      // A sentence that opens "Moody and irritable", "Temple and suboccipital tenderness": the
      // word, "and", and another describing word.
      {
        const string_view gb1 = trim(s.gap_before(i));
        const bool opens1 = t.line_start || i == 0 || gb1.ends_with(".") || gb1.ends_with(":");
        if (!prev_name && opens1 && i + 2 < s.size() && s.at(i + 1).lower == "and" && is_space_gap(g) &&
            is_space_gap(s.gap_after(i + 1)) && !s.at(i + 2).capital && s.at(i + 2).alpha &&
            !lex.in(lex.function_words, s.at(i + 2).lower) && !lex.is_finite_verb(s.at(i + 2).lower))
          is_name = false;
      }
      // A month that is also a name ("May", "June"): a month after "in"/"by"/"since".
      if (is_name && !prev_name && lex.in(lex.safe_proper, t.lower) && i > 0 && !s.at(i - 1).capital &&
          lex.in(lex.function_words, s.at(i - 1).lower))
        is_name = false;
    }
    if (is_name) out.spans.push_back({t.start, t.core_end, "name"});
  }
  // A name the person goes by, after a name any layer found: "MORTON, REYNALDO B. (Jun)",
  // 'Reynaldo "Jun" Morton'.
  for (size_t i = 1; i < s.size(); ++i) {
    const auto& t = s.at(i);
    if (!t.capital || !t.alpha || t.digit || t.all_caps || named[i] || s.shielded(i)) continue;
    const string_view b = trim(s.gap_before(i));
    const string_view a = trim(s.gap_after(i));
    const string_view bq = b.starts_with(".") ? trim(b.substr(1)) : b;
    const bool bracketed = bq == "(" && a.starts_with(")");
    const bool quoted = (bq == "\"" || bq == "“") && (a.starts_with("\"") || a.starts_with("”")) && i + 1 < s.size() && named[i + 1];
    if (!(bracketed || quoted) || !named[i - 1]) continue;
    if ((s.views[i].clinical && !s.views[i].proper_too) || lex.in(lex.safe_proper, t.lower) || lex.in(lex.product_words, t.lower) ||
        lex.in(lex.relation_words, t.lower) || lex.in(lex.role_words, t.lower))
      continue;
    out.spans.push_back({t.start, t.core_end, "name"});
  }
  // An organisation that defines its short form ("Sierra Summit Roofing (SSR)"): the short form
  // is the organisation wherever it is written in capitals.
  for (const auto& r : out.spans) {
    if (r.kind != "organization") continue;
    static const RE2 defined(R"(^\.?[ \t]*\(([A-Z][A-Z&]{1,7})\))");
    std::string acronym;
    const string_view after = text.substr(r.end, std::min<size_t>(16, text.size() - r.end));
    if (!RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), defined, &acronym)) continue;
    std::string letters;
    for (char c : acronym)
      if (c != '&') letters += c;
    // The capitalised words just before, on the same line: their last initials spell it.
    const size_t line = text.rfind('\n', r.start);
    const size_t from = std::max(line == string_view::npos ? 0 : line + 1, r.end > 80 ? r.end - 80 : 0);
    // `with_legal` keeps the legal form's initial too: "Sierra Summit Roofing Co. (SSRC)".
    std::string initials, with_legal;
    static const std::set<std::string> kLegal = {"inc", "llc", "llp", "lp", "pc", "apc", "corp", "co", "ltd"};
    for (const auto& t : tokenize(text.substr(from, r.end - from))) {
      if (t.capital && t.alpha) with_legal += t.text[0];
      if (kLegal.count(t.lower)) continue;
      if (t.capital && t.alpha) {
        // "SunHarvest" gives S and H.
        const size_t caps = static_cast<size_t>(std::count_if(t.text.begin(), t.text.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }));
        if (!t.all_caps && caps > 1) {
          for (char c : t.text)
            if (std::isupper(static_cast<unsigned char>(c))) initials += c;
        } else {
          initials += t.text[0];
        }
      } else if (t.lower != "of" && t.lower != "and" && t.text != "&") {
        initials.clear();
      }
    }
    auto ends_with_letters = [&](const std::string& ini) {
      return letters.size() >= 2 && ini.size() >= letters.size() &&
             ini.compare(ini.size() - letters.size(), letters.size(), letters) == 0;
    };
    if (ends_with_letters(initials) || ends_with_letters(with_legal)) out.acronyms.insert(acronym);
  }
  // An organisation's own short name in quotes after it: 'Crystal Clear Pool & Spa Service ("CCP
  // Pools")' — the short name is the organisation wherever it is written.
  {
    static const RE2 short_name(R"re(^[ \t]*\(["“]([A-Z][^"”()\n]{1,40})["”]\))re");
    std::vector<std::string> short_names;
    for (const auto& r : out.spans) {
      if (r.kind != "organization") continue;
      std::string name;
      const string_view after = text.substr(r.end, std::min<size_t>(48, text.size() - r.end));
      if (RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), short_name, &name)) short_names.push_back(name);
    }
    for (auto& n : short_names) out.organizations.push_back(std::move(n));
  }
  for (const auto& a : out.acronyms) {
    const RE2 r("(?:^|[^A-Za-z0-9])(" + quote_re(a) + ")(?:$|[^A-Za-z0-9])");
    for (const auto& sp : all_matches(r, text))
      if (!overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "organization"});
  }
  // An organisation's first word alone stands for it ("scheduler at Straits", "(Tollhouse,
  // ext. 4418)") where written capitalised inside a sentence: not a clinical, function, role or
  // heading word, and not the first word of a sentence, where a common word is just a word.
  std::set<std::string> first_words;
  for (const auto& o : out.organizations) {
    auto ws = tokenize(o);
    if (!ws.empty() && ws.front().lower == "the") ws.erase(ws.begin());
    if (ws.size() < 2 || !ws.front().capital || !ws.front().alpha || ws.front().lower.size() < 4) continue;
    const std::string& w = ws.front().lower;
    if (lex.is_clinical(w) || lex.in(lex.function_words, w) || lex.in(lex.safe_proper, w) || lex.in(lex.role_words, w) ||
        lex.in(lex.organization_heads, w) || lex.in(lex.organization_words, w) || lex.in(lex.directions, w) ||
        lex.in(lex.relation_words, w))
      continue;
    first_words.insert(w);
  }
  for (size_t i = 0; i < toks.size() && !first_words.empty(); ++i) {
    const auto& t = toks[i];
    if (!t.capital || t.all_caps || !first_words.count(t.lower) || s.shielded(i) || t.line_start) continue;
    const string_view before = trim(s.gap_before(i));
    if (before.ends_with(".") || before.ends_with("!") || before.ends_with("?") || before.ends_with(":")) continue;
    out.spans.push_back({t.start, t.core_end, "organization"});
  }
  // Organisations everyone names alone: "Kaiser member", "(Quest, 09/30/2026)", "the YMCA",
  // "California Highway\nPatrol". (Not added to the organisations found, whose first words
  // count alone: "State Fund" must not make every "State" an organisation.)
  for (const auto& o : lex.known_organizations) {
    if (o.find(' ') != std::string::npos) {
      std::string re = "(?:^|[^A-Za-z0-9])(";
      for (const auto& w : split(o, ' '))
        if (!w.empty()) re += (re.back() == '(' ? "" : R"(\s+)") + quote_re(w);
      const RE2 phrase(re + ")(?:$|[^A-Za-z0-9])");
      for (const auto& sp : all_matches(phrase, text))
        if (!overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "organization"});
      continue;
    }
    for (size_t i = 0; i < toks.size(); ++i) {
      const auto& t = toks[i];
      if (text.substr(t.start, t.core_end - t.start) != o || s.shielded(i)) continue;
      const string_view before = trim(s.gap_before(i));
      const bool opens = t.line_start || i == 0 || before.ends_with(".") || before.ends_with("!") || before.ends_with("?");
      if (opens && !t.all_caps && lex.common.count(t.lower)) continue;
      out.spans.push_back({t.start, t.core_end, "organization"});
    }
  }
  // Organisations and places found anywhere, wherever they recur (capitalised).
  auto phrase_re = [&](const std::string& phrase) {
    std::string re;
    for (const auto& w : split(collapse_whitespace(phrase), ' ')) {
      if (w.empty()) continue;
      re += (re.empty() ? "" : R"([\s,]+)") + (w == "&" || iequals(w, "and") ? std::string("(?:&|and)") : quote_re(w));
    }
    return re;
  };
  std::vector<std::string> org_alts;
  for (const auto& o : out.organizations) {
    const auto toks_o = tokenize(o);
    if (toks_o.size() < 2) continue;
    org_alts.push_back(phrase_re(o));
  }
  if (!org_alts.empty()) {
    std::sort(org_alts.begin(), org_alts.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    org_alts.erase(std::unique(org_alts.begin(), org_alts.end()), org_alts.end());
    std::string re = "(?i)" + std::string(kLeftEdge) + "(";
    for (size_t k = 0; k < org_alts.size(); ++k) re += (k ? "|" : "") + org_alts[k];
    re += std::string(")") + kRightEdge;
    const RE2 r(re);
    for (const auto& sp : all_matches(r, text)) {
      const auto c = static_cast<unsigned char>(text[sp.start]);
      if ((c >= 'A' && c <= 'Z') || c >= 0x80) out.spans.push_back({sp.start, sp.end, "organization"});
    }
  }
  for (const auto& p : out.places) {
    if (p.size() < 3) continue;
    const RE2 r(std::string(kLeftEdge) + "(" + phrase_re(p) + ")" + kRightEdge);
    for (const auto& sp : all_matches(r, text))
      if (!overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "city"});
    const RE2 caps(std::string(kLeftEdge) + "(" + phrase_re(to_upper_ascii(p)) + ")" + kRightEdge);
    for (const auto& sp : all_matches(caps, text))
      if (!overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "city"});
  }
}

}  // namespace imr::redaction
