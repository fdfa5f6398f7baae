#include "service/import_json.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/file.h"
#include "intake/document.h"

namespace imr {

using nlohmann::json;

namespace {

std::string text_field(const json& j, const char* key, const std::string& where) {
  if (!j.contains(key)) return "";
  if (!j[key].is_string()) throw InputError(where, std::string(key) + " must be a string");
  return j[key].get<std::string>();
}

}  // namespace

IncomingRecord incoming_record(const std::string& bytes, const std::string& source_name, const std::string& title,
                               const std::string& date, const std::string& sender) {
  IncomingRecord r;
  r.source_name = source_name;
  r.title = title.empty() ? std::filesystem::path(source_name).stem().string() : title;
  if (r.title.empty()) r.title = "Record";
  if (!date.empty()) {
    r.date = parse_date(date);
    if (!r.date) throw InputError(source_name, "date is not a date: '" + date + "'");
  }
  r.sender = sender;
  r.text = document_text_from_bytes(bytes, source_name);
  const bool pdf = bytes.rfind("%PDF-", 0) == 0;
  r.media_type = pdf ? "application/pdf" : "text/plain";
  if (pdf) r.content = bytes;
  return r;
}

ImportCase parse_import_case(const json& j, const std::string& where,
                             const std::optional<std::filesystem::path>& files_base) {
  if (!j.is_object()) throw InputError(where, "not a JSON object");
  if (!j.contains("application")) throw InputError(where, "application is missing");
  ImportCase c;
  c.application = parse_application_json(j["application"].dump(), where);
  if (!j.contains("records")) return c;
  if (!j["records"].is_array()) throw InputError(where, "records must be an array");
  size_t i = 0;
  for (const auto& r : j["records"]) {
    const std::string at = fmt::format("{}: records[{}]", where, i++);
    if (!r.is_object()) throw InputError(at, "must be an object");
    const std::string title = text_field(r, "title", at), sender = text_field(r, "sender", at),
                      date = text_field(r, "date", at), file = text_field(r, "file", at);
    IncomingRecord rec;
    if (!file.empty()) {
      if (!files_base) throw InputError(at, "file is not accepted here: send the record's text");
      const std::string path = (*files_base / file).string();
      rec = incoming_record(read_file(path), std::filesystem::path(file).filename().string(), title, date, sender);
    } else {
      rec.text = text_field(r, "text", at);
      if (rec.text.empty()) throw InputError(at, "needs a text or a file");
      rec.media_type = "text/plain";
      rec.source_name = text_field(r, "source_name", at);
      rec.title = title.empty() ? (rec.source_name.empty() ? "Record" : rec.source_name) : title;
      rec.sender = sender;
      if (!date.empty() && !(rec.date = parse_date(date))) throw InputError(at, "date is not a date: '" + date + "'");
    }
    c.records.push_back(std::move(rec));
  }
  return c;
}

}  // namespace imr
