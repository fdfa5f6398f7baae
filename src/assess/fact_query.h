// Small queries over the extracted facts that several measures share.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "assess/measures.h"

namespace imr {

// The drug class of a medication fact's subject ("" when the subject is not in the table).
std::string class_of(const Fact& f, const DrugTable& drugs);

// Facts of one kind, in record/text order.
std::vector<const Fact*> facts_of(const ItemContext& ctx, FactKind kind);

// Medication-use facts (affirmed, not merely planned) for drugs of `drug_class`
// (or exactly `drug_key` when drug_class is empty).
std::vector<const Fact*> medication_use(const ItemContext& ctx, const std::string& drug_class,
                                        const std::string& drug_key = "");

// The day number the review is judged at: as_of, else the latest dated fact, else none.
std::optional<int> reference_day(const ItemContext& ctx);

// "2015-08-24" for a fact's date, or "" when undated.
std::string date_of(const Fact& f);

// Readable duration: "3 days", "5 weeks", "about 4 months", "about 2 years".
std::string describe_days(int days);

// --- helpers for writing measures -------------------------------------------------------

// Whether `code` is in `set`, an empty set taking any code.
inline bool in_or_any(const std::set<std::string>& set, const std::string& code) {
  return set.empty() || set.count(code) > 0;
}
// Facts of `kind` whose subject (or, for a drug, its class) is in `subjects` and whose
// qualifier is in `qualifiers` (an empty set takes any).
std::vector<const Fact*> matching_facts(const ItemContext& ctx, FactKind kind, const std::set<std::string>& subjects,
                                        const std::set<std::string>& qualifiers);
// The generic name of a drug-key subject, or the subject itself.
std::string generic_of(const Fact& f, const DrugTable& drugs);
// "physical_therapy" -> "physical therapy", for wording.
std::string readable(std::string code);
// Adds a fact's evidence to a finding (once), and its date and sentence as {date} and
// {quote} when the finding has none yet.
void cite(Finding& out, const Fact& f);
// 3, 2.5, 57.1: a figure for wording.
std::string format_number(double v);

// Evidence for the request itself (record -1).
Evidence request_evidence(const ParsedRequest& r);

// The latest dose of a drug the record states with enough to compute its daily morphine
// equivalents (the medication fact carries the dose read at extraction).
const Fact* dose_in_record(const ItemContext& ctx, const Drug& drug);

}  // namespace imr
