// Tagging a whole report in-process, as POST /api/tag does it (tag_handlers.hpp): the Morocco
// 2012 UPR Working Group report of the shared corpus (148 recommendations) split, its state
// found, and every recommendation matched (k = 5) and tagged, on an index of every shared record
// (../shared/corpus/records/*.jsonl) without trained models. Target: under 2 s per report. Beside
// it, the split alone (what the tag view's first step costs). Run:
// build/tag_bench   (TAWSIYA_SHARED_CORPUS overrides the corpus path)
#include <benchmark/benchmark.h>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "bench_support.hpp"
#include "http/tag_handlers.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/document_file.hpp"
#include "tawsiya/document_split.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/record.hpp"

namespace fs = std::filesystem;

namespace {

using tawsiya::bench::analyzer;
using tawsiya::bench::corpus_dir;

struct Fixture {
    tawsiya::bench::TempIndex scratch{"tag-bench"};  // removed at exit
    const fs::path& dir = scratch.path;
    std::string report;  // the report's text
    std::string body;    // {"text": report}

    Fixture() {
        const fs::path records = fs::path(corpus_dir()) / "records";
        const fs::path path = fs::path(corpus_dir()) / "raw/upr-wg-reports/morocco2012.txt";
        if (!fs::is_directory(records) || !fs::exists(path)) return;
        report =
            tawsiya::read_document(path.string()).text;  // decoded to UTF-8, as the CLI reads it
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
        w.StartObject();
        w.Key("text");
        w.String(report.data(), static_cast<rapidjson::SizeType>(report.size()));
        w.EndObject();
        body.assign(buffer.GetString(), buffer.GetSize());
        tawsiya::bench::index_shared_corpus(dir, [](const tawsiya::Record&) {});
    }
};

Fixture& fixture() {
    static Fixture instance;
    return instance;
}

void BM_TagReport(benchmark::State& state) {
    Fixture& f = fixture();
    if (f.report.empty()) return state.SkipWithError("shared corpus not found");
    tawsiya::Matcher matcher(f.dir.string(), analyzer());
    const tawsiya::http::BatchLimits limits;
    for (auto _ : state)
        benchmark::DoNotOptimize(tawsiya::http::handle_tag(matcher, analyzer(), f.body, limits));
    state.counters["recommendations"] =
        static_cast<double>(tawsiya::split_recommendations(f.report, analyzer()).size());
}

void BM_SplitReport(benchmark::State& state) {
    Fixture& f = fixture();
    if (f.report.empty()) return state.SkipWithError("shared corpus not found");
    for (auto _ : state) benchmark::DoNotOptimize(tawsiya::split_document(f.report, analyzer()));
}

}  // namespace

BENCHMARK(BM_TagReport)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_SplitReport)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
