#include "eval/eval.h"

#include <cctype>
#include <set>

#include "core/text.h"

namespace imr {
namespace {

// "Opioids, 4) On-Going Management" -> "opioid"; "Carisoprodol (Soma)" -> "carisoprodol".
std::string topic_key(const std::string& section) {
  std::string word;
  for (char c : section) {
    if (std::isalpha(static_cast<unsigned char>(c))) word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!word.empty()) break;
  }
  if (word.size() > 3 && word.back() == 's') word.pop_back();
  return word;
}

std::set<int> pages_of(const std::string& pages) {
  std::set<int> out;
  for (const auto& part : split(pages, ',')) {
    const std::string p(trim(part));
    const auto dash = p.find('-');
    try {
      if (dash == std::string::npos) {
        if (!p.empty()) out.insert(std::stoi(p));
      } else {
        const int a = std::stoi(p.substr(0, dash)), b = std::stoi(p.substr(dash + 1));
        for (int i = a; i <= b && i - a < 200; ++i) out.insert(i);
      }
    } catch (const std::exception&) {
      // Not a page number; ignored.
    }
  }
  return out;
}

bool is_mtus(const Citation& c) {
  return icontains(c.source, "MTUS") && !icontains(c.source, "Non-MTUS");
}

std::string describe(const std::string& section, const std::string& pages) {
  std::string s = section.empty() ? "(no section)" : section;
  if (!pages.empty()) s += " p. " + pages;
  return s;
}

int index_of(Decision d) { return d == Decision::kUpheld ? 0 : 1; }

}  // namespace

bool same_section(const Citation& reviewer, const EngineCitation& engine) {
  if (engine.non_mtus) return false;
  const std::string a = topic_key(reviewer.section), b = topic_key(engine.section);
  if (!a.empty() && a == b) return true;
  const std::set<int> pa = pages_of(reviewer.pages), pb = pages_of(engine.pages);
  for (int p : pa)
    if (pb.count(p)) return true;
  return false;
}

std::vector<EvalItem> compare_letter(const Letter& letter, const Review& review) {
  std::vector<EvalItem> out;
  for (size_t i = 0; i < letter.items.size() && i < review.items.size(); ++i) {
    const LetterItem& li = letter.items[i];
    const Determination& d = review.items[i];
    EvalItem e;
    e.file = letter.file;
    e.request = li.request;
    e.category = li.category;
    e.body_region = li.body_region;
    e.topic = d.no_rule ? "" : d.topic;
    e.reviewer = li.decision;
    e.engine = d.decision;
    e.agree = d.decision && *d.decision == li.decision;
    for (const auto& c : d.criteria)
      if (c.decided) e.decided_by.push_back(c.id);
    for (const auto& c : d.citations)
      if (!c.non_mtus) e.engine_mtus_sections.push_back(describe(c.section, c.pages));
    bool any_mtus = false, matched = false;
    for (const auto& rc : li.reviewer_citations) {
      if (!is_mtus(rc)) continue;
      any_mtus = true;
      e.reviewer_mtus_sections.push_back(describe(rc.section, rc.pages));
      for (const auto& ec : d.citations) matched |= same_section(rc, ec);
    }
    if (any_mtus) e.citation_match = matched;
    out.push_back(std::move(e));
  }
  return out;
}

EvalTotals summarize(const std::vector<EvalItem>& items) {
  EvalTotals t;
  for (const auto& e : items) {
    ++t.items;
    if (e.engine) {
      ++t.decided;
      t.agree_decided += e.agree;
    } else {
      ++t.no_rule;
    }
    const bool agree = e.scored() == e.reviewer;
    t.agree += agree;
    ++t.confusion[index_of(e.reviewer)][index_of(e.scored())];
    if (e.citation_match) {
      ++t.citation_checked;
      t.citation_agree += *e.citation_match;
    }
  }
  if (t.items) {
    const double n = t.items;
    t.coverage = t.decided / n;
    t.agreement = t.agree / n;
    const double r_up = (t.confusion[0][0] + t.confusion[0][1]) / n;
    const double e_up = (t.confusion[0][0] + t.confusion[1][0]) / n;
    const double pe = r_up * e_up + (1 - r_up) * (1 - e_up);
    // Kappa is undefined when chance agreement is total (every item in one class).
    if (pe < 1.0) t.kappa = (t.agreement - pe) / (1 - pe);
  }
  if (t.reviewer_overturned())
    t.overturn_recall = static_cast<double>(t.confusion[1][1]) / t.reviewer_overturned();
  if (t.engine_overturned())
    t.overturn_precision = static_cast<double>(t.confusion[1][1]) / t.engine_overturned();
  return t;
}

EvalReport make_report(std::vector<EvalItem> items) {
  EvalReport r;
  std::map<std::string, std::vector<EvalItem>> groups;
  for (const auto& e : items) groups[e.category.empty() ? "(unknown)" : e.category].push_back(e);
  for (const auto& [category, group] : groups) r.by_category[category] = summarize(group);
  r.totals = summarize(items);
  r.items = std::move(items);
  return r;
}

}  // namespace imr
