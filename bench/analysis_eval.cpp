// analysis_eval: how well the Analyzer identifies languages and how much it conflates words, on
// the UN Parallel Corpus development set (4,000 sentences aligned in Arabic, English, French).
//
//   analysis_eval [CORPUS_DIR]     (default ../shared/corpus; exits 0 with a message if absent)
//
// Prints, per language: language identification accuracy (each line on its own), the vocabulary
// at each step (distinct surface words -> distinct normalized words -> distinct stems) and the
// analysis speed of tokenize().
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_set>
#include <vector>

#include "tawsiya/analyzer.hpp"

namespace {

using tawsiya::Analyzer;
using tawsiya::Lang;

std::vector<std::string> read_lines(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Words as written: ICU word breaking of the raw text, nothing folded.
void add_surface_words(icu::BreakIterator& breaker, const std::string& line,
                       std::unordered_set<std::string>& out) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(line);
    breaker.setText(text);
    for (int32_t start = breaker.first(), end = breaker.next(); end != icu::BreakIterator::DONE;
         start = end, end = breaker.next()) {
        if (breaker.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
        std::string word;
        text.tempSubStringBetween(start, end).toUTF8String(word);
        out.insert(word);
    }
}

double percent(std::size_t part, std::size_t whole) {
    return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path corpus = argc > 1 ? argv[1] : "../shared/corpus";
    const std::filesystem::path devset = corpus / "parallel" / "unpc-devset";
    if (!std::filesystem::is_directory(devset)) {
        std::cout << "analysis_eval: " << devset.string()
                  << " not found; give the corpus folder as the first argument. Nothing to do.\n";
        return 0;
    }
    const Analyzer analyzer;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> breaker(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));

    std::cout << "Corpus: " << devset.string() << "\n\n";
    std::printf("%-4s %6s %9s  %9s %9s %7s %9s %7s  %8s %9s\n", "lang", "lines", "langid",
                "surface", "normal.", "%", "stems", "%", "MB/s", "tokens/s");
    for (Lang lang : tawsiya::kAllLangs) {
        const auto lines = read_lines(devset / ("UNv1.0.devset." + std::string(lang_code(lang))));
        std::size_t correct = 0, bytes = 0, tokens = 0;
        std::unordered_set<std::string> surface, normalized, stems;
        std::chrono::duration<double> analysis_time{0};
        for (const std::string& line : lines) {
            if (analyzer.detect_language(line) == lang) ++correct;
            add_surface_words(*breaker, line, surface);
            const auto start = std::chrono::steady_clock::now();
            const auto line_tokens = analyzer.tokenize(line, lang);
            analysis_time += std::chrono::steady_clock::now() - start;
            bytes += line.size();
            tokens += line_tokens.size();
            for (const auto& token : line_tokens) {
                normalized.insert(token.word);
                stems.insert(token.stopword ? token.word : token.stem);
            }
        }
        std::printf("%-4s %6zu %8.2f%%  %9zu %9zu %6.1f%% %9zu %6.1f%%  %8.2f %9.0f\n",
                    std::string(lang_code(lang)).c_str(), lines.size(),
                    percent(correct, lines.size()), surface.size(), normalized.size(),
                    percent(normalized.size(), surface.size()), stems.size(),
                    percent(stems.size(), surface.size()),
                    static_cast<double>(bytes) / 1e6 / analysis_time.count(),
                    static_cast<double>(tokens) / analysis_time.count());
    }
    std::cout << "\nlangid: share of lines identified as their language; normal./stems: distinct "
                 "words after normalization / stemming\n(stopwords count as their word), % of the "
                 "distinct surface words; MB/s, tokens/s: tokenize() on one thread.\n";
    return 0;
}
