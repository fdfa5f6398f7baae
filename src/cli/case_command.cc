// `imr case ...` — the case service from the command line: intake, records, eligibility,
// assignment, deadlines, the draft, the reviewer's decisions, signing and the letter out.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/service_setup.h"
#include "core/error.h"
#include "core/file.h"
#include "intake/document.h"
#include "service/case_json.h"
#include "service/import_json.h"

namespace imr::cli {

namespace {

using nlohmann::json;

std::string eligibility_text(const EligibilityFinding& f) {
  std::string out = f.eligible ? "Eligible for Independent Medical Review.\n" : "Not eligible:\n";
  for (const auto& r : f.reasons) out += "  - " + r.text + " [" + r.code + "]\n";
  if (f.filing_deadline) out += "Filing deadline: " + f.filing_deadline->iso() + " (" + f.filing_deadline_basis + ")\n";
  return out;
}

std::string assignment_text(const AssignmentResult& r) {
  std::string out = r.reviewer_id ? "Assigned to reviewer " + *r.reviewer_id + ".\n" : "No reviewer assigned.\n";
  out += r.explanation + "\n";
  if (!r.excluded.empty()) out += "Not chosen:\n";
  for (const auto& e : r.excluded) {
    out += "  " + e.reviewer_id + ":\n";
    for (const auto& reason : e.reasons) out += "    - " + reason + "\n";
  }
  return out;
}

std::string view_text(const CaseView& v) {
  std::string out = fmt::format("Case {}  status: {}{}  reviewer: {}  version: {}\n", v.file.id, to_string(v.file.status),
                                v.file.expedited ? " (expedited)" : "",
                                v.file.reviewer_id.empty() ? "-" : v.file.reviewer_id, v.file.version);
  out += "Deadlines:\n";
  for (const auto& d : v.deadlines)
    out += fmt::format("  {:<18} due {}  {}\n", d.deadline.what, d.deadline.due.iso(), d.state);
  out += fmt::format("Records ({}):\n", v.records.size());
  for (const auto& r : v.records)
    out += fmt::format("  #{} {} ({}, {}, from {})\n", r.id, r.title, r.date.empty() ? "undated" : r.date,
                       r.media_type, r.sender.empty() ? "unknown sender" : r.sender);
  out += "Items:\n";
  for (size_t i = 0; i < v.file.doc.items.size(); ++i) {
    const auto& it = v.file.doc.items[i];
    out += fmt::format("  {}. {} [UR {}]  engine: {}  reviewer: {}{}\n", i + 1, it.request, it.ur_action,
                       it.engine_decision ? to_string(*it.engine_decision) : "-",
                       it.decision ? to_string(*it.decision) : "undecided", it.changed() ? " (changed)" : "");
  }
  for (const auto& s : v.signed_determinations)
    out += fmt::format("Signed {} by {} ({})\n", s.signed_at, s.signed_by,
                       s.sequence == 0 ? "determination" : "amendment " + std::to_string(s.sequence));
  return out;
}

std::string change_text(const DraftChange& c) {
  const std::string item = c.item ? fmt::format("item {}: ", c.item) : "";
  if (c.what == "decision") return item + "decision " + c.from + " -> " + c.to;
  if (c.what == "criterion") return item + "disagrees with '" + c.title + "': " + c.note;
  if (c.what == "rationale") return item + "rationale rewritten";
  if (c.what == "citations") return item + "citations edited";
  if (c.what == "summary") return "case summary edited";
  return item + c.what;
}

std::optional<Decision> decision_arg(const std::string& s) {
  if (s.empty()) return std::nullopt;
  if (s == "upheld") return Decision::kUpheld;
  if (s == "overturned") return Decision::kOverturned;
  throw InputError("--decision", "must be upheld or overturned, not '" + s + "'");
}

std::string rationale_arg(const std::string& text, const std::string& file) {
  if (!file.empty()) return read_file(file);
  return text;
}

// A record file as an IncomingRecord: PDFs keep their bytes, text is read as text.
IncomingRecord record_from_file(const std::string& path, const std::string& title, const std::string& date,
                                const std::string& sender) {
  return incoming_record(read_file(path), std::filesystem::path(path).filename().string(),
                         title.empty() ? std::filesystem::path(path).stem().string() : title, date, sender);
}

}  // namespace

Action add_case_command(CLI::App& app, const GlobalOptions& global) {
  auto* cmd = app.add_subcommand("case", "The case service: intake, assignment, deadlines, review, sign-off, letters");
  cmd->require_subcommand(1);
  struct Opts {
    ServiceOptions service;
    std::vector<std::string> files;
    std::string case_id, title, date, sender, method = "mail", reviewer, decision, rationale, rationale_file,
        reason, out_dir = ".", summary, summary_file, letter_sha256;
    std::vector<std::string> agree, disagree, citations;
    int item = 0, limit = 50, offset = 0, sequence = -1, batch = 500;
    int64_t version = -1;
    bool accept = false, attest = false, reset = false;
  };
  auto o = std::make_shared<Opts>();
  std::vector<std::pair<CLI::App*, std::function<int(ServiceHandle&)>>> subs;
  auto sub = [&](const char* name, const char* help) {
    auto* s = cmd->add_subcommand(name, help);
    add_service_options(s, o->service);
    return s;
  };
  auto case_arg = [&](CLI::App* s) { s->add_option("case", o->case_id, "Case id (CM26-0000001)")->required(); };

  auto* create = sub("create", "Create a case from one or more application JSON files (screened for eligibility)");
  create->add_option("applications", o->files, "Application JSON files")->required();
  subs.emplace_back(create, [o](ServiceHandle& h) {
    std::vector<Application> apps;  // all parsed first: a bad file stores nothing
    for (const auto& f : o->files) apps.push_back(parse_application_json(read_file(f), f));
    json all = json::array();
    std::string text;
    for (const auto& a : apps) {
      const SubmitResult r = h.service->submit(a, h.actor);
      all.push_back(to_json(r));
      text += r.already_stored ? "Application " + a.application_id + " is already on case " + r.case_id + ".\n"
              : r.consolidated ? "Application " + a.application_id + " consolidated into case " + r.case_id + ".\n"
                               : "Created case " + r.case_id + ".\n";
      if (!r.already_stored) text += eligibility_text(r.finding);
    }
    print(o->service, all.size() == 1 ? all[0] : all, text);
    return kExitOk;
  });

  auto* attach = sub("attach", "Attach records (text or PDF) to a case");
  case_arg(attach);
  attach->add_option("files", o->files, "Record files")->required();
  attach->add_option("--title", o->title, "Title (default: the file name)");
  attach->add_option("--date", o->date, "Date of the document (YYYY-MM-DD)");
  attach->add_option("--sender", o->sender, "Who sent it (claims administrator, requesting physician, ...)");
  subs.emplace_back(attach, [o](ServiceHandle& h) {
    std::vector<IncomingRecord> records;
    for (const auto& f : o->files) records.push_back(record_from_file(f, o->files.size() == 1 ? o->title : "", o->date, o->sender));
    json ids = json::array();
    std::string text;
    for (const auto& r : records) {
      const int64_t id = h.service->attach_record(o->case_id, r, h.actor);
      ids.push_back({{"record_id", id}, {"source_name", r.source_name}});
      text += fmt::format("Attached {} as record #{}.\n", r.source_name, id);
    }
    print(o->service, json{{"case_id", o->case_id}, {"records", ids}}, text);
    return kExitOk;
  });

  auto* complete = sub("records-complete", "Mark the claims administrator's records complete (starts the review clock)");
  case_arg(complete);
  subs.emplace_back(complete, [o](ServiceHandle& h) {
    h.service->records_complete(o->case_id, h.actor);
    const CaseView v = h.service->view(o->case_id, h.actor);
    print(o->service, to_json(v), "Records complete. Determination due " + v.file.due + ".\n");
    return kExitOk;
  });

  auto* eligibility = sub("eligibility", "Show a case's eligibility finding");
  case_arg(eligibility);
  subs.emplace_back(eligibility, [o](ServiceHandle& h) {
    const CaseView v = h.service->view(o->case_id, h.actor);
    const EligibilityFinding& f = v.file.doc.eligibility;
    std::string text = f.eligible ? "Eligible for Independent Medical Review.\n" : "Not eligible:\n";
    for (const auto& r : f.reasons) text += "  - " + r.text + " [" + r.code + "]\n";
    print(o->service, to_json(v)["eligibility"], text);
    return kExitOk;
  });

  auto* assign = sub("assign", "Assign a conflict-free reviewer of a fitting specialty (or say why none fits)");
  case_arg(assign);
  assign->add_option("--reviewer", o->reviewer,
                     "When no reviewer fits: assign this one by hand (a qualified reviewer with no conflict)");
  assign->add_option("--reason", o->reason, "Why, for an assignment by hand (audited)");
  subs.emplace_back(assign, [o](ServiceHandle& h) {
    if (o->reviewer.empty() != o->reason.empty()) {
      std::cerr << "imr: an assignment by hand needs both --reviewer and --reason\n";
      return kExitUsage;
    }
    const AssignmentResult r = o->reviewer.empty()
                                   ? h.service->assign(o->case_id, h.actor)
                                   : h.service->assign_by_hand(o->case_id, o->reviewer, o->reason, h.actor);
    print(o->service, to_json(r), assignment_text(r));
    return r.reviewer_id ? kExitOk : kExitRefused;
  });

  auto* notice = sub("notice", "Record that the notice of assignment was sent (mail or electronic)");
  case_arg(notice);
  notice->add_option("--method", o->method, "mail or electronic")->check(CLI::IsMember({"mail", "electronic"}));
  subs.emplace_back(notice, [o](ServiceHandle& h) {
    h.service->notice_sent(o->case_id, o->method, h.actor);
    const CaseView v = h.service->view(o->case_id, h.actor);
    print(o->service, to_json(v), "Notice sent by " + o->method + ". Records due " + v.file.due + ".\n");
    return kExitOk;
  });

  auto* list = sub("list", "List open cases by due date, marking overdue and at-risk ones");
  list->add_option("--reviewer", o->reviewer, "Only this reviewer's cases");
  list->add_option("--limit", o->limit, "At most this many")->check(CLI::Range(1, 100000));
  list->add_option("--offset", o->offset, "Skip this many")->check(CLI::NonNegativeNumber);
  subs.emplace_back(list, [o](ServiceHandle& h) {
    const auto rows = h.service->open_cases({o->reviewer, o->limit, o->offset});
    json all = json::array();
    std::string text = fmt::format("{:<14} {:<17} {:<9} {:<20} {:<18} {}\n", "CASE", "STATUS", "REVIEWER", "DUE", "FOR", "STATE");
    for (const auto& e : rows) {
      all.push_back(to_json(e));
      text += fmt::format("{:<14} {:<17} {:<9} {:<20} {:<18} {}{}\n", e.file.id, to_string(e.file.status),
                          e.file.reviewer_id.empty() ? "-" : e.file.reviewer_id, e.file.due.empty() ? "-" : e.file.due,
                          e.file.due_what.empty() ? "-" : e.file.due_what, e.due_state.empty() ? "-" : e.due_state,
                          e.file.expedited ? " EXPEDITED" : "");
    }
    print(o->service, all, text);
    return kExitOk;
  });

  auto* show = sub("show", "Show a case: status, deadlines, records, items, signatures");
  case_arg(show);
  subs.emplace_back(show, [o](ServiceHandle& h) {
    const CaseView v = h.service->view(o->case_id, h.actor);
    print(o->service, to_json(v), view_text(v));
    return kExitOk;
  });

  auto* draft = sub("draft", "The engine's draft for every item, with criteria and evidence");
  case_arg(draft);
  subs.emplace_back(draft, [o](ServiceHandle& h) {
    const json review = h.service->draft(o->case_id, h.actor);
    std::string text;
    int n = 0;
    for (const auto& item : review.value("items", json::array())) {
      text += fmt::format("{}. {}: {}\n", ++n, item.value("request", ""),
                          item.contains("decision") && item["decision"].is_string() ? item["decision"].get<std::string>()
                                                                                   : "no rule (reviewer decides)");
      for (const auto& note : item.value("notes", json::array()))
        if (note.is_string()) text += "   Note for the reviewer: " + note.get<std::string>() + "\n";
      for (const auto& c : item.value("criteria", json::array())) {
        const bool decided = c.value("decided", false);
        text += fmt::format("   {} [{}] {}{}\n", decided ? "*" : " ", c.value("state", ""),
                            c.value("statement", c.value("title", c.value("id", ""))),
                            decided ? " (decided the draft: --agree or --disagree " + c.value("id", "") + ")" : "");
      }
      text += "   " + item.value("rationale", "") + "\n";
    }
    print(o->service, review, text);
    return kExitOk;
  });

  auto* decide = sub("decide", "Record the reviewer's decision on one item (accept the draft or change it)");
  case_arg(decide);
  decide->add_option("item", o->item, "Item number (1-based)")->required()->check(CLI::PositiveNumber);
  decide->add_flag("--accept", o->accept, "Accept the engine's decision");
  decide->add_option("--decision", o->decision, "upheld or overturned");
  decide->add_option("--rationale", o->rationale, "The rationale (replaces the draft's)");
  decide->add_option("--rationale-file", o->rationale_file, "Read the rationale from a file");
  decide->add_option("--reason", o->reason, "Why the draft was changed (required for a change)");
  decide->add_option("--version", o->version, "The case version the decision was made against");
  decide->add_option("--agree", o->agree, "A criterion that decided the draft you agree with (its id; repeat)");
  decide->add_option("--disagree", o->disagree, "A criterion you disagree with, as ID=NOTE saying why (repeat)");
  decide->add_option("--citation", o->citations, "A citation for the letter, replacing the draft's (repeat)");
  subs.emplace_back(decide, [o](ServiceHandle& h) {
    const bool answers_only = !o->accept && o->decision.empty();
    if ((o->accept && !o->decision.empty()) ||
        (answers_only && o->agree.empty() && o->disagree.empty() && o->citations.empty() && o->rationale.empty() &&
         o->rationale_file.empty())) {
      std::cerr << "imr: give --accept or --decision upheld|overturned (or only --agree/--disagree/--citation/"
                   "--rationale to answer criteria first)\n";
      return kExitUsage;
    }
    ItemEdit edit;
    edit.item = static_cast<size_t>(o->item - 1);
    edit.keep_decision = answers_only;
    edit.decision = decision_arg(o->decision);
    for (const auto& id : o->agree) edit.answers.push_back({id, true, ""});
    for (const auto& d : o->disagree) {
      const auto eq = d.find('=');
      if (eq == std::string::npos || eq == 0) throw InputError("--disagree", "must be ID=NOTE, not '" + d + "'");
      edit.answers.push_back({d.substr(0, eq), false, d.substr(eq + 1)});
    }
    if (!o->citations.empty()) edit.citations = o->citations;
    const std::string rationale = rationale_arg(o->rationale, o->rationale_file);
    if (!rationale.empty()) edit.rationale = rationale;
    edit.reason = o->reason;
    if (o->version >= 0) edit.expected_version = o->version;
    const int64_t version = h.service->decide(o->case_id, edit, h.actor);
    print(o->service, json{{"case_id", o->case_id}, {"item", o->item}, {"version", version}},
          fmt::format("Item {} decided (case version {}).\n", o->item, version));
    return kExitOk;
  });

  auto* preview = sub("preview", "The letter as it will go out, what differs from the draft, and what blocks signing");
  case_arg(preview);
  subs.emplace_back(preview, [o](ServiceHandle& h) {
    const LetterPreview p = h.service->preview(o->case_id, h.actor);
    std::string text = p.text + "\n";
    text += p.changes.empty() ? "Nothing changed from the engine's draft.\n" : "Changed from the engine's draft:\n";
    for (const auto& c : p.changes) text += "  - " + change_text(c) + "\n";
    for (const auto& b : p.blocking) text += "Cannot sign yet: " + b + "\n";
    text += "Letter SHA-256: " + p.sha256 + "\n";
    text += std::string("Signing attests: \"") + kSigningAttestation + "\"\n";
    print(o->service, to_json(p), text);
    return kExitOk;
  });

  auto* summary = sub("summary", "Replace the letter's clinical case summary (or --reset to the draft's)");
  case_arg(summary);
  summary->add_option("--text", o->summary, "The summary");
  summary->add_option("--file", o->summary_file, "Read the summary from a file");
  summary->add_flag("--reset", o->reset, "Go back to the engine's summary");
  subs.emplace_back(summary, [o](ServiceHandle& h) {
    if (o->reset == (!o->summary.empty() || !o->summary_file.empty())) {
      std::cerr << "imr: give --text, --file or --reset\n";
      return kExitUsage;
    }
    const std::optional<std::string> text =
        o->reset ? std::nullopt : std::optional<std::string>(rationale_arg(o->summary, o->summary_file));
    CaseWrite write;
    if (o->version >= 0) write.expected_version = o->version;
    h.service->edit_summary(o->case_id, text, h.actor, &write);
    print(o->service, json{{"case_id", o->case_id}, {"version", write.version}},
          fmt::format("Case summary {} (case version {}).\n", o->reset ? "reset to the draft's" : "saved", write.version));
    return kExitOk;
  });
  summary->add_option("--version", o->version, "The case version the edit was made against");

  auto* sign = sub("sign", "Sign the determination (the assigned reviewer, every item decided, --attest)");
  case_arg(sign);
  sign->add_flag("--attest", o->attest, std::string("Attest: \"") + kSigningAttestation + "\"");
  sign->add_option("--letter-sha256", o->letter_sha256, "Sign only if the letter is the one previewed (imr case preview)");
  subs.emplace_back(sign, [o](ServiceHandle& h) {
    const SignedRow s = h.service->sign(o->case_id, h.actor, Signature{o->attest, o->letter_sha256});
    print(o->service, to_json(s), "Signed " + s.signed_at + ". The determination is locked.\n");
    return kExitOk;
  });

  auto* amend = sub("amend", "Correct a signed determination with a new signed amendment");
  case_arg(amend);
  amend->add_option("item", o->item, "Item number (1-based)")->required()->check(CLI::PositiveNumber);
  amend->add_option("--decision", o->decision, "upheld or overturned");
  amend->add_option("--rationale", o->rationale, "The corrected rationale");
  amend->add_option("--rationale-file", o->rationale_file, "Read the rationale from a file");
  amend->add_option("--reason", o->reason, "What the amendment corrects and why")->required();
  subs.emplace_back(amend, [o](ServiceHandle& h) {
    ItemEdit edit;
    edit.item = static_cast<size_t>(o->item - 1);
    edit.decision = decision_arg(o->decision);
    const std::string rationale = rationale_arg(o->rationale, o->rationale_file);
    if (!rationale.empty()) edit.rationale = rationale;
    edit.reason = o->reason;
    const SignedRow s = h.service->amend(o->case_id, {edit}, o->reason, h.actor);
    print(o->service, to_json(s), fmt::format("Amendment {} signed {}.\n", s.sequence, s.signed_at));
    return kExitOk;
  });

  auto* letter = sub("letter", "Write the signed letter as text and PDF, with redacted copies for publication");
  case_arg(letter);
  letter->add_option("--out", o->out_dir, "Directory to write into (default .)");
  letter->add_option("--sequence", o->sequence, "Which signed determination (0 = original; default latest)");
  subs.emplace_back(letter, [o](ServiceHandle& h) {
    const LetterFiles files = h.service->letter(o->case_id, o->sequence >= 0 ? std::optional<int>(o->sequence) : std::nullopt, h.actor);
    std::filesystem::create_directories(o->out_dir);
    const std::string stem = (std::filesystem::path(o->out_dir) /
                              (o->case_id + (files.sequence ? "-amendment-" + std::to_string(files.sequence) : ""))).string();
    const std::vector<std::pair<std::string, const std::string*>> outputs = {
        {stem + "-letter.txt", &files.text}, {stem + "-letter.pdf", &files.pdf},
        {stem + "-redacted.txt", &files.redacted_text}, {stem + "-redacted.pdf", &files.redacted_pdf}};
    json written = json::array();
    std::string text;
    for (const auto& [path, bytes] : outputs) {
      write_file_atomic(path, *bytes);
      written.push_back(path);
      text += "Wrote " + path + "\n";
    }
    print(o->service, json{{"case_id", o->case_id}, {"sequence", files.sequence}, {"files", written},
                           {"redactions", files.redactions}},
          text + (files.redactions ? fmt::format("The published copy has {} identifier{} removed.\n", files.redactions,
                                                files.redactions == 1 ? "" : "s")
                                  : "The published copy needed no identifiers removed.\n"));
    return kExitOk;
  });

  auto* audit = sub("audit", "The case's audit trail: who did what and when");
  case_arg(audit);
  subs.emplace_back(audit, [o](ServiceHandle& h) {
    json all = json::array();
    std::string text;
    for (const auto& a : h.service->audit_trail(o->case_id, h.actor)) {
      all.push_back(to_json(a));
      text += fmt::format("{}  {:<12} {:<16} {}\n", a.at, a.actor, a.action, a.detail);
    }
    print(o->service, all, text);
    return kExitOk;
  });

  auto* import = sub("import", "Bulk import: JSON Lines, one {\"application\": ..., \"records\": [...]} per line");
  import->add_option("file", o->files, "JSON Lines file")->required()->expected(1);
  import->add_option("--batch", o->batch, "Cases per transaction")->check(CLI::Range(1, 10000));
  subs.emplace_back(import, [o](ServiceHandle& h) { return run_import(h, o->files.front(), o->batch, o->service); });

  return [o, subs, cmd, &global]() {
    for (const auto& [s, run] : subs) {
      if (!s->parsed()) continue;
      ServiceHandle h = open_service(o->service, global);
      return run(h);
    }
    (void)cmd;
    return kExitUsage;
  };
}

}  // namespace imr::cli
