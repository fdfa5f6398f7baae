#include "corpus/synthetic.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace imr::corpus {
namespace {

// One kind of disputed request: how it is written, how often it is overturned, what the
// reviewer cites, and what the notes say about it.
struct Kind {
  const char* request;
  double overturn;
  const char* citation;  // the reviewer's guideline line after "Decision based on "
  const char* subject;   // for the rationale: "an MRI of the low back"
};

const Kind kKinds[] = {
    {"MRI of the lumbar spine without contrast", 0.25,
     "MTUS/ACOEM Low Back Complaints, Section(s): Special Studies, Page(s): 303-304.", "imaging of the low back"},
    {"MRI of the right knee without contrast", 0.35, "MTUS/ACOEM Knee Complaints, Section(s): Special Studies.",
     "imaging of the knee"},
    {"Physical therapy for the cervical spine, 2 times a week for 6 weeks", 0.30,
     "MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine Page(s): 98-99.", "more therapy visits"},
    {"Acupuncture for the lumbar spine, 6 sessions", 0.30,
     "MTUS Acupuncture Medical Treatment Guidelines.", "a course of acupuncture"},
    {"Norco 10/325 mg #90", 0.10,
     "MTUS Chronic Pain Medical Treatment Guidelines, Opioids, criteria for use Page(s): 76-80.", "continued opioids"},
    {"Tramadol ER 150 mg #30", 0.15,
     "MTUS Chronic Pain Medical Treatment Guidelines, Opioids, criteria for use Page(s): 76-80.", "continued opioids"},
    {"Xanax 0.5 mg #60", 0.05, "MTUS Chronic Pain Medical Treatment Guidelines, Benzodiazepines Page(s): 24.",
     "a benzodiazepine"},
    {"Cyclobenzaprine 7.5 mg #60", 0.08,
     "MTUS Chronic Pain Medical Treatment Guidelines, Muscle relaxants (for pain) Page(s): 63-66.",
     "a muscle relaxant"},
    {"Lidoderm 5% patch #30", 0.10, "MTUS Chronic Pain Medical Treatment Guidelines, Lidoderm Page(s): 56-57.",
     "a lidocaine patch"},
    {"Naproxen sodium 550 mg #60", 0.50,
     "MTUS Chronic Pain Medical Treatment Guidelines, NSAIDs Page(s): 67-73.", "an anti-inflammatory"},
    {"Gabapentin 600 mg #90", 0.40,
     "MTUS Chronic Pain Medical Treatment Guidelines, Antiepilepsy drugs Page(s): 16-18.", "a nerve pain medicine"},
    {"Omeprazole 20 mg #30", 0.30,
     "MTUS Chronic Pain Medical Treatment Guidelines, NSAIDs, GI symptoms & cardiovascular risk Page(s): 68-69.",
     "a stomach protectant"},
    {"TENS unit for the lumbar spine, purchase", 0.20,
     "MTUS Chronic Pain Medical Treatment Guidelines, Transcutaneous electrotherapy Page(s): 114-116.",
     "a TENS unit"},
    {"Chiropractic treatment for the cervical spine, 8 visits", 0.30,
     "MTUS Chronic Pain Medical Treatment Guidelines, Manual therapy & manipulation Page(s): 58-60.",
     "more manipulation"},
    {"Lumbar epidural steroid injection at L4-5", 0.30,
     "MTUS Chronic Pain Medical Treatment Guidelines, Epidural steroid injections (ESIs) Page(s): 46.",
     "an epidural injection"},
    {"Right shoulder arthroscopy with subacromial decompression", 0.40,
     "MTUS/ACOEM Shoulder Complaints, Section(s): Surgical Considerations, Page(s): 209-210.", "shoulder surgery"},
    {"Functional restoration program, 10 days", 0.30,
     "MTUS Chronic Pain Medical Treatment Guidelines, Functional restoration programs (FRPs) Page(s): 30-32.",
     "a functional restoration program"},
    {"EMG/NCV of the bilateral upper extremities", 0.40,
     "MTUS/ACOEM Neck and Upper Back Complaints, Section(s): Special Studies, Page(s): 177-178.",
     "electrodiagnostic testing"},
    {"Home health care, 4 hours a day, 5 days a week", 0.20,
     "MTUS Chronic Pain Medical Treatment Guidelines, Home health services Page(s): 51.", "home help"},
    {"Left carpal tunnel release", 0.50,
     "MTUS/ACOEM Forearm, Wrist, and Hand Complaints, Section(s): Surgical Considerations, Page(s): 270.",
     "hand surgery"},
};

const char* kSpecialties[] = {"Orthopaedic Surgery", "Physical Medicine & Rehabilitation", "Anesthesiology",
                              "Pain Medicine", "Internal Medicine", "Family Practice", "Neurology",
                              "Occupational Medicine", "Chiropractic Medicine", "Acupuncture", "Psychiatry",
                              "Neurological Surgery"};
const char* kStates[] = {"California", "Arizona", "Texas", "Oregon", "Nevada", "Washington", "New York",
                         "Colorado", "Florida", "Illinois", "Maryland", "Utah"};
const char* kJobs[] = {"warehouse worker", "bus driver", "nurse aide", "carpenter", "cashier", "roofer",
                       "office clerk", "mechanic", "cook", "security guard", "teacher", "farm worker"};
const char* kInjuries[] = {"lifting a crate", "a fall from a step stool", "a motor vehicle collision at work",
                           "repetitive reaching overhead", "pulling a pallet", "slipping on a wet floor"};
const char* kFindings[] = {"tenderness along the paraspinal muscles", "reduced range of motion",
                           "a positive straight leg raise on one side", "weakness of grip",
                           "numbness in two fingers", "a mild limp", "guarding with movement",
                           "pain rated seven out of ten", "no change since the prior visit",
                           "sleep disturbed by pain", "a normal neurological examination"};
const char* kUpheld[] = {
    "The records do not show a measurable gain in function from the treatment already given.",
    "Nothing in the notes explains why the usual first steps were skipped.",
    "There is no plan describing how the results would change care.",
    "The notes do not record a trial of simpler measures first.",
    "Monitoring for misuse and side effects is not documented."};
const char* kOverturned[] = {
    "The notes record a clear gain in walking distance and return to modified work.",
    "Red flag findings are documented and the result would guide a decision on surgery.",
    "The simpler measures were tried for three months without relief, as the notes show.",
    "The treating physician set out goals and a way to measure them.",
    "Pain and function scores improved with the earlier course, and the request continues it."};

template <typename T, size_t N>
const T& pick(std::mt19937_64& rng, const T (&xs)[N]) {
  return xs[std::uniform_int_distribution<size_t>(0, N - 1)(rng)];
}

std::string us_date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.month, d.day, d.year);
  return buf;
}

}  // namespace

