// The corpus tables, as migrations under their own bookkeeping table ("corpus_migrations"),
// on the same database as the case store (store/sql.h). One row per letter version
// (corpus_letters), per item (corpus_items: narrow, with the letter's filter fields copied so
// a search or a count reads one table; its texts apart in corpus_item_texts), per guideline
// citation (corpus_citations); the full-text index over each item's request and rationale is
// the dialect's own: an FTS5 table over corpus_item_texts (SQLite), a generated tsvector
// column there with a GIN index (PostgreSQL).
// Counts for statistics are kept beside the rows (corpus_rollup, corpus_rollup_pairs: see
// corpus/rollup.h), in the same transaction.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/sql.h"

namespace imr::corpus {

const std::vector<sql::Migration>& migrations();

// Runs the migrations (idempotent); call once per process before using the tables.
void migrate(sql::Database& db);

// Opens the database at `location` (sql::open_database: a SQLite path or a postgresql://
// URL) with the corpus tables ready. StoreError naming the location otherwise.
std::unique_ptr<sql::Database> open_corpus(const std::string& location);

}  // namespace imr::corpus
