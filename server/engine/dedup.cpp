// Deduplication. Candidate pairs come from all-pairs cosine similarity with prefix filtering
// (Bayardo et al., "Scaling up all pairs similarity search", WWW 2007): each item is a TF-IDF
// vector of its stems and request-slot keys, features ordered rarest first; only the prefix of
// each vector (the part whose removal would leave less than the candidate cosine of norm) goes
// into an inverted index. Two items with a cosine at least that must share a feature of one's
// prefix, so probing that index finds every such pair without scoring all pairs; the postings of
// the rare features that prefixes hold are short, hence the near-linear cost. Items with the same
// content stems (the same text sent by several states) are collapsed before, so a list that
// repeats a request a hundred times costs one vector, not 5,000 pairs.
//
// Each candidate pair is then weighed by the pair model (dedup.hpp: the probability a reviewer
// would merge the two, lowered when their request slots conflict), and clusters merge by average
// linkage over those probabilities (average_linkage below).
#include "tawsiya/dedup.hpp"

#include <algorithm>
#include <array>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <cctype>
#include <cmath>
#include <numeric>
#include <queue>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "engine/action_degree.hpp"
#include "engine/features.hpp"
#include "engine/request_slots.hpp"
#include "tawsiya/recommendation_text.hpp"
#include "tawsiya/translation.hpp"

