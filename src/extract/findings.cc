// Imaging and electrodiagnostic findings, exam findings, red flags, injection responses.
#include "extract/detectors.h"

namespace imr::extract_detail {

void detect_findings(const SentenceContext&, std::vector<Fact>&) {}

}  // namespace imr::extract_detail
