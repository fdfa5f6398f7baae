// kWorkStatus: full duty, modified duty (restrictions), temporarily totally disabled,
// not working, retired, permanent and stationary, or back at work ("working").
// The status words themselves may contain "not" ("not working"); only a negation before
// the phrase negates it ("he is not on modified duty"). date: a date written in the same
// clause ("returned to full duty 2/1/16"), else the narrative date.
#include <re2/re2.h>

#include "extract/detectors.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& status_re() {
  static const RE2 re(
      R"(\b(?:(full duty|regular duty|full[- ]time (?:regular )?(?:work|duty)|usual (?:and customary )?duties|unrestricted duty|without (?:any )?(?:work )?restrictions)|(modified duty|modified work|light duty|restricted duty|restricted work|transitional duty|work restrictions|with restrictions|(?:lifting|work|activity) restrictions?|restrictions (?:of|including)|modified (?:activity|activities))|(temporarily (?:and )?totally disabled|temporary total(?:ly)? disab\w+|totally temporarily disabled|ttd)|(off work|off of work|not (?:currently )?working|not (?:been )?(?:able to )?work(?:ing)?|has not (?:returned to|worked)|not returned to work|unable to work|unemployed|remains off|not employed)|(retired)|(permanent and stationary|p&s|maximum medical improvement|mmi)|(currently working|returned to work|is working|back to work|continues to work|working full[- ]time|working part[- ]time))\b)");
  return re;
}

constexpr const char* kQualifiers[] = {"full_duty", "modified_duty", "ttd", "not_working",
                                       "retired", "permanent_stationary", "working"};

}  // namespace

void detect_work_status(const SentenceContext& s, std::vector<Fact>& out) {
  std::vector<std::string> seen;
  for (const ReMatch& m : find_all(status_re(), s.norm(), 8)) {
    std::string qual;
    for (size_t g = 1; g <= 7; ++g)
      if (m.has(g)) qual = kQualifiers[g - 1];
    if (qual.empty()) continue;
    bool dup = false;
    for (const auto& q : seen) dup = dup || q == qual;
    if (dup) continue;
    seen.push_back(qual);
    Fact f = s.make(FactKind::kWorkStatus, m.start, m.end);
    f.subject = "work";
    f.qualifier = qual;
    // "without restrictions" carries its own "without".
    if (qual == "full_duty" && m.group(0).rfind("without", 0) == 0)
      f.polarity = s.scopes().at(m.start, m.start);
    // "Returned to full duty 2/1/16", "P&S as of 1/5/16": the date written with the status.
    if (auto d = s.date_near(m.start, m.end)) f.date = d;
    out.push_back(std::move(f));
  }
}

}  // namespace imr::extract_detail
