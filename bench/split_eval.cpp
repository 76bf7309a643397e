// How well documents are split into recommendations, on the UPR Working Group reports of the
// shared corpus (raw/upr-wg-reports/, 2008-2013, PDF extractions) against the UPR Info records of
// the same reviews (records/uprinfo-2008-2014.jsonl), by cycle and overall.
//
// Both sides are compared as sets of words (ASCII letters and digits, lower case, two characters
// or more, each counted once):
// - a gold recommendation (a distinct UPR Info text of the review: one made by several states is
//   one) is found when some segment holds at least 80% of its words (UPR Info edits the report's
//   wording a little: "To ratify" becomes "Ratify", typos are fixed);
// - a segment is a real recommendation when it holds some gold recommendation by that rule;
// - recall = gold found / gold, precision = real segments / segments.
// Also printed: the segments holding two gold recommendations or more (a merge of two items, or
// one item the report itself gives to two states, which UPR Info splits), to watch merges.
// The reports are read as `tawsiya tag` reads a file (read_text_file, split_recommendations,
// English) and, with --via index, as `tawsiya index` reads them (read_un_report: the records).
//
// Usage: build/split_eval [--corpus ../shared/corpus] [--via tag|index] [--misses N]
//        build/split_eval --dump FILE (the segments of one file)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/document_split.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/text_file.hpp"

using namespace tawsiya;
namespace fs = std::filesystem;

namespace {

using Words = std::set<std::string>;

Words words_of(const std::string& text) {
    Words out;
    std::string word;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : ' ';
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word += c;
        } else if (c >= 'A' && c <= 'Z') {
            word += static_cast<char>(c - 'A' + 'a');
        } else {
            if (word.size() >= 2) out.insert(word);
            word.clear();
        }
    }
    return out;
}

double contained(const Words& part, const Words& whole) {
    if (part.empty()) return 0;
    std::size_t in = 0;
    for (const auto& w : part) in += whole.count(w);
    return static_cast<double>(in) / static_cast<double>(part.size());
}

// "Antigua and Barbuda" and the file "antiguaandbarbuda2011" -> "antiguabarbuda": letters in
// lower case without "and" and "the", as both spell the state.
std::string state_key(const std::string& name) {
    std::string out;
    for (char c : name)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const std::string word : {"and", "the"})
        for (auto at = out.find(word); at != std::string::npos; at = out.find(word))
            out.erase(at, word.size());
    return out;
}

struct Review {
    int cycle = 0;
    std::map<std::string, Words> gold;  // distinct text -> its words
};

// The review a report file is of: the state's name as the file names it, or one that begins with
// the other ("russia", "russianfederation"; five letters at least), in the file's year or the year
// before (a report is often published the year after the review).
const Review* review_of(const std::map<std::pair<std::string, int>, Review>& reviews,
                        const std::string& stem) {
    if (stem.size() < 5) return nullptr;
    const int year = std::atoi(stem.c_str() + stem.size() - 4);
    const std::string key = state_key(stem.substr(0, stem.size() - 4));
    for (const bool exact : {true, false})  // "guinea" is no match for "guineabissau"
        for (const int y : {year, year - 1})
            for (const auto& [state_year, review] : reviews) {
                const std::string& state = state_year.first;
                const std::size_t common = std::min(state.size(), key.size());
                const bool same =
                    exact ? state == key
                          : common >= 5 && state.compare(0, common, key, 0, common) == 0;
                if (state_year.second == y && same) return &review;
            }
    return nullptr;
}

struct Tally {
    std::size_t reports = 0, gold = 0, found = 0, segments = 0, real = 0, merged = 0;
};

void print(const char* name, const Tally& t) {
    std::printf("%-8s %7zu %6zu %6zu %7.3f %8zu %6zu %9.3f %7zu\n", name, t.reports, t.gold,
                t.found, t.gold ? double(t.found) / double(t.gold) : 0.0, t.segments, t.real,
                t.segments ? double(t.real) / double(t.segments) : 0.0, t.merged);
}

}  // namespace

