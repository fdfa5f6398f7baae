// Layer 1 of redaction: the identifiers the case lists, matched in every form they take
// (see redact.h). Also builds KnownIdentifiers from applications.
#include <algorithm>
#include <optional>

#include "service/redact_internal.h"

namespace imr {

namespace {
void add(std::vector<std::string>& out, const std::string& value) {
  if (!value.empty()) out.push_back(value);
}
}  // namespace

KnownIdentifiers known_identifiers_of(const std::vector<Application>& apps) {
  KnownIdentifiers k;
  for (const auto& a : apps) {
    add(k.person_names, a.worker.name);
    add(k.addresses, a.worker.address);
    add(k.phones, a.worker.phone);
    if (a.worker.date_of_birth) k.dates_of_birth.push_back(*a.worker.date_of_birth);
    add(k.claim_numbers, a.claim_number);
    add(k.person_names, a.requesting_physician.name);
    add(k.addresses, a.requesting_physician.address);
    add(k.phones, a.requesting_physician.phone);
    add(k.organization_names, a.requesting_physician.medical_group);
    for (const Party* p : {&a.employer, &a.claims_administrator}) {
      add(k.organization_names, p->name);
      add(k.addresses, p->address);
      add(k.phones, p->phone);
      add(k.emails, p->email);
      add(k.organization_names, p->firm);
    }
    add(k.organization_names, a.insurer);
    if (a.representative) {
      add(k.person_names, a.representative->name);
      add(k.organization_names, a.representative->firm);
      add(k.addresses, a.representative->address);
      add(k.phones, a.representative->phone);
      add(k.emails, a.representative->email);
    }
  }
  return k;
}

namespace redaction {
namespace {

using std::string_view;

// A letter (or other) boundary that consumes one character: RE2 has no look-around, so
// matches keep the identifier in capture group 1.
constexpr const char* kLeft = kLeftEdge;
constexpr const char* kRight = kRightEdge;

std::vector<std::string> words(string_view s, string_view seps) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && seps.find(s[i]) != string_view::npos) ++i;
    size_t j = i;
    while (j < s.size() && seps.find(s[j]) == string_view::npos) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string strip_dots(string_view w) {
  std::string out(w);
  while (!out.empty() && (out.back() == '.' || out.back() == ',')) out.pop_back();
  return out;
}

// A person's name as parts: "Jane Q. Smith", "SMITH, JANE Q.", "Dr. Hollis Brandt, MD",
// "Elizabeth A. Van der Berg" (the surname starts at its particle).
struct NameParts {
  std::string first;
  std::vector<std::string> middles;
  std::string last;  // may be several words: "Van der Berg", "St. John"
};

std::optional<NameParts> parse_name(string_view name, const RedactionLexicon& lex) {
  auto is_cred = [&](const std::string& t) {
    return lex.in(lex.credentials, to_lower(t)) || lex.in(lex.credentials, to_lower(strip_dots(t)));
  };
  std::string s(trim(name));
  std::vector<std::string> tokens;
  const size_t comma = s.find(',');
  if (comma != std::string::npos) {
    const auto before = words(string_view(s).substr(0, comma), " \t\n");
    std::vector<std::string> after_names;
    for (const auto& w : words(string_view(s).substr(comma + 1), " \t\n,"))
      if (!is_cred(w)) after_names.push_back(w);
    if (after_names.empty()) {
      tokens = before;  // "Ana Ruiz, MD"
    } else {
      tokens = after_names;  // "Smith, Jane Q." -> Jane Q. Smith
      tokens.insert(tokens.end(), before.begin(), before.end());
    }
  } else {
    tokens = words(s, " \t\n");
  }
  // Quotes and brackets around a part ("Elizabeth \"Liz\" Van Buren") are not the name.
  for (auto& t : tokens) {
    for (bool changed = true; changed && !t.empty();) {
      changed = false;
      for (const string_view q : {string_view("\""), string_view("("), string_view(")"), string_view("["),
                                  string_view("]"), string_view("\xE2\x80\x9C"), string_view("\xE2\x80\x9D")}) {
        if (t.starts_with(q)) t.erase(0, q.size()), changed = true;
        if (t.ends_with(q)) t.erase(t.size() - q.size()), changed = true;
      }
    }
  }
  std::vector<std::string> parts;
  for (const auto& t : tokens) {
    if (t.empty()) continue;
    if (lex.in(lex.honorifics, to_lower(strip_dots(t))) || is_cred(t)) continue;
    // Keep "St." whole: it is a particle, not a sentence end.
    std::string w = lex.in(lex.surname_particles, to_lower(t)) ? t : strip_dots(t);
    if (!w.empty()) parts.push_back(w);
  }
  if (parts.empty()) return std::nullopt;
  NameParts n;
  // The surname: the last word, with the particles before it ("Van der Berg").
  size_t last_start = parts.size() - 1;
  while (last_start > 1 && lex.in(lex.surname_particles, to_lower(parts[last_start - 1]))) --last_start;
  for (size_t i = last_start; i < parts.size(); ++i) n.last += (i > last_start ? " " : "") + parts[i];
  if (last_start >= 1) {
    n.first = parts.front();
    n.middles.assign(parts.begin() + 1, parts.begin() + static_cast<long>(last_start));
  }
  return n;
}

// A name part as a pattern: spaces match any whitespace, "St." matches "St" and "Saint".
std::string part_pattern(string_view part) {
  std::string out;
  for (const auto& w : words(part, " ")) {
    if (!out.empty()) out += R"(\s+)";
    const std::string l = to_lower(w);
    if (l == "st." || l == "st" || l == "saint") out += R"((?:St\.?|Saint))";
    else out += quote_re(w);
  }
  return out;
}

// One regex for every full form of the name; full forms first so they win.
// The first character of a word, whole: "Á" is two bytes in UTF-8, and half of it would make
// an invalid pattern (an initial "Á." must match as itself).
std::string first_char(string_view w) {
  if (w.empty()) return {};
  const auto c = static_cast<unsigned char>(w[0]);
  const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  return std::string(w.substr(0, std::min(n, w.size())));
}

std::string name_pattern(const NameParts& n) {
  const std::string L = part_pattern(n.last);
  std::vector<std::string> alts;
  const std::string F = quote_re(n.first);
  const std::string Fi = quote_re(first_char(n.first));
  std::string mid;
  for (const auto& m : n.middles) {
    const std::string mq = quote_re(m), mi = quote_re(first_char(m));
    mid += R"((?:\s+(?:)" + mi + R"(\.?|)" + mq + R"())?)";
  }
  alts.push_back(F + mid + R"(\s+)" + L);             // Jane Q. Smith
  alts.push_back(L + R"(,?\s*)" + F + mid);           // Smith, Jane Q.  /  NGUYEN THI LAN
  alts.push_back(Fi + R"(\.)" + mid + R"(\s+)" + L);  // J. Smith
  if (n.last.find(' ') != std::string::npos) alts.push_back(L);  // Van der Berg
  std::string re = "(?i)" + std::string(kLeft) + "(";
  for (size_t i = 0; i < alts.size(); ++i) re += (i ? "|" : "") + alts[i];
  return re + ")" + kRight;
}

bool upper_start(string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  return c >= 0x80 || (c >= 'A' && c <= 'Z');
}

void learn_name_words(const NameParts& n, const RedactionLexicon& lex, std::set<std::string>& out) {
  auto learn = [&](const std::string& part) {
    for (const auto& w : words(part, " ")) {
      const std::string l = to_lower(strip_dots(w));
      if (l.size() < 2 || lex.in(lex.surname_particles, l) || lex.in(lex.surname_particles, to_lower(w))) continue;
      out.insert(l);
      for (const auto& piece : words(l, "-"))
        if (piece.size() >= 3) out.insert(piece);
      if (auto it = lex.name_forms.find(l); it != lex.name_forms.end())
        for (const auto& form : it->second) out.insert(to_lower(form));
    }
  };
  learn(n.last);
  if (!n.first.empty()) {
    learn(n.first);
    for (const auto& m : n.middles) learn(m);
    // "Rose Marie": a two-word given name's forms ("Juan Carlos" -> "JC").
    if (!n.middles.empty()) {
      const std::string two = to_lower(n.first + " " + n.middles.front());
      if (auto it = lex.name_forms.find(two); it != lex.name_forms.end())
        for (const auto& form : it->second) out.insert(to_lower(form));
    }
  }
}

void find_names(string_view text, const std::vector<std::string>& names, const RedactionLexicon& lex,
                Findings& out) {
  for (const auto& name : names) {
    const auto parts = parse_name(name, lex);
    if (!parts || parts->last.size() < 2) continue;
    learn_name_words(*parts, lex, out.name_words);
    if (parts->first.empty()) continue;
    const RE2 re(name_pattern(*parts));
    if (!re.ok()) continue;
    for (const auto& sp : all_matches(re, text))
      if (upper_start(text.substr(sp.start))) out.spans.push_back({sp.start, sp.end, "name"});
  }
}

void find_claim_numbers(string_view text, const std::vector<std::string>& claims, Findings& out) {
  for (const auto& claim : claims) {
    std::string chars;
    for (char c : claim)
      if (std::isalnum(static_cast<unsigned char>(c))) chars += c;
    if (chars.size() < 4) continue;
    std::string re = R"((?i)(?:^|[^A-Za-z0-9])()";
    for (size_t i = 0; i < chars.size(); ++i) re += (i ? R"([\s./-]?)" : "") + quote_re(chars.substr(i, 1));
    re += R"()(?:$|[^A-Za-z0-9]))";
    const RE2 r(re);
    for (const auto& sp : all_matches(r, text)) out.spans.push_back({sp.start, sp.end, "claim_number"});
  }
}

void find_phones(string_view text, const std::vector<std::string>& phones, Findings& out) {
  for (const auto& phone : phones) {
    std::string digits;
    for (char c : phone)
      if (c >= '0' && c <= '9') digits += c;
    if (digits.size() == 11 && digits[0] == '1') digits.erase(0, 1);
    if (digits.size() < 7) continue;
    std::string re = R"((?:^|[^0-9])((?:\+?1[\s.-]*)?\(?)";
    for (size_t i = 0; i < digits.size(); ++i) re += (i ? R"([\s().-]{0,2})" : "") + digits.substr(i, 1);
    re += R"((?:\s*(?i:x|ext\.?)\s*\d{1,5})?)(?:$|[^0-9]))";
    const RE2 r(re);
    for (const auto& sp : all_matches(r, text)) out.spans.push_back({sp.start, sp.end, "phone"});
  }
}

void find_emails(string_view text, const std::vector<std::string>& emails, Findings& out) {
  for (const auto& e : emails) {
    if (e.size() < 3) continue;
    const RE2 r("(?i)(" + quote_re(e) + ")");
    for (const auto& sp : all_matches(r, text)) out.spans.push_back({sp.start, sp.end, "email"});
  }
}

// A word of an address with its common abbreviations ("Road" ~ "Rd.").
std::string address_word(const std::string& w) {
  static constexpr std::pair<string_view, string_view> kAbbrev[] = {
      {"street", "st"}, {"avenue", "ave"}, {"road", "rd"}, {"boulevard", "blvd"}, {"drive", "dr"},
      {"lane", "ln"}, {"court", "ct"}, {"place", "pl"}, {"parkway", "pkwy"}, {"circle", "cir"},
      {"highway", "hwy"}, {"suite", "ste"}, {"apartment", "apt"}, {"north", "n"}, {"south", "s"},
      {"east", "e"}, {"west", "w"}, {"california", "ca"}, {"terrace", "ter"}, {"building", "bldg"},
      {"post", "p"}, {"office", "o"}};
  const std::string l = to_lower(w);
  for (const auto& [full, abbr] : kAbbrev)
    if (l == full || l == abbr) return "(?:" + std::string(full) + "|" + std::string(abbr) + R"()\.?)";
  return quote_re(w);
}

std::string address_component_pattern(string_view component) {
  std::string re;
  for (const auto& w : words(component, " \t\n.#")) re += (re.empty() ? "" : R"([\s,.#]+)") + address_word(w);
  return re;
}

void find_addresses(string_view text, const std::vector<std::string>& addresses, const RedactionLexicon& lex,
                    Findings& out) {
  for (const auto& address : addresses) {
    const auto components = words(address, ",\n");
    std::vector<std::string> alts;
    std::string full;
    for (const auto& c : components) {
      const std::string p = address_component_pattern(c);
      if (!p.empty()) full += (full.empty() ? "" : R"([\s,]+)") + p;
    }
    if (!full.empty()) alts.push_back(full);
    if (components.size() >= 2) {
      alts.push_back(address_component_pattern(components[0]));  // the street line
      // The street without its number: "Fruitridge Rd".
      const auto street = words(components[0], " ");
      if (street.size() >= 3 && std::isdigit(static_cast<unsigned char>(street[0][0]))) {
        std::string rest;
        for (size_t i = 1; i < street.size(); ++i) rest += (i > 1 ? " " : "") + street[i];
        alts.push_back(address_component_pattern(rest));
        // The street's name alone, for the word screen: "on Alta Vista", "off Fruitridge".
        size_t first = 1, last = street.size();
        if (first < last && lex.in(lex.directions, to_lower(strip_dots(street[first])))) ++first;
        if (last > first && lex.in(lex.street_suffixes, to_lower(strip_dots(street[last - 1])))) --last;
        std::string name;
        for (size_t i = first; i < last; ++i) name += (name.empty() ? "" : " ") + street[i];
        const bool capitalised = !name.empty() && std::isupper(static_cast<unsigned char>(name[0]));
        if (capitalised && (last - first >= 2 || (last - first == 1 && name.size() >= 4 && !lex.is_common(to_lower(name)))))
          out.places.push_back(name);
      }
      std::string locality;  // "Sacramento, CA 95814"
      for (size_t i = 1; i < components.size(); ++i)
        locality += (locality.empty() ? "" : R"([\s,]+)") + address_component_pattern(components[i]);
      if (!locality.empty()) alts.push_back(locality);
      // The city alone, for the word screen: the first component after the street that is
      // not a unit, state or ZIP.
      for (size_t i = 1; i < components.size(); ++i) {
        const auto ws = words(components[i], " ");
        if (ws.empty() || std::isdigit(static_cast<unsigned char>(ws[0][0]))) continue;
        if (lex.in(lex.unit_words, to_lower(strip_dots(ws[0])))) continue;
        std::string city;
        for (const auto& w : ws) {
          if (lex.in(lex.states, to_lower(w)) || std::isdigit(static_cast<unsigned char>(w[0]))) break;
          city += (city.empty() ? "" : " ") + w;
        }
        if (!city.empty()) out.places.push_back(city);
        break;
      }
    }
    if (alts.empty()) continue;
    std::string re = "(?i)" + std::string(kLeft) + "(";
    for (size_t i = 0; i < alts.size(); ++i) re += (i ? "|" : "") + alts[i];
    re += std::string(")") + kRight;
    const RE2 r(re);
    for (const auto& sp : all_matches(r, text)) out.spans.push_back({sp.start, sp.end, "address"});
  }
}

// Organisations: the name with or without "The" and its legal suffix, its leading words
// ("Harbor Mutual" of "Harbor Mutual Insurance Co."), its acronym ("GSFL") and the leading
// words with the rest as an acronym ("Cosumnes Valley USD").
void find_organizations(string_view text, const std::vector<std::string>& orgs, const RedactionLexicon& lex,
                        Findings& out) {
  static constexpr string_view kSuffixes[] = {"inc", "llc", "llp", "corp", "corporation", "co", "company", "ltd", "lp", "l.p", "pc", "apc"};
  auto is_suffix = [](const std::string& w) {
    return std::find(std::begin(kSuffixes), std::end(kSuffixes), to_lower(strip_dots(w))) != std::end(kSuffixes);
  };
  for (const auto& org : orgs) {
    auto ws = words(org, " \t\n,");
    if (!ws.empty() && iequals(ws.front(), "the")) ws.erase(ws.begin());
    while (!ws.empty() && is_suffix(ws.back())) ws.pop_back();
    if (ws.empty() || (ws.size() == 1 && ws[0].size() < 3)) continue;
    auto phrase = [&](size_t from, size_t to) {
      std::string re;
      for (size_t i = from; i < to; ++i) {
        const std::string w = iequals(ws[i], "and") || ws[i] == "&" ? "(?:and|&)" : quote_re(ws[i]);
        re += (i > from ? R"(\s+)" : "") + w;
      }
      return re;
    };
    auto acronym = [&](size_t from) {
      std::string a;
      for (size_t i = from; i < ws.size(); ++i)
        if (upper_start(ws[i]) && !lex.in(lex.name_connectors, to_lower(ws[i]))) a += first_char(ws[i]);
      return a;
    };
    std::vector<std::string> alts;
    alts.push_back(phrase(0, ws.size()) + R"((?:,?\s+(?:inc|llc|llp|corp|corporation|co|company|ltd|l\.?p)\b\.?)?)");
    for (size_t k = ws.size() - 1; k >= 2; --k) {
      const std::string last = to_lower(ws[k - 1]);
      if (lex.in(lex.name_connectors, last)) continue;
      alts.push_back(phrase(0, k));
      const std::string rest = acronym(k);
      if (rest.size() >= 2) alts.push_back(phrase(0, k) + R"(\s+)" + rest);
    }
    if (ws.size() >= 2) {
      const std::string rest = acronym(1);
      if (rest.size() >= 2) alts.push_back(phrase(0, 1) + R"(\s+)" + rest);
    }
    std::string re = "(?i)" + std::string(kLeft) + "(";
    for (size_t i = 0; i < alts.size(); ++i) re += (i ? "|" : "") + alts[i];
    re += std::string(")") + kRight;
    const RE2 r(re);
    for (const auto& sp : all_matches(r, text)) {
      // In lower case only the whole name: "the westfield poultry processing plant".
      const bool whole = sp.size() >= org.size() - 8 && text.substr(sp.start, sp.size()).find(' ') != string_view::npos;
      if (!upper_start(text.substr(sp.start)) && !whole) continue;
      out.spans.push_back({sp.start, sp.end, "organization"});
    }
    // The acronym, in capitals only; a capitalised particle counts in it too where it is a
    // name's first word ("Las Trampas Fire Protection District": LTFPD as well as TFPD).
    std::string with_particles;
    // The legal form's initial counts in some acronyms: "Sierra Summit Roofing Co." -> SSRC.
    const auto full_words = words(org, " \t\n,");
    std::string with_legal;
    for (const auto& w : full_words)
      if (upper_start(w) && !iequals(w, "the") && !iequals(w, "and") && !iequals(w, "of") && w != "&") with_legal += first_char(w);
    for (size_t i = 0; i < ws.size(); ++i) {
      const std::string w = to_lower(ws[i]);
      if (upper_start(ws[i]) && w != "and" && w != "of" && w != "the" && w != "&") with_particles += first_char(ws[i]);
    }
    std::set<std::string> acronyms = {acronym(0), with_particles, with_legal};
    for (const std::string& a : acronyms) {
      if (a.size() < 3) continue;
      const RE2 ra(std::string(kLeft) + "(" + quote_re(a) + ")" + kRight);
      for (const auto& sp : all_matches(ra, text)) out.spans.push_back({sp.start, sp.end, "organization"});
    }
  }
}

// A date of birth in every layout: 2/9/1968, 02-09-68, 1968-02-09, 1968/02/09, 09/02/1968
// (day first), Feb 9, 1968, 9 Feb 1968, 09-Feb-1968, February 9th, 1968.
void find_dates_of_birth(string_view text, const std::vector<Date>& dobs, Findings& out) {
  static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
  for (const auto& d : dobs) {
    if (d.precision != Date::Precision::kDay) continue;
    const std::string M = "0?" + std::to_string(d.month), D = "0?" + std::to_string(d.day);
    const std::string Y4 = std::to_string(d.year);
    char y2[3];
    std::snprintf(y2, sizeof y2, "%02d", d.year % 100);
    const std::string Y = "(?:" + Y4 + "|" + y2 + ")";
    const std::string full = kMonths[d.month - 1];
    const std::string Mon = "(?:" + full + "|" + full.substr(0, 3) + (d.month == 9 ? "|Sept" : "") + R"()\.?)";
    const std::string ord = "(?:st|nd|rd|th)?";
    const std::string sep = R"((?: ?[/.\-] ?| ))";
    const std::vector<std::string> forms = {
        M + sep + D + sep + Y,
        D + sep + M + sep + Y,
        Y4 + sep + M + sep + D,
        Mon + R"(\s+)" + D + ord + R"(,?\s+)" + Y4,
        D + ord + R"(\s+)" + Mon + R"(,?\s+)" + Y4,
        D + R"([\-/ ])" + Mon + R"([\-/ ,]\s*)" + Y,
    };
    std::string re = "(?i)(?:^|[^0-9])(";
    for (size_t i = 0; i < forms.size(); ++i) re += (i ? "|" : "") + forms[i];
    re += ")(?:$|[^0-9])";
    const RE2 r(re);
    for (const auto& sp : all_matches(r, text)) out.spans.push_back({sp.start, sp.end, "date_of_birth"});
  }
}

}  // namespace

void find_known(string_view text, const KnownIdentifiers& known, const RedactionLexicon& lex,
                const std::vector<Span>& protect, Findings& out) {
  Findings found;
  find_names(text, known.person_names, lex, found);
  find_claim_numbers(text, known.claim_numbers, found);
  find_phones(text, known.phones, found);
  find_emails(text, known.emails, found);
  find_addresses(text, known.addresses, lex, found);
  find_organizations(text, known.organization_names, lex, found);
  find_dates_of_birth(text, known.dates_of_birth, found);
  for (auto& r : found.spans)
    if (!inside({r.start, r.end}, protect)) out.spans.push_back(std::move(r));
  out.name_words.insert(found.name_words.begin(), found.name_words.end());
  out.places.insert(out.places.end(), found.places.begin(), found.places.end());
  for (const auto& o : known.organization_names) out.organizations.push_back(o);
}

}  // namespace redaction
}  // namespace imr
