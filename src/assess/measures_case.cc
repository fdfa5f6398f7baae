// Measures over the case around the item: what utilization review did with it (modified to
// a smaller quantity, certified a trial first), and the other disputed items it depends on
// (an associated surgical service follows its surgery).
#include <algorithm>

#include "assess/fact_query.h"
#include "assess/measures.h"
#include "core/text.h"

namespace imr {
namespace {

using S = CriterionState;

Evidence ur_evidence(const UrItem& item) {
  std::string text = item.request;
  if (!item.certified.empty()) text += " (certified: " + item.certified + ")";
  return Evidence{-2, 0, text.size(), text};
}

// UR modified the request to a smaller quantity (weaning): a UR decision in the case file
// or a UR action stated in the record.
Finding ur_weaning(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  for (const Fact* f : facts_of(ctx, FactKind::kUrAction)) {
    if (f->qualifier != "modified" && f->qualifier != "weaning") continue;
    if (!f->subject.empty() && ctx.request.drug && f->subject != ctx.request.drug->key) continue;
    cite(out, *f);
    out.vars["value"] = f->value ? format_number(*f->value) : std::string("a smaller quantity");
    out.reason = "modified";
    out.state = S::kMet;
    return out;
  }
  if (ctx.ur_item && ctx.ur_item->action == "modified") {
    out.evidence.push_back(ur_evidence(*ctx.ur_item));
    out.vars["value"] = ctx.ur_item->certified.empty() ? "a smaller quantity" : ctx.ur_item->certified;
    out.reason = "modified";
    out.state = S::kMet;
    return out;
  }
  out.reason = "not_modified";
  out.state = S::kNotDocumented;
  return out;
}

// When UR certified part of the request (a trial of the service), the rest waits for the
// results of that part: met when the request is not such a remainder, or when the record
// reports the certified sessions' results (args.subject: the therapies that count); not met
// while they are not reported.
Finding certified_part_reported(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  if (!ctx.certified) {
    out.evidence.push_back(request_evidence(ctx.request));
    out.reason = "nothing_certified";
    out.state = S::kMet;
    return out;
  }
  out.vars["certified"] = ctx.certified->text;
  if (ctx.ur_item) out.evidence.push_back(ur_evidence(*ctx.ur_item));
  const auto subjects = rule.args.code_set("subject");
  for (const Fact* f : facts_of(ctx, FactKind::kTherapyCompleted)) {
    if (f->polarity != Polarity::kAffirmed || !in_or_any(subjects, f->subject)) continue;
    if (f->qualifier != "helped" && f->qualifier != "reported_benefit") continue;
    cite(out, *f);
    out.vars["quote"] = f->evidence.text;
    out.reason = "results_reported";
    out.state = S::kMet;
    return out;
  }
  out.reason = "awaiting_results";
  out.state = S::kNotMet;
  return out;
}

// An item that serves another (an associated surgical service, the treatment after an
// evaluation) follows that item's decision: the disputed item of a topic in args.topics,
// decided necessary (met) or not (not met). When none is in dispute, the record decides:
// a planned or approved procedure (args.procedure_kind facts) meets it, nothing found is
// not documented.
Finding follows_item(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto topics = rule.args.code_set("topics");
  if (ctx.related) {
    const RelatedItem* index = nullptr;
    for (const auto& r : *ctx.related) {
      if (r.request == &ctx.request || !topics.count(r.topic)) continue;
      if (!index || (r.decision && !index->decision)) index = &r;
    }
    if (index) {
      out.evidence.push_back(request_evidence(*index->request));
      out.vars["value"] = index->request->text;
      if (!index->decision) {
        out.reason = "index_undecided";
        out.state = S::kNotDocumented;
      } else if (*index->decision == Decision::kOverturned) {
        out.reason = "index_necessary";
        out.state = S::kMet;
      } else {
        out.reason = "index_not_necessary";
        out.state = S::kNotMet;
      }
      return out;
    }
  }
  // Not in dispute: the record says whether the procedure is planned or approved.
  for (const Fact* f : facts_of(ctx, FactKind::kSurgery)) {
    if (f->polarity != Polarity::kAffirmed || !in_or_any(rule.args.code_set("qualifier"), f->qualifier)) continue;
    cite(out, *f);
    out.vars["value"] = f->subject;
    out.vars["quote"] = f->evidence.text;
    out.reason = "index_planned";
    out.state = S::kMet;
    return out;
  }
  out.reason = "no_index";
  out.state = S::kNotDocumented;
  return out;
}

}  // namespace

std::vector<MeasureContract> case_measures() {
  return {
      {"ur_weaning", ur_weaning, "UR modified the request to a smaller quantity (weaning)", {},
       {{S::kMet, "modified", {"value"}}, {S::kNotDocumented, "not_modified", {}}},
       {FactKind::kUrAction}},
      {"certified_part_reported", certified_part_reported,
       "the results of the part UR certified are reported before more is given (args.subject: therapies)",
       {{"subject", ArgType::kCodes, false, "therapy_completed.subject", "therapies whose results count"}},
       {{S::kMet, "nothing_certified", {}},
        {S::kMet, "results_reported", {"certified", "quote"}},
        {S::kNotMet, "awaiting_results", {"certified"}}},
       {FactKind::kTherapyCompleted}},
      {"follows_item", follows_item,
       "the item this one serves (a disputed item of args.topics, else a planned procedure in the record) is necessary",
       {{"topics", ArgType::kCodes, true, "topic", "the topics of the item it serves"},
        {"qualifier", ArgType::kCodes, false, "surgery.qualifier", "which procedures in the record count (planned, ...)"}},
       {{S::kMet, "index_necessary", {"value"}},
        {S::kNotMet, "index_not_necessary", {"value"}},
        {S::kNotDocumented, "index_undecided", {"value"}},
        {S::kMet, "index_planned", {"value", "quote"}},
        {S::kNotDocumented, "no_index", {}}},
       {FactKind::kSurgery}},
  };
}

}  // namespace imr
