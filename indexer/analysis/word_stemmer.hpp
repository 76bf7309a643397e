// WordStemmer: one normalized word -> its stem (private to indexer/analysis).
//
// Arabic-script words take the Arabic rules whatever the text's language: the light10 prefixes
// that end in the article (وال فال بال كال لل) become a bare ال, because Xapian's Snowball Arabic
// stemmer leaves وال and فال whole ("والحقوق"); the teh marbuta of a definite noun is restored
// (Snowball strips it, not the heh it was folded to); then Snowball "arabic", which strips ال,
// a lone و and the suffixes itself; a short word whose article Snowball kept loses it ("الحق").
// Stripping every prefix before Snowball was measured worse: Snowball then strips a second
// "prefix" off the stem ("البرلمان" -> "رلم", "الالتزام" -> "تزام"). Other words take the
// Snowball stemmer of the language (french, english); a Latin word in Arabic text and a number are
// left as they are. Snowball stemmers keep state, so each thread has its own.
#pragma once

#include <string>
#include <string_view>

#include "tawsiya/language.hpp"

namespace tawsiya::analysis {

std::string stem_word(std::string_view normalized_word, Lang lang);

// The light10 prefixes that end in the article rewritten to a bare article ("والحقوق",
// "بالحقوق", "للحقوق" -> "الحقوق"); other words unchanged.
std::string to_bare_article(std::string_view normalized_word);

}  // namespace tawsiya::analysis
