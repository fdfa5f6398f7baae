// `imr request TEXT...`: parses each disputed request as written and prints it as JSON
// (one object for one request, an array for several). An unknown drug, or text that is
// neither a drug nor a service, is an input error (exit 1).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/error.h"
#include "intake/drug_table.h"
#include "intake/request.h"
#include "intake/request_json.h"
#include "intake/request_services.h"

namespace imr::cli {

Action add_request_command(CLI::App& app, const GlobalOptions& global) {
  auto* sub = app.add_subcommand("request", "Parse disputed requests and print them as JSON");
  auto texts = std::make_shared<std::vector<std::string>>();
  sub->add_option("text", *texts, "Request as written, e.g. \"Norco 10/325mg one PO q 4-6H #180\"")
      ->required();
  return [texts, &global] {
    const std::string dir = data_dir(global);
    const DrugTable drugs = DrugTable::load(dir + "/drugs.yaml");
    const ServiceTable services = ServiceTable::load(dir + "/services.yaml", dir + "/body_regions.yaml");
    nlohmann::json out = nlohmann::json::array();
    for (const auto& text : *texts) {
      const ParsedRequest r = parse_request(text, drugs, services);
      if (r.kind == ParsedRequest::Kind::kUnknown) {
        if (!r.name_as_written.empty())
          throw InputError("", "unknown drug '" + r.name_as_written + "' in request '" + r.text + "'");
        throw InputError("", "not a recognised drug or service in request '" + r.text + "'");
      }
      out.push_back(to_json(r));
    }
    std::cout << (out.size() == 1 ? out[0] : out).dump(2) << "\n";
    return kExitOk;
  };
}

}  // namespace imr::cli
