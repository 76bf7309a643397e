// Shards and replicas on Xapian's own remote backend, on loopback (docs/scale.md): three
// xapian-tcpsrv processes each serving the shard `tawsiya index --shards 3` wrote, read as one
// index, must give the single index's answers; a shard that dies is a 503 naming it, and the
// server answers again when it is back. A replica kept by xapian-replicate is followed by a
// server without a restart. Skipped when xapian-tools is not installed.
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "support/files.hpp"
#include "support/http_get.hpp"
#include "support/skip.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/search.hpp"

using tawsiya::test::read_file;

using namespace tawsiya;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kTcpServer = "/usr/bin/xapian-tcpsrv";
constexpr const char* kReplicateServer = "/usr/bin/xapian-replicate-server";
constexpr const char* kReplicate = "/usr/bin/xapian-replicate";

// A port nothing listens on now: bound to 0, read, closed (the child binds it right after).
unsigned short free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), size);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    ::close(fd);
    return ntohs(address.sin_port);
}

bool accepts(unsigned short port) {
    net::io_context ioc;
    net::ip::tcp::socket socket(ioc);
    boost::system::error_code ec;
    socket.connect({net::ip::make_address("127.0.0.1"), port}, ec);
    return !ec;
}

void wait_until_listening(unsigned short port, const std::string& log) {
    const auto deadline = Clock::now() + std::chrono::seconds(20);
    while (!accepts(port)) {
        if (Clock::now() > deadline) FAIL("nothing listens on port " << port << ":\n" << log);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

// Starts `argv` in a process group of its own, output to `log`. xapian-tcpsrv answers SIGTERM
// by sending it to its whole process group (the connections it forked): in ours, it would stop
// the test too.
pid_t spawn_group(const std::vector<std::string>& argv, const std::string& log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    std::vector<char*> raw;
    for (const auto& arg : argv) raw.push_back(const_cast<char*>(arg.c_str()));
    raw.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, raw[0], &actions, &attributes, raw.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
    return pid;
}

// A child process in its own group, stopped with SIGTERM (the group: a server and what it
// forked) when it goes out of scope.
class Child {
  public:
    Child() = default;
    Child(const std::vector<std::string>& argv, const std::string& log)
        : pid_(spawn_group(argv, log)), log_(log) {}
    ~Child() { stop(); }
    Child(Child&& other) noexcept : pid_(other.pid_), log_(other.log_) { other.pid_ = 0; }
    Child& operator=(Child&& other) noexcept {
        stop();
        pid_ = other.pid_;
        log_ = other.log_;
        other.pid_ = 0;
        return *this;
    }
    void stop() {
        if (pid_ <= 0) return;
        ::kill(-pid_, SIGTERM);
        test::wait_for(pid_);
        pid_ = 0;
    }
    std::string log() const { return read_file(log_); }

  private:
    pid_t pid_ = 0;
    std::string log_;
};

// xapian-tcpsrv serving one shard on 127.0.0.1:port.
Child serve_shard(const test::TempDir& dir, const std::string& db, unsigned short port) {
    const std::string log = dir / ("tcpsrv-" + std::to_string(port) + ".log");
    Child child({kTcpServer, "--interface", "127.0.0.1", "--port", std::to_string(port), db}, log);
    wait_until_listening(port, read_file(log));
    return child;
}

// `tawsiya serve --db LOCATION` on a free port; the port read from its first line.
class Server {
  public:
    Server(const test::TempDir& dir, const std::string& location, const std::string& name) {
        const std::string log = dir / (name + ".log");
        child_ = Child({TAWSIYA_BINARY, "serve", "--db", location, "--port", "0", "--threads", "1",
                        "--batch-threads", "1", "--reopen-ms", "100", "--cache-mib", "0"},
                       log);
        const auto deadline = Clock::now() + std::chrono::seconds(20);
        const std::string marker = "listening on http://127.0.0.1:";
        while (port_ == 0) {
            const std::string text = read_file(log);
            if (const auto at = text.find(marker); at != std::string::npos)
                port_ = static_cast<unsigned short>(std::stoi(text.substr(at + marker.size())));
            else if (Clock::now() > deadline)
                FAIL("the server did not start:\n" << text);
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    bhttp::response<bhttp::string_body> get(const std::string& target) const {
        return test::http_get(port_, target);
    }

  private:
    Child child_;
    unsigned short port_ = 0;
};

void index_into(const std::vector<std::string>& where, const std::string& input,
                const std::string& log) {
    std::vector<std::string> argv{TAWSIYA_BINARY, "index", input, "--quiet"};
    argv.insert(argv.end(), where.begin(), where.end());
    const int code = test::run(argv, log);
    INFO(read_file(log));
    REQUIRE(code == 0);
}

// What must be equal: the total, the top hits (by score; ids of equal scores compared as a set),
// and every facet count.
void check_same(const SearchResult& single, const SearchResult& sharded) {
    CHECK(sharded.total == single.total);
    CHECK(sharded.query_lang == single.query_lang);
    REQUIRE(sharded.hits.size() == single.hits.size());
    const auto ranked = [](const SearchResult& result) {
        std::vector<std::pair<double, std::string>> out;
        for (const SearchHit& hit : result.hits) out.emplace_back(hit.score, hit.record.id);
        // Equal scores (to rounding) in id order: ties may come in another order from shards.
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
            if (std::abs(a.first - b.first) > 1e-9 * std::max(1.0, a.first))
                return a.first > b.first;
            return a.second < b.second;
        });
        return out;
    };
    const auto a = ranked(single), b = ranked(sharded);
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(b[i].second == a[i].second);
        CHECK(b[i].first == Approx(a[i].first).epsilon(1e-9));
    }
    REQUIRE(sharded.facets.size() == single.facets.size());
    for (const auto& [facet, values] : single.facets) {
        INFO("facet " << facet);
        REQUIRE(sharded.facets.count(facet) == 1);
        const auto& other = sharded.facets.at(facet);
        REQUIRE(other.size() == values.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            CHECK(other[i].label == values[i].label);
            CHECK(other[i].count == values[i].count);
        }
    }
}

bool tools_missing(const char* tool) {
    if (std::filesystem::exists(tool)) return false;
    test::skip(std::string(tool) + " is not installed (Debian package xapian-tools)");
    return true;
}

}  // namespace

