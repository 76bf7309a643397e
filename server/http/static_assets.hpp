// The web page's files, served from the table compiled into the binary and from nowhere else: a
// path is looked up by name, never joined to a directory, so "/../../etc/passwd" is simply absent.
#pragma once

#include <optional>
#include <string_view>

namespace tawsiya::http {

struct StaticAsset {
    std::string_view data;
    std::string_view content_type;
};

// The asset of a decoded request path: "/" is "index.html", "/js/app.js" is "js/app.js".
std::optional<StaticAsset> find_static_asset(std::string_view path);

std::string_view content_type_of(std::string_view name);

}  // namespace tawsiya::http
