// `tawsiya train-xlang`'s work: the aligned material of an index (its multilingual records), a
// parallel corpus and the lexicon, trained into a table stored beside the index.
#include <xapian.h>

#include "tawsiya/error.hpp"
#include "tawsiya/open_index.hpp"
#include "tawsiya/translation.hpp"

namespace tawsiya {

TranslationTrainReport train_index_translations(const std::string& db_dir, const Analyzer& analyzer,
                                                const std::optional<std::string>& parallel_dir,
                                                const TranslationOptions& options) {
    std::vector<Record> records;
    const Xapian::Database db = open_index(db_dir);
    try {
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
            records.push_back(parse_record_json(db.get_document(*it).get_data()));
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot read the index " + db_dir + ": " + e.get_description());
    }
    TranslationTrainReport report;
    std::vector<AlignedSegment> segments = record_segments(records, analyzer);
    report.index_segments = segments.size();
    if (parallel_dir) {
        auto parallel = parallel_segments(*parallel_dir, analyzer);
        report.parallel_segments = parallel.size();
        segments.insert(segments.end(), std::make_move_iterator(parallel.begin()),
                        std::make_move_iterator(parallel.end()));
    }
    auto lexicon = lexicon_segments(analyzer, options.lexicon_weight);
    report.lexicon_segments = lexicon.size();
    segments.insert(segments.end(), std::make_move_iterator(lexicon.begin()),
                    std::make_move_iterator(lexicon.end()));

    TranslationTable table = train_translations(segments, options);
    table.description = "IBM Model 1, " + std::to_string(options.iterations) +
                        " iterations: " + std::to_string(report.index_segments) +
                        " multilingual records, " + std::to_string(report.parallel_segments) +
                        " parallel sentences, " + std::to_string(report.lexicon_segments) +
                        " lexicon entries (weight " + std::to_string(options.lexicon_weight) + ")";
    report.source_stems = table.size();
    report.path = translations_path(db_dir);
    table.save(report.path);
    return report;
}

}  // namespace tawsiya
