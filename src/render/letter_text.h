// The Final Determination Letter as text, in the section layout of the real letters
// (HOW THE IMR FINAL DETERMINATION WAS MADE / CLINICAL CASE SUMMARY / IMR ISSUES,
// DECISIONS AND RATIONALES) and our own wording. A draft until a reviewer signs.
#pragma once

#include <string>

#include "decide/determination.h"
#include "intake/case.h"

namespace imr {

struct LetterOptions {
  std::string organization = "The independent review organization";
  bool draft = true;  // marks the letter as a draft for physician review (with the engine's versions)
  std::string signed_on;  // ISO date the reviewer signed; adds the signature section
  std::string amendment;  // for an amendment: what it corrects and why (shown first)
};

std::string render_letter_text(const Case& c, const Review& review, const std::string& summary,
                               const LetterOptions& options = {});

}  // namespace imr
