// The case service: the letter out — the signed text, its PDF, and the redacted copy for
// publication (names, claim numbers, addresses, phones and dates of birth removed).
#include <fmt/format.h>

#include "render/letter_pdf.h"
#include "service/case_internal.h"
#include "service/case_service.h"
#include "service/redact.h"

namespace imr {

using namespace case_internal;

namespace {

void add(std::vector<std::string>& out, const std::string& value) {
  if (!value.empty()) out.push_back(value);
}

KnownIdentifiers identifiers_of(const std::vector<Application>& apps) {
  KnownIdentifiers k;
  for (const auto& a : apps) {
    add(k.person_names, a.worker.name);
    add(k.addresses, a.worker.address);
    add(k.phones, a.worker.phone);
    if (a.worker.date_of_birth) k.dates_of_birth.push_back(*a.worker.date_of_birth);
    add(k.claim_numbers, a.claim_number);
    add(k.person_names, a.requesting_physician.name);
    add(k.addresses, a.requesting_physician.address);
    add(k.phones, a.requesting_physician.phone);
    add(k.organization_names, a.requesting_physician.medical_group);
    add(k.organization_names, a.employer.name);
    add(k.addresses, a.employer.address);
    add(k.phones, a.employer.phone);
    add(k.organization_names, a.claims_administrator.name);
    add(k.addresses, a.claims_administrator.address);
    add(k.phones, a.claims_administrator.phone);
    add(k.organization_names, a.insurer);
    if (a.representative) {
      add(k.person_names, a.representative->name);
      add(k.organization_names, a.representative->firm);
      add(k.addresses, a.representative->address);
      add(k.phones, a.representative->phone);
    }
  }
  return k;
}

}  // namespace

LetterFiles CaseService::letter(const std::string& case_id, std::optional<int> sequence, const std::string& actor) {
  const Timestamp now = context_.clock();
  LetterFiles out;
  std::vector<Application> apps;
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
    record_audit(tx, case_id, now, actor, "letter_written", {{"sequence", out.sequence}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "letter", why);
  // Rendering is pure and may take a while: outside the transaction.
  PdfOptions pdf = default_pdf_options();
  pdf.title = "Final Determination Letter - " + case_id;
  out.pdf = render_letter_pdf(out.text, pdf);
  KnownIdentifiers known = identifiers_of(apps);
  known.keep.push_back(case_id);  // the IMR case number is published
  const RedactionResult redacted = redact_for_publication(out.text, known);
  out.redacted_text = redacted.text;
  out.redactions = redacted.removed.size();
  out.redacted_pdf = render_letter_pdf(out.redacted_text, pdf);
  return out;
}

}  // namespace imr
