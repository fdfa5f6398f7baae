// `imr rules` — the coverage table printed from the loaded rule packs, so the
// documentation cannot drift from the data.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "assess/measures.h"
#include "cli/command.h"
#include "decide/engine.h"

namespace imr::cli {
namespace {

// The measure catalog from the contracts themselves, so docs/measures.md cannot drift.
void print_measures(const Knowledge& k, bool json) {
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : all_measures()) {
      nlohmann::json args = nlohmann::json::array(), outcomes = nlohmann::json::array(), reads = nlohmann::json::array();
      for (const auto& a : m.args)
        args.push_back({{"name", a.name}, {"type", to_string(a.type)}, {"required", a.required}, {"domain", a.domain},
                        {"doc", a.doc}});
      for (const auto& o : m.outcomes) {
        nlohmann::json fills = nlohmann::json::array();
        for (const char* f : o.fills) fills.push_back(f);
        outcomes.push_back({{"state", to_string(o.state)}, {"reason", o.reason}, {"fills", fills},
                            {"only_if", o.only_if}, {"detail", k.phrases.phrase(m.name, o.reason)}});
      }
      for (FactKind f : m.reads) reads.push_back(to_string(f));
      out.push_back({{"name", m.name}, {"description", m.description}, {"args", args}, {"outcomes", outcomes},
                     {"reads", reads}});
    }
    std::cout << out.dump(2) << "\n";
    return;
  }
  for (const auto& m : all_measures()) {
    std::cout << "### `" << m.name << "`\n\n" << m.description << ".\n\n";
    if (!m.reads.empty()) {
      std::cout << "Reads:";
      for (FactKind f : m.reads) std::cout << " `" << to_string(f) << "`";
      std::cout << "\n\n";
    }
    if (!m.args.empty()) {
      std::cout << "| argument | type | required | codes from | meaning |\n|---|---|---|---|---|\n";
      for (const auto& a : m.args)
        std::cout << fmt::format("| `{}` | {} | {} | {} | {} |\n", a.name, to_string(a.type), a.required ? "yes" : "no",
                                 *a.domain ? fmt::format("`{}`", a.domain) : "", a.doc);
      std::cout << "\n";
    }
    std::cout << "| state | reason | fills | {detail} |\n|---|---|---|---|\n";
    for (const auto& o : m.outcomes) {
      std::string fills;
      for (const char* f : o.fills) fills += (fills.empty() ? "" : " ") + fmt::format("`{{{}}}`", f);
      std::string reason = fmt::format("`{}`", o.reason);
      if (*o.only_if) reason += fmt::format(" (when `{}`)", o.only_if);
      std::cout << fmt::format("| {} | {} | {} | {} |\n", to_string(o.state), reason, fills,
                               k.phrases.phrase(m.name, o.reason));
    }
    std::cout << "\n";
  }
}

}  // namespace

Action add_rules_command(CLI::App& app, const GlobalOptions& global) {
  auto* cmd = app.add_subcommand("rules", "Print the loaded rule packs: topic, citations, criteria, facts used");
  auto format = std::make_shared<std::string>("text");
  auto measures = std::make_shared<bool>(false);
  cmd->add_option("--format", *format, "text (markdown table) or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--measures", *measures, "Print the measure catalog: each measure's arguments, outcomes and facts read");
  return [format, measures, &global]() {
    const auto k = load_knowledge(data_dir(global));
    if (*measures) {
      print_measures(*k, *format == "json");
      return kExitOk;
    }
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
