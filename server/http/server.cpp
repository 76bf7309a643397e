#include "http/server.hpp"

#include <csignal>
#include <cstdio>
#include <filesystem>

#include <xapian.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include "http/router.hpp"
#include "tawsiya/error.hpp"

namespace tawsiya::http {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// The worker a pool thread (I/O or batch) runs as: set once when the thread starts.
thread_local void* current_worker = nullptr;

tcp::endpoint parse_endpoint(const std::string& address, unsigned short port) {
    boost::system::error_code ec;
    const auto ip = net::ip::make_address(address, ec);
    if (ec) throw UsageError("bind", "'" + address + "' is not an IP address");
    return {ip, port};
}

}  // namespace

Server::Server(ServerOptions options, const SearcherFactory& make_searcher, BatchServices batch)
    : options_(std::move(options)),
      batch_(std::move(batch)),
      ioc_(),
      acceptor_(ioc_),
      signals_(ioc_, SIGINT, SIGTERM),
      shutdown_timer_(ioc_) {
    unsigned threads = options_.threads;
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    workers_.resize(threads);
    for (auto& worker : workers_) {
        worker.searcher = make_searcher();
        worker.last_reopen = std::chrono::steady_clock::now();
        worker.cache = std::make_unique<ResponseCache>(options_.cache_bytes);
    }
    // A batch thread has its own Searcher too: it tells the thread when the index has a new
    // revision (to renew the Matcher), and the router's retry after DatabaseModifiedError must
    // reopen a Searcher no other thread uses.
    batch_workers_.resize(std::max(1u, options_.batch_threads));
    for (auto& worker : batch_workers_) {
        worker.searcher = make_searcher();
        worker.last_reopen = std::chrono::steady_clock::now();
    }

    const tcp::endpoint endpoint = parse_endpoint(options_.bind, options_.port);
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
    port_ = acceptor_.local_endpoint().port();

    shared_.limits = options_.session;
    shared_.handle = [this](const Request& request) { return handle(request); };
    shared_.is_batch = [](const Request& request) { return is_batch_request(request); };
    shared_.is_upload = [](std::string_view target) { return is_upload_target(target); };
    shared_.submit_batch = [this](std::shared_ptr<const Request> request,
                                  std::function<void(Response &&)> done) {
        return submit_batch(std::move(request), std::move(done));
    };
}

Server::~Server() = default;

std::string Server::url() const {
    const auto address = acceptor_.local_endpoint().address();
    const std::string host =
        address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    return "http://" + host + ":" + std::to_string(port_) + "/";
}

Reply Server::handle(const Request& request) {
    auto& worker = *static_cast<Worker*>(current_worker);
    const auto now = std::chrono::steady_clock::now();
    if (now - worker.last_reopen >= options_.reopen_interval) {
        worker.last_reopen = now;
        try {
            worker.searcher->reopen();
        } catch (const Xapian::Error& e) {  // keep serving the revision we have
            std::fprintf(stderr, "error: reopening the index: %s\n", e.get_description().c_str());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "error: reopening the index: %s\n", e.what());
        }
    }
    RequestContext context{*worker.searcher, options_.search};
    context.cache = worker.cache.get();
    context.current_searcher = []() -> Searcher& {
        return *static_cast<Worker*>(current_worker)->searcher;
    };
    if (batch_.make_matcher)
        context.matcher = [this, &worker]() -> Matcher& {
            // A Matcher reads the revision it opened: renew it when the Searcher moved on.
            const std::uint64_t revision = worker.searcher->revision();
            if (!worker.matcher || worker.matcher_revision != revision) {
                worker.matcher = batch_.make_matcher();
                worker.matcher_revision = revision;
            }
            return *worker.matcher;
        };
    context.analyzer = batch_.analyzer;
    context.translations = batch_.translations.get();
    context.batch = batch_.limits;
    return handle_request(request, context);
}

bool Server::submit_batch(std::shared_ptr<const Request> request,
                          std::function<void(Response&&)> done) {
    // Counted when admitted, not when started: the queue's bound is on jobs waiting or running.
    const std::size_t capacity = batch_workers_.size() + options_.batch_queue;
    if (batch_in_flight_.fetch_add(1) >= capacity) {
        batch_in_flight_.fetch_sub(1);
        return false;
    }
    net::post(batch_ioc_, [this, request = std::move(request), done = std::move(done)] {
        if (!options_.batch_hold_file.empty()) {
            std::error_code ec;
            while (std::filesystem::exists(options_.batch_hold_file, ec))
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        Response response = std::move(handle(*request).response);  // batch routes never stream
        // Released before the answer goes out: a client that sends its next request as soon as
        // it has read this one must find the slot free.
        batch_in_flight_.fetch_sub(1);
        done(std::move(response));
    });
    return true;
}

void Server::accept() {
    acceptor_.async_accept(
        net::make_strand(ioc_), [this](boost::system::error_code ec, tcp::socket socket) {
            if (!acceptor_.is_open()) return;  // shutting down
            if (ec) {
                std::fprintf(stderr, "error: accept: %s\n", ec.message().c_str());
            } else {
                std::make_shared<Session>(std::move(socket), shared_)->start();
            }
            accept();
        });
}

void Server::run() {
    signals_.async_wait([this](boost::system::error_code ec, int) {
        if (!ec) begin_shutdown();
    });
    accept();
    // Keeps the batch threads waiting for jobs while nothing is queued.
    auto batch_work = net::make_work_guard(batch_ioc_);
    std::vector<std::thread> batch_threads;
    batch_threads.reserve(batch_workers_.size());
    for (auto& worker : batch_workers_)
        batch_threads.emplace_back([this, &worker] {
            current_worker = &worker;
            batch_ioc_.run();
        });
    std::vector<std::thread> threads;
    threads.reserve(workers_.size());
    for (auto& worker : workers_)
        threads.emplace_back([this, &worker] {
            current_worker = &worker;
            ioc_.run();
        });
    for (auto& thread : threads) thread.join();
    // Every session has ended (each batch job keeps its session, and so ioc_, alive), unless the
    // grace period ran out: then what is still queued is dropped.
    batch_work.reset();
    batch_ioc_.stop();
    for (auto& thread : batch_threads) thread.join();
}

void Server::stop() {
    net::post(ioc_, [this] { begin_shutdown(); });
}

void Server::begin_shutdown() {
    if (shared_.stopping.exchange(true)) return;
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    signals_.cancel(ignored);
    shared_.registry.close_idle();
    wait_for_sessions(std::chrono::steady_clock::now() + options_.shutdown_grace);
}

// Polls until every session has ended (then the io_context runs out of work and run() returns),
// or stops the io_context at the deadline.
void Server::wait_for_sessions(std::chrono::steady_clock::time_point deadline) {
    if (shared_.registry.size() == 0) return;
    if (std::chrono::steady_clock::now() >= deadline) {
        std::fprintf(stderr, "shutdown: %zu connections still open after the grace period\n",
                     shared_.registry.size());
        ioc_.stop();
        return;
    }
    shared_.registry.close_idle();
    shutdown_timer_.expires_after(std::chrono::milliseconds(50));
    shutdown_timer_.async_wait([this, deadline](boost::system::error_code ec) {
        if (!ec) wait_for_sessions(deadline);
    });
}

}  // namespace tawsiya::http
