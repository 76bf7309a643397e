#include "http/router.hpp"

#include <cstdio>
#include <string>

#include <xapian.h>

#include "http/api_handlers.hpp"
#include "http/error_mapping.hpp"
#include "http/export_handler.hpp"
#include "http/related_handler.hpp"
#include "http/static_assets.hpp"
#include "http/tag_handlers.hpp"
#include "http/url_codec.hpp"
#include "tawsiya/error.hpp"

namespace tawsiya::http {

namespace {

constexpr std::string_view kRecordsPrefix = "/api/records/";
constexpr std::string_view kRelatedSuffix = "/related";
constexpr std::string_view kReadOnlyMethods = "GET, HEAD";
// The one route whose body is a file: it has the upload limit, not the body limit.
constexpr std::string_view kTagFilePath = "/api/tag/file";

bool is_read(const Request& request) {
    return request.method() == beast_http::verb::get || request.method() == beast_http::verb::head;
}

Response method_not_allowed(const Request& request, std::string_view allowed = kReadOnlyMethods) {
    auto response = make_error_response(request, Status::method_not_allowed,
                                        "method " + std::string(request.method_string()) +
                                            " is not allowed here; use " +
                                            std::string(allowed.substr(0, allowed.find(','))));
    response.set(beast_http::field::allow, to_beast(allowed));
    return response;
}

enum class ApiRoute {
    none,
    search,
    export_list,
    health,
    stats,
    record,
    related,
    match,
    tag,
    tag_file,
    dedup
};

// The POST endpoints compute from their body and write nothing.
bool is_post_route(ApiRoute route) {
    return route == ApiRoute::match || route == ApiRoute::tag || route == ApiRoute::tag_file ||
           route == ApiRoute::dedup;
}

ApiRoute find_api_route(const Target& target) {
    if (target.path == "/api/search") return ApiRoute::search;
    if (target.path == "/api/export") return ApiRoute::export_list;
    if (target.path == "/api/health") return ApiRoute::health;
    if (target.path == "/api/stats") return ApiRoute::stats;
    if (target.path == "/api/match") return ApiRoute::match;
    if (target.path == "/api/dedup") return ApiRoute::dedup;
    if (target.path == "/api/tag") return ApiRoute::tag;
    if (target.path == kTagFilePath) return ApiRoute::tag_file;
    // An id ending in "/related" is reached with its '/' encoded (%2Frelated).
    if (target.raw_path.size() > kRecordsPrefix.size() + kRelatedSuffix.size() &&
        target.raw_path.starts_with(kRecordsPrefix) && target.raw_path.ends_with(kRelatedSuffix))
        return ApiRoute::related;
    if (target.raw_path.size() > kRecordsPrefix.size() &&
        target.raw_path.starts_with(kRecordsPrefix))
        return ApiRoute::record;
    return ApiRoute::none;
}

std::string run_api_route(ApiRoute route, const Target& target, const Request& request,
                          RequestContext& context) {
    switch (route) {
        case ApiRoute::match:
            if (!context.matcher) throw NotFoundError("matching is not available on this server");
            return handle_match(context.matcher(), request.body());
        case ApiRoute::tag:
            if (!context.matcher || !context.analyzer)
                throw NotFoundError("tagging is not available on this server");
            return handle_tag(context.matcher(), *context.analyzer, request.body(), context.batch);
        case ApiRoute::tag_file:
            if (!context.matcher || !context.analyzer)
                throw NotFoundError("tagging is not available on this server");
            return handle_tag_file(context.matcher(), *context.analyzer, request.body(),
                                   to_std(request[beast_http::field::content_type]), target.query,
                                   context.batch);
        case ApiRoute::dedup:
            if (!context.analyzer) throw NotFoundError("deduplication is not available here");
            return handle_dedup(*context.analyzer, context.translations, request.body(),
                                context.batch);
        case ApiRoute::search:
            return handle_search(context.searcher, target.query, context.limits);
        case ApiRoute::health:
            return handle_health(context.searcher);
        case ApiRoute::stats:
            return handle_stats(context.searcher);
        case ApiRoute::record: {
            // Ids hold ':' and '/': the id is the rest of the raw path, decoded once, so an
            // encoded "%2F" and a plain "/" both work.
            auto id =
                percent_decode(std::string_view(target.raw_path).substr(kRecordsPrefix.size()));
            if (!id) throw UsageError("id", "broken percent-encoding");
            return handle_record(context.searcher, *id);
        }
        case ApiRoute::related: {
            if (!context.matcher) throw NotFoundError("matching is not available on this server");
            const std::string_view raw = target.raw_path;
            auto id = percent_decode(raw.substr(
                kRecordsPrefix.size(), raw.size() - kRecordsPrefix.size() - kRelatedSuffix.size()));
            if (!id) throw UsageError("id", "broken percent-encoding");
            return handle_related(context.searcher, context.matcher(), *id, target.query);
        }
        case ApiRoute::export_list:  // answered by export_response
        case ApiRoute::none:
            break;
    }
    throw std::logic_error("no API route");
}

// The export is a file, not JSON: its own type and a download name, not cached, and written as
// it is read (chunked), a page of rows at a time. The first page is read here, so that a bad query
// is still a JSON error; the later ones by the Searcher of whichever worker writes them.
Reply export_response(const Request& request, const Target& target, RequestContext& context) {
    auto exported = std::make_shared<ExportStream>(target.query, context.limits);
    auto first = std::make_shared<std::string>();
    exported->next(context.searcher, *first);
    auto response = make_response(request, Status::ok, {}, exported->content_type());
    response.set(beast_http::field::content_disposition,
                 "attachment; filename=\"" + exported->filename() + "\"");
    response.chunked(true);
    auto searcher = context.current_searcher;
    BodyStream stream = [exported, first, searcher](std::string& chunk) {
        if (!first->empty()) {
            chunk.swap(*first);
            first->clear();
            return true;
        }
        return exported->next(searcher(), chunk);
    };
    return {std::move(response), std::move(stream)};
}

bool is_api_path(std::string_view path) {
    return path == "/api" || path.substr(0, 5) == "/api/";
}

Reply dispatch(const Request& request, RequestContext& context) {
    const std::string_view raw_target(request.target().data(), request.target().size());
    const Target target = parse_target(raw_target);
    if (is_api_path(target.path)) {
        const ApiRoute route = find_api_route(target);
        if (route == ApiRoute::none)
            return make_error_response(request, Status::not_found, "no such API endpoint");
        if (is_post_route(route)) {
            if (request.method() != beast_http::verb::post)
                return method_not_allowed(request, "POST");
        } else if (!is_read(request)) {
            return method_not_allowed(request);
        }
        if (route == ApiRoute::export_list) return export_response(request, target, context);
        // Search and record bodies depend only on the URL and the index revision.
        const bool cacheable = context.cache && request.method() == beast_http::verb::get &&
                               (route == ApiRoute::search || route == ApiRoute::record);
        std::string key;
        if (cacheable) {
            key = std::to_string(context.searcher.revision()) + " " + std::string(request.target());
            if (auto body = context.cache->find(key))
                return make_json_response(request, Status::ok, std::move(*body));
        }
        try {
            std::string body = run_api_route(route, target, request, context);
            if (cacheable) context.cache->store(key, body);
            return make_json_response(request, Status::ok, std::move(body));
        } catch (const Xapian::DatabaseModifiedError&) {
            // The indexer committed twice while we read: reopen and answer from the new revision.
            context.searcher.reopen();
            return make_json_response(request, Status::ok,
                                      run_api_route(route, target, request, context));
        }
    }
    const auto asset = find_static_asset(target.path);
    if (!asset) return make_error_response(request, Status::not_found, "not found");
    if (!is_read(request)) return method_not_allowed(request);
    auto response =
        make_response(request, Status::ok, std::string(asset->data), asset->content_type);
    response.set(beast_http::field::cache_control, "no-cache");
    return response;
}

}  // namespace

bool is_batch_request(const Request& request) {
    if (request.method() != beast_http::verb::post) return false;
    const std::string_view raw_target(request.target().data(), request.target().size());
    const ApiRoute route = find_api_route(parse_target(raw_target));
    // One match is one text (at most MatchOptions::max_text_bytes, k at most max_k): it costs what
    // a search costs and runs beside searches, so that staff matching one recommendation never
    // wait behind a queue of documents being tagged (17 s at p50 when it was queued with them).
    return is_post_route(route) && route != ApiRoute::match;
}

bool is_upload_target(std::string_view raw_target) {
    return raw_target.substr(0, raw_target.find('?')) == kTagFilePath;
}

Reply handle_request(const Request& request, RequestContext& context) {
    Reply reply{Response{}};
    try {
        reply = dispatch(request, context);
    } catch (...) {
        const MappedError error = map_error(std::current_exception());
        if (!error.detail.empty())
            std::fprintf(stderr, "error: %s %.*s: %s\n",
                         std::string(request.method_string()).c_str(),
                         static_cast<int>(request.target().size()), request.target().data(),
                         error.detail.c_str());
        reply = make_error_response(request, error.status, error.message);
    }
    // HEAD: the headers of GET, Content-Length included, and no body (a stream is not run).
    if (request.method() == beast_http::verb::head) {
        reply.response.body().clear();
        if (reply.stream) reply.response.chunked(false);  // no body follows, not even chunks
        reply.stream = nullptr;
    }
    return reply;
}

}  // namespace tawsiya::http
