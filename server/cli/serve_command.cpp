// `tawsiya serve --db DIR`: the search API and the web page over HTTP (server/http/).
#include <cstdio>
#include <string>

#include <boost/program_options.hpp>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "http/server.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/search.hpp"
#include "tawsiya/translation.hpp"

namespace po = boost::program_options;

namespace tawsiya::cli {

constexpr std::size_t kMaxCacheMib = 1 << 20;  // 1 TiB: beyond it, a typo, not a cache size

int run_serve(const Args& args) {
    http::ServerOptions options;
    std::string db;
    unsigned timeout_seconds = 15, reopen_ms = 1000;
    std::size_t max_body = options.session.max_body_bytes;
    std::size_t cache_mib = options.cache_bytes >> 20;
    po::options_description named(
        "tawsiya serve --db DIR [options]\n\n"
        "Serves the search API (/api/...) and the web page (/) over HTTP/1.1. Prints\n"
        "\"listening on URL\" as the first line on stdout; one access-log line per request on\n"
        "stderr. SIGINT or SIGTERM stop it cleanly.\n\noptions");
    named.add_options()("help,h", "this help")("db", po::value(&db)->required(), "index directory")(
        "bind", po::value(&options.bind)->default_value(options.bind), "address to listen on")(
        "port", po::value(&options.port)->default_value(options.port), "port; 0 picks a free one")(
        "threads", po::value(&options.threads)->default_value(0),
        "worker threads, one index reader each; 0 = one per core")(
        "cache-mib", po::value(&cache_mib)->default_value(cache_mib),
        "MiB of search and record responses kept per worker, for the current index revision; "
        "0 = none")("max-body-bytes", po::value(&max_body)->default_value(max_body),
                    "largest request body")(
        "timeout", po::value(&timeout_seconds)->default_value(timeout_seconds),
        "seconds to receive a request or send a response")(
        "reopen-ms", po::value(&reopen_ms)->default_value(reopen_ms),
        "how often each worker looks for a new index commit")(
        "batch-threads", po::value(&options.batch_threads)->default_value(options.batch_threads),
        "threads for POST /api/match, /api/tag and /api/dedup, apart from the search workers")(
        "batch-queue", po::value(&options.batch_queue)->default_value(options.batch_queue),
        "batch requests that may wait for a batch thread; beyond them, 503 with Retry-After");
    // Not in --help: a test holds the batch threads busy with it (server.hpp).
    po::options_description hidden;
    hidden.add_options()("batch-hold-file", po::value(&options.batch_hold_file));
    po::options_description all;
    all.add(named).add(hidden);
    parse_command_line(args, all, named);
    if (options.batch_threads == 0) throw UsageError("--batch-threads", "must be at least 1");
    if (timeout_seconds == 0) throw UsageError("--timeout", "must be at least 1");
    if (cache_mib > kMaxCacheMib)
        throw UsageError("--cache-mib", "must be at most " + std::to_string(kMaxCacheMib));
    options.cache_bytes = cache_mib << 20;
    options.session.max_body_bytes = max_body;
    options.session.timeout = std::chrono::seconds(timeout_seconds);
    options.reopen_interval = std::chrono::milliseconds(reopen_ms);

    const Analyzer analyzer;
    const SearchLimits limits = options.search;
    http::BatchServices batch;
    batch.make_matcher = [&] { return std::make_unique<Matcher>(db, analyzer); };
    batch.analyzer = &analyzer;
    batch.translations = load_translations(db, analyzer);
    http::Server server(
        options, [&] { return std::make_unique<Searcher>(db, analyzer, limits); }, batch);
    std::printf("listening on %s\n", server.url().c_str());
    std::fflush(stdout);
    std::fprintf(stderr, "serving %s with %u threads and %u batch threads\n", db.c_str(),
                 server.threads(), server.batch_threads());
    server.run();
    std::fprintf(stderr, "stopped\n");
    return kExitOk;
}

}  // namespace tawsiya::cli