SyntheticLetter synthetic_letter(uint64_t seed, int64_t index) {
  // Every 50th letter amends the one before it: the same case number, a later decision.
  const bool amended = index % 50 == 49;
  const int64_t case_index = amended ? index - 1 : index;
  std::mt19937_64 rng(seed * 1000003ULL + static_cast<uint64_t>(index) * 7919ULL + 17);
  std::mt19937_64 case_rng(seed * 1000003ULL + static_cast<uint64_t>(case_index) * 7919ULL + 17);

  // The case: its dates come from the case's own draws, so an amendment shares them.
  const int first_day = days_from_civil(2014, 1, 6), last_day = days_from_civil(2025, 12, 19);
  const int decided_day = std::uniform_int_distribution<int>(first_day, last_day)(case_rng);
  const Date decided = civil_from_days(decided_day + (amended ? 21 : 0));
  const Date assigned = civil_from_days(decided_day - std::uniform_int_distribution<int>(10, 40)(case_rng));
  const Date ur_denial = civil_from_days(decided_day - std::uniform_int_distribution<int>(45, 90)(case_rng));
  const Date received = civil_from_days(decided_day - std::uniform_int_distribution<int>(20, 44)(case_rng));
  const Date injured = civil_from_days(decided_day - std::uniform_int_distribution<int>(200, 3000)(case_rng));
  const int yy = civil_from_days(decided_day).year % 100;
  char case_number[32];
  std::snprintf(case_number, sizeof case_number, "CM%02d-%07lld", yy, static_cast<long long>(case_index % 10000000));
  const bool expedited = std::uniform_int_distribution<int>(0, 9)(case_rng) == 0;

  SyntheticLetter out;
  out.name = std::string(case_number) + (amended ? "-amended" : "") + ".txt";
  std::string& t = out.text;
  t += "Case Number:          " + std::string(case_number) + "\n";
  t += "Date Assigned:        " + us_date(assigned) + "                      Date of Injury:      " + us_date(injured) + "\n";
  t += "Decision Date:        " + us_date(decided) + "                      UR Denial Date:      " + us_date(ur_denial) + "\n";
  t += std::string("Priority:             ") + (expedited ? "Expedited" : "Standard ") +
       "                       Application          " + us_date(received) + "\n";
  t += "                                                      Received:\n\n";
  t += "                 HOW THE IMR FINAL DETERMINATION WAS MADE\n";
  t += "The file went to a practising physician in the specialty involved, with no ties to any party.\n\n";
  t += "The Expert Reviewer has the following credentials:\n";
  t += std::string("State(s) of Licensure: ") + pick(rng, kStates) + ", California\n";
  t += std::string("Certification(s)/Specialty: ") + pick(rng, kSpecialties) + "\n\n";
  t += "                                CLINICAL CASE SUMMARY\n";
  t += "The expert reviewer developed the following clinical case summary based on a review of the\n";
  t += "case file, including all medical records:\n\n";
  const int age = std::uniform_int_distribution<int>(22, 66)(case_rng);
  t += "A " + std::to_string(age) + " year old " + (case_rng() % 2 ? "male " : "female ") + pick(case_rng, kJobs) +
       " was hurt on " + us_date(injured) + " by " + pick(case_rng, kInjuries) + ". The most recent visit found " +
       pick(rng, kFindings) + " and " + pick(rng, kFindings) + ". Utilization review denied the requests below.\n\n";
  t += "                      IMR ISSUES, DECISIONS AND RATIONALES\n";
  t += "This determination rests on the decision made for each disputed item below.\n\n";

  const int items = 1 + static_cast<int>(rng() % 4);
  std::vector<size_t> used;
  for (int i = 0; i < items; ++i) {
    size_t k = rng() % std::size(kKinds);
    while (std::find(used.begin(), used.end(), k) != used.end()) k = (k + 1) % std::size(kKinds);
    used.push_back(k);
    const Kind& kind = kKinds[k];
    const bool overturned = std::uniform_real_distribution<double>(0, 1)(rng) < kind.overturn;
    t += std::string(kind.request) + ": " + (overturned ? "Overturned" : "Upheld") + "\n\n";
    t += "Claims Administrator guideline: Decision based on " + std::string(kind.citation) + "\n\n";
    t += "MAXIMUS guideline: Decision based on " + std::string(kind.citation) + "\n\n";
    t += "Decision rationale: The request is for " + std::string(kind.subject) + ". The notes describe " +
         pick(rng, kFindings) + ". " + (overturned ? pick(rng, kOverturned) : pick(rng, kUpheld)) + " " +
         (overturned ? "The request is medically necessary." : "The request is not medically necessary.") + "\n\n";
  }
  return out;
}

void write_synthetic_letters(const std::string& dir, int64_t count, uint64_t seed) {
  namespace fs = std::filesystem;
  for (int64_t i = 0; i < count; ++i) {
    char sub[16];
    std::snprintf(sub, sizeof sub, "%03lld", static_cast<long long>(i / 1000));
    const fs::path folder = fs::path(dir) / sub;
    if (i % 1000 == 0) {
      std::error_code ec;
      fs::create_directories(folder, ec);
      if (ec) throw InputError(folder.string(), "cannot create the directory: " + ec.message());
    }
    const SyntheticLetter l = synthetic_letter(seed, i);
    const fs::path path = folder / l.name;
    std::ofstream f(path, std::ios::binary);
    f << l.text;
    if (!f) throw InputError(path.string(), "cannot write the letter");
  }
}

}  // namespace imr::corpus
