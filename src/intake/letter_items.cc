#include "intake/letter_items.h"

#include "intake/request.h"

namespace imr {

void classify_letter_items(Letter& letter, const DrugTable& drugs, const ServiceTable& services) {
  for (LetterItem& item : letter.items) {
    const ParsedRequest p = parse_request(item.request, drugs, services);
    item.category = p.topic();
    item.body_region = p.body_region;
    item.body_regions = p.body_regions;
    item.laterality = p.laterality;
  }
}

}  // namespace imr
