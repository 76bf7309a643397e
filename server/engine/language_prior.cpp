#include "engine/language_prior.hpp"

#include "tawsiya/schema.hpp"

namespace tawsiya::engine {

Xapian::Query with_language_prior(const Xapian::Query& query, BuiltQuery::Prior prior, Lang lang) {
    if (prior == BuiltQuery::Prior::none) return query;
    const double weight =
        prior == BuiltQuery::Prior::first ? kLanguageFirstWeight : kLanguageTieWeight;
    // A boolean term weighs nothing under BM25 (its wdf is 0): the weight comes from a posting
    // source, limited to the language's records by the filter.
    const Xapian::Query bonus(
        Xapian::Query::OP_FILTER,
        Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()),
        Xapian::Query(schema::facet_term(schema::kLanguage, lang_code(lang))));
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, bonus);
}

}  // namespace tawsiya::engine
