// A match result as JSON: one line of `tawsiya match` and the body of POST /api/match.
#pragma once

#include <string>

#include "tawsiya/match.hpp"

namespace tawsiya {

// {"id": id, "lang", "content", "matches": [{"id", "score", "matched_terms", "text", "text_lang",
// "mechanism", "body", "state", "year", "symbol", "paragraph", "recommending_states", "response",
// "tags", "responsible"}], "suggestions": {scheme: [{"label", "confidence", "evidence",
// "abstain"}]}}. A match's text is its version in the request's language, or its first version.
// Scores and confidences are rounded to 4 decimals.
std::string match_result_to_json(const std::string& id, const MatchResult& result);

}  // namespace tawsiya
