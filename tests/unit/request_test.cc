// The request parser: every seed request (read from the seed letters when they are
// present) and many more forms written by the team, each checked field by field against a
// compact expectation row; the services; MME per day for every opioid in the table.
#include "intake/request.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/text.h"
#include "intake/drug_table.h"
#include "intake/request_services.h"

namespace imr {
namespace {


inline const DrugTable& bundled_drugs() {
  static const DrugTable table = DrugTable::load(std::string(IMR_SOURCE_DIR) + "/data/drugs.yaml");
  return table;
}

inline const ServiceTable& bundled_services() {
  static const ServiceTable table =
      ServiceTable::load(std::string(IMR_SOURCE_DIR) + "/data/services.yaml");
  return table;
}

inline ParsedRequest parse(const std::string& text) {
  return parse_request(text, bundled_drugs(), bundled_services());
}

// Numbers rounded to 4 places, "%g": 1/3 -> "0.3333".
inline std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", std::round(v * 10000.0) / 10000.0);
  return buf;
}
// "" when absent, "4" when exact, "4-6" for a range.
inline std::string range(const std::optional<Range>& r) {
  if (!r) return "";
  return r->min == r->max ? num(r->min) : num(r->min) + "-" + num(r->max);
}
// "10mg 325mg", "100mcg/hr", "5%".
inline std::string strengths(const std::vector<Strength>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : " ") + num(x.value) + x.unit;
  return out;
}
inline std::string kind_name(ParsedRequest::Kind k) {
  return k == ParsedRequest::Kind::kDrug      ? "drug"
         : k == ParsedRequest::Kind::kService ? "service"
                                              : "unknown";
}

// One drug request and everything the parser must read from it. Ranges and strengths in
// the compact forms above; -1 for an absent integer; an empty freq means no frequency.
struct DrugCase {
  const char* text;
  const char* kind;   // "drug" | "unknown"
  const char* key;    // drug key ("" for unknown)
  const char* name;   // name as written
  const char* brand;
  const char* strengths;
  const char* form;
  const char* route;
  bool er;
  int qty;
  int refills;
  const char* per_dose;
  const char* freq;   // code
  const char* ftext;  // as written
  const char* doses;  // doses per day
  bool prn;
  int days;           // duration_days
  const char* per_day;
  const char* supply;
  const char* mme;
  std::vector<std::string> notes;
  std::vector<std::string> ingredients = {};  // empty: the drug table's
};

inline void check(const DrugCase& c) {
  SCOPED_TRACE(c.text);
  const ParsedRequest r = parse(c.text);
  EXPECT_EQ(r.text, c.text);
  EXPECT_EQ(kind_name(r.kind), c.kind);
  if (std::string(c.key).empty()) {
    EXPECT_EQ(r.drug, nullptr);
  } else {
    ASSERT_NE(r.drug, nullptr);
    EXPECT_EQ(r.drug->key, c.key);
    EXPECT_EQ(r.ingredients, c.ingredients.empty() ? r.drug->ingredients : c.ingredients);
  }
  EXPECT_EQ(r.name_as_written, c.name);
  EXPECT_EQ(r.brand, c.brand);
  EXPECT_EQ(strengths(r.strengths), c.strengths);
  EXPECT_EQ(r.dosage_form, c.form);
  EXPECT_EQ(r.route, c.route);
  EXPECT_EQ(r.extended_release, c.er);
  EXPECT_EQ(r.quantity.value_or(-1), c.qty);
  EXPECT_EQ(r.refills, c.refills);
  EXPECT_EQ(range(r.units_per_dose), c.per_dose);
  EXPECT_EQ(r.frequency_given(), std::string(c.freq) != "");
  if (r.frequency) {
    EXPECT_EQ(r.frequency->code, c.freq);
    EXPECT_EQ(r.frequency->text, c.ftext);
    EXPECT_EQ(range(r.frequency->doses_per_day), c.doses);
    EXPECT_EQ(r.frequency->prn, c.prn);
  }
  EXPECT_EQ(r.duration_days.value_or(-1), c.days);
  EXPECT_EQ(range(r.units_per_day), c.per_day);
  EXPECT_EQ(range(r.days_supply), c.supply);
  EXPECT_EQ(range(r.mme_per_day), c.mme);
  EXPECT_EQ(r.notes, c.notes);
  // A drug request has no service fields.
  EXPECT_EQ(r.service, "");
  EXPECT_EQ(r.body_region, "unspecified");
  EXPECT_FALSE(r.visits || r.per_week || r.weeks || r.hours_per_day);
}

inline const std::string kNoFreq = "frequency not stated";
inline const std::string kOneAssumed = "units per dose not stated; 1 assumed";
inline const std::string kNoQty = "quantity not stated";
inline const std::string kNoStrength = "strength not stated";


// Columns: text, kind, key, name as written, brand, strengths, form, route, extended
// release, quantity, refills, units per dose, frequency code, frequency as written, doses
// per day, prn, duration days, units per day, days' supply, MME per day, notes
// [, ingredients].
const std::string kNoMme = "no MME factor for buprenorphine transdermal (excluded from MME sums)";

