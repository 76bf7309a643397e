// Readers turn input files into Records. Each reader reports bad input as "file:line: reason":
// by default the line is skipped and counted; with strict, the first bad line throws InputError.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tawsiya/record.hpp"

namespace tawsiya {

struct ReadOptions {
    bool strict = false;
    std::string encoding;  // CSV only: an ICU converter name ("macintosh", "UTF-8"); empty = guess
    // CSV only: which column fills which field ("text=Recommendation,state=SuR,tags.sdg=SDGs";
    // docs/record-format.md); empty: a UPR Info export, known by its header.
    std::string columns;
};

// What a reader saw: records go to the sink as they are read; problems are kept here.
struct ReadReport {
    std::size_t records = 0;
    std::vector<std::string> problems;              // "file:line: reason", in order
    std::map<std::string, std::size_t> skipped_by;  // reason -> count
    void skip(const std::string& file, std::size_t line, const std::string& reason);
};

// A sink may refuse a record by throwing FormatError: the reader then reports the record's line as
// bad input ("file:line: reason", skipped, or InputError under strict) and does not count it.
using RecordSink = std::function<void(Record&&)>;

// The canonical JSON-lines format (docs/record-format.md).
void read_jsonl(const std::string& path, const ReadOptions& options, const RecordSink& sink,
                ReadReport& report);

// A CSV export, `,`, `;` or tab separated, any line ending, in `options.encoding`: UPR Info's
// (the older header To, To-Rgrp, To-Org, Text, From, ..., Session; the current one SuR, Rgrp, Org,
// Recommendation, RS, Rgrp, Org, Response, Action, Issue, Session), or any other through
// `options.columns`.
void read_csv(const std::string& path, const ReadOptions& options, const RecordSink& sink,
              ReadReport& report);

// The plain text of a UN report (a UPR Working Group report): numbered recommendation paragraphs.
void read_un_report(const std::string& path, const ReadOptions& options, const RecordSink& sink,
                    ReadReport& report);

// Picks the reader by the file's extension (.jsonl/.json, .csv, .txt) and runs it.
void read_any(const std::string& path, const ReadOptions& options, const RecordSink& sink,
              ReadReport& report);

}  // namespace tawsiya
