// Cross-language term translation: what lets an Arabic query find an English record. No neural
// model: IBM Model 1 (EM) learns p(target stem | source stem) for each ordered pair of languages
// from aligned material (records with several language versions, a parallel corpus, the project's
// trilingual lexicon of human-rights terms), on the Analyzer's stems (the index's "Z" terms). The
// pruned tables are stored beside the index (DIR/tawsiya-translations.tsv) and the Searcher and
// the Matcher expand query stems with their weighted translations (docs/cross-language.md).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/language.hpp"
#include "tawsiya/record.hpp"

namespace tawsiya {

// The same content in several languages, as content stems (stopwords left out).
struct AlignedSegment {
    std::map<Lang, std::vector<std::string>> stems;
    double weight = 1.0;  // expected counts are multiplied by it: lexicon entries count more
};

struct TranslationOptions {
    unsigned iterations = 6;             // EM iterations of Model 1
    std::size_t max_translations = 4;    // kept per source stem and target language
    double min_probability = 0.04;       // translations under this are dropped
    double min_source_count = 2.0;       // rarer source stems (weighted) get no translations
    double lexicon_weight = 8.0;         // weight of a lexicon entry against one aligned segment
    std::size_t max_segment_stems = 80;  // longer segments (bad alignments) are skipped
};

struct Translation {
    std::string stem;
    double p = 0;  // p(stem | source stem), in (0, 1]
};

// p(target | source) for the six ordered pairs of languages, pruned. Immutable once built or
// loaded: share it between threads.
class TranslationTable {
  public:
    // The translations of `stem` from `from` into `to`, best first; nullptr when none.
    const std::vector<Translation>* find(Lang from, Lang to, const std::string& stem) const;
    void set(Lang from, Lang to, const std::string& stem, std::vector<Translation> translations);
    std::size_t size() const;  // source stems with translations, over all pairs

    std::string description;  // what it was trained on (one line, stored in the file)

    // Writes the table to `path` atomically (a temporary file renamed). Throws IndexError.
    void save(const std::string& path) const;
    // Reads a table written by save(). Throws FormatError("path:line: reason").
    static TranslationTable read(const std::string& path);

  private:
    LangPair<std::unordered_map<std::string, std::vector<Translation>>> tables_;
};

// DIR/tawsiya-translations.tsv
std::string translations_path(const std::string& db_dir);

// The table stored beside the index when there is one, else one trained on the embedded lexicon
// alone (so cross-language search works, on the lexicon's terms, before any training).
std::shared_ptr<const TranslationTable> load_translations(const std::string& db_dir,
                                                          const Analyzer& analyzer);

// The table trained on the embedded lexicon alone, once per process.
std::shared_ptr<const TranslationTable> lexicon_translations(const Analyzer& analyzer);

// Trains Model 1 in both directions for every pair of languages the segments align.
TranslationTable train_translations(const std::vector<AlignedSegment>& segments,
                                    const TranslationOptions& options = {});

// Aligned material, as segments.
// The lexicon compiled into the binary (lexicon/human-rights.tsv: English<TAB>French<TAB>Arabic).
std::vector<AlignedSegment> lexicon_segments(const Analyzer& analyzer, double weight);
// Records with two versions or more: each record's versions aligned with each other.
std::vector<AlignedSegment> record_segments(const std::vector<Record>& records,
                                            const Analyzer& analyzer);
// A parallel corpus directory holding files that end in .ar, .en and .fr with the same stem name
// (the UN Parallel Corpus layout), aligned line by line. Throws InputError when they disagree on
// their number of lines, IndexError when the directory holds no such files.
std::vector<AlignedSegment> parallel_segments(const std::string& dir, const Analyzer& analyzer);

struct TranslationTrainReport {
    std::size_t index_segments = 0, parallel_segments = 0, lexicon_segments = 0;
    std::size_t source_stems = 0;  // with translations, over the six pairs
    std::string path;
};

// Trains from the index's multilingual records, the parallel corpus (when given) and the lexicon,
// and stores the table beside the index. Throws IndexError when the index cannot be read.
TranslationTrainReport train_index_translations(const std::string& db_dir, const Analyzer& analyzer,
                                                const std::optional<std::string>& parallel_dir,
                                                const TranslationOptions& options = {});

}  // namespace tawsiya
