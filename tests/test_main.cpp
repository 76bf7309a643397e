// The one translation unit that defines Catch2's main(); every other tests/*.cpp only includes
// <catch2/catch.hpp>. Catch2 2 has no skipped state, so test::skip (support/skip.hpp) keeps
// count here and the exit code says when every case of the run skipped.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdio>
#include <set>
#include <string>

#include "support/skip.hpp"

namespace {

std::size_t cases_run = 0;
std::set<std::string> skipped;  // "test case name: reason"
std::set<std::string> skipped_cases;

class CaseCounter : public Catch::TestEventListenerBase {
  public:
    using TestEventListenerBase::TestEventListenerBase;
    void testCaseStarting(const Catch::TestCaseInfo&) override { ++cases_run; }
};

}  // namespace

CATCH_REGISTER_LISTENER(CaseCounter)

void tawsiya::test::skip(const std::string& reason) {
    const std::string name = Catch::getResultCapture().getCurrentTestName();
    skipped_cases.insert(name);
    skipped.insert(name + ": " + reason);
    WARN("skipped: " << reason);
}

int main(int argc, char** argv) {
    const int failed = Catch::Session().run(argc, argv);
    for (const std::string& line : skipped) std::printf("SKIPPED %s\n", line.c_str());
    if (failed == 0 && !skipped_cases.empty() && skipped_cases.size() == cases_run)
        return tawsiya::test::kSkipExitCode;
    return failed;
}
