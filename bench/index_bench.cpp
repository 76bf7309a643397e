// Indexing throughput on the shared corpus records (../shared/corpus/records/*.jsonl, 34,046
// records): building documents alone (analysis), and the whole write into a fresh index, record
// by record and through the pipeline of `tawsiya index`. Run:
// build/index_bench [--benchmark_repetitions=3]   (TAWSIYA_SHARED_CORPUS overrides the path)
#include <benchmark/benchmark.h>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "bench_support.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/index_pipeline.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/reader.hpp"

namespace {

using tawsiya::bench::analyzer;
using tawsiya::bench::corpus_dir;

const std::vector<tawsiya::Record>& shared_records() {
    static const std::vector<tawsiya::Record> records = [] {
        std::vector<tawsiya::Record> all;
        const std::filesystem::path dir = std::filesystem::path(corpus_dir()) / "records";
        if (!std::filesystem::is_directory(dir)) return all;
        tawsiya::ReadReport report;
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            if (entry.path().extension() == ".jsonl")
                tawsiya::read_jsonl(
                    entry.path().string(), {},
                    [&](tawsiya::Record&& r) { all.push_back(std::move(r)); }, report);
        return all;
    }();
    return records;
}

void BM_MakeDocuments(benchmark::State& state) {
    const auto& records = shared_records();
    if (records.empty()) return state.SkipWithError("shared corpus not found");
    for (auto _ : state)
        for (const auto& record : records)
            benchmark::DoNotOptimize(tawsiya::make_document(record, analyzer()));
    state.counters["records/s"] = benchmark::Counter(
        static_cast<double>(records.size() * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MakeDocuments)->Unit(benchmark::kMillisecond)->Iterations(2);

// Times `index_into(writer, records)` over every record of the shared corpus, once an iteration,
// each time into a fresh index (its removal not timed), with `per_commit` records a commit.
template <typename IndexInto>
void time_fresh_index(benchmark::State& state, std::size_t per_commit, IndexInto&& index_into) {
    const auto& records = shared_records();
    if (records.empty()) return state.SkipWithError("shared corpus not found");
    const auto dir = std::filesystem::temp_directory_path() /
                     ("tawsiya-index-bench-" + std::to_string(::getpid()));
    for (auto _ : state) {
        state.PauseTiming();
        std::filesystem::remove_all(dir);
        state.ResumeTiming();
        tawsiya::IndexWriter writer(dir.string(), analyzer(), per_commit);
        index_into(writer, records);
        writer.commit();
    }
    std::filesystem::remove_all(dir);
    state.counters["records"] = static_cast<double>(records.size());
    state.counters["records/s"] = benchmark::Counter(
        static_cast<double>(records.size() * state.iterations()), benchmark::Counter::kIsRate);
}

void BM_IndexAllRecords(benchmark::State& state) {
    time_fresh_index(state, static_cast<std::size_t>(state.range(0)),
                     [](tawsiya::IndexWriter& writer, const auto& records) {
                         for (const auto& record : records) writer.add(record);
                     });
}
// By records per commit (--batch-size): 2,000 is the CLI's default.
BENCHMARK(BM_IndexAllRecords)
    ->Arg(2000)
    ->Arg(10000)
    ->Arg(40000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The same through the pipeline of `tawsiya index` (index_pipeline.hpp): analysis on
// state.range(0) threads (0: one per core) while one thread writes; wall time.
void BM_IndexAllRecordsPipeline(benchmark::State& state) {
    time_fresh_index(state, 2000, [&state](tawsiya::IndexWriter& writer, const auto& records) {
        tawsiya::IndexPipeline pipeline(writer, analyzer(), static_cast<unsigned>(state.range(0)));
        for (const auto& record : records) pipeline.add(record);
        pipeline.finish();
    });
}
BENCHMARK(BM_IndexAllRecordsPipeline)
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
