// JSON form of a Letter, as `imr parse` prints it (docs/letter-json.md). Shared by every
// command that emits letters. Missing values: null for age and date of injury, "" for sex.
#pragma once

#include <nlohmann/json.hpp>

#include "letters/letter.h"

namespace imr {

nlohmann::json to_json(const Citation& citation);
nlohmann::json to_json(const LetterItem& item);
nlohmann::json to_json(const LetterHeader& header);
nlohmann::json to_json(const Letter& letter);

}  // namespace imr
