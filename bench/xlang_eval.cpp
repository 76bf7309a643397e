// Cross-language matching, evaluated: an index holds ONE language side of an aligned collection and
// each item is looked up by its version in another language (match, k = 10); the item itself is the
// one right answer. Reports recall@1, recall@10 and MRR per direction, next to the same-language
// figure and to cross-language without translations. Queries are the first half of each text's
// words ("half", so that the same-language lookup is not a copy of the record) and the whole text.
// The translation tables are trained on 5 folds: the fold evaluated is never in the training data
// (the rest of the collection, the other collections, the UN parallel corpus and the lexicon are).
// Collections: the Moroccan records (fr <-> ar), the sample corpus (en <-> fr, en <-> ar) when
// present, and the UN parallel corpus's sentences (en <-> fr, en <-> ar).
// Run: build/xlang_eval [shared corpus dir] [sample.jsonl]
#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/record.hpp"
#include "tawsiya/translation.hpp"

namespace fs = std::filesystem;
using namespace tawsiya;

namespace {

constexpr std::size_t kFolds = 5;
constexpr std::size_t kK = 10;

struct Collection {
    std::string name;
    std::vector<Record> items;  // id + text versions
};

Collection read_records(const std::string& name, const fs::path& path) {
    Collection c{name, {}};
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) {
            Record r = parse_record_json(line);
            Record item;
            item.id = r.id;
            item.text = r.text;
            c.items.push_back(std::move(item));
        }
    return c;
}

Collection read_parallel(const fs::path& dir) {
    Collection c{"UN parallel corpus", {}};
    std::map<Lang, std::ifstream> files;
    for (const Lang lang : kAllLangs)
        files[lang].open(dir / ("UNv1.0.devset." + std::string(lang_code(lang))));
    for (std::size_t n = 1;; ++n) {
        Record item;
        item.id = "unpc:" + std::to_string(n);
        bool any = false;
        for (auto& [lang, in] : files) {
            std::string line;
            if (!std::getline(in, line)) continue;
            any = true;
            if (!line.empty()) item.text[lang] = line;
        }
        if (!any) break;
        c.items.push_back(std::move(item));
    }
    return c;
}

// The first half of a text's words.
std::string first_half(const std::string& text) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((i == 0 || text[i - 1] == ' ') && text[i] != ' ') starts.push_back(i);
    if (starts.size() < 4) return text;
    return text.substr(0, starts[starts.size() / 2]);
}

struct Score {
    std::size_t queries = 0, at1 = 0, at10 = 0;
    double rr = 0;
    void add(const MatchResult& result, const std::string& id) {
        ++queries;
        for (std::size_t i = 0; i < result.matches.size(); ++i)
            if (result.matches[i].record.id == id) {
                at1 += i == 0;
                at10 += i < kK;
                rr += 1.0 / static_cast<double>(i + 1);
                break;
            }
    }
    double r1() const { return queries ? double(at1) / queries : 0; }
    double r10() const { return queries ? double(at10) / queries : 0; }
    double mrr() const { return queries ? rr / queries : 0; }
};

struct Direction {
    Score same, plain, half, full;  // same-language (half), no translation, xlang half, full
};

