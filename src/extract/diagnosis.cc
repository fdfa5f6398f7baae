// kDiagnosis: conditions named in the record, with normalized subjects.
//
// One fact per condition per sentence. Codes: anxiety_disorder (anxiety, anxious, panic),
// depression, bipolar_disorder, neuropathic_pain, crps, radiculopathy (radiculitis,
// sciatica), low_back_pain, failed_back_surgery (post-laminectomy / failed back surgery
// syndrome), chronic_pain_syndrome, insomnia (sleep disturbance), muscle_spasm,
// osteoarthritis, spinal_stenosis, disc_degeneration, disc_herniation, facet_syndrome,
// spondylosis, head_injury, headache, knee_pain, neck_pain, shoulder_pain, myofascial_pain,
// fibromyalgia, opioid_use_disorder, substance_use_disorder, ptsd, major_depression,
// knee_osteoarthritis, spasticity, obesity, phantom_limb, multiple_sclerosis,
// diabetic_neuropathy, postherpetic_neuralgia, peptic_ulcer, gi_bleed, gerd. "No radiculopathy" is
// negated; "rule out radiculopathy" uncertain.
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "extract/detectors.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

struct Code {
  const char* subject;
  const char* pattern;
};

// Order matters where patterns overlap: the first code claiming bytes wins.
constexpr Code kCodes[] = {
    {"failed_back_surgery",
     R"(post[- ]?laminectomy (?:pain )?syndrome|failed back(?: surgery)?(?: syndrome)?|fbss)"},
    {"chronic_pain_syndrome", R"(chronic pain syndrome)"},
    {"opioid_use_disorder",
     R"(opioid (?:use disorder|dependence|addiction|abuse)|opiate (?:dependence|addiction)|narcotic (?:dependence|addiction))"},
    {"substance_use_disorder", R"(substance (?:abuse|use disorder)|alcohol (?:abuse|dependence)|alcoholism)"},
    {"bipolar_disorder", R"(bipolar(?: disorder| i| ii)?|manic depressi\w+)"},
    {"anxiety_disorder",
     R"(anxiety(?: disorder| attacks?)?|anxious|panic(?: attacks?| disorder)?|generalized anxiety)"},
    {"major_depression", R"(major depressi\w+(?: disorder| episode)?|mdd)"},
    {"depression", R"(depression|depressive(?: disorder)?|depressed|dysthymi\w*)"},
    {"ptsd", R"(ptsd|post[- ]traumatic stress(?: disorder)?)"},
    {"crps", R"(crps|complex regional pain syndrome|reflex sympathetic dystrophy|rsd)"},
    {"diabetic_neuropathy", R"(diabetic (?:peripheral )?(?:neuropathy|polyneuropathy|nerve pain))"},
    {"postherpetic_neuralgia", R"(post[- ]?herpetic neuralgia|phn|shingles pain)"},
    {"neuropathic_pain", R"(neuropathic pain|neuropathy|neuralgia|neuritis)"},
    {"peptic_ulcer", R"(peptic ulcers?(?: disease)?|(?:gastric|duodenal|stomach) ulcers?|pud|bleeding ulcers?)"},
    {"gi_bleed",
     R"((?:upper |lower )?(?:gi|gastrointestinal) (?:bleed|bleeding|hemorrhage)|gastric (?:bleed|bleeding|perforation)|perforated ulcers?)"},
    {"gerd", R"(gerd|gastro[- ]?esophageal reflux(?: disease)?|reflux esophagitis|gastritis)"},
    {"radiculopathy", R"(radiculopathy|radiculitis|radicular (?:pain|symptoms|complaints)|sciatica)"},
    {"myofascial_pain", R"(myofascial pain(?: syndrome)?)"},
    {"fibromyalgia", R"(fibromyalgia)"},
    {"facet_syndrome",
     R"(facet (?:syndrome|arthropathy|joint (?:pain|syndrome|arthropathy|disease)|hypertrophy|pain)|facet[- ]mediated pain)"},
    {"spinal_stenosis", R"((?:spinal |lumbar |cervical |foraminal |central )?stenosis)"},
    {"disc_herniation",
     R"((?:disc|disk) (?:herniation|protrusion|bulge|extrusion)s?|herniated (?:nucleus pulposus|discs?|disks?)|hnp)"},
    {"disc_degeneration",
     R"(degenerat\w+ (?:of )?(?:the )?(?:intervertebral |lumbar |cervical )?(?:disc|disk)s?|(?:disc|disk) degeneration|degenerative (?:disc|disk) disease|ddd)"},
    {"spondylosis", R"(spondylosis|spondylolisthesis)"},
    {"knee_osteoarthritis",
     R"((?:(?:right|left|bilateral) )?knee (?:osteoarthritis|arthritis|djd|degenerative joint disease)|(?:osteoarthritis|arthritis|degenerative joint disease) (?:of|in) (?:the |both )?(?:right |left |bilateral )?knees?)"},
    {"osteoarthritis", R"(osteoarthritis|degenerative joint disease|djd|arthritis)"},
    {"spasticity", R"(spasticity|spastic (?:paresis|hemiparesis|paraparesis))"},
    {"muscle_spasm", R"((?:muscle |muscular |paraspinal |paravertebral |lumbar |back )?spasms?)"},
    {"obesity", R"((?:morbid |severe |extreme |class iii )?obes(?:e|ity)|bmi (?:of )?(?:4\d|5\d|6\d))"},
    {"phantom_limb", R"(phantom (?:limb )?(?:pain|sensations?))"},
    {"multiple_sclerosis", R"(multiple sclerosis)"},
    {"insomnia",
     R"(insomnia|sleep (?:disturbance|disorder|difficulties|difficulty|problems)|difficulty sleeping|trouble sleeping|poor sleep|unable to (?:fall|stay) asleep|problems falling asleep)"},
    {"head_injury",
     R"((?:closed[- ])?head (?:injury|trauma)|concussion|traumatic brain injury|tbi|post[- ]concussive syndrome)"},
    {"headache", R"(headaches?|migraines?|cephalgia)"},
    {"low_back_pain",
     R"((?:low|lower) back pain|lumbago|lumbar (?:spine )?(?:pain|strain|sprain)|lumbosacral (?:pain|strain|sprain)|(?:chronic )?back pain)"},
    {"neck_pain", R"(neck pain|cervicalgia|cervical (?:spine )?(?:pain|strain|sprain))"},
    {"knee_pain", R"(knee (?:pain|strain|sprain|internal derangement)|internal derangement of (?:the )?(?:right |left )?knee)"},
    {"shoulder_pain", R"(shoulder (?:pain|impingement|strain|sprain)|rotator cuff (?:tear|syndrome|tendinitis|tendonitis))"},
    {"carpal_tunnel", R"(carpal tunnel syndrome)"},
};