TEST_CASE("three xapian-tcpsrv shards answer as the single index, and a dead shard is a 503",
          "[shards]") {
    if (tools_missing(kTcpServer)) return;
    const std::string sample = test::source_path("corpus/sample.jsonl");
    if (!std::filesystem::exists(sample)) return test::skip("corpus/sample.jsonl is missing");
    test::TempDir dir;
    index_into({"--db", dir / "single"}, sample, dir / "single.log");
    index_into({"--shards", "3", "--db-prefix", dir / "shard"}, sample, dir / "shards.log");
    // Every record is in exactly one shard.
    std::size_t spread = 0;
    for (int i = 0; i < 3; ++i) {
        const auto count = Xapian::Database(dir / ("shard" + std::to_string(i))).get_doccount();
        CHECK(count > 0);
        spread += count;
    }
    CHECK(spread == Xapian::Database(dir / "single").get_doccount());

    std::vector<unsigned short> ports;
    std::vector<Child> shards;
    std::ofstream file(dir / "shards.conf");
    file << "# the test's shards\n";
    for (int i = 0; i < 3; ++i) {
        ports.push_back(free_port());
        shards.push_back(serve_shard(dir, dir / ("shard" + std::to_string(i)), ports.back()));
        file << "shard tcp://127.0.0.1:" << ports.back() << "\n";
    }
    std::filesystem::create_directories(dir / "models");
    file << "models models\ntimeout 5\n";
    file.close();

    const Analyzer analyzer;
    Searcher single(dir / "single", analyzer);
    Searcher sharded(dir / "shards.conf", analyzer);
    CHECK(sharded.stats().records == single.stats().records);
    CHECK(sharded.stats().schemes == single.stats().schemes);

    SECTION("search, facets and the record view give the single index's answers") {
        struct Case {
            std::string query;
            std::optional<Lang> lang;
            std::map<std::string, std::vector<std::string>> filters;
        };
        const std::vector<Case> cases{
            {"prison overcrowding", Lang::en, {}},
            {"torture", Lang::en, {}},
            {"violence domestique", Lang::fr, {}},
            {"droits de l'enfant", Lang::fr, {{"state", {"Morocco"}}}},
            {"التعذيب", Lang::ar, {}},
            {"حقوق المرأة", Lang::ar, {}},
            {"", std::nullopt, {}},  // browse: every record, by year
            {"", std::nullopt, {{"status", {"ongoing"}}}},
            {"qqzzxv", Lang::en, {}},  // no hit: an empty page from every shard
        };
        for (const Case& c : cases) {
            INFO("query '" << c.query << "'");
            SearchRequest request;
            request.query = c.query;
            request.lang = c.lang;
            request.filters = c.filters;
            request.size = 10;
            const SearchResult one = single.search(request);
            check_same(one, sharded.search(request));
            for (const SearchHit& hit : one.hits)
                CHECK(sharded.record(hit.record.id) == hit.record);
            request.xlang = true;
            check_same(single.search(request), sharded.search(request));
            // The second page, read from the shards: whole records (ties at the page's edge may
            // put other records there than on the single index's). MSet::fetch() died here in
            // Xapian 1.4.22 (docs/scale.md), so the hits' documents are read one by one.
            request.page = 2;
            const SearchResult second = single.search(request), fetched = sharded.search(request);
            CHECK(fetched.total == second.total);
            CHECK(fetched.hits.size() == second.hits.size());
            for (const SearchHit& hit : fetched.hits)
                CHECK(single.record(hit.record.id) == hit.record);
        }
        SearchRequest everything;
        const SearchResult all = single.search(everything);
        CHECK(all.facets.count("status") == 1);  // issue 14: the status is a facet
        CHECK(all.facets.count("tag:sdg") == 1);
        CHECK_THROWS_AS(sharded.record("no:such:id"), NotFoundError);
    }

    SECTION("match and its suggestions give the single index's answers") {
        Matcher one(dir / "single", analyzer);
        Matcher three(dir / "shards.conf", analyzer);
        for (const std::string text :
             {"Reduce prison overcrowding by using alternatives to detention.",
              "Prendre des mesures pour lutter contre la violence à l'égard des femmes.",
              "التصديق على البروتوكول الاختياري لاتفاقية مناهضة التعذيب"}) {
            INFO(text);
            MatchRequest request;
            request.text = text;
            request.k = 5;
            const MatchResult a = one.match(request), b = three.match(request);
            REQUIRE(b.matches.size() == a.matches.size());
            for (std::size_t i = 0; i < a.matches.size(); ++i) {
                CHECK(b.matches[i].score == Approx(a.matches[i].score).epsilon(1e-9));
                if (std::abs(b.matches[i].score - a.matches[i].score) > 1e-9) continue;
                const bool tie = (i > 0 && a.matches[i - 1].score == Approx(a.matches[i].score)) ||
                                 (i + 1 < a.matches.size() &&
                                  a.matches[i + 1].score == Approx(a.matches[i].score));
                if (!tie) CHECK(b.matches[i].record.id == a.matches[i].record.id);
            }
            REQUIRE(b.suggestions.size() == a.suggestions.size());
            for (const auto& [scheme, list] : a.suggestions) {
                INFO(scheme);
                REQUIRE(b.suggestions.at(scheme).size() == list.size());
                for (std::size_t i = 0; i < list.size(); ++i) {
                    CHECK(b.suggestions.at(scheme)[i].label == list[i].label);
                    CHECK(b.suggestions.at(scheme)[i].confidence ==
                          Approx(list[i].confidence).epsilon(1e-9));
                }
            }
        }
        const Server server(dir, dir / "shards.conf", "serve-related");
        CHECK(server.get("/api/records/sample:c001").result_int() == 200);
        CHECK(server.get("/api/records/sample:c001/related").result_int() == 200);
    }

    SECTION("a dead shard is a 503 naming it, not a hang; answers again when it is back") {
        const Server server(dir, dir / "shards.conf", "serve");
        CHECK(server.get("/api/search?q=torture").result_int() == 200);
        shards[1].stop();
        const std::string name = "tcp://127.0.0.1:" + std::to_string(ports[1]);
        const auto down = server.get("/api/search?q=torture");
        INFO(down.body());
        CHECK(down.result_int() == 503);
        CHECK(down.body().find(name) != std::string::npos);
        // Still down: each request says so again.
        CHECK(server.get("/api/search?q=prison").result_int() == 503);
        shards[1] = serve_shard(dir, dir / "shard1", ports[1]);
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 200; ++attempt) {
            status = server.get("/api/search?q=torture").result_int();
            if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        CHECK(status == 200);
    }
}

