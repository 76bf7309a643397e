// Highlighted snippets of a hit: Xapian's MSet::snippet on the language version that matched.
#pragma once

#include <xapian.h>
#include <string>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/language.hpp"
#include "tawsiya/record.hpp"

namespace tawsiya::engine {

struct Snippet {
    std::string html;  // HTML-escaped, matches in <mark>...</mark>
    Lang lang = Lang::en;
};

class SnippetMaker {
  public:
    explicit SnippetMaker(const Analyzer& analyzer);

    // Tries the record's versions in the order query language, display language, the others
    // (en, fr, ar), and returns the first with a highlight; the display version's when none has.
    Snippet make(const Xapian::MSet& mset, const Record& record, Lang query_lang,
                 Lang display_lang) const;

    static constexpr std::size_t kLength = 240;  // bytes of text, highlights excluded

  private:
    // Xapian's snippet generator lower-cases words and compares them, and "Z" + stem(word), with
    // the query's terms; the index holds normalized words, so these stemmers normalize first
    // (accents, Arabic letter variants, elisions) and then stem as the index did.
    PerLang<Xapian::Stem> stemmers_;
};

}  // namespace tawsiya::engine
