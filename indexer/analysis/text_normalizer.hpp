// TextNormalizer: the character-level rules of the Analyzer (private to indexer/analysis).
//
// Two passes over UTF-16: ICU NFKC, then one pass of our own folding tables: marks that separate
// words (bidi, zero-width) become spaces, Arabic-Indic digits ASCII, Arabic diacritics and tatweel
// removed, alef / alef maqsura / teh marbuta folded, Latin accents
// folded, apostrophes unified, French elisions and English possessives removed, and (when asked)
// simple case folding. The rules key on the script of each word, not on a language: they are the
// same for Arabic, French and English text (a French name in an English text folds as in a
// French one). Only letters, marks, digits and apostrophes are rewritten, so query syntax
// (AND, body:CAT, quotes, parentheses, *, ..) survives.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <string>
#include <string_view>
#include <vector>

namespace tawsiya::analysis {

// A text folded, each byte with where it comes from: origin[i] is the offset in the original of
// the character text[i] was written for, origin[text.size()] the original's size.
struct FoldedText {
    std::string text;
    std::vector<std::size_t> origin;
};

class TextNormalizer {
  public:
    TextNormalizer();

    // The normalized text as UTF-16 (what the word breaker reads).
    icu::UnicodeString normalize_utf16(std::string_view utf8, bool fold_case) const;

    std::string normalize(std::string_view utf8, bool fold_case) const;

    // A label (a facet value in the index, or a value typed for one) folded for comparison:
    // normalize() with case folded, every apostrophe (' ’ ‘ ʼ `) as ', runs of white space as one,
    // none at either end. "Côte d’Ivoire", "cote d'ivoire" and "COTE  D'IVOIRE" fold alike.
    std::string fold_label(std::string_view utf8) const;

    // The text as normalize(utf8, true) folds it, but with its elided articles and possessives
    // kept ("d'", "l'": words of a formula), and with each byte's origin: for finding folded
    // phrases in a text and cutting the original where they end.
    FoldedText fold_with_origins(std::string_view utf8) const;

  private:
    const icu::Normalizer2* nfkc_;  // owned by ICU
};

// True for a code point of the Arabic script blocks (letters, marks, digits, presentation forms).
bool is_arabic_script(char32_t c);

// True when the first letter of a UTF-8 word is of the Arabic script.
bool starts_with_arabic_letter(std::string_view utf8_word);

}  // namespace tawsiya::analysis
