// Percent-decoding and query-string parsing of request targets (RFC 3986). Boost.URL would do this,
// but it arrived in Boost 1.81 and tawsiya builds on 1.74.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tawsiya::http {

// Decodes %XX escapes; with `plus_is_space`, '+' becomes ' ' (HTML form encoding, query strings
// only). nullopt when an escape is broken ("%4", "%zz") or decodes to a NUL byte.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space = false);

// Encodes everything but RFC 3986 unreserved characters (for tests and links).
std::string percent_encode(std::string_view text);

using QueryParams = std::vector<std::pair<std::string, std::string>>;  // in order, repeats kept

struct Target {
    std::string raw_path;  // the path as sent, still encoded (routes split it before decoding)
    std::string path;      // decoded
    QueryParams query;     // decoded names and values
};

// Splits "/path?a=1&b=x%20y" into its decoded path and parameters. A parameter without '=' has an
// empty value. Throws UsageError naming the parameter when an escape is broken.
Target parse_target(std::string_view target);

// The values of every parameter called `name`, in order.
std::vector<std::string> param_values(const QueryParams& params, std::string_view name);

}  // namespace tawsiya::http
