// `imr rules` — the coverage table printed from the loaded rule packs, so the
// documentation cannot drift from the data.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "assess/measures.h"
#include "cli/command.h"
#include "decide/engine.h"

namespace imr::cli {

Action add_rules_command(CLI::App& app, const GlobalOptions& global) {
  auto* cmd = app.add_subcommand("rules", "Print the loaded rule packs: topic, citations, criteria, facts used");
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("--format", *format, "text (markdown table) or json")->check(CLI::IsMember({"text", "json"}));
  return [format, &global]() {
    const auto k = load_knowledge(data_dir(global));
    if (*format == "json") {
      nlohmann::json packs = nlohmann::json::array();
      for (const auto& p : k->rules.packs()) {
        nlohmann::json crit = nlohmann::json::array();
        for (const auto& c : p.criteria)
          crit.push_back({{"id", c.id},         {"title", c.title},       {"measure", c.measure},
                          {"role", to_string(c.role)}, {"group", c.group}, {"phase", c.phase},
                          {"citation", c.citation}, {"looked_for", c.looked_for}});
        nlohmann::json cites = nlohmann::json::array();
        for (const auto& c : p.citations)
          cites.push_back({{"id", c.id}, {"family", c.family}, {"section", c.section}, {"pages", c.pages}});
        packs.push_back({{"id", p.id}, {"topic", p.topic}, {"title", p.title}, {"version", p.version},
                         {"effective_from", p.effective_from.iso()},
                         {"effective_to", p.effective_to ? nlohmann::json(p.effective_to->iso()) : nlohmann::json(nullptr)},
                         {"file", p.file}, {"citations", cites}, {"criteria", crit}});
      }
      std::cout << nlohmann::json{{"rules_version", k->rules.version()}, {"packs", packs}}.dump(2) << "\n";
      return kExitOk;
    }
    std::cout << "Rule packs, version " << k->rules.version() << "\n\n";
    std::cout << "| topic | citation | criterion | role | phase | facts used |\n";
    std::cout << "|---|---|---|---|---|---|\n";
    for (const auto& p : k->rules.packs()) {
      for (const auto& c : p.criteria) {
        const GuidelineCitation* g = p.citation(c.citation);
        const std::string cite = g ? fmt::format("{} {}{}", g->family, g->section, g->pages.empty() ? "" : " p. " + g->pages) : c.citation;
        const MeasureContract* m = find_measure(c.measure);
        const std::string role = c.role == Role::kIndication && c.group != c.id
                                     ? fmt::format("indication ({})", c.group)
                                     : std::string(to_string(c.role));
        std::cout << fmt::format("| {} | {} | {} | {} | {} | {}: {} |\n", p.topic, cite, c.title,
                                 p.companion ? "advice" : role, c.phase, c.measure, m ? m->description : "");
      }
    }
    return kExitOk;
  };
}

}  // namespace imr::cli
