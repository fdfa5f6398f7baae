// Loading what `imr review` is given: a case JSON file, or a letter (text or PDF) whose
// case summary and disputed items become the case.
#pragma once

#include <string>

#include "intake/case.h"

namespace imr {

// Throws InputError naming the file and the problem.
Case load_case_file(const std::string& path);

}  // namespace imr