// The eleven disputed items of the seed letters, as the letters write them.
const std::vector<DrugCase> kSeedCases = {
    {"Xanax 2mg one PO BID #30", "drug", "alprazolam", "Xanax", "Xanax", "2mg", "tablet", "oral", false, 30, 0, "1", "bid", "BID", "2", false, -1, "2", "15", "", {}},
    {"Norco 10/325mg one PO q 4-6H #180", "drug", "hydrocodone_apap", "Norco", "Norco", "10mg 325mg", "tablet", "oral", false, 180, 0, "1", "q4-6h", "q 4-6H", "4-6", false, -1, "4-6", "30-45", "40-60", {}},
    {"Refill of Xanax 1mg, QTY: 90", "drug", "alprazolam", "Xanax", "Xanax", "1mg", "tablet", "oral", false, 90, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"Valium 5mg #30", "drug", "diazepam", "Valium", "Valium", "5mg", "tablet", "oral", false, 30, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"Norco 10/325mg #180", "drug", "hydrocodone_apap", "Norco", "Norco", "10mg 325mg", "tablet", "oral", false, 180, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"NORCO 10/325 MG #150", "drug", "hydrocodone_apap", "NORCO", "Norco", "10mg 325mg", "tablet", "oral", false, 150, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"CLONAZEPAM 1 MG #90, WITH THREE REFILLS", "drug", "clonazepam", "CLONAZEPAM", "", "1mg", "tablet", "oral", false, 90, 3, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"Xanax 0.5mg #30", "drug", "alprazolam", "Xanax", "Xanax", "0.5mg", "tablet", "oral", false, 30, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"Fentanyl Patches 100mcg #15", "drug", "fentanyl_patch", "Fentanyl", "", "100mcg/hr", "patch", "transdermal", true, 15, 0, "", "", "", "", false, -1, "", "", "240", {kNoFreq}},
    {"Soma 350mg #60", "drug", "carisoprodol", "Soma", "Soma", "350mg", "tablet", "oral", false, 60, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"Percocet 10/325mg #180", "drug", "oxycodone_apap", "Percocet", "Percocet", "10mg 325mg", "tablet", "oral", false, 180, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
};

// Forms written by the team (the task's list and our own inventions).
const std::vector<DrugCase> kCases = {
    {"Norco 10-325mg #180", "drug", "hydrocodone_apap", "Norco", "Norco", "10mg 325mg", "tablet", "oral", false, 180, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"Tramadol ER 150mg 1 tab daily x30 days", "drug", "tramadol_er", "Tramadol ER", "", "150mg", "tablet", "oral", true, -1, 0, "1", "daily", "daily", "1", false, 30, "1", "", "15", {kNoQty}},
    {"Lidoderm 5% patch #30", "drug", "lidocaine_patch", "Lidoderm", "Lidoderm", "5%", "patch", "topical", false, 30, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"Ibuprofen 800 mg 1-2 tabs bid prn", "drug", "ibuprofen", "Ibuprofen", "", "800mg", "tablet", "oral", false, -1, 0, "1-2", "bid", "bid prn", "2", true, -1, "2-4", "", "", {kNoQty}},
    {"Oxycontin 20mg q12h #60", "drug", "oxycodone_er", "Oxycontin", "OxyContin", "20mg", "tablet", "oral", true, 60, 0, "", "q12h", "q12h", "2", false, -1, "2", "30", "60", {kOneAssumed}},
    {"Methadone 10mg TID #90", "drug", "methadone", "Methadone", "", "10mg", "tablet", "oral", true, 90, 0, "", "tid", "TID", "3", false, -1, "3", "30", "240", {kOneAssumed}},
    {"Duragesic 50 mcg/hr every 72 hours #10", "drug", "fentanyl_patch", "Duragesic", "Duragesic", "50mcg/hr", "patch", "transdermal", true, 10, 0, "", "q72h", "every 72 hours", "0.3333", false, -1, "0.3333", "30", "120", {kOneAssumed}},
    {"Butrans 10mcg/hr patch #4", "drug", "buprenorphine_patch", "Butrans", "Butrans", "10mcg/hr", "patch", "transdermal", true, 4, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq, kNoMme}},
    {"Gabapentin 600mg three times daily #90 x2 refills", "drug", "gabapentin", "Gabapentin", "", "600mg", "capsule", "oral", false, 90, 2, "", "tid", "three times daily", "3", false, -1, "3", "30", "", {kOneAssumed}},
    {"Flexeril 7.5mg #60", "drug", "cyclobenzaprine", "Flexeril", "Flexeril", "7.5mg", "tablet", "oral", false, 60, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"Ambien 10mg qhs #30", "drug", "zolpidem", "Ambien", "Ambien", "10mg", "tablet", "oral", false, 30, 0, "", "qhs", "qhs", "1", false, -1, "1", "30", "", {kOneAssumed}},
    {"Prilosec 20mg daily #30", "drug", "omeprazole", "Prilosec", "Prilosec", "20mg", "capsule", "oral", false, 30, 0, "", "daily", "daily", "1", false, -1, "1", "30", "", {kOneAssumed}},
    {"Terocin patches #30", "drug", "terocin", "Terocin", "Terocin", "", "patch", "topical", false, 30, 0, "", "", "", "", false, -1, "", "", "", {kNoStrength, kNoFreq}},
    {"Omeprazole DR 20 mg #60", "drug", "omeprazole", "Omeprazole", "", "20mg", "capsule", "oral", false, 60, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"Nucynta 50mg q6h prn #120", "drug", "tapentadol", "Nucynta", "Nucynta", "50mg", "tablet", "oral", false, 120, 0, "", "q6h", "q6h prn", "4", true, -1, "4", "30", "80", {kOneAssumed}},
    {"Compounded cream: flurbiprofen 20%, cyclobenzaprine 4%, lidocaine 5%", "drug", "compound_topical", "Compounded cream", "", "20% 4% 5%", "cream", "topical", false, -1, 0, "", "", "", "", false, -1, "", "", "", {kNoQty, kNoFreq}, {"flurbiprofen", "cyclobenzaprine", "lidocaine"}},
    {"Compound gel ketoprofen 10%, gabapentin 6% apply TID #1", "drug", "compound_topical", "Compound gel", "", "10% 6%", "gel", "topical", false, 1, 0, "", "tid", "TID", "3", false, -1, "3", "0.3333", "", {kOneAssumed}, {"ketoprofen", "gabapentin"}},
    {"Zorblax 10mg #30", "unknown", "", "Zorblax", "", "10mg", "", "", false, 30, 0, "", "", "", "", false, -1, "", "", "", {"unknown drug 'Zorblax'", kNoFreq}},
    {"oxycodon 5mg 1 tab po q6h prn pain # 60", "drug", "oxycodone", "oxycodon", "", "5mg", "tablet", "oral", false, 60, 0, "1", "q6h", "q6h prn", "4", true, -1, "4", "15", "30", {}},
    {"Morphine ER 30mg one every 8 hours as needed Qty: 30", "drug", "morphine_er", "Morphine ER", "", "30mg", "tablet", "oral", true, 30, 0, "1", "q8h", "every 8 hours as needed", "3", true, -1, "3", "10", "90", {}},
    {"Norcco 5/325 1-2 tabs q4-6h prn, with 1 refill", "drug", "hydrocodone_apap", "Norcco", "Norco", "5mg 325mg", "tablet", "oral", false, -1, 1, "1-2", "q4-6h", "q4-6h prn", "4-6", true, -1, "4-12", "", "20-60", {kNoQty}},
    {"Butrans patch one patch every 7 days", "drug", "buprenorphine_patch", "Butrans", "Butrans", "", "patch", "transdermal", true, -1, 0, "1", "weekly", "every 7 days", "0.1429", false, -1, "0.1429", "", "", {kNoStrength, kNoQty, kNoMme}},
    {"Percocet 5/325 one tab every 4 to 6 hours as needed #120", "drug", "oxycodone_apap", "Percocet", "Percocet", "5mg 325mg", "tablet", "oral", false, 120, 0, "1", "q4-6h", "every 4 to 6 hours as needed", "4-6", true, -1, "4-6", "20-30", "30-45", {}},
    {"MS Contin 15mg BID #60", "drug", "morphine_er", "MS Contin", "MS Contin", "15mg", "tablet", "oral", true, 60, 0, "", "bid", "BID", "2", false, -1, "2", "30", "30", {kOneAssumed}},
    {"Morphine sulfate IR 15mg q4h prn #90", "drug", "morphine_ir", "Morphine sulfate IR", "", "15mg", "tablet", "oral", false, 90, 0, "", "q4h", "q4h prn", "6", true, -1, "6", "15", "90", {kOneAssumed}},
    {"Dilaudid 4mg 1 tab q6h #120", "drug", "hydromorphone", "Dilaudid", "Dilaudid", "4mg", "tablet", "oral", false, 120, 0, "1", "q6h", "q6h", "4", false, -1, "4", "30", "64", {}},
    {"Opana 10mg twice daily #60", "drug", "oxymorphone", "Opana", "Opana", "10mg", "tablet", "oral", false, 60, 0, "", "bid", "twice daily", "2", false, -1, "2", "30", "60", {kOneAssumed}},
    // Methadone, one row per CDC dose band (10, 40, 50 and 80 mg/day) and one across two.
    {"Methadone 5mg BID #60", "drug", "methadone", "Methadone", "", "5mg", "tablet", "oral", true, 60, 0, "", "bid", "BID", "2", false, -1, "2", "30", "40", {kOneAssumed}},
    {"Methadone 10mg 2 tabs BID #120", "drug", "methadone", "Methadone", "", "10mg", "tablet", "oral", true, 120, 0, "2", "bid", "BID", "2", false, -1, "4", "30", "320", {}},
    {"Methadone 10mg 5 times a day #150", "drug", "methadone", "Methadone", "", "10mg", "tablet", "oral", true, 150, 0, "", "5x/day", "5 times a day", "5", false, -1, "5", "30", "500", {kOneAssumed}},
    {"Methadone 20mg QID #120", "drug", "methadone", "Methadone", "", "20mg", "tablet", "oral", true, 120, 0, "", "qid", "QID", "4", false, -1, "4", "30", "960", {kOneAssumed}},
    {"Methadone 10mg 1-2 tabs BID #60", "drug", "methadone", "Methadone", "", "10mg", "tablet", "oral", true, 60, 0, "1-2", "bid", "BID", "2", false, -1, "2-4", "15-30", "80-320", {}},
    {"Ultram 50mg 1-2 tabs q6h prn #120", "drug", "tramadol", "Ultram", "Ultram", "50mg", "tablet", "oral", false, 120, 0, "1-2", "q6h", "q6h prn", "4", true, -1, "4-8", "15-30", "20-40", {}},
    {"Ultracet 37.5/325mg 2 tabs every 6 hours #240", "drug", "tramadol_apap", "Ultracet", "Ultracet", "37.5mg 325mg", "tablet", "oral", false, 240, 0, "2", "q6h", "every 6 hours", "4", false, -1, "8", "30", "30", {}},
    {"Tylenol with Codeine 300/30mg 1 tab q4h prn #60", "drug", "codeine_apap", "Tylenol with Codeine", "Tylenol with Codeine", "300mg 30mg", "tablet", "oral", false, 60, 0, "1", "q4h", "q4h prn", "6", true, -1, "6", "10", "27", {}},
    {"codeine/APAP 30/300 mg one q6h #40", "drug", "codeine_apap", "codeine/APAP", "", "30mg 300mg", "tablet", "oral", false, 40, 0, "1", "q6h", "q6h", "4", false, -1, "4", "10", "18", {}},
    {"Nucynta ER 100mg q12h #60", "drug", "tapentadol_er", "Nucynta ER", "Nucynta ER", "100mg", "tablet", "oral", true, 60, 0, "", "q12h", "q12h", "2", false, -1, "2", "30", "80", {kOneAssumed}},
    {"FENTANYL 25MCG/HR PATCH, APPLY ONE PATCH EVERY 3 DAYS, #10", "drug", "fentanyl_patch", "FENTANYL", "", "25mcg/hr", "patch", "transdermal", true, 10, 0, "1", "q72h", "EVERY 3 DAYS", "0.3333", false, -1, "0.3333", "30", "60", {}},
    {"Oxycodone 10mg 1 tab po q4h prn pain #180", "drug", "oxycodone", "Oxycodone", "", "10mg", "tablet", "oral", false, 180, 0, "1", "q4h", "q4h prn", "6", true, -1, "6", "30", "90", {}},
    {"HYDROCODONE/APAP 7.5/325 MG 1 TAB Q6H PRN #120", "drug", "hydrocodone_apap", "HYDROCODONE/APAP", "", "7.5mg 325mg", "tablet", "oral", false, 120, 0, "1", "q6h", "Q6H PRN", "4", true, -1, "4", "30", "30", {}},
    {"Tramadol 50mg 1 tab po q4-6h prn pain, #120 with 1 refill", "drug", "tramadol", "Tramadol", "", "50mg", "tablet", "oral", false, 120, 1, "1", "q4-6h", "q4-6h prn", "4-6", true, -1, "4-6", "20-30", "20-30", {}},
    {"Kadian 30 mg daily #30", "drug", "morphine_er", "Kadian", "Kadian", "30mg", "tablet", "oral", true, 30, 0, "", "daily", "daily", "1", false, -1, "1", "30", "30", {kOneAssumed}},
    {"Klonopin 0.5 mg tid prn anxiety Qty 90", "drug", "clonazepam", "Klonopin", "Klonopin", "0.5mg", "tablet", "oral", false, 90, 0, "", "tid", "tid prn", "3", true, -1, "3", "30", "", {kOneAssumed}},
    {"Ativan 1mg every 8 hours as needed #20", "drug", "lorazepam", "Ativan", "Ativan", "1mg", "tablet", "oral", false, 20, 0, "", "q8h", "every 8 hours as needed", "3", true, -1, "3", "6.6667", "", {kOneAssumed}},
    {"temazepam 30 mg qhs # 30", "drug", "temazepam", "temazepam", "", "30mg", "capsule", "oral", false, 30, 0, "", "qhs", "qhs", "1", false, -1, "1", "30", "", {kOneAssumed}},
    {"Xanex 1 mg BID #60", "drug", "alprazolam", "Xanex", "Xanax", "1mg", "tablet", "oral", false, 60, 0, "", "bid", "BID", "2", false, -1, "2", "30", "", {kOneAssumed}},
    {"Valium 10 mg every other day #15", "drug", "diazepam", "Valium", "Valium", "10mg", "tablet", "oral", false, 15, 0, "", "q48h", "every other day", "0.5", false, -1, "0.5", "30", "", {kOneAssumed}},
    {"Zanaflex 4mg 1 tab TID #90", "drug", "tizanidine", "Zanaflex", "Zanaflex", "4mg", "tablet", "oral", false, 90, 0, "1", "tid", "TID", "3", false, -1, "3", "30", "", {}},
    {"Robaxin 750mg #90 with 2 refills", "drug", "methocarbamol", "Robaxin", "Robaxin", "750mg", "tablet", "oral", false, 90, 2, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"baclofen 10 mg three times a day #90", "drug", "baclofen", "baclofen", "", "10mg", "tablet", "oral", false, 90, 0, "", "tid", "three times a day", "3", false, -1, "3", "30", "", {kOneAssumed}},
    {"Skelaxin 800mg QID #120", "drug", "metaxalone", "Skelaxin", "Skelaxin", "800mg", "tablet", "oral", false, 120, 0, "", "qid", "QID", "4", false, -1, "4", "30", "", {kOneAssumed}},
    {"Norflex ER 100mg BID #60", "drug", "orphenadrine", "Norflex", "Norflex", "100mg", "tablet", "oral", true, 60, 0, "", "bid", "BID", "2", false, -1, "2", "30", "", {kOneAssumed}},
    {"Parafon Forte 500mg #60", "drug", "chlorzoxazone", "Parafon Forte", "Parafon Forte", "500mg", "tablet", "oral", false, 60, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"Soma 350 mg 1 tablet 3 times a day", "drug", "carisoprodol", "Soma", "Soma", "350mg", "tablet", "oral", false, -1, 0, "1", "tid", "3 times a day", "3", false, -1, "3", "", "", {kNoQty}},
    {"Naproxen 550mg BID #60 x 3 refills", "drug", "naproxen", "Naproxen", "", "550mg", "tablet", "oral", false, 60, 3, "", "bid", "BID", "2", false, -1, "2", "30", "", {kOneAssumed}},
    {"Voltaren XR 100mg daily #30", "drug", "diclofenac", "Voltaren", "Voltaren", "100mg", "tablet", "oral", true, 30, 0, "", "daily", "daily", "1", false, -1, "1", "30", "", {kOneAssumed}},
    {"Mobic 15mg once daily #30", "drug", "meloxicam", "Mobic", "Mobic", "15mg", "tablet", "oral", false, 30, 0, "", "daily", "once daily", "1", false, -1, "1", "30", "", {kOneAssumed}},
    {"Celebrex 200 mg 1 cap daily #30", "drug", "celecoxib", "Celebrex", "Celebrex", "200mg", "capsule", "oral", false, 30, 0, "1", "daily", "daily", "1", false, -1, "1", "30", "", {}},
    {"nabumetone 750mg 1 tab BID, QTY: 60", "drug", "nabumetone", "nabumetone", "", "750mg", "tablet", "oral", false, 60, 0, "1", "bid", "BID", "2", false, -1, "2", "30", "", {}},
    {"Lodine 400mg 1 tab po q8h #90", "drug", "etodolac", "Lodine", "Lodine", "400mg", "tablet", "oral", false, 90, 0, "1", "q8h", "q8h", "3", false, -1, "3", "30", "", {}},
    {"Toradol 10mg q6h x5 days", "drug", "ketorolac", "Toradol", "Toradol", "10mg", "tablet", "oral", false, -1, 0, "", "q6h", "q6h", "4", false, 5, "4", "", "", {kNoQty, kOneAssumed}},
    {"Lyrica 75mg BID #60 with 1 refill", "drug", "pregabalin", "Lyrica", "Lyrica", "75mg", "capsule", "oral", false, 60, 1, "", "bid", "BID", "2", false, -1, "2", "30", "", {kOneAssumed}},
    {"Topamax 50mg 1 tab nightly #30", "drug", "topiramate", "Topamax", "Topamax", "50mg", "tablet", "oral", false, 30, 0, "1", "qhs", "nightly", "1", false, -1, "1", "30", "", {}},
    {"Elavil 25mg at bedtime #30", "drug", "amitriptyline", "Elavil", "Elavil", "25mg", "tablet", "oral", false, 30, 0, "", "qhs", "at bedtime", "1", false, -1, "1", "30", "", {kOneAssumed}},
    {"Pamelor 10mg qhs #30", "drug", "nortriptyline", "Pamelor", "Pamelor", "10mg", "capsule", "oral", false, 30, 0, "", "qhs", "qhs", "1", false, -1, "1", "30", "", {kOneAssumed}},
    {"Cymbalta 60mg 1 cap daily #30 x2 refills", "drug", "duloxetine", "Cymbalta", "Cymbalta", "60mg", "capsule", "oral", false, 30, 2, "1", "daily", "daily", "1", false, -1, "1", "30", "", {}},
    {"Effexor XR 75mg daily #30", "drug", "venlafaxine", "Effexor XR", "Effexor XR", "75mg", "tablet", "oral", true, 30, 0, "", "daily", "daily", "1", false, -1, "1", "30", "", {kOneAssumed}},
    {"Zoloft 50 mg daily #30", "drug", "sertraline", "Zoloft", "Zoloft", "50mg", "tablet", "oral", false, 30, 0, "", "daily", "daily", "1", false, -1, "1", "30", "", {kOneAssumed}},
    {"Trazadone 50mg 1-2 tabs qhs prn sleep #60", "drug", "trazodone", "Trazadone", "", "50mg", "tablet", "oral", false, 60, 0, "1-2", "qhs", "qhs prn", "1", true, -1, "1-2", "30-60", "", {}},
    {"Lunesta 3mg qhs #30", "drug", "eszopiclone", "Lunesta", "Lunesta", "3mg", "tablet", "oral", false, 30, 0, "", "qhs", "qhs", "1", false, -1, "1", "30", "", {kOneAssumed}},
    {"Protonix 40mg daily #30", "drug", "pantoprazole", "Protonix", "Protonix", "40mg", "tablet", "oral", false, 30, 0, "", "daily", "daily", "1", false, -1, "1", "30", "", {kOneAssumed}},
    {"Zantac 150mg BID #60", "drug", "ranitidine", "Zantac", "Zantac", "150mg", "tablet", "oral", false, 60, 0, "", "bid", "BID", "2", false, -1, "2", "30", "", {kOneAssumed}},
    {"Zofran ODT 8mg q8h prn nausea #30", "drug", "ondansetron", "Zofran", "Zofran", "8mg", "tablet", "oral", false, 30, 0, "", "q8h", "q8h prn", "3", true, -1, "3", "10", "", {kOneAssumed}},
    {"Colace 100mg BID #60", "drug", "docusate", "Colace", "Colace", "100mg", "capsule", "oral", false, 60, 0, "", "bid", "BID", "2", false, -1, "2", "30", "", {kOneAssumed}},
    {"Senokot 8.6mg 2 tabs qhs #60", "drug", "sennosides", "Senokot", "Senokot", "8.6mg", "tablet", "oral", false, 60, 0, "2", "qhs", "qhs", "1", false, -1, "2", "30", "", {}},
    {"Amitiza 24mcg BID #60", "drug", "lubiprostone", "Amitiza", "Amitiza", "24mcg", "capsule", "oral", false, 60, 0, "", "bid", "BID", "2", false, -1, "2", "30", "", {kOneAssumed}},
    {"Voltaren Gel 1% apply QID", "drug", "diclofenac_gel", "Voltaren Gel", "Voltaren Gel", "1%", "gel", "topical", false, -1, 0, "", "qid", "QID", "4", false, -1, "4", "", "", {kNoQty, kOneAssumed}},
    {"Tylenol 500mg 2 tabs TID prn #100", "drug", "acetaminophen", "Tylenol", "Tylenol", "500mg", "tablet", "oral", false, 100, 0, "2", "tid", "TID prn", "3", true, -1, "6", "16.6667", "", {}},
    {"Norco 10/325 #90, no refills", "drug", "hydrocodone_apap", "Norco", "Norco", "10mg 325mg", "tablet", "oral", false, 90, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"Percocet 10/325 mg, Qty: 30, refills: 1", "drug", "oxycodone_apap", "Percocet", "Percocet", "10mg 325mg", "tablet", "oral", false, 30, 1, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"Ambien CR 12.5mg qhs #30", "drug", "zolpidem", "Ambien CR", "Ambien CR", "12.5mg", "tablet", "oral", true, 30, 0, "", "qhs", "qhs", "1", false, -1, "1", "30", "", {kOneAssumed}},
    {"Neurontin 300mg 1 cap TID #90", "drug", "gabapentin", "Neurontin", "Neurontin", "300mg", "capsule", "oral", false, 90, 0, "1", "tid", "TID", "3", false, -1, "3", "30", "", {}},
    {"Motrin 600 mg 1 tab every 6-8 hours as needed, dispense 60", "drug", "ibuprofen", "Motrin", "Motrin", "600mg", "tablet", "oral", false, 60, 0, "1", "q6-8h", "every 6-8 hours as needed", "3-4", true, -1, "3-4", "15-20", "", {}},
    {"Hydrocodone 10/325mg 1 tab PO Q4H PRN x 30", "drug", "hydrocodone_apap", "Hydrocodone", "", "10mg 325mg", "tablet", "oral", false, 30, 0, "1", "q4h", "Q4H PRN", "6", true, -1, "6", "5", "60", {}},
    {"Percocet 10/325 1-2 po q4-6h prn", "drug", "oxycodone_apap", "Percocet", "Percocet", "10mg 325mg", "tablet", "oral", false, -1, 0, "1-2", "q4-6h", "q4-6h prn", "4-6", true, -1, "4-12", "", "60-180", {kNoQty}},
    {"Gabapentin 300mg caps, 1 cap po tid, #90, 3 refills", "drug", "gabapentin", "Gabapentin", "", "300mg", "capsule", "oral", false, 90, 3, "1", "tid", "tid", "3", false, -1, "3", "30", "", {}},
    {"Tramadol 50 mg QTY 120", "drug", "tramadol", "Tramadol", "", "50mg", "tablet", "oral", false, 120, 0, "", "", "", "", false, -1, "", "", "", {kNoFreq}},
    {"Lidocaine 5% ointment apply bid", "drug", "lidocaine_patch", "Lidocaine", "", "5%", "ointment", "topical", false, -1, 0, "", "bid", "bid", "2", false, -1, "2", "", "", {kNoQty, kOneAssumed}},
    {"Xanax 0.25mg prn", "drug", "alprazolam", "Xanax", "Xanax", "0.25mg", "tablet", "oral", false, -1, 0, "", "prn", "prn", "0", true, -1, "", "", "", {kNoQty, "as needed without a schedule: doses per day not stated"}},
};

