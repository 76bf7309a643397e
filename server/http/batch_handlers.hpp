// The POST endpoints of matching and deduplication. They read the index (match) or nothing
// (dedup) and write nothing; their bodies are bounded by the server's body limit, and the work
// per request by the limits below.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/translation.hpp"

namespace tawsiya::http {

struct BatchLimits {
    std::size_t max_dedup_items = 10000;   // a review's list is a few hundred
    std::size_t max_tag_paragraphs = 500;  // concluding observations hold 50 to 150
};

// POST /api/match {"text", "lang"?, "k"?, "filters"?: {facet: [labels]}, "xlang"?}
std::string handle_match(Matcher& matcher, std::string_view body);

// POST /api/tag and /api/tag/file: tag_handlers.hpp.

// POST /api/dedup {"items": [{"id"?, "text", "lang"?}], "threshold"?, "xlang"?} or
// {"text": "one per line", ...}; `translations` (may be null) compares items across languages.
std::string handle_dedup(const Analyzer& analyzer, const TranslationTable* translations,
                         std::string_view body, const BatchLimits& limits);

}  // namespace tawsiya::http
