#include "http/static_assets.hpp"

#include "tawsiya/embedded.hpp"

namespace tawsiya::http {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view content_type_of(std::string_view name) {
    if (ends_with(name, ".html")) return "text/html; charset=utf-8";
    if (ends_with(name, ".css")) return "text/css; charset=utf-8";
    if (ends_with(name, ".js")) return "text/javascript; charset=utf-8";
    if (ends_with(name, ".json")) return "application/json; charset=utf-8";
    if (ends_with(name, ".svg")) return "image/svg+xml";
    if (ends_with(name, ".png")) return "image/png";
    if (ends_with(name, ".ico")) return "image/x-icon";
    if (ends_with(name, ".txt")) return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

std::optional<StaticAsset> find_static_asset(std::string_view path) {
    if (path.empty() || path.front() != '/') return std::nullopt;
    std::string_view name = path.substr(1);
    if (name.empty()) name = "index.html";
    for (const auto& file : embedded::web_assets())
        if (file.name == name) return StaticAsset{file.data, content_type_of(file.name)};
    return std::nullopt;
}

}  // namespace tawsiya::http
