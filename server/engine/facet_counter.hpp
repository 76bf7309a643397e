// Facet counts over the matches of a search, the same on a local index and on a
// Xapian::Database made of remote shards. Each document holds the ids of its counted facet
// labels in one value (schema::kSlotFacets, schema::facet_value).
//
// Over shards: Xapian::ValueCountMatchSpy over that slot. xapian-tcpsrv knows that spy, runs it
// next to each shard and sends back its counts, which the client adds up (a spy of our own would
// need registering in the server, which the stock xapian-tcpsrv cannot do). The spy counts each
// distinct value (a document's set of ids, nearly unique per record), and an id's count is the
// sum over the values that hold it.
// On a local index: a spy of our own over the same slot adds one to each id of each document it
// is shown. It is shown the same documents (same Enquire, same check_at_least), so its counts
// are those sums, without a map of every distinct value (tests/test_shards.cpp checks that the
// two give the same counts).
//
// The ids are named by the index's facet terms (FacetNames, read once per revision). Two labels
// with one id (FNV-1a, 32 bits: a chance of 6 in 100,000 for the shared corpus's 744 labels)
// cannot be told apart in the slot: those labels are counted apart, each by a query of its own.
#pragma once

#include <xapian.h>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/facet_catalog.hpp"
#include "tawsiya/schema.hpp"
#include "tawsiya/search.hpp"

namespace tawsiya::engine {

// The labels of the counted facets by their ids, from the index's facet terms: one scan of the
// terms of each counted facet (744 terms on the shared corpus), so build it once per revision.
struct FacetNames {
    struct Name {
        std::size_t facet = 0;  // index in `facets`
        std::string label;
    };
    std::vector<CountedFacet> facets;
    std::unordered_map<schema::FacetId, Name> by_id;  // ids of one label only
    struct Apart {
        std::size_t facet = 0;
        std::string term;  // a label whose id another label has too
    };
    std::vector<Apart> apart;
};
FacetNames read_facet_names(const Xapian::Database& db, std::vector<CountedFacet> facets);

class FacetCounter {
  public:
    // Spies on `enquire` (`remote`: the database has remote shards); the counter must outlive
    // its get_mset call, `names` the counter.
    FacetCounter(const FacetNames& names, Xapian::Enquire& enquire, bool remote);
    ~FacetCounter();

    // How many matches a term has, for the labels counted apart.
    using CountApart = std::function<std::size_t(const std::string& term)>;

    // The top `limit` labels of each facet by count (ties by label), after get_mset.
    std::map<std::string, std::vector<FacetValue>> top(std::size_t limit,
                                                       const CountApart& count_apart) const;

  private:
    class LocalSpy;
    const FacetNames& names_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> remote_spy_;
    std::unique_ptr<LocalSpy> local_spy_;
};

}  // namespace tawsiya::engine
