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
#include <string_view>
#include <unordered_map>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "http/messages.hpp"

namespace tawsiya::http {

struct SessionLimits {
    std::size_t max_body_bytes = 1 << 20;
    // The body of the one route that takes a file (POST /api/tag/file): a 60-page PDF report is
    // 1 to 5 MB, a Word file with pictures more; every other route keeps max_body_bytes.
    std::size_t max_upload_bytes = std::size_t{32} << 20;
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
    std::function<Reply(const Request&)> handle;  // runs on the worker thread of the session
    // Heavy requests (is_batch) go to submit_batch instead: it runs them off the I/O threads and
    // calls `done` with the response from a batch thread, or returns false when its queue is full.
    std::function<bool(const Request&)> is_batch;
    // True for a request target whose body is a file, allowed up to limits.max_upload_bytes.
    std::function<bool(std::string_view target)> is_upload;
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
    void on_header(boost::beast::error_code ec, std::size_t bytes);
    void read_body();  // after the header, and after a 100 Continue when one was asked for
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void respond(Response&& response, const Request& request);
    void respond(Reply&& reply, const Request& request);
    // A streamed reply: the header, then each part of the body as a chunk, then the last chunk.
    void send_streamed(Reply&& reply, const Request& request);
    void write_next_chunk();
    void end_stream(boost::beast::error_code ec);
    void send(Response&& response, std::string_view method, std::string_view target);
    void on_write(bool close, boost::beast::error_code ec, std::size_t bytes);
    void close();  // graceful: FIN, then drain what the client still sends
    void drain();
    void abort();  // at once

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
    std::shared_ptr<Response> response_;  // kept alive until written
    // While a streamed reply is written: its header's serializer, its body, the chunk in flight.
    std::optional<beast_http::response_serializer<beast_http::string_body>> serializer_;
    BodyStream body_stream_;
    std::string chunk_;
    bool stream_close_after_ = false;
    bool stream_raw_ = false;  // HTTP/1.0: the body unchunked, ended by closing
    SessionShared& shared_;
    std::chrono::steady_clock::time_point started_;
    bool waiting_for_request_ = false;
    bool upload_ = false;  // the request being read is an upload (SessionShared::is_upload)
};

}  // namespace tawsiya::http