const std::vector<std::unique_ptr<RE2>>& patterns() {
  static const std::vector<std::unique_ptr<RE2>> res = [] {
    std::vector<std::unique_ptr<RE2>> v;
    for (const Code& c : kCodes)
      v.push_back(std::make_unique<RE2>(std::string(R"(\b(?:)") + c.pattern + R"()\b)"));
    return v;
  }();
  return res;
}

}  // namespace

void detect_diagnoses(const SentenceContext& s, std::vector<Fact>& out) {
  const std::string_view n = s.norm();
  std::vector<std::pair<size_t, size_t>> claimed;
  std::vector<std::pair<size_t, Fact>> found;
  const auto& res = patterns();
  for (size_t i = 0; i < res.size(); ++i) {
    for (const ReMatch& m : find_all(*res[i], n, 8)) {
      bool overlap = false;
      for (const auto& [a, b] : claimed) overlap = overlap || (m.start < b && a < m.end);
      if (overlap) continue;
      claimed.emplace_back(m.start, m.end);
      // "upper back pain" is thoracic, not low back.
      if (std::string_view(kCodes[i].subject) == "low_back_pain" && m.start >= 6 &&
          n.substr(m.start - 6, 6) == "upper ")
        continue;
      // "respiratory depression" is an adverse effect, not a mood disorder.
      if (std::string_view(kCodes[i].subject) == "depression" && m.start >= 12 &&
          n.substr(m.start - 12, 12) == "respiratory ")
        continue;
      Fact f = s.make(FactKind::kDiagnosis, m.start, m.end);
      f.subject = kCodes[i].subject;
      found.emplace_back(m.start, std::move(f));
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> seen;
  for (auto& [pos, f] : found) {
    if (std::find(seen.begin(), seen.end(), f.subject) != seen.end()) continue;
    seen.push_back(f.subject);
    // Diabetic neuropathy and postherpetic neuralgia are neuropathic pain too.
    const bool neuropathic = f.subject == "diabetic_neuropathy" || f.subject == "postherpetic_neuralgia";
    Fact parent = f;
    out.push_back(std::move(f));
    if (neuropathic && std::find(seen.begin(), seen.end(), "neuropathic_pain") == seen.end()) {
      seen.push_back("neuropathic_pain");
      parent.subject = "neuropathic_pain";
      out.push_back(std::move(parent));
    }
  }
}

}  // namespace imr::extract_detail
