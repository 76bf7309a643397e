#include "engine/facet_counter.hpp"

#include <algorithm>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "tawsiya/schema.hpp"

namespace tawsiya::engine {

FacetCounter::FacetCounter(const std::vector<CountedFacet>& facets, Xapian::Enquire& enquire)
    : facets_(facets), spy_(schema::kSlotFacets) {
    enquire.add_matchspy(&spy_);  // not owned: this counter outlives get_mset
}

namespace {

// Label -> count, looked up by a view into the spy's value without a copy.
struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Counts = std::unordered_map<std::string, std::size_t, ViewHash, std::equal_to<>>;

}  // namespace

std::map<std::string, std::vector<FacetValue>> FacetCounter::top(std::size_t limit) const {
    std::unordered_map<std::string_view, std::size_t> facet_of;  // prefix -> index in facets_
    for (std::size_t f = 0; f < facets_.size(); ++f) facet_of.emplace(facets_[f].prefix, f);
    std::vector<Counts> counts(facets_.size());
    for (auto it = spy_.values_begin(); it != spy_.values_end(); ++it) {
        const Xapian::doccount documents = it.get_termfreq();
        const std::string value = *it;
        schema::for_each_facet_label(value, [&](std::string_view prefix, std::string_view label) {
            const auto f = facet_of.find(prefix);
            if (f == facet_of.end()) return;  // a facet not counted (symbol, cycle...)
            Counts& of_facet = counts[f->second];
            if (const auto found = of_facet.find(label); found != of_facet.end())
                found->second += documents;
            else
                of_facet.emplace(std::string(label), documents);
        });
    }
    std::map<std::string, std::vector<FacetValue>> result;
    for (std::size_t f = 0; f < facets_.size(); ++f) {
        if (counts[f].empty()) continue;
        std::vector<std::pair<std::string, std::size_t>> sorted(counts[f].begin(), counts[f].end());
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
