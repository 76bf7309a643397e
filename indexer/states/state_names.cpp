// canonical_state and state_display_name: lookups of the state table by the key of a name.
#include "tawsiya/state_names.hpp"

#include <unordered_map>

#include "name_tokens.hpp"
#include "state_table.hpp"

namespace tawsiya {

namespace {

// Key of every name, in every language -> the state's row.
const std::unordered_map<std::string, const states::StateRow*>& rows_by_key() {
    static const auto map = [] {
        std::unordered_map<std::string, const states::StateRow*> by_key;
        for (const states::StateRow& row : states::state_rows()) {
            const auto add = [&](std::string_view form) {
                by_key.emplace(states::name_key(form), &row);
            };
            add(row.name);
            for (std::string_view list : {row.en, row.fr, row.ar}) states::for_each_form(list, add);
        }
        return by_key;
    }();
    return map;
}

const states::StateRow* find_row(std::string_view name) {
    if (name.empty()) return nullptr;
    const auto& map = rows_by_key();
    const auto found = map.find(states::name_key(name));
    return found == map.end() ? nullptr : found->second;
}

std::string_view first_form(std::string_view list) {
    return list.substr(0, list.find('|'));
}

// "le Maroc" -> "Maroc", "l’Algérie" -> "Algérie": a name in a list stands without its article.
std::string_view without_article(std::string_view french) {
    for (std::string_view article : {"le ", "la ", "les ", "l’", "l'"})
        if (french.substr(0, article.size()) == article) return french.substr(article.size());
    return french;
}

}  // namespace

std::optional<std::string> canonical_state(std::string_view name) {
    if (const states::StateRow* row = find_row(name)) return std::string(row->name);
    return std::nullopt;
}

bool is_state_name(std::string_view name) {
    return find_row(name) != nullptr;
}

std::string official_state_name(std::string_view name) {
    const states::StateRow* row = find_row(name);
    return row ? std::string(row->name) : std::string(name);
}

std::string state_display_name(std::string_view canonical, Lang lang) {
    const states::StateRow* row = find_row(canonical);
    if (!row) return std::string(canonical);
    switch (lang) {
        case Lang::fr:
            return std::string(without_article(first_form(row->fr)));
        case Lang::ar:
            return std::string(first_form(row->ar));
        case Lang::en:
            break;
    }
    return std::string(row->name);
}

}  // namespace tawsiya
