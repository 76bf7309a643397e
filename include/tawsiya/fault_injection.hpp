// Fault injection for the crash-safety tests (tests/test_index_faults.cpp), in the spirit of
// LevelDB's fault_injection_test: the index writer reports each step of its commit sequence here,
// and a test can make the process fail at exactly the Nth time a step is reached, to check that the
// index it leaves opens, holds whole records only, and that a rerun completes it.
//
// Compiled in always, armed only by the environment: TAWSIYA_FAULT=STEP:N[:throw], STEP one of
// `opened`, `added`, `commit`, `committed` (Step below). By default the process then ends at once
// with _exit(kFaultExitCode), like a kill -9 (no destructor, no pending commit); with `:throw` an
// IndexError is thrown instead, like a failed write, and the callers' clean-up runs. Unset, which
// is always the case outside the tests, a step costs the test of a flag read once.
#pragma once

namespace tawsiya::fault {

// The steps of writing an index, in the order IndexWriter reaches them.
enum class Step {
    opened,     // the index is open (or created) for writing; nothing of this run is committed
    added,      // a record has been added in memory (Xapian), not yet committed
    commit,     // a commit is about to start: Xapian has the batch, the disk does not
    committed,  // a commit has returned: the batch is durable
};

// The exit status of a process ended by an injected fault (distinct from kill -9's 137 and from
// the command's own 0, 1 and 2).
inline constexpr int kFaultExitCode = 86;

// Called by the index writer at each step: counts it, and fails as TAWSIYA_FAULT says when this
// is the armed step's Nth arrival.
void reached(Step step);

}  // namespace tawsiya::fault
