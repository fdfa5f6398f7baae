// docs/limits.md shows the same limits as src/core/limits.h, the one place the code reads
// them from: every limit with its value, and no row for a limit the code does not have.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "core/file.h"
#include "core/limits.h"

namespace imr {
namespace {

TEST(LimitsDoc, TheTableMatchesCoreLimits) {
  const std::string doc = read_file(std::string(IMR_SOURCE_DIR) + "/docs/limits.md");
  std::set<std::string> rows;
  const std::regex row(R"(\n\| `(k[A-Za-z]+)` \| ([0-9]+) \|)");
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), row); it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[1];
    rows.insert(name);
    bool known = false;
    for (const auto& limit : limits::kAll)
      if (name == limit.name) {
        known = true;
        EXPECT_EQ((*it)[2].str(), std::to_string(limit.value)) << name << " differs from src/core/limits.h";
      }
    EXPECT_TRUE(known) << name << " is in docs/limits.md but not in src/core/limits.h";
  }
  for (const auto& limit : limits::kAll) EXPECT_TRUE(rows.count(limit.name)) << limit.name << " is not in docs/limits.md";
}

}  // namespace
}  // namespace imr
