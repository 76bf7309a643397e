// Test support: every record a reader gives for a file, with its report.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "tawsiya/reader.hpp"
#include "tawsiya/record.hpp"

namespace tawsiya::test {

struct ReadAll {
    std::vector<Record> records;
    ReadReport report;
};

// read_any over `path`: the records kept, in order, and what was reported.
inline ReadAll read_all(const std::string& path, ReadOptions options = {}) {
    ReadAll all;
    read_any(
        path, options, [&](Record&& r) { all.records.push_back(std::move(r)); }, all.report);
    return all;
}

}  // namespace tawsiya::test
