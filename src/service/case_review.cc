// The case service: the engine's draft and the reviewer's work on it — decisions, answers to
// the criteria that decided the draft, rationales, citations, the case summary, and the
// evidence the reviewer opened. Signing and amendments are in case_signing.cc; the rules a
// review must satisfy are service/review_rules.h's.
#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "render/review_json.h"
#include "render/summary.h"
#include "service/case_internal.h"
#include "service/case_service.h"

namespace imr {

using namespace case_internal;

namespace {

// Bounds on what a reviewer writes (a letter's parts, not documents).
constexpr size_t kMaxReviewerText = 20000;
constexpr size_t kMaxCitations = 30;

std::string criterion_title(const CaseDraft& draft, const std::string& item_id, const std::string& id) {
  const json* c = draft_criterion(draft, item_id, id);
  return c && c->contains("title") && (*c)["title"].is_string() ? (*c)["title"].get<std::string>() : id;
}

// The reviewer's citations, trimmed, blank ones dropped; nullopt when none are left (the
// draft's apply).
std::optional<std::vector<std::string>> cleaned_citations(const std::vector<std::string>& given) {
  std::vector<std::string> out;
  for (const auto& c : given) {
    const std::string t = collapse_whitespace(c);
    if (!t.empty()) out.push_back(t);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

json answers_detail(const std::vector<CriterionAnswer>& answers) {
  json out = json::array();
  for (const auto& a : answers) {
    json one = {{"criterion", a.criterion}, {"agree", a.agree}};
    if (!a.agree) one["note"] = a.note;
    out.push_back(one);
  }
  return out;
}

}  // namespace

json CaseService::draft(const std::string& case_id, const std::string& actor, CaseWrite* write) {
  const Timestamp now = context_.clock();
  json review;
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseFile file = load_case(tx, case_id, write);
    bool changed = false;
    // The assigned reviewer's first look at the draft starts the opening-to-signing clock.
    if (actor == file.reviewer_id && file.status == CaseStatus::kInReview && !file.doc.opened_at) {
      file.doc.opened_at = now;
      changed = true;
      record_audit(tx, case_id, now, actor, "opened");
    }
    if (file.doc.draft_current() || file.status == CaseStatus::kSigned) {
      if (file.doc.draft) review = file.doc.draft->review;
      else why = "case " + case_id + " was signed without a stored draft";
      if (changed) save_case(tx, file);
      if (write) write->version = file.version;
      return;
    }
    if (file.status != CaseStatus::kInReview) {
      why = "case " + case_id + " is " + status_words(file.status) +
            ": the engine drafts once the records are complete";
      return;
    }
    const EngineInput input = engine_input(tx, file, context_);
    const Knowledge& k = *context_.knowledge;
    const Review r = engine_.review(input.engine_case);
    review = to_json(r, /*include_facts=*/true);
    file.doc.draft = CaseDraft{now,   r.rules_version, r.drugs_version, input.engine_case.records.size(),
                               input.item_ids, false, review,
                               compose_case_summary(input.engine_case, r, k.drugs, &k.vocabulary)};
    json decisions = json::array();
    for (const auto& [id, d] : determinations_by_item(input, r)) {
      CaseItem& item = *file.doc.item(id);
      item.engine_decision = d->decision;
      item.engine_rationale = d->rationale;
      item.topic = d->topic;
      if (!item.rationale_written) item.rationale = rationale_with_notes(item, *file.doc.draft);
    }
    for (const auto& d : r.items) decisions.push_back(decision_json(d.decision));
    save_case(tx, file);
    if (write) write->version = file.version;
    record_audit(tx, case_id, now, actor, "drafted",
                 {{"rules_version", r.rules_version}, {"drugs_version", r.drugs_version}, {"decisions", decisions}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "draft", why);
  return review;
}

int64_t CaseService::decide(const std::string& case_id, const ItemEdit& edit, const std::string& actor) {
  const Timestamp now = context_.clock();
  int64_t version = 0;
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseFile file = load_case(tx, case_id);
    if (file.status == CaseStatus::kSigned) {
      why = "case " + case_id + " is signed and locked: a correction is a signed amendment";
      return;
    }
    why = reviewer_refusal(file, actor, "decide its items", "has no current draft: open the draft first");
    if (!why.empty()) return;
    CaseItem& item = edited_item(file.doc, edit, case_id);
    const size_t number = item_number(file.doc, item);
    if (edit.expected_version && *edit.expected_version != file.version)
      throw ConflictError(fmt::format("case {} changed since version {} (now {}): reload and edit again",
                                      case_id, *edit.expected_version, file.version));
    const CaseDraft& draft = *file.doc.draft;
    const bool no_rule = drafted_without_rule(draft, item.id);

    // Answers to the criteria: each replaces an earlier one; a disagreement says why.
    for (const auto& a : edit.answers) {
      if (!draft_criterion(draft, item.id, a.criterion))
        throw NotFoundError(fmt::format("item {} of case {} has no criterion '{}' in its draft", number, case_id,
                                        a.criterion.substr(0, 80)));
      if (!a.agree && trim(a.note).empty()) {
        why = fmt::format("item {}: say why you disagree with '{}' (a note is needed)", number,
                          criterion_title(draft, item.id, a.criterion));
        return;
      }
      if (a.note.size() > kMaxReviewerText) throw InputError("", fmt::format("item {}: a note is too long", number));
      CriterionAnswer answer{a.criterion, a.agree, a.agree ? "" : std::string(trim(a.note))};
      bool replaced = false;
      for (auto& old : item.answers)
        if (old.criterion == a.criterion) old = answer, replaced = true;
      if (!replaced) item.answers.push_back(answer);
    }
    if (edit.citations) {
      if (edit.citations->size() > kMaxCitations)
        throw InputError("", fmt::format("item {}: at most {} citations", number, kMaxCitations));
      item.citations = cleaned_citations(*edit.citations);
    }

    // The decision: kept, the engine's (accepted), or the reviewer's own.
    const auto engine = item.engine_decision;
    const auto decision = edit.keep_decision ? item.decision : edit.decision ? edit.decision : engine;
    if (!edit.keep_decision && !decision) {
      why = fmt::format("item {} has no engine decision to accept (no rule pack covers it): choose upheld or "
                        "overturned",
                        number);
      return;
    }
    const bool changed = decision && engine && decision != engine;
    if (!edit.keep_decision && changed && trim(edit.reason).empty()) {
      why = fmt::format("item {}: changing the engine's decision needs a reason", number);
      return;
    }

    // The rationale: the reviewer's own once written ("" goes back to the draft's, with the notes).
    if (edit.rationale) {
      if (edit.rationale->size() > kMaxReviewerText)
        throw InputError("", fmt::format("item {}: the rationale is too long", number));
      if (trim(*edit.rationale).empty()) {
        item.rationale_written = false;
      } else if (*edit.rationale != item.rationale) {
        item.rationale = *edit.rationale;
        item.rationale_written = true;
      }
    }
    item.decision = decision;
    if (!item.rationale_written) item.rationale = rationale_with_notes(item, draft);
    if (!edit.keep_decision && changed && engine && item.rationale == item.engine_rationale) {
      why = fmt::format("item {}: the rationale still argues the engine's decision; write the rationale for yours",
                        number);
      return;
    }
    if (!edit.keep_decision && no_rule && (!item.rationale_written || trim(item.rationale).empty())) {
      why = fmt::format("item {}: no rule pack covers it, so the rationale is yours to write", number);
      return;
    }
    if (!edit.keep_decision) {
      item.reason = std::string(trim(edit.reason));
      item.decided_by = actor;
      item.decided_at = now;
    }
    save_case(tx, file);
    version = file.version;
    json detail = {{"item", number},
                   {"item_id", item.id},
                   {"decision", decision_json(item.decision)},
                   {"engine_decision", decision_json(engine)},
                   {"changed", changed},
                   {"decision_set", !edit.keep_decision},
                   {"rationale_edited", item.rationale_written},
                   {"reason", item.reason}};
    if (!edit.answers.empty()) detail["answers"] = answers_detail(edit.answers);
    if (edit.citations) detail["citations_edited"] = item.citations.has_value();
    record_audit(tx, case_id, now, actor, "edited", detail);
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "edit", why);
  return version;
}

void CaseService::edit_summary(const std::string& case_id, const std::optional<std::string>& summary,
                               const std::string& actor, CaseWrite* write) {
  const Timestamp now = context_.clock();
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseFile file = load_case(tx, case_id, write);
    if (file.status == CaseStatus::kSigned) {
      why = "case " + case_id + " is signed and locked: a correction is a signed amendment";
      return;
    }
    why = reviewer_refusal(file, actor, "edit its letter", "has no current draft: open the draft first");
    if (!why.empty()) return;
    if (summary && summary->size() > kMaxReviewerText) throw InputError("", "the case summary is too long");
    const bool reset = !summary || trim(*summary).empty();
    if (reset) file.doc.summary.reset();
    else file.doc.summary = std::string(trim(*summary));
    save_case(tx, file);
    if (write) write->version = file.version;
    record_audit(tx, case_id, now, actor, "summary_edited",
                 {{"reset", reset}, {"characters", reset ? 0 : file.doc.summary->size()}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "edit_summary", why);
}

void CaseService::evidence_opened(const std::string& case_id, const EvidenceView& view, const std::string& actor) {
  const Timestamp now = context_.clock();
  store_.transact([&](StoreTx& tx) {
    CaseFile file = load_case(tx, case_id);
    ItemEdit which;
    which.item_id = view.item_id;
    which.item = view.item;
    const CaseItem* item = &edited_item(file.doc, which, case_id);
    if (!file.doc.draft || !draft_criterion(*file.doc.draft, item->id, view.criterion))
      throw NotFoundError(fmt::format("item {} of case {} has no criterion '{}' in its draft",
                                      item_number(file.doc, *item), case_id, view.criterion.substr(0, 80)));
    if (view.record < -1 || view.record >= static_cast<int>(file.doc.draft->records))
      throw NotFoundError(fmt::format("the draft of case {} has no record {}", case_id, view.record + 1));
    record_audit(tx, case_id, now, actor, "evidence_opened",
                 {{"item", item_number(file.doc, *item)},
                  {"item_id", item->id},
                  {"criterion", view.criterion},
                  {"record", view.record}});
  });
}

}  // namespace imr
