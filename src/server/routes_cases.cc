// Cases: the queue, intake (applications, bulk import, records, notice, assignment), the
// case view with the engine's draft, the reviewer's decisions, signing, amendments, the
// letter and the audit trail. Each handler checks the caller's role (auth/access.h), then
// makes one CaseService call.
#include <fmt/format.h>

#include "core/error.h"
#include "render/letter_layout.h"
#include "server/api.h"
#include "service/case_json.h"
#include "service/import_json.h"

namespace imr::server {

using nlohmann::json;

namespace {

constexpr const char* kIntakeOnly = "only intake staff and administrators do this";
constexpr const char* kAssignedReviewerOnly = "only the reviewer assigned to this case does this";

int64_t record_id_param(const Call& c, size_t i) {
  const std::string text = c.param(i);
  try {
    size_t used = 0;
    const int64_t id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return id;
  } catch (const std::exception&) {
  }
  throw HttpError(404, "not_found", "no record '" + text.substr(0, 40) + "'");
}

std::optional<Decision> decision_field(const json& body, const char* field) {
  const auto text = optional_string(body, field);
  if (!text || *text == "accept") return std::nullopt;
  if (*text == "upheld") return Decision::kUpheld;
  if (*text == "overturned") return Decision::kOverturned;
  bad_request(std::string("'") + field + "' must be \"upheld\", \"overturned\" or null (accept the draft)");
}

// "criteria": [{"id": "...", "agree": true|false, "note": "..."}]
std::vector<CriterionAnswer> answers_field(const json& body) {
  std::vector<CriterionAnswer> out;
  auto it = body.find("criteria");
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) bad_request("'criteria' must be an array of {\"id\", \"agree\", \"note\"}");
  for (const json& a : *it) {
    if (!a.is_object()) bad_request("each of 'criteria' must be an object with \"id\" and \"agree\"");
    auto agree = a.find("agree");
    if (agree == a.end() || !agree->is_boolean()) bad_request("each of 'criteria' needs \"agree\": true or false");
    out.push_back({required_string(a, "id"), agree->get<bool>(), optional_string(a, "note").value_or("")});
  }
  return out;
}

// "citations": ["...", ...] (an empty list goes back to the draft's).
std::optional<std::vector<std::string>> citations_field(const json& body) {
  auto it = body.find("citations");
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_array()) bad_request("'citations' must be an array of strings");
  std::vector<std::string> out;
  for (const json& c : *it) {
    if (!c.is_string()) bad_request("'citations' must be an array of strings");
    out.push_back(c.get<std::string>());
  }
  return out;
}

// An item edit. Without a "decision" key the decision stays as it is (answers, citations or the
// rationale alone); "decision": null (or "accept") accepts the engine's.
ItemEdit item_edit(const json& body, size_t item) {
  ItemEdit edit;
  edit.item = item;
  edit.keep_decision = !body.contains("decision");
  edit.decision = decision_field(body, "decision");
  edit.rationale = optional_string(body, "rationale");
  edit.reason = optional_string(body, "reason").value_or("");
  edit.answers = answers_field(body);
  edit.citations = citations_field(body);
  return edit;
}


// A write's "version" (optional unless `required`): the service checks it inside the write's
// own transaction (409 when the case changed since) and reports the version the write made.
CaseWrite case_write(const json& body, bool required = false) {
  CaseWrite write;
  write.expected_version = required ? std::optional<int64_t>(required_int(body, "version")) : optional_int(body, "version");
  return write;
}

// An item in a path: its number (1, 2, ...) or its id ("item-2").
void set_item(ItemEdit& edit, const std::string& text) {
  if (text.rfind("item-", 0) == 0) {
    edit.item_id = text;
    return;
  }
  size_t n = 0;
  try {
    size_t used = 0;
    n = std::stoul(text, &used);
    if (used != text.size()) n = 0;
  } catch (const std::exception&) {
  }
  if (n == 0) throw HttpError(404, "not_found", "items are numbered from 1 (or named by id, item-1)");
  edit.item = n - 1;
}

// A signature or amendment, with the case version it made.
void send_signed(Call& c, const SignedRow& s, const CaseWrite& write) {
  json out = to_json(s);
  out["version"] = write.version;
  send_json(c.res, 200, out);
}

void require_intake(const Call& c) { require(auth::can_create_case(c.user()), kIntakeOnly); }

