// A parsed request as JSON, the format `imr request` prints (see docs/requests.md). Every
// key is always present; absent values are null (or "" / [] for strings and lists).
// Numbers are rounded to 4 decimal places.
#pragma once

#include <nlohmann/json.hpp>

#include "intake/request.h"

namespace imr {

nlohmann::json to_json(const ParsedRequest& request);

}  // namespace imr
