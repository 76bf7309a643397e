#include "engine/facet_filter.hpp"

#include "engine/facet_catalog.hpp"
#include "tawsiya/error.hpp"

namespace tawsiya::engine {

Xapian::Query filter_query(const Filters& filters, FacetLabels& labels) {
    std::vector<Xapian::Query> facets;
    for (const auto& [name, values] : filters) {
        const auto facet = filter_facet(name, labels.schemes());
        if (!facet) throw UsageError(name, "no such facet");
        if (values.empty()) continue;
        std::vector<Xapian::Query> any;
        for (const auto& value : values) any.emplace_back(labels.term_for(facet->prefix, value));
        facets.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (facets.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, facets.begin(), facets.end());
}

}  // namespace tawsiya::engine
