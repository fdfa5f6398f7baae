#include "decide/engine.h"

#include <algorithm>
#include <filesystem>

#include "assess/assess.h"
#include "assess/fact_query.h"
#include "core/error.h"
#include "core/text.h"
#include "decide/rationale.h"
#include "extract/extract.h"
#include "letters/letter.h"

namespace imr {
namespace {

EngineCitation to_engine(const GuidelineCitation& g) {
  return EngineCitation{g.family, g.document, g.section, g.pages, g.non_mtus};
}

void add_citation(std::vector<EngineCitation>& out, const EngineCitation& c) {
  if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
}

// MTUS first, then the non-MTUS supplements, each in the order the pack lists them.
void order_citations(std::vector<EngineCitation>& cites) {
  std::stable_partition(cites.begin(), cites.end(),
                        [](const EngineCitation& c) { return !c.non_mtus; });
}

const UrItem* matching_ur_item(const Case& c, const ParsedRequest& req, const DrugTable& drugs) {
  if (!c.ur) return nullptr;
  for (const auto& item : c.ur->items)
    if (iequals(trim(item.request), trim(req.text))) return &item;
  if (!req.drug) return nullptr;
  for (const auto& item : c.ur->items) {
    const ParsedRequest p = parse_request(item.request, drugs);
    if (p.drug == req.drug) return &item;
  }
  return nullptr;
}

// One sentence tying the draft to the record: the latest mention of the drug and the
// latest pain score, each with its date.
std::string record_basis(const ItemContext& ctx) {
  std::string out;
  const Fact* use = nullptr;
  if (ctx.request.drug)
    for (const Fact* f : medication_use(ctx, "", ctx.request.drug->key))
      if (f->date && (!use || f->date->last_day() >= use->date->last_day())) use = f;
  // The latest plain score; scores "with" or "without" medication only when there is no other.
  const Fact* pain = nullptr;
  for (int pass = 0; pass < 2 && !pain; ++pass)
    for (const Fact* f : facts_of(ctx, FactKind::kPainScore)) {
      const bool paired = f->qualifier == "with_medication" || f->qualifier == "without_medication";
      if (pass == 0 && paired) continue;
      if (f->date && f->value && (!pain || f->date->last_day() >= pain->date->last_day())) pain = f;
    }
  if (use) out = "The record shows " + ctx.request.drug->generic + " in use on " + use->date->iso();
  if (pain) {
    out += out.empty() ? "The latest pain score in the record is " : ", and the latest pain score is ";
    char buf[48];
    if (pain->value_max && *pain->value_max != *pain->value)
      std::snprintf(buf, sizeof buf, "%g-%g/10", *pain->value, *pain->value_max);
    else
      std::snprintf(buf, sizeof buf, "%g/10", *pain->value);
    out += std::string(buf) + " on " + pain->date->iso();
  }
  if (out.empty() && ctx.as_of)
    out = "The records reviewed run to " + ctx.as_of->iso();
  return out;
}

Determination decide_item(const Case& c, const Knowledge& k, const std::vector<Fact>& facts,
                          const std::vector<ParsedRequest>& parsed, size_t index,
                          const std::optional<Date>& as_of) {
  const ParsedRequest& req = parsed[index];
  Determination d;
  d.request = req.text;
  d.parsed = req;
  if (const UrItem* ur = matching_ur_item(c, req, k.drugs)) {
    d.claims_administrator_citations = parse_citations(ur->guideline);
    if (ur->action == "modified" && !ur->certified.empty())
      d.notes.push_back("Utilization review modified the request to certify " + ur->certified +
                        "; this review decides the request as written");
  }

  const RulePack* pack = nullptr;
  if (req.kind == ParsedRequest::Kind::kDrug && req.drug)
    pack = k.rules.for_drug(req.drug->key, req.drug->topic, req.drug->drug_class, as_of);
  else if (req.kind == ParsedRequest::Kind::kService)
    pack = k.rules.for_service(req.service_topic, as_of);
  // The MTUS Drug Formulary applies to dates of service from 2018.
  if (req.drug && !req.drug->formulary_status.empty() && as_of && as_of->first_day() >= days_from_civil(2018, 1, 1)) {
    d.formulary_status = req.drug->formulary_status;
    d.notes.push_back("MTUS Drug Formulary (8 CCR 9792.27.1 ff.): " + req.drug->generic + " is " +
                      req.drug->formulary_status +
                      (req.drug->formulary_status == "exempt" ? " (no prospective review needed when prescribed per the MTUS)"
                                                              : " (prospective review required before dispensing)"));
  }
  if (!pack) {
    d.no_rule = true;
    d.topic = req.drug ? req.drug->topic : !req.service_topic.empty() ? req.service_topic : req.service;
    d.rationale = no_rule_rationale(d);
    d.notes.push_back("No rule pack covers this request; it needs the physician reviewer's decision");
    return d;
  }
  d.topic = pack->topic;
  d.pack_id = pack->id;
  d.rules_superseded = !pack->in_force(as_of);

  ItemContext ctx{c, facts, req, parsed, k.drugs, as_of, false};
  ItemAssessment a = assess_item(*pack, ctx);
  d.ongoing = a.ongoing;

  bool any_decisive = false, all_met = true;
  for (const auto& cr : a.criteria) {
    if (!cr.decisive) continue;
    any_decisive = true;
    all_met &= cr.state == CriterionState::kMet;
  }
  d.decision = any_decisive && all_met ? Decision::kOverturned : Decision::kUpheld;

  // Companion packs (weaning) speak only to continued use that is not supported; their
  // criteria are advice, cited and said whatever their state.
  std::vector<EngineCitation> cites;
  if (d.decision == Decision::kUpheld && a.ongoing && req.drug) {  // services have no companions
    for (const RulePack* comp :
         k.rules.companions_for_drug(req.drug->key, req.drug->topic, req.drug->drug_class, as_of)) {
      ItemAssessment extra = assess_item(*comp, ctx);
      for (auto& cr : extra.criteria) {
        cr.advisory = true;
        cr.to_change.clear();
        if (const GuidelineCitation* g = comp->citation(cr.citation_id)) add_citation(cites, to_engine(*g));
        a.criteria.push_back(std::move(cr));
      }
    }
  }

  // Cite what the decision rests on: every decisive criterion, and supporting criteria
  // that raised a concern.
  std::vector<EngineCitation> main_cites;
  const bool overturned = d.decision == Decision::kOverturned;
  for (const auto& cr : a.criteria) {
    if (cr.advisory || (!cr.decisive && (cr.state != CriterionState::kNotMet || (overturned && !cr.flag))))
      continue;
    if (const GuidelineCitation* g = a.pack->citation(cr.citation_id)) add_citation(main_cites, to_engine(*g));
  }
  for (const auto& extra : cites) add_citation(main_cites, extra);
  order_citations(main_cites);
  d.citations = std::move(main_cites);

  for (const auto& cr : a.criteria)
    if (cr.decisive && cr.state != CriterionState::kMet && !cr.to_change.empty())
      d.to_change_outcome.push_back(cr.to_change);
  if (d.rules_superseded)
    d.notes.push_back("The rule pack used (" + pack->id + ") is not in force on the request date " +
                      (as_of ? as_of->iso() : std::string("(unknown)")) +
                      "; confirm against the guidelines that apply on that date");
  d.criteria = a.criteria;
  d.rationale = compose_rationale(d, a, record_basis(ctx));
  return d;
}

}  // namespace

std::string Knowledge::version() const {
  return "rules " + rules.version() + "; drugs " + drugs.version();
}

std::shared_ptr<const Knowledge> load_knowledge(const std::string& data_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(data_dir, ec)) throw DataError(data_dir, 0, "data directory not found");
  auto k = std::make_shared<Knowledge>();
  k->drugs = DrugTable::load(data_dir + "/drugs.yaml");
  k->services = ServiceTable::load(data_dir + "/services.yaml", data_dir + "/body_regions.yaml");
  k->rules = RuleSet::load(data_dir + "/rules");
  return k;
}

Engine::Engine(std::shared_ptr<const Knowledge> knowledge) : knowledge_(std::move(knowledge)) {}

Review Engine::review(const Case& c) const {
  const Knowledge& k = *knowledge_;
  std::vector<RecordText> texts;
  texts.reserve(c.records.size());
  for (const auto& r : c.records) texts.push_back(RecordText{r.date, r.title, r.text});
  const std::vector<Fact> facts = extract_facts(texts, k.drugs);

  std::vector<ParsedRequest> parsed;
  parsed.reserve(c.requests.size());
  for (const auto& r : c.requests) parsed.push_back(parse_request(r, k.drugs, k.services));

  std::optional<Date> as_of = c.request_date();
  if (!as_of)
    for (const auto& f : facts)
      if (f.date && (!as_of || f.date->last_day() > as_of->last_day())) as_of = f.date;

  Review out;
  out.case_id = c.case_id;
  out.rules_version = k.rules.version();
  out.drugs_version = k.drugs.version();
  out.as_of = as_of;
  for (size_t i = 0; i < parsed.size(); ++i)
    out.items.push_back(decide_item(c, k, facts, parsed, i, as_of));
  out.facts = facts;
  return out;
}

}  // namespace imr
