// Property test of the extractor on generated text: a few thousand records built from a
// fixed seed out of clinical fragments, dates, numbers, drug names, punctuation, blank lines,
// form feeds, long lines, non-ASCII bytes and random bytes. For every fact: the evidence
// lies inside the record, its text is exactly record.substr(start, end - start), its record
// index is the one given, and the same input gives the same facts twice. Inputs stay under
// ~100 KB so the run is bounded.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "extract_test_fixture.h"

namespace imr {
namespace {

using testing_extract::dump;
using testing_extract::test_drugs;

constexpr std::array<std::string_view, 64> kFragments = {
    "Pt c/o LBP", "pain", "7/10", "4-5/10", "VAS", "with meds", "without medications",
    "w/o meds", "denies", "no", "not", "without", "side effects", "constipation", "other than",
    "UDS", "urine drug screen", "consistent", "inconsistent", "CURES", "reviewed",
    "opioid agreement", "signed", "early refills", "lost her prescription", "ran out early",
    "tried", "failed", "but stopped due to dizziness", "without adequate relief", "since",
    "since his", "surgery", "ago", "two weeks ago", "last month", "yesterday", "a year ago",
    "started on", "discontinued", "requested", "RFA for", "TTD", "P&S", "RTW", "modified duty",
    "s/p", "h/o", "HEP", "ADLs", "walks 20 minutes", "lift 15 lbs", "Oswestry from 40 to 22",
    "UR non-certified", "modified to #60", "flare-up", "withdrawal", "taper", "radiculopathy",
    "CURRENT MEDICATIONS:", "1.", "-", "rates pain", "q6h prn"};

constexpr std::array<std::string_view, 16> kDrugs = {
    "Norco", "Vicodin 5/300", "Percocet", "hydrocodone/acetaminophen", "Ultram ER", "Xanax",
    "Valium", "Klonopin", "Soma 350", "Flexeril", "Zanaflex", "gabapentin", "Neurontin",
    "Motrin", "Tylenol #3", "Butrans 10 mcg/hr"};

constexpr std::array<std::string_view, 18> kMarks = {
    ".", ". ", ", ", "; ", ": ", "?", "!", "(", ")", "\"", "/", "-", "\n", "\n\n", "\f",
    "\t", "  ", "#"};

constexpr std::array<std::string_view, 8> kNonAscii = {
    "\xc3\xa9", "\xe2\x80\x99", "\xe2\x80\x93", "\xc2\xa0", "\xef\xbf\xbd", "\xf0\x9f\x98\x80",
    "\xc3", "\x80\x80"};

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  std::string record() {
    std::string out;
    const size_t target = pick(100) < 3 ? 20000 + pick(80000) : pick(1500);
    while (out.size() < target) piece(out);
    if (out.size() > 100000) out.resize(100000);
    return out;
  }

 private:
  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }

  void piece(std::string& out) {
    switch (pick(12)) {
      case 0: case 1: case 2: case 3:
        out += kFragments[pick(kFragments.size())];
        break;
      case 4:
        out += kDrugs[pick(kDrugs.size())];
        break;
      case 5:
        out += kMarks[pick(kMarks.size())];
        break;
      case 6:  // a date in one of the written forms
        switch (pick(4)) {
          case 0: out += std::to_string(1 + pick(12)) + "/" + std::to_string(1 + pick(31)) + "/" + std::to_string(10 + pick(10)); break;
          case 1: out += std::to_string(1 + pick(12)) + "-" + std::to_string(1 + pick(28)) + "-20" + std::to_string(10 + pick(10)); break;
          case 2: out += "April " + std::to_string(1 + pick(28)) + ", 20" + std::to_string(10 + pick(10)); break;
          default: out += "20" + std::to_string(10 + pick(10)); break;
        }
        break;
      case 7:  // a number
        out += std::to_string(pick(pick(2) ? 11 : 2000));
        break;
      case 8:
        out += kNonAscii[pick(kNonAscii.size())];
        break;
      case 9: {  // random bytes
        const size_t n = 1 + pick(6);
        for (size_t i = 0; i < n; ++i) out += static_cast<char>(pick(256));
        break;
      }
      case 10:  // a long line with no stop
        if (pick(10) == 0) out.append(500 + pick(3000), "abcdefgh xyz"[pick(12)]);
        else out += " ";
        break;
      default:
        out += " ";
        break;
    }
    if (pick(3) != 0) out += ' ';
  }

