// Facet counts over the matches of a search. A record has several labels of a facet (two themes,
// three recommending states), so counts come from the boolean terms, not from a value slot.
//
// Reading each matching document's termlist costs a disk lookup per match; instead the facet
// terms of every document are read once per index revision, from the postings of the facet
// terms (FacetPostings: docid -> facet term ids, a few ints per record), and the match spy only
// adds up ids. Building it walks the postings of every facet term once (~10 per record).
#pragma once

#include <xapian.h>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/facet_catalog.hpp"
#include "tawsiya/search.hpp"

namespace tawsiya::engine {

class FacetPostings {
  public:
    FacetPostings(const Xapian::Database& db, const std::vector<CountedFacet>& facets);

    std::size_t term_count() const { return labels_.size(); }
    const std::vector<CountedFacet>& facets() const { return facets_; }

    // The facet term ids of a document (empty for a docid past the end).
    std::pair<const std::uint32_t*, const std::uint32_t*> terms_of(Xapian::docid docid) const {
        if (docid + 1 >= offsets_.size()) return {nullptr, nullptr};
        return {terms_.data() + offsets_[docid], terms_.data() + offsets_[docid + 1]};
    }

    // The top `limit` labels of each facet by count (ties by label), from counts per term id.
    std::map<std::string, std::vector<FacetValue>> top(const std::vector<std::uint32_t>& counts,
                                                       std::size_t limit) const;

  private:
    std::vector<CountedFacet> facets_;
    std::vector<std::string> labels_;      // term id -> label
    std::vector<std::uint32_t> facet_of_;  // term id -> index in facets_
    std::vector<std::uint32_t> offsets_;   // docid -> start in terms_ (size lastdocid + 2)
    std::vector<std::uint32_t> terms_;     // term ids, grouped by docid
};

// Counts the facet terms of each document the matcher looks at.
class FacetSpy : public Xapian::MatchSpy {
  public:
    explicit FacetSpy(const FacetPostings& postings)
        : postings_(postings), counts_(postings.term_count(), 0) {}
    void operator()(const Xapian::Document& doc, double weight) override;
    const std::vector<std::uint32_t>& counts() const { return counts_; }
    std::size_t documents_seen() const { return seen_; }

  private:
    const FacetPostings& postings_;
    std::vector<std::uint32_t> counts_;
    std::size_t seen_ = 0;
};

}  // namespace tawsiya::engine
