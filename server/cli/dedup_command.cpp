// `tawsiya dedup [INPUT]`: groups a list of recommendations into clusters of the same request.
#include <algorithm>
#include <cstdio>
#include <memory>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <boost/program_options.hpp>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/list_input.hpp"
#include "engine/dedup_json.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/dedup.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/translation.hpp"

namespace po = boost::program_options;

namespace tawsiya::cli {

namespace {

struct DedupCommandOptions {
    std::string input = "-";
    std::string format = "clusters";
    DedupOptions dedup;
    bool duplicates_only = false;
    std::string db;                 // with an index: the prior recommendations each cluster repeats
    bool xlang = true;              // compare items across languages
    double prior_threshold = 0.35;  // the matcher's score from which a record counts as repeated
};

DedupCommandOptions parse_options(const Args& args) {
    DedupCommandOptions options;
    po::options_description named(
        "tawsiya dedup [INPUT] [options]\n\n"
        "INPUT: JSON lines {\"id\", \"text\", \"lang\"?} or one recommendation per line; - or none "
        "for stdin.\nOutput: one JSON line per cluster (or per item with --format "
        "items).\n\noptions");
    named.add_options()                                                                      //
        ("input", po::value(&options.input), "the list (default: stdin)")                    //
        ("format", po::value(&options.format)->default_value("clusters"), "clusters|items")  //
        ("threshold",
         po::value(&options.dedup.threshold)
             ->default_value(options.dedup.threshold, plain_number(options.dedup.threshold)),
         "merge probability (0-1, the pair model of dedup.hpp) from which two items are the "
         "same request")  //
        ("duplicates-only", po::bool_switch(&options.duplicates_only),
         "print only clusters of two or more items")  //
        ("db", po::value(&options.db),
         "an index: each cluster also lists the prior recommendations it repeats")  //
        ("prior-threshold",
         po::value(&options.prior_threshold)
             ->default_value(options.prior_threshold, plain_number(options.prior_threshold)),
         "with --db, the match score (0-1) from which a prior recommendation is repeated")  //
        ("no-xlang", "compare items of the same language only")                             //
        ("help,h", "this help");
    po::positional_options_description positional;
    positional.add("input", 1);
    const po::variables_map vm = parse_command_line(args, named, named, positional);
    options.xlang = vm.count("no-xlang") == 0;
    if (options.format != "clusters" && options.format != "items")
        throw UsageError("--format", "must be clusters or items");
    if (!(options.dedup.threshold > 0 && options.dedup.threshold <= 1))
        throw UsageError("--threshold", "must be in (0, 1]");
    return options;
}

// The recommendations of the index that a cluster's representative repeats, best first.
std::vector<PriorRecommendation> prior_of(Matcher& matcher, const DedupItem& representative,
                                          double threshold) {
    MatchRequest request;
    request.text = representative.text;
    request.lang = representative.lang;
    request.k = 5;
    std::vector<PriorRecommendation> prior;
    for (const Match& m : matcher.match(request).matches)
        if (m.score >= threshold)
            prior.push_back({m.record.id, m.record.mechanism, m.record.body, m.record.state,
                             m.record.year, m.score});
    return prior;
}

void write_line(const rapidjson::StringBuffer& buffer) {
    std::fwrite(buffer.GetString(), 1, buffer.GetSize(), stdout);
    std::fputc('\n', stdout);
}

}  // namespace

int run_dedup(const Args& args) {
    const DedupCommandOptions options = parse_options(args);
    std::vector<std::string> problems;
    const std::vector<ListItem> list = read_list(options.input, problems);
    for (const auto& problem : problems) std::fprintf(stderr, "%s\n", problem.c_str());

    std::vector<DedupItem> items;
    items.reserve(list.size());
    for (const auto& item : list) items.push_back({item.id, item.text, item.lang});
    Analyzer analyzer;
    // The index's translation tables with --db, else those of the embedded lexicon.
    std::shared_ptr<const TranslationTable> translations;
    DedupOptions dedup = options.dedup;
    if (options.xlang) {
        translations = options.db.empty() ? lexicon_translations(analyzer)
                                          : load_translations(options.db, analyzer);
        dedup.translations = translations.get();
    }
    const DedupResult result = deduplicate(items, analyzer, dedup);
    std::unique_ptr<Matcher> matcher;
    if (!options.db.empty()) matcher = std::make_unique<Matcher>(options.db, analyzer);

    rapidjson::StringBuffer buffer;
    if (options.format == "items") {
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Cluster& cluster = result.clusters[result.cluster_of[i]];
            buffer.Clear();
            rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
            w.StartObject();
            w.Key("id"), w.String(items[i].id);
            w.Key("cluster"), w.Uint64(result.cluster_of[i]);
            w.Key("representative"), w.String(items[cluster.representative].id);
            w.Key("size"), w.Uint64(cluster.members.size());
            for (const auto& member : cluster.members)
                if (member.item == i) w.Key("similarity"), w.Double(member.similarity);
            w.EndObject();
            write_line(buffer);
        }
    } else {
        for (std::size_t c = 0; c < result.clusters.size(); ++c) {
            if (options.duplicates_only && result.clusters[c].members.size() < 2) continue;
            buffer.Clear();
            JsonWriter w(buffer);
            if (matcher) {
                const auto prior = prior_of(*matcher, items[result.clusters[c].representative],
                                            options.prior_threshold);
                write_cluster_json(w, items, result, c, &prior);
            } else {
                write_cluster_json(w, items, result, c);
            }
            write_line(buffer);
        }
    }
    std::fprintf(stderr,
                 "%zu items, %zu clusters (%zu with duplicates), %zu candidate pairs scored\n",
                 items.size(), result.clusters.size(),
                 static_cast<std::size_t>(
                     std::count_if(result.clusters.begin(), result.clusters.end(),
                                   [](const Cluster& c) { return c.members.size() > 1; })),
                 result.candidate_pairs);
    return problems.empty() || !items.empty() ? kExitOk : kExitFailure;
}

}  // namespace tawsiya::cli
