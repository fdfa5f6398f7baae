// The letter reader: IMR Final Determination Letters (text or PDF text) to structured data.
//
// Reads the layout used since 2014 ("HOW THE IMR FINAL DETERMINATION WAS MADE" /
// "CLINICAL CASE SUMMARY" / "IMR ISSUES, DECISIONS AND RATIONALES", reviewer credentials as
// a "State(s) of Licensure" block or a "Board Certified in ..." sentence) and the two older
// layouts of 2013 (the "Notice of Independent Medical Review Determination" and the
// "MEDICAL PROFESSIONAL REVIEW"). Tolerates what PDF text extraction does: blank lines and
// page breaks inside sentences, uneven spacing, upper-case item headers.
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
  std::string request;  // as written in the item header, e.g. "Xanax 2mg one PO BID #30"
  Decision decision = Decision::kUpheld;
  std::vector<Citation> claims_administrator_citations;
  std::vector<Citation> reviewer_citations;
  std::string rationale;  // whitespace collapsed to single spaces
};

struct Letter {
  std::string file;
  // "final-determination" (2014 on), "notice-of-determination" (2013),
  // "medical-professional-review" (2013).
  std::string layout;
  ReviewerCredentials reviewer;
  std::optional<int> claimant_age;
  std::string claimant_sex;  // "male", "female" or empty
  std::optional<Date> date_of_injury;
  std::vector<std::string> diagnoses;
  std::string case_summary;  // whitespace collapsed to single spaces
  std::vector<LetterItem> items;
};

// Reads one letter's text. `file` is used in errors and copied into the result.
// Throws InputError naming the file and the missing part ("no disputed items found",
// "no CLINICAL CASE SUMMARY section", "item 2 has no decision") — never returns a letter
// with an empty item list.
Letter read_letter(std::string_view text, const std::string& file);

// Parses the citations of one guideline line, e.g. "Decision based on MTUS Chronic Pain
// Treatment Guidelines Benzodiazepines Page(s): 24. Decision based on Non-MTUS Citation
// Official Disability Guidelines (ODG) Pain, Benzodiazepines." into one Citation per
// guideline cited. Free-form UR guideline strings ("MTUS Benzodiazepines p. 24") work too.
std::vector<Citation> parse_citations(std::string_view text);

// The short source family of a citation: "MTUS", "ODG", "ACOEM" or "OTHER".
std::string citation_family(const Citation& c);

}  // namespace imr
