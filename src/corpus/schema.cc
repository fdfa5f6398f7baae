#include "corpus/schema.h"

#include <string>

#include "corpus/writer.h"

namespace imr::corpus {
namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
  return s;
}

// Common to both dialects; %ID% is the auto-increment key.
const char* kTables = R"SQL(
CREATE TABLE corpus_letters (
  id %ID%,
  case_number TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  is_current INTEGER NOT NULL,
  source_name TEXT NOT NULL,
  layout TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  date_assigned TEXT NOT NULL,
  date_of_injury TEXT NOT NULL,
  ur_denial_date TEXT NOT NULL,
  application_received TEXT NOT NULL,
  year INTEGER NOT NULL,
  priority TEXT NOT NULL,
  specialty TEXT NOT NULL,
  certifications TEXT NOT NULL,
  subspecialties TEXT NOT NULL,
  licensure TEXT NOT NULL,
  claimant_age INTEGER NOT NULL,
  claimant_sex TEXT NOT NULL,
  item_count INTEGER NOT NULL,
  letter_json TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  UNIQUE (case_number, content_sha256)
);
CREATE INDEX corpus_letters_current ON corpus_letters (case_number, is_current);
CREATE TABLE corpus_items (
  id %ID%,
  letter_id BIGINT NOT NULL REFERENCES corpus_letters (id),
  position INTEGER NOT NULL,
  is_current INTEGER NOT NULL,
  case_number TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  year INTEGER NOT NULL,
  priority TEXT NOT NULL,
  specialty TEXT NOT NULL,
  specialty_key TEXT NOT NULL,
  request TEXT NOT NULL,
  original_request TEXT NOT NULL,
  certified TEXT NOT NULL,
  modified INTEGER NOT NULL,
  retrospective INTEGER NOT NULL,
  date_of_service TEXT NOT NULL,
  kind TEXT NOT NULL,
  category TEXT NOT NULL,
  body_region TEXT NOT NULL,
  laterality TEXT NOT NULL,
  drug TEXT NOT NULL,
  drug_class TEXT NOT NULL,
  service TEXT NOT NULL,
  overturned INTEGER NOT NULL
);
CREATE INDEX corpus_items_letter ON corpus_items (letter_id);
CREATE INDEX corpus_items_newest ON corpus_items (decision_date, id);
CREATE INDEX corpus_items_category ON corpus_items (category, body_region, decision_date);
CREATE INDEX corpus_items_drug ON corpus_items (drug_class, drug, decision_date);
CREATE INDEX corpus_items_drug_name ON corpus_items (drug, decision_date);
CREATE INDEX corpus_items_specialty ON corpus_items (specialty_key, decision_date);
CREATE INDEX corpus_items_year ON corpus_items (year, category);
CREATE TABLE corpus_item_texts (
  id BIGINT PRIMARY KEY REFERENCES corpus_items (id),
  request TEXT NOT NULL,
  rationale TEXT NOT NULL
);
CREATE TABLE corpus_sections (
  id %ID%,
  family TEXT NOT NULL,
  guideline TEXT NOT NULL,
  section TEXT NOT NULL,
  section_key TEXT NOT NULL,
  label TEXT NOT NULL,
  UNIQUE (family, guideline, section)
);
CREATE TABLE corpus_citations (
  item_id BIGINT NOT NULL REFERENCES corpus_items (id),
  by_reviewer INTEGER NOT NULL,
  section_id BIGINT NOT NULL REFERENCES corpus_sections (id),
  pages TEXT NOT NULL
);
CREATE INDEX corpus_citations_item ON corpus_citations (item_id);
CREATE INDEX corpus_citations_section ON corpus_citations (section_id, by_reviewer, item_id);
CREATE TABLE corpus_rollup (
  dimension TEXT NOT NULL,
  value TEXT NOT NULL,
  items BIGINT NOT NULL,
  overturned BIGINT NOT NULL,
  PRIMARY KEY (dimension, value)
);
)SQL";

