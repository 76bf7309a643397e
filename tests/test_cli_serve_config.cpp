// `tawsiya serve`'s options and its configuration file (server/cli/serve_options.cpp): parsed
// in-process, then the real binary serving with a --config file whose limits the answers show.
#include <signal.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/program_options/errors.hpp>

#include "cli/serve_options.hpp"
#include "support/files.hpp"
#include "support/http_get.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/error.hpp"

using tawsiya::test::read_file;
using tawsiya::test::write_file;

using namespace tawsiya;

namespace {

// The status of GET `target` from 127.0.0.1:port.
unsigned get_status(unsigned short port, const std::string& target) {
    return test::http_get(port, target).result_int();
}

}  // namespace

TEST_CASE("serve reads every option from --config, the command line wins", "[cli][serve]") {
    test::TempDir dir;
    const std::string config = dir / "tawsiya.conf";
    write_file(config,
               "# a comment\n"
               "db = /srv/index\n"
               "port = 9000\n"
               "bind = 127.0.0.2\n"
               "max-page-size = 7\n"
               "search-time-limit = 0.5\n"
               "max-k = 20\n"
               "abstain-below = 0.25\n"
               "max-dedup-items = 300\n"
               "max-header-bytes = 4096\n"
               "timeout = 3\n");
    const cli::ServeSettings s = cli::parse_serve_options({"--config", config, "--port", "9001"});
    CHECK(s.db == "/srv/index");
    CHECK(s.server.port == 9001);  // the command line's
    CHECK(s.server.bind == "127.0.0.2");
    CHECK(s.server.search.max_page_size == 7);
    CHECK(s.server.search.time_limit_seconds == 0.5);
    CHECK(s.match.max_k == 20);
    CHECK(s.match.abstain_below == 0.25);
    CHECK(s.batch.max_dedup_items == 300);
    CHECK(s.server.session.max_header_bytes == 4096);
    CHECK(s.server.session.timeout == std::chrono::seconds(3));
    // What the file does not set keeps its default.
    CHECK(s.server.search.max_page == SearchLimits{}.max_page);
    CHECK(s.batch.max_tag_paragraphs == http::BatchLimits{}.max_tag_paragraphs);
}

TEST_CASE("serve without --config reads no file and needs --db", "[cli][serve]") {
    const cli::ServeSettings s = cli::parse_serve_options({"--db", "d"});
    CHECK(s.server.bind == "127.0.0.1");
    CHECK(s.server.port == 8080);
    CHECK_THROWS_AS(cli::parse_serve_options({"--port", "1"}),
                    boost::program_options::required_option);
}

TEST_CASE("a bad --config file is refused with its name", "[cli][serve]") {
    test::TempDir dir;
    const std::string config = dir / "tawsiya.conf";
    write_file(config, "db = d\nno-such-option = 1\n");
    CHECK_THROWS_WITH(cli::parse_serve_options({"--config", config}),
                      Catch::Contains(config) && Catch::Contains("no-such-option"));
    write_file(config, "db = d\nmax-page-size = many\n");
    CHECK_THROWS_WITH(cli::parse_serve_options({"--config", config}),
                      Catch::Contains("max-page-size"));
    write_file(config, "db = d\nmax-page-size = 0\n");
    CHECK_THROWS_AS(cli::parse_serve_options({"--config", config}), UsageError);
    CHECK_THROWS_WITH(cli::parse_serve_options({"--config", dir.path().string()}),
                      Catch::Contains("a directory"));
    CHECK_THROWS_AS(cli::parse_serve_options({"--config", dir / "missing.conf"}), InputError);
}

