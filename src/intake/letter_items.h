// A letter's items read with the request parser: each item's category (the engine's rule
// topic for its request) and body region, so letters can be counted and searched by kind of
// request. The letter reader itself is pure text; this needs the data tables.
#pragma once

#include "intake/drug_table.h"
#include "intake/request_services.h"
#include "letters/letter.h"

namespace imr {

// Fills category, body_region, body_regions and laterality of every item of `letter` from
// parse_request(item.request). Never throws for odd requests: an unknown one gets category
// "" and the region its words name.
void classify_letter_items(Letter& letter, const DrugTable& drugs, const ServiceTable& services);

}  // namespace imr
