// Layer 2 of redaction: identifiers by their format — e-mail, phones, SSNs, dates of birth,
// claim and record numbers, street addresses and "City, CA ZIP" — and the clinical spans no
// layer may touch (see redact.h).
#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "core/date.h"
#include "service/redact_internal.h"

namespace imr::redaction {
namespace {

using std::string_view;

// Any date layout, for dates after a birth label: 02/09/1968, 08.14.1985, 1976/07/08,
// Feb 9, 1968, 19 Aug 1973, 24-Dec-1970, January 4th, 1983.
constexpr const char* kMonthName =
    R"((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)";

std::string any_date() {
  const std::string mon = kMonthName;
  return R"((?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2} ?/ ?\d{1,2} ?/ ?\d{2,4}|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}|)" + mon +
         R"(\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+)" + mon + R"(,?\s+\d{4}|\d{1,2}[\- ])" +
         mon + R"([\- ]\d{2,4}|)" + mon + R"(\s+\d{1,2}(?:st|nd|rd|th)?,?\s+['’]\d{2}|\d{1,2}[/.\-]\d{1,2}[/.\-]['’]\d{2}|)" +
         R"((?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+(?:day\s+)?of\s+)" + mon + R"(,?\s+\d{4}))";
}

// A label list as one alternation: spaces match any spacing, dots are optional.
std::string label_alternation(const std::vector<std::string>& labels) {
  std::vector<std::string> sorted = labels;
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string out;
  for (const auto& l : sorted) {
    std::string p;
    for (char c : l) {
      if (c == ' ') p += R"([ \t]+)";
      else if (c == '.') p += R"(\.?)";
      else p += quote_re(std::string_view(&c, 1));
    }
    if (std::isalnum(static_cast<unsigned char>(l.back()))) p += R"(\b)";
    out += (out.empty() ? "" : "|") + p;
  }
  return out;
}

size_t count_digits(string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

// A date by shape and by value: month 1-12 and day 1-31 in either order, or a year first; a
// four-digit year in 1900-2099. ("00-58-1173" has the shape and is a record number.)
bool looks_like_date(string_view s) {
  static const RE2 three(R"((\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4}))");
  static const RE2 month_year(R"((\d{1,2})/((?:19|20)\d\d))");
  const re2::StringPiece p(s.data(), s.size());
  int a = 0, b = 0, c = 0;
  std::string as, cs;
  auto year_ok = [](const std::string& y) {
    if (y.size() == 2) return true;
    if (y.size() != 4) return false;
    const int v = std::stoi(y);
    return v >= 1900 && v <= 2099;
  };
  if (RE2::FullMatch(p, month_year, &a, &b)) return a >= 1 && a <= 12;
  if (!RE2::FullMatch(p, three, &as, &b, &cs)) return false;
  a = std::stoi(as);
  c = std::stoi(cs);
  if (as.size() == 4) return year_ok(as) && b >= 1 && b <= 12 && c >= 1 && c <= 31 && cs.size() <= 2;
  if (as.size() > 2 || !year_ok(cs)) return false;
  return (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (a >= 1 && a <= 31 && b >= 1 && b <= 12);
}

// ICD-10 codes ("M54.16", "S83.241A"), spinal levels ("L4-S1", "C5-6") and scores ("GAD-7")
// are clinical, not record numbers.
bool clinical_code(string_view s) {
  static const RE2 icd(R"([A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?)");
  static const RE2 level(R"([CTLS]\d{1,2}(?:-[CTLS]?\d{1,2})?)");
  const re2::StringPiece p(s.data(), s.size());
  return RE2::FullMatch(p, icd) || RE2::FullMatch(p, level);
}

// A record number by its shape: "SND-77104", "4A2309K7714", "118-20457", "6620184",
// "CPR/WC/23/004816". Five-digit numbers alone stay (ZIP codes and CPT codes are found by
// their context), as do doses ("10/325"), dates, codes and measurements.
bool id_shape(const Token& t) {
  const string_view s = t.text;
  const size_t digits = count_digits(s);
  if (digits < 4 || clinical_code(s) || looks_like_date(s)) return false;
  // Phones are found as phones; year and date ranges ("2020-2024", "08/15/2026-09/14/2026")
  // are dates.
  static const RE2 phone_shape(R"(\d{3}[-.]\d{3}[-.]\d{4})");
  if (RE2::FullMatch(re2::StringPiece(s.data(), s.size()), phone_shape)) return false;
  // A blood pressure or its range is a vital sign: "138/84", "138-152/84-92".
  static const RE2 blood_pressure(R"(\d{2,3}(?:-\d{2,3})?/\d{2,3}(?:-\d{2,3})?)");
  if (RE2::FullMatch(re2::StringPiece(s.data(), s.size()), blood_pressure)) return false;
  if (s.find('-') != string_view::npos) {
    static const RE2 year(R"((?:19|20)\d\d)");
    bool all_dates = true;
    // "10/12-10/13/2026": a day and month without its year before the full date.
    static const RE2 month_day(R"((?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))");
    for (const auto& piece : split(s, '-'))
      all_dates &= RE2::FullMatch(piece, year) || looks_like_date(piece) || RE2::FullMatch(piece, month_day);
    if (all_dates) return false;
  }
  size_t run = 0, max_run = 0;
  for (char c : s) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    max_run = std::max(max_run, run);
  }
  if (max_run < 3) return false;  // "BL11-BL15", "T12-L1"
  const bool letters = t.alpha;
  const bool slash = s.find('/') != string_view::npos;
  if (slash && !letters) {
    // "10/325" is a dose; "2024/08813" is not.
    for (const auto& piece : split(s, '/'))
      if (piece.size() >= 5) return true;
    return false;
  }
  static const RE2 prefixed(R"([A-Z]{2,}[A-Z0-9]*(?:[-/][A-Z0-9]+)+)");
  if (letters) {
    // A measurement or dose glued to its unit ("1500mg", "32.4C") is not an id.
    static const RE2 unit(R"(\d+(?:[.\-/]\d+)*(?i:mg|mcg|ml|mm|cm|ms|kg|lb|lbs|mv|uv|hz|c|f|x|units?|hrs?|min|wks?|mos?|yrs?|yo|s|th|st|nd|rd))");
    if (RE2::FullMatch(re2::StringPiece(s.data(), s.size()), unit)) return false;
    if (digits >= 5) return true;
    return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), prefixed);
  }
  const bool separated = s.find_first_of("-.") != string_view::npos;
  if (separated && s.find('-') == string_view::npos) return false;  // "1234.5" is a number
  return digits >= 7;
}

void add_spans(const RE2& re, string_view text, const char* kind, const std::vector<Span>& protect,
               Findings& out) {
  for (const auto& sp : all_matches(re, text))
    if (!overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, kind});
}

