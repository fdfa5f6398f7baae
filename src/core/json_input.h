// JSON documents from outside (case files, applications, the reviewer registry, imports),
// parsed with one clear InputError naming the file: malformed JSON (with line and column),
// invalid UTF-8, nesting deeper than limits::kMaxJsonDepth, or a number out of range (1e400,
// a 5000-digit integer) naming the field it was in ("items[2].quantity").
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace imr {

nlohmann::json parse_json_input(std::string_view text, const std::string& file);

}  // namespace imr