TEST_CASE("a server following a replica made by xapian-replicate picks up each new revision",
          "[shards][replica]") {
    if (tools_missing(kReplicateServer) || tools_missing(kReplicate)) return;
    const std::string sample = test::source_path("corpus/sample.jsonl");
    if (!std::filesystem::exists(sample)) return test::skip("corpus/sample.jsonl is missing");
    test::TempDir dir;
    // The writer's side: indexes under one directory, served by xapian-replicate-server. Its
    // changesets make a new revision a small transfer (XAPIAN_MAX_CHANGESETS, docs/scale.md).
    std::filesystem::create_directories(dir / "master");
    std::string first_half, second_half;
    {
        std::ifstream in(sample);
        std::string line;
        for (int n = 0; std::getline(in, line); ++n)
            (n < 100 ? first_half : second_half) += line + "\n";
    }
    std::ofstream(dir / "first.jsonl") << first_half;
    std::ofstream(dir / "second.jsonl") << second_half;
    const std::vector<std::string> changesets{"XAPIAN_MAX_CHANGESETS=10"};
    const auto index = [&](const std::string& input) {
        const int code =
            test::run({TAWSIYA_BINARY, "index", input, "--db", dir / "master/db", "--quiet"},
                      dir / "index.log", changesets);
        INFO(read_file(dir / "index.log"));
        REQUIRE(code == 0);
    };
    index(dir / "first.jsonl");
    const unsigned short port = free_port();
    const Child master({kReplicateServer, "--interface", "127.0.0.1", "--port",
                        std::to_string(port), dir / "master"},
                       dir / "replicate-server.log");
    wait_until_listening(port, read_file(dir / "replicate-server.log"));
    const auto replicate = [&] {  // one pass (-o), as the replica's timer would run it
        const int code =
            test::run({kReplicate, "--host", "127.0.0.1", "--port", std::to_string(port),
                       "--master", "db", "--one-shot", dir / "replica"},
                      dir / "replicate.log");
        INFO(read_file(dir / "replicate.log"));
        REQUIRE(code == 0);
    };
    replicate();

    const Server server(dir, dir / "replica", "serve-replica");
    const auto records = [&] {
        const auto response = server.get("/api/stats");
        REQUIRE(response.result_int() == 200);
        const std::string& body = response.body();
        const auto at = body.find("\"records\":");
        REQUIRE(at != std::string::npos);
        return std::stoul(body.substr(at + 10));
    };
    CHECK(records() == 100);
    CHECK(server.get("/api/records/sample:e018").result_int() == 404);

    index(dir / "second.jsonl");
    replicate();
    std::size_t seen = 0;
    for (int attempt = 0; attempt < 50 && seen != 153; ++attempt) {
        seen = records();
        if (seen != 153) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(seen == 153);
    CHECK(server.get("/api/records/sample:e018").result_int() == 200);
    CHECK(server.get("/api/search?q=torture").result_int() == 200);
}
