#include "http/access_log.hpp"

#include <cstdio>

namespace tawsiya::http {

void log_access(std::string_view method, std::string_view target, unsigned status, double ms) {
    // One fprintf per line: stdio locks the stream per call, so lines of threads never interleave.
    std::fprintf(stderr, "%.*s %.*s %u %.2f ms\n", static_cast<int>(method.size()), method.data(),
                 static_cast<int>(target.size()), target.data(), status, ms);
}

}  // namespace tawsiya::http
