// The HTTP server, end to end: the real `tawsiya serve` binary on an index of the sample corpus,
// talked to with a Beast client over real sockets. Also the small pure parts of the HTTP layer
// (percent-decoding, search parameters) in-process.
#include <signal.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include <rapidjson/document.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "http/messages.hpp"
#include "http/search_params.hpp"
#include "http/static_assets.hpp"
#include "http/url_codec.hpp"
#include "support/files.hpp"
#include "support/minimal_pdf.hpp"
#include "support/skip.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/dedup.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/record.hpp"

using tawsiya::test::read_file;

using namespace tawsiya;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using Clock = std::chrono::steady_clock;

namespace {

// ---- the server as a child process --------------------------------------------------------

bool sample_corpus_present() {
    return std::filesystem::exists(test::source_path("corpus/sample.jsonl"));
}

// `tawsiya serve` on its own index; stops it with SIGTERM when it goes out of scope.
class ServerProcess {
  public:
    // `corpus`: the records to index (default: the sample corpus).
    explicit ServerProcess(const std::vector<std::string>& extra = {},
                           const std::string& corpus = {}) {
        db_ = dir_ / "db";
        const int indexed = test::run(
            {TAWSIYA_BINARY, "index",
             corpus.empty() ? test::source_path("corpus/sample.jsonl") : corpus, "--db", db_},
            dir_ / "index.log");
        if (indexed != 0) FAIL("tawsiya index failed:\n" << read_file(dir_ / "index.log"));
        std::vector<std::string> argv = {TAWSIYA_BINARY, "serve", "--db",      db_,
                                         "--port",       "0",     "--threads", "2",
                                         "--reopen-ms",  "100"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        log_ = dir_ / "serve.log";
        pid_ = test::spawn(argv, log_);
        // The first line on stdout names the port; stderr shares the log file, so look for it.
        const auto deadline = Clock::now() + std::chrono::seconds(20);
        while (Clock::now() < deadline && port_ == 0) {
            const std::string log = read_file(log_);
            const std::string marker = "listening on http://127.0.0.1:";
            if (const auto at = log.find(marker); at != std::string::npos)
                port_ = static_cast<unsigned short>(std::stoi(log.substr(at + marker.size())));
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (port_ == 0) FAIL("the server did not start:\n" << read_file(log_));
        INFO("the server's first line must be the URL");
        REQUIRE(read_file(log_).rfind("listening on http://127.0.0.1:", 0) == 0);
    }
    ~ServerProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            test::wait_for(pid_);
        }
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    unsigned short port() const { return port_; }
    const std::string& db() const { return db_; }
    std::string log() const { return read_file(log_); }
    const test::TempDir& dir() const { return dir_; }
    // Sends SIGTERM and returns the exit code.
    int terminate() {
        ::kill(pid_, SIGTERM);
        const int code = test::wait_for(pid_);
        pid_ = 0;
        return code;
    }

  private:
    test::TempDir dir_;
    std::string db_, log_;
    pid_t pid_ = 0;
    unsigned short port_ = 0;
};

// ---- a Beast client -----------------------------------------------------------------------

using Response = bhttp::response<bhttp::string_body>;

// A POST of a JSON body, as the page sends its match, tag and dedup requests.
bhttp::request<bhttp::string_body> json_request(const std::string& target, std::string body) {
    bhttp::request<bhttp::string_body> request{bhttp::verb::post, target, 11};
    request.set(bhttp::field::content_type, "application/json");
    request.body() = std::move(body);
    return request;
}

class Client {
  public:
    explicit Client(unsigned short port) : stream_(ioc_) {
        stream_.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
        stream_.expires_after(std::chrono::seconds(20));
    }
    Response send(bhttp::request<bhttp::string_body> request) {
        request.set(bhttp::field::host, "127.0.0.1");
        request.prepare_payload();
        bhttp::write(stream_, request);
        return receive();
    }
    Response get(const std::string& target) { return send({bhttp::verb::get, target, 11}); }
    Response head(const std::string& target) {
        bhttp::request<bhttp::string_body> request{bhttp::verb::head, target, 11};
        request.set(bhttp::field::host, "127.0.0.1");
        bhttp::write(stream_, request);
        return receive(true);
    }
    Response receive(bool head = false) {
        bhttp::response_parser<bhttp::string_body> parser;
        parser.skip(head);  // a response to HEAD has a Content-Length but no body
        parser.body_limit(64 << 20);
        bhttp::read(stream_, buffer_, parser);
        return parser.release();
    }
    void write_raw(const std::string& bytes) { net::write(stream_.socket(), net::buffer(bytes)); }
    void expire_in(std::chrono::seconds seconds) { stream_.expires_after(seconds); }
    // True when the server has closed the connection (reads EOF).
    bool closed_by_server() {
        beast::error_code ec;
        char byte;
        stream_.socket().read_some(net::buffer(&byte, 1), ec);
        return ec == net::error::eof || ec == net::error::connection_reset;
    }

  private:
    net::io_context ioc_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
};

rapidjson::Document parse_json(const std::string& body) {
    rapidjson::Document doc;
    doc.Parse(body.c_str(), body.size());
    INFO(body);
    REQUIRE_FALSE(doc.HasParseError());
    return doc;
}

std::string header(const Response& response, bhttp::field field) {
    const auto it = response.find(field);
    return it == response.end() ? std::string() : std::string(it->value());
}

std::string header(const Response& response, const char* name) {
    const auto it = response.find(name);
    return it == response.end() ? std::string() : std::string(it->value());
}

// Checks the JSON error shape and returns the message.
std::string error_message(const Response& response) {
    INFO(response.body());
    CHECK(header(response, bhttp::field::content_type).rfind("application/json", 0) == 0);
    const auto doc = parse_json(response.body());
    REQUIRE(doc.HasMember("error"));
    CHECK(doc["error"]["status"].GetUint() == response.result_int());
    return doc["error"]["message"].GetString();
}

// The shared server of the API cases: one index and one process for every SECTION.
ServerProcess& shared_server() {
    static ServerProcess server;
    return server;
}

Record extra_record(const std::string& id, const std::string& word) {
    Record record;
    record.id = id;
    record.text[Lang::en] = "Establish the " + word + " commission on prison monitoring";
    record.text[Lang::fr] = "Créer la commission " + word + " de contrôle des prisons";
    record.mechanism = "upr";
    record.body = "UPR";
    record.state = "Testland";
    record.year = 2020;
    record.symbol = "A/HRC/99/1";
    record.paragraph = "1.1";
    return record;
}

}  // namespace

// ---- the pure parts -------------------------------------------------------------------------

TEST_CASE("error bodies are valid UTF-8 whatever the message quotes", "[http][errors]") {
    // Bytes a client sent, percent-decoded: a lone byte, a truncated sequence, a surrogate.
    const std::string json = http::error_json(
        bhttp::status::not_found, "no record '\xFF\xFE' 'caf\xC3' '\xED\xA0\x80' 'ok é'");
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.c_str(), json.size());
    REQUIRE_FALSE(doc.HasParseError());
    const std::string message = doc["error"]["message"].GetString();
    CHECK(message.find("'\xEF\xBF\xBD\xEF\xBF\xBD'") != std::string::npos);  // U+FFFD each
    CHECK(message.find("'caf\xEF\xBF\xBD'") != std::string::npos);
    CHECK_THAT(message, Catch::EndsWith("'ok é'"));
}

