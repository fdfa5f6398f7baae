// The review as JSON: the public `imr review --format json` interface (docs/case-format.md).
#pragma once

#include <nlohmann/json.hpp>

#include "decide/determination.h"

namespace imr {

nlohmann::json to_json(const Review& review, bool include_facts = false);
nlohmann::json to_json(const Evidence& e);
std::string citation_text(const EngineCitation& c);

}  // namespace imr