std::string sqlite_v1() {
  return replace_all(kTables, "%ID%", "INTEGER PRIMARY KEY") +
         "CREATE VIRTUAL TABLE corpus_items_fts USING fts5(request, rationale, content='corpus_item_texts', "
         "content_rowid='id', tokenize='porter unicode61');\n";
}

std::string postgres_v1() {
  return replace_all(kTables, "%ID%", "BIGSERIAL PRIMARY KEY") +
         "ALTER TABLE corpus_item_texts ADD COLUMN search tsvector GENERATED ALWAYS AS "
         "(setweight(to_tsvector('english', request), 'A') || to_tsvector('english', rationale)) STORED;\n"
         "CREATE INDEX corpus_item_texts_search ON corpus_item_texts USING GIN (search);\n";
}

// Version 2: the statistics rollup by pairs of dimensions (corpus/rollup.h) and by drug name,
// filled from the rows already stored (a store written by version 1), the same counts the
// writer keeps; and
// the index by kind of request covering what a count by kind reads (no row is visited); no
// index by specialty (its filter matches a part of the name, which no index can find).
std::string v2() {
  std::string out = R"SQL(
DROP INDEX IF EXISTS corpus_items_specialty;
DROP INDEX IF EXISTS corpus_items_category;
CREATE INDEX corpus_items_category ON corpus_items (category, body_region, decision_date, overturned, is_current);
CREATE TABLE corpus_rollup_pairs (
  filter_dimension TEXT NOT NULL,
  filter_value TEXT NOT NULL,
  dimension TEXT NOT NULL,
  value TEXT NOT NULL,
  items BIGINT NOT NULL,
  overturned BIGINT NOT NULL,
  PRIMARY KEY (filter_dimension, filter_value, dimension, value)
);
)SQL";
  // The value of each dimension, as the writer counts it, for corpus_items i.
  auto value_of = [](const std::string& dimension) -> std::string {
    if (dimension == "year") return "CASE WHEN i.year = 0 THEN '' ELSE CAST(i.year AS TEXT) END";
    return "i." + dimension;
  };
  out += "DELETE FROM corpus_rollup WHERE dimension = 'drug';\n"
         "INSERT INTO corpus_rollup SELECT 'drug', i.drug, COUNT(*), SUM(i.overturned) FROM corpus_items i "
         "WHERE i.is_current = 1 GROUP BY i.drug;\n";
  for (const char* f : kPairFilterDimensions)
    for (const char* d : kDimensions) {
      const std::string fd = f, dd = d;
      if (fd == dd || dd == "all") continue;
      if (dd == "section")
        out += "INSERT INTO corpus_rollup_pairs SELECT '" + fd + "', fv, 'section', g, COUNT(*), SUM(o) FROM "
               "(SELECT DISTINCT i.id, " + value_of(fd) + " AS fv, s.label AS g, i.overturned AS o FROM corpus_items i "
               "JOIN corpus_citations c ON c.item_id = i.id AND c.by_reviewer = 1 JOIN corpus_sections s ON "
               "s.id = c.section_id WHERE i.is_current = 1) t GROUP BY fv, g;\n";
      else
        out += "INSERT INTO corpus_rollup_pairs SELECT '" + fd + "', " + value_of(fd) + ", '" + dd + "', " +
               value_of(dd) + ", COUNT(*), SUM(i.overturned) FROM corpus_items i WHERE i.is_current = 1 GROUP BY " +
               value_of(fd) + ", " + value_of(dd) + ";\n";
    }
  return out;
}

}  // namespace

const std::vector<sql::Migration>& migrations() {
  static const std::vector<sql::Migration> steps = {
      {1, "corpus: letters, items, citations, rollup, full-text index", sqlite_v1(), postgres_v1()},
      {2, "corpus: statistics rollup by pairs of dimensions, covering index by kind", v2(), v2()},
  };
  return steps;
}

void migrate(sql::Database& db) {
  db.transact([&](sql::Session& s) { sql::run_migrations(s, "corpus_migrations", migrations(), db.shown()); });
}

std::unique_ptr<sql::Database> open_corpus(const std::string& location) {
  auto db = sql::open_database(location);
  migrate(*db);
  return db;
}

}  // namespace imr::corpus
