// The words state names are compared by (private to indexer/states): a text cut into words,
// each normalized by the Analyzer's TextNormalizer (case, Latin accents, Arabic diacritics,
// tatweel, alef / teh marbuta / alef maqsura, French elisions) and tied to where it is in the
// source, so that a name found in the normalized words can be shown in the original text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tawsiya::states {

struct NameToken {
    std::string word;       // normalized and case-folded; "st" read as "saint"
    std::size_t begin = 0;  // the source bytes the word comes from
    std::size_t end = 0;
    bool capitalized = false;  // its first letter is upper case in the source
    bool arabic = false;       // its first letter is of the Arabic script
    bool in_parentheses = false;
    bool after_punctuation = false;  // punctuation (not a hyphen or apostrophe) since the last word
};

// The words of `text`, in order. The connectors "and", "et" and a lone "و" are left out, so that
// "Antigua & Barbuda" and "Antigua and Barbuda" are the same words.
std::vector<NameToken> name_tokens(std::string_view text);

// The words of a name joined by single spaces, with a leading article ("the", "le", "la",
// "les") dropped: the key canonical_state looks names up by.
std::string name_key(std::string_view name);

// True for an article that may stand before a state's name: "the", "le", "la", "les", "du",
// "des", "au", "aux", "de" (normalized).
bool is_article(std::string_view word);

}  // namespace tawsiya::states
