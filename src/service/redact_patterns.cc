// The pattern layer of redaction (identifiers the case did not list) and the clinical
// spans no pattern may touch. See redact.h.
#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <cctype>

#include "core/date.h"
#include "core/text.h"
#include "service/redact.h"

namespace imr::redaction {
namespace {

using std::string_view;

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// Capitalized words that are never a person's name part: drug names seen in workers'
// compensation letters, medical eponyms, guideline names and words that start sentences.
constexpr string_view kNotNames[] = {
    // drugs (brand and generic)
    "norco", "vicodin", "percocet", "oxycontin", "oxycodone", "hydrocodone", "tramadol", "ultram",
    "ultracet", "nucynta", "tapentadol", "opana", "oxymorphone", "kadian", "morphine", "fentanyl",
    "duragesic", "butrans", "buprenorphine", "methadone", "codeine", "tylenol", "soma", "carisoprodol",
    "flexeril", "cyclobenzaprine", "zanaflex", "tizanidine", "skelaxin", "robaxin", "baclofen",
    "lyrica", "pregabalin", "neurontin", "gabapentin", "cymbalta", "duloxetine", "elavil",
    "amitriptyline", "celebrex", "mobic", "meloxicam", "naproxen", "anaprox", "motrin", "ibuprofen",
    "voltaren", "diclofenac", "lidoderm", "lidocaine", "terocin", "ambien", "zolpidem", "xanax",
    "valium", "klonopin", "ativan", "lorazepam", "prilosec", "omeprazole", "protonix", "topamax",
    "toradol", "medrol", "prednisone", "relafen", "nabumetone", "keflex", "lunesta", "desyrel",
    // eponyms
    "spurling", "tinel", "phalen", "finkelstein", "mcmurray", "lachman", "apley", "hawkins", "neer",
    "yergason", "adson", "gaenslen", "kernig", "brudzinski", "babinski", "romberg", "hoffmann",
    "hoffman", "waddell", "lasegue", "faber", "patrick", "durkan", "froment", "wartenberg", "jobe",
    "trendelenburg", "ober", "schober", "homan", "homans", "thompson", "dupuytren", "quervain",
    "kienbock", "osgood", "scheuermann", "colles", "smith-peterson",
    // guidelines and bodies
    "mtus", "acoem", "odg", "ama", "acupuncture", "medical", "treatment", "guidelines", "chronic",
    "pain", "independent", "review", "expert", "reviewer", "board", "certified", "california",
    // function words that start sentences
    "the", "he", "she", "his", "her", "they", "this", "that", "these", "there", "on", "in", "at",
    "and", "but", "for", "with", "per", "as", "of", "to", "a", "an", "it", "no", "not", "was",
    "is", "who", "when", "after", "before", "since", "patient", "claimant", "worker", "employee",
    "decision", "request", "requested", "noted", "reported", "wrote", "states", "stated", "saw",
    "examined", "recommended", "notes", "follow", "wcab", "adj", "case", "claim", "assistant",
    "practitioner", "associates", "group", "clinic", "hospital", "center", "family", "law"};

// Credentials after a name; stripped from a name, never a name part.
constexpr string_view kCredentials[] = {
    "md", "m.d.", "do", "d.o.", "dc", "d.c.", "phd", "ph.d.", "pa-c", "pa", "np", "n.p.",
    "rn", "dpm", "pt", "dpt", "l.ac.", "lac", "fnp", "esq", "esq.", "jr", "jr.", "sr."};

constexpr string_view kHonorifics[] = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.",
                                                     "ms", "ms.", "miss", "doctor"};

template <size_t N>
bool in_list(const string_view (&list)[N], string_view word) {
  const std::string w = to_lower(word);
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// Every match of `re` in `text` as a span: capture group 1 when the pattern has one (so
// boundary characters can sit outside it), else the whole match.
std::vector<Span> all_matches(const RE2& re, string_view text) {
  std::vector<Span> out;
  const int groups = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> m(2);
  size_t pos = 0;
  while (pos <= text.size()) {
    if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED,
                  m.data(), 2))
      break;
    const re2::StringPiece whole = m[0];
    const re2::StringPiece part = groups >= 1 && m[1].data() ? m[1] : whole;
    const size_t s = static_cast<size_t>(part.data() - text.data());
    const size_t e = s + part.size();
    if (e > s) out.push_back({s, e});
    const size_t whole_end = static_cast<size_t>(whole.data() - text.data()) + whole.size();
    // Resume at the end of the part (boundary characters may begin the next match), but
    // always move forward.
    size_t next = std::max(e, static_cast<size_t>(whole.data() - text.data()) + 1);
    if (e == s) next = std::max(next, whole_end);
    pos = next;
  }
  return out;
}