TEST(RequestTest, SeedRequestsParseFieldByField) {
  for (const auto& c : kSeedCases) check(c);
}

TEST(RequestTest, TeamFormsParseFieldByField) {
  EXPECT_GE(kCases.size(), 40u);
  for (const auto& c : kCases) check(c);
}

// The disputed items of the real letters are exactly the eleven rows above.
TEST(RequestTest, SeedLettersNameTheExpectedRequests) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(IMR_SEEDS_DIR)) GTEST_SKIP() << "no seed letters at " << IMR_SEEDS_DIR;
  static const RE2 kItem(R"(^\s*(.+?):\s+(?:Upheld|Overturned)\s*$)");
  std::set<std::string> found;
  for (const auto& entry : fs::directory_iterator(IMR_SEEDS_DIR)) {
    std::ifstream in(entry.path());
    std::string line, item;
    while (std::getline(in, line))
      if (RE2::FullMatch(line, kItem, &item)) found.insert(item);
  }
  std::set<std::string> expected;
  for (const auto& c : kSeedCases) expected.insert(c.text);
  EXPECT_EQ(found, expected);
  for (const auto& text : found) {
    const ParsedRequest r = parse(text);
    EXPECT_EQ(r.kind, ParsedRequest::Kind::kDrug) << text;
  }
}

