// index_dump DB: everything an index holds, as text, so that two indexes can be compared with
// diff (issue 11: a faster `tawsiya index` must make the same index). Prints the counts, every
// metadata key, every term with its frequencies, then each document in docid order: its length,
// data, values, and each term with its wdf and positions.
//
//   build/index_dump /tmp/a > a.txt && build/index_dump /tmp/b > b.txt && cmp a.txt b.txt
#include <xapian.h>

#include <cstdio>
#include <iostream>
#include <string>

namespace {

// Data and values may hold any byte: escaped so that the dump is one line per item.
std::string escaped(const std::string& bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u == '\\') {
            out += "\\\\";
        } else if (u < 0x20 || u == 0x7f) {
            char hex[5];
            std::snprintf(hex, sizeof hex, "\\x%02x", u);
            out += hex;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: index_dump DB\n";
        return 2;
    }
    try {
        const Xapian::Database db(argv[1]);
        std::ostream& out = std::cout;
        out << "doccount " << db.get_doccount() << "\nlastdocid " << db.get_lastdocid()
            << "\ntotal_length " << db.get_total_length() << "\n";
        for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k)
            out << "metadata " << escaped(*k) << " = " << escaped(db.get_metadata(*k)) << "\n";
        for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t)
            out << "term " << escaped(*t) << " tf " << t.get_termfreq() << " cf "
                << db.get_collection_freq(*t) << "\n";
        for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
            const Xapian::Document doc = db.get_document(*d);
            out << "doc " << *d << " length " << db.get_doclength(*d) << "\n data "
                << escaped(doc.get_data()) << "\n";
            for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
                out << " value " << v.get_valueno() << " " << escaped(*v) << "\n";
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                out << " " << escaped(*t) << " wdf " << t.get_wdf() << " at";
                for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
                    out << " " << *p;
                out << "\n";
            }
        }
        out.flush();
        return out ? 0 : 1;
    } catch (const Xapian::Error& e) {
        std::cerr << argv[1] << ": " << e.get_description() << "\n";
        return 1;
    }
}
