// Incoming records and bulk-import cases from JSON or bytes: shared by `imr case attach`,
// `imr case import` and the HTTP API so the three read them the same way.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "service/case_service.h"

namespace imr {

// A record from its original bytes: a PDF (by its "%PDF-" signature) keeps its bytes and has
// its text extracted; anything else is read as text. `date` is "" or YYYY-MM-DD. Throws
// InputError naming `source_name` for an unreadable PDF or a bad date.
IncomingRecord incoming_record(const std::string& bytes, const std::string& source_name, const std::string& title,
                               const std::string& date, const std::string& sender);

// One case of a bulk import: {"application": {...}, "records": [{"title", "date", "sender",
// "text"} or {"file": "relative/path", ...}]}. A "file" is read relative to `files_base`;
// with no base (an HTTP request) a "file" is refused. InputError names `where` and the field.
ImportCase parse_import_case(const nlohmann::json& j, const std::string& where,
                             const std::optional<std::filesystem::path>& files_base);

}  // namespace imr
