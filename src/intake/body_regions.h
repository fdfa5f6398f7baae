// The body-region vocabulary (data/body_regions.yaml) and the reader that finds, in a
// request as written, which regions it names and on which side.
//
// Every region a request names is reported by its id ("lumbar_spine", "wrist_hand"); a
// broader region named beside one of its parts is dropped ("spine" beside "lumbar spine");
// several regions give the reserved id "multiple", none gives "unspecified". Laterality is
// "left", "right", "bilateral" or "". Data, not code: validated at load with file:line
// errors; immutable and safe to share between threads afterwards. Reading is linear in the
// text (plain comparisons and RE2).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "intake/name_index.h"

namespace re2 {
class RE2;
}

namespace imr {

inline constexpr std::string_view kMultipleRegions = "multiple";
inline constexpr std::string_view kUnspecifiedRegion = "unspecified";

struct BodyRegion {
  std::string id;     // "lumbar_spine"
  std::string label;  // "lumbar spine", for prose
  std::string part_of;  // broader region id, or ""
  std::vector<std::string> words;       // name the region, side unstated
  std::vector<std::string> both_sides;  // name it on both sides ("knees")
  std::vector<std::string> left, right; // name it on one side ("LUE", "RLE")
  std::vector<std::string> patterns;    // RE2 sources (spinal levels)
  int line = 0;
};

// What a text says about body regions.
struct RegionReading {
  std::string region = std::string(kUnspecifiedRegion);  // an id, "multiple" or "unspecified"
  std::vector<std::string> regions;  // every region named, in order of first mention
  std::string label;                 // labels joined: "cervical spine and thoracic spine"
  std::string laterality;            // "left", "right", "bilateral" or ""
  std::vector<Span> spans;           // where regions and sides were named
};

class BodyRegionTable {
 public:
  BodyRegionTable();
  ~BodyRegionTable();
  BodyRegionTable(BodyRegionTable&&) noexcept;
  BodyRegionTable& operator=(BodyRegionTable&&) noexcept;
  BodyRegionTable(const BodyRegionTable&) = delete;
  BodyRegionTable& operator=(const BodyRegionTable&) = delete;

  // Throws DataError("file:line: problem") for malformed YAML, a missing or non-snake_case
  // id, a reserved id, an id or word used twice, a part_of naming no region, a pattern that
  // does not compile, or a laterality list missing.
  static BodyRegionTable load(const std::string& path);
  static BodyRegionTable parse(std::string_view yaml, const std::string& file_name);

  const std::vector<BodyRegion>& regions() const { return regions_; }
  const BodyRegion* find(std::string_view id) const;  // by id; nullptr if none
  std::string version() const { return version_; }

  // Regions and laterality named in `text` (any case).
  RegionReading read(std::string_view text) const;

 private:
  struct Name {
    std::string text;  // lower case
    size_t region;     // index into regions_, or kSide for a laterality word
    int side;          // 0 none, 1 left, 2 right, 3 both
  };
  static constexpr size_t kSide = static_cast<size_t>(-1);
  void index();
  std::string version_;
  std::vector<BodyRegion> regions_;
  std::vector<Name> names_;
  NameIndex name_index_;  // over names_, in that order
  std::vector<std::pair<std::unique_ptr<re2::RE2>, size_t>> patterns_;
};

}  // namespace imr
