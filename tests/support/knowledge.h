// Test support: the bundled knowledge (drug table, rule packs), loaded once per process.
#pragma once

#include <memory>
#include <string>

#include "decide/engine.h"

namespace imr::testing {

inline std::shared_ptr<const Knowledge> bundled_knowledge() {
  static const std::shared_ptr<const Knowledge> k = load_knowledge(std::string(IMR_SOURCE_DIR) + "/data");
  return k;
}

}  // namespace imr::testing
