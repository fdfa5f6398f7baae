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

namespace imr::cli {

namespace {

using nlohmann::json;

// Longest line accepted (one case with its records' text).
constexpr size_t kMaxLineBytes = 8u << 20;

std::string text_field(const json& j, const char* key, const std::string& where) {
  if (!j.contains(key)) return "";
  if (!j[key].is_string()) throw InputError(where, std::string(key) + " must be a string");
  return j[key].get<std::string>();
}

ImportCase parse_line(const std::string& line, const std::string& where, const std::filesystem::path& base) {
  json j = json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw InputError(where, "not a JSON object");
  if (!j.contains("application")) throw InputError(where, "application is missing");
  ImportCase c;
  c.application = parse_application_json(j["application"].dump(), where);
  if (j.contains("records")) {
    if (!j["records"].is_array()) throw InputError(where, "records must be an array");
    size_t i = 0;
    for (const auto& r : j["records"]) {
      const std::string at = fmt::format("{}: records[{}]", where, i++);
      if (!r.is_object()) throw InputError(at, "must be an object");
      IncomingRecord rec;
      rec.title = text_field(r, "title", at);
      rec.sender = text_field(r, "sender", at);
      const std::string date = text_field(r, "date", at);
      if (!date.empty() && !(rec.date = parse_date(date))) throw InputError(at, "date is not a date: '" + date + "'");
      const std::string file = text_field(r, "file", at);
      if (!file.empty()) {
        const std::string path = (base / file).string();
        const std::string bytes = read_file(path);
        rec.text = document_text_from_bytes(bytes, path);
        rec.source_name = std::filesystem::path(file).filename().string();
        if (bytes.rfind("%PDF-", 0) == 0) {
          rec.media_type = "application/pdf";
          rec.content = bytes;
        } else {
          rec.media_type = "text/plain";
        }
      } else {
        rec.text = text_field(r, "text", at);
        if (rec.text.empty()) throw InputError(at, "needs a text or a file");
        rec.media_type = "text/plain";
      }
      if (rec.title.empty()) rec.title = rec.source_name.empty() ? "Record" : rec.source_name;
      c.records.push_back(std::move(rec));
    }
  }
  return c;
}

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
      batch.push_back(parse_line(line, fmt::format("{}:{}", path, number), base));
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