namespace tawsiya {

namespace {

using Vector = features::SparseVector;  // sorted by feature rank (rarest first), L2-normalised

struct Analysed {
    std::vector<std::vector<std::string>> stems;
    std::vector<Lang> lang;
    std::vector<std::vector<std::string>> acronyms;  // sorted, hyphens dropped: "OPCAT", "ICCPR"
    std::vector<RequestSlots> slots;                 // read in the item's own language
    std::vector<ActionDegree> degree;                // read from the opening the stems lack
};

// Starts a slot key among a vector's stems; no stem starts with it.
constexpr char kSlotMark = '\x01';

// The acronyms of a text: words of 2 to 10 capital letters (digits and hyphens allowed, no small
// letter), hyphens dropped so that "OP-CAT" is "OPCAT". They name instruments and bodies.
std::vector<std::string> acronyms_of(std::string_view text) {
    std::vector<std::string> found;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!(std::isalnum(c) || c == '-')) {
            ++i;
            continue;
        }
        std::size_t end = i;
        std::string word;
        bool lower = false;
        std::size_t capitals = 0;
        while (end < text.size() &&
               (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-')) {
            const auto d = static_cast<unsigned char>(text[end]);
            lower |= std::islower(d) != 0;
            if (std::isupper(d)) ++capitals;
            if (d != '-') word.push_back(static_cast<char>(d));
            ++end;
        }
        // A word glued to non-ASCII letters ("CATé") is not an acronym.
        const bool glued = end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80;
        if (!lower && !glued && capitals >= 2 && word.size() <= 10) found.push_back(word);
        i = end;
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

// Two texts that each name an instrument or body the other does not ("Accede to the ICESCR and
// bring legislation into line with it" / "... the ICCPR ...") ask for different things, however
// much of their wording they share.
bool name_different_things(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const auto has_other = [](const std::vector<std::string>& x,
                              const std::vector<std::string>& y) {
        for (const auto& word : x)
            if (!std::binary_search(y.begin(), y.end(), word)) return true;
        return false;
    };
    return has_other(a, b) && has_other(b, a);
}

// Stems of each item's content, analysed on up to two threads (analysis is most of the cost).
Analysed analyse(const std::vector<DedupItem>& items, const Analyzer& analyzer) {
    Analysed out{std::vector<std::vector<std::string>>(items.size()),
                 std::vector<Lang>(items.size()),
                 std::vector<std::vector<std::string>>(items.size()),
                 std::vector<RequestSlots>(items.size()), std::vector<ActionDegree>(items.size())};
    const SlotLexicon& slots = SlotLexicon::embedded(analyzer);
    const DegreeLexicon& degrees = DegreeLexicon::embedded(analyzer);
    auto work = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const std::string content = strip_recommendation_noise(items[i].text);
            const Lang lang = items[i].lang ? *items[i].lang : analyzer.detect_language(content);
            out.lang[i] = lang;
            out.stems[i] = features::request_stems_of_content(content, lang, analyzer);
            out.acronyms[i] = acronyms_of(content);
            out.slots[i] = slots.find(out.stems[i], lang);
            out.degree[i] = degrees.of(content, lang, analyzer);
            // The slots' keys are words of the vector too, the same in every language: "OPCAT"
            // and "the Optional Protocol to the Convention against Torture" share one, and so do
            // « personnes handicapées » and "persons with disabilities" without a table.
            for (std::size_t s = 0; s < kSlots; ++s)
                for (const auto& key : out.slots[i].keys[s])
                    out.stems[i].push_back(std::string(1, kSlotMark) + std::to_string(s) + key);
        }
    };
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    if (items.size() < 2000 || threads == 1) {
        work(0, items.size());
        return out;
    }
    boost::asio::thread_pool pool(threads);
    const std::size_t chunk = (items.size() + threads - 1) / threads;
    for (unsigned t = 0; t < threads; ++t)
        boost::asio::post(pool, [&work, &items, chunk, t] {
            work(std::min(items.size(), t * chunk), std::min(items.size(), (t + 1) * chunk));
        });
    pool.join();
    return out;
}

// Brings every item into the list's most common language: each stem of another language becomes
// its most probable translation that the list's items in that language have, else its most
// probable one (a stem without any stays: French and English share many). A translation no item
// has cannot join two items; the list's own wording picks among the table's near-synonyms
// ("scolaris" is "school" or "educ", whichever the list writes).
void translate_to_pivot(Analysed& analysed, const TranslationTable& table) {
    PerLang<std::size_t> count;
    for (Lang lang : analysed.lang) ++count[lang];
    const Lang pivot = kAllLangs[std::max_element(count.begin(), count.end()) - count.begin()];
    std::unordered_set<std::string_view> pivot_stems;
    for (std::size_t i = 0; i < analysed.stems.size(); ++i)
        if (analysed.lang[i] == pivot)
            for (const std::string& stem : analysed.stems[i]) pivot_stems.insert(stem);
    std::unordered_map<std::string, std::string> chosen;  // per language pair and stem, once
    for (std::size_t i = 0; i < analysed.stems.size(); ++i) {
        const Lang from = analysed.lang[i];
        if (from == pivot) continue;
        for (std::string& stem : analysed.stems[i]) {
            const auto* translations = table.find(from, pivot, stem);
            if (!translations || translations->empty()) continue;
            std::string key(lang_code(from));
            key += stem;
            auto [it, fresh] = chosen.try_emplace(std::move(key));
            if (fresh) {
                const auto in_list =
                    std::find_if(translations->begin(), translations->end(),
                                 [&](const Translation& t) { return pivot_stems.count(t.stem); });
                it->second =
                    (in_list != translations->end() ? *in_list : translations->front()).stem;
            }
            stem = it->second;
        }
    }
}

// TF-IDF vectors over the list's own vocabulary; feature ids are ranks by increasing document
// frequency, so sorting a vector by id puts its rarest features first.
std::vector<Vector> vectorise(const std::vector<std::vector<std::string>>& stems) {
    std::unordered_map<std::string_view, std::uint32_t> vocabulary;
    std::vector<std::uint32_t> df;
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> counts(stems.size());
    for (std::size_t i = 0; i < stems.size(); ++i) {
        std::unordered_map<std::uint32_t, std::uint32_t> tf;
        for (const auto& stem : stems[i]) {
            auto [it, added] = vocabulary.try_emplace(stem, static_cast<std::uint32_t>(df.size()));
            if (added) df.push_back(0);
            ++tf[it->second];
        }
        for (const auto& [id, n] : tf) {
            ++df[id];
            counts[i].emplace_back(id, n);
        }
    }
    std::vector<std::uint32_t> by_rarity(df.size());
    std::iota(by_rarity.begin(), by_rarity.end(), 0);
    std::stable_sort(by_rarity.begin(), by_rarity.end(),
                     [&](auto a, auto b) { return df[a] < df[b]; });
    std::vector<std::uint32_t> rank(df.size());
    for (std::uint32_t r = 0; r < by_rarity.size(); ++r) rank[by_rarity[r]] = r;

    const double n = static_cast<double>(stems.size());
    const auto feature_of = [&](std::uint32_t id) {
        return std::optional{std::pair{rank[id], features::idf(n, df[id])}};
    };
    std::vector<Vector> vectors(stems.size());
    for (std::size_t i = 0; i < stems.size(); ++i)
        vectors[i] =
            features::normalised(features::tfidf_of_counts<std::uint32_t>(counts[i], feature_of));
    return vectors;
}

struct Posting {
    std::uint32_t item;
    float weight;
};

// The prefix index: each vector's rarest features until what is left has norm < threshold.
// suffix_norm[i] is the norm of what vector i left out.
struct PrefixIndex {
    std::vector<std::vector<Posting>> postings;  // by feature id
    std::vector<float> suffix_norm;
};

PrefixIndex build_prefix_index(const std::vector<Vector>& vectors, double threshold,
                               std::size_t features) {
    PrefixIndex index;
    index.postings.resize(features);
    index.suffix_norm.resize(vectors.size());
    for (std::uint32_t i = 0; i < vectors.size(); ++i) {
        double rest = 1.0;  // squared norm of the part not yet indexed
        std::size_t f = 0;
        for (; f < vectors[i].size() && rest >= threshold * threshold; ++f) {
            index.postings[vectors[i][f].id].push_back({i, vectors[i][f].weight});
            rest -= static_cast<double>(vectors[i][f].weight) * vectors[i][f].weight;
        }
        index.suffix_norm[i] = static_cast<float>(std::sqrt(std::max(0.0, rest)));
    }
    return index;
}

struct Pair {
    std::uint32_t a, b;
    float similarity;
};

// Every pair (x, y), y < x, with cosine >= threshold: x probes the prefix index with all its
// features; y is scored in full only when its prefix overlap plus its suffix norm can reach it.
std::vector<Pair> similar_pairs(const std::vector<Vector>& vectors, const PrefixIndex& index,
                                double threshold, std::size_t features,
                                std::size_t& candidates_scored) {
    const unsigned threads =
        vectors.size() < 2000 ? 1 : std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    std::vector<std::vector<Pair>> found(threads);
    std::vector<std::size_t> scored(threads, 0);
    auto work = [&](unsigned t) {
        std::vector<float> accumulator(vectors.size(), 0.0f);
        std::vector<std::uint32_t> touched;
        std::vector<float> dense(features, 0.0f);
        for (std::uint32_t x = t; x < vectors.size(); x += threads) {
            for (const auto& f : vectors[x]) {
                dense[f.id] = f.weight;
                for (const Posting& p : index.postings[f.id]) {
                    if (p.item >= x) break;  // postings are in item order
                    if (accumulator[p.item] == 0.0f) touched.push_back(p.item);
                    accumulator[p.item] += f.weight * p.weight;
                }
            }
            for (std::uint32_t y : touched) {
                if (accumulator[y] + index.suffix_norm[y] >= threshold) {
                    ++scored[t];
                    double dot = 0;
                    for (const auto& g : vectors[y]) dot += dense[g.id] * g.weight;
                    if (dot >= threshold) found[t].push_back({y, x, static_cast<float>(dot)});
                }
                accumulator[y] = 0.0f;
            }
            touched.clear();
            for (const auto& f : vectors[x]) dense[f.id] = 0.0f;
        }
    };
    if (threads == 1) {
        work(0);
    } else {
        boost::asio::thread_pool pool(threads);
        for (unsigned t = 0; t < threads; ++t) boost::asio::post(pool, [&work, t] { work(t); });
        pool.join();
    }
    std::vector<Pair> pairs;
    for (unsigned t = 0; t < threads; ++t) {
        pairs.insert(pairs.end(), found[t].begin(), found[t].end());
        candidates_scored += scored[t];
    }
    return pairs;
}

// The most of either vector's (squared) weight that their shared features carry: 1 when one
// text's stems are all in the other ("Abolish the death penalty" in "Abolish the death penalty
// and commute all death sentences").
double containment(const Vector& a, const Vector& b) {
    return std::max(features::coverage(a, 1.0, b), features::coverage(b, 1.0, a));
}

// Items whose content stems are the same multiset share one vector; `unique_of[i]` is item i's.
struct Collapsed {
    std::vector<std::vector<std::string>> stems;  // per unique content
    std::vector<std::size_t> unique_of;           // item -> unique content
    std::vector<std::size_t> copies;              // unique content -> number of items
};

Collapsed collapse_identical(std::vector<std::vector<std::string>> stems) {
    Collapsed c;
    std::unordered_map<std::string, std::size_t> seen;
    c.unique_of.resize(stems.size());
    for (std::size_t i = 0; i < stems.size(); ++i) {
        std::vector<std::string> sorted = stems[i];
        std::sort(sorted.begin(), sorted.end());
        std::string key;
        for (const auto& stem : sorted) key.append(stem).push_back('\x1f');
        // An item without content stems is only ever the same as itself.
        if (sorted.empty()) key.assign(1, '\x1e').append(std::to_string(i));
        auto [it, added] = seen.try_emplace(std::move(key), c.stems.size());
        if (added) {
            c.stems.push_back(std::move(stems[i]));
            c.copies.push_back(0);
        }
        c.unique_of[i] = it->second;
        ++c.copies[it->second];
    }
    return c;
}

// Average-linkage clustering over the graph of similar pairs: the two clusters whose members are
// most similar on average merge, while that average is at least the threshold (a pair under it,
// absent from the graph, counts as 0). Unlike single linkage (connected components) nothing
// chains "ratify OPCAT" to "ratify CAT" to "ratify CED"; unlike stars around central items, two
// near-identical requests are never split because a third item took one of them first. A unique
// content of k copies is a cluster of k items from the start. Returns each content's cluster
// (the index of one of its contents).
std::vector<std::size_t> average_linkage(std::size_t n, const std::vector<Pair>& pairs,
                                         const std::vector<std::size_t>& copies, double threshold) {
    std::vector<std::unordered_map<std::size_t, double>> links(n);  // cluster -> summed similarity
    std::vector<double> size(n);
    for (std::size_t u = 0; u < n; ++u) size[u] = static_cast<double>(copies[u]);
    for (const Pair& p : pairs) {
        const double sum = p.similarity * size[p.a] * size[p.b];
        links[p.a][p.b] += sum;
        links[p.b][p.a] += sum;
    }
    struct Candidate {
        double average;
        std::size_t a, b;
        bool operator<(const Candidate& o) const { return average < o.average; }
    };
    std::priority_queue<Candidate> queue;
    for (std::size_t a = 0; a < n; ++a)
        for (const auto& [b, sum] : links[a])
            if (a < b) queue.push({sum / (size[a] * size[b]), a, b});
    std::vector<std::size_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    std::vector<bool> alive(n, true);
    while (!queue.empty()) {
        const Candidate c = queue.top();
        queue.pop();
        if (c.average < threshold) break;
        if (!alive[c.a] || !alive[c.b]) continue;
        const auto link = links[c.a].find(c.b);
        // A stale entry: the two clusters' average changed since it was queued.
        if (link == links[c.a].end() || link->second / (size[c.a] * size[c.b]) != c.average)
            continue;
        // The smaller cluster's links move into the larger one.
        const std::size_t keep = links[c.a].size() >= links[c.b].size() ? c.a : c.b;
        const std::size_t gone = keep == c.a ? c.b : c.a;
        links[keep].erase(gone);
        for (const auto& [other, sum] : links[gone]) {
            if (other == keep) continue;
            links[other].erase(gone);
            const double merged = (links[keep][other] += sum);
            links[other][keep] = merged;
        }
        links[gone].clear();
        alive[gone] = false;
        parent[gone] = keep;
        size[keep] += size[gone];
        for (const auto& [other, sum] : links[keep])
            queue.push(
                {sum / (size[keep] * size[other]), std::min(keep, other), std::max(keep, other)});
    }
    std::vector<std::size_t> cluster(n);
    for (std::size_t u = 0; u < n; ++u) {
        std::size_t r = u;
        while (parent[r] != r) r = parent[r];
        cluster[u] = r;
    }
    return cluster;
}

// The pair features (dedup.hpp) of items i and j, whose contents are ui and uj.
PairFeatures features_of(const Analysed& analysed, const std::vector<Vector>& vectors,
                         std::size_t i, std::size_t j, std::size_t ui, std::size_t uj) {
    PairFeatures f{};
    const auto set = [&](PairFeature which, double value) {
        f[static_cast<std::size_t>(which)] = value;
    };
    const double cos = ui == uj ? 1.0 : features::dot(vectors[ui], vectors[uj]);
    const bool cross = analysed.lang[i] != analysed.lang[j];
    set(PairFeature::cosine, cos);
    set(PairFeature::cross_language, cross ? 1.0 : 0.0);
    set(PairFeature::cross_cosine, cross ? cos : 0.0);
    set(PairFeature::containment, ui == uj ? 1.0 : containment(vectors[ui], vectors[uj]));
    const SlotComparison slots = compare_slots(analysed.slots[i], analysed.slots[j]);
    const auto slot = [](const auto& array, Slot s) { return array[static_cast<std::size_t>(s)]; };
    set(PairFeature::same_instrument, slot(slots.shared, Slot::instrument) ? 1.0 : 0.0);
    set(PairFeature::same_object,
        slot(slots.shared, Slot::object) || slot(slots.shared, Slot::group) ? 1.0 : 0.0);
    set(PairFeature::instrument_conflict,
        slot(slots.conflict, Slot::instrument) ||
                name_different_things(analysed.acronyms[i], analysed.acronyms[j])
            ? 1.0
            : 0.0);
    set(PairFeature::action_conflict, slot(slots.conflict, Slot::action) ? 1.0 : 0.0);
    set(PairFeature::first_action_differs, slots.first_action_differs ? 1.0 : 0.0);
    set(PairFeature::group_conflict, slot(slots.conflict, Slot::group) ? 1.0 : 0.0);
    set(PairFeature::object_conflict, slot(slots.conflict, Slot::object) ? 1.0 : 0.0);
    set(PairFeature::number_conflict, slots.numbers_conflict ? 1.0 : 0.0);
    const ActionDegree di = analysed.degree[i], dj = analysed.degree[j];
    set(PairFeature::degree_differs,
        di != ActionDegree::unknown && dj != ActionDegree::unknown && di != dj ? 1.0 : 0.0);
    const bool conflict = f[static_cast<std::size_t>(PairFeature::instrument_conflict)] > 0 ||
                          slot(slots.conflict, Slot::group) || slot(slots.conflict, Slot::object);
    set(PairFeature::conflict_cosine, conflict ? cos : 0.0);
    return f;
}

// The smallest cosine at which a pair could still reach `threshold` under `model`, the other
// features at their most favourable (every candidate pair the graph holds has at least it). Not
// under kMinCandidateCosine: pairs that share less than that of their words are seldom one
// request, and the prefix filter lets many more through under it (at 0.1, 100,000 items took
// 183 s instead of 45: bench/RESULTS.md).
constexpr double kMinCandidateCosine = 0.2;
double candidate_cosine(const PairModel& model, double threshold) {
    const double target = std::log(threshold / (1.0 - threshold));
    double rest = model.bias;
    for (std::size_t f = 0; f < kPairFeatures; ++f)
        if (f != static_cast<std::size_t>(PairFeature::cosine) &&
            f != static_cast<std::size_t>(PairFeature::cross_cosine))
            rest += std::max(0.0, model.weights[f]);
    const double slope =
        model.weights[static_cast<std::size_t>(PairFeature::cosine)] +
        std::max(0.0, model.weights[static_cast<std::size_t>(PairFeature::cross_cosine)]);
    if (slope <= 0) return kMinCandidateCosine;
    return std::clamp((target - rest) / slope, kMinCandidateCosine, 1.0);
}

// A list analysed, carried into one language, its identical contents collapsed, vectorised:
// what the clusters and the pair similarities are both computed from.
struct Prepared {
    Analysed analysed;  // its stems moved into `collapsed`
    Collapsed collapsed;
    std::vector<Vector> vectors;
};

Prepared prepare(const std::vector<DedupItem>& items, const Analyzer& analyzer,
                 const DedupOptions& options) {
    Prepared p;
    p.analysed = analyse(items, analyzer);
    if (options.translations) translate_to_pivot(p.analysed, *options.translations);
    p.collapsed = collapse_identical(std::move(p.analysed.stems));
    p.vectors = vectorise(p.collapsed.stems);
    return p;
}

}  // namespace

