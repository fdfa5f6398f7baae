// `imr parse FILE...` — reads IMR determination letters (text or PDF) and prints them as
// JSON (default) or readable text.
//
// One file: one pretty JSON object. Several files: one JSON array of the letters that could
// be read, in argument order. A file that cannot be read prints one line
// "imr: FILE: problem" on stderr and nothing on stdout; the other files still print, and the
// exit code is 1 when any file failed. Output is built completely before anything is printed.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/error.h"
#include "core/text.h"
#include "intake/document.h"
#include "intake/drug_table.h"
#include "intake/letter_items.h"
#include "intake/request_services.h"
#include "letters/letter.h"
#include "letters/letter_json.h"

namespace imr::cli {
namespace {

std::string citations_text(const std::vector<Citation>& cs) {
  if (cs.empty()) return "(none)";
  std::vector<std::string> parts;
  for (const Citation& c : cs) {
    std::string s = c.source;
    if (!c.section.empty()) s += " — " + c.section;
    if (!c.pages.empty()) s += " (p. " + c.pages + ")";
    parts.push_back(s);
  }
  return join(parts, "; ");
}

std::string list_text(const std::vector<std::string>& xs) {
  return xs.empty() ? "(none)" : join(xs, ", ");
}

std::string letter_text(const Letter& l) {
  std::string out;
  out += l.file + " [" + l.layout + "]\n";
  if (!l.header.empty()) {
    auto date = [](const std::optional<Date>& d) { return d ? d->iso() : std::string("?"); };
    out += "Case " + (l.header.case_number.empty() ? "?" : l.header.case_number) + ": assigned " +
           date(l.header.date_assigned) + ", decided " + date(l.header.decision_date) + ", UR denial " +
           date(l.header.ur_denial_date) + ", priority " + (l.header.priority.empty() ? "?" : l.header.priority) + "\n";
  }
  out += "Reviewer: licensed in " + list_text(l.reviewer.licensure) + "; certified in " +
         list_text(l.reviewer.certifications);
  if (!l.reviewer.subspecialties.empty()) out += "; subspecialty " + list_text(l.reviewer.subspecialties);
  out += "\nClaimant: age " + (l.claimant_age ? std::to_string(*l.claimant_age) : "?") + ", sex " +
         (l.claimant_sex.empty() ? "?" : l.claimant_sex) + ", injured " +
         (l.date_of_injury ? l.date_of_injury->iso() : l.header.date_of_injury ? l.header.date_of_injury->iso() : "?") + "\n";
  out += "Diagnoses: " + list_text(l.diagnoses) + "\n";
  out += "Items: " + std::to_string(l.items.size()) + "\n";
  for (size_t i = 0; i < l.items.size(); ++i) {
    const LetterItem& it = l.items[i];
    out += "  " + std::to_string(i + 1) + ". " + it.request + ": " + to_string(it.decision) + "\n";
    out += "     Category: " + (it.category.empty() ? "(unknown)" : it.category) + "; region " + it.body_region +
           (it.laterality.empty() ? "" : " (" + it.laterality + ")") + "\n";
    if (it.modified)
      out += "     Modified: original request " + it.original_request + "; UR certified " +
             (it.certified.empty() ? "(not stated)" : it.certified) + "\n";
    if (it.retrospective)
      out += "     Retrospective" + (it.date_of_service ? ", date of service " + it.date_of_service->iso() : "") + "\n";
    out += "     Claims administrator cited: " + citations_text(it.claims_administrator_citations) + "\n";
    out += "     Reviewer cited: " + citations_text(it.reviewer_citations) + "\n";
    out += "     Rationale: " + it.rationale + "\n";
  }
  return out;
}

}  // namespace

Action add_parse_command(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    std::vector<std::string> files;
    std::string format = "json";
  };
  auto opts = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("parse", "Read IMR determination letters (text or PDF) into structured data");
  sub->add_option("files", opts->files, "Letter files (.txt or .pdf)")->required();
  sub->add_option("--format", opts->format, "Output format: json (default) or text")
      ->check(CLI::IsMember({"json", "text"}));
  return [opts, &global]() -> int {
    // Each item's category and body region come from the request parser and its tables.
    const std::string dir = data_dir(global);
    const DrugTable drugs = DrugTable::load(dir + "/drugs.yaml");
    const ServiceTable services = ServiceTable::load(dir + "/services.yaml", dir + "/body_regions.yaml");
    std::vector<Letter> letters;
    bool failed = false;
    for (const std::string& file : opts->files) {
      try {
        Letter letter = read_letter(load_document_text(file), file);
        classify_letter_items(letter, drugs, services);
        letters.push_back(std::move(letter));
      } catch (const InputError& e) {
        std::fprintf(stderr, "imr: %s\n", e.what());
        failed = true;
      }
    }
    std::string out;
    if (opts->format == "text") {
      for (size_t i = 0; i < letters.size(); ++i) out += (i ? "\n" : "") + letter_text(letters[i]);
    } else if (opts->files.size() == 1) {
      if (!letters.empty()) out = to_json(letters[0]).dump(2) + "\n";
    } else if (!letters.empty()) {
      nlohmann::json arr = nlohmann::json::array();
      for (const Letter& l : letters) arr.push_back(to_json(l));
      out = arr.dump(2) + "\n";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    return failed ? kExitInputError : kExitOk;
  };
}

}  // namespace imr::cli
