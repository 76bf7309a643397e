// What every reader does with a bad line (private to indexer/readers).
#pragma once

#include <cstddef>
#include <string>

#include "tawsiya/reader.hpp"

namespace tawsiya::readers {

// Strict: throws InputError(file, line, reason). Otherwise the line is skipped and counted.
void reject(const ReadOptions& options, ReadReport& report, const std::string& file,
            std::size_t line, const std::string& reason);

// Gives the record read at `file`:`line` to the sink and counts it. A sink that refuses it with
// FormatError (the index writer, for a term it cannot hold) has the line rejected as bad input.
void deliver(const ReadOptions& options, ReadReport& report, const std::string& file,
             std::size_t line, const RecordSink& sink, Record&& record);

}  // namespace tawsiya::readers
