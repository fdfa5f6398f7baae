// The case document: what the case service keeps about a case beyond its row's columns
// (the applications consolidated into it, the eligibility finding, the disputed items with
// the engine's draft and the reviewer's decisions, the assignment, the notice, the draft),
// as typed structs with one (de)serialisation.
//
// The store keeps the document as JSON text in CaseRow::document and never reads it; only
// parse_case_document() and document_json() here know its layout. The layout carries a
// schema version (kCaseDocumentSchema). A document stored before there was one (schema 1:
// items without ids) is upgraded when it is read: its items get the ids item-1, item-2, ...
// in their stored order (the order they joined the case), and its draft covers the first N
// of them (N = the items its review holds). Every write stores the current schema, so a
// case is migrated the first time it changes; reading never needs the old layout again.
//
// Items are keyed by a stable id ("item-3"), given when the item joins the case and never
// reused; their order is the order they joined, which is also the number a user sees.
// The engine's review (render/review_json.h) is kept as the engine wrote it, untouched.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/timestamp.h"
#include "decide/determination.h"
#include "service/assignment.h"
#include "service/eligibility.h"
#include "store/store.h"

namespace imr {

// 3: the reviewer's answers to the criteria, edited citations and summary, the signature's
// review record, manual assignments. A schema-2 document reads as one without them.
inline constexpr int kCaseDocumentSchema = 3;

// Where a case is in its life. Stored as its name in the case row's status column.
enum class CaseStatus { kReceived, kIneligible, kEligible, kAssigned, kAwaitingRecords, kInReview, kSigned };
std::string to_string(CaseStatus status);  // "received", "ineligible", ..., "awaiting_records", ...
std::optional<CaseStatus> parse_case_status(std::string_view text);

// The reviewer's answer to one criterion that decided the engine's draft (its `decided`
// criteria): agree, or disagree with a note saying why. The notes flow into the rationale
// until the reviewer writes the rationale themselves.
struct CriterionAnswer {
  std::string criterion;  // the criterion's id in the draft ("opioids.pain_relief")
  bool agree = true;
  std::string note;       // required when disagreeing
};

// One disputed item: the UR decision on it, the engine's draft and the reviewer's decision.
struct CaseItem {
  std::string id;              // "item-1": stable, never reused
  std::string request;         // as written on the application
  std::string ur_action;       // denied | modified | delayed
  std::string certified;       // what UR certified when it modified
  std::string guideline;       // the guideline UR cited
  std::string application_id;  // the application that brought the item
  std::optional<Decision> engine_decision;  // the draft's (empty: not drafted, or no rule covers it)
  std::string engine_rationale;
  std::string topic;                        // the draft's rule topic ("" when no rule pack covers it)
  std::optional<Decision> decision;         // the reviewer's (empty until decided)
  std::string rationale;                    // the reviewer's (starts as the draft's)
  std::string reason;                       // why the reviewer changed the draft
  std::string decided_by;
  std::optional<Timestamp> decided_at;
  std::vector<CriterionAnswer> answers;     // the reviewer's answers, by criterion (any order)
  bool rationale_written = false;           // the reviewer wrote the rationale: notes no longer flow in
  // The reviewer's citations for the letter, one per entry ("MTUS ..., Page(s): 78"); empty
  // (nullopt) = the draft's.
  std::optional<std::vector<std::string>> citations;
  // Decided otherwise than the engine's draft (an item no rule covers has no draft decision).
  bool changed() const { return decision && engine_decision && decision != engine_decision; }
  const CriterionAnswer* answer(const std::string& criterion) const;
};

// The reviewer assignment as last made (or the reasons nobody fitted).
struct CaseAssignment {
  std::optional<std::string> reviewer_id;
  std::string explanation;
  std::vector<Exclusion> excluded;
  std::vector<std::string> required_specialties;
  Timestamp at;
  bool manual = false;  // chosen by intake (with `reason`) when no reviewer fitted
  std::string reason;
  std::string by;       // who assigned by hand
};

// The engine's draft: which knowledge made it, which items it covered, and its review.
struct CaseDraft {
  Timestamp drafted_at;
  std::string rules_version;
  std::string drugs_version;
  size_t records = 0;                 // records the engine read
  std::vector<std::string> item_ids;  // the case items it reviewed, in the review's order
  bool stale = false;                 // records or items came in since: to be redrafted
  nlohmann::json review;              // the engine's review JSON, as the engine wrote it
  std::string summary;                // the engine's clinical case summary for the letter