TEST_CASE("percent-decoding and query strings", "[http][url]") {
    CHECK(http::percent_decode("a%20b%2Fc%3A") == "a b/c:");
    CHECK(http::percent_decode("a+b") == "a+b");
    CHECK(http::percent_decode("a+b", true) == "a b");
    CHECK(http::percent_decode("%D8%A7%D9%84") == "\xD8\xA7\xD9\x84");
    CHECK_FALSE(http::percent_decode("%4").has_value());
    CHECK_FALSE(http::percent_decode("%").has_value());
    CHECK_FALSE(http::percent_decode("%zz").has_value());
    CHECK_FALSE(http::percent_decode("a%00b").has_value());
    CHECK(http::percent_encode("upr:A/HRC/36/6 x") == "upr%3AA%2FHRC%2F36%2F6%20x");
    CHECK(http::percent_decode(http::percent_encode("صادق; l'État")) == "صادق; l'État");

    const auto target =
        http::parse_target("/api/search?q=body%3ACAT+torture&state=Morocco&state=Tunisia&&x");
    CHECK(target.path == "/api/search");
    REQUIRE(target.query.size() == 4);
    CHECK(target.query[0] == std::pair<std::string, std::string>("q", "body:CAT torture"));
    CHECK(http::param_values(target.query, "state") ==
          std::vector<std::string>{"Morocco", "Tunisia"});
    CHECK(target.query[3] == std::pair<std::string, std::string>("x", ""));
    CHECK(http::parse_target("/%2e%2e/etc").path == "/../etc");
    CHECK(http::parse_target("/a%2Fb").raw_path == "/a%2Fb");
    CHECK_THROWS_AS(http::parse_target("/?q=%zz"), UsageError);
    CHECK_THROWS_AS(http::parse_target("/%"), UsageError);
}

TEST_CASE("search parameters become a SearchRequest, bad ones a UsageError naming them",
          "[http][params]") {
    const SearchLimits limits;
    const auto request = http::parse_search_params(
        http::parse_target(
            "/?q=torture&lang=fr&page=3&size=20&sort=year-asc&display=ar&facets=0"
            "&body=CAT&state=Morocco&state=Tunisia&tag.sdg=16&year_from=2010&year_to=2013")
            .query,
        limits);
    CHECK(request.query == "torture");
    CHECK(request.lang == Lang::fr);
    CHECK(request.page == 3);
    CHECK(request.size == 20);
    CHECK(request.sort == SearchRequest::Sort::year_asc);
    CHECK(request.display == Lang::ar);
    CHECK_FALSE(request.facets);
    CHECK(request.filters.at("body") == std::vector<std::string>{"CAT"});
    CHECK(request.filters.at("state") == std::vector<std::string>{"Morocco", "Tunisia"});
    CHECK(request.filters.at("tag:sdg") == std::vector<std::string>{"16"});
    CHECK(http::parse_search_params(http::parse_target("/?language=ar").query, limits)
              .filters.at("lang") == std::vector<std::string>{"ar"});
    CHECK(request.year_from == 2010);
    CHECK(request.year_to == 2013);

    const auto parameter_of = [&](const std::string& query) {
        try {
            http::parse_search_params(http::parse_target("/?" + query).query, limits);
        } catch (const UsageError& e) {
            return e.parameter();
        }
        return std::string("(accepted)");
    };
    CHECK(parameter_of("size=0") == "size");
    CHECK(parameter_of("size=101") == "size");
    CHECK(parameter_of("size=10x") == "size");
    CHECK(parameter_of("page=-1") == "page");
    CHECK(parameter_of("lang=de") == "lang");
    CHECK(parameter_of("sort=random") == "sort");
    CHECK(parameter_of("facets=maybe") == "facets");
    CHECK(parameter_of("year_from=2014&year_to=2010") == "year_from");
    CHECK(parameter_of("q=a&q=b") == "q");
    CHECK(parameter_of("colour=red") == "colour");
    CHECK(parameter_of("body=") == "body");
    CHECK(parameter_of("q=" + std::string(limits.max_query_bytes + 1, 'a')) == "q");
    CHECK_THROWS_AS(http::parse_search_params(
                        http::parse_target("/?q=" + std::string(5000, 'a')).query, limits),
                    LimitError);
    CHECK(parameter_of("q=" + std::string(limits.max_query_bytes, 'a')) == "(accepted)");
}

TEST_CASE("static files come from the embedded table only", "[http][static]") {
    REQUIRE(http::find_static_asset("/"));
    CHECK(http::find_static_asset("/")->content_type == "text/html; charset=utf-8");
    CHECK(http::find_static_asset("/js/app.js")->content_type == "text/javascript; charset=utf-8");
    CHECK_FALSE(http::find_static_asset("/../../etc/passwd"));
    CHECK_FALSE(http::find_static_asset("/js/../../CMakeLists.txt"));
    CHECK_FALSE(http::find_static_asset("/CMakeLists.txt"));
    CHECK_FALSE(http::find_static_asset("js/app.js"));
}

// ---- the real server ------------------------------------------------------------------------

