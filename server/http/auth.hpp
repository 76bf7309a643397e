// The bearer-token check of endpoints that change something (none yet; a reindex endpoint will be
// the first). Read-only endpoints, POST /api/dedup included, need no token.
//
// Usage in a write handler:   require_token(request, context.token);
// It throws UnauthorizedError (-> 401 with WWW-Authenticate: Bearer) unless the request carries
// "Authorization: Bearer <token>" with the token of `tawsiya serve --token-file`. When the server
// was started without a token file, every write is refused: there is no open write mode.
#pragma once

#include <string_view>

#include "http/messages.hpp"
#include "tawsiya/error.hpp"

namespace tawsiya::http {

class UnauthorizedError : public Error {
  public:
    using Error::Error;
};

// True when the request carries exactly "Bearer <expected>"; false when `expected` is empty.
// Compares in constant time, so the token cannot be guessed byte by byte from response times.
bool bearer_token_matches(const Request& request, std::string_view expected);

void require_token(const Request& request, std::string_view expected);

}  // namespace tawsiya::http
