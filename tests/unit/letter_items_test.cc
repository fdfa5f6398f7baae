// The item headers and the header table as published letters lay them out, on letters the
// team wrote (tests/fixtures/letters, our own words) and on short letters built here: a
// decision on the line after its request, a request wrapped over lines (also after an
// abbreviation such as "t.i.d."), a modified request in several wordings, retrospective
// items with their date of service, the header table beside its values or in columns.
#include <gtest/gtest.h>

#include <sstream>
#include <tuple>

#include "core/error.h"
#include "core/text.h"
#include "intake/document.h"
#include "intake/letter_case.h"
#include "intake/letter_items.h"
#include "letters/letter.h"
#include "letters/letter_json.h"
#include "letter_test_support.h"
#include "support/knowledge.h"

namespace imr {
namespace {

std::string fixture(const std::string& name) { return std::string(IMR_FIXTURES_DIR) + "/letters/" + name; }

Letter read_fixture(const std::string& name) {
  const std::string path = fixture(name);
  return read_letter(load_document_text(path), path);
}

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : ""; }

// What one item must hold.
struct WantItem {
  std::string request;
  Decision decision;
  bool modified;
  std::string original, certified;
  bool retrospective;
  std::string date_of_service;  // ISO or ""
  std::string rationale_start;
};

void expect_items(const Letter& l, const std::vector<WantItem>& want) {
  ASSERT_EQ(l.items.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const LetterItem& g = l.items[i];
    const WantItem& w = want[i];
    SCOPED_TRACE("item " + std::to_string(i + 1) + " " + w.request);
    EXPECT_EQ(g.request, w.request);
    EXPECT_EQ(g.decision, w.decision);
    EXPECT_EQ(g.modified, w.modified);
    EXPECT_EQ(g.original_request, w.original);
    EXPECT_EQ(g.certified, w.certified);
    EXPECT_EQ(g.retrospective, w.retrospective);
    EXPECT_EQ(iso(g.date_of_service), w.date_of_service);
    EXPECT_TRUE(testing::starts(g.rationale, w.rationale_start)) << g.rationale;
    testing::expect_clean(g.rationale, "rationale");
  }
}

TEST(LetterItemsTest, HeaderTableBesideItsValuesAndItemsOverSeveralLines) {
  const Letter l = read_fixture("modern_header_modified.txt");
  EXPECT_EQ(l.header.case_number, "CM99-0000123");
  EXPECT_EQ(iso(l.header.date_assigned), "2017-03-02");
  EXPECT_EQ(iso(l.header.decision_date), "2017-03-30");
  EXPECT_EQ(iso(l.header.ur_denial_date), "2017-01-20");
  EXPECT_EQ(iso(l.header.application_received), "2017-02-14");
  EXPECT_EQ(iso(l.header.date_of_injury), "2016-12-05");
  EXPECT_EQ(l.header.priority, "Standard");
  EXPECT_EQ(l.reviewer.licensure, (std::vector<std::string>{"Utah", "California"}));
  EXPECT_FALSE(l.date_of_injury);  // the summary does not give it; the header does
  expect_items(l, {
      {"physical therapy for the right knee, 4 visits", Decision::kUpheld, true,
       "Physical therapy for the right knee, two visits a week for five weeks (10 visits)",
       "Physical therapy for the right knee, 6 visits", false, "", "Six visits were allowed"},
      {"Hinged brace for the right knee with a locking dial, fitted by the orthotist, for purchase",
       Decision::kOverturned, false, "", "", false, "", "A knee that gives way"},
      {"Retrospective ketorolac 60 mg injection given in the office, 1 dose (DOS 01/09/2017)", Decision::kUpheld,
       false, "", "", true, "2017-01-09", "An injected anti-inflammatory"},
      {"cold compression unit with knee wrap", Decision::kUpheld, true, "Cold compression unit with knee wrap",
       "a 7 day rental of the cold compression unit", false, "", "Cold units are used"},
      {"MRI of the right knee without contrast", Decision::kOverturned, false, "", "", false, "", "Catching, an effusion"},
  });
}

TEST(LetterItemsTest, HeaderTableInColumnsWrappedIntroAndAbbreviationAtLineEnd) {
  const Letter l = read_fixture("modern_columns_header.txt");
  EXPECT_EQ(l.header.case_number, "CM98-0004567");
  EXPECT_EQ(iso(l.header.date_assigned), "2017-02-01");
  EXPECT_EQ(iso(l.header.decision_date), "2017-02-27");
  EXPECT_EQ(l.header.priority, "Expedited");
  EXPECT_EQ(iso(l.header.date_of_injury), "2016-11-30");
  EXPECT_EQ(iso(l.header.ur_denial_date), "2017-01-10");
  EXPECT_EQ(iso(l.header.application_received), "2017-01-24");
  expect_items(l, {
      {"Naproxen 550mg #30", Decision::kUpheld, true, "Naproxen 550mg #90", "Naproxen 550mg #60", false, "",
       "Sixty tablets cover a month"},
      {"Gabapentin 300mg one p.o. t.i.d. #90 with 2 refills, retro, dispensed 01/03/2017", Decision::kOverturned,
       false, "", "", true, "2017-01-03", "Burning and tingling"},
  });
}

TEST(LetterItemsTest, LettersWithoutAHeaderTableHaveAnEmptyHeader) {
  const Letter l = read_fixture("modern_sentence_multi.txt");
  EXPECT_TRUE(l.header.empty());
  for (const LetterItem& item : l.items) {
    EXPECT_FALSE(item.modified);
    EXPECT_FALSE(item.retrospective);
  }
}

// A modern letter around `issues`, for the wordings below.
std::string modern(const std::string& issues) {
  return "HOW THE IMR FINAL DETERMINATION WAS MADE\nState(s) of Licensure: Ohio\n"
         "CLINICAL CASE SUMMARY\nA 30 year old female hurt her wrist lifting a box.\n"
         "IMR ISSUES, DECISIONS AND RATIONALES\n"
         "The Final Determination was based on decisions for the disputed items/services set forth below:\n" +
         issues;
}

const std::string kFields =
    "Claims Administrator guideline: Decision based on ACOEM.\n"
    "MAXIMUS guideline: Decision based on ACOEM.\n"
    "Decision rationale: The notes do not show the need. It is not medically necessary.\n";

struct Wording {
  std::string header;  // the item header as the letter lays it out
  std::string request, original, certified;
};

TEST(LetterItemsTest, ModifiedRequestsInSeveralWordings) {
  const std::vector<Wording> wordings = {
      // "X was the original request. Y was authorized ... The remaining ..., Z is:"
      {"Wrist splint, 2 splints was the original request. Wrist splint, 1 splint was\n"
       "authorized by the Claims Administrator. The remaining IMR eligible portion of the\n"
       "original request, Wrist splint, 1 splint is: Upheld\n",
       "Wrist splint, 1 splint", "Wrist splint, 2 splints", "Wrist splint, 1 splint"},
      // The same with the decision on its own line and a page break inside the statement.
      {"Hand therapy 12 visits was the original request. Hand therapy 6 visits was authorized by\n\f\n"
       "the Claims Administrator. The remaining IMR eligible portion of the original request,\n"
       "Hand therapy 6 visits is:\nUpheld\n",
       "Hand therapy 6 visits", "Hand therapy 12 visits", "Hand therapy 6 visits"},
      // "X was the original request. The Claims Administrator authorized Y, leaving ...".
      {"Purchase of a paraffin bath was the original request. The Claims Administrator\n"
       "authorized a paraffin bath for 2 weeks, leaving the original request IMR eligible. The\n"
       "original request, purchase of a paraffin bath is: Upheld\n",
       "purchase of a paraffin bath", "Purchase of a paraffin bath", "a paraffin bath for 2 weeks"},
      // "The original request was for X. UR modified the request to Y. The remainder ..., Z, is:"
      {"The original request was for Tramadol 50mg #120. Utilization review modified the\n"
       "request to Tramadol 50mg #60. The remainder of the request, Tramadol 50mg #60, is:\nUpheld\n",
       "Tramadol 50mg #60", "Tramadol 50mg #120", "Tramadol 50mg #60"},
      // All in one sentence.
      {"Occupational therapy x 8 was the original request and occupational therapy x 4 was\n"
       "certified; the remaining IMR eligible portion, occupational therapy x 4 is: Upheld\n",
       "occupational therapy x 4", "Occupational therapy x 8", "occupational therapy x 4"},
  };
  for (const auto& w : wordings) {
    SCOPED_TRACE(w.header);
    // Another item before it, so its header must be told from a rationale's last line.
    const Letter l = read_letter(modern("Splint: Upheld\n" + kFields + w.header + kFields), "w.txt");
    ASSERT_EQ(l.items.size(), 2u);
    EXPECT_EQ(l.items[0].request, "Splint");
    EXPECT_FALSE(l.items[0].modified);
    const LetterItem& item = l.items[1];
    EXPECT_TRUE(item.modified);
    EXPECT_EQ(item.request, w.request);
    EXPECT_EQ(item.original_request, w.original);
    EXPECT_EQ(item.certified, w.certified);
    EXPECT_EQ(item.decision, Decision::kUpheld);
    EXPECT_TRUE(testing::starts(item.rationale, "The notes do not show the need."));
  }
}

TEST(LetterItemsTest, RequestsWrappedOrDecidedOnTheNextLine) {
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"Physical therapy two times a week for four weeks for the left wrist and the left\nelbow: Overturned\n",
       "Physical therapy two times a week for four weeks for the left wrist and the left elbow"},
      {"Physical therapy two times a week for four weeks for the left wrist:\nOverturned\n",
       "Physical therapy two times a week for four weeks for the left wrist"},
      {"Norco 5/325mg 1 tab p.o.\nq.6h. as needed #30:\nOverturned.\n", "Norco 5/325mg 1 tab p.o. q.6h. as needed #30"},
      {"CT SCAN OF THE LEFT WRIST WITHOUT\nCONTRAST:  OVERTURNED\n", "CT SCAN OF THE LEFT WRIST WITHOUT CONTRAST"},
  };
  for (const auto& [header, request] : headers) {
    SCOPED_TRACE(header);
    const Letter l = read_letter(modern("Splint: Upheld\n" + kFields + header + kFields), "x.txt");
    ASSERT_EQ(l.items.size(), 2u);
    EXPECT_EQ(l.items[1].request, request);
    EXPECT_EQ(l.items[1].decision, Decision::kOverturned);
  }
}

