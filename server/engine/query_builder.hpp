// SearchRequest -> Xapian::Query: the query's language chosen, the text through
// Analyzer::normalize, its synonyms marked (query_synonyms.hpp) and Xapian's QueryParser (boolean
// operators, phrases, wildcards, love/hate, field prefixes, year ranges), then the request's facet
// filters and year range as boolean filters.
#pragma once

#include <xapian.h>
#include <memory>
#include <string>
#include <vector>

#include "engine/facet_labels.hpp"
#include "engine/query_synonyms.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/search.hpp"

namespace tawsiya::engine {

struct BuiltQuery {
    Xapian::Query query;
    Lang lang = Lang::en;  // the query's language
    bool browse = false;   // no free text: only filters (or nothing), so nothing to rank by
    // How the request's language weighs in the ranking (engine/language_prior.hpp): its records
    // first (a short query), or only between equal scores (a longer one).
    enum class Prior { none, first, ties } prior = Prior::none;
    Lang prior_lang = Lang::en;
};

class QueryBuilder {
  public:
    // `labels` resolves facet values to terms; its schemes() name the generic tag fields.
    QueryBuilder(const Xapian::Database& db, const Analyzer& analyzer, FacetLabels& labels,
                 const SearchLimits& limits);
    ~QueryBuilder();

    // Throws UsageError("q") for bad syntax, LimitError("q") for a query over the limit,
    // UsageError(<facet>) for a filter on an unknown facet.
    BuiltQuery build(const SearchRequest& request);

    // Call after the index was reopened: the tag schemes may have changed.
    void reset();

  private:
    class FacetFieldProcessor;
    void make_parser();
    void choose_language(const SearchRequest& request, const std::string& words, BuiltQuery& built);

    const Xapian::Database& db_;
    const Analyzer& analyzer_;
    FacetLabels& labels_;
    SearchLimits limits_;
    PerLang<Xapian::Stem> stemmers_;
    PerLang<std::unique_ptr<Xapian::Stopper>> stoppers_;
    // Declared before the parser, which points at them.
    std::vector<std::unique_ptr<FacetFieldProcessor>> processors_;
    std::unique_ptr<Xapian::NumberRangeProcessor> year_range_;
    const Synonyms& synonyms_;
    SynonymFieldProcessor synonym_field_;
    std::unique_ptr<Xapian::QueryParser> parser_;
    std::vector<std::string> field_names_;
};

}  // namespace tawsiya::engine
