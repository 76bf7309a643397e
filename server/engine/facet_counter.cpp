#include "engine/facet_counter.hpp"

#include <algorithm>

namespace tawsiya::engine {

FacetPostings::FacetPostings(const Xapian::Database& db, const std::vector<CountedFacet>& facets)
    : facets_(facets) {
    const Xapian::docid last = db.get_lastdocid();
    std::vector<std::pair<Xapian::docid, std::uint32_t>> pairs;  // (docid, term id)
    pairs.reserve(static_cast<std::size_t>(db.get_doccount()) * 10);
    for (std::uint32_t f = 0; f < facets_.size(); ++f) {
        const std::string prefix = facets_[f].prefix + ":";
        for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
            const auto id = static_cast<std::uint32_t>(labels_.size());
            labels_.push_back((*term).substr(prefix.size()));
            facet_of_.push_back(f);
            for (auto post = db.postlist_begin(*term); post != db.postlist_end(*term); ++post)
                pairs.emplace_back(*post, id);
        }
    }
    // Counting sort by docid into a compressed row layout.
    offsets_.assign(static_cast<std::size_t>(last) + 2, 0);
    for (const auto& [docid, id] : pairs) ++offsets_[docid + 1];
    for (std::size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
    terms_.resize(pairs.size());
    std::vector<std::uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
    for (const auto& [docid, id] : pairs) terms_[fill[docid]++] = id;
}

std::map<std::string, std::vector<FacetValue>> FacetPostings::top(
    const std::vector<std::uint32_t>& counts, std::size_t limit) const {
    std::vector<std::vector<std::uint32_t>> ids(facets_.size());
    for (std::uint32_t id = 0; id < counts.size(); ++id)
        if (counts[id] > 0) ids[facet_of_[id]].push_back(id);
    std::map<std::string, std::vector<FacetValue>> result;
    for (std::size_t f = 0; f < facets_.size(); ++f) {
        auto& list = ids[f];
        if (list.empty()) continue;
        const auto by_count = [&](std::uint32_t a, std::uint32_t b) {
            return counts[a] != counts[b] ? counts[a] > counts[b] : labels_[a] < labels_[b];
        };
        const std::size_t n = std::min(limit, list.size());
        std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(n), list.end(),
                          by_count);
        auto& values = result[facets_[f].key];
        for (std::size_t i = 0; i < n; ++i) {
            const std::string& label = labels_[list[i]];
            values.push_back({label, counts[list[i]], label});  // states are named by the searcher
        }
    }
    return result;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    ++seen_;
    const auto [begin, end] = postings_.terms_of(doc.get_docid());
    for (auto it = begin; it != end; ++it) ++counts_[*it];
}

}  // namespace tawsiya::engine