Direction evaluate(const Collection& collection, Lang from, Lang to,
                   const std::vector<AlignedSegment>& other_material, const Analyzer& analyzer) {
    Direction d;
    const fs::path dir =
        fs::temp_directory_path() /
        ("tawsiya-xlang-eval-" + std::to_string(::getpid()) + "-" + std::string(lang_code(to)));
    fs::remove_all(dir);
    {
        IndexWriter writer(dir.string(), analyzer, 5000);
        for (const Record& item : collection.items)
            if (item.text.count(to)) {
                Record only;
                only.id = item.id;
                only.text[to] = item.text.at(to);
                writer.add(only);
            }
        writer.commit();
    }
    for (std::size_t fold = 0; fold < kFolds; ++fold) {
        std::vector<Record> training;
        for (std::size_t i = 0; i < collection.items.size(); ++i)
            if (i % kFolds != fold) training.push_back(collection.items[i]);
        std::vector<AlignedSegment> segments = record_segments(training, analyzer);
        segments.insert(segments.end(), other_material.begin(), other_material.end());
        TranslationTable table = train_translations(segments);
        table.description = "xlang_eval fold";
        table.save(translations_path(dir.string()));

        Matcher matcher(dir.string(), analyzer);
        for (std::size_t i = fold; i < collection.items.size(); i += kFolds) {
            const Record& item = collection.items[i];
            if (!item.text.count(from) || !item.text.count(to)) continue;
            MatchRequest request;
            request.k = kK;
            request.lang = to;
            request.text = first_half(item.text.at(to));
            d.same.add(matcher.match(request), item.id);
            request.lang = from;
            request.xlang = false;
            request.text = first_half(item.text.at(from));
            d.plain.add(matcher.match(request), item.id);
            request.xlang = true;
            d.half.add(matcher.match(request), item.id);
            request.text = item.text.at(from);
            d.full.add(matcher.match(request), item.id);
        }
    }
    fs::remove_all(dir);
    return d;
}

void print(const Collection& c, Lang from, Lang to, const Direction& d) {
    std::printf(
        "%-20s %s->%s %6zu | same %5.3f %5.3f %5.3f | none %5.3f | xlang half %5.3f %5.3f "
        "%5.3f | full %5.3f %5.3f %5.3f | ratio@10 %4.0f%%\n",
        c.name.c_str(), std::string(lang_code(from)).c_str(), std::string(lang_code(to)).c_str(),
        d.half.queries, d.same.r1(), d.same.r10(), d.same.mrr(), d.plain.r10(), d.half.r1(),
        d.half.r10(), d.half.mrr(), d.full.r1(), d.full.r10(), d.full.mrr(),
        d.same.r10() > 0 ? 100 * d.half.r10() / d.same.r10() : 0);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path shared = argc > 1 ? argv[1] : "../shared/corpus";
    const fs::path sample = argc > 2 ? argv[2] : "corpus/sample.jsonl";
    const Analyzer analyzer;
    if (!fs::exists(shared / "records" / "morocco-didh.jsonl")) {
        std::fprintf(stderr, "no shared corpus at %s\n", shared.c_str());
        return 1;
    }
    const Collection morocco =
        read_records("Morocco (DIDH)", shared / "records" / "morocco-didh.jsonl");
    const Collection unpc = read_parallel(shared / "parallel" / "unpc-devset");
    std::vector<Collection> collections{morocco, unpc};
    if (fs::exists(sample)) collections.push_back(read_records("sample corpus", sample));

    const auto lexicon = lexicon_segments(analyzer, TranslationOptions{}.lexicon_weight);
    std::printf(
        "recall@1 recall@10 MRR (k = 10); queries: first half of each text (full: whole "
        "text); ratio = xlang half recall@10 / same-language recall@10\n");
    for (std::size_t c = 0; c < collections.size(); ++c) {
        // Training material beside the collection's own other folds: the other collections.
        std::vector<AlignedSegment> other = lexicon;
        for (std::size_t o = 0; o < collections.size(); ++o) {
            if (o == c) continue;
            auto segments = record_segments(collections[o].items, analyzer);
            other.insert(other.end(), segments.begin(), segments.end());
        }
        const std::vector<std::pair<Lang, Lang>> directions =
            c == 0 ? std::vector<std::pair<Lang, Lang>>{{Lang::ar, Lang::fr}, {Lang::fr, Lang::ar}}
                   : std::vector<std::pair<Lang, Lang>>{{Lang::fr, Lang::en},
                                                        {Lang::ar, Lang::en},
                                                        {Lang::en, Lang::fr},
                                                        {Lang::en, Lang::ar}};
        for (const auto& [from, to] : directions)
            print(collections[c], from, to, evaluate(collections[c], from, to, other, analyzer));
    }
    return 0;
}
