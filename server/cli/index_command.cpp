// `tawsiya index INPUT... --db DIR`: reads records, CSV exports or UN reports into an index (or,
// with --shards N --db-prefix PREFIX, into N shards of one).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/elapsed_line.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/index_pipeline.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/segmented_index.hpp"
#include "tawsiya/tagger.hpp"
#include "tawsiya/text_file.hpp"
#include "tawsiya/translation.hpp"

namespace po = boost::program_options;

namespace tawsiya::cli {

namespace {

struct IndexOptions {
    std::vector<std::string> inputs;
    std::string db;
    std::size_t shards = 0;  // with --db-prefix: the number of shards (docs/scale.md)
    std::string db_prefix;
    ReadOptions read;
    std::size_t batch_size = 2000;
    unsigned threads = 0;  // analysis threads; 0: one per core
    unsigned writers = 1;  // above 1: a new index built in segments (segmented_index.hpp)
    bool progress = false;
    bool quiet = false;
    bool train = false;        // train the taggers and the translation tables after indexing
    std::string parallel_dir;  // with --train: a parallel corpus for the translation tables
};

// A "\r"-rewritten line on stderr, at most five times a second; only on a terminal.
class ProgressLine {
  public:
    explicit ProgressLine(bool enabled) : enabled_(enabled) {}
    void update(std::size_t count) {
        if (!enabled_) return;
        const auto now = Clock::now();
        if (now - last_ < std::chrono::milliseconds(200)) return;
        last_ = now;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        std::fprintf(stderr, "\rindexing: %zu records, %.0f records/s   ", count,
                     seconds > 0 ? count / seconds : 0.0);
    }
    void finish() {
        if (enabled_) std::fputs("\r\033[K", stderr);
    }

