// `imr eval` output: a per-item table and totals as text, or JSON for machines.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "eval/eval.h"

namespace imr {

std::string render_eval_text(const EvalReport& report);
nlohmann::json to_json(const EvalReport& report);

}  // namespace imr
