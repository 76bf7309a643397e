#include "engine/facet_counter.hpp"

#include <algorithm>
#include <unordered_map>

#include "tawsiya/schema.hpp"

namespace tawsiya::engine {

FacetCounter::FacetCounter(const std::vector<CountedFacet>& facets, Xapian::Enquire& enquire)
    : facets_(facets) {
    for (const CountedFacet& facet : facets_) {
        spies_.push_back(
            std::make_unique<Xapian::ValueCountMatchSpy>(schema::facet_slot(facet.prefix)));
        enquire.add_matchspy(spies_.back().get());  // not owned: this counter outlives get_mset
    }
}

std::map<std::string, std::vector<FacetValue>> FacetCounter::top(std::size_t limit) const {
    std::map<std::string, std::vector<FacetValue>> result;
    for (std::size_t f = 0; f < facets_.size(); ++f) {
        std::unordered_map<std::string, std::size_t> counts;
        const Xapian::ValueCountMatchSpy& spy = *spies_[f];
        for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
            for (std::string& label : schema::facet_value_labels(*it))
                counts[std::move(label)] += it.get_termfreq();
        if (counts.empty()) continue;
        std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
        const std::size_t n = std::min(limit, sorted.size());
        std::partial_sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(n),
                          sorted.end(), [](const auto& a, const auto& b) {
                              return a.second != b.second ? a.second > b.second : a.first < b.first;
                          });
        auto& values = result[facets_[f].key];
        for (std::size_t i = 0; i < n; ++i)  // states are named by the searcher
            values.push_back({sorted[i].first, sorted[i].second, sorted[i].first});
    }
    return result;
}

}  // namespace tawsiya::engine