  private:
    using Clock = std::chrono::steady_clock;
    bool enabled_;
    Clock::time_point start_ = Clock::now();
    Clock::time_point last_ = start_ - std::chrono::seconds(1);
};

struct Summary {
    std::size_t added = 0, replaced = 0;
    ReadReport report;
    std::vector<std::string> unreadable;  // whole inputs that could not be read
};

constexpr std::size_t kProblemsShown = 20;
constexpr std::size_t kMaxShards = 1000;

// The index directories written to: --db, or one per shard.
std::vector<std::string> target_dirs(const IndexOptions& options) {
    if (!options.shards) return {options.db};
    std::vector<std::string> dirs;
    for (std::size_t i = 0; i < options.shards; ++i)
        dirs.push_back(options.db_prefix + std::to_string(i));
    return dirs;
}

void print_summary(const Summary& summary, double seconds) {
    const std::size_t skipped = summary.report.problems.size();
    std::fprintf(stderr, "indexed %zu records (%zu new, %zu replaced) in %.1f s; skipped %zu\n",
                 summary.added + summary.replaced, summary.added, summary.replaced, seconds,
                 skipped);
    for (const auto& [reason, count] : summary.report.skipped_by)
        std::fprintf(stderr, "  skipped %zu: %s\n", count, reason.c_str());
    for (std::size_t i = 0; i < skipped && i < kProblemsShown; ++i)
        std::fprintf(stderr, "  %s\n", summary.report.problems[i].c_str());
    if (skipped > kProblemsShown)
        std::fprintf(stderr, "  ... and %zu more\n", skipped - kProblemsShown);
    for (const auto& message : summary.unreadable) std::fprintf(stderr, "  %s\n", message.c_str());
}

// `--train`: the taggers and the translation tables of what the index now holds, learned at index
// time and stored beside it. This takes minutes on the shared corpus, so on a terminal each step
// shows its running time on stderr; a summary line ends it unless --quiet.
void train_all(const IndexOptions& options, const Analyzer& analyzer) {
    const auto start = std::chrono::steady_clock::now();
    TrainReport models;
    {
        const ElapsedLine shown(options.progress, "training the taggers of every scheme");
        models = train_models(options.db, analyzer);
    }
    TranslationTrainReport translations;
    {
        const ElapsedLine shown(options.progress, "training the term translations");
        translations = train_index_translations(
            options.db, analyzer,
            options.parallel_dir.empty() ? std::nullopt
                                         : std::optional<std::string>(options.parallel_dir));
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!options.quiet)
        std::fprintf(stderr,
                     "trained the taggers of %zu schemes and the translations of %zu stems in "
                     "%.1f s\n",
                     models.schemes.size(), translations.source_stems, seconds);
}

// A directory or a missing file is named as such ("DIR:0: a directory, not a file"), before the
// readers, which dispatch on the name's extension, would call it an unknown kind of input.
void check_openable(const std::string& input) {
    if (input != "-") open_input_file(input);
}

IndexOptions parse_options(const Args& args) {
    IndexOptions options;
    po::options_description named(
        "tawsiya index INPUT... --db DIR [options]\n"
        "tawsiya index INPUT... --shards N --db-prefix PREFIX [options]\n\n"
        "INPUT: records (.jsonl), CSV exports (.csv: UPR Info's, or others with --columns) or "
        "UPR Working Group reports (.pdf, .docx, .odt or .txt; told by content)\n\noptions");
    named.add_options()                                                            //
        ("db", po::value(&options.db), "the index directory (created if needed)")  //
        ("shards", po::value(&options.shards),
         "instead of --db: N indexes PREFIX0 ... PREFIX<N-1>, each record in the one its id's "
         "hash picks, to serve with xapian-tcpsrv as shards (docs/scale.md)")  //
        ("db-prefix", po::value(&options.db_prefix),
         "with --shards: the start of the shards' directory names")  //
        ("strict", po::bool_switch(&options.read.strict),
         "fail on the first bad line and commit nothing")  //
        ("encoding", po::value(&options.read.encoding),
         "encoding of CSV inputs, an ICU converter name (default: UTF-8 if valid, else "
         "macintosh)")  //
        ("columns", po::value(&options.read.columns),
         "CSV inputs that are not UPR Info exports: which column fills which field, "
         "'text=Recommendation,state=Country,tags.sdg=SDGs' or a file of field=Column lines "
         "(docs/record-format.md)")  //
        ("batch-size", po::value(&options.batch_size)->default_value(options.batch_size),
         "records per commit")  //
        ("threads", po::value(&options.threads)->default_value(options.threads),
         "analysis threads beside the reader and the one writer (0: one per core)")  //
        ("writers", po::value(&options.writers)->default_value(options.writers),
         "for a new index (--db absent or empty): N writers, each writing segments of "
         "--batch-size records, merged at the end into the same index; shorter on idle cores, "
         "~10% more CPU, and a kill leaves no index where one writer leaves every committed "
         "batch")                                                                 //
        ("quiet,q", po::bool_switch(&options.quiet), "print nothing but errors")  //
        ("train", po::bool_switch(&options.train),
         "then train the taggers (as `tawsiya train`) and the term translations (as `tawsiya "
         "train-xlang`) from the whole index")  //
        ("parallel", po::value(&options.parallel_dir),
         "with --train: a parallel corpus directory for the translations (NAME.ar/.en/.fr)")  //
        ("help,h", "this help");
    po::options_description hidden;
    hidden.add_options()("input", po::value(&options.inputs));
    po::options_description all;
    all.add(named).add(hidden);
    po::positional_options_description positional;
    positional.add("input", -1);

    parse_command_line(args, all, named, positional);
    if (options.inputs.empty()) throw UsageError("INPUT", "give at least one input file");
    if (options.db_prefix.empty() != (options.shards == 0))
        throw UsageError("--shards", "goes with --db-prefix, and --db-prefix with --shards");
    if (options.db.empty() == options.db_prefix.empty())
        throw UsageError("--db", "give either --db DIR or --shards N --db-prefix PREFIX");
    if (options.shards > kMaxShards)
        throw UsageError("--shards", "at most " + std::to_string(kMaxShards));
    if (options.train && options.shards)
        throw UsageError("--train", "train from the shards: `tawsiya train --db SHARDS_FILE`");
    if (options.batch_size == 0) throw UsageError("--batch-size", "must be at least 1");
    if (options.writers == 0) throw UsageError("--writers", "must be at least 1");
    if (options.writers > 1 && options.shards)
        throw UsageError("--writers", "goes with --db, not with --shards (one writer per shard)");
    // A mapping file: its lines are the mapping.
    std::error_code not_a_file;
    if (!options.read.columns.empty() &&
        std::filesystem::is_regular_file(options.read.columns, not_a_file))
        options.read.columns = read_text_file(options.read.columns);
    options.progress = !options.quiet && isatty(STDERR_FILENO);
    return options;
}

}  // namespace

int run_index(const Args& args) {
    const IndexOptions options = parse_options(args);
    const auto start = std::chrono::steady_clock::now();
    Analyzer analyzer;
    Summary summary;
    ProgressLine progress(options.progress);

    // Under --strict every input is read (and so validated) before anything is written: a bad line
    // anywhere fails the run with the index untouched.
    std::vector<Record> validated;
    if (options.read.strict) {
        for (const auto& input : options.inputs) {
            check_openable(input);
            read_any(
                input, options.read,
                [&](Record&& r) {
                    check_terms(r);  // what the writer would refuse fails the run here
                    validated.push_back(std::move(r));
                },
                summary.report);
        }
    }

    // Opened at the first record, so that a run that reads nothing (a missing or unreadable
    // input) leaves no empty index directory behind. One writer, or one per shard, each fed by
    // its pipeline, which analyses on every core while one thread writes (index_pipeline.hpp);
    // the pipelines are declared after the writers so that they stop before the writers commit.
    const std::vector<std::string> dirs = target_dirs(options);
    std::vector<std::unique_ptr<IndexWriter>> writers;
    std::vector<std::unique_ptr<IndexPipeline>> pipelines;
    // --writers N on a new index: segments written side by side, merged by finish(). An existing
    // index is added to by one writer, which replaces records in place.
    std::unique_ptr<SegmentedIndex> segmented;
    if (options.writers > 1 && SegmentedIndex::is_new(options.db))
        segmented = std::make_unique<SegmentedIndex>(options.db, analyzer, options.batch_size,
                                                     options.writers, options.threads);
    auto open_writer = [&] {
        for (const std::string& dir : dirs) {
            // "created if needed" (--help), with its parents: /var/lib/tawsiya/db before the
            // service has ever run (docs/server.md).
            const std::filesystem::path parent = std::filesystem::path(dir).parent_path();
            if (!parent.empty()) std::filesystem::create_directories(parent);
            writers.push_back(std::make_unique<IndexWriter>(dir, analyzer, options.batch_size));
            pipelines.push_back(
                std::make_unique<IndexPipeline>(*writers.back(), analyzer, options.threads));
        }
    };
    std::size_t queued = 0;
    auto add = [&](Record&& record) {
        if (segmented) {
            segmented->add(std::move(record));
            progress.update(++queued);
            return;
        }
        if (writers.empty()) open_writer();
        pipelines[shard_of(record.id, writers.size())]->add(std::move(record));
        progress.update(++queued);
    };
    if (options.read.strict) {
        for (auto& record : validated) add(std::move(record));
    } else {
        for (const auto& input : options.inputs) {
            try {
                check_openable(input);
                read_any(
                    input, options.read, [&](Record&& r) { add(std::move(r)); }, summary.report);
            } catch (const InputError& e) {
                summary.unreadable.push_back(e.what());
            }
        }
    }
    const bool failed = !summary.unreadable.empty();
    bool merged = false;
    if (segmented && (queued > 0 || !failed)) {  // as below: an empty index unless nothing read
        const IndexPipeline::Counts counts = segmented->finish();
        summary.added += counts.added;
        summary.replaced += counts.replaced;
        merged = true;
    }
    if (!segmented && writers.empty() && !failed) open_writer();  // an empty index, to serve
    for (const auto& pipeline : pipelines) {
        const IndexPipeline::Counts counts = pipeline->finish();
        summary.added += counts.added;
        summary.replaced += counts.replaced;
    }
    for (const auto& writer : writers) writer->commit();
    progress.finish();

    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!options.quiet)
        print_summary(summary, seconds);
    else
        for (const auto& message : summary.unreadable)
            std::fprintf(stderr, "%s\n", message.c_str());
    if (options.train && (!writers.empty() || merged)) train_all(options, analyzer);
    return failed ? kExitFailure : kExitOk;
}

}  // namespace tawsiya::cli
