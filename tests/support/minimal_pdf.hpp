// Test support: a PDF written here, byte by byte (PDF 1.4, the base-14 Helvetica font, no
// compression), so that a test can have a document of any number of pages without a binary
// fixture: one line of text per string, an empty string leaving a blank line (a new paragraph).
// `padding_bytes` adds an unused stream, making the file as large as a report with pictures.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace tawsiya::test {

inline std::string minimal_pdf(const std::vector<std::vector<std::string>>& pages,
                               std::size_t padding_bytes = 0) {
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;  // of objects 1..n
    const auto object = [&](const std::string& body) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    const std::size_t first_page = 4;  // 1 catalog, 2 page tree, 3 font, then page + content
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i)
        kids += std::to_string(first_page + 2 * i) + " 0 R ";
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
    object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        object(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
            "3 0 R >> >> /Contents " +
            std::to_string(first_page + 2 * i + 1) + " 0 R >>");
        std::string content = "BT /F1 10 Tf 14 TL 56 700 Td\n";  // below the header band
        for (const std::string& line : pages[i]) {
            std::string escaped;
            for (const char c : line) {
                if (c == '(' || c == ')' || c == '\\') escaped += '\\';
                escaped += c;
            }
            content += line.empty() ? "T*\n" : "(" + escaped + ") Tj T*\n";
        }
        content += "ET";
        object("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
               "\nendstream");
    }
    if (padding_bytes)
        object("<< /Length " + std::to_string(padding_bytes) + " >>\nstream\n" +
               std::string(padding_bytes, 'x') + "\nendstream");
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t offset : offsets) {
        char entry[24];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

}  // namespace tawsiya::test
