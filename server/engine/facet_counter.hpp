// Facet counts over the matches of a search, through what works on a Xapian::Database made of
// remote shards as on a local one: one Xapian::ValueCountMatchSpy per facet over the facet's
// value slot (schema::facet_slot). xapian-tcpsrv knows that spy, runs it next to each shard and
// sends back its counts, which the client adds up; a spy of our own would need registering in
// the server, which the stock xapian-tcpsrv cannot do. Nothing is built at open: no first-query
// stall, nothing keyed by document ids.
//
// A record has several labels of some facets (two themes, three recommending states), so a slot
// holds the set of the record's labels (schema::facet_value); the spy counts each distinct set
// and the count of a label is the sum over the sets that hold it.
#pragma once

#include <xapian.h>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/facet_catalog.hpp"
#include "tawsiya/search.hpp"

namespace tawsiya::engine {

class FacetCounter {
  public:
    // Spies on `enquire` for each facet; the counter must outlive the get_mset call.
    FacetCounter(const std::vector<CountedFacet>& facets, Xapian::Enquire& enquire);

    // The top `limit` labels of each facet by count (ties by label), after get_mset.
    std::map<std::string, std::vector<FacetValue>> top(std::size_t limit) const;

  private:
    std::vector<CountedFacet> facets_;
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_;  // one per facet
};

}  // namespace tawsiya::engine
