// Therapy given, home exercise, device trials, homebound, surgical candidacy, motivation, evaluations.
#include "extract/detectors.h"

namespace imr::extract_detail {

void detect_services(const SentenceContext&, std::vector<Fact>&) {}

}  // namespace imr::extract_detail
