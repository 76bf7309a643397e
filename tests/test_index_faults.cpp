// Crash safety, deterministically (LevelDB's fault_injection_test is the model): where
// test_index_crash kills `tawsiya index` at random moments, this test makes it fail at each step
// of its commit sequence in turn (tawsiya/fault_injection.hpp: after opening the index, after the
// Nth record, before and after the Nth commit), as a kill (_exit) and as a failed write (an
// exception), and checks each time that the index opens, holds exactly the records committed
// before the fault, whole, and that a rerun of the same input completes it. The step inside
// Xapian's own commit (tables written, version file not yet replaced) is reproduced on disk.
#include <xapian.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/files.hpp"
#include "support/index_check.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/fault_injection.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/record.hpp"

using tawsiya::test::read_file;

using namespace tawsiya;

namespace {

constexpr std::size_t kBatch = 20;

struct Fault {
    std::string step;  // TAWSIYA_FAULT's STEP
    std::size_t nth;
    std::size_t docs_left;  // what the index holds after it
};

std::size_t count_lines(const std::string& path) {
    std::ifstream in(path);
    std::size_t count = 0;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) ++count;
    return count;
}

// Every step of a run over `total` records in batches of kBatch, with what a kill there leaves:
// the batches committed before it, none of the batch in memory.
std::vector<Fault> kills(std::size_t total) {
    const std::size_t commits = total / kBatch + 1;  // the full batches, then the final commit
    std::vector<Fault> faults = {{"opened", 1, 0}};
    for (const std::size_t n : {std::size_t{1}, kBatch, kBatch + 1, total})
        faults.push_back({"added", n, (n - 1) / kBatch * kBatch});
    for (std::size_t k = 1; k <= commits; ++k) {
        faults.push_back({"commit", k, (k - 1) * kBatch});
        faults.push_back({"committed", k, std::min(k * kBatch, total)});
    }
    return faults;
}

}  // namespace

