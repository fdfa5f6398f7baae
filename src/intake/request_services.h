// The service vocabulary: non-drug requests (physical therapy, MRI, epidural injections,
// ...) loaded from data/services.yaml, with the body-region vocabulary beside it
// (data/body_regions.yaml, see body_regions.h), and the matcher that finds a service in a
// request and the rule topic that governs it there. Data, not code; validated at load with
// file:line errors; immutable and safe to share between threads afterwards.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "intake/body_regions.h"
#include "intake/name_index.h"

namespace imr {

struct ServiceEntry {
  std::string name;                   // canonical: "physical therapy"
  std::vector<std::string> synonyms;  // "PT", "physiotherapy", ...
  std::string topic;                  // rule topic: "physical_medicine"
  // A generic name ("labs") gives way to any other service named in the same request
  // ("Labs to include: EKG" is an EKG).
  bool generic = false;
  // The topic in a context the request names (qualifier -> topic): {preoperative: preop_ekg}.
  std::vector<std::pair<std::string, std::string>> topic_when;
  // The topic for a body region the request names (region id -> topic):
  // {shoulder: surgery_shoulder}. A request naming several regions keeps `topic`.
  std::vector<std::pair<std::string, std::string>> topic_by_region;
  int line = 0;
};

// Words that put a request in a context ("pre-op", "post-operative").
struct ServiceQualifier {
  std::string name;  // "preoperative"
  std::vector<std::string> words;
  NameIndex index;   // over words
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
  // list, a name used twice, a topic_when naming no qualifier, a topic_by_region naming no
  // region, or malformed YAML. The one-argument load reads body_regions.yaml from the
  // directory `path` is in.
  static ServiceTable load(const std::string& path);
  static ServiceTable load(const std::string& path, const std::string& regions_path);
  // Without a region table, requests name no region and topic_by_region is refused.
  static ServiceTable parse(std::string_view yaml, const std::string& file_name,
                            BodyRegionTable regions = {});

  const std::vector<ServiceEntry>& services() const { return services_; }
  const std::vector<ServiceQualifier>& qualifiers() const { return qualifiers_; }
  const BodyRegionTable& body_regions() const { return regions_; }
  // Every qualifier written in `lower` (lower-case text), each once, in table order: the
  // request's flags.
  std::vector<std::string> flags_in(std::string_view lower) const;

  // The earliest service named in `lower` (lower-case text), longest name first at a
  // position, on word boundaries; with its span. A generic service only when no other is named.
  std::optional<std::pair<const ServiceEntry*, Span>> find_service(std::string_view lower) const;

  // The rule topic of `service` in a request (`lower`, lower case) that names `regions`:
  // the topic of the first qualifier named that the service has one for, else the topic
  // of the one region named, else the service's topic.
  std::string topic_for(const ServiceEntry& service, std::string_view lower,
                        const RegionReading& regions) const;

 private:
  void index();
  std::vector<ServiceEntry> services_;
  std::vector<ServiceQualifier> qualifiers_;
  BodyRegionTable regions_;
  // Lower-case synonym -> index, longest first; generic services apart.
  std::vector<std::pair<std::string, size_t>> service_names_;
  std::vector<std::pair<std::string, size_t>> generic_names_;
  NameIndex service_index_, generic_index_;
};

}  // namespace imr
