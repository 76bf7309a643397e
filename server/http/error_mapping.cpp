#include "http/error_mapping.hpp"

#include <xapian.h>

#include "tawsiya/error.hpp"
#include "tawsiya/open_index.hpp"

namespace tawsiya::http {

MappedError map_error(std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const UsageError& e) {  // LimitError included
        return {Status::bad_request, e.what(), {}};
    } catch (const NotFoundError& e) {
        return {Status::not_found, e.what(), {}};
    } catch (const UnavailableError& e) {  // a shard down: the client may try again
        return {Status::service_unavailable, e.what(), {}};
    } catch (const Xapian::NetworkError& e) {  // the same, from a path that does not wrap it
        return {Status::service_unavailable,
                "index shard " + shard_name(e.get_context()) + " does not answer: " + e.get_msg(),
                {}};
    } catch (const Xapian::Error& e) {
        return {Status::internal_server_error, "internal error", e.get_description()};
    } catch (const std::exception& e) {
        return {Status::internal_server_error, "internal error", e.what()};
    } catch (...) {
        return {Status::internal_server_error, "internal error", "unknown exception"};
    }
}

}  // namespace tawsiya::http