TEST(RequestTest, EveryOpioidInTheTableHasItsMme) {
  // One row per opioid in the table: the request, then MME per day.
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"Norco 10/325 1 tab q6h #120", "40"},           {"Roxicodone 15mg 1 tab q6h #120", "90"},
      {"OxyContin 40mg q12h #60", "120"},               {"Percocet 7.5/325 1 tab q6h #120", "45"},
      {"Morphine 15mg q4h #180", "90"},                 {"MS Contin 60mg BID #60", "120"},
      {"Dilaudid 2mg 1 tab q4h #180", "48"},            {"Opana 5mg q6h #120", "60"},
      {"Methadone 5mg TID #90", "60"},                  {"Duragesic 75mcg/hr q72h #10", "180"},
      {"Nucynta 100mg q6h #120", "160"},                {"Nucynta ER 50mg BID #60", "40"},
      {"Tramadol 50mg QID #120", "20"},                 {"Ultram ER 200mg daily #30", "20"},
      {"Ultracet 37.5/325 1 tab q6h #120", "15"},       {"Tylenol #3 300/30 1 tab q6h #120", "18"},
      {"Butrans 20mcg/hr 1 patch weekly #4", ""},       {"Subutex 8mg SL daily #30", ""},
      {"Trezix 320.5/30/16mg 2 caps q6h #120", "32"},   {"Synapryn 10mg/1ml oral suspension 500ml", ""},
      {"Hysingla ER 30mg daily #30", "30"},             {"Embeda 20mg BID #60", "40"},
      {"Exalgo 8mg daily #30", "32"},                   {"Opana ER 10mg q12h #60", "60"},
      {"Levorphanol 2mg q6h #120", "88"},               {"Demerol 50mg q4h #180", "30"},
      {"Codeine sulfate 30mg q6h #120", "18"},          {"Belbuca 150mcg q12h #60", ""},
  };
  std::set<std::string> covered;
  for (const auto& [text, mme] : rows) {
    SCOPED_TRACE(text);
    const ParsedRequest r = parse(text);
    ASSERT_NE(r.drug, nullptr);
    EXPECT_EQ(range(r.mme_per_day), mme);
    covered.insert(r.drug->key);
  }
  for (const auto& d : bundled_drugs().drugs()) {
    if (d.drug_class == "opioid") {
      EXPECT_TRUE(covered.count(d.key)) << d.key << " has no MME row";
    }
  }
}

