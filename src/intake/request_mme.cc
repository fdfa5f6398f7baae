// Morphine milligram equivalents per day (CDC 2016 factors, from the drug table).
#include <optional>

#include "intake/request.h"

namespace imr {
namespace {

// Methadone: the factor depends on the total daily dose (mg/day).
std::optional<double> band_factor(const MmeFactor& f, double mg_per_day) {
  for (const auto& [max, factor] : f.bands)
    if (mg_per_day <= max) return factor;
  return std::nullopt;
}

}  // namespace

std::optional<Range> mme_per_day(const Drug& drug, double strength, Range units_per_day) {
  if (!drug.mme || strength <= 0) return std::nullopt;
  const MmeFactor& f = *drug.mme;
  // One patch is worn at a time: the strength per hour is the dose, whatever the interval.
  if (f.per_mcg_hr) return Range{strength * *f.per_mcg_hr, strength * *f.per_mcg_hr};
  if (f.per_mg)
    return Range{units_per_day.min * strength * *f.per_mg, units_per_day.max * strength * *f.per_mg};
  if (!f.bands.empty()) {
    const double lo = units_per_day.min * strength, hi = units_per_day.max * strength;
    const auto flo = band_factor(f, lo), fhi = band_factor(f, hi);
    if (!flo || !fhi) return std::nullopt;
    return Range{lo * *flo, hi * *fhi};
  }
  return std::nullopt;
}

}  // namespace imr