TEST_CASE("the HTTP API over a real index", "[http][server]") {
    if (!sample_corpus_present()) return test::skip("corpus/sample.jsonl is missing");
    ServerProcess& server = shared_server();

    SECTION("a search answers 200 with JSON, results, facets and security headers") {
        Client client(server.port());
        const auto response = client.get("/api/search?q=torture&size=5");
        INFO(response.body());
        REQUIRE(response.result() == bhttp::status::ok);
        CHECK(header(response, bhttp::field::content_type) == "application/json; charset=utf-8");
        CHECK(header(response, "X-Content-Type-Options") == "nosniff");
        CHECK(header(response, "Referrer-Policy") == "no-referrer");
        CHECK(header(response, "Content-Security-Policy").find("default-src 'self'") !=
              std::string::npos);
        const auto doc = parse_json(response.body());
        CHECK(doc["total"].GetUint() > 0);
        REQUIRE(doc["hits"].IsArray());
        CHECK(doc["hits"].Size() > 0);
        CHECK(doc["hits"].Size() <= 5);
        CHECK(doc["hits"][0].HasMember("snippet"));
        CHECK(doc["facets"].IsObject());
        CHECK(doc["facets"].HasMember("body"));
    }

    SECTION("keep-alive: two requests on one connection") {
        Client client(server.port());
        const auto first = client.get("/api/health");
        CHECK(first.result() == bhttp::status::ok);
        CHECK(first.keep_alive());
        const auto second = client.get("/api/search?q=children&size=1&facets=0");
        CHECK(second.result() == bhttp::status::ok);
        CHECK(second.keep_alive());
    }

    SECTION("an unknown path is 404 with the JSON error shape") {
        Client client(server.port());
        const auto api = client.get("/api/nothing-here");
        CHECK(api.result() == bhttp::status::not_found);
        CHECK_FALSE(error_message(api).empty());
        const auto page = client.get("/no-such-page.html");
        CHECK(page.result() == bhttp::status::not_found);
        error_message(page);
    }

    SECTION("a wrong method is 405 with Allow") {
        Client client(server.port());
        bhttp::request<bhttp::string_body> request{bhttp::verb::delete_, "/api/search?q=x", 11};
        const auto response = client.send(request);
        CHECK(response.result() == bhttp::status::method_not_allowed);
        CHECK(header(response, bhttp::field::allow).find("GET") != std::string::npos);
        error_message(response);
        const auto page = client.send({bhttp::verb::put, "/", 11});
        CHECK(page.result() == bhttp::status::method_not_allowed);
    }

    SECTION("a bad parameter is 400 naming it") {
        Client client(server.port());
        const auto size = client.get("/api/search?q=torture&size=1000");
        CHECK(size.result() == bhttp::status::bad_request);
        CHECK(error_message(size).find("size") != std::string::npos);
        CHECK(error_message(size).find("between 1 and 100") != std::string::npos);
        const auto page = client.get("/api/search?q=torture&page=abc");
        CHECK(page.result() == bhttp::status::bad_request);
        CHECK(error_message(page).find("page") != std::string::npos);
        const auto lang = client.get("/api/search?q=torture&lang=xx");
        CHECK(error_message(lang).find("lang") != std::string::npos);
        const auto q = client.get("/api/search?q=" + std::string(3000, 'a'));
        CHECK(q.result() == bhttp::status::bad_request);
        CHECK(error_message(q).find("q") != std::string::npos);
        const auto encoding = client.get("/api/search?q=%zz");
        CHECK(encoding.result() == bhttp::status::bad_request);
    }

    SECTION("an oversized body is 413") {
        Client client(server.port());
        bhttp::request<bhttp::string_body> request{bhttp::verb::post, "/api/search", 11};
        request.body() = std::string(2 << 20, 'x');
        const auto response = client.send(request);
        CHECK(response.result() == bhttp::status::payload_too_large);
        CHECK(error_message(response).find("body") != std::string::npos);
    }

    SECTION("an oversized header is 431") {
        Client client(server.port());
        bhttp::request<bhttp::string_body> request{bhttp::verb::get, "/api/health", 11};
        request.set("X-Padding", std::string(32 << 10, 'p'));
        const auto response = client.send(request);
        CHECK(response.result() == bhttp::status::request_header_fields_too_large);
    }

    SECTION("path traversal finds nothing") {
        for (const std::string target :
             {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/js/../../../etc/passwd",
              "/..%2f..%2fetc%2fpasswd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "//etc/passwd",
              "/css/..%5c..%5cCMakeLists.txt", "/CMakeLists.txt"}) {
            Client client(server.port());
            const auto response = client.get(target);
            INFO(target);
            CHECK(response.result() == bhttp::status::not_found);
            CHECK(response.body().find("root:") == std::string::npos);
        }
    }

    SECTION("the page and its assets are served with the right types") {
        Client client(server.port());
        const auto page = client.get("/");
        REQUIRE(page.result() == bhttp::status::ok);
        CHECK(header(page, bhttp::field::content_type) == "text/html; charset=utf-8");
        CHECK(page.body().find("<html") != std::string::npos);
        const auto script = client.get("/js/app.js");
        CHECK(script.result() == bhttp::status::ok);
        CHECK(header(script, bhttp::field::content_type) == "text/javascript; charset=utf-8");
        const auto head = client.head("/");
        CHECK(head.result() == bhttp::status::ok);
        CHECK(head.body().empty());
        CHECK(header(head, bhttp::field::content_length) == std::to_string(page.body().size()));
        CHECK(client.get("/api/health").result() == bhttp::status::ok);  // still in step
    }

    SECTION("a record by id, percent-encoded or not") {
        Client client(server.port());
        const auto search = parse_json(client.get("/api/search?q=torture&size=1").body());
        REQUIRE(search["hits"].Size() == 1);
        const std::string id = search["hits"][0]["id"].GetString();
        const auto encoded = client.get("/api/records/" + http::percent_encode(id));
        INFO(id << " -> " << encoded.body());
        REQUIRE(encoded.result() == bhttp::status::ok);
        CHECK(std::string(parse_json(encoded.body())["id"].GetString()) == id);
        const auto missing = client.get("/api/records/" + http::percent_encode("no:such/record"));
        CHECK(missing.result() == bhttp::status::not_found);
        error_message(missing);
    }

    SECTION("health and stats") {
        Client client(server.port());
        const auto health = parse_json(client.get("/api/health").body());
        CHECK(std::string(health["status"].GetString()) == "ok");
        CHECK(health["revision"].IsString());
        const auto stats_response = client.get("/api/stats");
        REQUIRE(stats_response.result() == bhttp::status::ok);
        const auto stats = parse_json(stats_response.body());
        CHECK(stats["records"].GetUint() > 0);
        CHECK(stats["languages"].HasMember("ar"));
    }

    SECTION("an export is every hit of the search as CSV with a BOM, or JSON lines") {
        Client client(server.port());
        const auto search = parse_json(client.get("/api/search?state=Morocco&size=1").body());
        const std::size_t total = search["total"].GetUint();
        REQUIRE(total > 1);
        const auto csv = client.get("/api/export?state=Morocco&format=csv");
        REQUIRE(csv.result() == bhttp::status::ok);
        CHECK(header(csv, bhttp::field::content_type) == "text/csv; charset=utf-8");
        CHECK(header(csv, bhttp::field::content_disposition) ==
              "attachment; filename=\"tawsiya-export.csv\"");
        const std::string& body = csv.body();
        REQUIRE(body.rfind("\xEF\xBB\xBFid,mechanism,body,state,", 0) == 0);
        // One CRLF-ended line per record after the header (texts hold no line breaks).
        std::size_t lines = 0;
        for (std::size_t at = body.find("\r\n"); at != std::string::npos;
             at = body.find("\r\n", at + 2))
            ++lines;
        CHECK(lines == total + 1);
        CHECK(body.find("\"Morocco\"") != std::string::npos);
        CHECK(body.find("\"Algeria\"") == std::string::npos);

        // The whole sample (more than one of the Searcher's pages of 100) as JSON lines.
        const std::size_t records =
            parse_json(client.get("/api/stats").body())["records"].GetUint();
        const auto jsonl = client.get("/api/export?format=jsonl");
        REQUIRE(jsonl.result() == bhttp::status::ok);
        std::set<std::string> ids;
        std::size_t start = 0;
        for (std::size_t end = jsonl.body().find('\n'); end != std::string::npos;
             start = end + 1, end = jsonl.body().find('\n', start)) {
            const auto doc = parse_json(jsonl.body().substr(start, end - start));
            ids.insert(doc["id"].GetString());
            CHECK(doc["text"].IsObject());
        }
        CHECK(records > 100);
        CHECK(ids.size() == records);

        const auto limited = client.get("/api/export?format=jsonl&limit=3");
        CHECK(std::count(limited.body().begin(), limited.body().end(), '\n') == 3);
        const auto bad_format = client.get("/api/export?format=xlsx");
        CHECK(bad_format.result() == bhttp::status::bad_request);
        CHECK(error_message(bad_format).find("format") != std::string::npos);
        const auto over = client.get("/api/export?limit=10001");
        CHECK(over.result() == bhttp::status::bad_request);
        CHECK(error_message(over).find("limit") != std::string::npos);
        const auto page = client.get("/api/export?page=2");
        CHECK(page.result() == bhttp::status::bad_request);
    }

    SECTION(
        "a record's history: the matching recommendations to its state, by when and mechanism") {
        Client client(server.port());
        // The sample's Egyptian moratorium of 2019 (UPR) is repeated by a treaty body in 2023.
        const auto response = client.get("/api/records/sample:c030/related");
        INFO(response.body());
        REQUIRE(response.result() == bhttp::status::ok);
        const auto doc = parse_json(response.body());
        CHECK(std::string(doc["state"].GetString()) == "Egypt");
        CHECK(doc["year"].GetInt() == 2019);
        bool later = false;
        int last_rank = -1;
        for (const auto& group : doc["groups"].GetArray()) {
            const std::string when = group["when"].GetString();
            const int rank = when == "earlier" ? 0 : when == "same" ? 1 : 2;
            CHECK(rank >= last_rank);  // earlier, then the same year, then later
            last_rank = rank;
            for (const auto& match : group["matches"].GetArray()) {
                const std::string id = match["id"].GetString();
                CHECK(id != "sample:c030");
                CHECK(match["score"].GetDouble() >= 0.2);
                CHECK(std::string(match["mechanism"].GetString()) ==
                      group["mechanism"].GetString());
                // Every one is addressed to Egypt.
                const auto record = parse_json(client.get("/api/records/" + id).body());
                CHECK(std::string(record["state"].GetString()) == "Egypt");
                if (id == "sample:c032") {
                    later = true;
                    CHECK(when == "later");
                    CHECK(group["year"].GetInt() == 2023);
                    CHECK(std::string(group["mechanism"].GetString()) == "treaty_body");
                }
            }
        }
        CHECK(later);

        const auto missing = client.get("/api/records/sample:nothing/related");
        CHECK(missing.result() == bhttp::status::not_found);
        error_message(missing);
        const auto bad_k = client.get("/api/records/sample:c030/related?k=0");
        CHECK(bad_k.result() == bhttp::status::bad_request);
        CHECK(error_message(bad_k).find("k") != std::string::npos);
        const auto unknown = client.get("/api/records/sample:c030/related?colour=red");
        CHECK(unknown.result() == bhttp::status::bad_request);
        // The record itself is still reached under its own path.
        CHECK(client.get("/api/records/sample:c030").result() == bhttp::status::ok);
    }

    SECTION("one access-log line per request") {
        Client client(server.port());
        client.get("/api/health?probe=access-log-line");
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        CHECK(server.log().find("GET /api/health?probe=access-log-line 200 ") != std::string::npos);
    }
}