TEST(RequestTest, MmePerDayFollowsTheFactors) {
  const DrugTable& t = bundled_drugs();
  EXPECT_EQ(range(mme_per_day(*t.by_key("hydrocodone_apap"), 10, {4, 6})), "40-60");
  EXPECT_EQ(range(mme_per_day(*t.by_key("oxycodone"), 10, {3, 3})), "45");
  EXPECT_EQ(range(mme_per_day(*t.by_key("hydromorphone"), 2, {6, 6})), "48");
  EXPECT_EQ(range(mme_per_day(*t.by_key("codeine_apap"), 30, {4, 4})), "18");
  EXPECT_EQ(range(mme_per_day(*t.by_key("tapentadol"), 50, {4, 4})), "80");
  // Fentanyl: strength x 2.4 whatever the number of patches a day.
  EXPECT_EQ(range(mme_per_day(*t.by_key("fentanyl_patch"), 100, {0.5, 0.5})), "240");
  // Methadone: the band of the daily dose, at each end of a range.
  const Drug& methadone = *t.by_key("methadone");
  EXPECT_EQ(range(mme_per_day(methadone, 20, {1, 1})), "80");     // 20 mg: x4
  EXPECT_EQ(range(mme_per_day(methadone, 21, {1, 1})), "168");    // 21 mg: x8
  EXPECT_EQ(range(mme_per_day(methadone, 60, {1, 1})), "600");    // 60 mg: x10
  EXPECT_EQ(range(mme_per_day(methadone, 61, {1, 1})), "732");    // 61 mg: x12
  EXPECT_EQ(range(mme_per_day(methadone, 10, {2, 4})), "80-320");
  // No factor: buprenorphine, and non-opioids.
  EXPECT_FALSE(mme_per_day(*t.by_key("buprenorphine_patch"), 10, {1, 1}));
  EXPECT_FALSE(mme_per_day(*t.by_key("alprazolam"), 1, {2, 2}));
}

