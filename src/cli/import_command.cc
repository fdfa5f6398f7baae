// `imr case import FILE.jsonl` — bulk import of applications with their records.
//
// One case per line: {"application": {...application JSON...}, "records": [{"title": ...,
// "date": "YYYY-MM-DD", "sender": ..., "text": ...} or {"file": "relative/path.pdf", ...}]}.
// Cases are committed in batches, each batch in one transaction: a run killed part-way
// leaves whole batches only, and running it again skips what is stored and finishes.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/service_setup.h"
#include "core/error.h"
#include "core/file.h"
#include "intake/document.h"
#include "service/case_json.h"
#include "service/import_json.h"

namespace imr::cli {

namespace {

using nlohmann::json;

// Longest line accepted (one case with its records' text).
constexpr size_t kMaxLineBytes = 8u << 20;

}  // namespace

int run_import(ServiceHandle& h, const std::string& path, int batch_size, const ServiceOptions& opts) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open");
  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  ImportSummary total;
  std::vector<ImportCase> batch;
  auto flush = [&] {
    if (batch.empty()) return;
    const ImportSummary s = h.service->import_batch(batch, h.actor);
    total.imported += s.imported;
    total.skipped += s.skipped;
    total.ineligible += s.ineligible;
    total.consolidated += s.consolidated;
    total.records += s.records;
    batch.clear();
  };
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.size() > kMaxLineBytes) throw InputError(fmt::format("{}:{}", path, number), "line is too long");
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      const std::string where = fmt::format("{}:{}", path, number);
      json j = json::parse(line, nullptr, false);
      if (j.is_discarded()) throw InputError(where, "not a JSON object");
      batch.push_back(parse_import_case(j, where, base));
    } catch (const InputError& e) {
      flush();  // what came before the bad line is whole and kept
      throw InputError(e.file(), e.problem() + fmt::format(" (cases before line {} were imported: {} new, {} already stored)",
                                                            number, total.imported, total.skipped));
    }
    if (batch.size() >= static_cast<size_t>(batch_size)) flush();
  }
  flush();
  print(opts, to_json(total),
        fmt::format("Imported {} applications ({} ineligible, {} consolidated) with {} records; {} already stored.\n",
                    total.imported, total.ineligible, total.consolidated, total.records, total.skipped));
  return kExitOk;
}

}  // namespace imr::cli
