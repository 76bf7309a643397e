// Quality and speed of deduplication. Prints:
//  1. pairwise precision / recall / F1 on the sample corpus's repeat groups (the same request in
//     other words, by other mechanisms or cycles; gold = the relevant sets of
//     corpus/dev/match-queries.jsonl), per language and per threshold;
//  2. the same against the exact duplicates of UPR Info (one text, several recommending states);
//  3. time for 10k, 30k and 100k items drawn from the shared records.
// Usage: build/dedup_eval [--corpus ../shared/corpus] [--source .]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/dedup.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/translation.hpp"

using namespace tawsiya;

namespace {

// The thresholds of the sample tables: a spread, and the engine's default among them.
const std::vector<double>& sample_thresholds() {
    static const std::vector<double> thresholds = [] {
        std::vector<double> t{0.35, 0.45, 0.55, 0.65};
        const double default_threshold = DedupOptions{}.threshold;
        if (std::none_of(t.begin(), t.end(),
                         [&](double x) { return std::abs(x - default_threshold) < 1e-9; }))
            t.push_back(default_threshold);
        std::sort(t.begin(), t.end());
        return t;
    }();
    return thresholds;
}

struct PairScores {
    double precision = 0, recall = 0, f1 = 0;
    std::size_t predicted = 0, gold = 0, correct = 0;
};

// The engine's options at another threshold.
DedupOptions options_at(double threshold, const TranslationTable* translations) {
    DedupOptions options;
    options.threshold = threshold;
    options.translations = translations;
    return options;
}

std::size_t pairs_of(std::size_t n) {
    return n * (n - 1) / 2;
}

// Pairwise scores of a clustering against gold groups (gold[i] = group of item i, or -1 alone).
PairScores score_pairs(const DedupResult& result, const std::vector<long>& gold) {
    PairScores s;
    std::map<std::size_t, std::size_t> predicted_sizes;
    std::map<long, std::size_t> gold_sizes;
    std::map<std::pair<std::size_t, long>, std::size_t> both;
    for (std::size_t i = 0; i < gold.size(); ++i) {
        ++predicted_sizes[result.cluster_of[i]];
        if (gold[i] >= 0) {
            ++gold_sizes[gold[i]];
            ++both[{result.cluster_of[i], gold[i]}];
        }
    }
    for (const auto& [_, n] : predicted_sizes) s.predicted += pairs_of(n);
    for (const auto& [_, n] : gold_sizes) s.gold += pairs_of(n);
    for (const auto& [_, n] : both) s.correct += pairs_of(n);
    s.precision = s.predicted ? double(s.correct) / s.predicted : 1.0;
    s.recall = s.gold ? double(s.correct) / s.gold : 1.0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
    return s;
}

std::vector<Record> read_records(const std::string& path) {
    std::vector<Record> records;
    ReadReport report;
    read_jsonl(
        path, {}, [&](Record&& r) { records.push_back(std::move(r)); }, report);
    return records;
}

void sample_groups(const std::string& source, const std::string& corpus_dir,
                   const Analyzer& analyzer) {
    const std::string sample = source + "/corpus/sample.jsonl";
    const std::string queries = source + "/corpus/dev/match-queries.jsonl";
    if (!std::filesystem::exists(sample) || !std::filesystem::exists(queries)) {
        std::printf("sample corpus or dev queries missing under %s: skipped\n", source.c_str());
        return;
    }
    const auto records = read_records(sample);
    std::map<std::string, long> group_of;
    std::ifstream in(queries);
    long next_group = 0;
    for (std::string line; std::getline(in, line);) {
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        if (!doc.IsObject() || !doc.HasMember("relevant")) continue;
        const auto& relevant = doc["relevant"];
        if (relevant.Size() < 2) continue;
        // Groups that share a member are one group (two queries may target the same requests).
        long group = next_group++;
        for (const auto& id : relevant.GetArray())
            if (auto it = group_of.find(id.GetString()); it != group_of.end()) group = it->second;
        for (const auto& id : relevant.GetArray()) {
            const long old = group_of.count(id.GetString()) ? group_of[id.GetString()] : -1;
            for (auto& [_, g] : group_of)
                if (old >= 0 && g == old) g = group;
            group_of[id.GetString()] = group;
        }
    }
    std::printf("\n## Sample corpus repeat groups (%zu records, %zu in groups)\n\n", records.size(),
                group_of.size());
    std::printf("| lang | threshold | precision | recall | F1 | predicted pairs | gold pairs |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (Lang lang : kAllLangs) {
        std::vector<DedupItem> items;
        std::vector<long> gold;
        for (const auto& r : records) {
            auto it = r.text.find(lang);
            if (it == r.text.end()) continue;
            items.push_back({r.id, it->second, lang});
            auto g = group_of.find(r.id);
            gold.push_back(g == group_of.end() ? -1 : g->second);
        }
        for (double threshold : sample_thresholds()) {
            const auto result = deduplicate(items, analyzer, options_at(threshold, nullptr));
            const auto s = score_pairs(result, gold);
            std::printf("| %s | %.2f | %.3f | %.3f | %.3f | %zu | %zu |\n",
                        std::string(lang_code(lang)).c_str(), threshold, s.precision, s.recall,
                        s.f1, s.predicted, s.gold);
        }
    }

    // A list in three languages: record i in language i mod 3, so most repeat groups are split
    // across languages. Without translation they cannot meet; with the tables of the lexicon and
    // the UN parallel corpus (never the sample itself) they can.
    std::vector<DedupItem> mixed;
    std::vector<long> gold;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Lang lang = kAllLangs[i % 3];
        const auto it = records[i].text.find(lang);
        if (it == records[i].text.end()) continue;
        mixed.push_back({records[i].id, it->second, lang});
        const auto g = group_of.find(records[i].id);
        gold.push_back(g == group_of.end() ? -1 : g->second);
    }
    std::vector<AlignedSegment> segments = lexicon_segments(analyzer, 8.0);
    const std::string parallel = corpus_dir + "/parallel/unpc-devset";
    if (std::filesystem::is_directory(parallel)) {
        auto more = parallel_segments(parallel, analyzer);
        segments.insert(segments.end(), more.begin(), more.end());
    }
    const TranslationTable table = train_translations(segments);
    std::printf(
        "\n### The same groups in a list of mixed languages (%zu items; tables: lexicon%s)\n\n",
        mixed.size(), std::filesystem::is_directory(parallel) ? " + UN parallel corpus" : "");
    std::printf("| threshold | translation | precision | recall | F1 | predicted pairs |\n");
    std::printf("|---|---|---|---|---|---|\n");
    for (double threshold : sample_thresholds())
        for (const TranslationTable* translations :
             {static_cast<const TranslationTable*>(nullptr), &table}) {
            const auto s = score_pairs(
                deduplicate(mixed, analyzer, options_at(threshold, translations)), gold);
            std::printf("| %.2f | %s | %.3f | %.3f | %.3f | %zu |\n", threshold,
                        translations ? "yes" : "no", s.precision, s.recall, s.f1, s.predicted);
        }
}