// The number in `re`'s second group is an id unless the word in its first group is clinical:
// "coach #4471", "Oxendine, #388", but not "mg #1000".
void add_numbers_after_a_word(const RE2& re, string_view text, const RedactionLexicon& lex,
                              const std::vector<Span>& protect, Findings& out) {
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece g[3];
  size_t pos = 0;
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, g, 3)) {
    const std::string word = to_lower(std::string(g[1].data(), g[1].size()));
    const size_t start = static_cast<size_t>(g[2].data() - text.data());
    const Span sp{start, start + g[2].size()};
    if (!lex.is_clinical(word) && !overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "id_number"});
    pos = sp.end;
  }
}

}  // namespace

std::shared_ptr<const CompiledPatterns> compile_patterns(const RedactionLexicon& lex) {
  auto c = std::make_shared<CompiledPatterns>();
  const std::string value =
      R"(((?:[A-Z]{1,6}[ \t])?#?[A-Z0-9]+(?:[-./][A-Z0-9]+)*(?:[ \t][A-Z0-9]+(?:[-./][A-Z0-9]+)*){0,3}))";
  const std::string after = R"((?:[ \t]*(?:no\.?|num\.?|number|#|id))?[ \t]*[:#.]?[ \t]*#?[ \t]*)";
  c->claim_label = std::make_unique<RE2>("(?i:\\b(?:" + label_alternation(lex.claim_labels) + ")" + after + ")" + value);
  c->id_label = std::make_unique<RE2>("(?i:\\b(?:" + label_alternation(lex.id_labels) + ")" + after + ")" + value);
  // A short number needs its marker ("Store #22", "Badge No. 41", "Locker: 7"): "the store 3
  // times a week" is not an identifier.
  c->short_id_label = std::make_unique<RE2>("(?i:\\b(?:" + label_alternation(lex.short_id_labels) + ")" +
                                            R"([ \t]*(?:#[ \t]*:?|no\.[ \t]*:?|number[ \t]*:?|:)[ \t]*#?[ \t]*)(\d{1,5}[A-Z]?)\b)");
  // Without the marker the number must not be a count: "room 614", "at dock 9", but not "the
  // store 3 times a week" or "bus 2 days".
  c->short_id_bare = std::make_unique<RE2>("(?i:\\b(?:" + label_alternation(lex.short_id_labels) + ")" +
                                           R"([ \t]+)(\d{1,4}[A-Z]?|[A-Z]{1,4}\d{1,4}[A-Z]?)\b([ \t]*(?:(?i:x|times?|days?|weeks?|wks?|months?|hours?|hrs?|minutes?|mins?|blocks?|miles?|feet|ft|lbs?|pounds?|kg|mg|mcg|ml|cc|g|units?|sessions?|visits?|percent|or|to)\b|%|-[ \t]*\w|[/.:]\d))?)");
  // An organisation label and its colon: "Employer:", "Carrier:".
  c->organization_label = std::make_unique<RE2>("(?i)" + std::string(kLeftEdge) + "(?:" +
                                                label_alternation(lex.organization_labels) + R"()[ \t]*:[ \t]*())");
  // A name label and its colon: "Patient:", "Front desk:", "cc:".
  c->name_label = std::make_unique<RE2>("(?i)" + std::string(kLeftEdge) + "(?:" + label_alternation(lex.name_labels) +
                                        R"()[ \t]*(?:#[ \t]*)?:[ \t]*())");
  {
    std::vector<std::string> names = lex.eponymous_tests;
    std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    std::string alt;
    for (const auto& n : names) alt += (alt.empty() ? "" : "|") + quote_re(n);
    const std::string one = "(?:" + alt + R"()(?:['’]s)?)";
    c->eponym_result = std::make_unique<RE2>(
        R"(\b()" + one + R"((?:(?:\s*,\s*|\s*/\s*|\s+(?i:and|&|or)\s+))" + one + R"()*)" +
        R"(\s+(?:(?i:tests?|signs?|maneuvers?|testing|click|clunk|compression|squeeze|grind|apprehension)\s+)?(?:(?i:is|was|were|are)\s+)?)" +
        R"((?:(?i:mildly|strongly|weakly|markedly|very|equivocally|slightly|faintly|clearly|now|still|again)\s+)?)" +
        R"((?:(?i:positive|negative|equivocal|pos|neg|intact|absent|present|reproduces?|reproduced|elicited)\b|\(?[+\-−]\)?)))");
    if (!c->eponym_result->ok()) throw std::logic_error("redaction: bad eponym pattern: " + c->eponym_result->error());
    // The result first: "positive Phalen's and Durkan's", "negative Spurling".
    c->result_eponym = std::make_unique<RE2>(
        R"(\b((?i:positive|negative|equivocal|pos|neg)\s+)" + one + R"((?:(?:\s*,\s*|\s*/\s*|\s+(?i:and|&|or)\s+))" + one + R"()*))");
  }
  for (const auto& place : lex.places) {
    if (place.find(' ') == std::string::npos) continue;
    std::vector<std::string> ws;
    for (const auto& w : split(to_lower(place), ' '))
      if (!w.empty()) ws.push_back(w);
    c->places_by_first_word[ws.front()].push_back(ws);
  }
  return c;
}