// One service request and what must be read from it; -1 / "" when absent.
struct ServiceCase {
  const char* text;
  const char* service;
  const char* topic;
  const char* region;
  int visits;
  double per_week;  // -1 absent
  int weeks;
  double hours_per_day;
  int days;
  const char* acquisition;
};

TEST(RequestTest, ServicesAreRecognisedWithTheirCounts) {
  const std::vector<ServiceCase> cases = {
      {"Physical therapy 2x week x 6 weeks", "physical therapy", "physical_medicine", "", 12, 2, 6, -1, -1, ""},
      {"12 sessions of physical therapy", "physical therapy", "physical_medicine", "", 12, -1, -1, -1, -1, ""},
      {"Acupuncture x 6 visits", "acupuncture", "acupuncture", "", 6, -1, -1, -1, -1, ""},
      {"Chiropractic 3x4 lumbar", "chiropractic", "manual_therapy", "lumbar_spine", 12, 3, 4, -1, -1, ""},
      {"MRI lumbar spine", "mri", "imaging_mri", "lumbar_spine", -1, -1, -1, -1, -1, ""},
      {"MRI of the cervical spine without contrast", "mri", "imaging_mri", "cervical_spine", -1, -1, -1, -1, -1, ""},
      {"EMG/NCV bilateral lower extremities", "emg/ncv", "electrodiagnostics", "lower_extremity", -1, -1, -1, -1, -1, ""},
      {"Lumbar epidural steroid injection L4-5", "epidural steroid injection", "epidural_steroid_injections", "lumbar_spine", -1, -1, -1, -1, -1, ""},
      {"TENS unit purchase", "tens unit", "tens", "", -1, -1, -1, -1, -1, "purchase"},
      {"Home health care 4 hours/day 5 days/week", "home health care", "home_health", "", -1, 5, -1, 4, -1, ""},
      {"Functional restoration program x 10 days", "functional restoration program", "functional_restoration", "", -1, -1, -1, -1, 10, ""},
      {"Urine drug screen", "urine drug screen", "drug_testing", "", -1, -1, -1, -1, -1, ""},
      {"Psychotherapy 6 sessions", "psychotherapy", "psychological_treatment", "", 6, -1, -1, -1, -1, ""},
      {"Aquatic therapy 2x6", "aquatic therapy", "aquatic_therapy", "", 12, 2, 6, -1, -1, ""},
      {"Follow-up visit with pain management", "follow-up visit", "office_visits", "", -1, -1, -1, -1, -1, ""},
      {"PT 3 times a week for 4 weeks, right shoulder", "physical therapy", "physical_medicine", "shoulder", 12, 3, 4, -1, -1, ""},
      {"TENS unit 30 day rental", "tens unit", "tens", "", -1, -1, -1, -1, 30, "rental"},
      {"Cognitive behavioral therapy x 4 sessions", "psychotherapy", "psychological_treatment", "", 4, -1, -1, -1, -1, ""},
      {"Trigger point injections to the neck", "trigger point injection", "trigger_point_injections", "cervical_spine", -1, -1, -1, -1, -1, ""},
      {"Synvisc injection, left knee", "viscosupplementation", "viscosupplementation", "knee", -1, -1, -1, -1, -1, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const ParsedRequest r = parse(c.text);
    EXPECT_EQ(r.kind, ParsedRequest::Kind::kService);
    EXPECT_EQ(r.text, c.text);
    EXPECT_EQ(r.service, c.service);
    EXPECT_EQ(r.service_topic, c.topic);
    EXPECT_EQ(r.body_region, *c.region ? c.region : "unspecified");
    EXPECT_EQ(r.visits.value_or(-1), c.visits);
    EXPECT_EQ(r.per_week.value_or(-1), c.per_week);
    EXPECT_EQ(r.weeks.value_or(-1), c.weeks);
    EXPECT_EQ(r.hours_per_day.value_or(-1), c.hours_per_day);
    EXPECT_EQ(r.duration_days.value_or(-1), c.days);
    EXPECT_EQ(r.acquisition, c.acquisition);
    // No drug fields on a service.
    EXPECT_EQ(r.drug, nullptr);
    EXPECT_TRUE(r.strengths.empty());
    EXPECT_FALSE(r.frequency || r.quantity || r.mme_per_day);
    EXPECT_TRUE(r.notes.empty());
  }
}

// Equipment and supplies: the topic by the need the item answers, the rental period in
// days or months, how many of the item ("#200", "qty: 2", "3 boxes"), rental or purchase.
TEST(RequestTest, EquipmentAndSuppliesWithTheirAmounts) {
  struct Row {
    const char* text;
    const char* topic;
    int quantity;  // -1: none
    int days;      // -1: none
    const char* acquisition;
  };
  const std::vector<Row> rows = {
      {"Standard wheelchair for a 2 month rental", "dme_mobility", -1, 60, "rental"},
      {"DME: front wheeled walker", "dme_mobility", -1, -1, ""},
      {"Purchase of a bedside 3 in 1 commode", "dme_bathroom", -1, -1, "purchase"},
      {"Hospital bed for an unspecified rental", "dme_hospital_bed", -1, -1, "rental"},
      {"Hospital bed rental for 1 month", "dme_hospital_bed", -1, 30, "rental"},
      {"Disposable gloves #200", "medical_supplies", 200, -1, ""},
      {"Hygiene wipes qty: 4", "medical_supplies", 4, -1, ""},
      {"Incontinence pads, 3 boxes", "medical_supplies", 3, -1, ""},
      {"Large gloves", "medical_supplies", -1, -1, ""},
      {"Cold therapy unit 7 day rental", "cold_therapy", -1, 7, "rental"},
      {"Orthopedic mattress", "dme", -1, -1, ""},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.text);
    const ParsedRequest r = parse(row.text);
    EXPECT_EQ(r.kind, ParsedRequest::Kind::kService);
    EXPECT_EQ(r.service_topic, row.topic);
    EXPECT_EQ(r.quantity.value_or(-1), row.quantity);
    EXPECT_EQ(r.duration_days.value_or(-1), row.days);
    EXPECT_EQ(r.acquisition, row.acquisition);
  }
}

