#include "corpus/writer.h"

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

void Writer::count(const std::string& dimension, const std::string& value, int sign, bool overturned) {
  Count& c = rollup_[{dimension, value}];
  c.items += sign;
  if (overturned) c.overturned += sign;
}

void Writer::count_item(const ItemRecord& item, const LetterRecord& letter, int sign) {
  const bool o = item.overturned;
  count("all", "", sign, o);
  count("category", item.category, sign, o);
  count("body_region", item.body_region, sign, o);
  count("drug_class", item.drug_class, sign, o);
  count("specialty", letter.specialty, sign, o);
  count("year", letter.year ? std::to_string(letter.year) : "", sign, o);
  count("priority", letter.priority, sign, o);
  std::set<std::string> sections;
  for (const CitationRecord& c : item.citations)
    if (c.by_reviewer) sections.insert(section_label(c.family, c.section));
  for (const std::string& s : sections) count("section", s, sign, o);
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
  s_.run("SELECT id, category, body_region, drug_class, overturned FROM corpus_items WHERE letter_id = ?", {letter_id},
         [&](const sql::Row& r) {
           ItemRecord& it = items[r.integer(0)];
           it.category = r.text(1);
           it.body_region = r.text(2);
           it.drug_class = r.text(3);
           it.overturned = r.flag(4);
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
    if (sqlite)
      s_.run("INSERT INTO corpus_items_fts (rowid, request, rationale) VALUES (?, ?, ?)",
             {item_id, it.request, it.rationale});
    for (const CitationRecord& c : it.citations)
      s_.run("INSERT INTO corpus_citations (item_id, by_reviewer, section_id, pages) VALUES (?, ?, ?, ?)",
             {item_id, c.by_reviewer, section_id(c), c.pages});
    if (current) count_item(it, l, +1);
  }
  return previous == 0 ? WriteOutcome::added : WriteOutcome::amended;
}

void Writer::flush() {
  for (const auto& [key, c] : rollup_) {
    if (c.items == 0 && c.overturned == 0) continue;
    s_.run("INSERT INTO corpus_rollup (dimension, value, items, overturned) VALUES (?, ?, ?, ?) "
           "ON CONFLICT (dimension, value) DO UPDATE SET items = corpus_rollup.items + excluded.items, "
           "overturned = corpus_rollup.overturned + excluded.overturned",
           {key.first, key.second, c.items, c.overturned});
  }
  rollup_.clear();
}

}  // namespace imr::corpus
