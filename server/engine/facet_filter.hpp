// A request's facet filters as a Xapian query, the same for search and match: each name read by
// filter_facet (facet_catalog.hpp), each value found as FacetLabels finds it (case, accents and
// spelling of a state's name do not matter: state=morocco and state=Maroc find XS:Morocco).
#pragma once

#include <xapian.h>
#include <map>
#include <string>
#include <vector>

#include "engine/facet_labels.hpp"

namespace tawsiya::engine {

using Filters = std::map<std::string, std::vector<std::string>>;

// OR within a facet, AND across facets; Xapian::Query() when no filter has a value. Throws
// UsageError(<name>, "no such facet") for a name that names no facet.
Xapian::Query filter_query(const Filters& filters, FacetLabels& labels);

}  // namespace tawsiya::engine
