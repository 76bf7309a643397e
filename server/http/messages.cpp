#include "http/messages.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "tawsiya/utf8.hpp"

namespace tawsiya::http {

namespace {

constexpr std::string_view kServerName = "tawsiya";
// The page loads its script, style and data from this server only; nothing inline, no frames.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

// `text` with each ill-formed UTF-8 sequence replaced by U+FFFD. Error messages quote what the
// client sent ("no record 'X'", "the year range 'X'"), which may be any bytes after
// percent-decoding, and the body is declared charset=utf-8.
std::string valid_utf8(std::string_view text) {
    constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(text.size());
    // An ill-formed sequence is read as U+FFFD, whose own bytes are the replacement's.
    utf8::for_each_code_point(text, [&](std::size_t start, std::size_t end, UChar32 c) {
        if (c == 0xFFFD)
            out += kReplacement;
        else
            out.append(text.substr(start, end - start));
    });
    return out;
}

}  // namespace

void add_security_headers(Response& response) {
    response.set(beast_http::field::server, to_beast(kServerName));
    response.set("Content-Security-Policy", to_beast(kContentSecurityPolicy));
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
    response.set("X-Frame-Options", "DENY");
}

Response make_response(const Request& request, Status status, std::string body,
                       std::string_view content_type) {
    Response response{status, request.version()};
    response.set(beast_http::field::content_type, to_beast(content_type));
    add_security_headers(response);
    response.keep_alive(request.keep_alive());
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

Response make_json_response(const Request& request, Status status, std::string json) {
    auto response =
        make_response(request, status, std::move(json), "application/json; charset=utf-8");
    response.set(beast_http::field::cache_control, "no-store");
    return response;
}

std::string error_json(Status status, std::string_view message) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartObject();
    writer.Key("error");
    writer.StartObject();
    writer.Key("status");
    writer.Uint(static_cast<unsigned>(status));
    writer.Key("message");
    const std::string safe = valid_utf8(message);
    writer.String(safe.data(), static_cast<rapidjson::SizeType>(safe.size()));
    writer.EndObject();
    writer.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

Response make_error_response(const Request& request, Status status, std::string_view message) {
    return make_json_response(request, status, error_json(status, message));
}

Response make_error_response(Status status, std::string_view message) {
    Response response{status, 11};
    response.set(beast_http::field::content_type, "application/json; charset=utf-8");
    add_security_headers(response);
    response.keep_alive(false);
    response.body() = error_json(status, message);
    response.prepare_payload();
    return response;
}

}  // namespace tawsiya::http
