// One client connection: reads requests with Beast's parser (size limits, timeouts), hands each
// to the server's handler on the worker thread that runs it, writes the response, and keeps the
// connection alive until the client closes it, a timeout, or shutdown.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "http/messages.hpp"

namespace tawsiya::http {

struct SessionLimits {
    std::size_t max_body_bytes = 1 << 20;
    std::size_t max_header_bytes = 16 << 10;
    std::chrono::seconds timeout{15};  // to read one request (slow clients) or write one response
};

class Session;

// The open sessions, so that shutdown can close the idle ones.
class SessionRegistry {
  public:
    void add(const std::shared_ptr<Session>& session);
    void remove(const Session* session);
    std::size_t size() const;
    void close_idle();  // each idle session closes itself on its own strand

  private:
    mutable std::mutex mutex_;
    std::unordered_map<const Session*, std::weak_ptr<Session>> sessions_;
};

struct SessionShared {
    SessionLimits limits;
    std::function<Response(const Request&)> handle;  // runs on the worker thread of the session
    // Heavy requests (is_batch) go to submit_batch instead: it runs them off the I/O threads and
    // calls `done` with the response from a batch thread, or returns false when its queue is full.
    std::function<bool(const Request&)> is_batch;
    std::function<bool(std::shared_ptr<const Request>, std::function<void(Response&&)> done)>
        submit_batch;
    std::atomic<bool> stopping{false};
    SessionRegistry registry;
};

class Session : public std::enable_shared_from_this<Session> {
  public:
    Session(boost::asio::ip::tcp::socket&& socket, SessionShared& shared);
    ~Session();
    void start();
    void close_if_idle();

  private:
    void read_request();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void respond(Response&& response, const Request& request);
    void send(Response&& response, std::string_view method, std::string_view target);
    void on_write(bool close, boost::beast::error_code ec, std::size_t bytes);
    void close();  // graceful: FIN, then drain what the client still sends
    void drain();
    void abort();  // at once

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
    std::shared_ptr<Response> response_;  // kept alive until written
    SessionShared& shared_;
    std::chrono::steady_clock::time_point started_;
    bool waiting_for_request_ = false;
};

}  // namespace tawsiya::http
