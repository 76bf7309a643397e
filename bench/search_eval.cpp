// Ranking quality of search for the BM25 parameters: the development queries of
// corpus/dev/match-queries.jsonl (new wordings, in three languages, of requests in
// corpus/sample.jsonl) run as searches with their words joined by OR, against an index of the
// sample; recall@10 and MRR for a grid of k1 and b. Recommendations are one sentence long: the
// length normalisation that suits web pages (b = 0.75) punishes the longer treaty-body wordings of
// the same request, which is what this measures.
//
// Usage: build/search_eval [--source .]   (run from the repository root)
#include <rapidjson/document.h>

#include <xapian.h>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/search.hpp"

using namespace tawsiya;
namespace fs = std::filesystem;

namespace {

struct Query {
    std::string text;
    Lang lang;
    std::set<std::string> relevant;
};

std::vector<Query> read_queries(const std::string& path) {
    std::vector<Query> queries;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("relevant")) continue;
        Query q{
            doc["text"].GetString(), parse_lang(doc["lang"].GetString()).value_or(Lang::en), {}};
        for (const auto& id : doc["relevant"].GetArray()) q.relevant.insert(id.GetString());
        queries.push_back(std::move(q));
    }
    return queries;
}

}  // namespace

int main(int argc, char** argv) {
    std::string source = ".";
    for (int i = 1; i + 1 < argc; i += 2)
        if (!std::strcmp(argv[i], "--source")) source = argv[i + 1];
    const std::string sample = source + "/corpus/sample.jsonl";
    const std::string query_file = source + "/corpus/dev/match-queries.jsonl";
    if (!fs::exists(sample) || !fs::exists(query_file)) {
        std::printf("%s or %s missing: skipped\n", sample.c_str(), query_file.c_str());
        return 0;
    }
    const Analyzer analyzer;
    const fs::path dir = fs::temp_directory_path() /
                         ("tawsiya-search-eval-" + std::to_string(std::random_device{}()));
    {
        IndexWriter writer(dir.string(), analyzer, 1000);
        ReadReport report;
        read_jsonl(
            sample, {}, [&](Record&& r) { writer.add(r); }, report);
        writer.commit();
    }
    const auto queries = read_queries(query_file);
    std::printf("%zu dev queries against an index of %s, words ORed, top 10\n\n", queries.size(),
                sample.c_str());
    std::printf("| k1 | b | recall@10 | MRR |\n|---|---|---|---|\n");
    for (double k1 : {0.8, 1.2, 2.0})
        for (double b : {0.0, 0.3, 0.5, 0.75}) {
            Searcher searcher(dir.string(), analyzer, {}, {k1, b});
            double recall = 0, mrr = 0;
            for (const Query& q : queries) {
                SearchRequest request;
                request.query = q.text;
                request.lang = q.lang;
                request.any_word = true;
                request.facets = false;
                const SearchResult result = searcher.search(request);
                double found = 0, reciprocal = 0;
                for (std::size_t i = 0; i < result.hits.size(); ++i)
                    if (q.relevant.count(result.hits[i].record.id)) {
                        found += 1;
                        if (reciprocal == 0) reciprocal = 1.0 / static_cast<double>(i + 1);
                    }
                recall += found / static_cast<double>(q.relevant.size());
                mrr += reciprocal;
            }
            std::printf("| %.1f | %.2f | %.3f | %.3f |\n", k1, b,
                        recall / static_cast<double>(queries.size()),
                        mrr / static_cast<double>(queries.size()));
        }
    fs::remove_all(dir);
    return 0;
}
