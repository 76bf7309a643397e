// The one place where errors become HTTP statuses: UsageError and LimitError -> 400,
// NotFoundError -> 404, UnavailableError and Xapian::NetworkError (a shard down) -> 503 naming
// the shard, anything else -> 500 with a generic message
// (the detail goes to the log, never to the client).
#pragma once

#include <exception>
#include <string>

#include "http/messages.hpp"

namespace tawsiya::http {

struct MappedError {
    Status status;
    std::string message;  // safe to send to the client
    std::string detail;   // for the log; empty when the message says it all
};

// Call inside a catch block with std::current_exception(); handles Xapian errors too.
MappedError map_error(std::exception_ptr error);

}  // namespace tawsiya::http
