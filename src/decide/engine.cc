#include "decide/engine.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "assess/assess.h"
#include "assess/fact_query.h"
#include "core/error.h"
#include "core/text.h"
#include "decide/policy.h"
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

// The UR decision's items, each parsed once: the request and what was certified of it.
struct ParsedUrItem {
  const UrItem* item = nullptr;
  ParsedRequest request;
  std::optional<ParsedRequest> certified;
};

std::vector<ParsedUrItem> parse_ur_items(const Case& c, const Knowledge& k) {
  std::vector<ParsedUrItem> out;
  if (!c.ur) return out;
  for (const auto& item : c.ur->items) {
    ParsedUrItem p;
    p.item = &item;
    p.request = parse_request(item.request, k.drugs, k.services);
    if (!item.certified.empty()) p.certified = parse_request(item.certified, k.drugs, k.services);
    out.push_back(std::move(p));
  }
  return out;
}

// The UR item a disputed request answers to: the same text, else the same drug, else the
// same service topic and body region.
const ParsedUrItem* matching_ur_item(const std::vector<ParsedUrItem>& ur, const ParsedRequest& req) {
  for (const auto& u : ur)
    if (iequals(trim(u.item->request), trim(req.text))) return &u;
  for (const auto& u : ur)
    if (req.drug && u.request.drug == req.drug) return &u;
  for (const auto& u : ur)
    if (req.kind == ParsedRequest::Kind::kService && !req.service_topic.empty() &&
        u.request.service_topic == req.service_topic && u.request.body_region == req.body_region)
      return &u;
  return nullptr;
}

// One sentence tying the draft to the record: the latest mention of the drug and the
// latest pain score, each with its date.
std::string record_basis(const ItemContext& ctx, const Wording& w) {
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
  std::map<std::string, std::string> vars;
  if (use) {
    vars["generic"] = ctx.request.drug->generic;
    vars["date"] = use->date->iso();
  }
  if (pain) {
    vars["score"] = pain->value_max && *pain->value_max != *pain->value
                        ? format_number(*pain->value) + "-" + format_number(*pain->value_max) + "/10"
                        : format_number(*pain->value) + "/10";
    vars["score_date"] = pain->date->iso();
  }
  if (use && pain) return w.sentence("basis_drug_and_pain", vars);
  if (use) return w.sentence("basis_drug", vars);
  if (pain) return w.sentence("basis_pain", vars);
  if (ctx.as_of) return w.sentence("basis_records", {{"date", ctx.as_of->iso()}});
  return "";
}

struct ItemInputs {
  const Case& kase;
  const Knowledge& k;
  const std::vector<Fact>& facts;
  const std::vector<ParsedRequest>& parsed;
  const std::vector<ParsedUrItem>& ur;
  const std::optional<Date>& as_of;
  const std::vector<RelatedItem>& related;
};

Determination decide_item(const ItemInputs& in, size_t index) {
  const Knowledge& k = in.k;
  const Wording& w = k.wording;
  const ParsedRequest& req = in.parsed[index];
  Determination d;
  d.request = req.text;
  d.parsed = req;
  const ParsedUrItem* ur = matching_ur_item(in.ur, req);
  if (ur) {
    d.claims_administrator_citations = parse_citations(ur->item->guideline);
    if (ur->item->action == "modified" && !ur->item->certified.empty())
      d.notes.push_back(w.sentence("note_modified", {{"certified", ur->item->certified}}));
  }

  const RulePack* pack = k.rules.for_request(req, in.as_of);
  // The MTUS Drug Formulary applies to dates of service from the date the table gives.
  if (req.drug && !req.drug->formulary_status.empty() && in.as_of && k.drugs.formulary_from() &&
      in.as_of->first_day() >= k.drugs.formulary_from()->first_day()) {
    d.formulary_status = req.drug->formulary_status;
    d.notes.push_back(w.sentence("note_formulary_" + req.drug->formulary_status,
                                 {{"generic", req.drug->generic}}));
  }
  if (!pack) {
    d.no_rule = true;
    d.topic = req.drug ? req.drug->topic : !req.service_topic.empty() ? req.service_topic : req.service;
    d.rationale = no_rule_rationale(d, w);
    d.notes.push_back(w.sentence("note_no_rule", {}));
    return d;
  }
  d.topic = pack->topic;
  d.pack_id = pack->id;
  d.rules_superseded = !pack->in_force(in.as_of);

  ItemContext ctx{in.kase, in.facts, req, in.parsed, k.drugs, in.as_of, false};
  ctx.ur_item = ur ? ur->item : nullptr;
  ctx.certified = ur && ur->certified ? &*ur->certified : nullptr;
  ctx.related = &in.related;
  ItemAssessment a = assess_item(*pack, ctx, k.phrases);
  d.ongoing = a.ongoing;
  d.decision = apply_policy(a.criteria);

  // Companion packs (weaning) speak only to continued use that is not supported; their
  // criteria are advice, cited and said whatever their state.
  std::vector<EngineCitation> cites;
  if (d.decision == Decision::kUpheld && a.ongoing && req.drug) {  // services have no companions
    for (const RulePack* comp :
         k.rules.companions_for_drug(req.drug->key, req.drug->topic, req.drug->drug_class, in.as_of)) {
      ItemAssessment extra = assess_item(*comp, ctx, k.phrases);
      for (auto& cr : extra.criteria) {
        cr.advisory = true;
        cr.to_change.clear();
        if (const GuidelineCitation* g = comp->citation(cr.citation_id)) add_citation(cites, to_engine(*g));
        a.criteria.push_back(std::move(cr));
      }
    }
  }

  // Cite what the decision rests on: the sections its deciding criteria apply, and
  // supporting criteria that raised a concern (an uphold) or a safety flag (either way).
  // The pack's own section comes first: the topic a reviewer names whatever decided it.
  std::vector<EngineCitation> main_cites;
  if (!a.pack->citations.empty()) add_citation(main_cites, to_engine(a.pack->citations.front()));
  const bool overturned = d.decision == Decision::kOverturned;
  for (const auto& cr : a.criteria) {
    if (cr.advisory) continue;
    const bool concern = cr.state == CriterionState::kNotMet && (cr.flag || (!overturned && !cr.decisive));
    if (!cr.decisive && !concern) continue;
    if (const GuidelineCitation* g = a.pack->citation(cr.citation_id)) add_citation(main_cites, to_engine(*g));
  }
  for (const auto& extra : cites) add_citation(main_cites, extra);
  order_citations(main_cites);
  d.citations = std::move(main_cites);

  for (const auto& cr : a.criteria)
    if (cr.decided && cr.state != CriterionState::kMet && !cr.to_change.empty())
      d.to_change_outcome.push_back(cr.to_change);
  if (d.rules_superseded)
    d.notes.push_back(w.sentence("note_no_pack_in_force",
                                 {{"pack", pack->id}, {"date", in.as_of ? in.as_of->iso() : std::string("unknown")}}));
  d.criteria = a.criteria;
  d.rationale = compose_rationale(d, a, record_basis(ctx, w), w);
  return d;
}