// Words of a matched name, split on spaces and commas.
std::vector<string_view> words_of(string_view s) {
  std::vector<string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t' || s[i] == '\n')) ++i;
    size_t j = i;
    while (j < s.size() && !(s[j] == ' ' || s[j] == ',' || s[j] == '\t' || s[j] == '\n')) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Trims a matched name span to its leading run of plausible name words: stops at a word on
// the not-a-name list or a credential. Returns an empty span when nothing is left.
Span trim_name(string_view text, Span sp) {
  static const RE2 credential_ahead(R"(^(?:M\.D\.|D\.O\.|D\.C\.|Ph\.D\.|PA-C|N\.P\.|L\.Ac\.))");
  const string_view s = text.substr(sp.start, sp.size());
  size_t end = 0;
  for (string_view w : words_of(s)) {
    const string_view rest = text.substr(static_cast<size_t>(w.data() - text.data()));
    if (RE2::PartialMatch(re2::StringPiece(rest.data(), std::min<size_t>(rest.size(), 6)), credential_ahead))
      break;
    string_view bare = w;
    while (!bare.empty() && (bare.back() == '.' || bare.back() == ',')) bare.remove_suffix(1);
    if (bare.empty() || in_list(kNotNames, bare) || in_list(kCredentials, w) || in_list(kCredentials, bare) ||
        in_list(kHonorifics, w))
      break;
    // A lone initial ("Q.") keeps its period; a word ends at its letters.
    const size_t w_off = static_cast<size_t>(w.data() - s.data());
    end = w_off + (bare.size() == 1 && w.size() > 1 ? 2 : bare.size());
  }
  if (end == 0) return {};
  // A name does not end in a bare initial ("Dr. Lee J." keeps "Lee").
  return {sp.start, sp.start + end};
}

void add_names(string_view text, const RE2& re, std::vector<Redaction>& out) {
  for (Span sp : all_matches(re, text)) {
    sp = trim_name(text, sp);
    if (sp.size() >= 2 && is_upper_ascii(text[sp.start])) out.push_back({sp.start, sp.end, "name"});
  }
}

}  // namespace

bool is_not_a_name(string_view word) { return in_list(kNotNames, word); }
bool is_credential(string_view word) { return in_list(kCredentials, word); }
bool is_honorific(string_view word) { return in_list(kHonorifics, word); }

std::vector<Span> clinical_spans(string_view text) {
  // Eponyms: "Spurling's test", "Tinel sign", "Waddell's signs".
  static const RE2 eponym(
      R"(\b([A-Z][a-zA-Z]+(?:['’]s)?)\s+(?i:tests?|signs?|maneuvers?|manoeuvres?|phenomenon|reflex|syndrome|disease|procedure|fracture|contracture|neuroma|palsy|classification|criteria|scale|position|views?|exercises?|technique)\b)");
  // A capitalized word followed by a dose is a drug: "Norco 10/325mg", "Lidoderm 5%".
  static const RE2 drug_dose(R"(\b([A-Z][a-zA-Z-]+)\s+\d+(?:[./]\d+)*\s*(?i:mg|mcg|g|ml|%|units?)\b)");
  std::vector<Span> out = all_matches(eponym, text);
  for (const auto& s : all_matches(drug_dose, text)) out.push_back(s);
  return out;
}

