// One line per request on stderr: method, target, status, milliseconds.
#pragma once

#include <string_view>

namespace tawsiya::http {

void log_access(std::string_view method, std::string_view target, unsigned status, double ms);

}  // namespace tawsiya::http