std::string fold(const std::string& text) {
    std::string out;
    for (unsigned char c : text)
        if (std::isalnum(c) || c >= 0x80) out.push_back(static_cast<char>(std::tolower(c)));
    return out;
}

// The realistic use: one review's list (a state's recommendations of one session), deduplicated
// on its own. Gold: the same text once its recommending states and punctuation are set aside
// (UPR Info lists a recommendation made by several states once per state).
void uprinfo_exact(const std::string& corpus, const Analyzer& analyzer) {
    const std::string path = corpus + "/records/uprinfo-2008-2014.jsonl";
    if (!std::filesystem::exists(path)) {
        std::printf("%s missing: skipped\n", path.c_str());
        return;
    }
    std::map<std::string, std::vector<const Record*>> reviews;
    const auto records = read_records(path);
    for (const auto& r : records)
        if (r.text.count(Lang::en))
            reviews[r.state + "|" + std::to_string(r.session.value_or(0))].push_back(&r);
    std::printf(
        "\n## UPR Info duplicates within each review (%zu items in %zu lists; gold: same "
        "text)\n\n",
        records.size(), reviews.size());
    std::printf(
        "| threshold | precision | recall | F1 | predicted pairs | gold pairs | seconds |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (double threshold : {0.45, 0.6, 0.75, 0.9}) {
        PairScores total;
        double seconds = 0;
        for (const auto& [_, list] : reviews) {
            std::vector<DedupItem> items;
            std::vector<long> gold;
            std::map<std::string, long> groups;
            for (const Record* r : list) {
                const std::string& text = r->text.at(Lang::en);
                items.push_back({r->id, text, Lang::en});
                gold.push_back(
                    groups.try_emplace(fold(text), static_cast<long>(groups.size())).first->second);
            }
            const auto start = std::chrono::steady_clock::now();
            const auto result = deduplicate(items, analyzer, options_at(threshold, nullptr));
            seconds +=
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const auto s = score_pairs(result, gold);
            total.predicted += s.predicted;
            total.gold += s.gold;
            total.correct += s.correct;
        }
        const double precision = total.predicted ? double(total.correct) / total.predicted : 1.0;
        const double recall = total.gold ? double(total.correct) / total.gold : 1.0;
        const double f1 =
            precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        std::printf("| %.2f | %.3f | %.3f | %.3f | %zu | %zu | %.2f |\n", threshold, precision,
                    recall, f1, total.predicted, total.gold, seconds);
    }
    std::printf(
        "\n(Precision counts reworded repeats within a review as errors, so it is a lower "
        "bound: the gold holds identical texts only.)\n");
}

void speed(const std::string& corpus, const Analyzer& analyzer) {
    std::vector<std::string> texts;
    for (const auto& entry : std::filesystem::directory_iterator(corpus + "/records"))
        if (entry.path().extension() == ".jsonl")
            for (const auto& r : read_records(entry.path().string()))
                for (const auto& [lang, text] : r.text) texts.push_back(text);
    if (texts.empty()) return;
    std::printf("\n## Speed (items drawn from the shared records, cycled past %zu)\n\n",
                texts.size());
    std::printf("| items | seconds | clusters | candidate pairs scored |\n|---|---|---|---|\n");
    for (std::size_t n : {10000u, 30000u, 100000u}) {
        std::vector<DedupItem> items;
        for (std::size_t i = 0; i < n; ++i)
            items.push_back({std::to_string(i), texts[i % texts.size()], std::nullopt});
        const auto start = std::chrono::steady_clock::now();
        const auto result = deduplicate(items, analyzer);  // the default threshold
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("| %zu | %.2f | %zu | %zu |\n", n, seconds, result.clusters.size(),
                    result.candidate_pairs);
        std::fflush(stdout);
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::string corpus = "../shared/corpus", source = ".";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--corpus"))
            corpus = argv[i + 1];
        else if (!std::strcmp(argv[i], "--source"))
            source = argv[i + 1];
    }
    Analyzer analyzer;
    std::printf("# Deduplication evaluation\n");
    sample_groups(source, corpus, analyzer);
    if (!std::filesystem::is_directory(corpus + "/records")) {
        std::printf("\nshared corpus not found at %s: UPR Info and speed skipped\n",
                    corpus.c_str());
        return 0;
    }
    uprinfo_exact(corpus, analyzer);
    speed(corpus, analyzer);
    return 0;
}
