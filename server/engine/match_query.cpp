#include "engine/match_query.hpp"

#include <algorithm>

#include "engine/features.hpp"
#include "engine/synonyms.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/recommendation_text.hpp"
#include "tawsiya/schema.hpp"

namespace tawsiya::matching {

QueryText analyse_text(std::string_view text, std::optional<Lang> lang, const Analyzer& analyzer) {
    QueryText query;
    query.content = strip_recommendation_noise(text);
    query.lang = lang ? *lang : analyzer.detect_language(query.content);
    query.tagging_tokens = features::tagging_tokens(query.content, query.lang, analyzer);
    const std::string_view request = strip_lead_in(query.content);
    for (Token& token : analyzer.tokenize(request, query.lang)) {
        if (token.stopword || token.stem.empty()) continue;
        if (query.word_of_stem.emplace(token.stem, token.word).second)
            query.stem_order.push_back(token.stem);
        query.stems.push_back(std::move(token.stem));
    }
    query.compared = Synonyms::embedded(analyzer).canonical(query.stems, query.lang);
    return query;
}

Xapian::Query stem_query(const QueryText& text, const Xapian::Database& db) {
    std::vector<Xapian::Query> terms;
    const auto counts = features::count(text.stems);
    for (const auto& stem : text.stem_order) {
        std::string term(schema::kStemPrefix);
        term += stem;
        if (db.get_termfreq(term) == 0) continue;
        terms.emplace_back(term, counts.at(stem));
    }
    if (terms.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query filter_query(const std::map<std::string, std::vector<std::string>>& filters,
                           const std::vector<std::string>& schemes) {
    std::vector<Xapian::Query> facets;
    for (const auto& [name, labels] : filters) {
        if (labels.empty()) continue;
        std::string prefix;
        for (const schema::Facet& facet : schema::kFixedFacets)
            if (facet.name == name) prefix = facet.prefix;
        if (prefix.empty()) {
            const std::string scheme = name.rfind("tag:", 0) == 0 ? name.substr(4) : name;
            if (std::find(schemes.begin(), schemes.end(), scheme) == schemes.end())
                throw UsageError("filter", "unknown facet '" + name + "'");
            prefix = schema::tag_prefix(scheme);
        }
        std::vector<Xapian::Query> any;
        for (const auto& label : labels) any.emplace_back(schema::facet_term(prefix, label));
        facets.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (facets.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, facets.begin(), facets.end());
}

}  // namespace tawsiya::matching
