// Test support: one Analyzer for the tests of a process (building one loads the stopword lists and
// the stemmers, so each test file used to keep its own).
#pragma once

#include "tawsiya/analyzer.hpp"

namespace tawsiya::test {

inline const Analyzer& analyzer() {
    static const Analyzer instance;
    return instance;
}

}  // namespace tawsiya::test
