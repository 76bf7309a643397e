// Stem collisions of the curated lexicons: a one-word phrase of lexicon/request-slots.tsv or
// lexicon/synonyms.tsv is found wherever its stem is, so a phrase whose stem is also another
// frequent word's reads that word too ("accession" stems as "access", "nationality" as
// "national", "minors" as "minorities", « traite » as « traitement »). Lists, per language, each
// one-word phrase whose stem other words of the shared records have at least --min times, with
// those words and their counts, to be read by a person: plurals and verb forms are what stemming
// is for; another meaning is a collision to write as a longer phrase.
//
//   build/lexicon_eval [--corpus DIR] [--min N]
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "bench_support.hpp"
#include "engine/tsv_lines.hpp"
#include "tawsiya/embedded.hpp"

using namespace tawsiya;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
    bench::EvalFlags flags;
    unsigned min_count = 20;
    if (!bench::read_eval_flags(argc, argv, flags, [&](const std::string& f, const std::string& v) {
            if (f != "--min") return false;
            min_count = static_cast<unsigned>(std::stoul(v));
            return true;
        })) {
        std::fprintf(stderr, "usage: lexicon_eval [--corpus DIR] [--min N]\n");
        return 2;
    }
    const fs::path records = fs::path(flags.corpus) / "records";
    if (!fs::is_directory(records)) {
        std::printf("skipped: no shared corpus at %s\n", flags.corpus.c_str());
        return 0;
    }
    const Analyzer& analyzer = bench::analyzer();
    // language -> stem -> word -> occurrences in the records
    std::map<Lang, std::map<std::string, std::map<std::string, unsigned>>> words_of_stem;
    for (const auto& entry : fs::directory_iterator(records)) {
        if (entry.path().extension() != ".jsonl") continue;
        for (const Record& record : bench::read_record_lines(entry.path().string()))
            for (const auto& [lang, text] : record.text)
                for (const Token& token : analyzer.tokenize(text, lang))
                    if (!token.stopword) ++words_of_stem[lang][token.stem][token.word];
    }

    // Each lexicon's one-word phrases, with their language.
    std::set<std::pair<Lang, std::string>> phrases;
    const auto add = [&](std::string_view lang_field, std::string_view phrase) {
        const auto lang = parse_lang(lang_field);
        if (!lang) return;
        const auto tokens = analyzer.tokenize(phrase, *lang);
        std::size_t content = 0;
        for (const Token& t : tokens) content += t.stopword ? 0 : 1;
        if (content == 1)
            for (const Token& t : tokens)
                if (!t.stopword) phrases.emplace(*lang, t.word);
    };
    tsv::for_each_line(embedded::lexicon_file(embedded::kRequestSlotsFile),
                       [&](std::string_view line, std::size_t) {
                           const auto fields = tsv::split_tabs(line);
                           if (fields.size() != 4) return;
                           std::string_view list = fields[3];
                           while (!list.empty()) {
                               const std::size_t bar = list.find('|');
                               add(fields[2], list.substr(0, bar));
                               list = bar == std::string_view::npos ? std::string_view{}
                                                                    : list.substr(bar + 1);
                           }
                       });
    tsv::for_each_line(embedded::lexicon_file(embedded::kSynonymsFile),
                       [&](std::string_view line, std::size_t) {
                           const auto fields = tsv::split_tabs(line);
                           for (std::size_t f = 1; f < fields.size(); ++f)
                               add(fields[0], fields[f]);
                       });

    std::size_t listed = 0;
    for (const auto& [lang, word] : phrases) {
        const std::string stem = analyzer.tokenize(word, lang).front().stem;
        std::string others;
        for (const auto& [other, n] : words_of_stem[lang][stem])
            if (other != word && n >= min_count)
                others += " " + other + " (" + std::to_string(n) + ")";
        if (others.empty()) continue;
        std::printf("%s\t%s [%s]:%s\n", std::string(lang_code(lang)).c_str(), word.c_str(),
                    stem.c_str(), others.c_str());
        ++listed;
    }
    std::printf("%zu one-word phrases of %zu share their stem with other words\n", listed,
                phrases.size());
    return 0;
}