// Whether a pack has a criterion that follows another item's decision: such items are
// decided after the rest.
bool depends_on_others(const RulePack* pack) {
  if (!pack) return false;
  return std::any_of(pack->criteria.begin(), pack->criteria.end(),
                     [](const CriterionRule& c) { return c.measure == "follows_item"; });
}

}  // namespace

std::string Knowledge::version() const {
  return "rules " + rules.version() + "; drugs " + drugs.version();
}

std::shared_ptr<const Knowledge> load_knowledge(const std::string& data_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(data_dir, ec)) throw DataError(data_dir, 0, "data directory not found");
  for (const char* name : {"drugs.yaml", "services.yaml", "body_regions.yaml", "vocabulary.yaml", "measure_phrases.yaml", "wording.yaml"})
    if (!fs::is_regular_file(data_dir + "/" + name, ec)) throw DataError(data_dir + "/" + name, 0, "data file not found");
  auto k = std::make_shared<Knowledge>();
  k->drugs = DrugTable::load(data_dir + "/drugs.yaml");
  k->services = ServiceTable::load(data_dir + "/services.yaml", data_dir + "/body_regions.yaml");
  k->lexicon = Lexicon::load(data_dir + "/lexicon");
  k->vocabulary = Vocabulary::load(data_dir + "/vocabulary.yaml");
  k->vocabulary.add_lexicon(k->lexicon);
  std::set<std::string> flags;
  for (const auto& q : k->services.qualifiers()) flags.insert(q.name);
  k->vocabulary.add_tables(k->drugs, k->services, flags);
  k->phrases = Phrases::load(data_dir + "/measure_phrases.yaml");
  k->wording = Wording::load(data_dir + "/wording.yaml");
  k->rules = RuleSet::load(data_dir + "/rules", k->vocabulary, k->phrases);
  return k;
}

Engine::Engine(std::shared_ptr<const Knowledge> knowledge) : knowledge_(std::move(knowledge)) {}

Review Engine::review(const Case& c) const {
  const Knowledge& k = *knowledge_;
  std::vector<RecordText> texts;
  texts.reserve(c.records.size());
  for (const auto& r : c.records) texts.push_back(RecordText{r.date, r.title, r.text});
  const std::vector<Fact> facts = extract_facts(texts, k.drugs, k.lexicon);

  std::vector<ParsedRequest> parsed;
  parsed.reserve(c.requests.size());
  for (const auto& r : c.requests) parsed.push_back(parse_request(r, k.drugs, k.services));
  const std::vector<ParsedUrItem> ur = parse_ur_items(c, k);

  std::optional<Date> as_of = c.request_date();
  if (!as_of)
    for (const auto& f : facts)
      if (f.date && (!as_of || f.date->last_day() > as_of->last_day())) as_of = f.date;

  Review out;
  out.case_id = c.case_id;
  out.rules_version = k.rules.version();
  out.drugs_version = k.drugs.version();
  out.as_of = as_of;
  out.items.resize(parsed.size());

  // Items that follow another item's decision (an associated surgical service) are decided
  // after the others, which they can then see.
  std::vector<RelatedItem> related(parsed.size());
  for (size_t i = 0; i < parsed.size(); ++i) related[i].request = &parsed[i];
  const ItemInputs in{c, k, facts, parsed, ur, as_of, related};
  for (int pass = 0; pass < 2; ++pass)
    for (size_t i = 0; i < parsed.size(); ++i) {
      if (depends_on_others(k.rules.for_request(parsed[i], as_of)) != (pass == 1)) continue;
      out.items[i] = decide_item(in, i);
      related[i].topic = out.items[i].topic;
      related[i].decision = out.items[i].decision;
    }
  out.facts = facts;
  return out;
}

}  // namespace imr
