// Routes a request to the API or the embedded assets and turns every error into the JSON error
// shape: 404 for unknown paths, 405 (with Allow) for a wrong method, the mapped status otherwise.
#pragma once

#include <functional>
#include <string_view>

#include "http/batch_handlers.hpp"
#include "http/messages.hpp"
#include "http/response_cache.hpp"
#include "tawsiya/search.hpp"

namespace tawsiya::http {

// What a request may use: the Searcher of the thread handling it and the limits. Nothing here
// writes: the server is read-only, and the index changes only through `tawsiya index`.
struct RequestContext {
    Searcher& searcher;
    const SearchLimits& limits;
    ResponseCache* cache = nullptr;  // the worker's cache of search and record bodies, if any
    // The worker's Matcher, opened on first use and renewed after a commit; empty: no matching.
    std::function<Matcher&()> matcher{};
    const Analyzer* analyzer = nullptr;              // for deduplication; null: no deduplication
    const TranslationTable* translations = nullptr;  // cross-language deduplication, if any
    BatchLimits batch{};
    // The Searcher of the worker thread that calls it: a streamed body's later parts are read on
    // whichever worker writes them (GET /api/export), each with its own Searcher.
    std::function<Searcher&()> current_searcher{};
};

// A streamed reply (Reply::stream) for GET /api/export; a plain response otherwise.
Reply handle_request(const Request& request, RequestContext& context);

// True for the POST endpoints whose work grows with the body (match, tag, dedup): the server runs
// them on its batch threads. Any other method on those paths is a quick 405, answered in place.
bool is_batch_request(const Request& request);

// True for the target of the route that takes a file (POST /api/tag/file): its body may be as
// large as SessionLimits::max_upload_bytes.
bool is_upload_target(std::string_view raw_target);

}  // namespace tawsiya::http
