#include "records_sheet.h"

#include <map>
#include <optional>
#include <unordered_map>

#include "interchange/cell_value.h"
#include "interchange/value_index.h"
#include "record_summary.h"
#include "record_validation.h"

namespace traza::model {
namespace {

struct ColumnSpec {
    const char* key;
    FieldType type;
    Vocabulary vocabulary;
    bool required;
};

const ColumnSpec kColumns[] = {
    {"id", FieldType::Text, Vocabulary::None, true},
    {"flow", FieldType::Text, Vocabulary::None, true},
    {"date", FieldType::Date, Vocabulary::None, true},
    {"tonnes", FieldType::Number, Vocabulary::None, true},
    {"evidence", FieldType::Enumeration, Vocabulary::Evidence, false},
    {"document_type", FieldType::Text, Vocabulary::DocumentTypes, false},
    {"document_number", FieldType::Text, Vocabulary::None, false},
    {"payment", FieldType::Enumeration, Vocabulary::Payment, false},
    {"price_per_t", FieldType::Number, Vocabulary::None, false},
    {"notes", FieldType::Text, Vocabulary::None, false},
};
constexpr std::size_t kColumnCount = sizeof kColumns / sizeof kColumns[0];

// A field's key -> which chain JSON path piece names it in validation issues.
std::size_t columnOfPath(const std::string& field) {
    if (field.rfind("documents[", 0) == 0) return 5;
    for (std::size_t i = 0; i < kColumnCount; ++i)
        if (field == kColumns[i].key) return i;
    return 0;
}

// The problems of one import, in sheet order, capped as the chain import caps them.
struct Problems {
    std::vector<ImportProblem> list;
    std::size_t total = 0;
    void add(std::string where, std::string reason) {
        ++total;
        if (list.size() < SheetImportError::kMaxReported) list.push_back({std::move(where), std::move(reason)});
    }
};

// One record as read, with where its cells are.
struct SheetRecord {
    std::string flow;
    Record record;
    std::size_t row = 0;                    // index into table.rows of its first row
    std::vector<std::string> firstValues;  // the first row's cells as shown, by column spec
};

}  // namespace

const SheetTable* recordsSheet(const Workbook& book, const SpreadsheetWords& words) {
    for (const SheetTable& s : book.sheets)
        if (words.isSheet(SheetKind::Records, s.sheet)) return &s;
    return nullptr;
}

void importRecordsSheet(const SheetTable& table, Project& p, const SpreadsheetWords& words) {
    Problems problems;
    if (table.rows.empty()) return;  // an empty Records sheet: no records
    const std::vector<SheetCell>& head = table.rows[0];
    // Which spec each column is (none: a column to refuse), and where each spec is.
    std::vector<std::optional<std::size_t>> specOf(head.size());
    std::optional<std::size_t> columnOf[kColumnCount];
    for (std::size_t c = 0; c < head.size(); ++c) {
        if (head[c].kind == SheetCell::Kind::Empty) continue;
        const std::optional<std::string> field = words.columnField(SheetKind::Records, head[c].text);
        std::optional<std::size_t> spec;
        for (std::size_t s = 0; field && s < kColumnCount; ++s)
            if (*field == kColumns[s].key) spec = s;
        if (!spec) {
            std::string known;
            for (const ColumnSpec& s : kColumns) known += (known.empty() ? "" : ", ") + words.columnLabel(SheetKind::Records, s.key, "en");
            problems.add(table.location(head[c]), "unknown column \"" + head[c].text + "\" (the Records sheet has: " + known + ")");
        } else if (columnOf[*spec]) {
            problems.add(table.location(head[c]), "a second column means \"" + std::string(kColumns[*spec].key) + "\"");
        } else {
            specOf[c] = spec;
            columnOf[*spec] = c;
        }
    }
    for (std::size_t s = 0; s < kColumnCount; ++s)
        if (kColumns[s].required && !columnOf[s])
            problems.add(table.location(head.empty() ? 1 : head[0].line, 1),
                         "no column means \"" + std::string(kColumns[s].key) + "\" (required); name one \"" +
                             words.columnLabel(SheetKind::Records, kColumns[s].key, "en") + "\" or \"" +
                             words.columnLabel(SheetKind::Records, kColumns[s].key, "es") + "\"");
    if (problems.total > 0) throw SheetImportError(std::move(problems.list), problems.total);

    const ValueIndex values(words, p.catalogue);
    std::vector<SheetRecord> read;
    std::unordered_map<std::string, std::size_t> byId;  // record id -> index into read
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const std::vector<SheetCell>& row = table.rows[r];
        FieldValue got[kColumnCount];
        bool given[kColumnCount] = {};
        std::string shown[kColumnCount];
        for (std::size_t s = 0; s < kColumnCount; ++s) {
            if (!columnOf[s] || *columnOf[s] >= row.size()) continue;
            const SheetCell& cell = row[*columnOf[s]];
            if (cell.kind == SheetCell::Kind::Empty) continue;
            try {
                const FieldType type = kColumns[s].type;
                got[s] = readCell(table, cell, head[*columnOf[s]].text, {type, kColumns[s].vocabulary, 1, table.decimalMark}, values);
                given[s] = true;
                shown[s] = cell.text;
            } catch (const InvalidInput& e) {
                problems.add(e.where(), e.reason());
            }
        }
        const auto where = [&](std::size_t s) { return table.location(r < table.rows.size() && columnOf[s] ? row[*columnOf[s]] : row.front()); };
        // Required cells: the id on every row, the rest on a record's first row only.
        const bool repeat = given[0] && byId.count(std::get<std::string>(got[0])) > 0;
        for (std::size_t s = 0; s < (repeat ? 1 : 4); ++s)
            if (!given[s] && columnOf[s] && row[*columnOf[s]].kind == SheetCell::Kind::Empty)
                problems.add(where(s), head[*columnOf[s]].text + ": required, empty");
        if (!given[0]) continue;
        const std::string id = std::get<std::string>(got[0]);
        RecordDocument document;
        if (given[5]) {
            const std::string& text = std::get<std::string>(got[5]);
            const std::string* known = values.value(Vocabulary::DocumentTypes, text);
            document.type = known ? *known : text;  // an unknown type is named by validation
        }
        if (given[6]) document.number = std::get<std::string>(got[6]);
        if (!given[5] && given[6]) problems.add(where(6), head[*columnOf[6]].text + ": a document number needs its document type");
        const auto again = byId.find(id);
        if (again != byId.end()) {
            // A further row of the record: one more document; other cells empty or the same.
            SheetRecord& first = read[again->second];
            for (std::size_t s = 1; s < kColumnCount; ++s)
                if (s != 5 && s != 6 && given[s] && shown[s] != first.firstValues[s])
                    problems.add(where(s), head[*columnOf[s]].text + ": record \"" + id + "\" is given again (first at row " +
                                               std::to_string(table.rows[first.row].front().line) +
                                               ") with another value; repeat only the document columns, or leave the others empty");
            if (given[5]) first.record.documents.push_back(std::move(document));
            continue;
        }
        SheetRecord rec;
        rec.row = r;
        rec.record.id = id;
        if (given[1]) rec.flow = std::get<std::string>(got[1]);
        if (given[2]) rec.record.date = std::get<std::string>(got[2]);
        if (given[3]) rec.record.tonnes = std::get<double>(got[3]);
        if (given[4]) rec.record.evidence = parseEvidence(std::get<std::string>(got[4])).value_or(Evidence::None);
        if (given[5]) rec.record.documents.push_back(std::move(document));
        if (given[7]) rec.record.payment = parsePayment(std::get<std::string>(got[7])).value_or(Payment::Unknown);
        if (given[8]) rec.record.pricePerT = std::get<double>(got[8]);
        if (given[9]) rec.record.notes = std::get<std::string>(got[9]);
        rec.firstValues.assign(std::begin(shown), std::end(shown));
        byId.emplace(id, read.size());
        read.push_back(std::move(rec));
    }
    if (problems.total > 0) throw SheetImportError(std::move(problems.list), problems.total);