int main(int argc, char** argv) {
    std::string corpus = "../shared/corpus", via = "tag";
    std::size_t show_misses = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--corpus")) corpus = argv[i + 1];
        if (!std::strcmp(argv[i], "--via")) via = argv[i + 1];
        if (!std::strcmp(argv[i], "--misses")) show_misses = std::stoul(argv[i + 1]);
    }
    for (int i = 1; i + 1 < argc; ++i)
        if (!std::strcmp(argv[i], "--dump")) {  // the segments of one file, to see a failure
            const Analyzer analyzer;
            for (const auto& p : split_recommendations(read_text_file(argv[i + 1]), analyzer))
                std::printf("%s\t%zu\t%.160s\n", p.number.c_str(), p.line, p.text.c_str());
            return 0;
        }
    const fs::path reports = fs::path(corpus) / "raw/upr-wg-reports";
    const fs::path records = fs::path(corpus) / "records/uprinfo-2008-2014.jsonl";
    if (!fs::is_directory(reports) || !fs::exists(records)) {
        std::fprintf(stderr, "split_eval: %s or %s missing: nothing measured\n", reports.c_str(),
                     records.c_str());
        return 77;
    }

    std::map<std::pair<std::string, int>, Review> reviews;  // ("morocco", 2012) -> gold
    {
        std::ifstream in(records);
        std::string line;
        while (std::getline(in, line)) {
            rapidjson::Document d;
            d.Parse(line.c_str());
            if (d.HasParseError() || !d.HasMember("year") || !d.HasMember("state")) continue;
            Review& r = reviews[{state_key(d["state"].GetString()), d["year"].GetInt()}];
            r.cycle = d.HasMember("cycle") ? d["cycle"].GetInt() : 0;
            const std::string text = d["text"]["en"].GetString();
            r.gold.emplace(text, words_of(text));
        }
    }

    const Analyzer analyzer;
    std::map<int, Tally> by_cycle;
    Tally all;
    std::size_t without_gold = 0, misses_shown = 0;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(reports))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        const Review* found_review = review_of(reviews, path.stem().string());
        if (!found_review) {
            ++without_gold;
            std::fprintf(stderr, "split_eval: no UPR Info records for %s\n", path.stem().c_str());
            continue;
        }
        const Review& review = *found_review;
        std::vector<std::string> segments;
        if (via == "index") {
            ReadReport report;
            read_un_report(
                path.string(), ReadOptions{},
                [&](Record&& r) { segments.push_back(r.text.begin()->second); }, report);
        } else {
            for (auto& p : split_recommendations(read_text_file(path.string()), analyzer, Lang::en))
                segments.push_back(p.text);
        }
        Tally t;
        t.reports = 1;
        t.gold = review.gold.size();
        t.segments = segments.size();
        std::vector<Words> segment_words;
        for (const auto& s : segments) segment_words.push_back(words_of(s));
        std::vector<std::size_t> holds(segments.size(), 0);
        for (const auto& [text, words] : review.gold) {
            bool found = false;
            for (std::size_t s = 0; s < segments.size(); ++s)
                if (contained(words, segment_words[s]) >= 0.8) {
                    found = true;
                    ++holds[s];
                }
            t.found += found;
            if (!found && misses_shown < show_misses) {
                ++misses_shown;
                std::printf("miss %s: %.150s\n", path.stem().c_str(), text.c_str());
            }
        }
        for (std::size_t s = 0; s < segments.size(); ++s) {
            t.real += holds[s] > 0;
            t.merged += holds[s] > 1;
            if (holds[s] == 0 && misses_shown < show_misses) {
                ++misses_shown;
                std::printf("extra %s: %.150s\n", path.stem().c_str(), segments[s].c_str());
            }
        }
        for (Tally* into : {&by_cycle[review.cycle], &all}) {
            into->reports += t.reports;
            into->gold += t.gold;
            into->found += t.found;
            into->segments += t.segments;
            into->real += t.real;
            into->merged += t.merged;
        }
    }
    std::printf("split_eval via %s: %zu reports (%zu without UPR Info records, left out)\n",
                via.c_str(), all.reports, without_gold);
    std::printf("%-8s %7s %6s %6s %7s %8s %6s %9s %7s\n", "cycle", "reports", "gold", "found",
                "recall", "segments", "real", "precision", "merged");
    for (const auto& [cycle, t] : by_cycle) print(("cycle " + std::to_string(cycle)).c_str(), t);
    print("all", all);
    return 0;
}
