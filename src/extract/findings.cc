// Findings: kImagingFinding and kInjectionResponse. (Examination findings and red flags are
// data: data/lexicon/exam.yaml and red_flags.yaml, read by lexicon_facts.cc.)
//
// Imaging: a study named (MRI, CT, x-ray, EMG/NCV) with a result word in the sentence
// ("MRI of the lumbar spine showed an L5-S1 protrusion compressing the S1 nerve root");
// the most specific result wins: nerve_root_compression > disc_herniation > stenosis >
// fracture > other (tears) > degenerative > normal. EMG/NCV "radiculopathy" counts as
// nerve_root_compression. A sentence that only orders a study gives nothing. `region`
// holds the body region named, by id ("lumbar_spine"). Injection responses: an
// injection named with a response (percent relief, "no relief", "for six weeks"):
// value = percent, duration_days, qualifier helped / no_benefit.
#include <re2/re2.h>

#include <algorithm>

#include "extract/detectors.h"
#include "extract/quantity.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& region_re() {
  static const RE2 re(
      R"(\b(?:(lumbar|lumbosacral|low back|lower back|l\d-[ls]?\d|l5-s1)|(cervical|neck|c\d-c?\d)|(thoracic)|(shoulder)|(knee)|(hip)|(wrist|hand|carpal)|(elbow)|(ankle|foot))\b)");
  return re;
}
// Region ids of data/body_regions.yaml, so a finding's region compares with a request's.
const char* const kRegions[] = {"lumbar_spine", "cervical_spine", "thoracic_spine", "shoulder",  "knee",
                                "hip",          "wrist_hand",     "elbow",          "ankle_foot"};

}  // namespace

std::string region_in(std::string_view n) {
  ReMatch m;
  if (!find_first(region_re(), n, 0, &m)) return "";
  for (size_t g = 1; g <= 9; ++g)
    if (m.has(g)) return kRegions[g - 1];
  return "";
}

