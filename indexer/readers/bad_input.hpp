// What every reader does with a bad line (private to indexer/readers).
#pragma once

#include <cstddef>
#include <string>

#include "tawsiya/reader.hpp"

namespace tawsiya::readers {

// Strict: throws InputError(file, line, reason). Otherwise the line is skipped and counted.
void reject(const ReadOptions& options, ReadReport& report, const std::string& file,
            std::size_t line, const std::string& reason);

}  // namespace tawsiya::readers
