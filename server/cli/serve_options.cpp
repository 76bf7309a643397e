#include "cli/serve_options.hpp"

#include <boost/program_options.hpp>

#include "cli/command_line.hpp"
#include "tawsiya/error.hpp"

namespace po = boost::program_options;

namespace tawsiya::cli {

ServeSettings parse_serve_options(const Args& args) {
    ServeSettings s;
    http::ServerOptions& server = s.server;
    unsigned timeout_seconds = static_cast<unsigned>(server.session.timeout.count());
    unsigned reopen_ms = static_cast<unsigned>(server.reopen_interval.count());
    unsigned grace_seconds = static_cast<unsigned>(server.shutdown_grace.count());
    std::size_t cache_mib = server.cache_bytes >> 20;

    // What a configuration file may set: everything but --help and --config.
    po::options_description settings(
        "options (also settable in the --config file, as NAME = VALUE)");
    settings.add_options()  //
        ("db", po::value(&s.db)->required(),
         "index directory, or a shards file (shards served by xapian-tcpsrv, docs/scale.md)")  //
        ("bind", po::value(&server.bind)->default_value(server.bind), "address to listen on")  //
        ("port", po::value(&server.port)->default_value(server.port),
         "port; 0 picks a free one")  //
        ("threads", po::value(&server.threads)->default_value(server.threads),
         "worker threads, one index reader each; 0 = one per core")  //
        ("cache-mib", po::value(&cache_mib)->default_value(cache_mib),
         "MiB of search and record responses kept per worker, for the current index revision; "
         "0 = none")  //
        ("reopen-ms", po::value(&reopen_ms)->default_value(reopen_ms),
         "how often each worker looks for a new index commit")  //
        ("shutdown-grace", po::value(&grace_seconds)->default_value(grace_seconds),
         "seconds in-flight requests get to finish after SIGTERM")  //
        ("batch-threads", po::value(&server.batch_threads)->default_value(server.batch_threads),
         "threads for POST /api/tag and /api/dedup, apart from the workers (which answer searches "
         "and single matches)")  //
        ("batch-queue", po::value(&server.batch_queue)->default_value(server.batch_queue),
         "batch requests that may wait for a batch thread; beyond them, 503 with Retry-After");

    po::options_description request_limits("request limits");
    request_limits.add_options()  //
        ("max-body-bytes",
         po::value(&server.session.max_body_bytes)->default_value(server.session.max_body_bytes),
         "largest request body (413 beyond)")  //
        ("max-upload-bytes",
         po::value(&server.session.max_upload_bytes)
             ->default_value(server.session.max_upload_bytes),
         "largest file sent to POST /api/tag/file (413 beyond)")  //
        ("max-header-bytes",
         po::value(&server.session.max_header_bytes)
             ->default_value(server.session.max_header_bytes),
         "largest request header (431 beyond)")  //
        ("timeout", po::value(&timeout_seconds)->default_value(timeout_seconds),
         "seconds to receive a request or send a response");

    SearchLimits& search = server.search;
    po::options_description search_limits("search limits (GET /api/search)");
    search_limits.add_options()  //
        ("max-query-bytes",
         po::value(&search.max_query_bytes)->default_value(search.max_query_bytes),
         "longest q")  //
        ("max-page-size", po::value(&search.max_page_size)->default_value(search.max_page_size),
         "largest size (hits per page)")  //
        ("max-page", po::value(&search.max_page)->default_value(search.max_page),
         "last page that may be asked for")  //
        ("max-wildcard-expansion",
         po::value(&search.max_wildcard_expansion)->default_value(search.max_wildcard_expansion),
         "terms a wild* may expand to")  //
        ("search-time-limit",
         po::value(&search.time_limit_seconds)
             ->default_value(search.time_limit_seconds, plain_number(search.time_limit_seconds)),
         "seconds a search may take; 0 = no limit");

    po::options_description batch_limits("match, tag and dedup (POST /api/...)");
    batch_limits.add_options()  //
        ("max-k", po::value(&s.match.max_k)->default_value(s.match.max_k),
         "largest k (matches per text)")  //
        ("max-text-bytes",
         po::value(&s.match.max_text_bytes)->default_value(s.match.max_text_bytes),
         "longest text to match")  //
        ("max-suggestions",
         po::value(&s.match.max_suggestions)->default_value(s.match.max_suggestions),
         "tag suggestions per scheme")  //
        ("abstain-below",
         po::value(&s.match.abstain_below)
             ->default_value(s.match.abstain_below, plain_number(s.match.abstain_below)),
         "suggestions under this confidence are marked \"abstain\": true")  //
        ("max-dedup-items",
         po::value(&s.batch.max_dedup_items)->default_value(s.batch.max_dedup_items),
         "items of one dedup request")  //
        ("max-tag-paragraphs",
         po::value(&s.batch.max_tag_paragraphs)->default_value(s.batch.max_tag_paragraphs),
         "paragraphs of one document to tag");

    po::options_description in_file;
    in_file.add(settings).add(request_limits).add(search_limits).add(batch_limits);

    po::options_description shown(
        "tawsiya serve --db DIR [options]\n"
        "tawsiya serve --config FILE [options]\n\n"
        "Serves the search API (/api/...) and the web page (/) over HTTP/1.1. Prints\n"
        "\"listening on URL\" as the first line on stdout; one access-log line per request on\n"
        "stderr. SIGINT or SIGTERM stop it cleanly. The server only reads the index: it has no\n"
        "write endpoint and so no access token.\n\ngeneral");
    shown.add_options()          //
        ("help,h", "this help")  //
        ("config", po::value<std::string>()->value_name("FILE"),
         "also read the options below from FILE, as NAME = VALUE lines; the command line wins");
    shown.add(in_file);
    // Not in --help: a test holds the batch threads busy with it (server.hpp).
    po::options_description hidden;
    hidden.add_options()("batch-hold-file", po::value(&server.batch_hold_file));
    po::options_description all;
    all.add(shown).add(hidden);

    parse_command_line_and_config(args, all, shown, in_file);
    if (server.batch_threads == 0) throw UsageError("--batch-threads", "must be at least 1");
    if (timeout_seconds == 0) throw UsageError("--timeout", "must be at least 1");
    if (search.max_page_size == 0) throw UsageError("--max-page-size", "must be at least 1");
    if (search.max_page == 0) throw UsageError("--max-page", "must be at least 1");
    if (!(search.time_limit_seconds >= 0))
        throw UsageError("--search-time-limit", "must be 0 or more");
    if (s.match.max_k == 0) throw UsageError("--max-k", "must be at least 1");
    if (!(s.match.abstain_below >= 0 && s.match.abstain_below <= 1))
        throw UsageError("--abstain-below", "must be in [0, 1]");
    // 1 TiB: beyond it, a typo, not a cache size (and the shift below would overflow).
    constexpr std::size_t kMaxCacheMib = std::size_t{1} << 20;
    if (cache_mib > kMaxCacheMib)
        throw UsageError("--cache-mib", "must be at most " + std::to_string(kMaxCacheMib));
    server.cache_bytes = cache_mib << 20;
    server.session.timeout = std::chrono::seconds(timeout_seconds);
    server.reopen_interval = std::chrono::milliseconds(reopen_ms);
    server.shutdown_grace = std::chrono::seconds(grace_seconds);
    return s;
}

}  // namespace tawsiya::cli
