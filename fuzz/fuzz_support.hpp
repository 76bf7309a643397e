// Shared by the fuzz targets: the analyzer, a tiny index of the sample corpus built once per
// process, and a scratch file for the readers (they take a path, not bytes).
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/reader.hpp"

namespace tawsiya::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// One analyzer for the process: building it loads the stopword lists and stemmers, far too slow
// to do per input.
inline const Analyzer& analyzer() {
    static const Analyzer instance;
    return instance;
}

// A per-process directory (parallel fuzzing jobs must not share it), removed at exit.
inline const std::filesystem::path& scratch_dir() {
    static const std::filesystem::path dir = [] {
        auto path =
            std::filesystem::temp_directory_path() / ("tawsiya-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(scratch_dir(), ignored);
        });
        return path;
    }();
    return dir;
}

// Writes the input to scratch_dir()/name and returns the path; the name's extension matters to
// readers that guess from it.
inline std::string write_scratch(const std::string& name, std::string_view bytes) {
    const std::string path = (scratch_dir() / name).string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

// What the reader targets do with each record read: the lenient pass makes its Xapian document
// as the indexer does. The strict pass reads the same records up to its first bad line, where it
// throws: making their documents again would repeat the lenient pass's work, so it runs
// check_terms, the one check by which make_document refuses a record, and still turns that
// refusal into its InputError.
inline RecordSink reader_sink(bool strict) {
    if (strict) return [](Record&& record) { check_terms(record); };
    return [](Record&& record) { (void)make_document(record, analyzer()); };
}

// The sample corpus indexed once: enough records in three languages for queries to match,
// expand wildcards and count facets, small enough to build in a second.
inline const std::string& sample_index() {
    static const std::string db = [] {
        const std::string path = (scratch_dir() / "db").string();
        IndexWriter writer(path, analyzer());
        ReadReport report;
        read_jsonl(
            TAWSIYA_SOURCE_DIR "/corpus/sample.jsonl", ReadOptions{},
            [&](Record&& record) { writer.add(record); }, report);
        writer.commit();
        if (writer.doc_count() == 0) {
            std::fprintf(stderr, "fuzz: the sample index is empty\n");
            std::abort();
        }
        return path;
    }();
    return db;
}

}  // namespace tawsiya::fuzz