TEST_CASE("an indexer ended at each step of its commit sequence leaves whole records only",
          "[index][crash][faults]") {
    const std::string input = test::source_path("corpus/sample.jsonl");
    REQUIRE(std::filesystem::exists(input));  // the project's own sample, in the repository
    const std::size_t total = count_lines(input);
    REQUIRE(total % kBatch != 0);  // so the final commit is a step of its own
    test::TempDir dir;
    const std::string db = dir / "db";
    const std::vector<std::string> command = {
        TAWSIYA_BINARY,         "index",  input, "--db", db, "--batch-size",
        std::to_string(kBatch), "--quiet"};
    const std::string log = dir / "fault.log";

    SECTION("killed (_exit): the index keeps the committed batches; a rerun completes it") {
        for (const Fault& fault : kills(total)) {
            const std::string armed =
                "TAWSIYA_FAULT=" + fault.step + ":" + std::to_string(fault.nth);
            INFO(armed << " (log: " << read_file(log) << ")");
            std::filesystem::remove_all(db);
            // The status proves the fault fired where it was armed, not that the run just ended.
            REQUIRE(test::run(command, log, {armed}) == fault::kFaultExitCode);
            CHECK(test::check_whole_records(db) == fault.docs_left);
            REQUIRE(test::run(command, dir / "rerun.log") == 0);
            CHECK(test::check_whole_records(db) == total);
        }
    }

    SECTION("a failed write (an exception) commits what was added, whole, and fails the run") {
        // The writer's and Xapian's clean-up commit the records already added: more than a kill
        // leaves, never part of a record.
        const std::vector<Fault> failures = {{"opened", 1, 0},
                                             {"added", kBatch + 3, kBatch + 3},
                                             {"commit", 3, 3 * kBatch},
                                             {"committed", 3, 3 * kBatch}};
        for (const Fault& fault : failures) {
            const std::string armed =
                "TAWSIYA_FAULT=" + fault.step + ":" + std::to_string(fault.nth) + ":throw";
            INFO(armed);
            std::filesystem::remove_all(db);
            REQUIRE(test::run(command, log, {armed}) == 1);
            CHECK(read_file(log).find("fault injected at step " + fault.step) != std::string::npos);
            CHECK(test::check_whole_records(db) == fault.docs_left);
            REQUIRE(test::run(command, dir / "rerun.log") == 0);
            CHECK(test::check_whole_records(db) == total);
        }
    }

    SECTION("killed again while rerunning, or while re-indexing a complete index") {
        std::filesystem::remove_all(db);
        REQUIRE(test::run(command, log, {"TAWSIYA_FAULT=commit:3"}) == fault::kFaultExitCode);
        REQUIRE(test::check_whole_records(db) == 2 * kBatch);
        // The rerun replaces the 40 records it finds, then adds: killed after its 5th commit.
        REQUIRE(test::run(command, log, {"TAWSIYA_FAULT=committed:5"}) == fault::kFaultExitCode);
        CHECK(test::check_whole_records(db) == 5 * kBatch);
        REQUIRE(test::run(command, dir / "rerun.log") == 0);
        CHECK(test::check_whole_records(db) == total);
        // A complete index re-indexed: killed halfway, every record is still there, once.
        REQUIRE(test::run(command, log, {"TAWSIYA_FAULT=added:70"}) == fault::kFaultExitCode);
        CHECK(test::check_whole_records(db) == total);
        REQUIRE(test::run(command, log, {"TAWSIYA_FAULT=committed:4"}) == fault::kFaultExitCode);
        CHECK(test::check_whole_records(db) == total);
    }

    SECTION("a bad TAWSIYA_FAULT arms nothing and says so") {
        std::filesystem::remove_all(db);
        REQUIRE(test::run(command, log, {"TAWSIYA_FAULT=commit:x"}) == 0);
        CHECK(read_file(log).find("TAWSIYA_FAULT=commit:x ignored") != std::string::npos);
        CHECK(test::check_whole_records(db) == total);
    }
}

TEST_CASE("a commit cut before Xapian replaces its version file leaves the previous revision",
          "[index][crash][faults]") {
    // A glass commit writes the batch's blocks into the table files (into blocks the committed
    // revision does not use), then replaces the version file `iamglass`, atomically: that is the
    // commit point. Restoring the version file of commit k after commit k+1 is the disk as a
    // crash between those two steps leaves it.
    const std::string input = test::source_path("corpus/sample.jsonl");
    REQUIRE(std::filesystem::exists(input));  // the project's own sample, in the repository
    std::vector<Record> records;
    {
        std::ifstream in(input);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) records.push_back(parse_record_json(line));
    }
    REQUIRE(records.size() > 4 * kBatch);
    test::TempDir dir;
    const std::string db = dir / "db";
    const std::string version_file = db + "/iamglass";
    Analyzer analyzer;

    for (std::size_t k = 1; k <= 3; ++k) {
        INFO("cut in commit " << k + 1);
        std::filesystem::remove_all(db);
        std::string committed_version;
        {
            IndexWriter writer(db, analyzer, kBatch);
            for (std::size_t i = 0; i < (k + 1) * kBatch; ++i) {
                writer.add(records[i]);
                if (i + 1 == k * kBatch) committed_version = read_file(version_file);
            }
            REQUIRE(writer.pending() == 0);  // commit k + 1 is done
        }
        REQUIRE(test::check_whole_records(db) == (k + 1) * kBatch);
        std::ofstream(version_file, std::ios::binary | std::ios::trunc) << committed_version;

        CHECK(test::check_whole_records(db) == k * kBatch);
        {
            IndexWriter writer(db, analyzer, kBatch);  // the rerun, over the cut index
            for (const Record& record : records) writer.add(record);
            writer.commit();
        }
        CHECK(test::check_whole_records(db) == records.size());
    }
}
