// The case service: the letter as it will go out (preview), the signature and amendments.
//
// The letter is made from a fresh engine review of the case (the same rule packs and drug
// table as the draft, or signing is refused) with the reviewer's work applied: decisions,
// rationales, citations and the case summary. Nothing of the engine's internals goes in:
// no versions, no reviewer-facing notes, no rule pack ids (render/letter_text.h).
#include <fmt/format.h>

#include <algorithm>

#include "core/hash.h"
#include "core/text.h"
#include "render/letter_text.h"
#include "render/summary.h"
#include "service/case_internal.h"
#include "service/case_service.h"

namespace imr {

using namespace case_internal;

namespace {

// A citation as the reviewer wrote it: one text, "Non-MTUS Citation " marking a supplement.
EngineCitation reviewer_citation(const std::string& text) {
  static const std::string kNonMtus = "Non-MTUS Citation ";
  EngineCitation c;
  c.non_mtus = text.size() > kNonMtus.size() && std::equal(kNonMtus.begin(), kNonMtus.end(), text.begin(),
                                                           [](char a, char b) { return std::tolower(a) == std::tolower(b); });
  c.document = c.non_mtus ? text.substr(kNonMtus.size()) : text;
  return c;
}

// The reviewer's work applied to a fresh engine review, item by item id: the letter's
// determinations.
Review with_reviewer_work(Review review, const EngineInput& input, const CaseDocument& doc) {
  for (const auto& [id, determination] : determinations_by_item(input, review)) {
    const CaseItem* item = doc.item(id);
    Determination& d = review.items[static_cast<size_t>(determination - review.items.data())];
    d.decision = item->decision;
    if (!item->rationale.empty() || d.no_rule) d.rationale = item->rationale;
    if (item->citations) {
      d.citations.clear();
      for (const auto& c : *item->citations) d.citations.push_back(reviewer_citation(c));
    }
  }
  return review;
}

std::string letter_text(const Case& c, const Review& review, const std::string& summary, const ServiceContext& ctx,
                        Timestamp now, const std::string& amendment) {
  LetterOptions options;
  options.organization = ctx.organization;
  options.draft = false;
  options.signed_on = now.date().iso();
  options.amendment = amendment;
  return render_letter_text(c, review, summary, options);
}

// The letter the reviewer's work makes (and the engine's own), from a fresh review.
struct Letters {
  Review fresh;
  std::string text;
  std::string engine_text;
};

Letters compose_letters(const EngineInput& input, const Engine& engine, const CaseDocument& doc,
                        const ServiceContext& ctx, Timestamp now, const std::string& amendment) {
  Letters out;
  out.fresh = engine.review(input.engine_case);
  const Knowledge& k = *ctx.knowledge;
  const std::string engine_summary = compose_case_summary(input.engine_case, out.fresh, k.drugs, &k.vocabulary);
  out.text = letter_text(input.engine_case, with_reviewer_work(out.fresh, input, doc),
                         doc.summary.value_or(engine_summary), ctx, now, amendment);
  out.engine_text = letter_text(input.engine_case, out.fresh, engine_summary, ctx, now, amendment);
  return out;
}

// Why the knowledge behind the draft no longer matches the engine's ("" when it does).
std::string knowledge_changed(const CaseDraft& draft, const Review& fresh) {
  if (fresh.rules_version != draft.rules_version)
    return "the rule packs changed since the draft (" + draft.rules_version + " -> " + fresh.rules_version +
           "): re-draft before signing";
  if (fresh.drugs_version != draft.drugs_version)
    return "the drug table changed since the draft (" + draft.drugs_version + " -> " + fresh.drugs_version +
           "): re-draft before signing";
  return "";
}

json determination_json(const std::string& rules_version, const std::string& drugs_version,
                        const std::vector<CaseItem>& items) {
  json out = {{"rules_version", rules_version}, {"drugs_version", drugs_version}, {"items", json::array()}};
  for (const auto& i : items) {
    json answers = json::array();
    for (const auto& a : i.answers) answers.push_back({{"criterion", a.criterion}, {"agree", a.agree}, {"note", a.note}});
    out["items"].push_back({{"item_id", i.id},
                            {"request", i.request},
                            {"decision", decision_json(i.decision)},
                            {"engine_decision", decision_json(i.engine_decision)},
                            {"changed", i.changed()},
                            {"reason", i.reason},
                            {"rationale", i.rationale},
                            {"citations", i.citations ? json(*i.citations) : json(nullptr)},
                            {"answers", answers}});
  }
  return out;
}

int64_t minutes_between(std::optional<Timestamp> from, Timestamp to) {
  return from ? (to.seconds - from->seconds) / 60 : -1;
}

// What the signature records about the review: time on the case (from the reviewer's audited
// actions since opening it), the evidence opened, what changed from the draft, the deadline.
ReviewRecord review_record(StoreTx& tx, const CaseFile& file, const std::string& actor, Timestamp now,
                           const ServiceContext& ctx) {
  ReviewRecord r;
  r.reviewer_id = actor;
  r.signed_at = now;
  r.expedited = file.expedited;
  r.elapsed_minutes = minutes_between(file.doc.opened_at, now);
  std::vector<Timestamp> actions;
  for (const auto& a : tx.audit(file.id)) {
    if (a.actor != actor) continue;
    const auto at = parse_timestamp(a.at);
    if (!at || (file.doc.opened_at && *at < *file.doc.opened_at)) continue;
    actions.push_back(*at);
    if (a.action == "evidence_opened") ++r.evidence_opened;
  }
  actions.push_back(now);
  std::sort(actions.begin(), actions.end());
  r.active_minutes = active_minutes(actions);
  r.items = static_cast<int>(file.doc.items.size());
  for (const auto& c : changes_from_draft(file.doc)) {
    r.items_changed += c.what == "decision" ? 1 : 0;
    r.criteria_disagreed += c.what == "criterion" ? 1 : 0;
    r.rationale_edited |= c.what == "rationale";
    r.citations_edited |= c.what == "citations";
    r.summary_edited |= c.what == "summary";
  }
  r.accepted_unchanged = r.items_changed == 0 && r.criteria_disagreed == 0 && !r.rationale_edited &&
                         !r.citations_edited && !r.summary_edited;
  for (const auto& d : compute_deadlines(case_events(file.id, tx.events(file.id)), file.expedited, ctx.calendar))
    if (d.what == "determination") {
      r.determination_due = d.due;
      r.review_started = d.from;
    }
  return r;
}

}  // namespace

LetterPreview CaseService::preview(const std::string& case_id, const std::string& actor) {
  const Timestamp now = context_.clock();
  LetterPreview out;
  std::string why;
  store_.transact([&](StoreTx& tx) {
    const CaseFile file = load_case(tx, case_id);
    if (file.status == CaseStatus::kSigned) {
      why = "case " + case_id + " is signed: its letter is the signed one";
      return;
    }
    why = reviewer_refusal(file, actor, "preview its letter", "has no current draft to preview");
    if (!why.empty()) return;
    const EngineInput input = engine_input(tx, file, context_);
    const Letters letters = compose_letters(input, engine_, file.doc, context_, now, "");
    out.text = letters.text;
    out.engine_text = letters.engine_text;
    out.sha256 = sha256_hex(out.text);
    out.changes = changes_from_draft(file.doc);
    out.blocking = signing_blockers(file.doc);
    if (auto changed = knowledge_changed(*file.doc.draft, letters.fresh); !changed.empty())
      out.blocking.push_back(changed);
    record_audit(tx, case_id, now, actor, "previewed",
                 {{"letter_sha256", out.sha256}, {"changes", out.changes.size()}, {"blocking", out.blocking.size()}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "preview", why);
  return out;
}

SignedRow CaseService::sign(const std::string& case_id, const std::string& actor, const Signature& signature,
                            CaseWrite* write) {
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
    if (const auto blockers = signing_blockers(file.doc); !blockers.empty()) {
      why = "case " + case_id + " cannot be signed yet: " + join(blockers, "; ");
      return;
    }
    if (!signature.attested) {
      why = std::string("signing needs the reviewer's attestation: \"") + kSigningAttestation + "\"";
      return;
    }
    const EngineInput input = engine_input(tx, file, context_);
    const Letters letters = compose_letters(input, engine_, file.doc, context_, now, "");
    why = knowledge_changed(*file.doc.draft, letters.fresh);
    if (!why.empty()) return;
    const std::string sha = sha256_hex(letters.text);
    if (!signature.letter_sha256.empty() && signature.letter_sha256 != sha) {
      why = "the letter changed since it was previewed: preview it again before signing";
      return;
    }
    const Review& fresh = letters.fresh;
    signed_row = SignedRow{0, case_id, 0, actor, now.iso(), "",
                           determination_json(fresh.rules_version, fresh.drugs_version, file.doc.items).dump(),
                           letters.text};
    tx.append_signed(signed_row);
    const ReviewRecord record = review_record(tx, file, actor, now, context_);
    file.doc.review_record = record;
    file.status = CaseStatus::kSigned;
    file.open = false;
    add_event(tx, file, context_, EventKind::kSigned, now, actor);
    save_case(tx, file);
    if (write) write->version = file.version;
    json decisions = json::array(), changes = json::array();
    for (const auto& i : file.doc.items) decisions.push_back(decision_json(i.decision));
    for (const auto& c : changes_from_draft(file.doc)) changes.push_back(to_json(c));
    record_audit(tx, case_id, now, actor, "signed",
                 {{"rules_version", fresh.rules_version},
                  {"drugs_version", fresh.drugs_version},
                  {"decisions", decisions},
                  {"changed_from_draft", record.items_changed},
                  {"changes", changes},
                  {"attested", true},
                  {"letter_sha256", sha},
                  {"active_minutes", record.active_minutes},
                  {"evidence_opened", record.evidence_opened},
                  {"accepted_unchanged", record.accepted_unchanged},
                  {"minutes_from_opening_to_signing", record.elapsed_minutes}});
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
      if (e.rationale) item.rationale = *e.rationale, item.rationale_written = true;
      if (e.citations) item.citations = e.citations->empty() ? std::nullopt : e.citations;
      item.reason = e.reason.empty() ? reason : e.reason;
      item.decided_by = actor;
      item.decided_at = now;
      items_changed.push_back(item_number(file.doc, item));
    }
    const EngineInput input = engine_input(tx, file, context_);
    const int sequence = signed_before.back().sequence + 1;
    const std::string note = fmt::format("Amendment {} to the determination signed on {}. It corrects: {}", sequence,
                                         signed_before.front().signed_at.substr(0, 10), reason);
    const Letters letters = compose_letters(input, engine_, file.doc, context_, now, note);
    amendment = SignedRow{0, case_id, sequence, actor, now.iso(), reason,
                          determination_json(letters.fresh.rules_version, letters.fresh.drugs_version, file.doc.items)
                              .dump(),
                          letters.text};
    tx.append_signed(amendment);
    save_case(tx, file);
    if (write) write->version = file.version;
    record_audit(tx, case_id, now, actor, "amended", {{"sequence", sequence}, {"items", items_changed}, {"reason", reason}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "amend", why);
  return amendment;
}

}  // namespace imr
