// Cross-language expansion of queries in the engine itself (not Xapian's database synonyms, which
// the remote backend of a sharded index does not serve): each source stem becomes the OP_MAX of its
// own "Z" term and of its translations' "Z" terms scaled by their probability. OP_MAX, not OR: a
// record holding a term and its translation (several language versions) is not counted twice, so
// multilingual records do not outrank monolingual ones for it.
#pragma once

#include <xapian.h>
#include <string>
#include <vector>

#include "tawsiya/language.hpp"
#include "tawsiya/translation.hpp"

namespace tawsiya::xlang {

// The language whose translation table applies to a stem of a query in `query_lang`: Arabic script
// is Arabic whatever the query's language; a Latin stem in an Arabic query is taken as English.
Lang stem_lang(const std::string& stem, Lang query_lang);

struct TermTranslation {
    Lang to = Lang::en;
    std::string stem;
    double p = 0;
};

// The translations of `stem` into the two other languages that the index holds.
std::vector<TermTranslation> translations_of(const std::string& stem, Lang lang,
                                             const TranslationTable& table,
                                             const Xapian::Database& db);

// The weight factor of a translation of probability p, relative to the source term's 1.
double translation_weight(double p);

// OP_MAX of the stem's own "Z" term (wqf `wqf`) and its translations'; Xapian::Query() when the
// index holds none of them.
Xapian::Query expand_stem(const std::string& stem, Lang lang, Xapian::termcount wqf,
                          const TranslationTable& table, const Xapian::Database& db);

// A parsed query with each "Z" term leaf expanded (under AND, OR, AND_MAYBE, XOR, MAX and the
// positive side of AND_NOT and FILTER); phrases, wildcards and negated terms are left as they are.
Xapian::Query expand_query(const Xapian::Query& query, Lang query_lang,
                           const TranslationTable& table, const Xapian::Database& db);

}  // namespace tawsiya::xlang
