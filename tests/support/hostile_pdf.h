// Test support: a small PDF whose text extraction takes practically forever — a "billion
// laughs" of form XObjects, each drawing the next ten times, the last one a line of text —
// the shape of the 4 KB upload that took 29 s of a server worker's CPU.
#pragma once

#include <string>
#include <vector>

namespace imr::testing {

inline std::string laughing_pdf(int levels = 9) {
  std::vector<std::string> objects;  // objects[i] is object i+1
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  objects.push_back(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> "
      "/XObject << /X 6 0 R >> >> /Contents 5 0 R >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  auto stream = [](const std::string& dict, const std::string& body) {
    return "<< " + dict + " /Length " + std::to_string(body.size()) + " >>\nstream\n" + body + "\nendstream";
  };
  objects.push_back(stream("", "/X Do"));
  for (int level = 0; level < levels; ++level) {
    const int next = 6 + level + 1;
    const bool last = level + 1 == levels;
    std::string body;
    if (last) {
      body = "BT /F1 12 Tf 72 720 Td (laugh) Tj ET";
    } else {
      for (int i = 0; i < 10; ++i) body += "/X Do\n";
    }
    const std::string resources = last ? "/Resources << /Font << /F1 4 0 R >> >>"
                                       : "/Resources << /XObject << /X " + std::to_string(next) + " 0 R >> >>";
    objects.push_back(stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + resources, body));
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    std::string number = std::to_string(offset);
    pdf += std::string(10 - number.size(), '0') + number + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace imr::testing
