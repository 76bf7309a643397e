// The peer of `tawsiya index` for issue 11: Lucene++ 3.0.8 (Debian's liblucene++-dev) indexing
// the same records. Built only when the package is present (CMakeLists.txt, bench block), since
// Lucene++ is a benchmark dependency, not the project's.
//
// Each record becomes one Lucene document as it becomes one Xapian document in tawsiya: the id
// (a keyword field, replaced by updateDocument as tawsiya replaces by id term), the record's JSON
// stored, every language version analysed by StandardAnalyzer (lower case, English stopwords,
// positions; no stemming, so less work than tawsiya's three analyses) and the facets as keyword
// fields. Records are read by tawsiya's own JSON-lines reader, so reading costs the same on both
// sides. Threads call updateDocument concurrently (Lucene's IndexWriter is thread-safe).
//
// Run: build/lucene_index_peer --db DIR [--threads N] FILE.jsonl...
// Prints the wall time of reading, of indexing (commit and close included) and of the whole.
#include <lucene++/LuceneHeaders.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "tawsiya/reader.hpp"
#include "tawsiya/record.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

Lucene::String wide(const std::string& utf8) {
    return Lucene::StringUtils::toUnicode(utf8);
}

void add_keyword(const Lucene::DocumentPtr& doc, const wchar_t* name, const std::string& value) {
    if (value.empty()) return;
    doc->add(Lucene::newLucene<Lucene::Field>(name, wide(value), Lucene::Field::STORE_NO,
                                              Lucene::Field::INDEX_NOT_ANALYZED_NO_NORMS));
}

Lucene::DocumentPtr make_document(const tawsiya::Record& record) {
    Lucene::DocumentPtr doc = Lucene::newLucene<Lucene::Document>();
    doc->add(Lucene::newLucene<Lucene::Field>(L"id", wide(record.id), Lucene::Field::STORE_YES,
                                              Lucene::Field::INDEX_NOT_ANALYZED_NO_NORMS));
    doc->add(Lucene::newLucene<Lucene::Field>(L"data", wide(tawsiya::record_to_json(record)),
                                              Lucene::Field::STORE_YES, Lucene::Field::INDEX_NO));
    for (const auto& [lang, text] : record.text) {
        doc->add(Lucene::newLucene<Lucene::Field>(L"text", wide(text), Lucene::Field::STORE_NO,
                                                  Lucene::Field::INDEX_ANALYZED));
        add_keyword(doc, L"language", std::string(tawsiya::lang_code(lang)));
    }
    add_keyword(doc, L"mechanism", record.mechanism);
    add_keyword(doc, L"body", record.body);
    add_keyword(doc, L"state", record.state);
    for (const auto& state : record.recommending_states) add_keyword(doc, L"recommending", state);
    if (record.year) add_keyword(doc, L"year", std::to_string(*record.year));
    if (record.cycle) add_keyword(doc, L"cycle", std::to_string(*record.cycle));
    add_keyword(doc, L"response", record.response);
    add_keyword(doc, L"source", record.source);
    for (const auto& [scheme, labels] : record.tags)
        for (const auto& label : labels) add_keyword(doc, L"tag", scheme + ":" + label);
    return doc;
}

int usage() {
    std::fprintf(stderr, "usage: lucene_index_peer --db DIR [--threads N] FILE.jsonl...\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string db;
    unsigned threads = 1;
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--db" && i + 1 < argc)
            db = argv[++i];
        else if (arg == "--threads" && i + 1 < argc)
            threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        else if (arg.rfind("--", 0) == 0)
            return usage();
        else
            inputs.push_back(arg);
    }
    if (db.empty() || inputs.empty()) return usage();
    std::filesystem::remove_all(db);

    const auto start = Clock::now();
    std::vector<tawsiya::Record> records;
    tawsiya::ReadReport report;
    for (const auto& input : inputs)
        tawsiya::read_jsonl(
            input, {}, [&](tawsiya::Record&& r) { records.push_back(std::move(r)); }, report);
    const double read_seconds = seconds_since(start);

    const auto index_start = Clock::now();
    try {
        Lucene::IndexWriterPtr writer = Lucene::newLucene<Lucene::IndexWriter>(
            Lucene::FSDirectory::open(wide(db)),
            Lucene::newLucene<Lucene::StandardAnalyzer>(Lucene::LuceneVersion::LUCENE_CURRENT),
            true, Lucene::IndexWriter::MaxFieldLengthUNLIMITED);
        std::atomic<std::size_t> next{0};
        auto work = [&] {
            for (std::size_t i; (i = next.fetch_add(1)) < records.size();)
                writer->updateDocument(Lucene::newLucene<Lucene::Term>(L"id", wide(records[i].id)),
                                       make_document(records[i]));
        };
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
        work();
        for (auto& thread : pool) thread.join();
        writer->commit();
        writer->close();
    } catch (const Lucene::LuceneException& e) {
        std::fprintf(stderr, "Lucene++: %ls\n", e.getError().c_str());
        return 1;
    }
    const double index_seconds = seconds_since(index_start);
    std::printf("lucene++ %u thread(s): %zu records, read %.2f s, index %.2f s, total %.2f s\n",
                threads, records.size(), read_seconds, index_seconds, seconds_since(start));
    return 0;
}
