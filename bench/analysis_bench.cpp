// analysis_bench: tokenize() per language on real text (the UN devset lines when the shared
// corpus is there, else a built-in paragraph), bytes/s and tokens/s; strip_lead_in() on the same
// lines; and the cost of an ICU word break iterator created per call against one cloned per thread
// (the Analyzer's choice).
//
//   TAWSIYA_SHARED_CORPUS=../shared/corpus ./analysis_bench
#include <benchmark/benchmark.h>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/recommendation_text.hpp"

namespace {

using tawsiya::Lang;

const tawsiya::Analyzer& analyzer() {
    static const tawsiya::Analyzer instance;
    return instance;
}

// Used when the shared corpus is absent: one recommendation in each language.
std::string builtin_paragraph(Lang lang) {
    switch (lang) {
        case Lang::ar:
            return "تواصل الدولة الطرف جهودها الرامية إلى ضمان حقوق الأطفال والنساء، وتصدّق على "
                   "البروتوكول الاختياري لاتفاقية مناهضة التعذيب، وتكفل التحقيق في جميع ادعاءات "
                   "التعذيب وسوء المعاملة بصورة فورية ونزيهة.";
        case Lang::fr:
            return "L’État partie devrait poursuivre ses efforts pour garantir les droits des "
                   "enfants et des femmes, ratifier le Protocole facultatif se rapportant à la "
                   "Convention contre la torture et veiller à ce que toutes les allégations "
                   "d'actes de torture fassent l'objet d'enquêtes promptes et impartiales.";
        case Lang::en:
            return "The State party should continue its efforts to guarantee the rights of "
                   "children and women, ratify the Optional Protocol to the Convention against "
                   "Torture and ensure that all allegations of torture and ill-treatment are "
                   "promptly and impartially investigated.";
    }
    return {};
}

std::vector<std::string> sample_lines(Lang lang) {
    const char* env = std::getenv("TAWSIYA_SHARED_CORPUS");
    const std::filesystem::path path = std::filesystem::path(env ? env : "../shared/corpus") /
                                       "parallel" / "unpc-devset" /
                                       ("UNv1.0.devset." + std::string(tawsiya::lang_code(lang)));
    std::vector<std::string> lines;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    if (lines.empty()) lines.push_back(builtin_paragraph(lang));
    return lines;
}

void BM_tokenize(benchmark::State& state, Lang lang) {
    const std::vector<std::string> lines = sample_lines(lang);
    std::size_t bytes = 0, tokens = 0, i = 0;
    for (auto _ : state) {
        const std::string& line = lines[i++ % lines.size()];
        const auto result = analyzer().tokenize(line, lang);
        benchmark::DoNotOptimize(result.data());
        bytes += line.size();
        tokens += result.size();
    }
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
    state.counters["tokens/s"] =
        benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_tokenize, ar, Lang::ar)->ThreadRange(1, 2);
BENCHMARK_CAPTURE(BM_tokenize, fr, Lang::fr)->ThreadRange(1, 2);
BENCHMARK_CAPTURE(BM_tokenize, en, Lang::en)->ThreadRange(1, 2);

// Bytes per second of `step` over the sample lines of `lang`, one line per iteration.
template <class Step>
void over_lines(benchmark::State& state, Lang lang, const Step& step) {
    const std::vector<std::string> lines = sample_lines(lang);
    std::size_t bytes = 0, i = 0;
    for (auto _ : state) {
        const std::string& line = lines[i++ % lines.size()];
        step(line);
        bytes += line.size();
    }
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_normalize(benchmark::State& state, Lang lang) {
    over_lines(state, lang, [](const std::string& line) {
        benchmark::DoNotOptimize(analyzer().normalize(line));
    });
}
BENCHMARK_CAPTURE(BM_normalize, ar, Lang::ar);
BENCHMARK_CAPTURE(BM_normalize, en, Lang::en);

// strip_lead_in (the addressing formula and phrase of effort, found in the text as the one
// TextNormalizer folds it): its cost beside tokenize() of the same lines, which request_stems
// runs after it.
void BM_strip_lead_in(benchmark::State& state, Lang lang) {
    over_lines(state, lang, [](const std::string& line) {
        benchmark::DoNotOptimize(tawsiya::strip_lead_in(line).data());
    });
}
BENCHMARK_CAPTURE(BM_strip_lead_in, ar, Lang::ar);
BENCHMARK_CAPTURE(BM_strip_lead_in, fr, Lang::fr);
BENCHMARK_CAPTURE(BM_strip_lead_in, en, Lang::en);

// Why the Analyzer clones a word break iterator once per thread: creating one per text costs
// more than breaking a sentence.
std::size_t count_words(icu::BreakIterator& breaker, const icu::UnicodeString& text) {
    breaker.setText(text);
    std::size_t words = 0;
    for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE; end = breaker.next())
        words += breaker.getRuleStatus() >= UBRK_WORD_NONE_LIMIT;
    return words;
}

void BM_break_iterator_per_call(benchmark::State& state) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(builtin_paragraph(Lang::en));
    for (auto _ : state) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> breaker(
            icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        benchmark::DoNotOptimize(count_words(*breaker, text));
    }
}
BENCHMARK(BM_break_iterator_per_call);

void BM_break_iterator_thread_local(benchmark::State& state) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(builtin_paragraph(Lang::en));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> breaker(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    for (auto _ : state) benchmark::DoNotOptimize(count_words(*breaker, text));
}
BENCHMARK(BM_break_iterator_thread_local);

}  // namespace

BENCHMARK_MAIN();
