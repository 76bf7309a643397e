// Test support: what "a usable index after a crash" means, checked the same way by the kill -9
// test and the fault-injection test.
#pragma once

#include <xapian.h>
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "tawsiya/record.hpp"
#include "tawsiya/schema.hpp"

namespace tawsiya::test {

// Opens the index and checks that each document is a whole record: its data parses, and its id
// term (once in the index) and text terms are there. Returns the number of documents.
inline std::size_t check_whole_records(const std::string& db_path) {
    Xapian::Database db(db_path);
    std::set<std::string> ids;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        const Record record = parse_record_json(doc.get_data());
        REQUIRE(db.get_termfreq(schema::id_term(record.id)) == 1);
        REQUIRE(doc.termlist_count() > 10);
        REQUIRE(ids.insert(record.id).second);
    }
    REQUIRE(ids.size() == db.get_doccount());
    return ids.size();
}

}  // namespace tawsiya::test