std::vector<PairFeatures> pair_features(
    const std::vector<DedupItem>& items,
    const std::vector<std::pair<std::size_t, std::size_t>>& pairs, const Analyzer& analyzer,
    const DedupOptions& options) {
    const Prepared prepared = prepare(items, analyzer, options);
    std::vector<PairFeatures> out;
    for (const auto& [a, b] : pairs)
        out.push_back(features_of(prepared.analysed, prepared.vectors, a, b,
                                  prepared.collapsed.unique_of.at(a),
                                  prepared.collapsed.unique_of.at(b)));
    return out;
}

std::vector<double> pair_similarities(const std::vector<DedupItem>& items,
                                      const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
                                      const Analyzer& analyzer, const DedupOptions& options) {
    const Prepared prepared = prepare(items, analyzer, options);
    std::vector<double> out;
    for (const auto& [a, b] : pairs) {
        const std::size_t ua = prepared.collapsed.unique_of.at(a);
        const std::size_t ub = prepared.collapsed.unique_of.at(b);
        out.push_back(ua == ub ? 1.0
                               : options.model.probability(features_of(
                                     prepared.analysed, prepared.vectors, a, b, ua, ub)));
    }
    return out;
}

DedupResult deduplicate(const std::vector<DedupItem>& items, const Analyzer& analyzer,
                        const DedupOptions& options) {
    DedupResult result;
    result.threshold = options.threshold;
    const Prepared prepared = prepare(items, analyzer, options);
    const Analysed& analysed = prepared.analysed;
    const Collapsed& collapsed = prepared.collapsed;
    const std::vector<Vector>& vectors = prepared.vectors;
    std::size_t features = 0;
    for (const auto& v : vectors)
        for (const auto& f : v) features = std::max<std::size_t>(features, f.id + 1);
    // The candidates: pairs whose cosine could reach the threshold under the model; each is then
    // weighed by the model (its probability replaces the cosine).
    const double graph_threshold = candidate_cosine(options.model, options.threshold);
    const PrefixIndex index = build_prefix_index(vectors, graph_threshold, features);
    auto pairs = similar_pairs(vectors, index, graph_threshold, features, result.candidate_pairs);
    // Each unique content's first item: its language, acronyms and slots are the content's.
    const std::size_t n = items.size();
    std::vector<std::size_t> first_item_of(vectors.size(), SIZE_MAX);
    for (std::size_t i = 0; i < n; ++i)
        if (first_item_of[collapsed.unique_of[i]] == SIZE_MAX)
            first_item_of[collapsed.unique_of[i]] = i;
    const auto probability = [&](std::size_t ua, std::size_t ub) {
        return ua == ub ? 1.0
                        : options.model.probability(features_of(
                              analysed, vectors, first_item_of[ua], first_item_of[ub], ua, ub));
    };
    for (Pair& p : pairs) p.similarity = static_cast<float>(probability(p.a, p.b));
    // Candidates under the threshold count in the linkage with their probability too: a
    // cluster's average is over what its members are to each other, not only their best links.
    // A content with no pair at the threshold never joins a cluster (an average at the threshold
    // needs one such pair), so its weaker pairs can never count and are dropped.
    {
        std::vector<bool> can_join(vectors.size(), false);
        for (const Pair& p : pairs)
            if (p.similarity >= options.threshold) can_join[p.a] = can_join[p.b] = true;
        // Pairs under half the threshold would move an average little and cost most of the
        // memory (at 100,000 items, keeping them all took 1.7 GB at peak, against 1.1 GB).
        const auto floor = static_cast<float>(options.threshold / 2);
        std::erase_if(pairs, [&](const Pair& p) {
            return p.similarity < floor || !can_join[p.a] || !can_join[p.b];
        });
    }
    const auto cluster_of_content =
        average_linkage(vectors.size(), pairs, collapsed.copies, options.threshold);
    // Each cluster's centre: the content most similar to the cluster's other items.
    std::vector<double> centrality(vectors.size());
    for (std::size_t u = 0; u < vectors.size(); ++u)
        centrality[u] = static_cast<double>(collapsed.copies[u] - 1);
    for (const Pair& p : pairs)
        if (cluster_of_content[p.a] == cluster_of_content[p.b]) {
            centrality[p.a] += p.similarity * static_cast<double>(collapsed.copies[p.b]);
            centrality[p.b] += p.similarity * static_cast<double>(collapsed.copies[p.a]);
        }
    std::vector<std::size_t> centre_of(vectors.size(), SIZE_MAX);
    for (std::size_t u = 0; u < vectors.size(); ++u) {
        std::size_t& c = centre_of[cluster_of_content[u]];
        if (c == SIZE_MAX || centrality[u] > centrality[c]) c = u;
    }
    std::vector<std::size_t> centre(vectors.size());
    for (std::size_t u = 0; u < vectors.size(); ++u) centre[u] = centre_of[cluster_of_content[u]];

    // Clusters in input order of their first member; the representative is the first item with
    // the centre's content.
    std::vector<std::size_t> cluster_of_centre(vectors.size(), SIZE_MAX);
    result.cluster_of.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t c = centre[collapsed.unique_of[i]];
        if (cluster_of_centre[c] == SIZE_MAX) {
            cluster_of_centre[c] = result.clusters.size();
            result.clusters.push_back({first_item_of[c], {}});
        }
        result.cluster_of[i] = cluster_of_centre[c];
        Cluster& cluster = result.clusters[cluster_of_centre[c]];
        const std::size_t u = collapsed.unique_of[i];
        cluster.members.push_back({i, probability(u, c)});
    }
    for (Cluster& cluster : result.clusters)
        std::stable_sort(
            cluster.members.begin(), cluster.members.end(),
            [&](const ClusterMember& a, const ClusterMember& b) {
                if ((a.item == cluster.representative) != (b.item == cluster.representative))
                    return a.item == cluster.representative;
                return a.similarity > b.similarity;
            });
    return result;
}

}  // namespace tawsiya