std::vector<Redaction> find_unlisted(string_view text) {
  std::vector<Redaction> out;
  auto add = [&](const RE2& re, const char* kind) {
    for (const auto& sp : all_matches(re, text)) out.push_back({sp.start, sp.end, kind});
  };

  static const RE2 email(R"(([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}))");
  add(email, "email");

  static const RE2 ssn(R"((?:^|[^0-9-])(\d{3}-\d{2}-\d{4})(?:$|[^0-9-]))");
  static const RE2 ssn_label(
      R"((?i:\b(?:ssn|ss#|social\s+security(?:\s+(?:no\.?|number|#))?))\s*[:#]?\s*((?:\d{3}|[xX*]{3})[\s.-]?(?:\d{2}|[xX*]{2})[\s.-]?\d{4}))");
  add(ssn, "ssn");
  add(ssn_label, "ssn");

  static const RE2 phone(
      R"((?:^|[^0-9])((?:\+?1[\s.-]?)?(?:\(\d{3}\)\s*|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?:\s*(?i:x|ext\.?)\s*\d{1,5})?)(?:$|[^0-9]))");
  static const RE2 phone_label(
      R"((?i:\b(?:phone|telephone|tel|fax|cell|mobile|ph)\.?(?:\s+(?:no\.?|number|#))?)\s*[:#]?\s*(\d{10})\b)");
  add(phone, "phone");
  add(phone_label, "phone");

  static const RE2 street(
      R"(\b(\d{1,6}(?:-\d{1,4})?\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z][A-Za-z'-]*|\d+(?:st|nd|rd|th))\.?\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Terrace|Ter|Trail|Trl|Square|Sq|Loop|Plaza|Alley|Row)\b\.?(?:,?\s+(?:Suite|Ste\.?|Unit|Apt\.?|Apartment|Bldg\.?|Building|Floor|Fl\.?|#)\s*#?[A-Za-z0-9-]+)?))");
  for (const auto& sp : all_matches(street, text)) {
    // "12 March Dr. Lee": "Dr." followed by a capitalized word is an honorific, not a street.
    const string_view s = text.substr(sp.start, sp.size());
    if (s.ends_with("Dr") || s.ends_with("Dr.")) {
      size_t k = sp.end;
      while (k < text.size() && text[k] == ' ') ++k;
      if (k < text.size() && is_upper_ascii(text[k])) continue;
    }
    out.push_back({sp.start, sp.end, "address"});
  }
  static const RE2 po_box(R"((?i)\b(P\.?\s*O\.?\s*Box\s+\d+))");
  add(po_box, "address");
  static const RE2 city_state_zip(
      R"(((?:[A-Z][A-Za-z.'-]+[ \t]+){0,3}[A-Z][A-Za-z.'-]+,?[ \t]+(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|California|Nevada|Arizona|Oregon)\.?[ \t]+\d{5}(?:-\d{4})?)\b)");
  add(city_state_zip, "address");

  static const RE2 honorific_name(
      R"(\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Doctor|Prof)\.?[ \t]+([A-Z][a-zA-Z]*(?:['’-][A-Z][a-zA-Z]+)?(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-zA-Z]*(?:['’-][A-Z][a-zA-Z]+)?)?))");
  add_names(text, honorific_name, out);
  static const RE2 credential_name(
      R"(\b([A-Z][a-zA-Z]+(?:[ \t]+[A-Z]\.?)?[ \t]+[A-Z][a-zA-Z]*(?:['’-][A-Z][a-zA-Z]+)?),?[ \t]+(?:M\.D\.|MD|D\.O\.|DO|D\.C\.|DC|PA-C|N\.P\.|NP|Ph\.D\.|PhD|DPM|DPT|L\.Ac\.|FNP)(?:$|[^A-Za-z]))");
  for (const auto& sp : all_matches(credential_name, text)) {
    const Span t = trim_name(text, sp);
    // Both words must survive: "Pain Medicine, MD" is not a name.
    if (t == sp) out.push_back({sp.start, sp.end, "name"});
  }
  static const RE2 person_label(
      R"((?i:\b(?:patient|patient\s+name|employee|injured\s+worker|applicant|claimant|requesting\s+(?:physician|provider)|treating\s+(?:physician|provider)|primary\s+treating\s+physician|applicant(?:'s)?\s+attorney|attorney|representative|adjuster|claims\s+adjuster|case\s+manager|nurse\s+case\s+manager))[ \t]*:[ \t]*([A-Z][a-zA-Z'’-]+(?:,? [A-Z][a-zA-Z'’-]*\.?){0,3}))");
  add_names(text, person_label, out);
  // A role word before a two-word name: "claims examiner Brent Holloway", "Psychiatrist Ana Ruiz".
  static const RE2 role_name(
      R"((?i:\b(?:examiner|adjuster|nurse|attorney|representative|physician|surgeon|psychiatrist|psychologist|therapist|chiropractor|worker|employee|patient|claimant|applicant))[ \t]*,?[ \t]+([A-Z][a-zA-Z'’-]+(?: [A-Z]\.)? [A-Z][a-zA-Z'’-]+))");
  for (const auto& sp : all_matches(role_name, text))
    if (trim_name(text, sp) == sp) out.push_back({sp.start, sp.end, "name"});
  // Organizations named by what they are: "Riverbend Spine Associates", "Kintner & Reyes Law Group".
  static const RE2 org_suffix(
      R"(\b((?:[A-Z][a-zA-Z'’-]+(?:[ \t]+|[ \t]*\n[ \t]*)(?:&[ \t]+)?){1,4}(?:(?:Associates|Medical Group|Medical Center|Medical Clinic|Clinic|Hospital|Chiropractic|Law Group|Law Offices?|LLC|Corporation)\b|Inc\.|Corp\.)))");
  for (const auto& sp : all_matches(org_suffix, text)) {
    const auto ws = words_of(text.substr(sp.start, sp.size()));
    if (!ws.empty() && !in_list(kNotNames, ws.front())) out.push_back({sp.start, sp.end, "organization"});
  }
  static const RE2 org_label(
      R"((?i:\b(?:employer|claims\s+administrator|insurer|insurance\s+carrier|carrier|third[- ]party\s+administrator|TPA|medical\s+group|law\s+firm))[ \t]*:[ \t]*([A-Z0-9][A-Za-z0-9&'’.-]*(?:,?[ \t]+(?:[A-Z0-9&][A-Za-z0-9&'’.-]*|of|and|the|de|la))*))");
  for (Span sp : all_matches(org_label, text)) {
    while (sp.end > sp.start && (text[sp.end - 1] == '.' || text[sp.end - 1] == ',')) {
      // Keep the period of "Inc." but not a sentence's full stop after a full word.
      if (text[sp.end - 1] == '.' && sp.size() >= 4 && (text.substr(sp.end - 4, 4) == "Inc." ||
                                                         text.substr(sp.end - 4, 4) == "Co.")) break;
      --sp.end;
    }
    if (sp.size() >= 2) out.push_back({sp.start, sp.end, "organization"});
  }

  static const RE2 dob_label(R"((?i)\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s*date|born(?:\s+on)?)(?:\b|[:.])[ \t]*[:.-]?[ \t]*)");
  for (const auto& sp : all_matches(dob_label, text)) {
    const auto d = find_date(text, sp.end);
    if (d && d->start == sp.end) out.push_back({d->start, d->end, "date_of_birth"});
  }

  static const RE2 claim_label(
      R"((?i:\b(?:claim|case|file|WCAB|policy|member|account)(?:[ \t]*(?:no\.?|number|num\.?|#|ID))?)[ \t]*[:#]?[ \t]*([A-Z0-9]+(?:[-.][A-Z0-9]+)*(?:[ \t][A-Z0-9]+(?:[-.][A-Z0-9]+)*){0,3}))");
  for (Span sp : all_matches(claim_label, text)) {
    // Keep the space-separated groups only while they carry digits ("05 1234 5678" yes,
    // "05-1234 MTUS" stops before MTUS).
    const string_view s = text.substr(sp.start, sp.size());
    size_t end = 0, digits = 0;
    for (string_view w : words_of(s)) {
      const size_t d = static_cast<size_t>(std::count_if(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }));
      if (d == 0 && end != 0) break;
      digits += d;
      end = static_cast<size_t>(w.data() - s.data()) + w.size();
    }
    if (digits < 3 || end == 0) continue;
    sp.end = sp.start + end;
    if (parse_date(text.substr(sp.start, sp.size()))) continue;  // "case 2-20-16" is a date
    out.push_back({sp.start, sp.end, "claim_number"});
  }
  static const RE2 claim_forms(R"(\b((?:ADJ[ \t]?-?\d{6,8})|(?:CM\d{2}-\d{5,})))");
  add(claim_forms, "claim_number");
  return out;
}

}  // namespace imr::redaction
