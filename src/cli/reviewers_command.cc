// `imr reviewers import|list` — the reviewer registry in the case store.
#include <iostream>

#include <fmt/format.h>

#include "cli/service_setup.h"
#include "service/case_json.h"
#include "core/file.h"
#include "service/reviewer.h"

namespace imr::cli {

Action add_reviewers_command(CLI::App& app, const GlobalOptions& global) {
  auto* cmd = app.add_subcommand("reviewers", "The reviewer registry: import from a file, list");
  cmd->require_subcommand(1);
  struct Opts {
    ServiceOptions service;
    std::string file;
  };
  auto o = std::make_shared<Opts>();
  auto* import = cmd->add_subcommand("import", "Add or replace reviewers from a registry JSON file (docs/reviewers.md)");
  add_service_options(import, o->service);
  import->add_option("file", o->file, "Registry JSON")->required();
  auto* list = cmd->add_subcommand("list", "List the reviewers in the store");
  add_service_options(list, o->service);

  return [o, import, list, &global]() {
    ServiceHandle h = open_service(o->service, global);
    if (import->parsed()) {
      const size_t n = h.service->import_reviewers(read_file(o->file), o->file, h.actor);
      print(o->service, nlohmann::json{{"imported", n}}, fmt::format("Imported {} reviewers.\n", n));
      return kExitOk;
    }
    (void)list;
    nlohmann::json all = nlohmann::json::array();
    std::string text;
    for (const auto& r : h.service->reviewers()) {
      all.push_back(to_json(r));
      text += fmt::format("{:<10} {} {}\n", r.id, fmt::join(r.specialties, ", "),
                          r.subspecialties.empty() ? "" : "(" + fmt::format("{}", fmt::join(r.subspecialties, ", ")) + ")");
    }
    print(o->service, all, text);
    return kExitOk;
  };
}

}  // namespace imr::cli
