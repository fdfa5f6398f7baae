// Reading a non-drug request once its service is known: its topic there, visit counts
// ("2x week x 6 weeks", "12 sessions", "2x6", "x 6 visits", and in words: "three times a
// week for two weeks", "six visits"), hours a day ("4 hours/day"),
// days a week, duration ("x 10 days") and purchase or rental. Pure; RE2 only.
#pragma once

#include <string_view>

#include "intake/request.h"

namespace imr {

// Fills the service fields of `r` (kind kService). `service_span` is where the service
// was named in `lower` (the request in lower case), `regions` what it says of body regions.
void read_service(ParsedRequest& r, const ServiceEntry& service, Span service_span,
                  std::string_view lower, const ServiceTable& services,
                  const RegionReading& regions);

}  // namespace imr