IncomingRecord uploaded_record(const Call& c) {
  if (c.req.is_multipart_form_data()) {
    if (!c.req.has_file("file")) bad_request("the upload has no 'file' part");
    const auto file = c.req.get_file_value("file");
    auto field = [&](const char* name) { return c.req.has_file(name) ? c.req.get_file_value(name).content : ""; };
    if (file.content.empty()) bad_request("the uploaded file is empty");
    const std::string name = file.filename.empty() ? "upload" : file.filename;
    return incoming_record(file.content, name, field("title"), field("date"), field("sender"));
  }
  const json body = json_body(c.req);
  const std::string text = required_string(body, "text");
  if (text.empty()) bad_request("'text' is empty");
  IncomingRecord r = incoming_record(text, optional_string(body, "source_name").value_or("record.txt"),
                                     optional_string(body, "title").value_or(""),
                                     optional_string(body, "date").value_or(""),
                                     optional_string(body, "sender").value_or(""));
  r.content.clear();
  r.media_type = "text/plain";
  return r;
}

}  // namespace

void add_case_routes(Api& api) {
  api.add({"GET", "/api/cases"}, [&api](Call& c) {
    OpenCaseQuery q;
    q.limit = query_int(c.req, "limit", 100, 1, 500);
    q.offset = query_int(c.req, "offset", 0, 0, 10'000'000);
    if (c.user().role == auth::Role::reviewer) {
      q.reviewer_id = c.user().reviewer_id;  // a reviewer's queue is its own, whatever it asks
    } else if (c.req.has_param("reviewer")) {
      q.reviewer_id = c.req.get_param_value("reviewer");
    }
    json cases = json::array();
    for (const auto& e : api.cases.open_cases(q)) cases.push_back(to_json(e));
    send_json(c.res, 200, {{"cases", cases}});
  });

  api.add({"POST", "/api/cases"}, [&api](Call& c) {
    require_intake(c);
    const Application app = parse_application_json(c.req.body, "request body");
    const SubmitResult r = api.cases.submit(app, c.actor());
    send_json(c.res, r.created ? 201 : 200, to_json(r));
  });

  api.add({"POST", "/api/cases/import"}, [&api](Call& c) {
    require_intake(c);
    const json body = json_body(c.req);
    if (!body.contains("cases") || !body["cases"].is_array()) bad_request("'cases' must be an array");
    std::vector<ImportCase> batch;
    for (size_t i = 0; i < body["cases"].size(); ++i)
      batch.push_back(parse_import_case(body["cases"][i], fmt::format("cases[{}]", i), std::nullopt));
    send_json(c.res, 200, to_json(api.cases.import_batch(batch, c.actor())));
  });

  api.add({"GET", "/api/cases/{id}"}, [&api](Call& c) {
    const std::string id = c.param(1);
    readable_case(api, c, id, "view");
    send_json(c.res, 200, to_json(api.cases.view(id, c.actor())));
  });

  api.add({"GET", "/api/cases/{id}/records/{rid}"}, [&api](Call& c) {
    const std::string id = c.param(1);
    readable_case(api, c, id, "record");
    const RecordRow r = api.cases.record(id, record_id_param(c, 2), c.actor());
    json out = record_json(r);
    add_text_page(out, r.text, c.req);  // a page at a time (?offset=&limit=), never a whole 30 MB record
    send_json(c.res, 200, out);
  });

  api.add({"GET", "/api/cases/{id}/records/{rid}/content"}, [&api](Call& c) {
    const std::string id = c.param(1);
    readable_case(api, c, id, "record");
    const RecordRow r = api.cases.record(id, record_id_param(c, 2), c.actor());
    const bool pdf = r.media_type == "application/pdf";
    c.res.status = 200;
    c.res.set_header("Content-Disposition",
                     fmt::format("inline; filename=\"record-{}.{}\"", r.id, pdf ? "pdf" : "txt"));
    c.res.set_content(pdf ? r.content : r.text, pdf ? "application/pdf" : "text/plain; charset=utf-8");
  });

  api.add({"POST", "/api/cases/{id}/records"}, [&api](Call& c) {
    require_intake(c);
    const std::string id = c.param(1);
    api.cases.case_row(id);  // 404 before reading the upload
    const IncomingRecord record = uploaded_record(c);
    CaseWrite write;
    const int64_t record_id = api.cases.attach_record(id, record, c.actor(), &write);
    send_json(c.res, 201, {{"version", write.version}, {"record_id", record_id}});
  });

  api.add({"POST", "/api/cases/{id}/records-complete"}, [&api](Call& c) {
    require_intake(c);
    const std::string id = c.param(1);
    CaseWrite write = case_write(json_body(c.req));
    api.cases.records_complete(id, c.actor(), &write);
    send_json(c.res, 200, {{"version", write.version}});
  });

  api.add({"POST", "/api/cases/{id}/assign"}, [&api](Call& c) {
    require_intake(c);
    const std::string id = c.param(1);
    CaseWrite write = case_write(json_body(c.req));
    const AssignmentResult r = api.cases.assign(id, c.actor(), &write);
    json out = to_json(r);
    out["version"] = write.version;
    // Nobody fits: the case stays unassigned and the reasons go back with the refusal.
    if (!r.reviewer_id) {
      out["error"] = {{"status", 409}, {"code", "refused"}, {"message", r.explanation}};
      send_json(c.res, 409, out);
      return;
    }
    send_json(c.res, 200, out);
  });

  api.add({"POST", "/api/cases/{id}/assign-by-hand"}, [&api](Call& c) {
    require_intake(c);
    const std::string id = c.param(1);
    const json body = json_body(c.req);
    CaseWrite write = case_write(body);
    const AssignmentResult r = api.cases.assign_by_hand(id, required_string(body, "reviewer_id"),
                                                        optional_string(body, "reason").value_or(""), c.actor(), &write);
    json out = to_json(r);
    out["version"] = write.version;
    send_json(c.res, 200, out);
  });

  api.add({"POST", "/api/cases/{id}/notice"}, [&api](Call& c) {
    require_intake(c);
    const std::string id = c.param(1);
    const json body = json_body(c.req);
    const std::string method = optional_string(body, "method").value_or("mail");
    if (method != "mail" && method != "electronic") bad_request("'method' must be \"mail\" or \"electronic\"");
    CaseWrite write = case_write(body);
    api.cases.notice_sent(id, method, c.actor(), &write);
    send_json(c.res, 200, {{"version", write.version}});
  });

  api.add({"POST", "/api/cases/{id}/draft"}, [&api](Call& c) {
    const std::string id = c.param(1);
    const CaseRow row = readable_case(api, c, id, "draft");
    require(c.user().role == auth::Role::administrator || auth::can_sign(c.user(), row), kAssignedReviewerOnly);
    CaseWrite write;
    json review = api.cases.draft(id, c.actor(), &write);
    send_json(c.res, 200, {{"draft", review}, {"version", write.version}});
  });

  api.add({"PUT", "/api/cases/{id}/items/{n}"}, [&api](Call& c) {
    const std::string id = c.param(1);
    const CaseRow row = readable_case(api, c, id, "decide");
    require(auth::can_sign(c.user(), row), kAssignedReviewerOnly);
    const json body = json_body(c.req);
    ItemEdit edit = item_edit(body, 0);
    set_item(edit, c.param(2));
    edit.expected_version = required_int(body, "version");
    send_json(c.res, 200, {{"version", api.cases.decide(id, edit, c.actor())}});
  });

  api.add({"PUT", "/api/cases/{id}/summary"}, [&api](Call& c) {
    const std::string id = c.param(1);
    const CaseRow row = readable_case(api, c, id, "edit_summary");
    require(auth::can_sign(c.user(), row), kAssignedReviewerOnly);
    const json body = json_body(c.req);
    CaseWrite write = case_write(body, /*required=*/true);
    api.cases.edit_summary(id, optional_string(body, "summary"), c.actor(), &write);
    send_json(c.res, 200, {{"version", write.version}});
  });

  api.add({"POST", "/api/cases/{id}/evidence"}, [&api](Call& c) {
    const std::string id = c.param(1);
    readable_case(api, c, id, "evidence");
    const json body = json_body(c.req);
    EvidenceView view;
    ItemEdit which;
    set_item(which, required_string(body, "item"));
    view.item_id = which.item_id;
    view.item = which.item;
    view.criterion = required_string(body, "criterion");
    view.record = static_cast<int>(optional_int(body, "record").value_or(-1));
    api.cases.evidence_opened(id, view, c.actor());
    send_json(c.res, 200, {{"ok", true}});
  });

  api.add({"GET", "/api/cases/{id}/preview"}, [&api](Call& c) {
    const std::string id = c.param(1);
    const CaseRow row = readable_case(api, c, id, "preview");
    require(auth::can_sign(c.user(), row), kAssignedReviewerOnly);
    send_json(c.res, 200, to_json(api.cases.preview(id, c.actor())));
  });

  api.add({"POST", "/api/cases/{id}/sign"}, [&api](Call& c) {
    const std::string id = c.param(1);
    const CaseRow row = readable_case(api, c, id, "sign");
    require(auth::can_sign(c.user(), row), "only the reviewer assigned to this case can sign it");
    const json body = json_body(c.req);
    CaseWrite write = case_write(body, /*required=*/true);
    Signature signature;
    if (auto it = body.find("attestation"); it != body.end() && !it->is_null()) {
      if (!it->is_boolean()) bad_request("'attestation' must be true (the reviewer attests) or false");
      signature.attested = it->get<bool>();
    }
    signature.letter_sha256 = optional_string(body, "letter_sha256").value_or("");
    send_signed(c, api.cases.sign(id, c.actor(), signature, &write), write);
  });

  api.add({"POST", "/api/cases/{id}/amend"}, [&api](Call& c) {
    const std::string id = c.param(1);
    const CaseRow row = readable_case(api, c, id, "amend");
    require(auth::can_sign(c.user(), row), "only the reviewer assigned to this case can amend it");
    const json body = json_body(c.req);
    const int64_t version = required_int(body, "version");
    const std::string reason = required_string(body, "reason");
    if (!body.contains("edits") || !body["edits"].is_array() || body["edits"].empty())
      bad_request("'edits' must be a non-empty array");
    std::vector<ItemEdit> edits;
    for (const auto& e : body["edits"]) {
      if (!e.is_object()) bad_request("each edit must be an object");
      const int64_t item = required_int(e, "item");
      if (item < 1) bad_request("'item' is numbered from 1");
      edits.push_back(item_edit(e, static_cast<size_t>(item - 1)));
      edits.back().expected_version = version;  // checked in the amendment's own transaction
    }
    CaseWrite write;
    send_signed(c, api.cases.amend(id, edits, reason, c.actor(), &write), write);
  });

  api.add({"GET", "/api/cases/{id}/letter"}, [&api](Call& c) {
    const std::string id = c.param(1);
    readable_case(api, c, id, "letter");
    std::optional<int> sequence;
    if (c.req.has_param("sequence")) sequence = query_int(c.req, "sequence", 0, 0, 10'000);
    const std::string format = c.req.has_param("format") ? c.req.get_param_value("format") : "text";
    if (format != "text" && format != "pdf" && format != "redacted-text" && format != "redacted-pdf" &&
        format != "paragraphs")
      bad_request("'format' must be text, paragraphs, pdf, redacted-text or redacted-pdf");
    const LetterFiles letter = api.cases.letter(id, sequence, c.actor());
    const bool redacted = format.rfind("redacted", 0) == 0;
    const bool pdf = format.size() >= 3 && format.compare(format.size() - 3, 3, "pdf") == 0;
    const std::string name = fmt::format("{}-letter{}{}.{}", id, letter.sequence ? fmt::format("-{}", letter.sequence) : "",
                                         redacted ? "-redacted" : "", pdf ? "pdf" : "txt");
    c.res.status = 200;
    c.res.set_header("Content-Disposition",
                     fmt::format("{}; filename=\"{}\"", pdf ? "attachment" : "inline", name));
    if (pdf) c.res.set_content(redacted ? letter.redacted_pdf : letter.pdf, "application/pdf");
    else if (format == "paragraphs") c.res.set_content(unwrap_letter_text(letter.text), "text/plain; charset=utf-8");
    else c.res.set_content(redacted ? letter.redacted_text : letter.text, "text/plain; charset=utf-8");
  });

  api.add({"GET", "/api/cases/{id}/audit"}, [&api](Call& c) {
    const std::string id = c.param(1);
    readable_case(api, c, id, "audit");
    json trail = json::array();
    for (const auto& a : api.cases.audit_trail(id, c.actor())) trail.push_back(to_json(a));
    send_json(c.res, 200, {{"audit", trail}});
  });
}

}  // namespace imr::server
