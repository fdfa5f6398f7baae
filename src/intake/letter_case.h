// A real letter as a case: its clinical case summary becomes the one record, its disputed
// items the requests. Used by `imr review LETTER` and by `imr eval` to run the engine
// blind on what the reviewer saw summarized.
#pragma once

#include "intake/case.h"
#include "letters/letter.h"

namespace imr {

// The record's date is the latest date the summary mentions (the letter itself is not
// dated in every layout); the reviewer's decisions and rationales are not carried over.
Case case_from_letter(const Letter& letter);

}  // namespace imr
