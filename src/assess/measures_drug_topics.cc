// Measures for the drug topics beyond the seeds' classes (NSAIDs and PPIs, anti-epilepsy
// drugs, antidepressants, topicals, sleep aids, ...).
#include "assess/measures.h"

namespace imr {

std::vector<MeasureSpec> drug_topic_measures() { return {}; }

}  // namespace imr
