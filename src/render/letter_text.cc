#include "render/letter_text.h"

#include "core/text.h"
#include "render/letter_layout.h"
#include "render/review_json.h"

namespace imr {
namespace {

std::string wrap(const std::string& text) { return wrap_paragraph(text); }

std::string decision_word(const Determination& d) {
  if (!d.decision) return "Referred to the physician reviewer (no rule pack)";
  return *d.decision == Decision::kUpheld ? "Upheld" : "Overturned";
}

std::string guideline_line(const std::vector<EngineCitation>& cites) {
  std::string mtus, other;
  for (const auto& c : cites) {
    // A reviewer's own citation is one text (in `document`, no section).
    const std::string where = c.document + (c.section.empty() ? "" : ", " + c.section) +
                              (c.pages.empty() ? "" : ", Page(s): " + c.pages);
    if (c.non_mtus) other += (other.empty() ? "" : "; ") + where;
    else mtus += (mtus.empty() ? "" : "; ") + where;
  }
  std::string out;
  if (!mtus.empty()) out += "Decision based on " + mtus + ".";
  if (!other.empty()) out += (out.empty() ? "" : " ") + std::string("Decision based on Non-MTUS Citation ") + other + ".";
  return out.empty() ? "None (no rule pack covers this request)." : out;
}

}  // namespace

std::string render_letter_text(const Case& c, const Review& review, const std::string& summary,
                               const LetterOptions& options) {
  std::string out;
  if (options.draft)
    out += "DRAFT FOR PHYSICIAN REVIEW - not a determination until signed by the expert reviewer\n";
  if (!c.case_id.empty()) out += "Case: " + c.case_id + "\n";
  if (!options.amendment.empty()) out += "\nAMENDED DETERMINATION\n\n" + wrap(options.amendment) + "\n\n";
  // Which knowledge made a draft is for the reviewer; a signed letter carries no engine versions.
  if (options.draft) out += "Rules: " + review.rules_version + "; drug table " + review.drugs_version + "\n";
  while (!out.empty() && (out.size() < 2 || out.compare(out.size() - 2, 2, "\n\n") != 0)) out += "\n";

  out += "HOW THE IMR FINAL DETERMINATION WAS MADE\n\n";
  out += wrap(options.organization +
              " sent the complete case file to an expert reviewer who has no affiliation with the "
              "employer, the employee, the providers or the claims administrator. The reviewer has "
              "been in clinical practice for more than five years, currently practises at least 24 "
              "hours a week, and was chosen for clinical experience, education and expertise in a "
              "specialty that evaluates or treats the condition and the disputed items. The reviewer "
              "applies the governing law, including the order of evidence for Independent Medical "
              "Review: the MTUS first, and other evidence-based guidelines where the MTUS is silent.") +
         "\n\n";
  if (c.reviewer && !c.reviewer->empty()) {
    out += "The Expert Reviewer has the following credentials:\n";
    out += "State(s) of Licensure: " + join(c.reviewer->licensure, ", ") + "\n";
    out += "Certification(s)/Specialty: " + join(c.reviewer->certifications, ", ") + "\n";
    if (!c.reviewer->subspecialties.empty())
      out += "Subspecialty: " + join(c.reviewer->subspecialties, ", ") + "\n";
  } else {
    out += "The Expert Reviewer's credentials are added when a reviewer is assigned.\n";
  }
  out += "\nCLINICAL CASE SUMMARY\n\n";
  out += wrap(summary) + "\n\n";

  out += "IMR ISSUES, DECISIONS AND RATIONALES\n\n";
  out += "This determination rests on the decision made for each disputed item below.\n\n";
  for (const auto& d : review.items) {
    out += d.request + ": " + decision_word(d) + "\n\n";
    std::string ca;
    for (const auto& cite : d.claims_administrator_citations) ca += (ca.empty() ? "" : " ") + cite.text;
    out += wrap("Claims Administrator guideline: " +
                (ca.empty() ? std::string("Not stated in the case file.") : "Decision based on " + ca)) +
           "\n\n";
    out += wrap("IMR guideline: " + guideline_line(d.citations)) + "\n\n";
    out += wrap("Decision rationale: " + d.rationale) + "\n\n";
  }
  if (!options.signed_on.empty()) {
    out += "SIGNATURE\n\n";
    out += wrap("The expert reviewer whose credentials are stated above made and signed this "
                "determination on " + options.signed_on + ".") + "\n";
  }
  return out;
}

}  // namespace imr
