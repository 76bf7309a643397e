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

}  // namespace tawsiya::readers