TEST(RequestTest, UnreadableTextIsUnknownWithANote) {
  const ParsedRequest r = parse("please see attached");
  EXPECT_EQ(r.kind, ParsedRequest::Kind::kUnknown);
  EXPECT_EQ(r.drug, nullptr);
  EXPECT_EQ(r.name_as_written, "");
  EXPECT_EQ(r.notes, std::vector<std::string>{"not a recognised drug or service"});
  const ParsedRequest empty = parse("");
  EXPECT_EQ(empty.kind, ParsedRequest::Kind::kUnknown);
  EXPECT_EQ(empty.notes, std::vector<std::string>{"not a recognised drug or service"});
  // A sig without a drug is not an unknown drug named "prn".
  const ParsedRequest sig = parse("1 tab po q6h prn pain");
  EXPECT_EQ(sig.kind, ParsedRequest::Kind::kUnknown);
  EXPECT_EQ(sig.name_as_written, "");
  EXPECT_EQ(sig.notes, std::vector<std::string>{"not a recognised drug or service"});
  // The unknown name is the word before the strength, after request words.
  const ParsedRequest refill = parse("Refill of Quellix ER 20 mg 1 tab BID #60");
  EXPECT_EQ(refill.kind, ParsedRequest::Kind::kUnknown);
  EXPECT_EQ(refill.name_as_written, "Quellix");
  EXPECT_EQ(strengths(refill.strengths), "20mg");
  EXPECT_EQ(refill.quantity, 60);
  EXPECT_EQ(range(refill.units_per_day), "2");
  EXPECT_EQ(refill.notes, std::vector<std::string>{"unknown drug 'Quellix'"});
}

