// Which script a word is written in, by the one rule of the Analyzer.
#pragma once

#include <string_view>

namespace tawsiya {

// True when the first letter of a (normalized) word or stem is of the Arabic script: the rule by
// which the Analyzer stems and stops a word as Arabic whatever the text's language, and by which
// the cross-language expansion tells an Arabic stem from a Latin one.
bool is_arabic_word(std::string_view word);

}  // namespace tawsiya
