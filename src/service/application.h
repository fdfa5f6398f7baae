// An application for Independent Medical Review, as the case service receives it.
//
// A case starts from an application (JSON, docs/application-format.md): the injured worker,
// the claim, the parties, the requesting physician, the worker's representative if any,
// whether it is signed, and the utilization review (UR) decision being disputed. Parsing is
// strict about types and dates (YYYY-MM-DD only; unknown fields are refused so a misspelt
// field is not silently lost) and lenient about absent optional parts: a missing UR
// decision parses fine, because it is a reason the application is ineligible
// (service/eligibility.h), not a malformed file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace imr {

struct Party {
  std::string name;
  std::string address;
  std::string phone;
  std::string email;
  std::string firm;  // a representative's law firm or organization, when given
};

struct Physician {
  std::string name;
  std::string specialty;
  std::string medical_group;
  std::string address;
  std::string phone;
};

struct Worker {
  std::string name;
  std::optional<Date> date_of_birth;
  std::string address;
  std::string phone;
};

struct ApplicationUrItem {
  std::string request;    // the treatment requested, as written
  std::string action;     // "denied" | "modified" | "delayed"
  std::string certified;  // what UR certified when it modified
  std::string guideline;  // the guideline UR cited, as written
};

struct ApplicationUr {
  std::optional<Date> date;    // date of the UR decision
  std::optional<Date> served;  // date it was served on the worker
  std::string service_method;  // "mail" | "electronic" | "personal" | "" (not stated)
  // "medical_necessity" (default) | "missing_information" (non-certified because requested
  // information was not sent) | "not_medical_necessity" (a decision on something else).
  std::string basis = "medical_necessity";
  std::vector<ApplicationUrItem> items;
};

struct Application {
  std::string application_id;  // the sender's id: unique; makes import idempotent
  Date received;               // date the IMR organization received it
  bool expedited = false;
  bool signed_ = false;
  std::string signed_by;  // "worker" | "representative" | ""
  Worker worker;
  std::string claim_number;
  std::optional<Date> date_of_injury;
  Party employer;
  Party claims_administrator;
  std::string insurer;
  Physician requesting_physician;
  std::optional<Party> representative;
  bool liability_disputed = false;
  std::optional<ApplicationUr> ur;  // nullopt = UR decision missing
  std::string json;                 // the application as received (canonical dump)
};

// Bounds on untrusted input.
inline constexpr size_t kMaxApplicationBytes = 1u << 20;
inline constexpr size_t kMaxApplicationField = 4000;  // characters in any one text field
inline constexpr size_t kMaxApplicationItems = 50;    // UR items

// Parses an application JSON document. Throws InputError naming `file` and the field path:
// "app.json: ur_decision.items[1].action must be \"denied\", \"modified\" or \"delayed\"",
// "app.json: received is missing", "app.json: worker.date_of_birth is not a YYYY-MM-DD date:
// '3/4/71'", "app.json: unknown field 'recieved'", "app.json: invalid JSON: ...".
Application parse_application_json(std::string_view json, const std::string& file);

// A person's name reduced for matching: lower case; '.', '-' and '\'' dropped ("M.D." ->
// "md", "O'Brien" -> "obrien"); other punctuation separates words; honorifics (Dr, Mr, Mrs,
// Ms) dropped from the front, single-letter initials dropped, and degrees (MD, DO, DC, DPM,
// PhD, PA-C, NP, Esq, ...) dropped from the end while two other words remain (so "Anh Do"
// keeps its surname). "Dr. Jane Q. Smith, M.D." and "jane smith" both give "jane smith".
// Generational suffixes (Jr, Sr, III) are kept: they tell people apart. Names written
// surname-first ("Smith, Jane") are not reordered and do not match "Jane Smith".
std::string normalize_person_name(std::string_view name);

// Applications of the same worker, requesting physician and date of injury are consolidated
// into one determination (8 CCR 9792.10.4(a)). The key is
// "<worker>|<physician>|<YYYY-MM-DD or 'no-doi'>" with both names normalized as above.
std::string consolidation_key(const Application& a);

}  // namespace imr
