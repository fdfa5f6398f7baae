#include "corpus/writer.h"

#include <algorithm>
#include <set>

namespace imr::corpus {
std::string section_label(const std::string& family, const std::string& section) {
  return section.empty() ? family : family + ": " + section;
}

int64_t Writer::section_id(const CitationRecord& c) {
  const auto key = std::make_tuple(c.family, c.guideline, c.section);
  if (auto it = sections_.find(key); it != sections_.end()) return it->second;
  s_.run("INSERT INTO corpus_sections (family, guideline, section, section_key, label) VALUES (?, ?, ?, ?, ?) "
         "ON CONFLICT (family, guideline, section) DO NOTHING",
         {c.family, c.guideline, c.section, filter_key(c.section), section_label(c.family, c.section)});
  const int64_t id = s_.integer("SELECT id FROM corpus_sections WHERE family = ? AND guideline = ? AND section = ?",
                                {c.family, c.guideline, c.section});
  sections_.emplace(key, id);
  return id;
}

std::vector<std::pair<std::string, std::string>> dimension_values(const ItemRecord& item, const std::string& specialty,
                                                                  int year, const std::string& priority) {
  std::vector<std::pair<std::string, std::string>> out = {
      {"all", ""},
      {"category", item.category},
      {"body_region", item.body_region},
      {"drug_class", item.drug_class},
      {"specialty", specialty},
      {"year", year ? std::to_string(year) : ""},
      {"priority", priority},
      {"drug", item.drug},  // kept alone (not by pairs): whether any current item names a drug
  };
  std::set<std::string> sections;
  for (const CitationRecord& c : item.citations)
    if (c.by_reviewer) sections.insert(section_label(c.family, c.section));
  for (const std::string& s : sections) out.emplace_back("section", s);
  return out;
}

void Writer::count_item(const ItemRecord& item, const LetterRecord& letter, int sign) {
  const auto values = dimension_values(item, letter.specialty, letter.year, letter.priority);
  auto add = [&](Count& c) {
    c.items += sign;
    if (item.overturned) c.overturned += sign;
  };
  for (const auto& [dimension, value] : values) add(rollup_[{dimension, value}]);
  for (const char* filter : kPairFilterDimensions)
    for (const auto& [fd, fv] : values) {
      if (fd != filter) continue;
      for (const auto& [dimension, value] : values)
        if (dimension != fd && dimension != "all" && dimension != "drug") add(pairs_[{fd, fv, dimension, value}]);
    }
}

void Writer::retire(int64_t letter_id) {
  // The retired version's items leave the counts: read them back as records.
  LetterRecord old;
  s_.run("SELECT specialty, year, priority FROM corpus_letters WHERE id = ?", {letter_id}, [&](const sql::Row& r) {
    old.specialty = r.text(0);
    old.year = static_cast<int>(r.integer(1));
    old.priority = r.text(2);
  });
  std::map<int64_t, ItemRecord> items;
  s_.run("SELECT id, category, body_region, drug_class, overturned, drug FROM corpus_items WHERE letter_id = ?",
         {letter_id}, [&](const sql::Row& r) {
           ItemRecord& it = items[r.integer(0)];
           it.category = r.text(1);
           it.body_region = r.text(2);
           it.drug_class = r.text(3);
           it.overturned = r.flag(4);
           it.drug = r.text(5);
         });
  s_.run("SELECT c.item_id, s.family, s.section FROM corpus_citations c JOIN corpus_items i ON i.id = c.item_id "
         "JOIN corpus_sections s ON s.id = c.section_id WHERE i.letter_id = ? AND c.by_reviewer = 1",
         {letter_id}, [&](const sql::Row& r) {
           items[r.integer(0)].citations.push_back({true, r.text(1), "", r.text(2), ""});
         });
  for (const auto& [id, item] : items) count_item(item, old, -1);
  s_.run("UPDATE corpus_letters SET is_current = 0 WHERE id = ?", {letter_id});
  s_.run("UPDATE corpus_items SET is_current = 0 WHERE letter_id = ?", {letter_id});
}

WriteOutcome Writer::write(const LetterRecord& l, const std::string& now) {
  if (s_.integer("SELECT id FROM corpus_letters WHERE case_number = ? AND content_sha256 = ?",
                 {l.case_number, l.content_sha256}, 0) != 0)
    return WriteOutcome::skipped;

  int64_t previous = 0;
  std::string previous_date;
  s_.run("SELECT id, decision_date FROM corpus_letters WHERE case_number = ? AND is_current = 1", {l.case_number},
         [&](const sql::Row& r) {
           previous = r.integer(0);
           previous_date = r.text(1);
         });
  // The later decision date is current; an undated version never displaces a dated one.
  const bool current = previous == 0 || l.decision_date >= previous_date;
  if (previous != 0 && current) retire(previous);

  const int64_t letter_id = s_.integer(
      "INSERT INTO corpus_letters (case_number, content_sha256, is_current, source_name, layout, decision_date, "
      "date_assigned, date_of_injury, ur_denial_date, application_received, year, priority, specialty, "
      "certifications, subspecialties, licensure, claimant_age, claimant_sex, item_count, letter_json, ingested_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {l.case_number, l.content_sha256, current, l.source_name, l.layout, l.decision_date, l.date_assigned,
       l.date_of_injury, l.ur_denial_date, l.application_received, l.year, l.priority, l.specialty, l.certifications,
       l.subspecialties, l.licensure, l.claimant_age, l.claimant_sex, static_cast<int>(l.items.size()), l.letter_json,
       now});
  const std::string specialty_key = filter_key(l.specialty);
  const bool sqlite = s_.dialect() == sql::Dialect::sqlite;
  for (const ItemRecord& it : l.items) {
    const int64_t item_id = s_.integer(
        "INSERT INTO corpus_items (letter_id, position, is_current, case_number, decision_date, year, priority, "
        "specialty, specialty_key, request, original_request, certified, modified, retrospective, date_of_service, "
        "kind, category, body_region, laterality, drug, drug_class, service, overturned) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {letter_id, it.position, current, l.case_number, l.decision_date, l.year, l.priority, l.specialty,
         specialty_key, it.request, it.original_request, it.certified, it.modified, it.retrospective,
         it.date_of_service, it.kind, it.category, it.body_region, it.laterality, it.drug, it.drug_class, it.service,
         it.overturned});
    s_.run("INSERT INTO corpus_item_texts (id, request, rationale) VALUES (?, ?, ?)", {item_id, it.request, it.rationale});
    if (sqlite && first_unindexed_item_ == 0) first_unindexed_item_ = item_id;
    for (const CitationRecord& c : it.citations)
      s_.run("INSERT INTO corpus_citations (item_id, by_reviewer, section_id, pages) VALUES (?, ?, ?, ?)",
             {item_id, c.by_reviewer, section_id(c), c.pages});
    if (current) count_item(it, l, +1);
  }
  return previous == 0 ? WriteOutcome::added : WriteOutcome::amended;
}