TEST(RequestTest, SafeToCallFromManyThreads) {
  const std::vector<std::string> texts = {"Norco 10/325mg one PO q 4-6H #180",
                                          "Physical therapy 2x week x 6 weeks",
                                          "Duragesic 50 mcg/hr every 72 hours #10"};
  std::vector<std::string> expected;
  for (const auto& t : texts) expected.push_back(range(parse(t).mme_per_day) + "|" + parse(t).service);
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] {
      for (int n = 0; n < 200; ++n)
        for (size_t k = 0; k < texts.size(); ++k) {
          const ParsedRequest r = parse(texts[k]);
          if (range(r.mme_per_day) + "|" + r.service != expected[k]) ++mismatches;
        }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(expected[0], "40-60|");
  EXPECT_EQ(expected[1], "|physical therapy");
}

TEST(RequestTest, LongInputIsCutAndStaysFast) {
  std::string text = "Norco 10/325mg one PO q 4-6H #180 ";
  while (text.size() < 200000) text += "q4h q 4-6 every 6 to 8 hours 1-2 tabs ";
  const ParsedRequest r = parse(text);
  EXPECT_LE(r.text.size(), kMaxRequestChars);
  EXPECT_EQ(r.drug->key, "hydrocodone_apap");
  EXPECT_EQ(r.quantity, 180);
  ASSERT_FALSE(r.notes.empty());
  EXPECT_EQ(r.notes.back(), "request cut to 1000 characters");
}

// Random mixes of request words, numbers and punctuation: never a crash, and any MME or
// days' supply is a proper range.
TEST(RequestTest, RandomTokenSoupIsHandled) {
  const std::vector<std::string> tokens = {
      "Norco", "10/325", "mg", "#", "180", "q", "4-6", "h", "every", "to", "hours", "x",
      "2", "refills", "QTY:", "0", "1-2", "tabs", "prn", "patch", "mcg/hr", "%", "Methadone",
      "Duragesic", "PT", "2x6", "weeks", "/", "-", ".", ",", "with", "three", "bid", "days",
      "compound", "lidocaine", "5%", "\n", "\xff", "999999999999", "q0h", "every 0 days"};
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    const int n = 1 + static_cast<int>(next() % 12);
    for (int k = 0; k < n; ++k) text += tokens[next() % tokens.size()] + ((next() & 1) ? " " : "");
    const ParsedRequest r = parse(text);
    const Range none{0, 0};
    const Range mme = r.mme_per_day.value_or(none), supply = r.days_supply.value_or(none);
    const Range doses = r.frequency ? r.frequency->doses_per_day : none;
    EXPECT_LE(mme.min, mme.max) << text;
    EXPECT_LE(supply.min, supply.max) << text;
    EXPECT_LE(doses.min, doses.max) << text;
    EXPECT_LE(r.text.size(), kMaxRequestChars);
  }
}

TEST(RequestTest, WhitespaceAndLineBreaksAreCollapsed) {
  const ParsedRequest r = parse("  Norco\n10/325mg   #180  ");
  EXPECT_EQ(r.text, "Norco 10/325mg #180");
  EXPECT_EQ(r.quantity, 180);
  EXPECT_EQ(strengths(r.strengths), "10mg 325mg");
}

}  // namespace
}  // namespace imr
