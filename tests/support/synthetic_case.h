// Test support: synthetic applications for bulk tests (import, kill -9, benchmarks).
// Eligible when screened in November 2026 (UR served 2026-10-21 electronically), one
// disputed item, distinct workers so nothing consolidates.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace imr::testing {

// A distinct alphabetic word per number ("Baaaa", "Caaaa", ...).
inline std::string letters(int n) {
  std::string out;
  for (int i = 0; i < 5; ++i) {
    out += static_cast<char>('a' + n % 26);
    n /= 26;
  }
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

inline nlohmann::json synthetic_application(const std::string& id, const std::string& worker,
                                            const std::string& received = "2026-11-02") {
  using nlohmann::json;
  return {{"application_id", id},
          {"received", received},
          {"signed", true},
          {"signed_by", "worker"},
          {"worker", {{"name", worker}}},
          {"date_of_injury", "2024-03-08"},
          {"claims_administrator", {{"name", "Harbor Light Claims"}}},
          {"requesting_physician", {{"name", "Dr. Benedict Okafor, M.D."}, {"specialty", "Pain Medicine"}}},
          {"ur_decision",
           {{"date", "2026-10-20"},
            {"served", "2026-10-21"},
            {"service_method", "electronic"},
            {"items", json::array({{{"request", "Physical therapy x 6 visits"}, {"action", "denied"}}})}}}};
}

}  // namespace imr::testing