namespace {

// Rows of an upsert go several to a statement (one round trip to PostgreSQL for many).
constexpr size_t kRowsPerUpsert = 64;

// Adds counts to a rollup table: `keys` columns then items and overturned, upserted in
// statements of up to kRowsPerUpsert rows.
void upsert_counts(sql::Session& s, const std::string& table, const std::vector<std::string>& keys,
                   const std::vector<std::pair<std::vector<std::string>, std::pair<int64_t, int64_t>>>& rows) {
  std::string columns, one_row = "(";
  for (const std::string& k : keys) {
    columns += k + ", ";
    one_row += "?, ";
  }
  one_row += "?, ?)";
  for (size_t start = 0; start < rows.size(); start += kRowsPerUpsert) {
    const size_t n = std::min(kRowsPerUpsert, rows.size() - start);
    std::string sql = "INSERT INTO " + table + " (" + columns + "items, overturned) VALUES ";
    std::vector<sql::Param> params;
    for (size_t i = 0; i < n; ++i) {
      sql += (i ? ", " : "") + one_row;
      for (const std::string& v : rows[start + i].first) params.emplace_back(v);
      params.emplace_back(rows[start + i].second.first);
      params.emplace_back(rows[start + i].second.second);
    }
    std::string conflict;
    for (const std::string& k : keys) conflict += (conflict.empty() ? "" : ", ") + k;
    sql += " ON CONFLICT (" + conflict + ") DO UPDATE SET items = " + table + ".items + excluded.items, overturned = " +
           table + ".overturned + excluded.overturned";
    s.run(sql, params);
  }
}

}  // namespace

void Writer::flush() {
  if (first_unindexed_item_ != 0)
    s_.run("INSERT INTO corpus_items_fts (rowid, request, rationale) SELECT id, request, rationale "
           "FROM corpus_item_texts WHERE id >= ?",
           {first_unindexed_item_});
  first_unindexed_item_ = 0;
  std::vector<std::pair<std::vector<std::string>, std::pair<int64_t, int64_t>>> rows;
  for (const auto& [key, c] : rollup_)
    if (c.items != 0 || c.overturned != 0) rows.push_back({{key.first, key.second}, {c.items, c.overturned}});
  upsert_counts(s_, "corpus_rollup", {"dimension", "value"}, rows);
  rows.clear();
  for (const auto& [key, c] : pairs_)
    if (c.items != 0 || c.overturned != 0)
      rows.push_back({{std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key)}, {c.items, c.overturned}});
  upsert_counts(s_, "corpus_rollup_pairs", {"filter_dimension", "filter_value", "dimension", "value"}, rows);
  rollup_.clear();
  pairs_.clear();
}

}  // namespace imr::corpus
