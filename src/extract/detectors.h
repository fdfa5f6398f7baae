// The detectors: each reads one sentence (SentenceContext) and appends the facts of its
// kinds to `out`. One file per idea; all pure and bounded. Internal to src/extract.
#pragma once

#include <vector>

#include "extract/context.h"
#include "extract/fact.h"
#include "extract/lexicon.h"

namespace imr::extract_detail {

void detect_medications(const SentenceContext& s, std::vector<Fact>& out);   // medication.cc
void detect_pain_scores(const SentenceContext& s, std::vector<Fact>& out);   // pain.cc
void detect_pain_relief(const SentenceContext& s, std::vector<Fact>& out);   // relief.cc
void detect_function(const SentenceContext& s, std::vector<Fact>& out);      // function.cc
void detect_work_status(const SentenceContext& s, std::vector<Fact>& out);   // work_status.cc
void detect_monitoring(const SentenceContext& s, std::vector<Fact>& out);    // monitoring.cc
void detect_side_effects(const SentenceContext& s, std::vector<Fact>& out);  // side_effects.cc
void detect_prior_trials(const SentenceContext& s, std::vector<Fact>& out);  // prior_trial.cc
void detect_diagnoses(const SentenceContext& s, std::vector<Fact>& out);     // diagnosis.cc
void detect_surgery(const SentenceContext& s, std::vector<Fact>& out);       // surgery.cc
void detect_ur_action(const SentenceContext& s, std::vector<Fact>& out);     // ur_action.cc
// Acute flare, dependence / withdrawal, taper plans.                           course.cc
void detect_course(const SentenceContext& s, std::vector<Fact>& out);
// Therapy given, home exercise, device trials, homebound, surgical candidacy, motivation,
// evaluations.                                                                 services.cc
void detect_services(const SentenceContext& s, std::vector<Fact>& out);
// Imaging, exam findings, red flags, injection responses.                      findings.cc
void detect_findings(const SentenceContext& s, std::vector<Fact>& out);
// Symptoms (nausea, constipation, insomnia, GI) and sleep hygiene.             symptoms.cc
void detect_symptoms(const SentenceContext& s, std::vector<Fact>& out);
// Every finding the clinical lexicon (data/lexicon) names.                     lexicon_facts.cc
void detect_lexicon(const SentenceContext& s, const Lexicon& lexicon, std::vector<Fact>& out);

// The body region a sentence names ("lumbar spine", "knee"), or "".             findings.cc
std::string region_in(std::string_view norm);

}  // namespace imr::extract_detail
