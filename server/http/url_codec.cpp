#include "http/url_codec.hpp"

#include "tawsiya/error.hpp"

namespace tawsiya::http {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_unreserved(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high < 0 || low < 0) return std::nullopt;
            const char decoded = static_cast<char>(high * 16 + low);
            if (decoded == '\0') return std::nullopt;
            out.push_back(decoded);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string percent_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (is_unreserved(byte)) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[byte >> 4]);
            out.push_back(kHex[byte & 0xF]);
        }
    }
    return out;
}

Target parse_target(std::string_view target) {
    Target result;
    const auto question = target.find('?');
    std::string_view path = target.substr(0, question);
    // A fragment never reaches a server, but a hand-written client may send one: ignore it.
    std::string_view query =
        question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
    if (const auto hash = query.find('#'); hash != std::string_view::npos)
        query = query.substr(0, hash);

    result.raw_path = std::string(path);
    auto decoded_path = percent_decode(path);
    if (!decoded_path) throw UsageError("path", "broken percent-encoding");
    result.path = std::move(*decoded_path);

    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        const std::string_view raw_name = pair.substr(0, eq);
        const std::string_view raw_value =
            eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        auto name = percent_decode(raw_name, true);
        if (!name) throw UsageError(std::string(raw_name), "broken percent-encoding in the name");
        auto value = percent_decode(raw_value, true);
        if (!value) throw UsageError(*name, "broken percent-encoding in the value");
        result.query.emplace_back(std::move(*name), std::move(*value));
    }
    return result;
}

std::vector<std::string> param_values(const QueryParams& params, std::string_view name) {
    std::vector<std::string> values;
    for (const auto& [key, value] : params)
        if (key == name) values.push_back(value);
    return values;
}

}  // namespace tawsiya::http