std::vector<Span> clinical_spans(string_view text, const RedactionLexicon& lex) {
  // Eponyms and named instruments: "Spurling's test", "Popliteal (Baker's) cyst", "Homans'
  // sign", "Fortin finger sign", "Oswestry Disability Index", "Kellgren-Lawrence grade 3",
  // "Modic type 1", "Torg-Pavlov ratio".
  static const RE2 eponym(
      R"(\b([A-Z][a-zA-Z]+(?:-[A-Z][a-zA-Z]+)?(?:['’]s|s['’]|['’])?\)?(?:\s+(?:[A-Za-z][a-z]*|[A-Z]{2,5})(?:-[A-Za-z][a-z]+)?)?\s+(?i:tests?|signs?|maneuvers?|manoeuvres?|phenomenon|reflex|syndrome|disease|procedure|fracture|contracture|neuroma|palsy|classification|criteria|rules?|scale|position|views?|exercises?|technique|cysts?|compression|release|stretch|method|protocol|questionnaire|inventory|index|score|grade|grading|stage|type|ratio|balance|angle|line|lesion|deformity|nodes?|knot|splint|brace|tape|taping|program|assessment|evaluation|screen|measure|approach|incision|osteotomy|repair|reconstruction|arthroplasty|canal|tubercle|triangle|tunnel|ligament|bursa|capsule|duct|notch|fossa|lift|class)\b))");
  // A named score: "Oswestry 40%", "Tinetti 14/28", "Berg 41/56".
  static const RE2 named_score(R"(\b([A-Z][a-zA-Z]+(?:-[A-Z][a-zA-Z]+)?\s+\d+(?:\.\d+)?(?:\s*%|/\d{1,3}|\s*(?:(?:cm|mm|deg)\b|°)))(?:$|[^/\d]))");
  // A capitalised word followed by a dose is a drug: "Norco 10/325mg", "Lidoderm 5%".
  static const RE2 drug_dose(R"(\b([A-Z][a-zA-Z-]+\s+\d+(?:[./]\d+)*\s*(?:(?i:mg|mcg|g|ml|units?)\b|%)))");
  std::vector<Span> out;
  auto add_unless_function_word = [&](const RE2& re) {
    for (const auto& s : all_matches(re, text)) {
      const string_view w = text.substr(s.start, s.size());
      size_t e = 0;
      while (e < w.size() && std::isalpha(static_cast<unsigned char>(w[e]))) ++e;
      const std::string first = to_lower(w.substr(0, e));
      if (lex.in(lex.function_words, first) || lex.in(lex.honorifics, first) || first == "dob") continue;
          // "Plumb Line Ergonomics", "Harbor View Open MRI": an organisation's name, not an eponym
      // (an organisation word among the next three capitalised words).
      bool organization = false;
      size_t k = s.end;
      for (int words = 0; words < 3 && !organization; ++words) {
        while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
        size_t e2 = k;
        while (e2 < text.size() && std::isalpha(static_cast<unsigned char>(text[e2]))) ++e2;
        if (e2 == k || !std::isupper(static_cast<unsigned char>(text[k]))) break;
        organization = lex.in(lex.organization_heads, to_lower(text.substr(k, e2 - k)));
        k = e2;
      }
      if (organization) continue;
      // "Maria Brace, RN": a person with a credential, not a device.
      {
        size_t c = s.end;
        while (c < text.size() && (text[c] == ' ' || text[c] == '\t')) ++c;
        if (c < text.size() && text[c] == ',') {
          ++c;
          while (c < text.size() && (text[c] == ' ' || text[c] == '\t')) ++c;
          size_t e3 = c;
          while (e3 < text.size() && (std::isalpha(static_cast<unsigned char>(text[e3])) || text[e3] == '-' || text[e3] == '.' || text[e3] == '/')) ++e3;
          std::string cred = to_lower(text.substr(c, e3 - c));
          while (!cred.empty() && cred.back() == '.' && !lex.in(lex.credentials, cred)) cred.pop_back();
          if (e3 > c && lex.in(lex.credentials, cred)) continue;
        }
      }
      out.push_back(s);
    }
  };
  add_unless_function_word(eponym);
  // The eponym in brackets after the test it names: "Scaphoid shift test (Watson)".
  static const RE2 bracketed_eponym(R"(\b(?i:tests?|signs?|maneuvers?|manoeuvres?|reflex)\s*\(([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\))");
  for (const auto& sp : all_matches(bracketed_eponym, text)) out.push_back(sp);
  // An eponym in brackets after a clinical word: "Type III acromion (Bigliani)".
  {
    static const RE2 after_clinical(R"(\b([a-z]{4,})[ \t]*\(([A-Z][a-z]+)\))");
    const re2::StringPiece input(text.data(), text.size());
    re2::StringPiece g[3];
    size_t pos = 0;
    while (pos < text.size() && after_clinical.Match(input, pos, text.size(), RE2::UNANCHORED, g, 3)) {
      const size_t start = static_cast<size_t>(g[2].data() - text.data());
      // The word before is clinical, or one of English's rare words ("acromion"), not an
      // everyday word ("his truck (Tony)").
      const std::string before(g[1].data(), g[1].size());
      if ((lex.is_clinical(before) && !lex.common.count(before)) || lex.rare.count(before))
        out.push_back({start, start + g[2].size()});
      pos = start + g[2].size();
    }
  }
  // A named test with its result ("Neer and Hawkins-Kennedy positive"), not after an honorific
  // ("Mr. Hawkins ...").
  for (const RE2* re : {lex.compiled->eponym_result.get(), lex.compiled->result_eponym.get()}) {
    for (const auto& sp : all_matches(*re, text)) {
      const auto before = tokenize(text.substr(sp.start > 12 ? sp.start - 12 : 0, sp.start > 12 ? 12 : sp.start));
      if (!before.empty() && lex.in(lex.honorifics, before.back().lower)) continue;
      out.push_back(sp);
    }
  }
  // Clinical phrases whose words may also be names ("Hua Tuo Jiaji", "Brown-Séquard").
  for (const auto& phrase : lex.clinical_phrases)
    for (size_t at = text.find(phrase); at != string_view::npos; at = text.find(phrase, at + phrase.size())) {
      const bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
      const size_t e = at + phrase.size();
      const bool right = e >= text.size() || !std::isalnum(static_cast<unsigned char>(text[e]));
      if (left && right) out.push_back({at, e});
    }
  // A named score's slash form is a part of a whole ("Tinetti 14/28"), never more than it:
  // "Call 909/555-0161" is a phone.
  {
    std::vector<Span> scores;
    for (const auto& sp : all_matches(named_score, text)) {
      const string_view m = text.substr(sp.start, sp.size());
      const size_t slash = m.find('/');
      if (slash != string_view::npos) {
        size_t a = slash;
        while (a > 0 && std::isdigit(static_cast<unsigned char>(m[a - 1]))) --a;
        size_t b = slash + 1;
        while (b < m.size() && std::isdigit(static_cast<unsigned char>(m[b]))) ++b;
        if (a < slash && b > slash + 1 && std::stoi(std::string(m.substr(a, slash - a))) > std::stoi(std::string(m.substr(slash + 1, b - slash - 1))))
          continue;
      }
      scores.push_back(sp);
    }
    for (const auto& sp : scores) {
      const string_view w = text.substr(sp.start, sp.size());
      size_t e = 0;
      while (e < w.size() && std::isalpha(static_cast<unsigned char>(w[e]))) ++e;
      const std::string first = to_lower(w.substr(0, e));
      if (!lex.in(lex.function_words, first) && !lex.in(lex.honorifics, first) && first != "dob") out.push_back(sp);
    }
  }
  add_unless_function_word(drug_dose);
  return out;
}

