// Redaction for publication: each kind of identifier in each form, the clinical content
// that must survive, and the measured figures over the team-written letters in
// tests/fixtures/redaction/ (each with a JSON manifest of what was planted).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

#include "core/date.h"
#include "core/error.h"
#include "core/file.h"
#include "core/text.h"
#include "service/redact.h"
#include "support/service_fixtures.h"

namespace imr {
namespace {

const RedactionLexicon& lex() { return *RedactionLexicon::shared(std::string(IMR_SOURCE_DIR) + "/data"); }

std::string redact(std::string_view text, const KnownIdentifiers& k = {}) {
  return redact_for_publication(text, k, lex()).text;
}

KnownIdentifiers jane() {
  KnownIdentifiers k;
  k.person_names = {"Jane Q. Smith"};
  return k;
}

TEST(RedactTest, KnownNameInEveryForm) {
  const auto k = jane();
  EXPECT_EQ(redact("Jane Q. Smith was seen.", k), "[name] was seen.");
  EXPECT_EQ(redact("Ms. Smith was seen.", k), "Ms. [name] was seen.");
  EXPECT_EQ(redact("Per Dr. Smith, rest.", k), "Per Dr. [name], rest.");
  EXPECT_EQ(redact("SMITH, JANE reports pain.", k), "[name] reports pain.");
  EXPECT_EQ(redact("Smith, Jane Q. reports pain.", k), "[name] reports pain.");
  EXPECT_EQ(redact("J. Smith signed.", k), "[name] signed.");
  EXPECT_EQ(redact("Jane Smith and Jane signed.", k), "[name] and [name] signed.");
  EXPECT_EQ(redact("Smith's notes.", k), "[name]'s notes.");
  // A name part inside another word, or in lower case as a word, is not the name.
  EXPECT_EQ(redact("Blacksmiths; a smith works iron.", k), "Blacksmiths; a smith works iron.");
}

TEST(RedactTest, NameLikeCommonWordsAreOnlyRemovedInFullForms) {
  KnownIdentifiers k;
  k.person_names = {"May Lin"};
  EXPECT_EQ(redact("May Lin said she may return in May.", k), "[name] said she may return in May.");
}

TEST(RedactTest, EponymsAndDrugsAreNotNames) {
  KnownIdentifiers k;
  k.person_names = {"Daniel Patrick"};
  EXPECT_EQ(redact("Mr. Patrick had a positive Patrick's test and Spurling's test.", k),
            "Mr. [name] had a positive Patrick's test and Spurling's test.");
  // Pattern layer: eponyms, drugs with doses and sentence words are never taken for names.
  EXPECT_EQ(redact("Tinel's sign and Phalen's test were positive. Norco 10/325mg #180 continues."),
            "Tinel's sign and Phalen's test were positive. Norco 10/325mg #180 continues.");
  EXPECT_EQ(redact("Dr. Lee Norco 10/325mg was refilled."), "Dr. [name] Norco 10/325mg was refilled.");
  EXPECT_EQ(redact("Seen by Dr. Amara Lee. The plan is rest."), "Seen by Dr. [name]. The plan is rest.");
}

TEST(RedactTest, NamesFoundByPatternAreRemovedEverywhere) {
  const std::string got = redact("Dr. Hollis Brandt examined her. Brandt noted 7/10 pain; BRANDT, HOLLIS signed.");
  EXPECT_EQ(got, "Dr. [name] examined her. [name] noted 7/10 pain; [name] signed.");
  EXPECT_EQ(redact("Requesting physician: Ana Ruiz, MD wrote that Ana was away."),
            "Requesting physician: [name], MD wrote that [name] was away.");
  EXPECT_EQ(redact("The claims examiner Brent Holloway denied it."), "The claims examiner [name] denied it.");
}

TEST(RedactTest, PhonesByDigitsInAnyLayout) {
  KnownIdentifiers k;
  k.phones = {"916-555-0142"};
  for (const char* form : {"(916) 555-0142", "916.555.0142", "916 555 0142", "9165550142", "+1 916 555 0142",
                           "1-916-555-0142"})
    EXPECT_EQ(redact(std::string("call ") + form + " today", k), "call [phone] today") << form;
  // Digits inside a longer number are not the phone (the number is removed as a number).
  EXPECT_EQ(redact("code 199165550142 x", k), "code [id number] x");
  // Unlisted phones by pattern.
  EXPECT_EQ(redact("Tel 415-555-0199; fax (415) 555-0100 ext. 4."), "Tel [phone]; fax [phone].");
}

TEST(RedactTest, ClaimNumbersWithOrWithoutSeparators) {
  KnownIdentifiers k;
  k.claim_numbers = {"05-2291-7734"};
  for (const char* form : {"05-2291-7734", "0522917734", "05 2291 7734", "05.2291.7734"})
    EXPECT_EQ(redact(std::string("ref ") + form + ".", k), "ref [claim number].") << form;
  EXPECT_EQ(redact("Claim No.: 12-345678 was filed."), "Claim No.: [claim number] was filed.");
  EXPECT_EQ(redact("Claim # 7781 4420 0913 denied"), "Claim # [claim number] denied");
  EXPECT_EQ(redact("WCAB case ADJ9912345."), "WCAB case [claim number].");
  // Claims administrator text and dates after "case" stay.
  EXPECT_EQ(redact("Claims Administrator guideline: MTUS. In this case 2/20/16 was the UR date."),
            "Claims Administrator guideline: MTUS. In this case 2/20/16 was the UR date.");
}

TEST(RedactTest, DateOfBirthInAnyFormOtherDatesKept) {
  KnownIdentifiers k;
  k.dates_of_birth = {Date::ymd(1971, 3, 14)};
  for (const char* form : {"03/14/1971", "3/14/71", "3-14-1971", "1971-03-14", "March 14, 1971", "Mar. 14, 1971",
                           "14 March 1971"})
    EXPECT_EQ(redact(std::string("born ") + form + "; injured 4/19/2024", k),
              "born [date of birth]; injured 4/19/2024")
        << form;
  // Unlisted, after a label.
  EXPECT_EQ(redact("DOB: 7/9/1980. Date of injury: 2/7/2025."), "DOB: [date of birth]. Date of injury: 2/7/2025.");
  EXPECT_EQ(redact("Date of birth July 9, 1980"), "Date of birth [date of birth]");
}

TEST(RedactTest, AddressesKnownAndByPattern) {
  KnownIdentifiers k;
  k.addresses = {"1450 Alder Creek Road, Sacramento, CA 95814"};
  EXPECT_EQ(redact("Lives at 1450 Alder Creek Rd., Sacramento, CA 95814 alone.", k), "Lives at [address] alone.");
  EXPECT_EQ(redact("Lives at 1450 Alder Creek Road\nSacramento CA 95814", k), "Lives at [address]");
  EXPECT_EQ(redact("Office: 41 Cedar Lane, Chico, CA 95926."), "Office: [address], [address].");
  EXPECT_EQ(redact("Mail to PO Box 2291 please."), "Mail to [address] please.");
  EXPECT_EQ(redact("On 12 March Dr. Lee saw him."), "On 12 March Dr. [name] saw him.");
}

TEST(RedactTest, EmailSsnAndOrganizations) {
  KnownIdentifiers k;
  k.organization_names = {"Westfield Poultry Processing, Inc."};
  EXPECT_EQ(redact("Works at Westfield Poultry Processing and the westfield poultry processing inc. plant.", k),
            "Works at [organization] and the [organization] plant.");
  EXPECT_EQ(redact("Write to a.b-c@example.org now."), "Write to [email] now.");
  EXPECT_EQ(redact("SSN 548 31 2270; also 512-44-8901."), "SSN [ssn]; also [ssn].");
  EXPECT_EQ(redact("Employer: Harvest Valley Cold Storage LLC\nNext"), "Employer: [organization]\nNext");
}

TEST(RedactTest, SpansPointIntoTheInput) {
  const std::string text = "Ms. Smith, DOB 03/14/1971, phone 916-555-0142.";
  KnownIdentifiers k = jane();
  const auto r = redact_for_publication(text, k, lex());
  ASSERT_EQ(r.removed.size(), 3u);
  EXPECT_EQ(text.substr(r.removed[0].start, r.removed[0].end - r.removed[0].start), "Smith");
  EXPECT_EQ(r.removed[0].kind, "name");
  EXPECT_EQ(text.substr(r.removed[1].start, r.removed[1].end - r.removed[1].start), "03/14/1971");
  EXPECT_EQ(r.removed[1].kind, "date_of_birth");
  EXPECT_EQ(r.removed[2].kind, "phone");
  for (size_t i = 1; i < r.removed.size(); ++i) EXPECT_LE(r.removed[i - 1].end, r.removed[i].start);
}

TEST(RedactTest, ClinicalProseIsUntouched) {
  const std::string text =
      "This 55-year-old reported low back pain of 7/10 after an injury on 04/19/2024. Diagnoses: lumbar "
      "radiculopathy (M54.16). Norco 10/325mg #180 and gabapentin 600 mg were continued. Decision based on MTUS "
      "Chronic Pain Medical Treatment Guidelines, Opioids, Criteria for Use, Page(s): 76-80. State(s) of "
      "Licensure: California\nCertification(s)/Specialty: Physical Medicine and Rehabilitation\n";
  const auto r = redact_for_publication(text, {}, lex());
  EXPECT_TRUE(r.removed.empty());
  EXPECT_EQ(r.text, text);
}

TEST(RedactTest, Placeholders) {
  EXPECT_EQ(redaction_placeholder("claim_number"), "[claim number]");
  EXPECT_EQ(redaction_placeholder("date_of_birth"), "[date of birth]");
  EXPECT_EQ(redaction_placeholder("ssn"), "[ssn]");
}

TEST(RedactTest, OversizedInputIsRefused) {
  const std::string big(kMaxInputBytes + 1, 'a');
  EXPECT_THROW(redact_for_publication(big, {}, lex()), InputError);
}

// ---- Measurement over the team-written letters ----

struct Occurrence {
  size_t start, end;
};

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }

// Every case-insensitive occurrence of `needle` not inside a longer word.
std::vector<Occurrence> occurrences(const std::string& hay, const std::string& needle) {
  std::vector<Occurrence> out;
  const std::string h = to_lower(hay), n = to_lower(needle);
  for (size_t p = h.find(n); p != std::string::npos; p = h.find(n, p + 1)) {
    const size_t e = p + n.size();
    if ((p > 0 && word_char(h[p - 1]) && word_char(h[p])) || (e < h.size() && word_char(h[e]) && word_char(h[e - 1])))
      continue;
    out.push_back({p, e});
  }
  return out;
}

size_t count_exact(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

KnownIdentifiers known_from(const nlohmann::json& j, const std::string& file) {
  KnownIdentifiers k;
  k.person_names = j.value("person_names", std::vector<std::string>{});
  k.claim_numbers = j.value("claim_numbers", std::vector<std::string>{});
  k.addresses = j.value("addresses", std::vector<std::string>{});
  k.phones = j.value("phones", std::vector<std::string>{});
  k.organization_names = j.value("organization_names", std::vector<std::string>{});
  for (const auto& d : j.value("dates_of_birth", std::vector<std::string>{})) {
    const auto date = parse_date(d);
    if (!date) ADD_FAILURE() << file << ": bad date " << d;
    else k.dates_of_birth.push_back(*date);
  }
  return k;
}

TEST(RedactMeasureTest, TeamLettersMeetTheTargets) {
  const std::filesystem::path dir = std::filesystem::path(IMR_FIXTURES_DIR) / "redaction";
  std::vector<std::filesystem::path> letters;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") letters.push_back(e.path());
  std::sort(letters.begin(), letters.end());
  ASSERT_GE(letters.size(), 6u);

  size_t planted = 0, removed = 0, planted_listed = 0, removed_listed = 0, facts = 0, kept = 0, over = 0;
  std::set<std::string> kinds;
  for (const auto& path : letters) {
    const std::string name = path.filename().string();
    const std::string text = read_file(path.string());
    const auto manifest = nlohmann::json::parse(read_file(std::filesystem::path(path).replace_extension(".json").string()));
    const auto r = redact_for_publication(text, known_from(manifest.at("known"), name), lex());

    std::vector<Occurrence> planted_here;
    for (const auto& p : manifest.at("planted")) {
      std::string needle = p.at("text");
      const bool listed = p.at("listed");
      kinds.insert(p.at("kind").get<std::string>());
      const auto occ = occurrences(text, needle);
      EXPECT_FALSE(occ.empty()) << name << ": planted text not in letter: " << needle;
      for (auto o : occ) {
        // "Mr. Patrick": the honorific stays by design; the name after it must go.
        for (const char* h : {"Dr. ", "Mr. ", "Ms. ", "Mrs. "})
          if (istarts_with(needle, h)) o.start += std::string_view(h).size();
        planted_here.push_back(o);
        bool covered = true;
        for (size_t i = o.start; i < o.end && covered; ++i) {
          if (!word_char(text[i])) continue;
          covered = std::any_of(r.removed.begin(), r.removed.end(),
                                [&](const Redaction& x) { return x.start <= i && i < x.end; });
        }
        ++planted;
        removed += covered;
        planted_listed += listed;
        removed_listed += listed && covered;
        EXPECT_TRUE(covered) << name << ": left in: " << text.substr(o.start, o.end - o.start);
      }
    }
    for (const auto& x : r.removed) {
      const bool hits = std::any_of(planted_here.begin(), planted_here.end(),
                                    [&](const Occurrence& o) { return x.start < o.end && o.start < x.end; });
      if (!hits) {
        ++over;
        ADD_FAILURE() << name << ": over-redacted " << x.kind << ": " << text.substr(x.start, x.end - x.start);
      }
    }
    for (const auto& f : manifest.at("clinical")) {
      const std::string fact = f;
      const size_t before = count_exact(text, fact);
      EXPECT_GE(before, 1u) << name << ": clinical fact not in letter: " << fact;
      ++facts;
      const bool ok = before > 0 && count_exact(r.text, fact) == before;
      kept += ok;
      EXPECT_TRUE(ok) << name << ": clinical fact lost: " << fact;
    }
  }
  for (const char* k : {"name", "claim_number", "address", "phone", "date_of_birth", "organization", "email", "ssn"})
    EXPECT_TRUE(kinds.count(k)) << "no planted identifier of kind " << k;

  const double pct = planted ? 100.0 * static_cast<double>(removed) / static_cast<double>(planted) : 0;
  std::cout << "redaction: " << removed << "/" << planted << " identifiers removed (" << pct << "%; listed "
            << removed_listed << "/" << planted_listed << ", unlisted " << (removed - removed_listed) << "/"
            << (planted - planted_listed) << "), " << kept << "/" << facts << " clinical facts kept, " << over
            << " over-redactions, " << letters.size() << " letters\n";
  ::testing::Test::RecordProperty("identifiers_removed", std::to_string(removed) + "/" + std::to_string(planted));
  ::testing::Test::RecordProperty("clinical_facts_kept", std::to_string(kept) + "/" + std::to_string(facts));
  ::testing::Test::RecordProperty("over_redactions", static_cast<int>(over));
  EXPECT_GE(pct, 99.0);
  EXPECT_EQ(kept, facts);
}

}  // namespace
}  // namespace imr
