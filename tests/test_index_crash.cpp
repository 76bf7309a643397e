// Crash safety: `tawsiya index` killed with SIGKILL at arbitrary moments leaves an index that opens
// and holds whole records only (whole batches); rerunning the same input completes it.
#include <xapian.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <thread>

#include "support/index_check.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/record.hpp"

using namespace tawsiya;

namespace {

constexpr std::size_t kBatch = 50;

// The sample corpus, copied `copies` times under new ids, so the indexer runs long enough to be
// killed in the middle.
std::size_t write_input(const std::string& path, int copies) {
    std::vector<Record> sample;
    std::ifstream in(test::source_path("corpus/sample.jsonl"));
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) sample.push_back(parse_record_json(line));
    std::ofstream out(path);
    std::size_t count = 0;
    for (int copy = 0; copy < copies; ++copy) {
        for (Record record : sample) {
            record.id.append(1, '#').append(std::to_string(copy));
            out << record_to_json(record) << "\n";
            ++count;
        }
    }
    return count;
}

}  // namespace

TEST_CASE("an indexer killed at any moment leaves a usable index that a rerun completes",
          "[index][crash]") {
    test::TempDir dir;
    const std::string input = dir / "input.jsonl";
    const std::size_t total = write_input(input, 30);
    const std::string db = dir / "db";
    const std::vector<std::string> command = {
        TAWSIYA_BINARY,         "index",  input, "--db", db, "--batch-size",
        std::to_string(kBatch), "--quiet"};

    std::size_t killed_with_partial_index = 0;
    for (int delay_ms : {30, 80, 150, 250, 400, 600, 900}) {
        std::filesystem::remove_all(db);
        const pid_t pid = test::spawn(command, dir / "log");
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        ::kill(pid, SIGKILL);
        const int status = test::wait_for(pid);
        if (!std::filesystem::exists(db + "/iamglass")) continue;  // killed before creating it

        const std::size_t docs = test::check_whole_records(db);
        if (status == 128 + SIGKILL) {
            CHECK(docs % kBatch == 0);  // only whole committed batches
            if (docs < total) ++killed_with_partial_index;
        }
        // Rerunning completes the index, without duplicates.
        REQUIRE(test::run(command, dir / "rerun.log") == 0);
        CHECK(test::check_whole_records(db) == total);
    }
    // The test proves something only if some kills did land in the middle of indexing.
    CHECK(killed_with_partial_index >= 2);
}