void find_formats(string_view text, const RedactionLexicon& lex, const std::vector<Span>& protect, Findings& out) {
  static const RE2 email(R"(([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}))");
  add_spans(email, text, "email", protect, out);

  static const RE2 ssn(R"((?:^|[^0-9-])((?:\d{3}|[xX*#]{3})-(?:\d{2}|[xX*#]{2})-\d{4})(?:$|[^0-9-]))");
  static const RE2 ssn_label(
      R"((?i:\b(?:ssn|ss#|soc\.?\s+sec\.?|social\s+security(?:\s+(?:no\.?|number|#))?))\s*[:#]?\s*((?:\d{3}|[xX*]{3})[\s.-]?(?:\d{2}|[xX*]{2})[\s.-]?\d{4}))");
  add_spans(ssn, text, "ssn", protect, out);
  add_spans(ssn_label, text, "ssn", protect, out);

  static const RE2 phone(
      R"((?:^|[^0-9])((?:\+?1[\s.-]?)?(?:\(\d{3}\)\s*|\d{3}[\s./-])\d{3}[\s.-]\d{4}(?:,?\s*(?i:x|ext\.?|extension)\s*\d{1,5})?)(?:$|[^0-9]))");
  static const RE2 phone_label(
      R"((?i:\b(?:phone|telephone|tel|fax|cell|mobile|ph|pager)\.?(?:\s+(?:no\.?|number|#))?)\s*[:#]?\s*(\d{10})\b)");
  add_spans(phone, text, "phone", protect, out);
  // Toll-free numbers spelled with letters: "1-800-HELP-NOW", "(877) 555-CARE".
  static const RE2 vanity(R"((?:^|[^0-9A-Za-z])((?:1[\s.-]?)?\(?8(?:00|88|77|66|55|44|33)\)?[\s.-]?[A-Z0-9]{2,4}(?:[\s.-]?[A-Z0-9]{2,5}){1,2})(?:$|[^0-9A-Za-z]))");
  for (const auto& sp : all_matches(vanity, text)) {
    const string_view m = text.substr(sp.start, sp.size());
    const size_t after_area = m.find("8") + 3;
    const auto alnum = std::count_if(m.begin() + static_cast<std::ptrdiff_t>(std::min(after_area, m.size())), m.end(),
                                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    if ((alnum == 7 || alnum == 8) && std::any_of(m.begin(), m.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) &&
        !overlaps(sp, protect))
      out.spans.push_back({sp.start, sp.end, "phone"});
  }
  add_spans(phone_label, text, "phone", protect, out);

  static const RE2 dob_label(
      "(?i:\\b(?:DOB|D\\.O\\.B\\.?|date\\s+of\\s+birth|birth\\s*date|birthdate|born(?:\\s+on)?|b\\.)(?:\\b|[:.]))"
      "[ \\t]*[:.\\-]?[ \\t]*(" + any_date() + ")");
  if (!dob_label.ok()) throw std::logic_error("redaction: bad date-of-birth pattern: " + dob_label.error());
  add_spans(dob_label, text, "date_of_birth", protect, out);

  // Numbers after a claim or record label: "Claim: FRE 24-3318", "MRN: VOR-00311876",
  // "Acct # SND-77104", "Lic. PT 41187", "Rx# 6620184".
  const RE2& claim_label = *lex.compiled->claim_label;
  const RE2& id_label = *lex.compiled->id_label;
  for (const auto* re : {&claim_label, &id_label}) {
    // Every start: a label that matches and is rejected ("PT" read as "Pt" before "License
    // 298114") must not hide the label right after it.
    for (Span sp : all_matches(*re, text, /*overlapping=*/true)) {
      // Keep the space-separated groups only while they carry digits.
      const string_view s = text.substr(sp.start, sp.size());
      size_t end = 0, digits = 0, k = 0;
      while (k < s.size()) {
        size_t j = s.find_first_of(" \t", k);
        if (j == string_view::npos) j = s.size();
        const size_t d = count_digits(s.substr(k, j - k));
        const bool letters_only_prefix = d == 0 && end == 0 && k == 0;
        if (d == 0 && !letters_only_prefix) break;
        digits += d;
        if (d > 0) end = j;
        k = j + 1;
      }
      if (end == 0) continue;
      // A short code of letters and digits is an id too: "lot 7XK29", "Ref: A3B9C".
      const string_view first_group = s.substr(0, std::min(end, s.find_first_of(" \t")));
      const bool mixed_code = end == first_group.size() && first_group.size() >= 5 && digits >= 2 &&
                              std::any_of(first_group.begin(), first_group.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); });
      static const RE2 sets_by_reps(R"(\d+[xX]\d+)");
      if (digits < 4 && (!mixed_code || RE2::FullMatch(re2::StringPiece(first_group.data(), first_group.size()), sets_by_reps)))
        continue;
      sp.end = sp.start + end;
      const string_view v = text.substr(sp.start, sp.size());
      // A reference range is a lab's, not an id: "(ref 4.0-5.6)".
      static const RE2 range(R"(\d{1,3}(?:\.\d+)?[ \t]*-[ \t]*\d{1,3}(?:\.\d+)?)");
      const string_view lead = text.substr(sp.start > 12 ? sp.start - 12 : 0, sp.start > 12 ? 12 : sp.start);
      const bool reference = v.find('.') != string_view::npos || to_lower(lead).find("ref") != std::string::npos ||
                             to_lower(lead).find("range") != std::string::npos;
      if (looks_like_date(v) || parse_date(v) || clinical_code(v) ||
          (reference && RE2::FullMatch(re2::StringPiece(v.data(), v.size()), range)))
        continue;
      // "on file. CURES 10/21/2026": a date after a word is still a date.
      bool dated = false;
      for (const auto& group : split(v, ' ')) dated |= looks_like_date(group);
      if (dated) continue;
      if (overlaps(sp, protect)) continue;
      out.spans.push_back({sp.start, sp.end, re == &claim_label ? "claim_number" : "id_number"});
    }
  }
  // A store, badge or locker number is short: "Store #22", "Badge 417".
  add_spans(*lex.compiled->short_id_label, text, "id_number", protect, out);
  {
    const RE2& bare = *lex.compiled->short_id_bare;
    const re2::StringPiece input(text.data(), text.size());
    re2::StringPiece g[3];
    size_t pos = 0;
    while (pos < text.size() && bare.Match(input, pos, text.size(), RE2::UNANCHORED, g, 3)) {
      const size_t start = static_cast<size_t>(g[1].data() - text.data());
      const Span sp{start, start + g[1].size()};
      // A letter code must not be a spinal level or a diagnosis code ("zone L5").
      const bool clinical = std::isalpha(static_cast<unsigned char>(text[start])) && clinical_code(text.substr(start, g[1].size()));
      if (g[2].empty() && !clinical && !overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "id_number"});
      pos = std::max(pos + 1, static_cast<size_t>(g[0].data() - text.data()) + g[0].size());
    }
  }
  // An extension on its own ("ext. 3307") and a long number after "#" ("#301188"; counts of
  // tablets, "#120", are shorter).
  // Three digits at least and no degree sign: "ext 20" in an examination is the motion.
  static const RE2 extension(R"(\b((?i:ext\.?|extension[ \t]*(?:#|no\.?|number))[ \t]*#?[ \t]*\d{3,6})(?:$|[^\d°\w.]|\.(?:\s|$)))");
  add_spans(extension, text, "phone", protect, out);
  static const RE2 hash_number(R"((?:^|[^\w#])#[ \t]?(\d{5,})\b)");
  add_spans(hash_number, text, "id_number", protect, out);
  // Four digits after "#" identify a vehicle, badge or unit ("coach #4471", "Sgt. Carranza #7706")
  // unless a dose comes before (a quantity: "300 mg #1000").
  static const RE2 hash_four(R"(([A-Za-z][A-Za-z.]*)[ \t]+\(?#[ \t]?(\d{4})\b)");
  add_numbers_after_a_word(hash_four, text, lex, protect, out);
  // "No." with a long number is a number of record: "Court Certified Interpreter No. 300912".
  static const RE2 numbered(R"(\b(?i:No|Nbr|Num)\.[ \t]*:?[ \t]*#?[ \t]*([A-Z0-9]*\d[A-Z0-9-]{3,}|\d{4,}))");
  add_spans(numbered, text, "id_number", protect, out);
  // A credential with its licence number: "RPh 71946", "RN 559012", "LCSW #88123".
  static const RE2 credential_number(
      R"(\b(?:RPh|RN|LVN|LPN|PT|DPT|DC|MD|DO|PA-C|NP|FNP|LCSW|LMFT|MFT|PsyD|PhD|OTR/L|OTR|OT|L\.?Ac\.?|PharmD|CNA|CMA|EMT|CPhT)[ \t]*(?:Lic\.?[ \t]*)?#?[ \t]*(\d{4,8})\b)");
  for (const auto& sp : all_matches(credential_number, text)) {
    const string_view v = text.substr(sp.start, sp.size());
    const bool year = v.size() == 4 && (v.starts_with("19") || v.starts_with("20"));
    if (!year && !overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "id_number"});
  }
  // California licence plates (a digit, three letters, three digits): "plate 9KJT204".
  static const RE2 ca_plate(R"(\b(\d[A-Z]{3}\d{3})\b)");
  add_spans(ca_plate, text, "id_number", protect, out);
  // A union local: "Roofers Local 81", "IBEW Local 11", "ironworker, Local 918".
  static const RE2 union_local(R"(\b((?:[A-Z][\w'’-]*[ \t]+){0,4}Local[ \t]+#?\d{1,4})\b)");
  // A four-digit number in brackets with its "#": a badge or unit ("Deputy Arredondo (#3902)").
  static const RE2 bracketed_hash(R"(\(#[ \t]?(\d{4})\))");
  add_spans(bracketed_hash, text, "id_number", protect, out);
  // The last digits of a number in words: "VIN ending 55291", "card ending in 4417".
  static const RE2 id_ending(
      R"((?i:\b(?:vin|acct|account|card|policy|member|serial|s/n|plate|license|licence)\b[^.\n]{0,30}?\bend(?:s|ing)?(?:[ \t]+in)?)[ \t]+(\d{4,6})\b)");
  add_spans(id_ending, text, "id_number", protect, out);
  // Police and fire departments by their initials: "SJPD", "SFPD", "LBFD" (not "COPD").
  static const RE2 department(R"(\b([A-Z]{2,3}(?:PD|FD))\b)");
  for (const auto& sp : all_matches(department, text))
    if (text.substr(sp.start, sp.size()) != "COPD" && !overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "organization"});
  // The last four of an SSN after "last 4": "SSN (last 4): 4407".
  static const RE2 ssn_last4(R"((?i:\b(?:ssn|ss#|social[ \t]+security)\b[^.\n]{0,6}?last[ \t]*(?:4|four)\)?)[ \t]*[:#]?[ \t]*(\d{4})\b)");
  add_spans(ssn_last4, text, "ssn", protect, out);
  // A tag or code after "#" with letters: "hang tag (#A-2291)"; a gate code before "#": "4417#".
  static const RE2 hash_code(R"(#[ \t]?([A-Z]{1,3}-?\d{3,6})\b)");
  add_spans(hash_code, text, "id_number", protect, out);
  static const RE2 gate_code(R"((?:^|[ \t])(\d{3,6})#(?:$|[^\w]))");
  add_spans(gate_code, text, "id_number", protect, out);
  // "Last 4 of SSN: 4417".
  static const RE2 last4_of_ssn(R"((?i:\blast[ \t]*(?:4|four)[ \t]*(?:of[ \t]*)?(?:the[ \t]*)?(?:ssn|ss#|social[ \t]+security(?:[ \t]+number)?))[^\d\n]{0,6}(\d{4})\b)");
  add_spans(last4_of_ssn, text, "ssn", protect, out);
  // Any short capitals label with "#": "SFRC #: 60-2214", "WO# 77120".
  static const RE2 caps_hash(R"(\b[A-Z]{2,6}[ \t]*#[ \t]*:?[ \t]*([A-Z0-9]*\d[A-Z0-9]*(?:-[A-Z0-9]+)*))");
  for (const auto& sp : all_matches(caps_hash, text)) {
    const string_view v = text.substr(sp.start, sp.size());
    if (count_digits(v) >= 3 && !clinical_code(v) && !looks_like_date(v) && !overlaps(sp, protect))
      out.spans.push_back({sp.start, sp.end, "id_number"});
  }
  // A badge after a name: "Deputy Oxendine, #388, arrived".
  static const RE2 name_badge(R"(([A-Z][a-z]+),[ \t]*#[ \t]?(\d{3,4})\b)");
  add_numbers_after_a_word(name_badge, text, lex, protect, out);
  // A street named after a word of going or being on it: "driving on Marina Vista", "off Mission Way".
  static const RE2 street_after(
      R"(\b(?:on|off|along|down|up|onto|via|across|near)[ \t]+((?:[A-Z][a-z'’-]+[ \t]+){1,2}(?:Vista|Way|Drive|Lane|Court|Circle|Terrace|Trail|Parkway|Boulevard|Avenue|Street|Road|Highway|Expressway|Grade|Loop|Row)\b))");
  for (const auto& sp : all_matches(street_after, text)) {
    const auto toks = tokenize(text.substr(sp.start, sp.size()));
    bool ok = true;
    for (size_t i = 0; i + 1 < toks.size() && ok; ++i)
      ok = !(lex.is_clinical(toks[i].lower) && !lex.common.count(toks[i].lower)) && !lex.in(lex.function_words, toks[i].lower);
    if (ok && !overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "address"});
  }
  // A town and a state written out: "Window Rock, Arizona", "Elko, Nevada".
  static const RE2 city_and_state(
      R"(((?:[A-Z][A-Za-z.'’-]+[ \t]+){0,2}[A-Z][A-Za-z.'’-]+),[ \t]*(?:Alabama|Alaska|Arizona|Arkansas|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New[ \t]+Hampshire|New[ \t]+Jersey|New[ \t]+Mexico|New[ \t]+York|North[ \t]+Carolina|North[ \t]+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode[ \t]+Island|South[ \t]+Carolina|South[ \t]+Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West[ \t]+Virginia|Wisconsin|Wyoming|Mexico|Jalisco|Michoac[aá]n|Oaxaca|Sonora|Sinaloa|Guanajuato|Zacatecas|Samoa|Tonga|Fiji|Philippines)\b)");
  for (const auto& sp : all_matches(city_and_state, text)) {
    const auto toks = tokenize(text.substr(sp.start, sp.size()));
    bool ok = !toks.empty();
    for (const auto& t : toks)
      ok = ok && !(lex.is_clinical(t.lower) && !lex.common.count(t.lower)) && !lex.in(lex.function_words, t.lower) &&
           !lex.in(lex.safe_proper, t.lower);
    if (ok && !overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "city"});
  }
  // A certification or licence number with a hyphen after its capitals: "SPRAT 2-48817".
  static const RE2 caps_hyphen_number(R"(\b[A-Z]{2,6}[ \t]+#?(\d{1,3}-\d{4,7})\b)");
  add_spans(caps_hyphen_number, text, "id_number", protect, out);
  // Numbered highways: "the Highway 12 plaza", "off Hwy 33", "SR 99".
  static const RE2 numbered_highway(R"(\b((?:Highway|Hwy|State[ \t]+Route|SR|Route|Interstate)[ \t]+\d{1,3}[A-Z]?)\b)");
  add_spans(numbered_highway, text, "address", protect, out);
  // County roads numbered, as farm country writes addresses: "on Road 204", "Avenue 384".
  static const RE2 numbered_road(R"(\b((?:County[ \t]+)?(?:Road|Avenue|Ave|Rd)[ \t]+\d{2,4}[A-Z]?)\b)");
  add_spans(numbered_road, text, "address", protect, out);
  // The last four of an SSN in words: "SSN on file ends 2290", "social security ending in 4417".
  static const RE2 ssn_last_four(R"((?i:\b(?:ssn|ss#|social[ \t]+security)\b[^.\n]{0,30}?\bend(?:s|ing)?(?:[ \t]+in)?)[ \t]+(\d{4})\b)");
  add_spans(ssn_last_four, text, "ssn", protect, out);
  add_spans(union_local, text, "organization", protect, out);
  // Licence and registration numbers: "PSY 31174", "#LCS 88412", "CA PHY 59981", "G 88213".
  static const RE2 licence(R"((?:^|[^A-Za-z0-9])((?:[A-Z]{1,4})[ \t]?#?[ \t]?\d{5,8})\b)");
  for (const auto& sp : all_matches(licence, text)) {
    const string_view v = text.substr(sp.start, sp.size());
    size_t e = 0;
    while (e < v.size() && std::isupper(static_cast<unsigned char>(v[e]))) ++e;
    const std::string prefix(v.substr(0, e));
    if (prefix == "CPT" || prefix == "ICD" || prefix == "NDC" || prefix == "DRG" || prefix == "HCPCS" ||
        lex.in(lex.states, to_lower(prefix)))
      continue;
    if (!overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "id_number"});
  }
  static const RE2 claim_forms(R"(\b((?:ADJ[ \t]?-?\d{6,8})|(?:CM\d{2}-\d{5,})))");
  add_spans(claim_forms, text, "claim_number", protect, out);
  for (const auto& t : tokenize(text))
    if (t.digit && id_shape(t) && !overlaps({t.start, t.end}, protect)) out.spans.push_back({t.start, t.end, "id_number"});

  // Street addresses: "4411 Fruitridge Rd", "11820 Rough and Ready Hwy", "1220 S Broadway",
  // "2814 73rd Ave, Suite A", "318 Calle Cebu"; units alone ("Apt 4B", "Space 48").
  static const RE2 street(
      R"(\b(\d{1,6}(?:-\d{1,4})?[A-Z]?[ \t]+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?(?:(?:[A-Z][A-Za-z'’-]*|\d+(?:st|nd|rd|th)|and|de|la|del|los|las)\.?\s+){0,4}(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Terrace|Ter|Trail|Trl|Square|Sq|Loop|Plaza|Plz|Alley|Row|Expressway|Expy|Freeway|Fwy|Pike|Crossing|Run|Path|Walk|Broadway|Real|Cove|Glen|Heights|Ridge|Point|Commons|Mews|Promenade|Grove|Bend|Landing|Pass|Vista)\b\.?(?:,?\s+(?i:Suite|Ste\.?|Unit|Apt\.?|Apartment|Bldg\.?|Building|Floor|Fl\.?|Room|Rm\.?|Space|Spc\.?|Lot|#)\s*#?[A-Za-z0-9-]+)?))");
  static const RE2 street_prefixed(
      R"(\b(\d{1,6}\s+(?:Calle|Camino|Avenida|Via|Paseo|Rue|Callejon)\s+(?:[A-Z][A-Za-z'’-]*\s*){1,3}))");
  static const RE2 unit(
      R"(\b((?:Suite|Ste|Unit|Apt|Apartment|Bldg|Building|Room|Rm|Space|Spc|Lot|Trailer)\.?\s*#?\s*(?:[A-Z]?\d+[A-Z]?(?:-\d+)?|[A-Z])\b))");
  static const RE2 named_street(
      R"(\b((?:[A-Z][a-z'’-]+\s+){1,2}(?:Ave|Avenue|Blvd|Boulevard|Rd|Road|Ln|Lane|Hwy|Highway|Pkwy|Parkway|Ct|Street)\b\.?))");
  std::vector<Span> streets;
  for (const auto& sp : all_matches(street, text)) {
    // "12 March Dr. Lee": "Dr." followed by a capitalised word is an honorific, not a street.
    const string_view s = text.substr(sp.start, sp.size());
    if (s.ends_with("Dr") || s.ends_with("Dr.") || s.ends_with("St") || s.ends_with("St.")) {
      size_t k = sp.end;
      while (k < text.size() && text[k] == ' ') ++k;
      if (k < text.size() && std::isupper(static_cast<unsigned char>(text[k])) && !s.ends_with("St")) continue;
    }
    streets.push_back(sp);
  }
  for (const auto& sp : all_matches(street_prefixed, text)) {
    Span t = sp;
    while (t.end > t.start && std::isspace(static_cast<unsigned char>(text[t.end - 1]))) --t.end;
    streets.push_back(t);
  }
  for (const auto& sp : all_matches(named_street, text)) {
    // The words before the suffix must not be clinical or common sentence words.
    const auto toks = tokenize(text.substr(sp.start, sp.size()));
    bool ok = toks.size() >= 2;
    for (size_t i = 0; i + 1 < toks.size() && ok; ++i) {
      const WordView v = view_word(toks[i], lex);
      // Everyday words name streets too ("Bear Mountain Boulevard"); clinical-only words do not.
      ok = !(v.clinical && !lex.common.count(toks[i].lower)) && !lex.in(lex.function_words, toks[i].lower) &&
           !lex.in(lex.safe_proper, toks[i].lower);
    }
    if (ok) streets.push_back(sp);
  }
  for (const auto& sp : streets)
    if (!overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "address"});
  add_spans(unit, text, "address", protect, out);
  // Named parks and plazas: "Sequoia Park", "Robertson Park".
  static const RE2 named_place(R"(\b((?:[A-Z][a-z'’-]+\s+){1,2}(?:Park|Plaza|Square|Gardens|Campus|Mall)\b))");
  for (const auto& sp : all_matches(named_place, text)) {
    const auto toks = tokenize(text.substr(sp.start, sp.size()));
    bool ok = toks.size() >= 2;
    for (size_t i = 0; i + 1 < toks.size() && ok; ++i)
      ok = !lex.is_clinical(toks[i].lower) && !lex.in(lex.function_words, toks[i].lower) &&
           !lex.in(lex.safe_proper, toks[i].lower) && !lex.is_finite_verb(toks[i].lower);
    if (ok && !overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "address"});
  }
  // A unit in lower case after a street: "Main Street, space 22".
  static const RE2 street_unit(
      R"(\b(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Way|Court|Ct|Boulevard|Blvd|Highway|Hwy)\.?,?[ \t]+((?:space|spc|apt|apartment|unit|suite|ste|lot|trailer)\.?[ \t]*#?[ \t]*[A-Za-z]?\d+[A-Za-z]?)\b)");
  add_spans(street_unit, text, "address", protect, out);
  // A named park or court written with a lower-case word: "the Sunset Palms park".
  static const RE2 named_park(R"(\b((?:[A-Z][a-z'’-]+[ \t]+){1,3}(?:park|mobile home park|trailer park|apartments))\b)");
  for (const auto& sp : all_matches(named_park, text)) {
    const auto toks = tokenize(text.substr(sp.start, sp.size()));
    bool ok = toks.size() >= 2;
    for (size_t i = 0; i + 1 < toks.size() && ok; ++i)
      ok = toks[i].capital && !lex.is_clinical(toks[i].lower) && !lex.in(lex.function_words, toks[i].lower) &&
           !lex.in(lex.safe_proper, toks[i].lower) && !lex.in(lex.place_prepositions, toks[i].lower);
    if (ok && !overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "address"});
  }
  static const RE2 po_box(R"((?i)\b(P\.?\s*O\.?\s*Box\s+\d+))");
  add_spans(po_box, text, "address", protect, out);
  // Rural route and highway contract boxes: "RR 2 Box 14", "HC 64 Box 3021", "Star Route 1".
  static const RE2 rural_box(
      R"(\b((?:R\.?R\.?|(?i:rural\s+route|star\s+route|highway\s+contract)|HC|H\.C\.)\s*#?\s*\d+(?:,?\s*(?i:box)\s*#?\s*\d+)?)\b)");
  for (const auto& sp : all_matches(rural_box, text)) {
    const string_view m = text.substr(sp.start, sp.size());
    // "RR 18" and "HC 64" alone are vital signs or anything; with a box, or spelled out, an address.
    const bool boxed = m.find("Box") != string_view::npos || m.find("box") != string_view::npos || m.find("BOX") != string_view::npos;
    const bool spelled = m.size() > 6 && std::isalpha(static_cast<unsigned char>(m[2])) && m.find(' ') > 2;
    if ((boxed || spelled) && !overlaps(sp, protect))
      out.spans.push_back({sp.start, sp.end, "address"});
  }
  // Cross streets: "the corner of 5th and Pine", "at the intersection of Elm St. and Main".
  static const RE2 cross_streets(
      R"((?i:\b(?:corner|intersection)\s+of)\s+((?:[A-Z0-9][\w'’.-]*\s+){0,2}[A-Z0-9][\w'’.-]*\s+(?:and|&)\s+(?:[A-Z0-9][\w'’.-]*\s+){0,2}[A-Z0-9][\w'’-]*(?:\s+(?:St|Ave|Rd|Blvd|Dr|Street|Avenue|Road|Boulevard|Drive)\b\.?)?))");
  add_spans(cross_streets, text, "address", protect, out);
  // California's professional corporations: "SIERRA VISTA SPINE & PAIN, A MEDICAL CORP.",
  // "Ruiz & Tan, a Professional Law Corporation": the name before the legal form, whatever its words.
  static const RE2 professional_corporation(
      R"(((?:[A-Z][\w'’.\-]*|&)(?:[ \t]+(?:[A-Z][\w'’.\-]*|&|of|and|de|del|la)){0,7},[ \t]+(?i:an?[ \t]+(?:(?:professional|medical|nursing|dental|chiropractic|law|psychological|optometric|podiatric|physical[ \t]+therapy|acupuncture)[ \t]+)+(?:corp\.?|corporation|group|partnership))))");
  add_spans(professional_corporation, text, "organization", protect, out);
  // Web addresses: a portal or site names its owner ("portal.sunridgeclaims.example.com").
  static const RE2 url(
      R"re((?i)\b((?:https?://|www\.)[A-Za-z0-9.-]+(?:/[^\s<>()"']*[^\s<>()"'.,;:!?])?|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|gov|edu|us|info|biz|io|health|law|care)(?:/[^\s<>()"']*[^\s<>()"'.,;:!?])?)\b)re");
  for (const auto& sp : all_matches(url, text)) {
    // Not an e-mail's domain (found as the e-mail), nor a public reference ("www.mdguidelines.com").
    if (sp.start > 0 && text[sp.start - 1] == '@') continue;
    std::string host = to_lower(text.substr(sp.start, sp.size()));
    if (const size_t scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
    host = host.substr(0, host.find('/'));
    const bool reference = std::any_of(lex.public_web_addresses.begin(), lex.public_web_addresses.end(), [&](const std::string& d) {
      return host == d || (host.size() > d.size() && host.ends_with(d) && host[host.size() - d.size() - 1] == '.');
    });
    if (reference) continue;
    if (!overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "web_address"});
  }
  static const RE2 city_state_zip(
      R"(((?:[A-Z][A-Za-z.'’-]+[ \t]+){0,3}[A-Z][A-Za-z.'’-]+,?[ \t]+(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|California|Calif\.?)\.?[ \t]+\d{5}(?:-\d{4})?)\b)");
  add_spans(city_state_zip, text, "address", protect, out);
  // "Napa, CA" without a ZIP: the city.
  static const RE2 city_state(
      R"(((?:[A-Z][A-Za-z.'’-]+[ \t]+){0,2}[A-Z][A-Za-z.'’-]+),[ \t]*(?:CA|California|Calif\.)(?:$|[^A-Za-z]))");
  for (const auto& sp : all_matches(city_state, text)) {
    const auto toks = tokenize(text.substr(sp.start, sp.size()));
    const bool safe = std::all_of(toks.begin(), toks.end(), [&](const Token& t) {
      return lex.in(lex.safe_proper, t.lower) || view_word(t, lex).clinical;
    });
    if (!safe && !overlaps(sp, protect)) out.spans.push_back({sp.start, sp.end, "city"});
  }
  // The city after a street line: "4411 Fruitridge Rd, Sacramento" / "..., Elk Grove 95758".
  static const RE2 city_after(R"(^,?[ \t]*((?:[A-Z][A-Za-z'’-]+[ \t]?){1,3})(?:$|[,\n.;)]|[ \t]+\d{5}|[ \t]+[A-Z]{2}\b))");
  static const RE2 zip_after(R"(^[ \t]+\d{5}(?:-\d{4})?\b)");
  for (const auto& sp : streets) {
    re2::StringPiece m[2];
    const string_view rest = text.substr(sp.end, std::min<size_t>(80, text.size() - sp.end));
    if (!city_after.Match(re2::StringPiece(rest.data(), rest.size()), 0, rest.size(), RE2::ANCHOR_START, m, 2)) continue;
    Span c{sp.end + static_cast<size_t>(m[1].data() - rest.data()), 0};
    c.end = c.start + m[1].size();
    while (c.end > c.start && (text[c.end - 1] == ' ' || text[c.end - 1] == '\t')) --c.end;
    const auto toks = tokenize(text.substr(c.start, c.size()));
    if (toks.empty() || lex.in(lex.unit_words, toks[0].lower) || lex.in(lex.states, toks[0].lower)) continue;
    if (overlaps(c, protect)) continue;
    // "Grass Valley 95945": the city with its ZIP is an address line.
    re2::StringPiece zip;
    const string_view after = text.substr(c.end, std::min<size_t>(16, text.size() - c.end));
    if (zip_after.Match(re2::StringPiece(after.data(), after.size()), 0, after.size(), RE2::ANCHOR_START, &zip, 1))
      out.spans.push_back({c.start, c.end + zip.size(), "address"});
    else
      out.spans.push_back({c.start, c.end, "city"});
  }
}

}  // namespace imr::redaction
