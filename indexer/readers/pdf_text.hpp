// The text of a PDF through Poppler (private to indexer/readers), in reading order, without
// what repeats on every page (running headers and footers, page numbers, job numbers such as
// "GE.12-14883") and without line numbers in the margin.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/document_file.hpp"

namespace tawsiya::readers {

// Throws DocumentError for a damaged or encrypted PDF, or one over limits.max_pages.
// `page_lines`: the 1-based line of the text each page starts on (DocumentText::page_lines).
std::string pdf_text(std::string_view bytes, const std::string& path, const DocumentLimits& limits,
                     std::size_t& pages, std::vector<std::size_t>& page_lines);

}  // namespace tawsiya::readers
