// kSurgery: operations done or planned.
//
// subject: the procedure as written, lower case, with its modifiers and levels ("lumbar
// spine surgery", "anterior and posterior fusion at l3 to s1", "laminectomy" from "s/p
// laminectomy"). qualifier "planned" when pending, scheduled, recommended, requested, in the
// treatment plan, authorised or a candidate (said before the procedure, after it in the same
// clause, or as a "Plan:" heading); else "done". date: an explicit date in the
// same clause ("on 12/17/2009"); an undated surgery has no date (the narrative date is the visit's, not the operation's).
// Names of syndromes ("post-laminectomy syndrome", "failed back surgery syndrome") and
// "surgical candidate" phrases are not surgeries.
#include <re2/re2.h>

#include "extract/detectors.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& surgery_re() {
  static const RE2 re(
      R"(\b((?:(?:anterior|posterior|lateral|lumbar|cervical|thoracic|spinal|spine|knee|shoulder|back|hip|neck|revision|decompressive|total|partial|right|left|bilateral|instrumented|interbody|l\d(?:-\d)?|c\d(?:-\d)?|and|/)\s+){0,6}(?:fusions?|laminectom(?:y|ies)|hemilaminectomy|laminotomy|(?:micro)?discectom(?:y|ies)|foraminotomy|arthrodesis|arthroplasty|arthroscop(?:y|ic surgery)|replacement|surger(?:y|ies)|hardware removal|removal of (?:the )?hardware|rotator cuff repair|carpal tunnel release|decompression|spinal cord stimulator implant(?:ation)?|hernia repair|herniorrhaphy|hernioplasty|meniscectomy|acromioplasty|(?:acl|ligament) reconstruction|(?:trigger finger|cubital tunnel|de quervain'?s?) release|open reduction(?: and)? internal fixation|orif)(?:\s+(?:at|of|from)\s+(?:the\s+)?(?:[lcst]\d(?:\s*-\s*\d)?)(?:\s*(?:to|through|-|and)\s*[lcst]\d(?:\s*-\s*\d)?)?)?))");
  return re;
}
const RE2& planned_re() {
  static const RE2 re(
      R"(\b(?:pending|scheduled|scheduling|planned|plan(?:s)? (?:for|to)|(?:treatment )?plan (?:included|includes|is|was)|plan of care|recommended|recommend|requested|request|candidate for|awaiting|upcoming|will undergo|to undergo|considering|consider|proposed|authori[sz]ed|approved)\b)");
  return re;
}
// After the procedure: "... is scheduled", "... was authorized", "... has been requested".
const RE2& planned_after_re() {
  static const RE2 re(
      R"(^[^.;]{0,40}?\b(?:is|was|are|were|has been|have been|had been|being|to be)\s+(?:now\s+|being\s+)?(?:scheduled|planned|pending|recommended|requested|authori[sz]ed|approved|proposed|considered)\b)");
  return re;
}
// A sentence that is the plan: "Plan: ...", "Plan of care: ...", "Treatment plan: ...".
const RE2& plan_heading_re() {
  static const RE2 re(R"(^\s*(?:(?:treatment |surgical )?plan(?: of care)?|recommendations?|assessment and plan)\s*:)");
  return re;
}
const RE2& not_surgery_after() {
  static const RE2 re(R"(^\s*(?:syndrome|candidate|consult\w*|evaluation|referral|history)\b)");
  return re;
}

}  // namespace

void detect_surgery(const SentenceContext& s, std::vector<Fact>& out) {
  const std::string_view n = s.norm();
  for (const ReMatch& m : find_all(surgery_re(), n, 6)) {
    const std::string_view after = n.substr(m.end);
    if (contains(not_surgery_after(), after)) continue;
    if (m.start >= 7 && n.substr(m.start - 7, 7) == "failed ") continue;  // failed back surgery
    std::string subject(trim(m.group(1)));
    if (subject.rfind("and ", 0) == 0) subject = subject.substr(4);
    Fact f = s.make(FactKind::kSurgery, m.start, m.end);
    f.subject = subject;
    const Span c = s.clause(m.start);
    const size_t from = m.start > c.start + 40 ? m.start - 40 : c.start;
    const bool planned = contains(planned_re(), n.substr(from, m.start - from)) ||
                         contains(planned_after_re(), n.substr(m.end, c.end > m.end ? c.end - m.end : 0)) ||
                         contains(plan_heading_re(), n.substr(0, m.start));
    f.qualifier = planned ? "planned" : "done";
    f.date = s.date_near(m.start, m.end, /*surgery=*/true);
    out.push_back(std::move(f));
  }
}

}  // namespace imr::extract_detail