TEST_CASE("POST /api/match and /api/dedup over a real index", "[http][server][match][dedup]") {
    if (!sample_corpus_present()) return test::skip("corpus/sample.jsonl is missing");
    ServerProcess server;
    auto post = [&](const std::string& target, const std::string& body) {
        return Client(server.port()).send(json_request(target, body));
    };

    // A new wording of the sample's death-penalty moratorium group, in Arabic.
    const auto match =
        post("/api/match", R"({"text": "إعلان وقف لتنفيذ أحكام الإعدام تمهيدا لإلغائها", "k": 5})");
    REQUIRE(match.result() == bhttp::status::ok);
    const auto matched = parse_json(match.body());
    CHECK(std::string(matched["lang"].GetString()) == "ar");
    REQUIRE(matched["matches"].Size() >= 1);
    CHECK(matched["matches"].Size() <= 5);
    std::set<std::string> top;
    for (const auto& m : matched["matches"].GetArray()) top.insert(m["id"].GetString());
    CHECK((top.count("sample:c030") + top.count("sample:c031") + top.count("sample:c032")) >= 2);
    REQUIRE(matched["suggestions"].HasMember("body"));
    for (const auto& s : matched["suggestions"]["body"].GetArray()) {
        CHECK(s["confidence"].GetDouble() >= 0.0);
        CHECK(s["confidence"].GetDouble() <= 1.0);
    }

    const auto dedup = post("/api/dedup",
                            R"({"items": [
        {"id": "a", "text": "Abolish the death penalty and commute all death sentences (France);"},
        {"id": "b", "text": "Abolish the death penalty and commute all death sentences (Italy) (Spain);"},
        {"id": "c", "text": "Guarantee inclusive education for children with disabilities"}]})");
    REQUIRE(dedup.result() == bhttp::status::ok);
    const auto clusters = parse_json(dedup.body());
    CHECK(clusters["items"].GetUint() == 3);
    CHECK(clusters["duplicate_clusters"].GetUint() == 1);
    CHECK(clusters["clusters"][0]["size"].GetUint() == 2);
    CHECK(clusters["clusters"].Size() == 2);
    CHECK(clusters["threshold"].GetDouble() == Approx(DedupOptions{}.threshold));
    // One item per line works too.
    const auto lines = parse_json(
        post("/api/dedup", R"({"text": "Ratify OPCAT (Chile);\nRatify OPCAT (Peru);"})").body());
    CHECK(lines["duplicate_clusters"].GetUint() == 1);

    // Errors name what is wrong, with 4xx statuses.
    auto error_of = [&](const Response& response) {
        return std::string(parse_json(response.body())["error"]["message"].GetString());
    };
    const auto broken = post("/api/match", "{\"text\": ");
    CHECK(broken.result() == bhttp::status::bad_request);
    CHECK_THAT(error_of(broken), Catch::StartsWith("body: broken JSON"));
    CHECK_THAT(error_of(post("/api/match", R"({"text": ""})")), Catch::StartsWith("text:"));
    CHECK_THAT(error_of(post("/api/match", R"({"text": "x", "k": 0})")), Catch::StartsWith("k:"));
    CHECK_THAT(error_of(post("/api/match", R"({"text": "x", "lang": "de"})")),
               Catch::StartsWith("lang:"));
    CHECK_THAT(error_of(post("/api/dedup", R"({"items": [{"id": "a"}]})")),
               Catch::StartsWith("items[0].text:"));
    CHECK_THAT(error_of(post("/api/dedup", R"({"items": []})")), Catch::StartsWith("items:"));
    CHECK_THAT(error_of(post("/api/dedup", R"({"text": "a", "threshold": 3})")),
               Catch::StartsWith("threshold:"));
    // A document: its recommendations, each matched and tagged.
    const auto tagged = post(
        "/api/tag",
        R"({"text": "12. The Committee recommends that the State party:\n(a) Ratify the Optional Protocol to the Convention against Torture;\n(b) Establish a moratorium on executions.\n"})");
    REQUIRE(tagged.result() == bhttp::status::ok);
    const auto paragraphs = parse_json(tagged.body());
    REQUIRE(paragraphs["paragraphs"].Size() == 2);
    CHECK(std::string(paragraphs["paragraphs"][1]["paragraph"].GetString()) == "12 (b)");
    CHECK(paragraphs["paragraphs"][1]["matches"].Size() >= 1);
    // Under the committee's chapeau, and with the document's symbol, the issuer follows.
    const auto& first = paragraphs["paragraphs"][0]["suggestions"];
    REQUIRE(first.HasMember("mechanism"));
    CHECK(std::string(first["mechanism"][0]["label"].GetString()) == "treaty_body");
    const std::string symbol_body =
        post(
            "/api/tag",
            R"({"text": "12. The Committee recommends that the State party:\n(a) Ratify the Optional Protocol to the Convention against Torture;\n", "symbol": "CRC/C/ATL/CO/5"})")
            .body();
    INFO(symbol_body);
    const auto symbol = parse_json(symbol_body);
    REQUIRE(symbol["paragraphs"][0]["suggestions"].HasMember("body"));
    CHECK(std::string(symbol["paragraphs"][0]["suggestions"]["body"][0]["label"].GetString()) ==
          "CRC");
    const auto given = parse_json(
        post("/api/match", R"({"text": "Ratify the OPCAT", "symbol": "CERD/C/ATL/CO/5"})").body());
    CHECK(std::string(given["suggestions"]["body"][0]["label"].GetString()) == "CERD");
    CHECK_THAT(error_of(post("/api/tag", R"({"lang": "en"})")), Catch::StartsWith("text:"));
    // Windows-edited text: each CRLF ends one line, so a continuation line stays in its
    // paragraph (a CRLF read as two line ends was a blank line, which ends the paragraph).
    const auto windows = parse_json(
        post(
            "/api/tag",
            R"({"text": "12. The Committee recommends that the State party\r\nratify the Optional Protocol to the Convention against Torture.\r\n\r\n13. The State party should\r\nestablish a moratorium on executions.\r\n"})")
            .body());
    REQUIRE(windows["paragraphs"].Size() == 2);
    CHECK(std::string(windows["paragraphs"][0]["text"].GetString()) ==
          "The Committee recommends that the State party ratify the Optional Protocol to the "
          "Convention against Torture.");
    CHECK(std::string(windows["paragraphs"][1]["paragraph"].GetString()) == "13");
    CHECK(windows["paragraphs"][1]["line"].GetUint() == 4);
    CHECK(std::string(windows["paragraphs"][1]["text"].GetString()) ==
          "The State party should establish a moratorium on executions.");

    const auto get = Client(server.port()).get("/api/match");
    CHECK(get.result() == bhttp::status::method_not_allowed);
    CHECK(std::string(get[bhttp::field::allow]) == "POST");
}

