#include "http/auth.hpp"

#include <algorithm>

namespace tawsiya::http {

namespace {

bool constant_time_equal(std::string_view a, std::string_view b) {
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    const std::size_t n = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        difference |= x ^ y;
    }
    return difference == 0;
}

}  // namespace

bool bearer_token_matches(const Request& request, std::string_view expected) {
    if (expected.empty()) return false;
    const auto header = request.find(beast_http::field::authorization);
    if (header == request.end()) return false;
    const std::string_view value(header->value().data(), header->value().size());
    constexpr std::string_view kScheme = "Bearer ";
    if (value.size() <= kScheme.size() || value.substr(0, kScheme.size()) != kScheme) return false;
    return constant_time_equal(value.substr(kScheme.size()), expected);
}

void require_token(const Request& request, std::string_view expected) {
    if (!bearer_token_matches(request, expected))
        throw UnauthorizedError("this endpoint needs the header 'Authorization: Bearer <token>'");
}

}  // namespace tawsiya::http