TEST_CASE("the real server applies the limits of its --config file", "[cli][serve]") {
    test::TempDir dir;
    const std::string db = test::index_sample_corpus(dir);
    if (db.empty()) {
        WARN("corpus/sample.jsonl is missing: skipped");
        return;
    }
    const std::string config = dir / "tawsiya.conf";
    write_file(config, "db = " + db + "\nport = 0\nthreads = 1\nmax-page-size = 3\n");
    const std::string log = dir / "serve.log";
    const pid_t pid = test::spawn({TAWSIYA_BINARY, "serve", "--config", config}, log);
    unsigned short port = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    const std::string marker = "listening on http://127.0.0.1:";
    while (port == 0 && std::chrono::steady_clock::now() < deadline) {
        const std::string text = read_file(log);
        if (const auto at = text.find(marker); at != std::string::npos)
            port = static_cast<unsigned short>(std::stoi(text.substr(at + marker.size())));
        else
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (port == 0) {
        ::kill(pid, SIGTERM);
        test::wait_for(pid);
        FAIL("the server did not start:\n" << read_file(log));
    }
    CHECK(get_status(port, "/api/search?q=torture&size=3") == 200);
    CHECK(get_status(port, "/api/search?q=torture&size=4") == 400);  // the file's limit
    ::kill(pid, SIGTERM);
    CHECK(test::wait_for(pid) == 0);
}

TEST_CASE("the package's tawsiya.conf sets every serve option, to its default", "[cli][serve]") {
    const std::string config = test::source_path("packaging/tawsiya.conf");
    const cli::ServeSettings s = cli::parse_serve_options({"--config", config});
    const cli::ServeSettings defaults = cli::parse_serve_options({"--db", s.db});
    CHECK(s.db == "/var/lib/tawsiya/db");
    CHECK(s.server.bind == "127.0.0.1");  // loopback unless the administrator says otherwise
    CHECK(s.server.port == defaults.server.port);
    CHECK(s.server.threads == defaults.server.threads);
    CHECK(s.server.cache_bytes == defaults.server.cache_bytes);
    CHECK(s.server.reopen_interval == defaults.server.reopen_interval);
    CHECK(s.server.shutdown_grace == defaults.server.shutdown_grace);
    CHECK(s.server.batch_threads == defaults.server.batch_threads);
    CHECK(s.server.batch_queue == defaults.server.batch_queue);
    CHECK(s.server.session.max_body_bytes == defaults.server.session.max_body_bytes);
    CHECK(s.server.session.max_upload_bytes == defaults.server.session.max_upload_bytes);
    CHECK(s.server.session.max_header_bytes == defaults.server.session.max_header_bytes);
    CHECK(s.server.session.timeout == defaults.server.session.timeout);
    CHECK(s.server.search.max_query_bytes == defaults.server.search.max_query_bytes);
    CHECK(s.server.search.max_page_size == defaults.server.search.max_page_size);
    CHECK(s.server.search.max_page == defaults.server.search.max_page);
    CHECK(s.server.search.max_wildcard_expansion == defaults.server.search.max_wildcard_expansion);
    CHECK(s.server.search.time_limit_seconds == defaults.server.search.time_limit_seconds);
    CHECK(s.match.max_k == defaults.match.max_k);
    CHECK(s.match.max_text_bytes == defaults.match.max_text_bytes);
    CHECK(s.match.max_suggestions == defaults.match.max_suggestions);
    CHECK(s.match.abstain_below == defaults.match.abstain_below);
    CHECK(s.batch.max_dedup_items == defaults.batch.max_dedup_items);
    CHECK(s.batch.max_tag_paragraphs == defaults.batch.max_tag_paragraphs);

    // Every option `serve --help` lists (but --help and --config) has its line in the file.
    test::TempDir dir;
    REQUIRE(test::run({TAWSIYA_BINARY, "serve", "--help"}, dir / "help") == 0);
    const std::string help = read_file(dir / "help"), text = read_file(config);
    const std::regex option(R"(\n  --([a-z-]+))");
    std::size_t options = 0;
    for (auto it = std::sregex_iterator(help.begin(), help.end(), option);
         it != std::sregex_iterator(); ++it) {
        const std::string name = (*it)[1];
        if (name == "config") continue;
        ++options;
        INFO(name);
        CHECK(std::regex_search(text, std::regex("\n" + name + " = ")));
    }
    CHECK(options >= 20);
}
