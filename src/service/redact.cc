// Redaction: the known-identifier layer, merging with the pattern layer, and the output.
#include "service/redact.h"

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "core/error.h"
#include "core/file.h"

namespace imr {
namespace {

using std::string_view;
using redaction::is_credential;
using redaction::is_honorific;

// A letter (or other) boundary that consumes one character: RE2 has no look-around, so
// matches keep the identifier in capture group 1.
constexpr const char* kLeft = R"((?:^|[^\pL\pN]))";
constexpr const char* kRight = R"((?:$|[^\pL\pN]))";

bool is_upper_start(string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c >= 0x80) return true;  // non-ASCII capitals ("Ñ", "É"); case was matched by (?i)
  return c >= 'A' && c <= 'Z';
}

std::string quote(string_view s) { return RE2::QuoteMeta(re2::StringPiece(s.data(), s.size())); }

// Every match, capture group 1 as the span (the whole match if the group did not take part).
std::vector<Span> matches(const RE2& re, string_view text) {
  std::vector<Span> out;
  re2::StringPiece m[2];
  size_t pos = 0;
  while (pos <= text.size() &&
         re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED, m, 2)) {
    const re2::StringPiece part = m[1].data() ? m[1] : m[0];
    const size_t s = static_cast<size_t>(part.data() - text.data());
    const size_t e = s + part.size();
    if (e > s) out.push_back({s, e});
    pos = std::max(e, static_cast<size_t>(m[0].data() - text.data()) + 1);
  }
  return out;
}

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

// Common words that are also first names: matched only inside a fuller form of the name.
constexpr string_view kWordLikeFirstNames[] = {
    "may", "june", "april", "august", "will", "mark", "grace", "hope", "faith", "joy", "rose",
    "summer", "autumn", "art", "bill", "sue", "pat", "don", "guy", "ray", "dawn", "amber",
    "iris", "ivy", "jack", "frank", "rich", "sterling", "chase", "brook", "sky", "an", "al"};

bool word_like_first_name(string_view w) {
  const std::string l = to_lower(w);
  return std::find(std::begin(kWordLikeFirstNames), std::end(kWordLikeFirstNames), l) !=
         std::end(kWordLikeFirstNames);
}

// A person's name as parts: "Jane Q. Smith", "SMITH, JANE Q.", "Dr. Hollis Brandt, MD".
struct NameParts {
  std::string first;
  std::vector<std::string> middles;
  std::string last;
};

std::string strip_dots(string_view w) {
  std::string out(w);
  while (!out.empty() && (out.back() == '.' || out.back() == ',')) out.pop_back();
  return out;
}

std::optional<NameParts> parse_name(string_view name) {
  std::string s(trim(name));
  std::vector<std::string> before, after;
  const size_t comma = s.find(',');
  std::vector<std::string> tokens;
  if (comma != std::string::npos) {
    before = words(string_view(s).substr(0, comma), " \t\n");
    after = words(string_view(s).substr(comma + 1), " \t\n,");
    std::vector<std::string> after_names;
    for (const auto& w : after)
      if (!is_credential(w) && !is_credential(strip_dots(w))) after_names.push_back(w);
    if (after_names.empty()) {
      tokens = before;  // "Ana Ruiz, MD"
    } else {
      // "Smith, Jane Q." -> Jane Q. Smith
      tokens = after_names;
      tokens.insert(tokens.end(), before.begin(), before.end());
    }
  } else {
    tokens = words(s, " \t\n");
  }
  std::vector<std::string> parts;
  for (const auto& t : tokens) {
    if (is_honorific(t) || is_credential(t) || is_credential(strip_dots(t))) continue;
    const std::string w = strip_dots(t);
    if (!w.empty()) parts.push_back(w);
  }
  if (parts.empty()) return std::nullopt;
  NameParts n;
  n.last = parts.back();
  if (parts.size() >= 2) {
    n.first = parts.front();
    n.middles.assign(parts.begin() + 1, parts.end() - 1);
  }
  return n;
}

// One regex for every way a letter may write the name; full forms first so they win.
std::string name_pattern(const NameParts& n, bool bare_first) {
  const std::string L = quote(n.last);
  std::vector<std::string> alts;
  if (!n.first.empty()) {
    const std::string F = quote(n.first);
    const std::string Fi = quote(n.first.substr(0, 1));
    std::string mid;
    for (const auto& m : n.middles) {
      const std::string mq = quote(m), mi = quote(m.substr(0, 1));
      mid += R"((?:\s+(?:)" + mi + R"(\.|)" + mq + "|" + mi + R"())?)";
    }
    alts.push_back(F + mid + R"(\s+)" + L);                                  // Jane Q. Smith
    alts.push_back(L + R"(,\s*)" + F + mid);                                 // Smith, Jane Q.
    alts.push_back(Fi + R"(\.)" + mid + R"(\s+)" + L);                       // J. Smith
    alts.push_back(L);                                                       // Smith
    if (bare_first && n.first.size() >= 3 && !word_like_first_name(n.first)) alts.push_back(F);  // Jane
  } else {
    alts.push_back(L);
  }
  // Hyphenated surnames: each part alone ("Garcia-Lopez" -> "Garcia", "Lopez").
  if (n.last.find('-') != std::string::npos)
    for (const auto& p : words(n.last, "-"))
      if (p.size() >= 3) alts.push_back(quote(p));
  std::string re = "(?i)" + std::string(kLeft) + "(";
  for (size_t i = 0; i < alts.size(); ++i) re += (i ? "|" : "") + alts[i];
  return re + ")" + kRight;
}

