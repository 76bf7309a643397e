// The text of Word (.docx) and OpenDocument (.odt) files (private to indexer/readers): one
// paragraph per line, a blank line between paragraphs, list numbers written before their
// paragraph as the word processor shows them ("129.51 ", "a) ", "(b) ").
#pragma once

#include <string>

#include "tawsiya/document_file.hpp"
#include "zip_archive.hpp"

namespace tawsiya::readers {

// word/document.xml, with the numbering of word/numbering.xml and word/styles.xml. Headers,
// footers, footnotes, comments and deleted text (tracked changes) are separate parts or marked,
// and left out.
std::string docx_text(const ZipArchive& zip, const std::string& path, const DocumentLimits& limits);

// content.xml, with the list styles of styles.xml and its own. Notes and annotations are left
// out.
std::string odt_text(const ZipArchive& zip, const std::string& path, const DocumentLimits& limits);

// Appends one paragraph to `out` (the document's text so far): its text trimmed, after its list
// label when it has one, a blank line before it; a paragraph of blanks adds nothing. Throws
// DocumentError when `out` grows past limits.max_text_bytes.
inline void append_paragraph(std::string& out, const std::string& text, const std::string& label,
                             const std::string& path, const DocumentLimits& limits) {
    const auto first = text.find_first_not_of(" \t\n");
    if (first == std::string::npos) return;
    const auto last = text.find_last_not_of(" \t\n");
    if (!out.empty()) out += "\n\n";
    if (!label.empty()) out.append(label).push_back(' ');
    out.append(text, first, last - first + 1);
    if (out.size() > limits.max_text_bytes)
        throw DocumentError(path, "more than " + std::to_string(limits.max_text_bytes >> 20) +
                                      " MiB of text: refused");
}

}  // namespace tawsiya::readers