TEST_CASE("batch requests have their own bounded pool: a full queue is a 503, searches go on",
          "[http][server][batch]") {
    if (!sample_corpus_present()) return test::skip("corpus/sample.jsonl is missing");
    // While the hold file exists the batch thread does not start a job: the test decides when
    // batch work ends, so nothing below depends on timing.
    test::TempDir hold_dir;
    const std::string hold = hold_dir / "hold";
    std::ofstream(hold) << "held\n";
    ServerProcess server({"--batch-threads", "1", "--batch-queue", "1", "--batch-hold-file", hold});
    const auto tag_request = [] {
        return json_request(
            "/api/tag",
            R"({"text": "12. The Committee recommends that the State party:\n(a) Ratify the Optional Protocol to the Convention against Torture;\n"})");
    };

    // Three tag requests on three connections: one is taken by the batch thread, one waits in
    // the queue, and whichever comes third finds the queue full.
    std::vector<Response> responses(3);
    std::atomic<int> answered{0}, refused{-1};
    std::vector<std::thread> clients;
    // Releases the batch thread and joins the clients however this test ends.
    struct Release {
        const std::string& hold;
        std::vector<std::thread>& clients;
        ~Release() {
            std::error_code ignored;
            std::filesystem::remove(hold, ignored);
            for (auto& client : clients)
                if (client.joinable()) client.join();
        }
    } release{hold, clients};
    for (int i = 0; i < 3; ++i)
        clients.emplace_back([&, i] {
            responses[i] = Client(server.port()).send(tag_request());
            if (responses[i].result() == bhttp::status::service_unavailable) refused = i;
            ++answered;
        });
    // Only the refused one can answer while the hold file exists; the deadline only keeps a
    // broken server from hanging the test.
    const auto deadline = Clock::now() + std::chrono::seconds(20);
    while (answered == 0 && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(answered == 1);
    REQUIRE(refused >= 0);
    const Response& busy = responses[static_cast<std::size_t>(refused.load())];
    CHECK(header(busy, bhttp::field::retry_after) == "1");
    CHECK_THAT(error_message(busy), Catch::Contains("busy"));

    // Batch work is in progress and queued, and search, records, stats and a single match
    // answer all the same.
    const auto search = Client(server.port()).get("/api/search?q=torture");
    CHECK(search.result() == bhttp::status::ok);
    const auto match =
        Client(server.port()).send(json_request("/api/match", R"({"text": "Ratify the OPCAT"})"));
    CHECK(match.result() == bhttp::status::ok);
    CHECK(Client(server.port()).get("/api/stats").result() == bhttp::status::ok);
    CHECK(answered == 1);

    // Released, the two admitted requests are answered.
    std::filesystem::remove(hold);
    for (auto& client : clients) client.join();
    CHECK(answered == 3);
    for (int i = 0; i < 3; ++i)
        if (i != refused)
            CHECK(responses[static_cast<std::size_t>(i)].result() == bhttp::status::ok);
    // The queue has room again.
    CHECK(Client(server.port()).send(tag_request()).result() == bhttp::status::ok);
}

TEST_CASE("hostile bodies are a 400 and the server keeps answering", "[http][server][hostile]") {
    if (!sample_corpus_present()) return test::skip("corpus/sample.jsonl is missing");
    ServerProcess server;
    auto post = [&](const std::string& target, const std::string& body) {
        return Client(server.port()).send(json_request(target, body));
    };
    auto still_answers = [&] {
        CHECK(Client(server.port()).get("/api/stats").result() == bhttp::status::ok);
    };

    SECTION("JSON nested 120,000 levels deep") {
        // Recursive parsing would overflow the stack of the worker and kill the process.
        const std::string nested = std::string(120000, '[') + std::string(120000, ']');
        for (const std::string& body : {nested, R"({"text": "x", "items": )" + nested + "}"}) {
            for (const char* target : {"/api/match", "/api/tag", "/api/dedup"}) {
                INFO(target);
                const auto response = post(target, body);
                CHECK(response.result() == bhttp::status::bad_request);
                CHECK_THAT(error_message(response),
                           Catch::StartsWith("body: JSON nested deeper than 64 levels"));
                still_answers();
            }
        }
        // Nesting within the limit is read as before.
        std::string deep = R"({"text": "Ratify OPCAT", "extra": )" + std::string(60, '[') +
                           std::string(60, ']') + "}";
        CHECK(post("/api/match", deep).result() == bhttp::status::ok);
    }

    SECTION("bytes that are not UTF-8 in a path or a query") {
        // Each answer, an error quoting the bytes or not, is valid UTF-8 as its charset says.
        CHECK(Client(server.port()).get("/api/records/%FF%FE").result() ==
              bhttp::status::not_found);
        CHECK(Client(server.port()).get("/api/search?q=year:%FF..2010").result() ==
              bhttp::status::bad_request);
        for (const char* target :
             {"/api/records/%FF%FE", "/api/search?q=year:%FF..2010", "/api/search?q=%C3"}) {
            INFO(target);
            const auto response = Client(server.port()).get(target);
            CHECK(response.result_int() < 500);
            rapidjson::Document doc;
            doc.Parse<rapidjson::kParseValidateEncodingFlag>(response.body().c_str(),
                                                             response.body().size());
            CHECK_FALSE(doc.HasParseError());
            still_answers();
        }
    }

    SECTION("a document whose numbered paragraph is one line of 100 KB") {
        // The splitter's regular expressions recursed once per character of a line.
        std::string words;
        while (words.size() < 100000) words += "the independence of the judiciary ";
        const auto document = [&](std::size_t bytes) {
            return R"({"text": "12. The State party should ratify the Convention )" +
                   words.substr(0, bytes) +
                   R"(\n13. The State party should abolish the death penalty."})";
        };
        // Split, then refused by the matcher's limit on a recommendation's length.
        const auto refused = post("/api/tag", document(100000));
        CHECK(refused.result() == bhttp::status::bad_request);
        CHECK_THAT(error_message(refused), Catch::StartsWith("text: longer than"));
        still_answers();
        // Under that limit, matched and tagged.
        const auto response = post("/api/tag", document(19000));
        CHECK(response.result() == bhttp::status::ok);
        const auto tagged = parse_json(response.body());
        REQUIRE(tagged["paragraphs"].Size() == 2);
        CHECK(std::string(tagged["paragraphs"][1]["paragraph"].GetString()) == "13");
        still_answers();
    }
}

