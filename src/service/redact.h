// Redacting a determination letter (or any case text) for publication: the parties'
// identifiers out, the clinical content in.
//
// Three layers find what to remove (docs/redaction.md):
//  1. What the case lists (KnownIdentifiers): person names in every form and order, with the
//     given name's short forms from the nickname table ("William" -> "Bill", "Will");
//     organisations with or without "The"/"Inc.", by their leading words and acronym; phones
//     by digits; claim numbers with any separators; dates of birth in every date layout;
//     addresses whole, by line, and the city in them.
//  2. Formats: e-mail and web addresses, phones, SSNs (masked too), dates after a birth label,
//     claim and record numbers after a label or by their shape, street addresses (with units,
//     "City, CA ZIP", and the city after a street line), PO and rural route boxes, cross streets.
//  3. A word screen in the manner of Philter: a capitalised word that is not known to be safe
//     (a common English word, the clinical vocabulary, the letter's own proper nouns, an
//     abbreviation or code) is taken for a name; names are also found by their context (after
//     an honorific, a relation or role word or a label, before a credential, in "goes by"),
//     organisations by their last word ("... Imaging", "... Claims Services", "... LLC"),
//     places from the places list and after "in"/"from". A name part found anywhere is then
//     removed wherever it recurs capitalised — except a common word used clinically next to
//     the name ("Bone scan", "Major depressive disorder", "Will f/u"), which stays.
//
// Kept: drug names and doses, diagnoses, ICD codes, dates of service and injury, ages, body
// parts, scores, eponyms ("Phalen's test"), guideline citations and pages, the reviewer
// credential block. An honorific keeps its place ("Dr. [name]") so the sentence still says
// who acted; a possessive stays outside ("[name]'s").
//
// Each removed span becomes a bracketed placeholder of its kind: "[name]", "[organization]",
// "[address]", "[city]", "[phone]", "[email]", "[web address]", "[ssn]", "[date of birth]",
// "[claim number]", "[id number]". Pure and deterministic given the lexicon, linear-time patterns (RE2 only),
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/text.h"
#include "service/application.h"
#include "service/redact_lexicon.h"

namespace imr {

// What the case knows about the parties.
struct KnownIdentifiers {
  std::vector<std::string> person_names;  // worker, representative, physicians, others
  std::vector<std::string> claim_numbers;
  std::vector<std::string> addresses;
  std::vector<std::string> phones;
  std::vector<std::string> emails;
  std::vector<Date> dates_of_birth;
  std::vector<std::string> organization_names;  // employer, medical group, claims administrator
  // Strings published as they are, never taken for identifiers: the IMR case number.
  std::vector<std::string> keep;
};

// The identifiers an application lists: worker, employer, claims administrator, insurer,
// requesting physician and group, representative and firm.
KnownIdentifiers known_identifiers_of(const std::vector<Application>& applications);

// One removed span: byte offsets [start, end) into the input text, and its kind:
// name | organization | address | city | phone | email | web_address | ssn | date_of_birth |
// claim_number | id_number.
struct Redaction {
  size_t start = 0;
  size_t end = 0;
  std::string kind;
};

struct RedactionResult {
  std::string text;                 // the text with placeholders
  std::vector<Redaction> removed;   // in text order, non-overlapping, offsets into the input
};

// Throws InputError("letter", ...) for text over kMaxInputBytes.
RedactionResult redact_for_publication(std::string_view text, const KnownIdentifiers& known,
                                       const RedactionLexicon& lexicon);

// The same, with the case's other texts (its records) as context: names, organisations and
// places found in them are removed from `text` wherever they recur, even where `text` alone
// gives no sign of them ("Hope reports..." after a record's "his daughter Hope").
RedactionResult redact_for_publication(std::string_view text, const KnownIdentifiers& known,
                                       const RedactionLexicon& lexicon,
                                       const std::vector<std::string_view>& context);

// "[name]", "[claim number]", ... for a Redaction kind.
std::string redaction_placeholder(std::string_view kind);

// Building blocks, exposed for tests: clinical spans no identifier may overlap — eponyms
// ("Spurling's test"), drug names before a dose ("Norco 10/325mg") — and the keep strings.
namespace redaction {
std::vector<Span> clinical_spans(std::string_view text, const RedactionLexicon& lexicon);
}  // namespace redaction

}  // namespace imr
