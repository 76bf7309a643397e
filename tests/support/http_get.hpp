// Test support: one GET to a server on 127.0.0.1, on a new connection.
#pragma once

#include <chrono>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace tawsiya::test {

// The answer to GET `target` from 127.0.0.1:`port`; a stuck answer fails the read after 20 s
// instead of hanging the test.
inline boost::beast::http::response<boost::beast::http::string_body> http_get(
    unsigned short port, const std::string& target) {
    namespace http = boost::beast::http;
    boost::asio::io_context ioc;
    boost::beast::tcp_stream stream(ioc);
    stream.expires_after(std::chrono::seconds(20));
    stream.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, "127.0.0.1");
    http::write(stream, request);
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    return response;
}

}  // namespace tawsiya::test
