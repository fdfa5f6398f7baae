#include "eval/eval_report.h"

#include <fmt/format.h>

#include <filesystem>

namespace imr {
namespace {

std::string word(std::optional<Decision> d) { return d ? to_string(*d) : "no rule"; }

std::string pct(std::optional<double> v) { return v ? fmt::format("{:.1f}%", *v * 100) : "n/a"; }

std::string num(std::optional<double> v) { return v ? fmt::format("{:.3f}", *v) : "n/a"; }

nlohmann::json optional_json(std::optional<double> v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json totals_json(const EvalTotals& t) {
  return nlohmann::json{
      {"items", t.items},
      {"decided", t.decided},
      {"no_rule", t.no_rule},
      {"coverage", t.coverage},
      {"agree", t.agree},
      {"agreement", t.agreement},
      {"agree_among_decided", t.agree_decided},
      {"reviewer_overturned", t.reviewer_overturned()},
      {"engine_overturned", t.engine_overturned()},
      {"confusion",
       {{"reviewer_upheld", {{"engine_upheld", t.confusion[0][0]}, {"engine_overturned", t.confusion[0][1]}}},
        {"reviewer_overturned", {{"engine_upheld", t.confusion[1][0]}, {"engine_overturned", t.confusion[1][1]}}}}},
      {"overturn_recall", optional_json(t.overturn_recall)},
      {"overturn_precision", optional_json(t.overturn_precision)},
      {"kappa", optional_json(t.kappa)},
      {"citation_checked", t.citation_checked},
      {"citation_agree", t.citation_agree}};
}

std::string ratio(int a, int b) { return b ? fmt::format("{}/{}", a, b) : "-"; }

}  // namespace

std::string render_eval_text(const EvalReport& r) {
  std::string out = fmt::format("{:<24} {:<44} {:<10} {:<10} {:<5} {}\n", "letter", "request",
                                "reviewer", "engine", "agree", "MTUS section (reviewer -> engine)");
  for (const auto& e : r.items) {
    std::string cite = e.citation_match ? (*e.citation_match ? "match" : "MISS") : "n/a";
    std::string rs, es;
    for (const auto& s : e.reviewer_mtus_sections) rs += (rs.empty() ? "" : "; ") + s;
    for (const auto& s : e.engine_mtus_sections) es += (es.empty() ? "" : "; ") + s;
    std::string req = e.request.size() > 43 ? e.request.substr(0, 40) + "..." : e.request;
    out += fmt::format("{:<24} {:<44} {:<10} {:<10} {:<5} {}: {} -> {}\n",
                       std::filesystem::path(e.file).filename().string().substr(0, 23), req,
                       to_string(e.reviewer), word(e.engine), e.agree ? "yes" : "NO", cite, rs, es);
  }
  const EvalTotals& t = r.totals;
  out += "\n";
  out += fmt::format("Every figure is over all {} disputed items; an item the engine did not decide (no rule)\n"
                     "counts as not overturned.\n", t.items);
  out += fmt::format("coverage {}/{} decided = {}  ({} no rule)\n", t.decided, t.items,
                     pct(t.items ? std::optional<double>(t.coverage) : std::nullopt), t.no_rule);
  out += fmt::format("agreement {}/{} = {}  (among decided items {}/{})\n", t.agree, t.items,
                     pct(t.items ? std::optional<double>(t.agreement) : std::nullopt), t.agree_decided, t.decided);
  out += "confusion (rows reviewer, columns engine; no rule counted as upheld):\n";
  out += "                      engine upheld  engine overturned\n";
  out += fmt::format("  reviewer upheld     {:>8}        {:>8}\n", t.confusion[0][0], t.confusion[0][1]);
  out += fmt::format("  reviewer overturned {:>8}        {:>8}\n", t.confusion[1][0], t.confusion[1][1]);
  out += fmt::format("overturn recall {} ({})  precision {} ({})\n", pct(t.overturn_recall),
                     ratio(t.confusion[1][1], t.reviewer_overturned()), pct(t.overturn_precision),
                     ratio(t.confusion[1][1], t.engine_overturned()));
  out += fmt::format("Cohen's kappa {}{}\n", num(t.kappa),
                     t.kappa ? "" : " (undefined: every decision falls in one class)");
  out += fmt::format("citation agreement (same MTUS section) {}/{}\n", t.citation_agree, t.citation_checked);
  out += "\nby category (the letter item's kind of request):\n";
  out += fmt::format("  {:<30} {:>5} {:>8} {:>9} {:>9} {:>9}\n", "category", "items", "decided", "agree",
                     "rev. ovt", "eng. ovt");
  for (const auto& [category, c] : r.by_category)
    out += fmt::format("  {:<30} {:>5} {:>8} {:>9} {:>9} {:>9}\n", category, c.items, c.decided,
                       ratio(c.agree, c.items), c.reviewer_overturned(), c.engine_overturned());
  return out;
}

nlohmann::json to_json(const EvalReport& r) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : r.items) {
    nlohmann::json j{{"file", e.file},
                     {"request", e.request},
                     {"category", e.category},
                     {"body_region", e.body_region},
                     {"topic", e.topic},
                     {"decided_by", e.decided_by},
                     {"reviewer", to_string(e.reviewer)},
                     {"engine", e.engine ? nlohmann::json(to_string(*e.engine)) : nlohmann::json(nullptr)},
                     {"agree", e.agree},
                     {"reviewer_mtus_sections", e.reviewer_mtus_sections},
                     {"engine_mtus_sections", e.engine_mtus_sections}};
    j["citation_match"] = e.citation_match ? nlohmann::json(*e.citation_match) : nlohmann::json(nullptr);
    items.push_back(std::move(j));
  }
  nlohmann::json categories = nlohmann::json::object();
  for (const auto& [category, t] : r.by_category) categories[category] = totals_json(t);
  return nlohmann::json{{"scoring", "every figure over all items; an item not decided counts as not overturned"},
                        {"items", items},
                        {"totals", totals_json(r.totals)},
                        {"by_category", categories}};
}

}  // namespace imr
