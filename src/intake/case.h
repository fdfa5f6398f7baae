// The case file: what the review engine reads.
//
// A Case is plain data: the claimant, the records (dated clinical documents as text),
// the utilization review (UR) decision being disputed, the disputed requests as written,
// and optionally the reviewer's credentials for the letter. It comes from a case JSON
// file (docs/case-format.md) or from a real letter (its case summary becomes the record).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace imr {

struct Record {
  std::optional<Date> date;
  std::string title;
  std::string text;
};

struct UrItem {
  std::string request;
  std::string action;     // "denied", "modified", "delayed"
  std::string certified;  // what UR certified when it modified ("Norco 10/325mg #120")
  std::string guideline;  // the guideline UR cited, as written
  // A retrospective request (care already given) and its date of service, when stated.
  std::optional<Date> date_of_service;
};

struct UrDecision {
  std::optional<Date> date;
  std::vector<UrItem> items;
};

struct Claimant {
  std::optional<int> age;
  std::string sex;  // "male", "female" or empty
};

struct ReviewerProfile {
  std::vector<std::string> licensure;
  std::vector<std::string> certifications;
  std::vector<std::string> subspecialties;
  bool empty() const { return licensure.empty() && certifications.empty() && subspecialties.empty(); }
};

struct Case {
  std::string case_id;
  Claimant claimant;
  std::optional<Date> date_of_injury;
  std::vector<std::string> diagnoses;  // as stated by the source, when given
  std::vector<Record> records;
  std::optional<UrDecision> ur;
  std::vector<std::string> requests;
  std::optional<ReviewerProfile> reviewer;
  // The date the requests are judged at: the UR date, else the latest record date.
  std::optional<Date> request_date() const;
};

// Parses a case JSON document (see docs/case-format.md). Throws InputError naming `file`
// and the problem: invalid JSON (with line/column), a missing or mistyped field
// ("records[2].text must be a string"), a bad date, no requests.
Case parse_case_json(std::string_view json, const std::string& file);

// Parses a reviewer profile JSON: {"licensure": [...], "certifications": [...],
// "subspecialties": [...]}.
ReviewerProfile parse_reviewer_json(std::string_view json, const std::string& file);

}  // namespace imr
