#include "corpus/precedents.h"

#include <cctype>
#include <set>

#include "core/text.h"
#include "intake/request.h"

namespace imr::corpus {
namespace {

// The words of a request that say what it is: no numbers, no words of one or two letters,
// none of the quantity and frequency words every request has.
std::string telling_words(const std::string& request) {
  static const std::set<std::string> kCommon = {"with", "without", "times", "week", "weeks", "daily", "visits",
                                                "sessions", "tablet", "tablets", "each", "that", "this", "from",
                                                "request", "qty", "quantity", "refills", "unknown", "the", "and", "for", "per"};
  std::string out, word;
  auto end_word = [&] {
    bool digit = false;
    for (char c : word) digit = digit || std::isdigit(static_cast<unsigned char>(c));
    if (word.size() > 2 && !digit && !kCommon.count(word)) out += (out.empty() ? "" : " ") + word;
    word.clear();
  };
  for (char c : request) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else
      end_word();
  }
  end_word();
  return out;
}

// A drug's generic name and its brands, as words.
std::string drug_names(const Drug& drug) {
  std::string names = drug.generic;
  for (const std::string& brand : drug.brands) names += " " + brand;
  return names;
}

}  // namespace

Precedents find_precedents(sql::Database& db, const std::string& request, const DrugTable& drugs,
                           const ServiceTable& services, int limit, const std::string& exclude_case) {
  Precedents p;
  p.request = request;
  const ParsedRequest parsed = parse_request(request, drugs, services);
  p.category = parsed.topic();
  p.body_region = parsed.body_region;

  Filter kind;
  kind.category = p.category;
  // A request of unknown kind is compared by its words only, not counted with every other.
  if (!p.category.empty()) {
    kind.body_region = p.body_region;
    p.rate = stats(db, kind, "body_region").total;  // from the rollup within the category
  }
  SearchOptions o;
  o.filter = kind;
  o.filter.text = telling_words(request);
  o.by_relevance = true;
  o.limit = limit + 5;  // room for the excluded case's own items
  o.count_total = false;
  if (o.filter.text.empty()) {
    o.filter.text.clear();
    o.by_relevance = false;
    if (p.category.empty()) return p;  // no kind and no words: nothing to compare with
  }
  // Items with every telling word when there are enough of them, else with any of them or of
  // the drug's other names (a letter on "Flexeril" is a precedent for "cyclobenzaprine").
  SearchResult found = search(db, o);
  if (!o.filter.text.empty() && static_cast<int>(found.hits.size()) < o.limit) {
    o.filter.any_word = true;
    if (parsed.drug) o.filter.text = telling_words(request + " " + drug_names(*parsed.drug));
    found = search(db, o);
  }
  for (SearchHit& h : found.hits) {
    if (!exclude_case.empty() && h.case_number == exclude_case) continue;
    if (static_cast<int>(p.similar.size()) < limit) p.similar.push_back(std::move(h));
  }
  return p;
}

}  // namespace imr::corpus
