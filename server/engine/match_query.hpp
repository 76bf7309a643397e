// The query side of matching: a new text cleaned and analysed as the documents were, turned into a
// weighted OR of its stems, and the request's filters into boolean terms.
#pragma once

#include <xapian.h>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/language.hpp"

namespace tawsiya::matching {

struct QueryText {
    Lang lang = Lang::en;
    std::string content;  // without paragraph number and states
    // The request's stems, one per occurrence: the content without the formula addressing the
    // State ("The Committee recommends that the State party"), what the index is asked for.
    std::vector<std::string> stems;
    std::map<std::string, std::string> word_of_stem;  // the request's first word with each stem
    std::vector<std::string> stem_order;              // distinct stems in text order
    // The request's stems with synonymous phrases made canonical ("capital punishment" -> "death
    // penalty", engine/synonyms.hpp): what the similarity compares.
    std::vector<std::string> compared;
    // The content's words for the taggers (features::tagging_tokens), formula included: what
    // they learned from ("Committee" says a treaty body).
    std::vector<std::string> tagging_tokens;
};

QueryText analyse_text(std::string_view text, std::optional<Lang> lang, const Analyzer& analyzer);

// OR of the "Z" terms of the stems the index holds, each weighted by its count in the text (BM25
// then scores them); Xapian::Query() when none is in the index.
Xapian::Query stem_query(const QueryText& text, const Xapian::Database& db);

// Facet name ("body", "state", "sdg" or "tag:sdg", ...) -> labels: OR within a facet, AND across.
// `schemes` are the tag schemes of the index; any other facet name is a UsageError.
Xapian::Query filter_query(const std::map<std::string, std::vector<std::string>>& filters,
                           const std::vector<std::string>& schemes);

}  // namespace tawsiya::matching
