// In-process search latency on the shared corpus records (../shared/corpus/records/*.jsonl, 34,046
// records): queries of three, one and two (phrase) words taken from the records' own texts, in
// English, Arabic and French, with facet counts and a page of 10 hits with snippets, as the API
// asks. Each benchmark runs 2,000 queries (one per iteration) and reports p50 and p99 in ms.
//
// Run: build/search_bench
//   TAWSIYA_SHARED_CORPUS=DIR  the shared corpus (default ../shared/corpus)
//   TAWSIYA_BENCH_DB=DIR       search this index instead of building one from the corpus (the
//                              query words are still taken from the corpus records)
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <random>

#include "bench_support.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/search.hpp"

namespace {

using tawsiya::bench::corpus_dir;

using namespace tawsiya;

constexpr int kQueries = 2000;

const Analyzer& analyzer() {
    static const Analyzer instance;
    return instance;
}

const std::vector<Record>& shared_records() {
    static const std::vector<Record> records = [] {
        std::vector<Record> all;
        const std::filesystem::path dir = std::filesystem::path(corpus_dir()) / "records";
        if (!std::filesystem::is_directory(dir)) return all;
        ReadReport report;
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            if (entry.path().extension() == ".jsonl")
                read_jsonl(
                    entry.path().string(), {}, [&](Record&& r) { all.push_back(std::move(r)); },
                    report);
        return all;
    }();
    return records;
}

// The index searched: TAWSIYA_BENCH_DB, or one built once into a temporary directory.
class BenchIndex {
  public:
    BenchIndex() {
        if (const char* env = std::getenv("TAWSIYA_BENCH_DB")) {
            path_ = env;
            return;
        }
        if (shared_records().empty()) return;
        temp_ = std::filesystem::temp_directory_path() /
                ("tawsiya-search-bench-" + std::to_string(::getpid()));
        path_ = temp_.string();
        std::cerr << "building an index of " << shared_records().size() << " records in " << path_
                  << "\n";
        IndexWriter writer(path_, analyzer(), 5000);
        for (const auto& record : shared_records()) writer.add(record);
        writer.commit();
    }
    ~BenchIndex() {
        if (!temp_.empty()) std::filesystem::remove_all(temp_);
    }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
    std::filesystem::path temp_;
};

Searcher* searcher() {
    static BenchIndex index;
    static std::unique_ptr<Searcher> instance =
        index.path().empty() ? nullptr : std::make_unique<Searcher>(index.path(), analyzer());
    return instance.get();
}

// `count` queries of `words` consecutive content words of random record texts in `lang`.
std::vector<std::string> sample_queries(Lang lang, std::size_t words, bool phrase,
                                        std::size_t count) {
    std::vector<const std::string*> texts;
    for (const auto& record : shared_records()) {
        const auto text = record.text.find(lang);
        if (text != record.text.end()) texts.push_back(&text->second);
    }
    std::vector<std::string> queries;
    if (texts.empty()) return queries;
    std::mt19937 random(42 + static_cast<unsigned>(lang) * 7 + static_cast<unsigned>(words));
    while (queries.size() < count) {
        const std::string& text = *texts[random() % texts.size()];
        std::vector<std::string> content;
        for (const Token& token : analyzer().tokenize(text, lang))
            if (!token.stopword && token.word.size() > 2) content.push_back(token.word);
        if (content.size() < words) continue;
        const std::size_t start = random() % (content.size() - words + 1);
        std::string query = phrase ? "\"" : "";
        for (std::size_t i = 0; i < words; ++i) query += (i ? " " : "") + content[start + i];
        if (phrase) query += "\"";
        queries.push_back(std::move(query));
    }
    return queries;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
    return values[index];
}

// One query per iteration; p50/p99 of the per-query times as counters (ms).
void run_queries(benchmark::State& state, const std::vector<std::string>& queries,
                 const std::map<std::string, std::vector<std::string>>& filters = {},
                 bool facets = true) {
    Searcher* s = searcher();
    if (!s) return state.SkipWithError("shared corpus not found (TAWSIYA_SHARED_CORPUS)");
    if (queries.empty()) return state.SkipWithError("no texts in this language");
    std::vector<double> ms;
    ms.reserve(queries.size());
    std::size_t i = 0, hits = 0, empty = 0;
    double total = 0;
    for (auto _ : state) {
        SearchRequest request;
        request.query = queries[i++ % queries.size()];
        request.filters = filters;
        request.facets = facets;
        const auto start = std::chrono::steady_clock::now();
        const SearchResult result = s->search(request);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
        hits += result.hits.size();
        total += static_cast<double>(result.total);
        if (result.hits.empty()) ++empty;
    }
    state.counters["p50_ms"] = percentile(ms, 0.50);
    state.counters["p99_ms"] = percentile(ms, 0.99);
    state.counters["max_ms"] = percentile(ms, 1.0);
    state.counters["mean_matches"] = total / static_cast<double>(ms.size());
    state.counters["no_hit_share"] = static_cast<double>(empty) / static_cast<double>(ms.size());
}

void BM_ThreeWordsWithFacets(benchmark::State& state) {
    static const auto queries = sample_queries(Lang::en, 3, false, kQueries);
    run_queries(state, queries);
}

void BM_ThreeWordsNoFacets(benchmark::State& state) {
    // The same queries without facet counts: what the counts cost is the difference.
    static const auto queries = sample_queries(Lang::en, 3, false, kQueries);
    run_queries(state, queries, {}, false);
}

void BM_ThreeWordsAnyWithFacets(benchmark::State& state) {
    // The same words ORed: many more matches, the worst case for facet counting.
    static const auto queries = [] {
        auto q = sample_queries(Lang::en, 3, false, kQueries);
        for (auto& query : q) {
            std::string joined;
            std::size_t start = 0;
            while (start <= query.size()) {
                const auto end = std::min(query.find(' ', start), query.size());
                joined += (joined.empty() ? "" : " OR ") + query.substr(start, end - start);
                start = end + 1;
            }
            query = joined;
        }
        return q;
    }();
    run_queries(state, queries);
}

void BM_ThreeWordsFiltered(benchmark::State& state) {
    static const auto queries = sample_queries(Lang::en, 3, false, kQueries);
    run_queries(state, queries, {{"body", {"UPR"}}, {"response", {"supported", "noted"}}});
}

void BM_OneWord(benchmark::State& state) {
    static const auto queries = sample_queries(Lang::en, 1, false, kQueries);
    run_queries(state, queries);
}

void BM_OneWordNoFacets(benchmark::State& state) {
    // The same queries without facet counts: what the counts cost is the difference.
    static const auto queries = sample_queries(Lang::en, 1, false, kQueries);
    run_queries(state, queries, {}, false);
}

void BM_Phrase(benchmark::State& state) {
    static const auto queries = sample_queries(Lang::en, 2, true, kQueries);
    run_queries(state, queries);
}

void BM_Arabic(benchmark::State& state) {
    static const auto queries = sample_queries(Lang::ar, 2, false, kQueries);
    run_queries(state, queries);
}

void BM_French(benchmark::State& state) {
    static const auto queries = sample_queries(Lang::fr, 2, false, kQueries);
    run_queries(state, queries);
}

void BM_BrowseFiltered(benchmark::State& state) {
    // No words: every record of a facet, newest first, with counts.
    static const std::vector<std::string> queries(kQueries, "");
    run_queries(state, queries, {{"body", {"UPR"}}});
}

BENCHMARK(BM_ThreeWordsWithFacets)->Unit(benchmark::kMillisecond)->Iterations(kQueries);
BENCHMARK(BM_ThreeWordsNoFacets)->Unit(benchmark::kMillisecond)->Iterations(kQueries);
BENCHMARK(BM_ThreeWordsAnyWithFacets)->Unit(benchmark::kMillisecond)->Iterations(kQueries);
BENCHMARK(BM_ThreeWordsFiltered)->Unit(benchmark::kMillisecond)->Iterations(kQueries);
BENCHMARK(BM_OneWord)->Unit(benchmark::kMillisecond)->Iterations(kQueries);
BENCHMARK(BM_OneWordNoFacets)->Unit(benchmark::kMillisecond)->Iterations(kQueries);
BENCHMARK(BM_Phrase)->Unit(benchmark::kMillisecond)->Iterations(kQueries);
BENCHMARK(BM_Arabic)->Unit(benchmark::kMillisecond)->Iterations(kQueries);
BENCHMARK(BM_French)->Unit(benchmark::kMillisecond)->Iterations(kQueries);
BENCHMARK(BM_BrowseFiltered)->Unit(benchmark::kMillisecond)->Iterations(200);

}  // namespace

BENCHMARK_MAIN();
