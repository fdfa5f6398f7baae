// Redacting a determination letter for publication: the parties' identifiers out, the
// clinical content in.
//
// Two layers find what to remove:
//  1. The identifiers the case knows (KnownIdentifiers), matched robustly: person names by
//     their parts in any order and case ("Jane Q. Smith" also removes "Ms. Smith", "Smith",
//     "SMITH, JANE", "J. Smith"); phone numbers by their digits in any layout; claim numbers
//     with or without dashes, dots and spaces; dates of birth in every date form the engine
//     reads (core/date.h); addresses whole or by street line and city line; organization
//     names with or without "Inc."/"LLC"/"The".
//  2. Patterns for what the case did not list: e-mail addresses, SSNs, phone numbers, street
//     addresses (number + name + suffix, PO Box, "City, CA 9xxxx"), names after an honorific
//     ("Dr. Lee", "Mrs. Ortega") or before a credential ("Ana Ruiz, MD") or after a party
//     label ("Patient:", "Employer:"), dates after "DOB"/"date of birth", and numbers after
//     "Claim", "Claim No.", "Claim #", "Case No.". A name found this way is then removed
//     wherever else its parts appear, as if it had been listed.
//
// Kept: drug names and doses, diagnoses, ICD codes, dates of service and injury, ages, body
// parts, scores, guideline citations and pages, the reviewer credential block. Medical
// eponyms ("Spurling's test", "Tinel's sign") and drug names are never read as person names,
// and an honorific keeps its place ("Dr. [name]") so the sentence still says who acted.
//
// Each removed span becomes a bracketed placeholder of its kind: "[name]", "[claim number]",
// "[address]", "[phone]", "[date of birth]", "[organization]", "[email]", "[ssn]".
// Pure, deterministic, linear-time (RE2 only) and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/text.h"

namespace imr {

// What the case knows about the parties.
struct KnownIdentifiers {
  std::vector<std::string> person_names;  // worker, representative, physicians, others
  std::vector<std::string> claim_numbers;
  std::vector<std::string> addresses;
  std::vector<std::string> phones;
  std::vector<Date> dates_of_birth;
  std::vector<std::string> organization_names;  // employer, medical group, claims administrator
  // Strings published as they are, never taken for identifiers: the IMR case number.
  std::vector<std::string> keep;
};

// One removed span: byte offsets [start, end) into the input text, and its kind:
// name | claim_number | address | phone | date_of_birth | organization | email | ssn.
struct Redaction {
  size_t start = 0;
  size_t end = 0;
  std::string kind;
};

struct RedactionResult {
  std::string text;                 // the letter with placeholders
  std::vector<Redaction> removed;   // in text order, non-overlapping, offsets into the input
};

// Throws InputError("letter", ...) for text over kMaxInputBytes.
RedactionResult redact_for_publication(std::string_view letter_text, const KnownIdentifiers& known);

// "[name]", "[claim number]", ... for a Redaction kind.
std::string redaction_placeholder(std::string_view kind);

// Building blocks of redact_for_publication, exposed for tests.
namespace redaction {
// Layer 2: candidate spans (possibly overlapping) for identifiers nobody listed.
std::vector<Redaction> find_unlisted(std::string_view text);
// Clinical spans no pattern-layer match may overlap: eponyms ("Spurling's test") and drug
// names followed by a dose ("Norco 10/325mg").
std::vector<Span> clinical_spans(std::string_view text);
// Word lists (case-insensitive): never a name part found by pattern (drugs, eponyms, guideline
// words, sentence starters); credentials after a name ("MD"); honorifics ("Dr.").
bool is_not_a_name(std::string_view word);
bool is_credential(std::string_view word);
bool is_honorific(std::string_view word);
}  // namespace redaction

}  // namespace imr
