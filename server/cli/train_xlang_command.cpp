// `tawsiya train-xlang --db DIR [--parallel DIR]`: learns term translations (IBM Model 1 on stems)
// from the index's multilingual records, a parallel corpus and the embedded lexicon, and stores
// them beside the index (DIR/tawsiya-translations.tsv), where search, match and the server find
// them.
#include <cstdio>

#include <boost/program_options.hpp>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/translation.hpp"

namespace po = boost::program_options;

namespace tawsiya::cli {

int run_train_xlang(const Args& args) {
    std::string db, parallel;
    TranslationOptions options;
    po::options_description named(
        "tawsiya train-xlang --db DIR [--parallel DIR] [options]\n\n"
        "Learns Arabic/French/English term translations from the index's records with several\n"
        "language versions, a line-aligned parallel corpus (NAME.ar, NAME.en, NAME.fr) and the\n"
        "built-in lexicon, into DIR/tawsiya-translations.tsv.\n\noptions");
    named.add_options()                                                                       //
        ("db", po::value(&db)->required(), "the index directory")                             //
        ("parallel", po::value(&parallel), "a parallel corpus directory (e.g. unpc-devset)")  //
        ("iterations", po::value(&options.iterations)->default_value(options.iterations),
         "EM iterations")  //
        ("max-translations",
         po::value(&options.max_translations)->default_value(options.max_translations),
         "translations kept per stem and language")  //
        ("min-p",
         po::value(&options.min_probability)
             ->default_value(options.min_probability, plain_number(options.min_probability)),
         "smallest translation probability kept")  //
        ("lexicon-weight",
         po::value(&options.lexicon_weight)
             ->default_value(options.lexicon_weight, plain_number(options.lexicon_weight)),
         "weight of a lexicon entry against one aligned sentence")  //
        ("help,h", "this help");
    parse_command_line(args, named, named);
    if (options.iterations == 0) throw UsageError("--iterations", "must be at least 1");
    if (options.max_translations == 0) throw UsageError("--max-translations", "must be at least 1");
    if (!(options.min_probability > 0 && options.min_probability < 1))
        throw UsageError("--min-p", "must be between 0 and 1");
    if (!(options.lexicon_weight > 0)) throw UsageError("--lexicon-weight", "must be positive");

    const Analyzer analyzer;
    const TranslationTrainReport report = train_index_translations(
        db, analyzer, parallel.empty() ? std::nullopt : std::optional<std::string>(parallel),
        options);
    std::printf(
        "%zu multilingual records, %zu parallel sentences, %zu lexicon entries -> %zu source "
        "stems in %s\n",
        report.index_segments, report.parallel_segments, report.lexicon_segments,
        report.source_stems, report.path.c_str());
    return kExitOk;
}

}  // namespace tawsiya::cli
