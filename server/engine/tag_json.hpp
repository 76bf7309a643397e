// A tagged paragraph of a document as JSON: one line of `tawsiya tag` and an element of the
// body of POST /api/tag.
#pragma once

#include <string>

#include "tawsiya/document_split.hpp"
#include "tawsiya/match.hpp"

namespace tawsiya {

// The match JSON of match_json.hpp (id = the paragraph number) with "paragraph", "line", "text"
// and, for a sub-paragraph, "context", and when the document says who issued it, "issuer"
// {"mechanism", "body"} added in front.
std::string tagged_paragraph_to_json(const DocumentParagraph& paragraph, const MatchResult& result);

}  // namespace tawsiya
