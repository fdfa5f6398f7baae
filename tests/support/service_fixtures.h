// Test support: the team-written case-service fixtures (tests/fixtures/service/) and the
// service context over the bundled data, shared by the service and server tests.
#pragma once

#include <string>

#include "core/file.h"
#include "service/case_service.h"
#include "support/knowledge.h"

namespace imr::testing {

inline std::string service_fixture(const std::string& name) {
  return read_file(std::string(IMR_FIXTURES_DIR) + "/service/" + name);
}

// Calendar, specialties and knowledge from data/, loaded once per test binary.
inline const ServiceContext& bundled_service_context() {
  static const ServiceContext ctx = load_service_context(std::string(IMR_SOURCE_DIR) + "/data", bundled_knowledge());
  return ctx;
}

}  // namespace imr::testing