    // Each record checked against its flow, as chain JSON checks "records[k]".
    std::unordered_map<std::string, std::size_t> flowIndex;
    for (std::size_t i = 0; i < p.flows.size(); ++i) flowIndex.emplace(p.flows[i].id, i);
    const Catalogue* cat = p.catalogue.actorKinds.empty() ? nullptr : &p.catalogue;
    const auto cellOf = [&](const SheetRecord& rec, std::size_t s) {
        const std::vector<SheetCell>& row = table.rows[rec.row];
        return table.location(columnOf[s] ? row[*columnOf[s]] : row.front());
    };
    for (const SheetRecord& rec : read) {
        const auto at = flowIndex.find(rec.flow);
        if (at == flowIndex.end()) {
            problems.add(cellOf(rec, 1), head[*columnOf[1]].text + ": no flow has id \"" + rec.flow + "\"");
            continue;
        }
        for (const ValidationIssue& issue : validateRecord(rec.record, p.flows[at->second], p.assessment.period, "", cat)) {
            const std::size_t s = columnOfPath(issue.path.substr(1));  // ".date" -> "date"
            problems.add(cellOf(rec, columnOf[s] ? s : 0), (columnOf[s] ? head[*columnOf[s]].text + ": " : "") + issue.reason);
        }
    }
    if (problems.total > 0) throw SheetImportError(std::move(problems.list), problems.total);

    Project out = p;  // nothing half-applied: the flows change only when all is well
    for (SheetRecord& rec : read) out.flows[flowIndex.at(rec.flow)].records.push_back(std::move(rec.record));
    for (std::size_t i = 0; i < out.flows.size(); ++i) {
        Flow& f = out.flows[i];
        if (f.records.empty()) continue;
        const double sum = recordsTonnes(f);
        if (!sameTonnes(f.tonnes, sum))
            problems.add(table.file + ": " + table.sheet,
                         "flow \"" + f.id + "\" has " + std::to_string(f.records.size()) + " records adding up to " + numberAsText(sum) +
                             " t, but the Flows sheet gives it " + numberAsText(f.tonnes) + " t; they must be equal");
        applyRecordSummary(f);
    }
    if (problems.total > 0) throw SheetImportError(std::move(problems.list), problems.total);
    p = std::move(out);
}

}  // namespace traza::model
