// Tests whose data is missing skip, and say so: `return test::skip("why");`. The test case is
// counted as skipped and a warning names it; tests/test_main.cpp lists the skipped cases after
// the run and exits with kSkipExitCode when every case of the run skipped. ctest runs one case
// a process with SKIP_RETURN_CODE kSkipExitCode (CMakeLists.txt), so it reports such a case as
// "Skipped" instead of "Passed": a green run says what ran.
#pragma once

#include <string>

namespace tawsiya::test {

inline constexpr int kSkipExitCode = 77;

void skip(const std::string& reason);  // defined in tests/test_main.cpp

}  // namespace tawsiya::test
