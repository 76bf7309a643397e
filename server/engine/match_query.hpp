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
    // The state under review (canonical name) and why: "given", or where the text names it.
    std::string state, state_how;
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

// The text analysed for matching. The state under review is `given_state` (any spelling) when
// there is one, else the state the text addresses (detect_state) when `find_state`; the words
// that name it and the modal around them ("Morocco should", « Le Maroc devrait », «ينبغي للمغرب
// أن») are not part of the request: records do not name the state they are addressed to.
QueryText analyse_text(std::string_view text, std::optional<Lang> lang, const Analyzer& analyzer,
                       const std::optional<std::string>& given_state = std::nullopt,
                       bool find_state = false, std::string_view given_how = {});

// `text` without the leading words that only address it to a state once its name is taken out:
// a modal or a connector ("should", "is encouraged to", "devrait", « que », «ينبغي», «أن»).
std::string_view strip_state_modal(std::string_view text);

// OR of the "Z" terms of the stems the index holds, each weighted by its count in the text (BM25
// then scores them); Xapian::Query() when none is in the index.
Xapian::Query stem_query(const QueryText& text, const Xapian::Database& db);

}  // namespace tawsiya::matching
