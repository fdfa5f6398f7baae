// A real letter as a case: its clinical case summary becomes the one record, its disputed
// items the requests. Used by `imr review LETTER` and by `imr eval` to run the engine
// blind on what the reviewer saw summarized.
#pragma once

#include "intake/case.h"
#include "letters/letter.h"

namespace imr {

// The record's date is the latest date the summary mentions (the letter itself is not
// dated in every layout); the UR date is the header table's UR denial date when there is
// one; the date of injury is the summary's, else the header's. Each item becomes a request
// and a UR item ("denied", or "modified" with what UR certified; the request is then the
// disputed remainder) with its date of service. The reviewer's decisions and rationales
// are not carried over.
Case case_from_letter(const Letter& letter);

}  // namespace imr