namespace {

const RE2& study_re() {
  static const RE2 re(
      R"(\b(?:(mri|mr imaging|magnetic resonance imaging)|(ct|ct scan|cat scan|computed tomography)|(x-?rays?|radiographs?|plain films?)|(emg(?:/nc[vs])?|nc[vs]|electromyograph\w*|nerve conduction(?: studies| study| velocity)?|electrodiagnostic(?: studies| testing)?))\b)");
  return re;
}
const char* const kStudies[] = {"mri", "ct", "xray", "emg_ncv"};

const RE2& result_word_re() {
  static const RE2 re(
      R"(\b(?:showed|shows|show|revealed|reveals|reveal|demonstrated|demonstrates|demonstrate|confirms|noted|notable for|significant for|confirmed|consistent with|positive for|negative|normal|unremarkable|findings?|impression|was read as|with)\b)");
  return re;
}
const RE2& order_only_re() {
  static const RE2 re(
      R"(\b(?:request(?:s|ed|ing)?|recommend(?:s|ed)?|order(?:ed)?|will obtain|to obtain|pending|schedule[ds]?|plan(?:s|ned)? (?:to|for)|authoriz\w+)\b)");
  return re;
}
const RE2& result_verb_re() {
  static const RE2 re(R"(\b(?:showed|shows|revealed|reveals|demonstrated|demonstrates|demonstrate|confirmed|confirms)\b)");
  return re;
}
// Result kinds, most specific first.
const RE2& nerve_root_re() {
  static const RE2 re(
      R"(\b(?:(?:nerve )?root (?:compression|impingement|displacement|abutment|encroachment)|compress\w* (?:on |of )?(?:the )?(?:traversing |exiting |left |right )?(?:[lcs]\d )?nerve roots?|impinging (?:on |upon )?(?:the )?(?:traversing |exiting |left |right )?(?:[lcs]\d )?(?:nerve )?roots?|(?:contacts?|abuts?|displaces?|effaces?) (?:the )?(?:traversing |exiting |left |right )?(?:[lcs]\d )?(?:nerve )?roots?|radiculopathy|denervation)\b)");
  return re;
}
const RE2& herniation_re() {
  static const RE2 re(R"(\b(?:herniat\w+|protrusion|extrusion|(?:disc|disk) bulg\w*|bulging (?:disc|disk)|hnp)\b)");
  return re;
}
const RE2& stenosis_re() {
  static const RE2 re(R"(\bstenosis\b)");
  return re;
}
const RE2& fracture_re() {
  static const RE2 re(R"(\bfractures?\b)");
  return re;
}
const RE2& other_re() {
  static const RE2 re(R"(\b(?:tears?|torn|carpal tunnel|neuropathy|entrapment|effusion|lesion|mass)\b)");
  return re;
}
const RE2& degenerative_re() {
  static const RE2 re(
      R"(\b(?:degenerat\w+|spondylosis|arthritis|osteoarthritis|arthropathy|osteophytes?|joint space narrowing|desiccation)\b)");
  return re;
}
const RE2& normal_re() {
  static const RE2 re(
      R"(\b(?:normal|unremarkable|negative|no (?:acute |significant )?(?:abnormalit\w+|findings|pathology|evidence))\b)");
  return re;
}

const RE2& injection_re() {
  static const RE2 re(
      R"(\b(?:(epidural(?: steroid)?(?: injections?)?|esis?|transforaminal (?:epidural |steroid )?(?:injections?|blocks?)|interlaminar (?:injections?|epidural))|(facet (?:joint )?(?:injections?|blocks?)|medial branch (?:nerve )?blocks?|mbbs?)|(radiofrequency (?:ablation|neurotomy|rhizotomy)|rhizotomy|rfa)|(trigger point injections?|tpis?)|(synvisc(?:-one)?|euflexxa|orthovisc|hyaluron\w+(?: acid)?(?: injections?)?|viscosupplementation))\b)");
  return re;
}
const char* const kInjections[] = {"epidural", "facet", "radiofrequency", "trigger_point", "knee_injection"};

const RE2& percent_re() {
  static const RE2 re(R"(\b(\d{1,3})\s*(?:%|percent)(?:\s|$|[^\w]))");
  return re;
}
const RE2& response_re() {
  static const RE2 re(
      R"(\b(?:relief|improve\w*|benefit\w*|helped|helpful|reduction|reduced|decreased|less pain|no change|did not help|didn't help|ineffective|failed)\b)");
  return re;
}
const RE2& no_response_re() {
  static const RE2 re(
      R"(\b(?:no (?:\w+ )?(?:relief|benefit|improvement|change)|without (?:\w+ )?(?:relief|benefit|improvement)|did not help|didn't help|not helpful|ineffective|failed|minimal (?:relief|benefit)|little (?:relief|benefit))\b)");
  return re;
}
const RE2& lasting_re() {
  static const RE2 re(std::string(R"(\b(?:for|lasting|lasted|over|about|approximately|nearly)\s+(?:about\s+|approximately\s+|nearly\s+|at least\s+)?()") +
                      kNumberPattern + R"()\s+(days?|weeks?|months?)\b)");
  return re;
}

std::optional<int> days_of(std::string_view number, std::string_view unit) {
  auto n = parse_number(number);
  if (!n) return std::nullopt;
  const int per = unit.rfind("month", 0) == 0 ? 30 : unit.rfind("week", 0) == 0 ? 7 : 1;
  return static_cast<int>(*n * per);
}

void imaging(const SentenceContext& s, std::vector<Fact>& out) {
  const std::string_view n = s.norm();
  ReMatch m;
  if (!find_first(study_re(), n, 0, &m)) return;
  if (!contains(result_word_re(), n)) return;
  std::string q;
  if (contains(nerve_root_re(), n)) q = "nerve_root_compression";
  else if (contains(herniation_re(), n)) q = "disc_herniation";
  else if (contains(stenosis_re(), n)) q = "stenosis";
  else if (contains(fracture_re(), n)) q = "fracture";
  else if (contains(other_re(), n)) q = "other";
  else if (contains(degenerative_re(), n)) q = "degenerative";
  else if (contains(normal_re(), n)) q = "normal";
  if (q.empty()) return;
  // "An MRI is requested to look for a herniation": an order, not a result.
  if (contains(order_only_re(), n) && !contains(result_verb_re(), n))
    return;
  Fact f = s.make(FactKind::kImagingFinding, m.start, m.end);
  for (size_t g = 1; g <= 4; ++g)
    if (m.has(g)) f.subject = kStudies[g - 1];
  f.qualifier = q;
  if (f.polarity == Polarity::kNegated) f.polarity = Polarity::kAffirmed;  // "negative EMG" is a result
  f.region = region_in(n);
  if (auto d = s.date_near(m.start, m.end)) f.date = d;
  out.push_back(std::move(f));
}

void injections(const SentenceContext& s, std::vector<Fact>& out) {
  const std::string_view n = s.norm();
  ReMatch m;
  if (!find_first(injection_re(), n, 0, &m)) return;
  ReMatch pct;
  const bool has_pct = find_first(percent_re(), n, 0, &pct);
  if (!has_pct && !contains(response_re(), n)) return;
  if (!has_pct && contains(order_only_re(), n) && !contains(no_response_re(), n)) return;
  Fact f = s.make(FactKind::kInjectionResponse, m.start, m.end);
  for (size_t g = 1; g <= 5; ++g)
    if (m.has(g)) f.subject = kInjections[g - 1];
  f.polarity = Polarity::kAffirmed;  // a response reported, whatever it was
  if (has_pct)
    if (auto v = parse_number(pct.group(1))) f.value = *v;
  if (ReMatch d; find_first(lasting_re(), n, 0, &d)) f.duration_days = days_of(d.group(1), d.group(2));
  if (contains(no_response_re(), n)) f.qualifier = "no_benefit";
  else f.qualifier = "helped";
  if (auto d = s.date_near(m.start, m.end)) f.date = d;
  out.push_back(std::move(f));
}

}  // namespace

void detect_findings(const SentenceContext& s, std::vector<Fact>& out) {
  imaging(s, out);
  injections(s, out);
}

}  // namespace imr::extract_detail
