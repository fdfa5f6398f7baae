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

bool draft_current(const json& doc) {
  return doc.contains("draft") && !doc["draft"].value("stale", false);
}

// The reviewer's decisions applied to a fresh engine review: the letter's determinations.
Review with_reviewer_decisions(Review review, const std::vector<ItemState>& items) {
  for (size_t i = 0; i < review.items.size() && i < items.size(); ++i) {
    review.items[i].decision = items[i].decision;
    if (!items[i].rationale.empty()) review.items[i].rationale = items[i].rationale;
  }
  return review;
}

json determination_json(const std::string& rules_version, const std::vector<ItemState>& items) {
  json out = {{"rules_version", rules_version}, {"items", json::array()}};
  for (const auto& i : items)
    out["items"].push_back({{"request", i.request},
                            {"decision", decision_json(i.decision)},
                            {"engine_decision", decision_json(i.engine_decision)},
                            {"changed", i.changed()},
                            {"reason", i.reason},
                            {"rationale", i.rationale}});
  return out;
}

int64_t minutes_between(const std::string& from, const std::string& to) {
  auto a = parse_timestamp(from), b = parse_timestamp(to);
  return a && b ? (b->seconds - a->seconds) / 60 : -1;
}

}  // namespace

json CaseService::draft(const std::string& case_id, const std::string& actor) {
  const Timestamp now = context_.clock();
  json review;
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseRow row = load_case(tx, case_id);
    json doc = document_of(row);
    // The assigned reviewer's first look at the draft starts the opening-to-signing clock.
    if (actor == row.reviewer_id && row.status == kStatusInReview && !doc.contains("opened_at")) {
      doc["opened_at"] = now.iso();
      record_audit(tx, case_id, now, actor, "opened");
    }
    if (draft_current(doc) || row.status == kStatusSigned) {
      if (doc.contains("draft")) review = doc["draft"]["review"];
      else why = "case " + case_id + " was signed without a stored draft";
      if (row.document != doc.dump()) {
        row.document = doc.dump();
        tx.update_case(row);
      }
      return;
    }
    if (row.status != kStatusInReview) {
      why = "case " + case_id + " is " + row.status + ": the engine drafts once the records are complete";
      return;
    }
    const Case c = engine_case(tx, row, context_);
    const Review r = engine_.review(c);
    review = to_json(r, /*include_facts=*/true);
    json decisions = json::array();
    for (size_t i = 0; i < r.items.size() && i < doc["items"].size(); ++i) {
      json& item = doc["items"][i];
      item["engine_decision"] = decision_json(r.items[i].decision);
      item["engine_rationale"] = r.items[i].rationale;
      if (item["decision"].is_null()) item["rationale"] = r.items[i].rationale;
      decisions.push_back(decision_json(r.items[i].decision));
    }
    doc["draft"] = {{"drafted_at", now.iso()},
                    {"rules_version", r.rules_version},
                    {"drugs_version", r.drugs_version},
                    {"records", c.records.size()},
                    {"review", review}};
    row.document = doc.dump();
    tx.update_case(row);
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
    CaseRow row = load_case(tx, case_id);
    if (row.status == kStatusSigned) {
      why = "case " + case_id + " is signed and locked: a correction is a signed amendment";
      return;
    }
    if (actor != row.reviewer_id) {
      why = "only the reviewer assigned to case " + case_id + " can decide its items";
      return;
    }
    json doc = document_of(row);
    if (row.status != kStatusInReview || !draft_current(doc)) {
      why = "case " + case_id + " has no current draft: open the draft first";
      return;
    }
    if (edit.item >= doc["items"].size())
      throw NotFoundError(fmt::format("case {} has no item {} (it has {})", case_id, edit.item + 1,
                                      doc["items"].size()));
    if (edit.expected_version && *edit.expected_version != row.version)
      throw ConflictError(fmt::format("case {} changed since version {} (now {}): reload and edit again",
                                      case_id, *edit.expected_version, row.version));
    json& item = doc["items"][edit.item];
    const auto engine = decision_from(item["engine_decision"]);
    const auto decision = edit.decision ? edit.decision : engine;
    if (!decision) {
      why = fmt::format("item {} has no engine decision to accept (no rule covers it): state a decision", edit.item + 1);
      return;
    }
    const bool changed = decision != engine;
    if (changed && edit.reason.empty()) {
      why = fmt::format("item {}: changing the engine's decision needs a reason", edit.item + 1);
      return;
    }
    if (changed && engine && (!edit.rationale || *edit.rationale == item.value("engine_rationale", ""))) {
      why = fmt::format("item {}: the rationale still argues the engine's decision; write the rationale for yours",
                        edit.item + 1);
      return;
    }
    item["decision"] = decision_json(decision);
    if (edit.rationale) item["rationale"] = *edit.rationale;
    item["reason"] = edit.reason;
    item["decided_by"] = actor;
    item["decided_at"] = now.iso();
    row.document = doc.dump();
    version = tx.update_case(row);
    record_audit(tx, case_id, now, actor, "edited",
          {{"item", edit.item + 1},
           {"decision", decision_json(decision)},
           {"engine_decision", decision_json(engine)},
           {"changed", changed},
           {"rationale_edited", edit.rationale.has_value()},
           {"reason", edit.reason}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "edit", why);
  return version;
}

SignedRow CaseService::sign(const std::string& case_id, const std::string& actor,
                            std::optional<int64_t> expected_version) {
  const Timestamp now = context_.clock();
  SignedRow signed_row;
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseRow row = load_case(tx, case_id);
    if (expected_version && *expected_version != row.version)
      throw ConflictError(fmt::format("case {} changed since version {} (now {}): reload before signing",
                                      case_id, *expected_version, row.version));
    const auto signed_before = tx.signed_determinations(case_id);
    if (!signed_before.empty()) {
      why = "case " + case_id + " was already signed on " + signed_before.front().signed_at.substr(0, 10) +
            ": a correction is a signed amendment";
      return;
    }
    if (actor != row.reviewer_id) {
      why = "only the reviewer assigned to case " + case_id + " can sign it";
      return;
    }
    json doc = document_of(row);
    if (row.status != kStatusInReview || !draft_current(doc)) {
      why = "case " + case_id + " has no current draft to sign";
      return;
    }
    const auto items = items_of(doc);
    std::string undecided;
    for (size_t i = 0; i < items.size(); ++i)
      if (!items[i].decision) undecided += (undecided.empty() ? "" : ", ") + std::to_string(i + 1);
    if (!undecided.empty()) {
      why = "case " + case_id + " cannot be signed: item(s) " + undecided + " not yet decided";
      return;
    }
    const Case c = engine_case(tx, row, context_);
    const Review fresh = engine_.review(c);
    const std::string drafted_with = doc["draft"].value("rules_version", "");
    if (fresh.rules_version != drafted_with) {
      why = "the rule packs changed since the draft (" + drafted_with + " -> " + fresh.rules_version +
            "): re-draft before signing";
      return;
    }
    const Review final_review = with_reviewer_decisions(fresh, items);
    LetterOptions options;
    options.organization = context_.organization;
    options.draft = false;
    options.signed_on = now.date().iso();
    const std::string summary = compose_case_summary(c, final_review, context_.knowledge->drugs);
    signed_row = SignedRow{0, case_id, 0, actor, now.iso(), "",
                           determination_json(fresh.rules_version, items).dump(),
                           render_letter_text(c, final_review, summary, options)};
    tx.append_signed(signed_row);
    row.status = kStatusSigned;
    row.open = false;
    add_event(tx, row, context_, "signed", now, actor);
    tx.update_case(row);
    json decisions = json::array();
    int changed = 0;
    for (const auto& i : items) {
      decisions.push_back(decision_json(i.decision));
      changed += i.changed() ? 1 : 0;
    }
    record_audit(tx, case_id, now, actor, "signed",
          {{"rules_version", fresh.rules_version},
           {"decisions", decisions},
           {"changed_from_draft", changed},
           {"minutes_from_opening_to_signing", minutes_between(doc.value("opened_at", ""), now.iso())}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "sign", why);
  return signed_row;
}

SignedRow CaseService::amend(const std::string& case_id, const std::vector<ItemEdit>& edits,
                             const std::string& reason, const std::string& actor) {
  const Timestamp now = context_.clock();
  SignedRow amendment;
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseRow row = load_case(tx, case_id);
    const auto signed_before = tx.signed_determinations(case_id);
    if (signed_before.empty()) {
      why = "case " + case_id + " is not signed yet: edit its items instead of amending";
      return;
    }
    if (actor != row.reviewer_id) {
      why = "only the reviewer assigned to case " + case_id + " can amend its determination";
      return;
    }
    if (reason.empty() || edits.empty()) {
      why = "an amendment needs at least one corrected item and a reason";
      return;
    }
    json doc = document_of(row);
    for (const auto& e : edits) {
      if (e.expected_version && *e.expected_version != row.version)
        throw ConflictError(fmt::format("case {} changed since version {} (now {}): reload before amending",
                                        case_id, *e.expected_version, row.version));
      if (e.item >= doc["items"].size())
        throw NotFoundError(fmt::format("case {} has no item {}", case_id, e.item + 1));
      json& item = doc["items"][e.item];
      if (e.decision) item["decision"] = decision_json(e.decision);
      if (e.rationale) item["rationale"] = *e.rationale;
      item["reason"] = e.reason.empty() ? reason : e.reason;
      item["decided_by"] = actor;
      item["decided_at"] = now.iso();
    }
    const auto items = items_of(doc);
    const Case c = engine_case(tx, row, context_);
    const Review final_review = with_reviewer_decisions(engine_.review(c), items);
    const int sequence = signed_before.back().sequence + 1;
    LetterOptions options;
    options.organization = context_.organization;
    options.draft = false;
    options.signed_on = now.date().iso();
    options.amendment = fmt::format("Amendment {} to the determination signed on {}. It corrects: {}", sequence,
                                    signed_before.front().signed_at.substr(0, 10), reason);
    const std::string summary = compose_case_summary(c, final_review, context_.knowledge->drugs);
    amendment = SignedRow{0, case_id, sequence, actor, now.iso(), reason,
                          determination_json(final_review.rules_version, items).dump(),
                          render_letter_text(c, final_review, summary, options)};
    tx.append_signed(amendment);
    row.document = doc.dump();
    tx.update_case(row);
    json items_changed = json::array();
    for (const auto& e : edits) items_changed.push_back(e.item + 1);
    record_audit(tx, case_id, now, actor, "amended", {{"sequence", sequence}, {"items", items_changed}, {"reason", reason}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "amend", why);
  return amendment;
}

}  // namespace imr