  std::mt19937 rng_;
};

void check_evidence(const std::vector<Fact>& facts, const std::string& text, int index) {
  for (const Fact& f : facts) {
    ASSERT_EQ(f.evidence.record, index) << dump({f});
    ASSERT_LE(f.evidence.start, f.evidence.end) << dump({f});
    ASSERT_LE(f.evidence.end, text.size()) << dump({f});
    ASSERT_EQ(text.substr(f.evidence.start, f.evidence.end - f.evidence.start), f.evidence.text)
        << dump({f});
  }
}

TEST(ExtractPropertyTest, EvidenceIsExactAndOutputDeterministic) {
  Generator gen(20261123u);
  size_t total_facts = 0;
  for (int i = 0; i < 2500; ++i) {
    const std::string text = gen.record();
    const int index = i % 7;
    const RecordText rec{i % 3 ? std::optional<Date>(Date::ymd(2016, 1 + i % 12, 1 + i % 28))
                               : std::nullopt,
                         "generated", text};
    const std::vector<Fact> first = extract_record_facts(rec, index, test_drugs(), testing_extract::test_lexicon());
    check_evidence(first, text, index);
    if (::testing::Test::HasFatalFailure()) {
      ADD_FAILURE() << "record " << i;
      return;
    }
    const std::vector<Fact> second = extract_record_facts(rec, index, test_drugs(), testing_extract::test_lexicon());
    ASSERT_EQ(first, second) << "record " << i;
    total_facts += first.size();
  }
  // The generator is rich enough to reach the detectors (else the test would prove little).
  EXPECT_GT(total_facts, 5000u);
}

TEST(ExtractPropertyTest, SeveralRecordsKeepTheirIndices) {
  Generator gen(7u);
  std::vector<RecordText> records;
  for (int i = 0; i < 20; ++i) records.push_back({std::nullopt, "r", gen.record()});
  const std::vector<Fact> facts = extract_facts(records, test_drugs(), testing_extract::test_lexicon());
  ASSERT_FALSE(facts.empty());
  int last = 0;
  for (const Fact& f : facts) {
    ASSERT_GE(f.evidence.record, last);  // record order
    ASSERT_LT(f.evidence.record, 20);
    last = f.evidence.record;
    const std::string& text = records[static_cast<size_t>(f.evidence.record)].text;
    ASSERT_LE(f.evidence.end, text.size());
    ASSERT_EQ(text.substr(f.evidence.start, f.evidence.end - f.evidence.start), f.evidence.text);
  }
}

TEST(ExtractPropertyTest, PathologicalInputsAreBounded) {
  const std::vector<std::string> inputs = {
      std::string(100000, 'a'),
      std::string(100000, ' '),
      std::string(100000, '.'),
      std::string(50000, '\n') + "Norco",
      [] {
        std::string s;
        while (s.size() < 100000) s += "no ";
        return s;
      }(),
      [] {
        std::string s;
        while (s.size() < 100000) s += "Norco, ";
        return s;
      }(),
      [] {
        std::string s;
        while (s.size() < 100000) s += "7/10 ";
        return s;
      }(),
      [] {
        std::string s;
        for (int i = 0; s.size() < 100000; ++i) s += static_cast<char>(0x80 + i % 64);
        return s;
      }(),
  };
  for (const std::string& t : inputs) {
    const RecordText rec{Date::ymd(2016, 3, 1), "p", t};
    const auto facts = extract_record_facts(rec, 0, test_drugs(), testing_extract::test_lexicon());
    check_evidence(facts, t, 0);
  }
}

}  // namespace
}  // namespace imr
