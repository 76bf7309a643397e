// A tagged paragraph of a document as JSON: one line of `tawsiya tag` and an element of the
// body of POST /api/tag.
#pragma once

#include <cstddef>
#include <string>

#include "tawsiya/document_split.hpp"
#include "tawsiya/match.hpp"

namespace tawsiya {

// The match JSON of match_json.hpp (id = the paragraph number) with "paragraph", "line", "text"
// and, for a sub-paragraph, "context", and when the document says who issued it, "issuer"
// {"mechanism", "body"} added in front; "page" too when `page` (1-based) is known.
std::string tagged_paragraph_to_json(const DocumentParagraph& paragraph, const MatchResult& result,
                                     std::size_t page = 0);

// The same fields without a match ("paragraph", "line", "page"?, "text", "context"?, "issuer"?,
// "lang"): a segment of the split, for staff to review before it is matched.
std::string split_paragraph_to_json(const DocumentParagraph& paragraph, std::size_t page = 0);

}  // namespace tawsiya
