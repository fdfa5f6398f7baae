// The service vocabulary: non-drug requests (physical therapy, MRI, epidural injections,
// ...) and body regions, loaded from data/services.yaml, and the matcher that finds them
// in a request. Data, not code; validated at load with file:line errors; immutable and
// safe to share between threads afterwards.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"

namespace imr {

struct ServiceEntry {
  std::string name;                   // canonical: "physical therapy"
  std::vector<std::string> synonyms;  // "PT", "physiotherapy", ...
  std::string topic;                  // rule topic: "physical_medicine"
  int line = 0;
};

// A word that places a request ("post-op", "retrospective", "refill"): a code and the
// words that write it.
struct RequestFlag {
  std::string name;  // the code: "postoperative"
  std::vector<std::string> synonyms;
  int line = 0;
};

struct BodyRegion {
  std::string name;  // "lumbar spine"
  std::vector<std::string> synonyms;
  int line = 0;
};

class ServiceTable {
 public:
  ServiceTable() = default;
  ServiceTable(const ServiceTable&) = delete;
  ServiceTable& operator=(const ServiceTable&) = delete;
  ServiceTable(ServiceTable&&) = default;
  ServiceTable& operator=(ServiceTable&&) = default;

  // Throws DataError("file:line: problem") for a missing name or topic, an empty synonym
  // list, a name used twice, or malformed YAML.
  static ServiceTable load(const std::string& path);
  static ServiceTable parse(std::string_view yaml, const std::string& file_name);

  const std::vector<ServiceEntry>& services() const { return services_; }
  const std::vector<BodyRegion>& regions() const { return regions_; }
  const std::vector<RequestFlag>& flags() const { return flags_; }
  // Every flag written in `lower` (lower-case text), each once, in table order.
  std::vector<std::string> flags_in(std::string_view lower) const;

  // The earliest service named in `lower` (lower-case text), longest name first at a
  // position, on word boundaries; with its span.
  std::optional<std::pair<const ServiceEntry*, Span>> find_service(std::string_view lower) const;
  std::optional<std::pair<const BodyRegion*, Span>> find_region(std::string_view lower) const;

 private:
  void index();
  std::vector<ServiceEntry> services_;
  std::vector<BodyRegion> regions_;
  std::vector<RequestFlag> flags_;
  // Lower-case synonym -> index, longest first.
  std::vector<std::pair<std::string, size_t>> service_names_;
  std::vector<std::pair<std::string, size_t>> region_names_;
};

// The earliest word-bounded occurrence in `lower` of any of `names` (longest first at a
// position). Returns the index into `names` and the span. Shared by the drug matcher.
std::optional<std::pair<size_t, Span>> find_earliest_name(
    std::string_view lower, const std::vector<std::string_view>& names);

}  // namespace imr
