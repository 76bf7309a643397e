#include "stopword_list.hpp"

#include "tawsiya/embedded.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/text_scan.hpp"

namespace tawsiya::analysis {

namespace {

std::string_view embedded_list(Lang lang) {
    const std::string name = std::string(lang_code(lang)) + ".txt";
    for (const embedded::EmbeddedFile& file : embedded::stopword_files())
        if (file.name == name) return file.data;
    throw Error("stopword list " + name + " is not compiled into the binary");
}

}  // namespace

StopwordList::StopwordList(Lang lang, const TextNormalizer& normalizer) {
    std::string_view data = embedded_list(lang);
    while (!data.empty()) {
        const auto end = data.find('\n');
        std::string_view line = data.substr(0, end);
        data = end == std::string_view::npos ? std::string_view() : data.substr(end + 1);
        line = scan::trim(line.substr(0, line.find('#')));
        if (line.empty()) continue;
        const std::string normalized = normalizer.normalize(line, /*fold_case=*/true);
        // Normalizing may split a line ("jusqu'à" keeps only "a"): every word of it counts.
        std::size_t start = 0;
        while (start < normalized.size()) {
            std::size_t stop = normalized.find(' ', start);
            if (stop == std::string::npos) stop = normalized.size();
            if (stop > start) words_.emplace(normalized.substr(start, stop - start));
            start = stop + 1;
        }
    }
}

}  // namespace tawsiya::analysis
