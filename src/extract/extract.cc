// extract_facts / extract_record_facts: sentences in order, every detector on each.
#include "extract/extract.h"

#include "extract/context.h"
#include "extract/detectors.h"
#include "extract/sentences.h"

namespace imr {

std::vector<Fact> extract_record_facts(const RecordText& record, int record_index,
                                       const DrugTable& drugs, const Lexicon& lexicon) {
  using namespace extract_detail;
  std::vector<Fact> out;
  const std::vector<Sentence> sentences = record_sentences(record.text, record.date, &lexicon);
  for (const Sentence& s : sentences) {
    const SentenceContext ctx(record_index, record.text, s, drugs);
    detect_medications(ctx, out);
    detect_pain_scores(ctx, out);
    detect_pain_relief(ctx, out);
    detect_function(ctx, out);
    detect_work_status(ctx, out);
    detect_monitoring(ctx, out);
    detect_side_effects(ctx, out);
    detect_prior_trials(ctx, out);
    detect_diagnoses(ctx, out);
    detect_surgery(ctx, out);
    detect_ur_action(ctx, out);
    detect_course(ctx, out);
    detect_services(ctx, out);
    detect_findings(ctx, out);
    detect_symptoms(ctx, out);
    detect_lexicon(ctx, lexicon, out);
  }
  return out;
}

std::vector<Fact> extract_facts(const std::vector<RecordText>& records, const DrugTable& drugs,
                                const Lexicon& lexicon) {
  std::vector<Fact> out;
  for (size_t i = 0; i < records.size(); ++i) {
    std::vector<Fact> facts = extract_record_facts(records[i], static_cast<int>(i), drugs, lexicon);
    out.insert(out.end(), std::make_move_iterator(facts.begin()),
               std::make_move_iterator(facts.end()));
  }
  return out;
}

}  // namespace imr
