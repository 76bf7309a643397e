#include "http/session.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include "http/access_log.hpp"

namespace tawsiya::http {

namespace beast = boost::beast;
namespace net = boost::asio;

void SessionRegistry::add(const std::shared_ptr<Session>& session) {
    std::lock_guard lock(mutex_);
    sessions_.emplace(session.get(), session);
}

void SessionRegistry::remove(const Session* session) {
    std::lock_guard lock(mutex_);
    sessions_.erase(session);
}

std::size_t SessionRegistry::size() const {
    std::lock_guard lock(mutex_);
    return sessions_.size();
}

void SessionRegistry::close_idle() {
    // Collected first: a session may end (and remove itself) as soon as the lock is released.
    std::vector<std::shared_ptr<Session>> open;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [raw, weak] : sessions_)
            if (auto session = weak.lock()) open.push_back(std::move(session));
    }
    for (const auto& session : open) session->close_if_idle();
}

Session::Session(net::ip::tcp::socket&& socket, SessionShared& shared)
    : stream_(std::move(socket)), shared_(shared) {}

Session::~Session() {
    shared_.registry.remove(this);
}

void Session::start() {
    shared_.registry.add(shared_from_this());
    // Run on the connection's strand: every handler of this session is serialised on it.
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_request(); });
}

void Session::close_if_idle() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
        // Idle: waiting for the next request and nothing of it received yet.
        if (self->waiting_for_request_ && self->parser_ && !self->parser_->got_some() &&
            self->buffer_.size() == 0)
            self->abort();
    });
}

void Session::read_request() {
    if (shared_.stopping) return close();
    parser_.emplace();
    parser_->body_limit(std::max(shared_.limits.max_body_bytes, shared_.limits.max_upload_bytes));
    parser_->header_limit(static_cast<std::uint32_t>(shared_.limits.max_header_bytes));
    stream_.expires_after(shared_.limits.timeout);
    waiting_for_request_ = true;
    upload_ = false;
    // The header first: its target says which body limit applies.
    beast_http::async_read_header(
        stream_, buffer_, *parser_,
        beast::bind_front_handler(&Session::on_header, shared_from_this()));
}

void Session::on_header(beast::error_code ec, std::size_t bytes) {
    // The parser checked Content-Length against the larger of the two limits; now the route is
    // known, the one that applies to it.
    const auto& header = parser_->get();
    upload_ = header.method() == beast_http::verb::post && shared_.is_upload &&
              shared_.is_upload(to_std(header.target()));
    if (ec) return on_read(ec, bytes);
    const std::size_t limit =
        upload_ ? shared_.limits.max_upload_bytes : shared_.limits.max_body_bytes;
    if (const auto length = parser_->content_length(); length && *length > limit)
        return on_read(beast_http::error::body_limit, bytes);
    parser_->body_limit(limit);  // a chunked body is counted as it comes
    if (parser_->is_done()) return on_read(ec, bytes);
    // A client that says "Expect: 100-continue" (curl does for a large upload) waits for a 100
    // before it sends the body; unanswered, it sends it anyway after about a second. The body is
    // within the limit (else the 413 above is the answer), so ask for it.
    if (header.version() >= 11 &&
        beast::iequals(header[beast_http::field::expect], "100-continue")) {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        return net::async_write(
            stream_, net::buffer(kContinue.data(), kContinue.size()),
            [self = shared_from_this()](beast::error_code write_ec, std::size_t) {
                if (write_ec) return self->on_read(write_ec, 0);
                self->read_body();
            });
    }
    read_body();
}

void Session::read_body() {
    beast_http::async_read(stream_, buffer_, *parser_,
                           beast::bind_front_handler(&Session::on_read, shared_from_this()));
}

