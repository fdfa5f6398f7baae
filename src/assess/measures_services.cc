// Measures for services: physical medicine, injections, imaging, devices, programs, home care.
#include "assess/measures.h"

namespace imr {

std::vector<MeasureSpec> service_measures() { return {}; }

}  // namespace imr
