// Aligned material for the translation trainer: the embedded lexicon, records with several
// language versions, and a line-aligned parallel corpus, each turned into content stems by the
// Analyzer exactly as the index's "Z" terms are.
#include <filesystem>
#include <fstream>

#include "engine/features.hpp"
#include "tawsiya/embedded.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/translation.hpp"

namespace fs = std::filesystem;

namespace tawsiya {

namespace {

std::vector<std::string> read_lines(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IndexError("cannot read " + path.string());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace

std::vector<AlignedSegment> lexicon_segments(const Analyzer& analyzer, double weight) {
    constexpr auto& kColumns = embedded::kLexiconColumns;
    std::vector<AlignedSegment> segments;
    for (const auto& file : embedded::lexicon_files()) {
        if (file.name != embedded::kLexiconTermsFile) continue;
        std::size_t start = 0;
        while (start < file.data.size()) {
            std::size_t end = file.data.find('\n', start);
            if (end == std::string_view::npos) end = file.data.size();
            const std::string_view line = file.data.substr(start, end - start);
            start = end + 1;
            if (line.empty() || line[0] == '#') continue;
            AlignedSegment segment;
            segment.weight = weight;
            std::size_t column = 0, field_start = 0;
            while (column < kColumns.size() && field_start <= line.size()) {
                std::size_t field_end = line.find('\t', field_start);
                if (field_end == std::string_view::npos) field_end = line.size();
                const Lang lang = kColumns[column++];
                auto stems = features::content_stems(
                    line.substr(field_start, field_end - field_start), lang, analyzer);
                if (!stems.empty()) segment.stems[lang] = std::move(stems);
                field_start = field_end + 1;
            }
            if (segment.stems.size() >= 2) segments.push_back(std::move(segment));
        }
    }
    return segments;
}

std::vector<AlignedSegment> record_segments(const std::vector<Record>& records,
                                            const Analyzer& analyzer) {
    std::vector<AlignedSegment> segments;
    for (const Record& record : records) {
        if (record.text.size() < 2) continue;
        AlignedSegment segment;
        for (const auto& [lang, text] : record.text) {
            auto stems = features::content_stems(text, lang, analyzer);
            if (!stems.empty()) segment.stems[lang] = std::move(stems);
        }
        if (segment.stems.size() >= 2) segments.push_back(std::move(segment));
    }
    return segments;
}

std::vector<AlignedSegment> parallel_segments(const std::string& dir, const Analyzer& analyzer) {
    // base name -> language -> file
    std::map<std::string, std::map<Lang, fs::path>> groups;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        const std::string extension = entry.path().extension().string();
        if (extension.size() != 3) continue;
        if (const auto lang = parse_lang(extension.substr(1)))
            groups[entry.path().stem().string()][*lang] = entry.path();
    }
    if (error) throw IndexError("cannot read the parallel corpus " + dir + ": " + error.message());
    std::vector<AlignedSegment> segments;
    for (const auto& [base, files] : groups) {
        if (files.size() < 2) continue;
        std::map<Lang, std::vector<std::string>> lines;
        for (const auto& [lang, path] : files) lines[lang] = read_lines(path);
        const auto& [first_lang, first] = *lines.begin();
        for (const auto& [lang, version] : lines)
            if (version.size() != first.size())
                throw InputError(files.at(lang).string(),
                                 std::min(version.size(), first.size()) + 1,
                                 "has " + std::to_string(version.size()) + " lines, " +
                                     files.at(first_lang).filename().string() + " has " +
                                     std::to_string(first.size()) + ": not aligned");
        for (std::size_t i = 0; i < first.size(); ++i) {
            AlignedSegment segment;
            for (const auto& [lang, version] : lines) {
                auto stems = features::content_stems(version[i], lang, analyzer);
                if (!stems.empty()) segment.stems[lang] = std::move(stems);
            }
            if (segment.stems.size() >= 2) segments.push_back(std::move(segment));
        }
    }
    if (segments.empty())
        throw IndexError("no aligned files (NAME.ar, NAME.en, NAME.fr) in " + dir);
    return segments;
}

}  // namespace tawsiya