TEST(LetterItemsTest, RetrospectiveItemsAndDatesOfService) {
  const std::vector<std::tuple<std::string, bool, std::string>> cases = {
      {"Retrospective Meloxicam 7.5mg #30 (DOS: 2/3/17)", true, "2017-02-03"},
      {"Retro: urine drug screen, date of service 02/03/2017", true, "2017-02-03"},
      {"Retrospective request for 1 knee injection performed 12/14/2016", true, "2016-12-14"},
      {"Retrospective hot/cold pack", true, ""},
      {"Diclofenac gel 1% 100g, DOS 1/5/2017", false, "2017-01-05"},
      {"Splint for the right wrist, dispensed 01/05/2017", false, ""},  // a date, but no DOS and not retrospective
  };
  for (const auto& [request, retro, dos] : cases) {
    SCOPED_TRACE(request);
    const Letter l = read_letter(modern(request + ": Upheld\n" + kFields), "r.txt");
    ASSERT_EQ(l.items.size(), 1u);
    EXPECT_EQ(l.items[0].request, request);
    EXPECT_EQ(l.items[0].retrospective, retro);
    EXPECT_EQ(iso(l.items[0].date_of_service), dos);
  }
}

// The items of a letter, as compared across layouts of the same text.
std::vector<std::string> item_keys(const Letter& l) {
  std::vector<std::string> out;
  for (const LetterItem& i : l.items)
    out.push_back(i.request + " | " + to_string(i.decision) + " | " + i.original_request + " | " + i.certified +
                  " | " + (i.retrospective ? "retro " : "") + iso(i.date_of_service) + " | " + i.rationale);
  return out;
}

