// The Analyzer: how text becomes terms, the same at index time and at query time.
//
// normalize():  ICU NFKC + case folding, Arabic folding (diacritics, tatweel, bidi and zero-width
//               marks, alef variants, alef maqsura, teh marbuta, Arabic-Indic digits), French
//               elisions and accent folding, English possessives. The one text folding of the
//               project: fold_label() (facet labels, filter values) is built on it.
// tokenize():   ICU word breaking of the normalized text, stopwords marked, each word stemmed by
//               its language's rules (Arabic light prefixes stripped before Snowball).
// The query side hands Xapian's QueryParser the same normalizer (with case kept, so AND/OR/NOT
// survive), and the stemmer and stopper below, so a query is analysed as the documents were.
#pragma once

#include <xapian.h>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/language.hpp"

namespace tawsiya {

struct Token {
    std::string word;       // normalized, unstemmed (what phrases and wildcards see)
    std::string stem;       // stemmed by the token's language rules
    unsigned position = 0;  // 1-based word position in the text, counting stopwords too
    bool stopword = false;  // a stopword of the language: indexed for phrases, not for ranking
};

class Analyzer {
  public:
    // The stopword lists are compiled into the binary from stopwords/{ar,fr,en}.txt.
    Analyzer();
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    // Normalizes text. The rules key on each word's script, not on a language (a French name in
    // an English text is normalized as in a French one), so no language is asked for. With
    // fold_case=false, letters keep their case (the query parser needs its upper-case
    // operators); everything else is the same.
    std::string normalize(std::string_view text, bool fold_case = true) const;

    // A label folded for comparison: a facet value in the index and a value typed for it (in a
    // filter, or in a query after normalize()) fold alike whatever their case, accents, Arabic
    // letter variants, apostrophes and spacing. normalize() with case folded, then apostrophes and
    // white space made uniform; folding a normalized text gives what folding the text gives.
    std::string fold_label(std::string_view label) const;

    // Normalizes, breaks into words and stems. Thread-safe.
    std::vector<Token> tokenize(std::string_view text, Lang lang) const;

    // Stems one normalized word. Arabic-script words always take the Arabic rules, so a mixed
    // query stems each word by its own script.
    std::string stem(std::string_view normalized_word, Lang lang) const;

    bool is_stopword(std::string_view normalized_word, Lang lang) const;

    // The language of a text whose language is not given: script first, then stopword
    // profiles to tell French from English. A Latin text with as much French evidence as English
    // (none at all, often, in a short query) is `latin_tie`'s language when that is French, else
    // English: a search uses the page's language there.
    Lang detect_language(std::string_view text, Lang latin_tie = Lang::en) const;

    // For Xapian::QueryParser: a stemmer applying stem(word, lang), and a stopper.
    Xapian::Stem query_stemmer(Lang lang) const;
    std::unique_ptr<Xapian::Stopper> query_stopper(Lang lang) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tawsiya
