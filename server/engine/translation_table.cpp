// The translation table in memory and on disk. DIR/tawsiya-translations.tsv, UTF-8 text:
//   tawsiya-translations<TAB>1
//   # <what it was trained on>
//   <from><TAB><to><TAB><source stem><TAB><target stem> <p><TAB><target stem> <p>...
// Stems never hold spaces or tabs (they come out of word breaking).
#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "tawsiya/error.hpp"
#include "tawsiya/open_index.hpp"
#include "tawsiya/translation.hpp"

namespace fs = std::filesystem;

namespace tawsiya {

namespace {

constexpr std::string_view kHeader = "tawsiya-translations\t1";
constexpr std::string_view kFileName = "tawsiya-translations.tsv";

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t end; (end = line.find(separator, start)) != std::string::npos; start = end + 1)
        parts.push_back(line.substr(start, end - start));
    parts.push_back(line.substr(start));
    return parts;
}

}  // namespace

const std::vector<Translation>* TranslationTable::find(Lang from, Lang to,
                                                       const std::string& stem) const {
    const auto& table = tables_(from, to);
    const auto it = table.find(stem);
    return it == table.end() ? nullptr : &it->second;
}

void TranslationTable::set(Lang from, Lang to, const std::string& stem,
                           std::vector<Translation> translations) {
    tables_(from, to)[stem] = std::move(translations);
}

std::size_t TranslationTable::size() const {
    std::size_t n = 0;
    for (const auto& table : tables_) n += table.size();
    return n;
}

void TranslationTable::save(const std::string& path) const {
    const std::string temporary = path + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary);
        out << kHeader << "\n# " << description << "\n";
        for (const Lang from : kAllLangs)
            for (const Lang to : kAllLangs) {
                if (from == to) continue;
                // Sorted, so the same training writes the same file.
                const auto& table = tables_(from, to);
                std::map<std::string, const std::vector<Translation>*> sorted;
                for (const auto& [stem, list] : table) sorted.emplace(stem, &list);
                for (const auto& [stem, list] : sorted) {
                    out << lang_code(from) << '\t' << lang_code(to) << '\t' << stem;
                    for (const Translation& t : *list) {
                        char p[32];
                        std::snprintf(p, sizeof p, "%.4f", t.p);
                        out << '\t' << t.stem << ' ' << p;
                    }
                    out << '\n';
                }
            }
        if (!out.flush()) throw IndexError("cannot write the translations " + temporary);
    }
    std::error_code error;
    fs::rename(temporary, path, error);
    if (error) throw IndexError("cannot write the translations " + path + ": " + error.message());
}

TranslationTable TranslationTable::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, 0, "cannot be opened");
    TranslationTable table;
    std::string line;
    std::size_t number = 0;
    if (!std::getline(in, line) || line != kHeader)
        throw InputError(path, 1,
                         "not a translation table (expected '" + std::string(kHeader) + "')");
    ++number;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty()) continue;
        if (line[0] == '#') {
            if (table.description.empty())
                table.description = line.substr(line.find_first_not_of("# "));
            continue;
        }
        const auto fields = split(line, '\t');
        const auto from = parse_lang(fields[0]);
        const auto to = fields.size() > 1 ? parse_lang(fields[1]) : std::nullopt;
        if (fields.size() < 4 || !from || !to || *from == *to || fields[2].empty())
            throw InputError(path, number, "expected from<TAB>to<TAB>stem<TAB>translation p...");
        std::vector<Translation> list;
        for (std::size_t i = 3; i < fields.size(); ++i) {
            const std::size_t space = fields[i].rfind(' ');
            double p = 0;
            if (space == std::string::npos || space == 0 ||
                !(std::istringstream(fields[i].substr(space + 1)) >> p) || !(p > 0 && p <= 1))
                throw InputError(path, number,
                                 "bad translation '" + fields[i] + "' (expected 'stem p', 0<p<=1)");
            list.push_back({fields[i].substr(0, space), p});
        }
        table.set(*from, *to, fields[2], std::move(list));
    }
    return table;
}

std::string translations_path(const std::string& db_dir) {
    return (fs::path(index_files_dir(db_dir)) / kFileName).string();  // shards too
}

std::shared_ptr<const TranslationTable> load_translations(const std::string& db_dir,
                                                          const Analyzer& analyzer) {
    const std::string path = translations_path(db_dir);
    if (fs::exists(path)) {
        try {
            return std::make_shared<const TranslationTable>(TranslationTable::read(path));
        } catch (const InputError& e) {
            throw IndexError(std::string("cannot read the translations: ") + e.what());
        }
    }
    return lexicon_translations(analyzer);
}

std::shared_ptr<const TranslationTable> lexicon_translations(const Analyzer& analyzer) {
    // Trained once per process: the lexicon is compiled in and the same for every index.
    static std::once_flag once;
    static std::shared_ptr<const TranslationTable> lexicon_only;
    std::call_once(once, [&] {
        TranslationOptions options;
        options.min_source_count = 1;
        auto table = train_translations(lexicon_segments(analyzer, 1.0), options);
        table.description = "the embedded lexicon only";
        lexicon_only = std::make_shared<const TranslationTable>(std::move(table));
    });
    return lexicon_only;
}

}  // namespace tawsiya
