// Cross-language expansion of queries in the engine itself (not Xapian's database synonyms, which
// the remote backend of a sharded index does not serve): each source stem becomes the weighted OR
// of its own "Z" term and of its translations' "Z" terms scaled by sqrt(p), never above the
// source term's own weight. (OP_MAX would keep a record with several language versions from
// counting a term and its translation twice, but Xapian 1.4.22 crashes on some queries of OP_MAX
// groups; the Matcher's cosine, which compares one version at a time, decides the final order.)
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

// The stem's translations into `to` as "Z" terms the index holds (wqf `wqf`), each scaled by its
// probability: one language's list of a query translated. Xapian::Query() when there is none.
Xapian::Query translate_stem(const std::string& stem, Lang from, Lang to, Xapian::termcount wqf,
                             const TranslationTable& table, const Xapian::Database& db);

// Weighted OR of the stem's own "Z" term (wqf `wqf`) and its translations'; Xapian::Query() when
// the index holds none of them.
Xapian::Query expand_stem(const std::string& stem, Lang lang, Xapian::termcount wqf,
                          const TranslationTable& table, const Xapian::Database& db);

// A parsed query with each "Z" term leaf expanded (under AND, OR, AND_MAYBE, XOR, MAX and the
// positive side of AND_NOT and FILTER); phrases, wildcards and negated terms are left as they are.
Xapian::Query expand_query(const Xapian::Query& query, Lang query_lang,
                           const TranslationTable& table, const Xapian::Database& db);

}  // namespace tawsiya::xlang
