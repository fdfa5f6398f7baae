#include "eval/eval_report.h"

#include <fmt/format.h>

#include <filesystem>

namespace imr {
namespace {

std::string word(std::optional<Decision> d) { return d ? to_string(*d) : "no rule"; }

std::string pct(std::optional<double> v) { return v ? fmt::format("{:.1f}%", *v * 100) : "n/a"; }

std::string num(std::optional<double> v) { return v ? fmt::format("{:.3f}", *v) : "n/a"; }

nlohmann::json totals_json(const EvalTotals& t) {
  nlohmann::json j{{"items", t.items},
                   {"decided", t.decided},
                   {"no_rule", t.no_rule},
                   {"agree", t.agree},
                   {"agreement", t.agreement},
                   {"confusion", {{"reviewer_upheld", {{"engine_upheld", t.confusion[0][0]}, {"engine_overturned", t.confusion[0][1]}}},
                                  {"reviewer_overturned", {{"engine_upheld", t.confusion[1][0]}, {"engine_overturned", t.confusion[1][1]}}}}},
                   {"citation_checked", t.citation_checked},
                   {"citation_agree", t.citation_agree}};
  j["overturn_recall"] = t.overturn_recall ? nlohmann::json(*t.overturn_recall) : nlohmann::json(nullptr);
  j["kappa"] = t.kappa ? nlohmann::json(*t.kappa) : nlohmann::json(nullptr);
  return j;
}

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
  out += fmt::format("items {}  decided {}  no rule {}\n", t.items, t.decided, t.no_rule);
  out += fmt::format("agreement {}/{} = {}\n", t.agree, t.decided, pct(t.decided ? std::optional<double>(t.agreement) : std::nullopt));
  out += fmt::format("confusion (rows reviewer, columns engine):\n");
  out += fmt::format("                 engine upheld  engine overturned\n");
  out += fmt::format("  reviewer upheld     {:>6}        {:>6}\n", t.confusion[0][0], t.confusion[0][1]);
  out += fmt::format("  reviewer overturned {:>6}        {:>6}\n", t.confusion[1][0], t.confusion[1][1]);
  out += fmt::format("overturn recall {}\n", pct(t.overturn_recall));
  out += fmt::format("Cohen's kappa {}{}\n", num(t.kappa),
                     t.kappa ? "" : " (undefined: every decision falls in one class)");
  out += fmt::format("citation agreement (same MTUS section) {}/{}\n", t.citation_agree, t.citation_checked);
  out += "\nby topic:\n";
  for (const auto& [topic, tt] : r.by_topic)
    out += fmt::format("  {:<20} items {:>3}  agree {:>3}/{:<3}  no rule {:>3}  citations {}/{}\n", topic,
                       tt.items, tt.agree, tt.decided, tt.no_rule, tt.citation_agree, tt.citation_checked);
  return out;
}

nlohmann::json to_json(const EvalReport& r) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : r.items) {
    nlohmann::json j{{"file", e.file},
                     {"request", e.request},
                     {"topic", e.topic},
                     {"reviewer", to_string(e.reviewer)},
                     {"engine", e.engine ? nlohmann::json(to_string(*e.engine)) : nlohmann::json(nullptr)},
                     {"agree", e.agree},
                     {"reviewer_mtus_sections", e.reviewer_mtus_sections},
                     {"engine_mtus_sections", e.engine_mtus_sections}};
    j["citation_match"] = e.citation_match ? nlohmann::json(*e.citation_match) : nlohmann::json(nullptr);
    items.push_back(std::move(j));
  }
  nlohmann::json topics = nlohmann::json::object();
  for (const auto& [topic, t] : r.by_topic) topics[topic] = totals_json(t);
  return nlohmann::json{{"items", items}, {"totals", totals_json(r.totals)}, {"by_topic", topics}};
}

}  // namespace imr
