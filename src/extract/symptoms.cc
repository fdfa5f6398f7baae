// Symptoms (nausea, constipation, insomnia, GI) and sleep hygiene.
#include "extract/detectors.h"

namespace imr::extract_detail {

void detect_symptoms(const SentenceContext&, std::vector<Fact>&) {}

}  // namespace imr::extract_detail
