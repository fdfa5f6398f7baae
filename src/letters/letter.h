// The letter reader: IMR Final Determination Letters (text or PDF text) to structured data.
//
// Reads the layout used since 2014 ("HOW THE IMR FINAL DETERMINATION WAS MADE" /
// "CLINICAL CASE SUMMARY" / "IMR ISSUES, DECISIONS AND RATIONALES", reviewer credentials as
// a "State(s) of Licensure" block or a "Board Certified in ..." sentence) and the two older
// layouts of 2013 (the "Notice of Independent Medical Review Determination" and the
// "MEDICAL PROFESSIONAL REVIEW"), and the header table published letters open with (case
// number, dates, priority) in either order PDF text extraction gives it: label beside value,
// or a column of labels then a column of values. Tolerates what PDF text extraction does:
// blank lines and page breaks inside sentences, uneven spacing, upper-case item headers.
//
// Pure: no I/O, no global state; safe to call from many threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/citation.h"
#include "core/date.h"

namespace imr {

struct ReviewerCredentials {
  std::vector<std::string> licensure;       // states, as written: "Arizona", "California"
  std::vector<std::string> certifications;  // board certifications and specialties
  std::vector<std::string> subspecialties;
};

struct LetterItem {
  // The disputed item as written in the item header, e.g. "Xanax 2mg one PO BID #30". When
  // UR modified the request, the part left in dispute ("Baclofen 100mg #3").
  std::string request;
  Decision decision = Decision::kUpheld;
  // A modified request: UR certified part of it and the rest went to IMR. The letter says
  // "X was the original request. Y was authorized ... The remaining ... portion ..., Z is",
  // or "... authorized Y, leaving the original request IMR eligible" (then Z is X).
  bool modified = false;
  std::string original_request;  // X, when modified
  std::string certified;         // Y, what UR certified, when modified
  // A retrospective request (for care already given), and its date of service when stated.
  bool retrospective = false;
  std::optional<Date> date_of_service;
  // Filled by classify_letter_items (intake/letter_items.h) with the request parser, not by
  // read_letter: the engine's rule topic ("imaging_mri", "opioids"; "" when not known), the
  // body region id ("lumbar_spine", "multiple", "unspecified"; data/body_regions.yaml),
  // every region named, and the side ("left", "right", "bilateral" or "").
  std::string category;
  std::string body_region;
  std::vector<std::string> body_regions;
  std::string laterality;
  std::vector<Citation> claims_administrator_citations;
  std::vector<Citation> reviewer_citations;
  std::string rationale;  // whitespace collapsed to single spaces
};

// The table some letters open with ("Case Number:", "Date Assigned:", ...). Empty fields
// when the letter has no table or a value cannot be read.
struct LetterHeader {
  std::string case_number;  // "CM16-0221706"
  std::optional<Date> date_assigned;
  std::optional<Date> decision_date;
  std::optional<Date> ur_denial_date;
  std::optional<Date> application_received;
  std::optional<Date> date_of_injury;
  std::string priority;  // as written: "Standard", "Expedited"
  bool empty() const;
};

struct Letter {
  std::string file;
  // "final-determination" (2014 on), "notice-of-determination" (2013),
  // "medical-professional-review" (2013).
  std::string layout;
  LetterHeader header;
  ReviewerCredentials reviewer;
  std::optional<int> claimant_age;
  std::string claimant_sex;  // "male", "female" or empty
  std::optional<Date> date_of_injury;  // from the case summary (the header's is in header)
  std::vector<std::string> diagnoses;
  std::string case_summary;  // whitespace collapsed to single spaces
  std::vector<LetterItem> items;
};

// Reads one letter's text. `file` is used in errors and copied into the result.
// Throws InputError naming the file and the missing part ("no disputed items found",
// "no CLINICAL CASE SUMMARY section", "item 2 has no decision") — never returns a letter
// with an empty item list. Item headers may run over several lines, with the decision on
// the line after the request; a modified request is read into its three parts.
Letter read_letter(std::string_view text, const std::string& file);

// Parses the citations of one guideline line, e.g. "Decision based on MTUS Chronic Pain
// Treatment Guidelines Benzodiazepines Page(s): 24. Decision based on Non-MTUS Citation
// Official Disability Guidelines (ODG) Pain, Benzodiazepines." into one Citation per
// guideline cited. Free-form UR guideline strings ("MTUS Benzodiazepines p. 24") work too.
std::vector<Citation> parse_citations(std::string_view text);

// The short source family of a citation: "MTUS", "ODG", "ACOEM" or "OTHER".
std::string citation_family(const Citation& c);

}  // namespace imr
