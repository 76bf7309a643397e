// Language identification for a text whose language is not given (private to indexer/analysis).
//
// Script first: a text with a third of its letters in Arabic script is Arabic. Latin text is French
// or English by evidence counted word by word: very frequent function words of each language (a
// profile, distinct from the curated stopword lists), French elisions (l', d', qu'), English
// possessives ('s), and letters with French accents (é è ê à ç ù œ ...). English wins ties
// unless `latin_tie` is French: a text with no evidence at all ("torture") is most often English
// in this corpus, but a search from a French page is more likely French.
#pragma once

#include <string_view>

#include "tawsiya/language.hpp"

namespace tawsiya::analysis {

Lang detect_language(std::string_view utf8_text, Lang latin_tie = Lang::en);

}  // namespace tawsiya::analysis
