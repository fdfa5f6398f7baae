#include "corpus/record.h"

#include <re2/re2.h>

#include <cctype>
#include <filesystem>

#include "core/text.h"
#include "intake/request.h"
#include "letters/letter_json.h"

namespace imr::corpus {
namespace {

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }

// "CM16-0221706" anywhere in the text or the file name.
const RE2& case_number_re() {
  static const RE2 re(R"(\b(CM\d{2}-\d{7})\b)");
  return re;
}

std::string case_number_of(const Letter& letter, std::string_view text, const std::string& sha) {
  if (!letter.header.case_number.empty()) return letter.header.case_number;
  std::string found;
  if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), case_number_re(), &found)) return found;
  const std::string stem = std::filesystem::path(letter.file).stem().string();
  if (RE2::FullMatch(stem, case_number_re(), &found)) return found;
  return "sha256:" + sha.substr(0, 16);
}

int year_of(const std::string& decision_date, const std::string& case_number) {
  if (decision_date.size() >= 4) return std::stoi(decision_date.substr(0, 4));
  if (case_number.size() >= 4 && case_number[0] == 'C' && case_number[1] == 'M' && std::isdigit(static_cast<unsigned char>(case_number[2])) &&
      std::isdigit(static_cast<unsigned char>(case_number[3])))
    return 2000 + (case_number[2] - '0') * 10 + (case_number[3] - '0');
  return 0;
}

std::string tidy(std::string_view s) {
  std::string out = collapse_whitespace(s);
  while (!out.empty() && std::string_view(".,;: ").find(out.back()) != std::string_view::npos) out.pop_back();
  size_t start = 0;
  while (start < out.size() && std::string_view(".,;: ").find(out[start]) != std::string_view::npos) ++start;
  return out.substr(start);
}

void add_citations(std::vector<CitationRecord>& out, const std::vector<Citation>& cs, bool by_reviewer) {
  for (const Citation& c : cs)
    out.push_back({by_reviewer, citation_family(c), tidy(c.source), tidy(c.section), tidy(c.pages)});
}

const char* kind_name(ParsedRequest::Kind k) {
  switch (k) {
    case ParsedRequest::Kind::kDrug: return "drug";
    case ParsedRequest::Kind::kService: return "service";
    case ParsedRequest::Kind::kUnknown: break;
  }
  return "unknown";
}

}  // namespace

std::string filter_key(std::string_view text) { return to_lower(collapse_whitespace(trim(text))); }

LetterRecord make_record(const Letter& read, const std::string& text, const std::string& content_sha256,
                         const DrugTable& drugs, const ServiceTable& services) {
  Letter letter = read;
  LetterRecord r;
  r.source_name = letter.file;
  r.content_sha256 = content_sha256;
  r.case_number = case_number_of(letter, text, content_sha256);
  r.layout = letter.layout;
  r.decision_date = iso(letter.header.decision_date);
  r.date_assigned = iso(letter.header.date_assigned);
  r.date_of_injury = iso(letter.header.date_of_injury ? letter.header.date_of_injury : letter.date_of_injury);
  r.ur_denial_date = iso(letter.header.ur_denial_date);
  r.application_received = iso(letter.header.application_received);
  r.year = year_of(r.decision_date, r.case_number);
  r.priority = filter_key(letter.header.priority);
  if (r.priority == "expedite" || r.priority == "urgent") r.priority = "expedited";
  if (r.priority == "regular" || r.priority == "routine") r.priority = "standard";
  r.specialty = letter.reviewer.certifications.empty() ? "" : collapse_whitespace(letter.reviewer.certifications.front());
  r.certifications = join(letter.reviewer.certifications, "; ");
  r.subspecialties = join(letter.reviewer.subspecialties, "; ");
  r.licensure = join(letter.reviewer.licensure, "; ");
  r.claimant_age = letter.claimant_age.value_or(0);
  r.claimant_sex = letter.claimant_sex;
  for (size_t i = 0; i < letter.items.size(); ++i) {
    LetterItem& item = letter.items[i];
    // The same reading as classify_letter_items (intake/letter_items.h), kept for the drug too.
    const ParsedRequest p = parse_request(item.request, drugs, services);
    item.category = p.topic();
    item.body_region = p.body_region;
    item.body_regions = p.body_regions;
    item.laterality = p.laterality;
    ItemRecord it;
    it.position = static_cast<int>(i + 1);
    it.request = item.request;
    it.original_request = item.original_request;
    it.certified = item.certified;
    it.modified = item.modified;
    it.retrospective = item.retrospective;
    it.date_of_service = iso(item.date_of_service);
    it.kind = kind_name(p.kind);
    it.category = item.category;
    it.body_region = item.body_region;
    it.laterality = item.laterality;
    if (p.drug) {
      it.drug = p.drug->generic;
      it.drug_class = p.drug->drug_class;
    }
    it.service = p.service;
    it.overturned = item.decision == Decision::kOverturned;
    it.rationale = item.rationale;
    add_citations(it.citations, item.reviewer_citations, true);
    add_citations(it.citations, item.claims_administrator_citations, false);
    r.items.push_back(std::move(it));
  }
  r.letter_json = to_json(letter).dump();
  return r;
}

}  // namespace imr::corpus