bool overlaps_any(const Span& s, const std::vector<Span>& spans) {
  for (const auto& p : spans)
    if (s.start < p.end && p.start < s.end) return true;
  return false;
}

// Names: known ones, and ones the pattern layer found (`discovered`), whose lone parts must
// also not be on the not-a-name list.
void find_names(string_view text, const std::vector<std::string>& names, bool discovered,
                const std::vector<Span>& clinical, std::vector<Redaction>& out) {
  for (const auto& name : names) {
    const auto parts = parse_name(name);
    if (!parts || parts->last.size() < 2) continue;
    if (discovered && redaction::is_not_a_name(parts->last)) continue;
    RE2 re(name_pattern(*parts, !discovered || !redaction::is_not_a_name(parts->first)));
    if (!re.ok()) continue;
    for (const auto& sp : matches(re, text)) {
      const string_view m = text.substr(sp.start, sp.size());
      if (!is_upper_start(m)) continue;  // "smith" in running lower-case text is a word
      const bool lone_part = m.find_first_of(" ,\t\n") == string_view::npos;
      if (lone_part && overlaps_any(sp, clinical)) continue;  // "Spurling's test"
      out.push_back({sp.start, sp.end, "name"});
    }
  }
}

void find_claim_numbers(string_view text, const std::vector<std::string>& claims, std::vector<Redaction>& out) {
  for (const auto& claim : claims) {
    std::string chars;
    for (char c : claim)
      if (std::isalnum(static_cast<unsigned char>(c))) chars += c;
    if (chars.size() < 4) continue;
    std::string re = R"((?i)(?:^|[^A-Za-z0-9])()";
    for (size_t i = 0; i < chars.size(); ++i) re += (i ? R"([\s./-]?)" : "") + quote(chars.substr(i, 1));
    re += R"()(?:$|[^A-Za-z0-9]))";
    const RE2 r(re);
    for (const auto& sp : matches(r, text)) out.push_back({sp.start, sp.end, "claim_number"});
  }
}

void find_phones(string_view text, const std::vector<std::string>& phones, std::vector<Redaction>& out) {
  for (const auto& phone : phones) {
    std::string digits;
    for (char c : phone)
      if (c >= '0' && c <= '9') digits += c;
    if (digits.size() == 11 && digits[0] == '1') digits.erase(0, 1);
    if (digits.size() < 7) continue;
    std::string re = R"((?:^|[^0-9])((?:\+?1[\s.-]*)?\(?)";
    for (size_t i = 0; i < digits.size(); ++i) re += (i ? R"([\s().-]{0,2})" : "") + digits.substr(i, 1);
    re += R"()(?:$|[^0-9]))";
    const RE2 r(re);
    for (const auto& sp : matches(r, text)) out.push_back({sp.start, sp.end, "phone"});
  }
}

// A word of an address with its common abbreviations ("Road" ~ "Rd.").
std::string address_word(const std::string& w) {
  static constexpr std::pair<string_view, string_view> kAbbrev[] = {
      {"street", "st"}, {"avenue", "ave"}, {"road", "rd"}, {"boulevard", "blvd"}, {"drive", "dr"},
      {"lane", "ln"}, {"court", "ct"}, {"place", "pl"}, {"parkway", "pkwy"}, {"circle", "cir"},
      {"highway", "hwy"}, {"suite", "ste"}, {"apartment", "apt"}, {"north", "n"}, {"south", "s"},
      {"east", "e"}, {"west", "w"}, {"california", "ca"}, {"terrace", "ter"}, {"building", "bldg"}};
  const std::string l = to_lower(w);
  for (const auto& [full, abbr] : kAbbrev)
    if (l == full || l == abbr) return "(?:" + std::string(full) + "|" + std::string(abbr) + R"()\.?)";
  return quote(w);
}

std::string address_component_pattern(string_view component) {
  std::string re;
  for (const auto& w : words(component, " \t\n.#")) re += (re.empty() ? "" : R"([\s,.#]+)") + address_word(w);
  return re;
}

void find_addresses(string_view text, const std::vector<std::string>& addresses, std::vector<Redaction>& out) {
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
      std::string locality;                                       // "Sacramento, CA 95814"
      for (size_t i = 1; i < components.size(); ++i)
        locality += (locality.empty() ? "" : R"([\s,]+)") + address_component_pattern(components[i]);
      if (!locality.empty()) alts.push_back(locality);
    }
    if (alts.empty()) continue;
    std::string re = "(?i)" + std::string(kLeft) + "(";
    for (size_t i = 0; i < alts.size(); ++i) re += (i ? "|" : "") + alts[i];
    re += std::string(")") + kRight;
    const RE2 r(re);
    for (const auto& sp : matches(r, text)) out.push_back({sp.start, sp.end, "address"});
  }
}

