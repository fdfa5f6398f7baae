#include "corpus/query.h"

#include <cctype>

#include "core/date.h"
#include "core/error.h"
#include "corpus/record.h"

namespace imr::corpus {

bool Filter::unconstrained() const {
  return text.empty() && category.empty() && body_region.empty() && drug.empty() && decision.empty() &&
         specialty.empty() && guideline.empty() && section.empty() && priority.empty() && from.empty() &&
         to.empty() && !year && !all_versions;
}

void validate(const Filter& f) {
  const std::string decision = filter_key(f.decision);
  if (!decision.empty() && decision != "upheld" && decision != "overturned")
    throw InputError("--decision", "must be upheld or overturned, not '" + f.decision + "'");
  const std::string priority = filter_key(f.priority);
  if (!priority.empty() && priority != "standard" && priority != "expedited")
    throw InputError("--priority", "must be standard or expedited, not '" + f.priority + "'");
  for (const auto& [name, value] : {std::pair{"--from", f.from}, std::pair{"--to", f.to}}) {
    if (value.empty()) continue;
    const auto d = parse_date(value);
    if (!d || d->iso() != value) throw InputError(name, "must be a date YYYY-MM-DD, not '" + value + "'");
  }
  if (!f.text.empty()) fts_query(f.text);
}

std::string fts_query(std::string_view text, bool any_word) {
  // Terms: words (letters and digits) and "quoted phrases"; everything else separates them.
  std::vector<std::string> terms;
  std::string word;
  bool in_phrase = false;
  std::string phrase;
  auto end_word = [&] {
    if (word.empty()) return;
    if (in_phrase)
      phrase += (phrase.empty() ? "" : " ") + word;
    else
      terms.push_back(word);
    word.clear();
  };
  for (char c : text) {
    if (c == '"') {
      end_word();
      if (in_phrase && !phrase.empty()) terms.push_back(phrase);
      phrase.clear();
      in_phrase = !in_phrase;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      end_word();
    }
  }
  end_word();
  if (in_phrase && !phrase.empty()) terms.push_back(phrase);
  if (terms.empty()) throw InputError("search", "the text '" + std::string(text) + "' has no word to look for");
  std::string out;
  for (const std::string& t : terms) {
    if (!out.empty()) out += any_word ? " OR " : " ";
    // Terms hold only letters, digits and spaces: quoting them is enough for both.
    out += '"' + t + '"';
  }
  return out;
}

Where build_where(const Filter& f, sql::Dialect dialect, bool text_as_subquery) {
  Where w;
  std::vector<std::string> parts;
  auto add = [&](std::string condition, std::vector<sql::Param> params) {
    parts.push_back(std::move(condition));
    for (auto& p : params) w.params.push_back(std::move(p));
  };
  if (!f.text.empty() && text_as_subquery) {
    w.from = "corpus_items i";
    // Unary plus (SQLite): a set to look items up in, never the way to find them.
    if (dialect == sql::Dialect::sqlite)
      add("+i.id IN (SELECT rowid FROM corpus_items_fts WHERE corpus_items_fts MATCH ?)", {fts_query(f.text, f.any_word)});
    else
      add("i.id IN (SELECT id FROM corpus_item_texts WHERE search @@ websearch_to_tsquery('english', ?))",
          {fts_query(f.text, f.any_word)});
  } else if (!f.text.empty()) {
    if (dialect == sql::Dialect::sqlite) {
      // CROSS JOIN: SQLite reads the full-text matches first (it would otherwise walk every item).
      w.from = "corpus_items_fts f CROSS JOIN corpus_items i ON i.id = f.rowid";
      add("corpus_items_fts MATCH ?", {fts_query(f.text, f.any_word)});
    } else {
      w.from = "corpus_item_texts t JOIN corpus_items i ON i.id = t.id";
      add("t.search @@ websearch_to_tsquery('english', ?)", {fts_query(f.text, f.any_word)});
    }
  } else {
    w.from = "corpus_items i";
  }
  // Almost every item is current: SQLite must not drive a query from this term (the unary
  // plus keeps it off any index); PostgreSQL estimates it from its statistics.
  if (!f.all_versions) add(dialect == sql::Dialect::sqlite ? "+i.is_current = 1" : "i.is_current = 1", {});
  if (!f.category.empty()) add("i.category = ?", {filter_key(f.category)});
  if (!f.body_region.empty()) add("i.body_region = ?", {filter_key(f.body_region)});
  if (!f.drug.empty()) {
    const std::string d = filter_key(f.drug);
    add("(i.drug_class = ? OR i.drug = ?)", {d, d});
  }
  if (!f.decision.empty()) add("i.overturned = ?", {filter_key(f.decision) == "overturned"});
  if (!f.specialty.empty()) add("i.specialty_key LIKE ?", {"%" + filter_key(f.specialty) + "%"});
  if (!f.priority.empty()) add("i.priority = ?", {filter_key(f.priority)});
  if (!f.from.empty()) add("i.decision_date >= ?", {f.from});
  if (!f.to.empty()) add("i.decision_date <= ? AND i.decision_date <> ''", {f.to});
  if (f.year) add("i.year = ?", {*f.year});
  if (!f.guideline.empty() || !f.section.empty()) {
    // The few matching sections first, then their items (an IN list both engines drive from).
    std::string c = "i.id IN (SELECT c.item_id FROM corpus_citations c WHERE c.by_reviewer = 1 AND c.section_id IN "
                    "(SELECT s.id FROM corpus_sections s WHERE 1 = 1";
    std::vector<sql::Param> ps;
    if (!f.guideline.empty()) {
      const std::string g = filter_key(f.guideline);
      c += " AND (lower(s.family) = ? OR lower(s.guideline) LIKE ?)";
      ps.push_back(g);
      ps.push_back("%" + g + "%");
    }
    if (!f.section.empty()) {
      c += " AND s.section_key LIKE ?";
      ps.push_back("%" + filter_key(f.section) + "%");
    }
    add(c + "))", std::move(ps));
  }
  for (size_t i = 0; i < parts.size(); ++i) w.condition += (i ? " AND " : "") + parts[i];
  if (w.condition.empty()) w.condition = "1 = 1";
  return w;
}

}  // namespace imr::corpus
