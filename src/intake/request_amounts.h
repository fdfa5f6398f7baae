// Reading the amounts in a drug request: strengths ("10/325mg", "100 mcg/hr", "5%"),
// quantity ("#180", "QTY: 90", "# 60", "x 30"), refills ("WITH THREE REFILLS", "x2 refills"),
// duration ("x30 days", "for 2 weeks"), units per dose ("1-2 tabs", "one PO"), dosage form,
// route and extended release. Each reader works on the lower-case request and blanks out
// (with spaces, keeping offsets) what it consumed, so later readers do not read it twice.
// Pure; RE2 only; linear in the input.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "intake/request.h"

namespace imr {

// Replaces [span) of `work` with spaces.
void blank(std::string& work, Span span);

std::optional<int> take_refills(std::string& work);
std::optional<int> take_duration_days(std::string& work);
std::optional<int> take_quantity(std::string& work);

// The first strength in `work`: a number with a unit, or a combination "a/b" or "a/b/c" (or "a-b"
// with a unit, or for a combination drug) whose unit defaults to mg. Returns one Strength
// per number.
std::vector<Strength> take_strengths(std::string& work, bool combination);

// Units per dose: "1-2 tabs" -> {1,2}, "one tablet", "a patch", "one PO", "2 q6h".
std::optional<Range> take_units_per_dose(std::string& work);

// "tablet", "capsule", "patch", "cream", "gel", ... when written; empty otherwise.
std::string find_dosage_form(std::string_view work);
// "oral", "transdermal", "topical", "sublingual" when written; empty otherwise.
std::string find_route(std::string_view work);
// ER, XR, SR, CR, LA, XL or "extended release" written.
bool find_extended_release(std::string_view work);

// Percent-strength ingredients of a compound: "flurbiprofen 20%, lidocaine 5%".
struct CompoundPart {
  std::string name;  // lower case, as written
  Strength strength;
  Span span;
};
std::vector<CompoundPart> find_compound_parts(std::string_view work);

}  // namespace imr