// `text` with the paragraphs after the items' introduction re-wrapped at `width` columns.
std::string rewrap_items(const std::string& text, size_t width) {
  const size_t intro = text.find("set forth below:");
  const size_t start = text.find('\n', intro) + 1;
  std::string out = text.substr(0, start);
  std::istringstream in(text.substr(start));
  std::string line, paragraph;
  auto flush = [&] {
    std::istringstream words(paragraph);
    std::string word, cur;
    while (words >> word) {
      if (!cur.empty() && cur.size() + 1 + word.size() > width) {
        out += cur + "\n";
        cur.clear();
      }
      cur += (cur.empty() ? "" : " ") + word;
    }
    if (!cur.empty()) out += cur + "\n\n";
    paragraph.clear();
  };
  while (std::getline(in, line)) {
    if (trim(line).empty()) flush();
    else paragraph += " " + line;
  }
  flush();
  return out;
}

TEST(LetterItemsTest, TheSameLetterLaidOutOtherwiseReadsTheSame) {
  const std::string path = fixture("modern_header_modified.txt");
  const std::string text = testing::slurp(path);
  const Letter base = read_letter(text, path);
  ASSERT_EQ(base.items.size(), 5u);
  std::vector<std::pair<std::string, std::string>> variants;
  for (size_t width : {48, 72, 110, 200}) variants.emplace_back("wrapped at " + std::to_string(width), rewrap_items(text, width));
  std::string doubled, crlf, no_final_periods;
  for (char c : text) {
    doubled += c;
    if (c == '\n') doubled += '\n';
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  variants.emplace_back("double spaced", doubled);
  variants.emplace_back("CRLF", crlf);
  // A rationale whose last sentence lost its period: the blank line still ends it.
  std::string lost = text;
  const std::string end = "necessary.\n\nHinged brace";
  ASSERT_NE(lost.find(end), std::string::npos);
  lost.replace(lost.find(end), end.size(), "necessary\n\nHinged brace");
  const Letter lost_period = read_letter(lost, path);
  ASSERT_EQ(lost_period.items.size(), 5u);
  EXPECT_EQ(lost_period.items[1].request, base.items[1].request);
  for (const auto& [name, variant] : variants) {
    SCOPED_TRACE(name);
    const Letter l = read_letter(variant, path);
    EXPECT_EQ(item_keys(l), item_keys(base));
    EXPECT_EQ(l.header.case_number, base.header.case_number);
    EXPECT_EQ(iso(l.header.ur_denial_date), iso(base.header.ur_denial_date));
  }
}

TEST(LetterItemsTest, AModifiedStatementWithoutADecisionIsNamedInTheError) {
  try {
    read_letter(modern("Splint x 2 was the original request. Splint x 1 was authorized by the Claims\n"
                       "Administrator. The remaining IMR eligible portion of the original request, Splint x 1\n" +
                       kFields),
                "m.txt");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "m.txt");
    EXPECT_NE(e.problem().find("item 1 'Splint x 2 was the original request."), std::string::npos) << e.problem();
    EXPECT_NE(e.problem().find("has no decision (Upheld or Overturned)"), std::string::npos) << e.problem();
  }
}

