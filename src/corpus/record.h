// One letter as the corpus keeps it: the reader's Letter (letters/letter.h) flattened into the
// fields the corpus filters and counts by, with what the letter leaves implicit filled in the
// same way every time (case number, year, specialty, drug and drug class, citations reduced
// to guideline/section/pages). Pure: no I/O; the same letter gives the same record.
#pragma once

#include <string>
#include <vector>

#include "intake/drug_table.h"
#include "intake/request_services.h"
#include "letters/letter.h"

namespace imr::corpus {

struct CitationRecord {
  bool by_reviewer = true;  // the reviewer's citation; false: the claims administrator's (UR)
  std::string family;       // "MTUS" | "ODG" | "ACOEM" | "OTHER"
  std::string guideline;    // the reader's canonical name: "MTUS Chronic Pain Medical Treatment Guidelines"
  std::string section;      // as written, whitespace collapsed, trailing punctuation trimmed
  std::string pages;        // as written: "24", "76-80"
};

struct ItemRecord {
  int position = 0;  // 1-based, in the letter's order
  std::string request, original_request, certified;
  bool modified = false, retrospective = false;
  std::string date_of_service;  // ISO or ""
  std::string kind;             // "drug" | "service" | "unknown"
  std::string category;         // rule topic, "" when not known
  std::string body_region;      // data/body_regions.yaml id, "unspecified", "multiple"
  std::string laterality;
  std::string drug;             // generic name from the drug table, "" when not a known drug
  std::string drug_class;       // "opioid", "benzodiazepine", ... or ""
  std::string service;          // "mri", "physical therapy", ... or ""
  bool overturned = false;
  std::string rationale;
  std::vector<CitationRecord> citations;
};

struct LetterRecord {
  std::string source_name;     // the file it was read from
  std::string content_sha256;  // of the file's bytes
  // The header's case number; else one written anywhere in the text ("CM16-0221706"); else
  // the file name when it is one; else "sha256:<first 16 hex digits>" (never empty).
  std::string case_number;
  std::string layout;
  std::string decision_date;  // ISO or ""
  std::string date_assigned, date_of_injury, ur_denial_date, application_received;  // ISO or ""
  int year = 0;               // of the decision date; else 2000 + the case number's two digits; else 0
  std::string priority;       // lower case: "standard" | "expedited" | ""
  std::string specialty;      // the first board certification, "" when none
  std::string certifications, subspecialties, licensure;  // "; "-joined
  int claimant_age = 0;       // 0 when not stated
  std::string claimant_sex;
  std::string letter_json;    // the whole letter as `imr parse` prints it (compact)
  std::vector<ItemRecord> items;
};

// Builds the record of a letter already read and classified (classify_letter_items).
LetterRecord make_record(const Letter& letter, const std::string& text, const std::string& content_sha256,
                         const DrugTable& drugs, const ServiceTable& services);

// Lower-case, whitespace-collapsed form used for every text filter (specialty, section...).
std::string filter_key(std::string_view text);

}  // namespace imr::corpus
