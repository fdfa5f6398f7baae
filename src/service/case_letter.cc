// The case service: the letter out — the signed text, its PDF, and the redacted copy for
// publication (service/redact.h). The copy is redacted before it is laid out: the signed
// text's paragraph wrapping is undone, the redactor works on whole paragraphs with the case's
// records as context, and the redacted text is wrapped and rendered to PDF from there.
#include <fmt/format.h>

#include "render/letter_layout.h"
#include "render/letter_pdf.h"
#include "service/case_internal.h"
#include "service/case_service.h"
#include "service/redact.h"
#include "service/redact_lexicon.h"

namespace imr {

using namespace case_internal;

LetterFiles CaseService::letter(const std::string& case_id, std::optional<int> sequence, const std::string& actor) {
  const Timestamp now = context_.clock();
  LetterFiles out;
  std::vector<Application> apps;
  std::vector<std::string> record_texts;
  std::string why;
  store_.transact([&](StoreTx& tx) {
    load_case(tx, case_id);
    const auto signed_rows = tx.signed_determinations(case_id);
    if (signed_rows.empty()) {
      why = "case " + case_id + " has no signed determination yet";
      return;
    }
    const SignedRow* chosen = &signed_rows.back();
    if (sequence) {
      chosen = nullptr;
      for (const auto& s : signed_rows)
        if (s.sequence == *sequence) chosen = &s;
      if (!chosen) throw NotFoundError(fmt::format("case {} has no signed determination {}", case_id, *sequence));
    }
    out.sequence = chosen->sequence;
    out.text = chosen->letter_text;
    apps = applications_of(tx, case_id);
    for (auto& r : tx.records(case_id, false)) record_texts.push_back(std::move(r.text));
    record_audit(tx, case_id, now, actor, "letter_written", {{"sequence", out.sequence}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "letter", why);
  // Rendering is pure and may take a while: outside the transaction.
  PdfOptions pdf = default_pdf_options();
  pdf.title = "Final Determination Letter - " + case_id;
  out.pdf = render_letter_pdf(out.text, pdf);
  KnownIdentifiers known = known_identifiers_of(apps);
  known.keep.push_back(case_id);                // the IMR case number is published
  known.keep.push_back(context_.organization);  // and the review organization's name
  const std::vector<std::string_view> context(record_texts.begin(), record_texts.end());
  const RedactionResult redacted =
      redact_for_publication(unwrap_letter_text(out.text), known, *RedactionLexicon::shared(context_.data_dir), context);
  out.redacted_text = wrap_letter_text(redacted.text);
  out.redactions = redacted.removed.size();
  out.redacted_pdf = render_letter_pdf(out.redacted_text, pdf);
  return out;
}

}  // namespace imr