  // The review's entry for a case item (nullptr when the draft does not cover it).
  const nlohmann::json* item_review(const std::string& item_id) const;
  // The ids of the criteria that decided the draft of an item (`decided: true`), in order.
  std::vector<std::string> decided_criteria(const std::string& item_id) const;
};

// What the signature recorded about the review, kept for the administrator's figures.
struct ReviewRecord {
  std::string reviewer_id;
  Timestamp signed_at;
  int64_t active_minutes = 0;    // time on the case (docs/case-service.md: gaps over 15 minutes not counted)
  int64_t elapsed_minutes = -1;  // from the reviewer's first look at the draft to the signature
  int evidence_opened = 0;       // evidence and record views the reviewer opened from the criteria
  int items = 0;
  int items_changed = 0;         // decided otherwise than the draft
  int criteria_disagreed = 0;
  bool rationale_edited = false;  // any item's rationale differs from the draft's
  bool citations_edited = false;
  bool summary_edited = false;
  bool accepted_unchanged = false;  // nothing of the draft changed and no criterion disputed
  bool expedited = false;
  std::optional<Timestamp> determination_due;  // the deadline the signature met (or missed)
  std::optional<Timestamp> review_started;     // the records were complete (the clock started)
  bool on_time() const { return !determination_due || signed_at <= *determination_due; }
};

struct CaseDocument {
  std::vector<std::string> application_ids;
  EligibilityFinding eligibility;
  std::vector<CaseItem> items;
  int next_item = 1;  // the number in the next item's id
  std::optional<CaseAssignment> assignment;
  std::optional<std::string> notice_method;  // "mail" | "electronic"
  std::optional<CaseDraft> draft;
  std::optional<Timestamp> opened_at;        // the assigned reviewer's first look after the records
  std::optional<std::string> summary;        // the reviewer's case summary (nullopt: the draft's)
  std::optional<ReviewRecord> review_record; // set by the signature
  bool needs_manual_assignment() const { return assignment && !assignment->reviewer_id; }

  bool draft_current() const { return draft && !draft->stale; }
  // The item with this id, or nullptr.
  CaseItem* item(const std::string& id);
  const CaseItem* item(const std::string& id) const;
  // Adds an item under a new id; returns it.
  CaseItem& add_item(CaseItem item);
};

// A case's row columns, typed (what a listing needs without reading the document).
struct CaseHeader {
  std::string id;                 // "CM26-0000001"
  CaseStatus status = CaseStatus::kReceived;
  bool expedited = false;
  bool open = true;               // false once signed, or ineligible
  std::string consolidation_key;
  std::string reviewer_id;        // "" when none is assigned
  std::string received;           // ISO date the first application arrived
  std::string due;                // the next deadline (ISO timestamp), "" when nothing is pending
  std::string due_what;           // which deadline
  int64_t version = 0;            // the row's compare-and-set version
};

// A case as the service works on it: its row's columns and its document. The one place a
// case row is read (case_header, case_file) and written (case_row).
struct CaseFile : CaseHeader {
  CaseDocument doc;
};

// Throws StoreError naming the case for a status or document this program does not know.
CaseHeader case_header(const CaseRow& row);
CaseFile case_file(const CaseRow& row);
CaseRow case_row(const CaseFile& file);

// Parts of the document as stored (the API shows the assignment and items in the same shape).
nlohmann::json to_json(const CaseAssignment& a);
nlohmann::json to_json(const ReviewRecord& r);
nlohmann::json item_json(const CaseItem& item);

// Reads a stored document (any schema this program knows; older ones are upgraded). Throws
// StoreError naming the case for text that is not a case document.
CaseDocument parse_case_document(std::string_view text, const std::string& case_id);
// The document as stored (current schema).
std::string document_json(const CaseDocument& doc);

}  // namespace imr