void Session::on_read(beast::error_code ec, std::size_t) {
    waiting_for_request_ = false;
    started_ = std::chrono::steady_clock::now();
    if (ec == beast_http::error::end_of_stream || ec == net::error::operation_aborted ||
        ec == net::error::connection_reset || ec == net::error::eof)
        return close();
    const auto& partial = parser_->get();
    const std::string_view method(partial.method_string().data(), partial.method_string().size());
    const std::string_view target(partial.target().data(), partial.target().size());
    // A client too slow to send its request (or an idle keep-alive connection): tcp_stream has
    // already closed the socket, so there is no one to answer.
    if (ec == beast::error::timeout) {
        if (parser_->got_some()) log_access(method.empty() ? "-" : method, "-", 408, 0);
        return abort();
    }
    if (ec == beast_http::error::body_limit && upload_)
        return send(make_error_response(
                        Status::payload_too_large,
                        "file: over the upload limit of " +
                            std::to_string(shared_.limits.max_upload_bytes) + " bytes (" +
                            std::to_string(shared_.limits.max_upload_bytes >> 20) + " MiB)"),
                    method, target);
    if (ec == beast_http::error::body_limit)
        return send(
            make_error_response(
                Status::payload_too_large,
                "request body over " + std::to_string(shared_.limits.max_body_bytes) + " bytes"),
            method, target);
    if (ec == beast_http::error::header_limit)
        return send(
            make_error_response(Status::request_header_fields_too_large,
                                "request header over " +
                                    std::to_string(shared_.limits.max_header_bytes) + " bytes"),
            method, target);
    if (ec)
        return send(
            make_error_response(Status::bad_request, "malformed HTTP request: " + ec.message()),
            method, target);

    auto request = std::make_shared<const Request>(parser_->release());
    if (shared_.is_batch && shared_.is_batch(*request)) {
        // Nothing is read or written on this connection until the job is done; the work guard
        // keeps the io_context running meanwhile (at shutdown it may have nothing else to do).
        auto done = [self = shared_from_this(), request,
                     work = net::make_work_guard(stream_.get_executor())](Response&& response) {
            auto shared = std::make_shared<Response>(std::move(response));
            net::post(self->stream_.get_executor(),
                      [self, request, shared] { self->respond(std::move(*shared), *request); });
        };
        if (!shared_.submit_batch(request, std::move(done))) {
            auto busy = make_error_response(
                *request, Status::service_unavailable,
                "the server is busy with other tag and dedup requests; retry shortly");
            busy.set(beast_http::field::retry_after, "1");
            respond(std::move(busy), *request);
        }
        return;
    }
    respond(shared_.handle(*request), *request);
}

void Session::respond(Reply&& reply, const Request& request) {
    if (reply.stream) return send_streamed(std::move(reply), request);
    respond(std::move(reply.response), request);
}

void Session::send_streamed(Reply&& reply, const Request& request) {
    if (shared_.stopping) reply.response.keep_alive(false);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
            .count();
    log_access(to_std(request.method_string()), to_std(request.target()),
               static_cast<unsigned>(reply.response.result_int()), ms);
    response_ = std::make_shared<Response>(std::move(reply.response));
    body_stream_ = std::move(reply.stream);
    // HTTP/1.0 has no chunks: the body is sent as it is and ends when the connection closes.
    stream_raw_ = request.version() < 11;
    if (stream_raw_) {
        response_->chunked(false);
        response_->keep_alive(false);
    }
    stream_close_after_ = !response_->keep_alive();
    serializer_.emplace(*response_);
    stream_.expires_after(shared_.limits.timeout);
    beast_http::async_write_header(stream_, *serializer_,
                                   [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                       if (ec) return self->end_stream(ec);
                                       self->write_next_chunk();
                                   });
}

void Session::write_next_chunk() {
    chunk_.clear();
    bool more = false;
    try {
        // An empty part is no chunk (a chunk of size 0 ends the body): ask for the next one.
        while ((more = body_stream_(chunk_)) && chunk_.empty()) {
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: while streaming a response: %s\n", e.what());
        body_stream_ = nullptr;
        return abort();
    }
    stream_.expires_after(shared_.limits.timeout);
    auto next = [self = shared_from_this(), more](beast::error_code ec, std::size_t) {
        if (ec || !more) return self->end_stream(ec);
        self->write_next_chunk();
    };
    if (stream_raw_ && more)
        net::async_write(stream_, net::buffer(chunk_), std::move(next));
    else if (stream_raw_)
        end_stream({});
    else if (more)
        net::async_write(stream_, beast_http::make_chunk(net::buffer(chunk_)), std::move(next));
    else
        net::async_write(stream_, beast_http::make_chunk_last(), std::move(next));
}

void Session::end_stream(beast::error_code ec) {
    body_stream_ = nullptr;
    serializer_.reset();
    on_write(stream_close_after_, ec, 0);
}

void Session::respond(Response&& response, const Request& request) {
    if (shared_.stopping) response.keep_alive(false);
    send(std::move(response), to_std(request.method_string()), to_std(request.target()));
}

void Session::send(Response&& response, std::string_view method, std::string_view target) {
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
            .count();
    log_access(method.empty() ? "-" : method, target.empty() ? "-" : target,
               static_cast<unsigned>(response.result_int()), ms);
    response_ = std::make_shared<Response>(std::move(response));
    const bool close_after = !response_->keep_alive();
    stream_.expires_after(shared_.limits.timeout);
    beast_http::async_write(
        stream_, *response_,
        beast::bind_front_handler(&Session::on_write, shared_from_this(), close_after));
}

void Session::on_write(bool close_after, beast::error_code ec, std::size_t) {
    response_.reset();
    if (ec || close_after) return close();
    read_request();
}

void Session::close() {
    // Closing a socket with unread input resets the connection, and the client may then lose the
    // response it has not read yet (a 413 sent before the body): send FIN, then read and discard
    // until the client closes too, for a second at most.
    beast::error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(1));
    drain();
}

void Session::drain() {
    buffer_.consume(buffer_.size());
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                if (ec) return self->abort();
                                self->drain();
                            });
}

void Session::abort() {
    beast::error_code ignored;
    stream_.socket().close(ignored);
}

}  // namespace tawsiya::http
