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

// A comma-separated criterion argument as a set of lower-case codes ("a, b" -> {a, b}).
std::set<std::string> list_arg(const CriterionRule& rule, const char* key);
// A criterion argument that says true / yes.
bool arg_true(const CriterionRule& rule, const char* key);
// Adds a fact's evidence to a finding (once), and its date and sentence as {date} and
// {quote} when the finding has none yet.
void cite(Finding& out, const Fact& f);
// 3, 2.5, 57.1: a figure for wording.
std::string format_number(double v);

// Evidence for the request itself (record -1).
Evidence request_evidence(const ParsedRequest& r);

// The daily morphine equivalents of a drug as the record states its dose ("Percocet
// 10/325 mg 1 every 4 to 6 hours"), read from the sentence of a medication fact.
struct RecordDose {
  const Fact* fact = nullptr;
  Range mme;
  std::string text;  // the dose phrase read
};
std::optional<RecordDose> dose_in_record(const ItemContext& ctx, const Drug& drug);

}  // namespace imr
