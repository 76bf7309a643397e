// `tawsiya serve --db DIR`: the search API and the web page over HTTP (server/http/). The options
// and the configuration file are read by serve_options.cpp.
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/serve_options.hpp"
#include "http/server.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/search.hpp"
#include "tawsiya/translation.hpp"

namespace tawsiya::cli {

int run_serve(const Args& args) {
    const ServeSettings settings = parse_serve_options(args);
    const std::string& db = settings.db;

    const Analyzer analyzer;
    const SearchLimits limits = settings.server.search;
    http::BatchServices batch;
    batch.make_matcher = [&] { return std::make_unique<Matcher>(db, analyzer, settings.match); };
    batch.analyzer = &analyzer;
    batch.translations = load_translations(db, analyzer);
    batch.limits = settings.batch;
    http::Server server(
        settings.server, [&] { return std::make_unique<Searcher>(db, analyzer, limits); }, batch);
    std::printf("listening on %s\n", server.url().c_str());
    std::fflush(stdout);
    std::fprintf(stderr, "serving %s with %u threads and %u batch threads\n", db.c_str(),
                 server.threads(), server.batch_threads());
    server.run();
    std::fprintf(stderr, "stopped\n");
    return kExitOk;
}

}  // namespace tawsiya::cli