TEST(LetterItemsTest, ItemsGetTheirCategoryAndBodyRegionFromTheRequestParser) {
  Letter l = read_fixture("modern_header_modified.txt");
  const auto k = testing::bundled_knowledge();
  classify_letter_items(l, k->drugs, k->services);
  const std::vector<std::tuple<std::string, std::string, std::string>> want = {
      {"physical_medicine", "knee", "right"}, {"brace", "knee", "right"}, {"nsaids", "unspecified", ""},
      {"cold_therapy", "knee", ""},           {"imaging_mri", "knee", "right"}};
  ASSERT_EQ(l.items.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(l.items[i].request);
    EXPECT_EQ(l.items[i].category, std::get<0>(want[i]));
    EXPECT_EQ(l.items[i].body_region, std::get<1>(want[i]));
    EXPECT_EQ(l.items[i].laterality, std::get<2>(want[i]));
  }
  // The JSON carries every new field.
  const nlohmann::json j = to_json(l);
  EXPECT_EQ(j["header"]["case_number"], "CM99-0000123");
  EXPECT_EQ(j["header"]["ur_denial_date"], "2017-01-20");
  EXPECT_EQ(j["header"]["priority"], "Standard");
  EXPECT_TRUE(j["date_of_injury"].is_null());
  EXPECT_EQ(j["header"]["date_of_injury"], "2016-12-05");
  const nlohmann::json& first = j["items"][0];
  EXPECT_EQ(first["modified"], true);
  EXPECT_EQ(first["original_request"], "Physical therapy for the right knee, two visits a week for five weeks (10 visits)");
  EXPECT_EQ(first["certified"], "Physical therapy for the right knee, 6 visits");
  EXPECT_EQ(first["category"], "physical_medicine");
  EXPECT_EQ(first["body_regions"], nlohmann::json::array({"knee"}));
  EXPECT_EQ(j["items"][2]["retrospective"], true);
  EXPECT_EQ(j["items"][2]["date_of_service"], "2017-01-09");
  EXPECT_TRUE(j["items"][1]["date_of_service"].is_null());
}

TEST(LetterItemsTest, CaseFromLetterTakesTheUrDateTheRemainderAndDatesOfService) {
  const Letter l = read_fixture("modern_header_modified.txt");
  const Case c = case_from_letter(l);
  ASSERT_TRUE(c.ur && c.ur->date);
  EXPECT_EQ(c.ur->date->iso(), "2017-01-20");
  EXPECT_EQ(c.request_date()->iso(), "2017-01-20");
  ASSERT_TRUE(c.date_of_injury);
  EXPECT_EQ(c.date_of_injury->iso(), "2016-12-05");  // from the header: the summary has none
  ASSERT_EQ(c.requests.size(), 5u);
  EXPECT_EQ(c.requests[0], "physical therapy for the right knee, 4 visits");
  EXPECT_EQ(c.ur->items[0].request, c.requests[0]);
  EXPECT_EQ(c.ur->items[0].action, "modified");
  EXPECT_EQ(c.ur->items[0].certified, "Physical therapy for the right knee, 6 visits");
  EXPECT_EQ(c.ur->items[1].action, "denied");
  EXPECT_TRUE(c.ur->items[1].certified.empty());
  ASSERT_TRUE(c.ur->items[2].date_of_service);
  EXPECT_EQ(c.ur->items[2].date_of_service->iso(), "2017-01-09");
  EXPECT_FALSE(c.ur->items[4].date_of_service);
  // A summary that states the date of injury keeps its own.
  const Case seeded = case_from_letter(read_fixture("modern_sentence_multi.txt"));
  EXPECT_EQ(seeded.date_of_injury->iso(), "2009-04-19");
  EXPECT_FALSE(seeded.ur->date);
}

}  // namespace
}  // namespace imr
