// Facet counts over the matches of a search, through what works on a Xapian::Database made of
// remote shards as on a local one: Xapian::ValueCountMatchSpy over the slot that holds each
// document's facet labels (schema::kSlotFacets). xapian-tcpsrv knows that spy, runs it next to
// each shard and sends back its counts, which the client adds up; a spy of our own would need
// registering in the server, which the stock xapian-tcpsrv cannot do. Nothing is built at open:
// no first-query stall, nothing keyed by document ids.
//
// The spy counts each distinct value (a document's set of labels, schema::facet_value); the count
// of a label is the sum over the values that hold it.
#pragma once

#include <xapian.h>
#include <map>
#include <string>
#include <vector>

#include "engine/facet_catalog.hpp"
#include "tawsiya/search.hpp"

namespace tawsiya::engine {

class FacetCounter {
  public:
    // Spies on `enquire`; the counter must outlive its get_mset call.
    FacetCounter(const std::vector<CountedFacet>& facets, Xapian::Enquire& enquire);

    // The top `limit` labels of each facet by count (ties by label), after get_mset.
    std::map<std::string, std::vector<FacetValue>> top(std::size_t limit) const;

  private:
    std::vector<CountedFacet> facets_;
    Xapian::ValueCountMatchSpy spy_;
};

}  // namespace tawsiya::engine
