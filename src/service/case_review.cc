// The case service: the engine's draft, the reviewer's decisions, signing and amendments.
#include <fmt/format.h>

#include "core/error.h"
#include "render/letter_text.h"
#include "render/review_json.h"
#include "render/summary.h"
#include "service/case_internal.h"
#include "service/case_service.h"

namespace imr {

using namespace case_internal;

namespace {

// The reviewer's decisions applied to a fresh engine review, item by item id: the letter's
// determinations.
Review with_reviewer_decisions(Review review, const EngineInput& input, const CaseDocument& doc) {
  const auto by_item = determinations_by_item(input, review);
  for (const auto& [id, determination] : by_item) {
    const CaseItem* item = doc.item(id);
    Determination& d = review.items[static_cast<size_t>(determination - review.items.data())];
    d.decision = item->decision;
    if (!item->rationale.empty()) d.rationale = item->rationale;
  }
  return review;
}

json determination_json(const std::string& rules_version, const std::string& drugs_version,
                        const std::vector<CaseItem>& items) {
  json out = {{"rules_version", rules_version}, {"drugs_version", drugs_version}, {"items", json::array()}};
  for (const auto& i : items)
    out["items"].push_back({{"item_id", i.id},
                            {"request", i.request},
                            {"decision", decision_json(i.decision)},
                            {"engine_decision", decision_json(i.engine_decision)},
                            {"changed", i.changed()},
                            {"reason", i.reason},
                            {"rationale", i.rationale}});
  return out;
}

int64_t minutes_between(std::optional<Timestamp> from, Timestamp to) { return from ? (to.seconds - from->seconds) / 60 : -1; }

// Why `actor` may not work on the case under review now, "" when it may: only the assigned
// reviewer `may` (decide its items, sign it), and only on a current draft.
std::string reviewer_refusal(const CaseFile& file, const std::string& actor, const char* may, const char* no_draft) {
  if (actor != file.reviewer_id) return "only the reviewer assigned to case " + file.id + " can " + may;
  if (file.status != CaseStatus::kInReview || !file.doc.draft_current()) return "case " + file.id + " " + no_draft;
  return "";
}

// The item an edit names: by id when given, else by its number. NotFoundError otherwise.
CaseItem& edited_item(CaseDocument& doc, const ItemEdit& edit, const std::string& case_id) {
  if (!edit.item_id.empty()) {
    if (CaseItem* item = doc.item(edit.item_id)) return *item;
    throw NotFoundError(fmt::format("case {} has no item {}", case_id, edit.item_id));
  }
  if (edit.item >= doc.items.size())
    throw NotFoundError(fmt::format("case {} has no item {} (it has {})", case_id, edit.item + 1, doc.items.size()));
  return doc.items[edit.item];
}

// The letter for a review with the reviewer's decisions, signed now.
std::string signed_letter(const Case& c, const Review& final_review, const ServiceContext& ctx, Timestamp now,
                          const std::string& amendment) {
  LetterOptions options;
  options.organization = ctx.organization;
  options.draft = false;
  options.signed_on = now.date().iso();
  options.amendment = amendment;
  const std::string summary = compose_case_summary(c, final_review, ctx.knowledge->drugs);
  return render_letter_text(c, final_review, summary, options);
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
      why = "case " + case_id + " is " + to_string(file.status) + ": the engine drafts once the records are complete";
      return;
    }
    const EngineInput input = engine_input(tx, file, context_);
    const Review r = engine_.review(input.engine_case);
    review = to_json(r, /*include_facts=*/true);
    json decisions = json::array();
    for (const auto& [id, d] : determinations_by_item(input, r)) {
      CaseItem& item = *file.doc.item(id);
      item.engine_decision = d->decision;
      item.engine_rationale = d->rationale;
      item.topic = d->topic;
      if (!item.decision) item.rationale = d->rationale;
    }
    for (const auto& d : r.items) decisions.push_back(decision_json(d.decision));
    file.doc.draft = CaseDraft{now, r.rules_version, r.drugs_version, input.engine_case.records.size(),
                               input.item_ids, false, review};
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
    const size_t number = static_cast<size_t>(&item - file.doc.items.data()) + 1;
    if (edit.expected_version && *edit.expected_version != file.version)
      throw ConflictError(fmt::format("case {} changed since version {} (now {}): reload and edit again",
                                      case_id, *edit.expected_version, file.version));
    const auto engine = item.engine_decision;
    const auto decision = edit.decision ? edit.decision : engine;
    if (!decision) {
      why = fmt::format("item {} has no engine decision to accept (no rule covers it): state a decision", number);
      return;
    }
    const bool changed = decision != engine;
    if (changed && edit.reason.empty()) {
      why = fmt::format("item {}: changing the engine's decision needs a reason", number);
      return;
    }
    if (changed && engine && (!edit.rationale || *edit.rationale == item.engine_rationale)) {
      why = fmt::format("item {}: the rationale still argues the engine's decision; write the rationale for yours",
                        number);
      return;
    }
    item.decision = decision;
    if (edit.rationale) item.rationale = *edit.rationale;
    item.reason = edit.reason;
    item.decided_by = actor;
    item.decided_at = now;
    save_case(tx, file);
    version = file.version;
    record_audit(tx, case_id, now, actor, "edited",
                 {{"item", number},
                  {"item_id", item.id},
                  {"decision", decision_json(decision)},
                  {"engine_decision", decision_json(engine)},
                  {"changed", changed},
                  {"rationale_edited", edit.rationale.has_value()},
                  {"reason", edit.reason}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "edit", why);
  return version;
}

SignedRow CaseService::sign(const std::string& case_id, const std::string& actor, CaseWrite* write) {
  const Timestamp now = context_.clock();
  SignedRow signed_row;
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseFile file = load_case(tx, case_id, write);
    const auto signed_before = tx.signed_determinations(case_id);
    if (!signed_before.empty()) {
      why = "case " + case_id + " was already signed on " + signed_before.front().signed_at.substr(0, 10) +
            ": a correction is a signed amendment";
      return;
    }
    why = reviewer_refusal(file, actor, "sign it", "has no current draft to sign");
    if (!why.empty()) return;
    std::string undecided;
    for (size_t i = 0; i < file.doc.items.size(); ++i)
      if (!file.doc.items[i].decision) undecided += (undecided.empty() ? "" : ", ") + std::to_string(i + 1);
    if (!undecided.empty()) {
      why = "case " + case_id + " cannot be signed: item(s) " + undecided + " not yet decided";
      return;
    }
    const EngineInput input = engine_input(tx, file, context_);
    const Review fresh = engine_.review(input.engine_case);
    const CaseDraft& draft = *file.doc.draft;
    if (fresh.rules_version != draft.rules_version) {
      why = "the rule packs changed since the draft (" + draft.rules_version + " -> " + fresh.rules_version +
            "): re-draft before signing";
      return;
    }
    if (fresh.drugs_version != draft.drugs_version) {
      why = "the drug table changed since the draft (" + draft.drugs_version + " -> " + fresh.drugs_version +
            "): re-draft before signing";
      return;
    }
    const Review final_review = with_reviewer_decisions(fresh, input, file.doc);
    signed_row = SignedRow{0, case_id, 0, actor, now.iso(), "",
                           determination_json(fresh.rules_version, fresh.drugs_version, file.doc.items).dump(),
                           signed_letter(input.engine_case, final_review, context_, now, "")};
    tx.append_signed(signed_row);
    file.status = CaseStatus::kSigned;
    file.open = false;
    add_event(tx, file, context_, EventKind::kSigned, now, actor);
    save_case(tx, file);
    if (write) write->version = file.version;
    json decisions = json::array();
    int changed = 0;
    for (const auto& i : file.doc.items) {
      decisions.push_back(decision_json(i.decision));
      changed += i.changed() ? 1 : 0;
    }
    record_audit(tx, case_id, now, actor, "signed",
                 {{"rules_version", fresh.rules_version},
                  {"drugs_version", fresh.drugs_version},
                  {"decisions", decisions},
                  {"changed_from_draft", changed},
                  {"minutes_from_opening_to_signing", minutes_between(file.doc.opened_at, now)}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "sign", why);
  return signed_row;
}

SignedRow CaseService::amend(const std::string& case_id, const std::vector<ItemEdit>& edits,
                             const std::string& reason, const std::string& actor, CaseWrite* write) {
  const Timestamp now = context_.clock();
  SignedRow amendment;
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseFile file = load_case(tx, case_id, write);
    const auto signed_before = tx.signed_determinations(case_id);
    if (signed_before.empty()) {
      why = "case " + case_id + " is not signed yet: edit its items instead of amending";
      return;
    }
    if (actor != file.reviewer_id) {
      why = "only the reviewer assigned to case " + case_id + " can amend its determination";
      return;
    }
    if (reason.empty() || edits.empty()) {
      why = "an amendment needs at least one corrected item and a reason";
      return;
    }
    json items_changed = json::array();
    for (const auto& e : edits) {
      if (e.expected_version && *e.expected_version != file.version)
        throw ConflictError(fmt::format("case {} changed since version {} (now {}): reload before amending",
                                        case_id, *e.expected_version, file.version));
      CaseItem& item = edited_item(file.doc, e, case_id);
      if (e.decision) item.decision = e.decision;
      if (e.rationale) item.rationale = *e.rationale;
      item.reason = e.reason.empty() ? reason : e.reason;
      item.decided_by = actor;
      item.decided_at = now;
      items_changed.push_back(static_cast<size_t>(&item - file.doc.items.data()) + 1);
    }
    const EngineInput input = engine_input(tx, file, context_);
    const Review final_review = with_reviewer_decisions(engine_.review(input.engine_case), input, file.doc);
    const int sequence = signed_before.back().sequence + 1;
    const std::string note = fmt::format("Amendment {} to the determination signed on {}. It corrects: {}", sequence,
                                         signed_before.front().signed_at.substr(0, 10), reason);
    amendment = SignedRow{0, case_id, sequence, actor, now.iso(), reason,
                          determination_json(final_review.rules_version, final_review.drugs_version, file.doc.items).dump(),
                          signed_letter(input.engine_case, final_review, context_, now, note)};
    tx.append_signed(amendment);
    save_case(tx, file);
    if (write) write->version = file.version;
    record_audit(tx, case_id, now, actor, "amended", {{"sequence", sequence}, {"items", items_changed}, {"reason", reason}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "amend", why);
  return amendment;
}

}  // namespace imr
