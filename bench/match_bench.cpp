// Match latency in-process on an index of every shared record (../shared/corpus/records/*.jsonl):
// each iteration matches one text (k = 10, suggestions included), texts taken in turn from a fixed
// sample of the records, in their own language, with the record itself excluded. Reports p50 and
// p99 per match, with and without trained models (targets: p50 < 5 ms, p99 < 20 ms), and with
// the cross-language expansion of a trained translation table (target: p99 < 30 ms), and on the
// development set's queries (state-aware). Run:
// build/match_bench   (TAWSIYA_SHARED_CORPUS overrides the corpus path)
#include <benchmark/benchmark.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <rapidjson/document.h>

#include "bench_support.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/record.hpp"
#include "tawsiya/tagger.hpp"
#include "tawsiya/translation.hpp"

namespace fs = std::filesystem;

namespace {

using tawsiya::bench::analyzer;
using tawsiya::bench::corpus_dir;

struct SharedIndex {
    tawsiya::bench::TempIndex scratch{"match-bench"};  // removed at exit
    const fs::path& dir = scratch.path;
    std::vector<tawsiya::MatchRequest> requests;

    SharedIndex() {
        std::size_t n = 0;
        tawsiya::bench::index_shared_corpus(dir, [&](const tawsiya::Record& record) {
            if (++n % 97 == 0 && !record.text.empty()) {
                const auto& [lang, text] = *record.text.begin();
                tawsiya::MatchRequest request;
                request.text = text;
                request.lang = lang;
                request.exclude_id = record.id;
                requests.push_back(std::move(request));
            }
        });
    }
};

SharedIndex& shared_index() {
    static SharedIndex index;
    return index;
}

void report_percentiles(benchmark::State& state, std::vector<double>& ms) {
    if (ms.empty()) return;
    std::sort(ms.begin(), ms.end());
    state.counters["p50_ms"] = ms[ms.size() / 2];
    state.counters["p99_ms"] = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
}

void run(benchmark::State& state, bool with_models) {
    SharedIndex& index = shared_index();
    if (index.requests.empty()) return state.SkipWithError("shared corpus not found");
    const std::string models = tawsiya::models_dir(index.dir.string());
    if (with_models && !fs::exists(models)) tawsiya::train_models(index.dir.string(), analyzer());
    if (!with_models) fs::remove_all(models);
    tawsiya::Matcher matcher(index.dir.string(), analyzer());
    std::vector<double> ms;
    std::size_t i = 0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(matcher.match(index.requests[i++ % index.requests.size()]));
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    report_percentiles(state, ms);
}

// Cross-language expansion with the table trained on the index, the UN parallel corpus and the
// lexicon (every match expands; without a trained table the others use the lexicon's).
void BM_MatchXlangTrained(benchmark::State& state) {
    SharedIndex& index = shared_index();
    if (index.requests.empty()) return state.SkipWithError("shared corpus not found");
    const std::string table = tawsiya::translations_path(index.dir.string());
    if (!fs::exists(table))
        tawsiya::train_index_translations(index.dir.string(), analyzer(),
                                          corpus_dir() + "/parallel/unpc-devset");
    run(state, false);
    fs::remove(table);
}

void BM_MatchVotesOnly(benchmark::State& state) {
    run(state, false);
}
void BM_MatchWithModels(benchmark::State& state) {
    run(state, true);
}

}  // namespace

// The development set's 150 queries (../shared/corpus/eval): new wordings that name their state,
// so each match is state-aware (the state's lists and the others), fused and ranked, with the
// trained translations and models, as `tawsiya match` runs after `tawsiya index --train`.
void BM_MatchDevQueries(benchmark::State& state) {
    SharedIndex& index = shared_index();
    if (index.requests.empty()) return state.SkipWithError("shared corpus not found");
    std::vector<tawsiya::MatchRequest> queries;
    std::ifstream in(corpus_dir() + "/eval/match-queries.jsonl");
    for (std::string line; std::getline(in, line);) {
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        if (!doc.IsObject() || !doc.HasMember("text") || !doc["text"].IsString()) continue;
        tawsiya::MatchRequest request;
        request.text = doc["text"].GetString();
        queries.push_back(std::move(request));
    }
    if (queries.empty()) return state.SkipWithError("no eval/match-queries.jsonl");
    const std::string table = tawsiya::translations_path(index.dir.string());
    if (!fs::exists(table))
        tawsiya::train_index_translations(index.dir.string(), analyzer(),
                                          corpus_dir() + "/parallel/unpc-devset");
    const std::string models = tawsiya::models_dir(index.dir.string());
    if (!fs::exists(models)) tawsiya::train_models(index.dir.string(), analyzer());
    tawsiya::Matcher matcher(index.dir.string(), analyzer());
    std::vector<double> ms;
    std::size_t i = 0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(matcher.match(queries[i++ % queries.size()]));
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    report_percentiles(state, ms);
}

BENCHMARK(BM_MatchDevQueries)->Unit(benchmark::kMillisecond)->Iterations(1500);
BENCHMARK(BM_MatchVotesOnly)->Unit(benchmark::kMillisecond)->Iterations(2000);
BENCHMARK(BM_MatchWithModels)->Unit(benchmark::kMillisecond)->Iterations(2000);
BENCHMARK(BM_MatchXlangTrained)->Unit(benchmark::kMillisecond)->Iterations(2000);

BENCHMARK_MAIN();