TEST_CASE("a new commit is picked up without a restart; ids with ':' and '/' work",
          "[http][server][reopen]") {
    if (!sample_corpus_present()) return test::skip("corpus/sample.jsonl is missing");
    ServerProcess server;
    Client client(server.port());
    const std::string before = parse_json(client.get("/api/health").body())["revision"].GetString();
    const std::string id = "test:A/HRC/99/1:1.1";
    CHECK(client.get("/api/records/" + http::percent_encode(id)).result() ==
          bhttp::status::not_found);
    // Asked before the commit, so a stale answer would sit in the workers' response caches.
    for (int i = 0; i < 4; ++i)
        CHECK(parse_json(Client(server.port()).get("/api/search?q=zanzibarite").body())["total"]
                  .GetUint() == 0);

    const std::string input = server.dir() / "extra.jsonl";
    std::ofstream(input) << record_to_json(extra_record(id, "zanzibarite")) << "\n";
    REQUIRE(test::run({TAWSIYA_BINARY, "index", input, "--db", server.db()},
                      server.dir() / "extra.log") == 0);

    // Every worker reopens within --reopen-ms 100: ask a few times on new connections.
    std::optional<Response> found;
    for (auto deadline = Clock::now() + std::chrono::seconds(10); Clock::now() < deadline;) {
        Client fresh(server.port());
        auto response = fresh.get("/api/records/" + http::percent_encode(id));
        if (response.result() == bhttp::status::ok) {
            found = std::move(response);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    REQUIRE(found);
    CHECK(std::string(parse_json(found->body())["id"].GetString()) == id);
    // The same id with its '/' left as they are in the path.
    CHECK(Client(server.port()).get("/api/records/" + id).result() == bhttp::status::ok);
    const auto search = parse_json(Client(server.port()).get("/api/search?q=zanzibarite").body());
    CHECK(search["total"].GetUint() == 1);
    const std::string after =
        parse_json(Client(server.port()).get("/api/health").body())["revision"].GetString();
    CHECK(after != before);
}

TEST_CASE("a client that expects 100-continue is asked for its body; an oversized one is not",
          "[http][server][expect]") {
    if (!sample_corpus_present()) return test::skip("corpus/sample.jsonl is missing");
    ServerProcess& server = shared_server();
    const std::string body = R"({"items": [{"id": "1", "text": "Abolish the death penalty"}]})";
    Client client(server.port());
    // Without the 100 the client below would wait for it until the read timed out.
    client.expire_in(std::chrono::seconds(5));
    client.write_raw(
        "POST /api/dedup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Expect: 100-continue\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n");
    const Response interim = client.receive();
    CHECK(interim.result_int() == 100);
    client.write_raw(body);
    const Response answer = client.receive();
    CHECK(answer.result_int() == 200);
    CHECK(parse_json(answer.body()).HasMember("clusters"));

    // Over the body limit: the answer is the 413, and no 100 invites the body.
    Client big(server.port());
    big.expire_in(std::chrono::seconds(5));
    big.write_raw(
        "POST /api/dedup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Expect: 100-continue\r\nContent-Length: 100000000\r\n\r\n");
    const Response refused = big.receive();
    CHECK(refused.result_int() == 413);
}

TEST_CASE("a slow client has its connection closed after --timeout", "[http][server][timeout]") {
    if (!sample_corpus_present()) return test::skip("corpus/sample.jsonl is missing");
    ServerProcess server({"--timeout", "1"});
    Client client(server.port());
    client.write_raw("GET /api/health HTTP/1.1\r\nHost: x\r\n");  // and never the end
    const auto start = Clock::now();
    CHECK(client.closed_by_server());
    CHECK(Clock::now() - start < std::chrono::seconds(5));
    CHECK(Clock::now() - start >= std::chrono::milliseconds(900));
}

TEST_CASE("SIGTERM stops the server cleanly with exit code 0", "[http][server][shutdown]") {
    if (!sample_corpus_present()) return test::skip("corpus/sample.jsonl is missing");
    ServerProcess server;
    Client idle(server.port());  // an idle keep-alive connection must not hold the shutdown
    REQUIRE(idle.get("/api/health").result() == bhttp::status::ok);
    const auto start = Clock::now();
    CHECK(server.terminate() == 0);
    CHECK(Clock::now() - start < std::chrono::seconds(5));
    CHECK(idle.closed_by_server());
    // The port is free again: nothing listens there.
    net::io_context ioc;
    net::ip::tcp::socket socket(ioc);
    beast::error_code ec;
    socket.connect({net::ip::make_address("127.0.0.1"), server.port()}, ec);
    CHECK(ec);
}

// ---- POST /api/tag/file: the document as staff received it --------------------------------

TEST_CASE("a document file is uploaded, read by its content, split and tagged",
          "[http][server][tagfile]") {
    if (!sample_corpus_present()) return test::skip("corpus/sample.jsonl is missing");
    ServerProcess server({"--max-upload-bytes", "3000000"});
    const auto upload = [&](const std::string& target, std::string body, const std::string& type) {
        bhttp::request<bhttp::string_body> request{bhttp::verb::post, target, 11};
        if (!type.empty()) request.set(bhttp::field::content_type, type);
        request.body() = std::move(body);
        return Client(server.port()).send(std::move(request));
    };
    const auto error_of = [](const Response& response) {
        INFO(response.body());
        return std::string(parse_json(response.body())["error"]["message"].GetString());
    };
    const auto fixture = [](const std::string& name) {
        return read_file(test::source_path("tests/fixtures/" + name));
    };

    SECTION("a PDF and a .docx, each by its content whatever its type says") {
        const auto pdf = upload("/api/tag/file", fixture("upr-report-en.pdf"), "application/pdf");
        INFO(pdf.body());
        REQUIRE(pdf.result() == bhttp::status::ok);
        const auto tagged = parse_json(pdf.body());
        CHECK(std::string(tagged["file"]["format"].GetString()) == "PDF");
        CHECK(tagged["file"]["pages"].GetUint() >= 1);
        REQUIRE(tagged["paragraphs"].Size() >= 3);
        const auto& first = tagged["paragraphs"][0];
        CHECK(first["page"].GetUint() >= 1);
        CHECK(first["matches"].IsArray());
        CHECK(first.HasMember("suggestions"));
        // A Word file sent as bytes under a PDF's name: the split only, to review first.
        const auto docx =
            upload("/api/tag/file?name=report.pdf&match=0",
                   fixture("concluding-observations-fr.docx"), "application/octet-stream");
        INFO(docx.body());
        REQUIRE(docx.result() == bhttp::status::ok);
        const auto split = parse_json(docx.body());
        CHECK(std::string(split["file"]["format"].GetString()) == "Word (.docx)");
        CHECK_FALSE(split["file"].HasMember("pages"));
        REQUIRE(split["paragraphs"].Size() >= 2);
        CHECK_FALSE(split["paragraphs"][0].HasMember("matches"));
        CHECK(std::string(split["paragraphs"][0]["lang"].GetString()) == "fr");
        CHECK(std::string(split["kind"].GetString()) == "concluding_observations");
    }

    SECTION("text in the encoding its Content-Type names") {
        const std::string latin1 =
            "12. L'\xC9tat partie devrait ratifier le Protocole facultatif se rapportant \xE0 la "
            "Convention contre la torture.\n";
        const auto response =
            upload("/api/tag/file?match=0", latin1, "text/plain; charset=ISO-8859-1");
        INFO(response.body());
        REQUIRE(response.result() == bhttp::status::ok);
        const auto split = parse_json(response.body());
        REQUIRE(split["paragraphs"].Size() == 1);
        CHECK_THAT(split["paragraphs"][0]["text"].GetString(),
                   Catch::StartsWith("L'\xC3\x89tat partie devrait"));
    }

    SECTION("a 60-page report over the body limit goes through; beyond the upload limit, a 413") {
        // Words differing from page to page: a line that repeats at the top of every page is a
        // running header, and the reader drops it.
        const char* topics[] = {"torture",   "education", "health",      "housing",    "water",
                                "elections", "prisons",   "journalists", "children",   "women",
                                "migrants",  "refugees",  "disability",  "minorities", "courts",
                                "police",    "labour",    "poverty",     "land",       "language"};
        std::vector<std::vector<std::string>> pages(60);
        std::size_t number = 0;
        for (auto& page : pages)
            for (int i = 0; i < 3; ++i) {
                ++number;
                const std::string topic = topics[(number * 7) % 20];
                const std::string region = {char('A' + number / 26), char('A' + number % 26)};
                page.push_back(std::to_string(number) + ". The State party should adopt a law on " +
                               topic + " in region " + region + " and");
                page.push_back("set up a national mechanism to monitor " + topic + ".");
                page.emplace_back();
            }
        // A report with pictures: 1.5 MB, over the 1 MiB every other route allows.
        const std::string report = test::minimal_pdf(pages, 1500000);
        REQUIRE(report.size() > (1u << 20));
        const auto response = upload("/api/tag/file?match=0", report, "application/pdf");
        INFO(response.body().substr(0, 2000));
        REQUIRE(response.result() == bhttp::status::ok);
        const auto split = parse_json(response.body());
        CHECK(split["file"]["pages"].GetUint() == 60);
        REQUIRE(split["paragraphs"].Size() == 180);
        CHECK(std::string(split["paragraphs"][179]["paragraph"].GetString()) == "180");
        CHECK(split["paragraphs"][0]["page"].GetUint() == 1);
        CHECK(split["paragraphs"][3]["page"].GetUint() == 2);
        CHECK(split["paragraphs"][179]["page"].GetUint() == 60);
        // The same size elsewhere is refused, and a file beyond the upload limit says the limit.
        const auto match = upload("/api/match", std::string(1500000, ' '), "application/json");
        CHECK(match.result() == bhttp::status::payload_too_large);
        const auto big =
            upload("/api/tag/file", test::minimal_pdf(pages, 3500000), "application/pdf");
        CHECK(big.result() == bhttp::status::payload_too_large);
        CHECK_THAT(error_of(big), Catch::Contains("upload limit of 3000000 bytes"));
    }

    SECTION("a file that cannot be read is a 400 saying why") {
        const auto refused = [&](const std::string& body, const std::string& type,
                                 const std::string& target = "/api/tag/file") {
            const auto response = upload(target, body, type);
            CHECK(response.result() == bhttp::status::bad_request);
            return error_of(response);
        };
        CHECK_THAT(refused("%PDF-1.4\nbroken", "application/pdf"),
                   Catch::StartsWith("file: a damaged PDF"));
        CHECK_THAT(refused(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "old",
                           "application/msword"),
                   Catch::StartsWith("file: an old Word"));
        CHECK_THAT(refused(std::string("PK\x03\x04", 4) + std::string(100, 'z'), ""),
                   Catch::StartsWith("file:"));
        CHECK_THAT(refused("--x\r\nContent-Disposition: form-data\r\n\r\nx\r\n--x--",
                           "multipart/form-data; boundary=x"),
                   Catch::StartsWith("file: send the file itself"));
        CHECK_THAT(refused("", "application/pdf"), Catch::StartsWith("file: the request body"));
        CHECK_THAT(refused(test::minimal_pdf({{""}}), "application/pdf"),
                   Catch::StartsWith("file: the PDF holds no text"));
        CHECK_THAT(refused("12. text", "text/plain", "/api/tag/file?k=0"), Catch::StartsWith("k:"));
        CHECK_THAT(refused("12. text", "text/plain", "/api/tag/file?page=2"),
                   Catch::StartsWith("page:"));
        const auto get = Client(server.port()).get("/api/tag/file");
        CHECK(get.result() == bhttp::status::method_not_allowed);
    }
}

TEST_CASE("a reviewed split is tagged as given: /api/tag with segments",
          "[http][server][tagfile]") {
    if (!sample_corpus_present()) return test::skip("corpus/sample.jsonl is missing");
    ServerProcess server;
    Client client(server.port());
    const auto post = [&](const std::string& body) {
        return client.send(json_request("/api/tag", body));
    };
    // The split alone: no matches, the document's state and kind said.
    const auto split = parse_json(
        post(
            R"({"text": "Concluding observations on the report of Morocco\n\n12. The Committee recommends that the State party:\n(a) Ratify the Optional Protocol to the Convention against Torture;\n(b) Establish a moratorium on executions.\n", "match": false})")
            .body());
    REQUIRE(split["paragraphs"].Size() == 2);
    CHECK_FALSE(split["paragraphs"][0].HasMember("matches"));
    CHECK(std::string(split["state"]["name"].GetString()) == "Morocco");
    // Staff merged the two sub-paragraphs: one segment, matched with the state and chapeau.
    const auto merged = post(
        R"j({"segments": [{"paragraph": "12 (a)", "line": 4, "text": "Ratify the Optional Protocol to the Convention against Torture; establish a moratorium on executions.", "context": "The Committee recommends that the State party:"}], "state": "Morocco", "k": 3})j");
    INFO(merged.body());
    REQUIRE(merged.result() == bhttp::status::ok);
    const auto tagged = parse_json(merged.body());
    REQUIRE(tagged["paragraphs"].Size() == 1);
    const auto& one = tagged["paragraphs"][0];
    CHECK(std::string(one["paragraph"].GetString()) == "12 (a)");
    CHECK(one["line"].GetUint() == 4);
    CHECK(one["matches"].Size() >= 1);
    CHECK(one["matches"].Size() <= 3);
    CHECK(std::string(one["suggestions"]["mechanism"][0]["label"].GetString()) == "treaty_body");
    const auto bad = post(R"({"segments": [{"text": "x"}, {"paragraph": "2"}]})");
    CHECK(bad.result() == bhttp::status::bad_request);
    CHECK_THAT(std::string(parse_json(bad.body())["error"]["message"].GetString()),
               Catch::StartsWith("segments[1].text:"));
}

// ---- GET /api/export: written as it is read --------------------------------------------------

TEST_CASE("a 10,000-record export is streamed in chunks, each row as read",
          "[http][server][export]") {
    if (!sample_corpus_present()) return test::skip("corpus/sample.jsonl is missing");
    // Just over the export's cap: the sample's records again and again, each with its own id.
    test::TempDir corpus_dir;
    const std::string corpus = corpus_dir / "many.jsonl";
    {
        std::istringstream sample(read_file(test::source_path("corpus/sample.jsonl")));
        std::vector<std::string> lines;
        for (std::string line; std::getline(sample, line);)
            if (!line.empty()) lines.push_back(line);
        REQUIRE_FALSE(lines.empty());
        std::ofstream out(corpus);
        const std::string key = "\"id\": \"";
        for (std::size_t i = 0; i < 10050; ++i) {
            std::string line = lines[i % lines.size()];
            const auto at = line.find(key);
            REQUIRE(at != std::string::npos);
            const auto end = line.find('"', at + key.size());
            line.insert(end, "-copy" + std::to_string(i));
            out << line << '\n';
        }
    }
    ServerProcess server({}, corpus);
    Client client(server.port());
    const auto jsonl = client.get("/api/export?format=jsonl&limit=10000");
    REQUIRE(jsonl.result() == bhttp::status::ok);
    // Chunked: the length is not known when the first rows go out.
    CHECK(header(jsonl, bhttp::field::transfer_encoding) == "chunked");
    CHECK(header(jsonl, bhttp::field::content_length).empty());
    std::set<std::string> ids;
    std::size_t start = 0;
    for (std::size_t end = jsonl.body().find('\n'); end != std::string::npos;
         start = end + 1, end = jsonl.body().find('\n', start))
        ids.insert(parse_json(jsonl.body().substr(start, end - start))["id"].GetString());
    CHECK(start == jsonl.body().size());
    CHECK(ids.size() == 10000);
    // The connection stays usable after the last chunk.
    const auto csv = client.get("/api/export?format=csv&limit=250");
    REQUIRE(csv.result() == bhttp::status::ok);
    CHECK(std::count(csv.body().begin(), csv.body().end(), '\n') == 251);
    CHECK(csv.body().rfind("\xEF\xBB\xBFid,", 0) == 0);
    // HEAD: the headers alone; HTTP/1.0: the same body, unchunked, ended by closing.
    const auto head = client.head("/api/export?format=csv&limit=250");
    CHECK(head.result() == bhttp::status::ok);
    CHECK(head.body().empty());
    bhttp::request<bhttp::string_body> old{bhttp::verb::get, "/api/export?format=csv&limit=250",
                                           10};
    const auto unchunked = Client(server.port()).send(std::move(old));
    CHECK(header(unchunked, bhttp::field::transfer_encoding).empty());
    CHECK(unchunked.body() == csv.body());
}
