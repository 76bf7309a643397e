// `tawsiya train --db DIR`: trains the taggers of every label scheme of an index and stores them
// beside it (DIR/tawsiya-models), where `tawsiya match` and the server find them.
#include <cstdio>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/tagger.hpp"

namespace po = boost::program_options;

namespace tawsiya::cli {

int run_train(const Args& args) {
    std::string db;
    TrainOptions options;
    std::vector<double> c_values;
    po::options_description named(
        "tawsiya train --db DIR [options]\n\n"
        "Trains one-vs-rest linear SVMs for mechanism, body, responsible bodies and every tag\n"
        "scheme of the index, calibrated on held-out records, into DIR/tawsiya-models.\n\n"
        "options");
    named.add_options()                                            //
        ("db", po::value(&db)->required(), "the index directory")  //
        ("min-positives", po::value(&options.min_positives)->default_value(options.min_positives),
         "records a label needs to get a model")  //
        ("c", po::value(&c_values)->composing(),
         "liblinear's C (repeatable; default: the best of 0.5 1 2 4 on held-out records)")  //
        ("scheme", po::value(&options.schemes)->composing(),
         "train only this scheme (repeatable)")                                 //
        ("verbose,v", po::bool_switch(&options.verbose), "progress on stderr")  //
        ("help,h", "this help");
    parse_command_line(args, named, named);
    if (options.min_positives == 0) throw UsageError("--min-positives", "must be at least 1");
    for (const double c : c_values)
        if (!(c > 0)) throw UsageError("--c", "must be positive");
    if (!c_values.empty()) options.c_values = c_values;

    const Analyzer analyzer;
    const TrainReport report = train_models(db, analyzer, options);
    std::printf("%zu records, %zu features -> %s\n", report.records, report.features,
                report.models_dir.c_str());
    std::printf("%-24s %8s %7s %8s %5s %12s %13s %15s\n", "scheme", "records", "labels", "skipped",
                "C", "held-out MAP", "held-out ECE", "calibrated ECE");
    for (const auto& s : report.schemes)
        std::printf("%-24s %8zu %7zu %8zu %5g %12.3f %13.3f %15.3f\n", s.scheme.c_str(), s.records,
                    s.labels, s.labels_skipped, s.c, s.holdout_map, s.holdout_ece,
                    s.calibrated_ece);
    return kExitOk;
}

}  // namespace tawsiya::cli
