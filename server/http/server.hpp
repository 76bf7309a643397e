// The HTTP server: an acceptor and a pool of worker threads running one io_context, each worker
// with its own Searcher (a Xapian::Database is not thread-safe) that it reopens at most every
// `reopen_interval` to pick up the indexer's new commits. Tag and dedup (router.cpp:
// is_batch_request) run on a separate, smaller pool of batch threads behind a bounded queue, so
// that a few clients tagging long documents cannot keep the workers from answering searches and
// single matches; a full queue is a 503.
// SIGINT/SIGTERM stop it cleanly: no new connections, in-flight requests answered, idle
// connections closed, run() returns.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "http/batch_handlers.hpp"
#include "http/response_cache.hpp"
#include "http/session.hpp"
#include "tawsiya/search.hpp"

namespace tawsiya::http {

struct ServerOptions {
    std::string bind = "127.0.0.1";
    unsigned short port = 8080;  // 0: any free port (see Server::port())
    unsigned threads = 0;        // 0: std::thread::hardware_concurrency()
    SessionLimits session;
    SearchLimits search;
    std::chrono::milliseconds reopen_interval{1000};
    std::size_t cache_bytes = 16 << 20;       // per worker: search and record bodies (0: no cache)
    std::chrono::seconds shutdown_grace{10};  // in-flight requests get this long to finish
    unsigned batch_threads = 1;   // threads for POST /api/tag, /api/tag/file, /api/dedup
    std::size_t batch_queue = 8;  // batch requests that may wait beyond those running; then 503
    // Tests only: a batch job waits while this file exists, so that a test can hold the batch
    // threads busy for as long as it needs, without relying on timing.
    std::string batch_hold_file;
};

using SearcherFactory = std::function<std::unique_ptr<Searcher>()>;
using MatcherFactory = std::function<std::unique_ptr<Matcher>()>;

// What the POST endpoints use; either may be left empty, and its endpoints answer 404.
struct BatchServices {
    MatcherFactory make_matcher;
    const Analyzer* analyzer = nullptr;
    std::shared_ptr<const TranslationTable> translations;  // for cross-language deduplication
    BatchLimits limits;
};

class Server {
  public:
    // Opens one Searcher per worker and binds; throws (IndexError, UsageError for a bad address,
    // boost::system::system_error when the port is taken) before anything runs.
    Server(ServerOptions options, const SearcherFactory& make_searcher, BatchServices batch = {});
    ~Server();

    unsigned short port() const { return port_; }
    std::string url() const;  // "http://127.0.0.1:8080/"
    unsigned threads() const { return static_cast<unsigned>(workers_.size()); }
    unsigned batch_threads() const { return static_cast<unsigned>(batch_workers_.size()); }

    // Serves until SIGINT/SIGTERM or stop(); returns after a clean shutdown.
    void run();
    void stop();  // thread-safe

  private:
    struct Worker {
        std::unique_ptr<Searcher> searcher;
        std::chrono::steady_clock::time_point last_reopen;
        std::unique_ptr<ResponseCache> cache;
        std::unique_ptr<Matcher> matcher;  // opened on the first match request
        std::uint64_t matcher_revision = 0;
    };

    Reply handle(const Request& request);
    bool submit_batch(std::shared_ptr<const Request> request, std::function<void(Response&&)> done);
    void accept();
    void begin_shutdown();
    void wait_for_sessions(std::chrono::steady_clock::time_point deadline);

    ServerOptions options_;
    BatchServices batch_;
    std::vector<Worker> workers_;
    // Before ioc_: when the grace period runs out, sessions still held by ioc_'s handlers are
    // destroyed with it, and each removes itself from shared_.registry.
    SessionShared shared_;
    boost::asio::io_context ioc_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::signal_set signals_;
    boost::asio::steady_timer shutdown_timer_;
    unsigned short port_ = 0;
    // Declared after ioc_ and shared_: queued batch jobs hold sessions and work on ioc_, so they
    // must be destroyed first.
    std::vector<Worker> batch_workers_;  // a Searcher (for the revision) and a Matcher each
    boost::asio::io_context batch_ioc_;
    std::atomic<std::size_t> batch_in_flight_{0};  // running and queued
};

}  // namespace tawsiya::http