void find_organizations(string_view text, const std::vector<std::string>& orgs, std::vector<Redaction>& out) {
  static constexpr string_view kSuffixes[] = {"inc", "llc", "corp", "corporation", "co", "company", "ltd", "lp", "l.p"};
  for (const auto& org : orgs) {
    auto ws = words(org, " \t\n,");
    if (!ws.empty() && iequals(ws.front(), "the")) ws.erase(ws.begin());
    while (!ws.empty() && std::find(std::begin(kSuffixes), std::end(kSuffixes), to_lower(strip_dots(ws.back()))) !=
                              std::end(kSuffixes))
      ws.pop_back();
    if (ws.empty() || (ws.size() == 1 && ws[0].size() < 3)) continue;
    std::string re = "(?i)" + std::string(kLeft) + "(";
    for (size_t i = 0; i < ws.size(); ++i) {
      const std::string w = iequals(ws[i], "and") || ws[i] == "&" ? "(?:and|&)" : quote(ws[i]);
      re += (i ? R"(\s+)" : "") + w;
    }
    re += R"((?:,?\s+(?:inc|llc|corp|corporation|co|company|ltd|l\.?p)\b\.?)?))";
    re += kRight;
    const RE2 r(re);
    for (const auto& sp : matches(r, text)) out.push_back({sp.start, sp.end, "organization"});
  }
}

void find_dates_of_birth(string_view text, const std::vector<Date>& dobs, std::vector<Redaction>& out) {
  if (dobs.empty()) return;
  size_t pos = 0;
  while (auto d = find_date(text, pos)) {
    for (const auto& dob : dobs)
      if (d->date.precision == Date::Precision::kDay && d->date.year == dob.year &&
          d->date.month == dob.month && d->date.day == dob.day)
        out.push_back({d->start, d->end, "date_of_birth"});
    pos = std::max(d->end, pos + 1);
  }
}

// Sorted, non-overlapping spans: overlapping candidates merge (the kind of the longest
// wins), and two names separated only by spaces, a comma or an initial become one.
std::vector<Redaction> merge(string_view text, std::vector<Redaction> found) {
  std::sort(found.begin(), found.end(), [](const Redaction& a, const Redaction& b) {
    if (a.start != b.start) return a.start < b.start;
    return a.end > b.end;
  });
  std::vector<Redaction> out;
  for (auto& r : found) {
    if (!out.empty() && r.start < out.back().end) {
      auto& last = out.back();
      if (r.end - r.start > last.end - last.start) last.kind = r.kind;
      last.end = std::max(last.end, r.end);
      continue;
    }
    if (!out.empty() && out.back().kind == r.kind && r.kind == "name") {
      const string_view gap = text.substr(out.back().end, r.start - out.back().end);
      static const RE2 joinable(R"([ \t]*,?[ \t]*(?:[A-Z]\.[ \t]*)?)");
      if (RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), joinable)) {
        out.back().end = r.end;
        continue;
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::string redaction_placeholder(string_view kind) {
  std::string out = "[";
  for (char c : kind) out += c == '_' ? ' ' : c;
  return out + "]";
}

RedactionResult redact_for_publication(string_view text, const KnownIdentifiers& known) {
  if (text.size() > kMaxInputBytes) throw InputError("letter", "text is too large to redact");
  std::vector<Span> clinical = redaction::clinical_spans(text);
  for (const auto& keep : known.keep) {
    if (keep.empty()) continue;
    for (size_t at = text.find(keep); at != string_view::npos; at = text.find(keep, at + keep.size()))
      clinical.push_back({at, at + keep.size()});
  }

  std::vector<Redaction> found;
  find_names(text, known.person_names, false, clinical, found);
  find_claim_numbers(text, known.claim_numbers, found);
  find_phones(text, known.phones, found);
  find_addresses(text, known.addresses, found);
  find_organizations(text, known.organization_names, found);
  find_dates_of_birth(text, known.dates_of_birth, found);

  // Layer 2, minus anything clinical; names it finds are then removed everywhere.
  std::vector<std::string> discovered;
  for (auto& r : redaction::find_unlisted(text)) {
    if (overlaps_any({r.start, r.end}, clinical)) continue;
    if (r.kind == "name") discovered.emplace_back(text.substr(r.start, r.end - r.start));
    found.push_back(std::move(r));
  }
  std::sort(discovered.begin(), discovered.end());
  discovered.erase(std::unique(discovered.begin(), discovered.end()), discovered.end());
  find_names(text, discovered, true, clinical, found);

  RedactionResult result;
  result.removed = merge(text, std::move(found));
  size_t pos = 0;
  for (const auto& r : result.removed) {
    result.text.append(text.substr(pos, r.start - pos));
    result.text += redaction_placeholder(r.kind);
    pos = r.end;
  }
  result.text.append(text.substr(pos));
  return result;
}

}  // namespace imr
