#include "engine/facet_counter.hpp"

#include <algorithm>
#include <unordered_set>

namespace tawsiya::engine {

FacetNames read_facet_names(const Xapian::Database& db, std::vector<CountedFacet> facets) {
    FacetNames names;
    names.facets = std::move(facets);
    std::unordered_map<schema::FacetId, FacetNames::Apart> first;  // each id's first term
    std::unordered_set<schema::FacetId> shared;
    for (std::size_t f = 0; f < names.facets.size(); ++f) {
        const std::string term_prefix = names.facets[f].prefix + ":";
        for (auto it = db.allterms_begin(term_prefix); it != db.allterms_end(term_prefix); ++it) {
            const std::string term = *it;
            const schema::FacetId id = schema::facet_id(term);
            const auto [at, added] = first.emplace(id, FacetNames::Apart{f, term});
            if (added) continue;
            if (shared.insert(id).second) names.apart.push_back(at->second);
            names.apart.push_back({f, term});
        }
    }
    for (auto& [id, name] : first)
        if (!shared.count(id))
            names.by_id.emplace(
                id, FacetNames::Name{name.facet,
                                     name.term.substr(names.facets[name.facet].prefix.size() + 1)});
    return names;
}

// Adds one to each id of each document shown: the counts a ValueCountMatchSpy's values sum to.
// The counts are an open-addressing table (a document has about ten ids, a broad search shows
// the spy thousands of documents: one probe each instead of a node-based map's lookup).
class FacetCounter::LocalSpy : public Xapian::MatchSpy {
  public:
    explicit LocalSpy(std::size_t ids) {
        std::size_t size = 64;
        while (size < 2 * ids) size *= 2;
        table_.resize(size);
    }

    void operator()(const Xapian::Document& doc, double) override {
        schema::for_each_facet_id(doc.get_value(schema::kSlotFacets),
                                  [&](schema::FacetId id) { add(id); });
    }

    template <typename Visit>
    void for_each(Visit visit) const {
        for (const Entry& entry : table_)
            if (entry.count > 0) visit(entry.id, entry.count);
    }

  private:
    struct Entry {
        schema::FacetId id = 0;
        Xapian::doccount count = 0;  // 0: a free entry
    };

    // The entry that holds `id`, or the free one where it goes.
    std::size_t slot_of(schema::FacetId id) const {
        const std::size_t mask = table_.size() - 1;
        std::size_t at = (id ^ (id >> 16)) & mask;
        while (table_[at].count > 0 && table_[at].id != id) at = (at + 1) & mask;
        return at;
    }

    void add(schema::FacetId id) {
        Entry& entry = table_[slot_of(id)];
        ++entry.count;
        if (entry.count > 1) return;
        entry.id = id;
        if (2 * ++used_ > table_.size()) grow();  // more ids than the names knew of
    }

    void grow() {
        std::vector<Entry> old(table_.size() * 2);
        old.swap(table_);
        for (const Entry& entry : old)
            if (entry.count > 0) table_[slot_of(entry.id)] = entry;
    }

    std::vector<Entry> table_;
    std::size_t used_ = 0;
};

FacetCounter::FacetCounter(const FacetNames& names, Xapian::Enquire& enquire, bool remote)
    : names_(names) {
    // Not owned by `enquire`: this counter outlives get_mset.
    if (remote) {
        remote_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSlotFacets);
        enquire.add_matchspy(remote_spy_.get());
    } else {
        local_spy_ = std::make_unique<LocalSpy>(names.by_id.size() + names.apart.size());
        enquire.add_matchspy(local_spy_.get());
    }
}

FacetCounter::~FacetCounter() = default;

std::map<std::string, std::vector<FacetValue>> FacetCounter::top(
    std::size_t limit, const CountApart& count_apart) const {
    std::vector<std::vector<std::pair<std::string, std::size_t>>> counts(names_.facets.size());
    const auto add = [&](schema::FacetId id, std::size_t count) {
        const auto name = names_.by_id.find(id);
        // Not found: a label counted apart, or one added since the names were read.
        if (name != names_.by_id.end())
            counts[name->second.facet].emplace_back(name->second.label, count);
    };
    if (local_spy_) {
        local_spy_->for_each(add);
    } else {
        std::unordered_map<schema::FacetId, std::size_t> by_id;
        for (auto it = remote_spy_->values_begin(); it != remote_spy_->values_end(); ++it) {
            const Xapian::doccount documents = it.get_termfreq();
            schema::for_each_facet_id(*it, [&](schema::FacetId id) { by_id[id] += documents; });
        }
        for (const auto& [id, count] : by_id) add(id, count);
    }
    for (const FacetNames::Apart& apart : names_.apart)
        if (const std::size_t count = count_apart(apart.term); count > 0)
            counts[apart.facet].emplace_back(
                apart.term.substr(names_.facets[apart.facet].prefix.size() + 1), count);

    std::map<std::string, std::vector<FacetValue>> result;
    for (std::size_t f = 0; f < names_.facets.size(); ++f) {
        auto& sorted = counts[f];
        if (sorted.empty()) continue;
        const std::size_t n = std::min(limit, sorted.size());
        std::partial_sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(n),
                          sorted.end(), [](const auto& a, const auto& b) {
                              return a.second != b.second ? a.second > b.second : a.first < b.first;
                          });
        auto& values = result[names_.facets[f].key];
        for (std::size_t i = 0; i < n; ++i)  // states are named by the searcher
            values.push_back({sorted[i].first, sorted[i].second, sorted[i].first});
    }
    return result;
}

}  // namespace tawsiya::engine
