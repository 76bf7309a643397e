#include "state_names.hpp"

#include <array>
#include <cctype>
#include <unordered_map>

namespace tawsiya::readers {
namespace {

// UN member and observer states: official short names, then the variants sources use.
constexpr std::array kStateNames = {"Afghanistan",
                                    "Albania",
                                    "Algeria",
                                    "Andorra",
                                    "Angola",
                                    "Antigua and Barbuda",
                                    "Argentina",
                                    "Armenia",
                                    "Australia",
                                    "Austria",
                                    "Azerbaijan",
                                    "Bahamas",
                                    "Bahrain",
                                    "Bangladesh",
                                    "Barbados",
                                    "Belarus",
                                    "Belgium",
                                    "Belize",
                                    "Benin",
                                    "Bhutan",
                                    "Bolivia (Plurinational State of)",
                                    "Bolivia",
                                    "Bosnia and Herzegovina",
                                    "Botswana",
                                    "Brazil",
                                    "Brunei Darussalam",
                                    "Brunei",
                                    "Bulgaria",
                                    "Burkina Faso",
                                    "Burundi",
                                    "Cabo Verde",
                                    "Cape Verde",
                                    "Cambodia",
                                    "Cameroon",
                                    "Canada",
                                    "Central African Republic",
                                    "Chad",
                                    "Chile",
                                    "China",
                                    "Colombia",
                                    "Comoros",
                                    "Congo",
                                    "Republic of Congo",
                                    "Republic of the Congo",
                                    "Costa Rica",
                                    "Côte d'Ivoire",
                                    "Ivory Coast",
                                    "Croatia",
                                    "Cuba",
                                    "Cyprus",
                                    "Czechia",
                                    "Czech Republic",
                                    "Democratic People's Republic of Korea",
                                    "DPR Korea",
                                    "North Korea",
                                    "Democratic Republic of the Congo",
                                    "Democratic Republic of Congo",
                                    "DR Congo",
                                    "Denmark",
                                    "Djibouti",
                                    "Dominica",
                                    "Dominican Republic",
                                    "Ecuador",
                                    "Egypt",
                                    "El Salvador",
                                    "Equatorial Guinea",
                                    "Eritrea",
                                    "Estonia",
                                    "Eswatini",
                                    "Swaziland",
                                    "Ethiopia",
                                    "Fiji",
                                    "Finland",
                                    "France",
                                    "Gabon",
                                    "Gambia",
                                    "Georgia",
                                    "Germany",
                                    "Ghana",
                                    "Greece",
                                    "Grenada",
                                    "Guatemala",
                                    "Guinea",
                                    "Guinea-Bissau",
                                    "Guinea Bissau",
                                    "Guyana",
                                    "Haiti",
                                    "Holy See",
                                    "Honduras",
                                    "Hungary",
                                    "Iceland",
                                    "India",
                                    "Indonesia",
                                    "Iran (Islamic Republic of)",
                                    "Iran",
                                    "Iraq",
                                    "Ireland",
                                    "Israel",
                                    "Italy",
                                    "Jamaica",
                                    "Japan",
                                    "Jordan",
                                    "Kazakhstan",
                                    "Kenya",
                                    "Kiribati",
                                    "Kuwait",
                                    "Kyrgyzstan",
                                    "Lao People's Democratic Republic",
                                    "Laos",
                                    "Latvia",
                                    "Lebanon",
                                    "Lesotho",
                                    "Liberia",
                                    "Libya",
                                    "Libyan Arab Jamahiriya",
                                    "Liechtenstein",
                                    "Lithuania",
                                    "Luxembourg",
                                    "Madagascar",
                                    "Malawi",
                                    "Malaysia",
                                    "Maldives",
                                    "Mali",
                                    "Malta",
                                    "Marshall Islands",
                                    "Mauritania",
                                    "Mauritius",
                                    "Mexico",
                                    "Micronesia (Federated States of)",
                                    "Micronesia",
                                    "Monaco",
                                    "Mongolia",
                                    "Montenegro",
                                    "Morocco",
                                    "Mozambique",
                                    "Myanmar",
                                    "Namibia",
                                    "Nauru",
                                    "Nepal",
                                    "Netherlands",
                                    "Netherlands (Kingdom of the)",
                                    "New Zealand",
                                    "Nicaragua",
                                    "Niger",
                                    "Nigeria",
                                    "North Macedonia",
                                    "The former Yugoslav Republic of Macedonia",
                                    "Macedonia FYR",
                                    "Macedonia",
                                    "Norway",
                                    "Oman",
                                    "Pakistan",
                                    "Palau",
                                    "Panama",
                                    "Papua New Guinea",
                                    "Paraguay",
                                    "Peru",
                                    "Philippines",
                                    "Poland",
                                    "Portugal",
                                    "Qatar",
                                    "Republic of Korea",
                                    "South Korea",
                                    "Republic of Moldova",
                                    "Moldova",
                                    "Romania",
                                    "Russian Federation",
                                    "Russia",
                                    "Rwanda",
                                    "Saint Kitts and Nevis",
                                    "Saint Lucia",
                                    "Saint Vincent and the Grenadines",
                                    "Samoa",
                                    "San Marino",
                                    "Sao Tome and Principe",
                                    "Saudi Arabia",
                                    "Senegal",
                                    "Serbia",
                                    "Seychelles",
                                    "Sierra Leone",
                                    "Singapore",
                                    "Slovakia",
                                    "Slovenia",
                                    "Solomon Islands",
                                    "Somalia",
                                    "South Africa",
                                    "South Sudan",
                                    "Spain",
                                    "Sri Lanka",
                                    "State of Palestine",
                                    "Palestine",
                                    "Sudan",
                                    "Suriname",
                                    "Sweden",
                                    "Switzerland",
                                    "Syrian Arab Republic",
                                    "Syria",
                                    "Tajikistan",
                                    "Thailand",
                                    "Timor-Leste",
                                    "Togo",
                                    "Tonga",
                                    "Trinidad and Tobago",
                                    "Tunisia",
                                    "Türkiye",
                                    "Turkey",
                                    "Turkmenistan",
                                    "Tuvalu",
                                    "Uganda",
                                    "Ukraine",
                                    "United Arab Emirates",
                                    "United Kingdom of Great Britain and Northern Ireland",
                                    "United Kingdom",
                                    "United Republic of Tanzania",
                                    "Tanzania",
                                    "United States of America",
                                    "United States",
                                    "Uruguay",
                                    "Uzbekistan",
                                    "Vanuatu",
                                    "Venezuela (Bolivarian Republic of)",
                                    "Venezuela",
                                    "Viet Nam",
                                    "Vietnam",
                                    "Yemen",
                                    "Zambia",
                                    "Zimbabwe"};

// Other names of the same state, as sources write them, and the UN's official short name.
constexpr std::array<std::pair<const char*, const char*>, 36> kAliases{
    {{"Bolivia", "Bolivia (Plurinational State of)"},
     {"Brunei", "Brunei Darussalam"},
     {"Cape Verde", "Cabo Verde"},
     {"Republic of Congo", "Congo"},
     {"Republic of the Congo", "Congo"},
     {"Ivory Coast", "Côte d'Ivoire"},
     {"Czech Republic", "Czechia"},
     {"DPR Korea", "Democratic People's Republic of Korea"},
     {"North Korea", "Democratic People's Republic of Korea"},
     {"Democratic Republic of Congo", "Democratic Republic of the Congo"},
     {"DR Congo", "Democratic Republic of the Congo"},
     {"Swaziland", "Eswatini"},
     {"Guinea Bissau", "Guinea-Bissau"},
     {"Iran", "Iran (Islamic Republic of)"},
     {"Laos", "Lao People's Democratic Republic"},
     {"Libyan Arab Jamahiriya", "Libya"},
     {"Micronesia", "Micronesia (Federated States of)"},
     {"Netherlands (Kingdom of the)", "Netherlands"},
     {"The former Yugoslav Republic of Macedonia", "North Macedonia"},
     {"Macedonia FYR", "North Macedonia"},
     {"Macedonia", "North Macedonia"},
     {"South Korea", "Republic of Korea"},
     {"Moldova", "Republic of Moldova"},
     {"Russia", "Russian Federation"},
     {"Palestine", "State of Palestine"},
     {"Syria", "Syrian Arab Republic"},
     {"Turkey", "Türkiye"},
     {"United Kingdom", "United Kingdom of Great Britain and Northern Ireland"},
     {"Tanzania", "United Republic of Tanzania"},
     {"United States", "United States of America"},
     {"Venezuela", "Venezuela (Bolivarian Republic of)"},
     {"Bolivarian Republic of Venezuela", "Venezuela (Bolivarian Republic of)"},
     {"Vietnam", "Viet Nam"},
     {"Sao Tome & Principe", "Sao Tome and Principe"},
     {"Kyrgysztan", "Kyrgyzstan"},
     {"Islamic Republic of Iran", "Iran (Islamic Republic of)"}}};

// Latin letters with diacritics that state names use, folded to ASCII.
std::string fold_utf8_latin(std::string_view s) {
    static const std::array<std::pair<std::string_view, char>, 24> kFold{
        {{"ô", 'o'},  {"ó", 'o'}, {"ö", 'o'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'},
         {"ë", 'e'},  {"á", 'a'}, {"à", 'a'}, {"â", 'a'}, {"ã", 'a'}, {"ü", 'u'},
         {"ú", 'u'},  {"í", 'i'}, {"î", 'i'}, {"ç", 'c'}, {"ñ", 'n'}, {"’", '\''},
         {"‘", '\''}, {"Ô", 'o'}, {"É", 'e'}, {"Ü", 'u'}, {"–", '-'}, {"\xC2\xA0", ' '}}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool folded = false;
        for (const auto& [from, to] : kFold)
            if (s.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                folded = true;
                break;
            }
        if (!folded) out += s[i++];
    }
    return out;
}

}  // namespace

std::string state_name_key(std::string_view name) {
    const std::string folded = fold_utf8_latin(name);
    std::string words;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        if (word == "&") word = "and";
        if (word == "st" || word == "st.") word = "saint";
        if (!(words.empty() && word == "the")) words += (words.empty() ? "" : " ") + word;
        word.clear();
    };
    for (char c : folded) {
        if (std::isspace(static_cast<unsigned char>(c)))
            flush();
        else
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    flush();
    return words;
}

namespace {

// Key -> official name, for every name and alias.
const std::unordered_map<std::string, std::string>& official_names() {
    static const std::unordered_map<std::string, std::string> names = [] {
        std::unordered_map<std::string, std::string> map;
        for (const char* n : kStateNames) map.emplace(state_name_key(n), n);
        for (const auto& [alias, official] : kAliases) map[state_name_key(alias)] = official;
        return map;
    }();
    return names;
}

}  // namespace

bool is_state_name(std::string_view name) {
    return official_names().count(state_name_key(name)) != 0;
}

std::string official_state_name(std::string_view name) {
    const auto it = official_names().find(state_name_key(name));
    return it == official_names().end() ? std::string(name) : it->second;
}

}  // namespace tawsiya::readers
