// In-process latency of search and match on an index of any size, for the scale benchmark of
// issue 11 (bench/scale_bench.sh builds indexes of 34k, 306k and 1M records and runs this on each).
//
// Queries are taken from the shared records' own words, as in bench/search_bench.cpp (the scale
// indexes are copies of those records, so every size is asked the same queries): one word; three
// words AND with every facet counted; the same with a facet filter; both without facets. Each
// search returns a page of 10 hits with snippets, as the API does. Match: record texts in their own
// language, k = 10, the record itself excluded, with the index's models and translations when it
// has them (the scale indexes have none: the lexicon's translations, the neighbours' votes). Also
// the time to open a Searcher and that of its first query (the server's start-up and first-query
// cost, in-process).
//
// Run: build/scale_eval --db DIR [--corpus ../shared/corpus] [--queries 2000] [--matches 500]
// Prints one line per row: name, p50 ms, p99 ms, mean matches.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/search.hpp"

namespace {

using namespace tawsiya;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// This thread's CPU time in ms: on a machine shared with other work, the wall time of a query
// includes the time it waited for a core; its CPU time does not.
double cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

struct Times {
    std::vector<double> wall, cpu;
};

std::vector<Record> read_records(const std::string& corpus) {
    std::vector<Record> all;
    const std::filesystem::path dir = std::filesystem::path(corpus) / "records";
    if (!std::filesystem::is_directory(dir)) return all;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // the same records in the same order on every run
    ReadReport report;
    for (const auto& file : files)
        read_jsonl(
            file.string(), {}, [&](Record&& r) { all.push_back(std::move(r)); }, report);
    return all;
}

// `count` queries of `words` consecutive content words of random English record texts.
std::vector<std::string> sample_queries(const std::vector<Record>& records,
                                        const Analyzer& analyzer, std::size_t words,
                                        std::size_t count) {
    std::vector<const std::string*> texts;
    for (const auto& record : records) {
        const auto text = record.text.find(Lang::en);
        if (text != record.text.end()) texts.push_back(&text->second);
    }
    std::vector<std::string> queries;
    if (texts.empty()) return queries;
    std::mt19937 random(42 + static_cast<unsigned>(words));
    while (queries.size() < count) {
        const std::string& text = *texts[random() % texts.size()];
        std::vector<std::string> content;
        for (const Token& token : analyzer.tokenize(text, Lang::en))
            if (!token.stopword && token.word.size() > 2) content.push_back(token.word);
        if (content.size() < words) continue;
        const std::size_t start = random() % (content.size() - words + 1);
        std::string query;
        for (std::size_t i = 0; i < words; ++i) query += (i ? " " : "") + content[start + i];
        queries.push_back(std::move(query));
    }
    return queries;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

void print_row(const char* name, const Times& ms, double mean_matches) {
    std::printf(
        "%-34s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms | CPU p50 %7.2f ms  p99 %7.2f ms | "
        "mean matches %.0f  (n=%zu)\n",
        name, percentile(ms.wall, 0.5), percentile(ms.wall, 0.99), percentile(ms.wall, 1.0),
        percentile(ms.cpu, 0.5), percentile(ms.cpu, 0.99), mean_matches, ms.wall.size());
    std::fflush(stdout);
}

void search_row(Searcher& searcher, const char* name, const std::vector<std::string>& queries,
                const std::map<std::string, std::vector<std::string>>& filters,
                bool facets = true) {
    Times ms;
    double total = 0;
    for (const auto& query : queries) {
        SearchRequest request;
        request.query = query;
        request.filters = filters;
        request.facets = facets;
        const auto start = Clock::now();
        const double cpu_start = cpu_ms();
        const SearchResult result = searcher.search(request);
        ms.cpu.push_back(cpu_ms() - cpu_start);
        ms.wall.push_back(ms_since(start));
        total += static_cast<double>(result.total);
    }
    print_row(name, ms, total / static_cast<double>(std::max<std::size_t>(1, ms.wall.size())));
}

int usage() {
    std::fprintf(stderr, "usage: scale_eval --db DIR [--corpus DIR] [--queries N] [--matches N]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string db, corpus = "../shared/corpus";
    if (const char* env = std::getenv("TAWSIYA_SHARED_CORPUS")) corpus = env;
    std::size_t queries = 2000, matches = 500;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--db")
            db = argv[i + 1];
        else if (arg == "--corpus")
            corpus = argv[i + 1];
        else if (arg == "--queries")
            queries = std::strtoul(argv[i + 1], nullptr, 10);
        else if (arg == "--matches")
            matches = std::strtoul(argv[i + 1], nullptr, 10);
        else
            return usage();
    }
    if (db.empty() || argc % 2 == 0) return usage();
    const std::vector<Record> records = read_records(corpus);
    if (records.empty()) {
        std::fprintf(stderr, "no records under %s/records (--corpus)\n", corpus.c_str());
        return 77;  // skipped, not passed
    }
    try {
        const Analyzer analyzer;
        const auto three = sample_queries(records, analyzer, 3, queries);
        const auto one = sample_queries(records, analyzer, 1, queries);

        auto start = Clock::now();
        Searcher searcher(db, analyzer);
        const double open_ms = ms_since(start);
        start = Clock::now();
        SearchRequest first;
        first.query = three.front();
        const std::size_t total = searcher.search(first).total;
        std::printf("open the index (Searcher)         %8.1f ms; documents %zu\n", open_ms,
                    searcher.stats().records);
        std::printf("first query (three words, facets) %8.1f ms; %zu matches\n", ms_since(start),
                    total);

        search_row(searcher, "one word, facets", one, {});
        search_row(searcher, "three words AND, facets", three, {});
        search_row(searcher, "three words AND, facets, filter", three,
                   {{"body", {"UPR"}}, {"response", {"supported", "noted"}}});
        // The same without facet counts: what the search path costs without the facets.
        search_row(searcher, "one word, no facets", one, {}, false);
        search_row(searcher, "three words AND, no facets", three, {}, false);

        start = Clock::now();
        Matcher matcher(db, analyzer);
        std::printf("open the matcher                  %8.1f ms\n", ms_since(start));
        // Without a state (the records of every state are candidates), then with the record's
        // own state given, as a national mechanism matches its state's recommendations (the
        // state's records first, the others' only when they cannot fill the k).
        for (const bool with_state : {false, true}) {
            Times ms;
            std::mt19937 random(7);
            for (std::size_t n = 0; n < matches; ++n) {
                const Record& record = records[random() % records.size()];
                if (record.text.empty()) continue;
                MatchRequest request;
                request.text = record.text.begin()->second;
                request.lang = record.text.begin()->first;
                request.exclude_id = record.id;
                if (with_state && !record.state.empty()) request.state = record.state;
                start = Clock::now();
                const double cpu_start = cpu_ms();
                matcher.match(request);
                ms.cpu.push_back(cpu_ms() - cpu_start);
                ms.wall.push_back(ms_since(start));
            }
            print_row(
                with_state ? "match, k = 10, the record's state" : "match, k = 10 (record texts)",
                ms, 10);
        }
    } catch (const Error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
