// What the benchmark and evaluation programs of bench/ share: where the shared corpus is, one
// Analyzer, reading a file of records, a scratch index folder removed at exit, and an index of
// the whole shared corpus.
#pragma once

#include <unistd.h>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/record.hpp"

namespace tawsiya::bench {

// ../shared/corpus, or TAWSIYA_SHARED_CORPUS.
inline std::string corpus_dir() {
    const char* env = std::getenv("TAWSIYA_SHARED_CORPUS");
    return env ? env : "../shared/corpus";
}

// One Analyzer for the whole program (building one reads the embedded stopwords and lexicon).
inline const Analyzer& analyzer() {
    static const Analyzer instance;
    return instance;
}

// The records of a JSON lines file, one per non-empty line; a bad line throws FormatError (an
// evaluation must not silently run on less than its data).
inline std::vector<Record> read_record_lines(const std::string& path) {
    std::vector<Record> records;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) records.push_back(parse_record_json(line));
    return records;
}

// FNV-1a of a text without its ASCII spaces and punctuation, ASCII lower-cased: the group of a
// record for grouped folds (copies that differ only in spacing or case share it).
inline std::uint64_t folded_text_hash(std::string_view text) {
    std::uint64_t hash = 1469598103934665603ULL;
    for (unsigned char c : text) {
        if (c < 0x80 && (std::isspace(c) || std::ispunct(c))) continue;
        if (c < 0x80) c = static_cast<unsigned char>(std::tolower(c));
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

// A fresh folder name under the temporary directory, removed with its contents at destruction.
struct TempIndex {
    std::filesystem::path path;
    explicit TempIndex(const std::string& tag = "eval") {
        path = std::filesystem::temp_directory_path() /
               ("tawsiya-" + tag + "-" + std::to_string(::getpid()) + "-" +
                std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    }
    ~TempIndex() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    TempIndex(const TempIndex&) = delete;
    TempIndex& operator=(const TempIndex&) = delete;
};

// The labels a list of suggestions decides: those that do not abstain, else the top one.
inline std::vector<std::string> decided_labels(const std::vector<Suggestion>& suggestions) {
    std::vector<std::string> labels;
    for (const auto& s : suggestions)
        if (!s.abstain) labels.push_back(s.label);
    if (labels.empty() && !suggestions.empty()) labels.push_back(suggestions.front().label);
    return labels;
}

// The flags the evaluation programs share: --corpus DIR (corpus_dir() by default) and --sample
// FILE (the built-in sample corpus by default).
struct EvalFlags {
    std::string corpus = corpus_dir();
    std::string sample = "corpus/sample.jsonl";
};

// Reads the command line as "--flag value" pairs: --corpus and --sample into `flags`, any other
// handed to `take(flag, value)`, which returns whether it knows the flag. False at the first flag
// neither knows (the program then prints its usage).
template <typename Take>
bool read_eval_flags(int argc, char** argv, EvalFlags& flags, Take&& take) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--corpus")
            flags.corpus = value;
        else if (flag == "--sample")
            flags.sample = value;
        else if (!take(flag, value))
            return false;
    }
    return true;
}

// Indexes every record of the shared corpus (records/*.jsonl) into `dir`, 5,000 a commit, handing
// each to `each` once added; false, and nothing written, when the corpus has no records/ folder.
template <typename Each>
bool index_shared_corpus(const std::filesystem::path& dir, Each&& each) {
    const std::filesystem::path records = std::filesystem::path(corpus_dir()) / "records";
    if (!std::filesystem::is_directory(records)) return false;
    IndexWriter writer(dir.string(), analyzer(), 5000);
    for (const auto& entry : std::filesystem::directory_iterator(records)) {
        if (entry.path().extension() != ".jsonl") continue;
        std::ifstream in(entry.path());
        for (std::string line; std::getline(in, line);) {
            if (line.empty()) continue;
            const Record record = parse_record_json(line);
            writer.add(record);
            each(record);
        }
    }
    writer.commit();
    return true;
}

}  // namespace tawsiya::bench
