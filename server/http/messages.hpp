// The request and response types of the HTTP layer, and the responses every handler builds from:
// JSON bodies, the JSON error shape {"error": {"status": N, "message": "..."}}, security headers.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <boost/beast/http.hpp>

namespace tawsiya::http {

namespace beast_http = boost::beast::http;
using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;
using Status = beast_http::status;

// A body written as it is made, in chunks (Transfer-Encoding: chunked): each call appends the next
// part to `chunk` and returns true, or returns false after the last. It is called on the
// connection's worker thread, one call at a time; an exception aborts the connection (the header
// is gone, so the truncated chunked body is what tells the client).
using BodyStream = std::function<bool(std::string& chunk)>;

// What a handler answers: a response, or for a streamed one its header (chunked, no body) and the
// stream of its body.
struct Reply {
    Reply(Response r) : response(std::move(r)) {}  // NOLINT: every Response is a Reply
    Reply(Response r, BodyStream s) : response(std::move(r)), stream(std::move(s)) {}
    Response response;
    BodyStream stream;
};

// A response with `body` of `content_type`, the request's version and keep-alive, and the
// security headers (Content-Security-Policy, nosniff, no-referrer).
Response make_response(const Request& request, Status status, std::string body,
                       std::string_view content_type);

Response make_json_response(const Request& request, Status status, std::string json);

// {"error": {"status": N, "message": "..."}}; ill-formed UTF-8 in the message becomes U+FFFD.
std::string error_json(Status status, std::string_view message);
Response make_error_response(const Request& request, Status status, std::string_view message);

// For errors found before a request exists (oversized header or body, broken syntax): HTTP/1.1,
// connection closed.
Response make_error_response(Status status, std::string_view message);

void add_security_headers(Response& response);

// Boost 1.74's Beast speaks boost::string_view.
inline boost::beast::string_view to_beast(std::string_view text) {
    return {text.data(), text.size()};
}
inline std::string_view to_std(boost::beast::string_view text) {
    return {text.data(), text.size()};
}

}  // namespace tawsiya::http
