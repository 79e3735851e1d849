#include "csv_import.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <map>
#include <regex>

#include "csv_reader.h"
#include "error.h"
#include "spreadsheet/csv_sheet.h"
#include "spreadsheet/locale_number.h"
#include "validation.h"

namespace traza::model {
namespace {

const std::vector<std::string_view> kActorColumns{"id", "name", "kind", "stage", "country", "region", "formality",
                                                  "headcount", "capacity_t", "stock_change_t", "loss_t",
                                                  "public_service_provider", "risk_factors", "notes"};
const std::vector<std::string_view> kFlowColumns{"id", "from", "to", "material", "tonnes", "documented_t", "evidence",
                                                 "documents", "payment", "price_per_t", "typology", "period_start",
                                                 "period_end", "notes"};

std::string joined(const std::vector<std::string_view>& names) {
    std::string s;
    for (std::string_view n : names) s += (s.empty() ? "" : ", ") + std::string(n);
    return s;
}

// One CSV file: its header mapped to column positions, and its data rows.
struct Table {
    std::string file;
    std::map<std::string, std::size_t, std::less<>> columns;  ///< name -> 1-based column
    std::vector<CsvRecord> rows;
    DecimalMark decimalMark = DecimalMark::Unknown;  ///< as the file's numbers show it
    bool markShown = false;  ///< the numbers show a mark, or both marks (a conflict)
};

Table parseTable(std::string_view text, const std::string& file, const std::vector<std::string_view>& known,
                 const std::vector<std::string_view>& required) {
    Table t;
    t.file = file;
    if (text.size() > maxCsvBytes)
        throw InvalidInput(csvLocation(t.file, 1, 1), "text too large (" + std::to_string(text.size()) +
                                                          " bytes; CSV import is limited to " + std::to_string(maxCsvBytes >> 20) + " MiB)");
    CsvDocument doc = readCsvDocument(text, t.file);
    t.decimalMark = doc.decimalMark;
    t.markShown = doc.decimalMark != DecimalMark::Unknown || doc.decimalMarksConflict;
    std::vector<CsvRecord>& records = doc.records;
    if (records.empty()) throw InvalidInput(csvLocation(t.file, 1, 1), "empty file; the first line must name the columns (" + joined(required) + ", ...)");
    const CsvRecord& header = records.front();
    for (const CsvField& f : header.fields) {
        const std::string where = csvLocation(t.file, f.line, f.column);
        if (f.value.empty()) throw InvalidInput(where, "empty column name in the header row");
        if (std::find(known.begin(), known.end(), f.value) == known.end())
            throw InvalidInput(where, "unknown column \"" + f.value + "\"; the columns are: " + joined(known));
        if (auto [it, fresh] = t.columns.emplace(f.value, f.column); !fresh)
            throw InvalidInput(where, "column \"" + f.value + "\" appears twice (also column " + std::to_string(it->second) + ")");
    }
    for (std::string_view name : required)
        if (!t.columns.count(name))
            throw InvalidInput(csvLocation(t.file, header.line, 1), "missing required column \"" + std::string(name) + "\"");
    const std::size_t width = header.fields.size();
    for (std::size_t i = 1; i < records.size(); ++i) {
        const CsvRecord& r = records[i];
        // A row of empty fields (";;;;", as Excel writes below a table) is a blank line.
        if (std::all_of(r.fields.begin(), r.fields.end(), [](const CsvField& f) { return !f.quoted && f.value.empty(); })) continue;
        if (r.fields.size() > width)
            throw InvalidInput(csvLocation(t.file, r.fields[width].line, width + 1),
                               "this row has " + std::to_string(r.fields.size()) + " fields but the header names " + std::to_string(width));
        if (r.fields.size() < width)
            throw InvalidInput(csvLocation(t.file, r.fields.back().line, r.fields.size()),
                               "this row has " + std::to_string(r.fields.size()) + " fields but the header names " + std::to_string(width));
        t.rows.push_back(r);
    }
    return t;
}

// Typed access to one row; every error names file, line and the field's column.
class RowReader {
public:
    RowReader(const Table& t, const CsvRecord& r) : m_table(t), m_row(r) {}

    const CsvField* field(std::string_view column) const {
        auto it = m_table.columns.find(column);
        return it == m_table.columns.end() ? nullptr : &m_row.fields[it->second - 1];
    }
    std::string text(std::string_view column) const {
        const CsvField* f = field(column);
        return f ? f->value : std::string();
    }
    std::string required(std::string_view column) const {
        std::string v = text(column);
        if (v.empty()) fail(column, "required value is empty");
        return v;
    }
    double number(std::string_view column, bool isRequired = false) const {
        const std::string v = isRequired ? required(column) : text(column);
        if (v.empty()) return 0;
        std::string whyNot;
        const std::optional<double> out = parseLocaleNumber(v, m_table.decimalMark, &whyNot);
        if (!out) fail(column, whyNot);
        return *out;
    }
    int integer(std::string_view column) const {
        const std::string v = text(column);
        if (v.empty()) return 0;
        const std::optional<double> out = parseLocaleNumber(v, m_table.decimalMark);
        if (!out || *out != std::trunc(*out) || std::abs(*out) > std::numeric_limits<int>::max())
            fail(column, "not a whole number (\"" + v + "\")");
        return static_cast<int>(*out);
    }
    bool boolean(std::string_view column) const {
        std::string v = text(column);
        std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (v.empty() || v == "false" || v == "no" || v == "0") return false;
        if (v == "true" || v == "yes" || v == "1") return true;
        fail(column, "not a yes/no value (\"" + text(column) + "\"); use true, false, yes, no, 1 or 0");
    }
    // "a; b;c" -> {"a", "b", "c"}; empty items are dropped.
    std::vector<std::string> list(std::string_view column) const {
        std::vector<std::string> out;
        const std::string v = text(column);
        std::size_t start = 0;
        while (start <= v.size()) {
            std::size_t end = v.find(';', start);
            if (end == std::string::npos) end = v.size();
            std::string item = v.substr(start, end - start);
            item.erase(0, item.find_first_not_of(" \t"));
            item.erase(item.find_last_not_of(" \t") + 1);
            if (!item.empty()) out.push_back(item);
            start = end + 1;
        }
        return out;
    }
    template <typename E, typename Parse>
    E enumeration(std::string_view column, E fallback, Parse parse, const std::vector<std::string_view>& names) const {
        const std::string v = text(column);
        if (v.empty()) return fallback;
        if (auto e = parse(v)) return *e;
        fail(column, "unknown value \"" + v + "\"; " + allowedValues(names));
    }

    std::string where(std::string_view column) const {
        const CsvField* f = field(column);
        return f ? csvLocation(m_table.file, f->line, f->column) : csvLocation(m_table.file, m_row.line, 1);
    }
    [[noreturn]] void fail(std::string_view column, const std::string& reason) const {
        throw InvalidInput(where(column), std::string(column) + ": " + reason);
    }

private:
    const Table& m_table;
    const CsvRecord& m_row;
};

Actor readActor(const RowReader& r) {
    Actor a;
    a.id = r.required("id");
    a.name = r.text("name");
    r.required("kind");
    a.kind = r.enumeration("kind", ActorKind::Other, parseActorKind, actorKindNames());
    if (!r.text("stage").empty()) a.stage = r.integer("stage");
    else if (a.kind == ActorKind::Other) r.fail(r.field("stage") ? "stage" : "kind", "kind \"other\" needs a stage (1 to 9)");
    else a.stage = defaultStage(a.kind);
    a.country = r.text("country");
    a.region = r.text("region");
    a.formality = r.enumeration("formality", Formality::Informal, parseFormality, formalityNames());
    a.headcount = r.integer("headcount");
    a.capacityT = r.number("capacity_t");
    a.stockChangeT = r.number("stock_change_t");
    a.lossT = r.number("loss_t");
    a.publicServiceProvider = r.boolean("public_service_provider");
    a.riskFactors = r.list("risk_factors");
    a.notes = r.text("notes");
    return a;
}

Flow readFlow(const RowReader& r) {
    Flow f;
    f.id = r.required("id");
    f.from = r.required("from");
    f.to = r.required("to");
    f.material = r.text("material");
    f.tonnes = r.number("tonnes", true);
    f.documentedT = r.number("documented_t");
    f.evidence = r.enumeration("evidence", Evidence::None, parseEvidence, evidenceNames());
    f.documents = r.list("documents");
    f.payment = r.enumeration("payment", Payment::Unknown, parsePayment, paymentNames());
    f.pricePerT = r.number("price_per_t");
    f.typology = r.text("typology");
    f.periodStart = r.text("period_start");
    f.periodEnd = r.text("period_end");
    f.notes = r.text("notes");
    return f;
}

// validateProject speaks JSON paths ("flows[4].period.start"); turn one back into
// the CSV file, line and column of that field ("period_start").
[[noreturn]] void throwAtCsv(const ValidationIssue& issue, const Table& actors, const Table& flows) {
    static const std::regex re(R"(^(actors|flows)\[(\d+)\]\.([a-z_]+(\.[a-z_]+)?))");
    std::smatch m;
    if (std::regex_search(issue.path, m, re)) {
        const Table& t = m[1] == "actors" ? actors : flows;
        const std::size_t index = std::stoul(m[2]);
        std::string column = m[3];
        std::replace(column.begin(), column.end(), '.', '_');
        if (index < t.rows.size()) RowReader(t, t.rows[index]).fail(column, issue.reason);
    }
    throw InvalidInput(actors.file, issue.path + ": " + issue.reason);
}

// The two files come from one spreadsheet: when only one of them shows its
// decimal mark (an actors file often has no decimals), the other is read with it.
Project projectFromTables(Table& actors, Table& flows, const Catalogue& catalogue) {
    if (!actors.markShown) actors.decimalMark = flows.decimalMark;
    if (!flows.markShown) flows.decimalMark = actors.decimalMark;
    Project p;
    p.catalogue = catalogue;
    for (const CsvRecord& row : actors.rows) p.actors.push_back(readActor(RowReader(actors, row)));
    for (const CsvRecord& row : flows.rows) p.flows.push_back(readFlow(RowReader(flows, row)));
    if (auto issues = validateProject(p); !issues.empty()) throwAtCsv(issues.front(), actors, flows);
    return p;
}

}  // namespace

Project readProjectCsv(const std::filesystem::path& actorsCsv, const std::filesystem::path& flowsCsv, const Catalogue& catalogue) {
    // Each file is read and parsed before the next is opened, so the first error met is the one reported.
    Table actors = parseTable(readCsvBytes(actorsCsv), actorsCsv.string(), kActorColumns, {"id", "kind"});
    Table flows = parseTable(readCsvBytes(flowsCsv), flowsCsv.string(), kFlowColumns, {"id", "from", "to", "tonnes"});
    return projectFromTables(actors, flows, catalogue);
}

Project projectFromCsv(std::string_view actorsText, std::string_view flowsText, const Catalogue& catalogue,
                       const std::string& actorsName, const std::string& flowsName) {
    Table actors = parseTable(actorsText, actorsName, kActorColumns, {"id", "kind"});
    Table flows = parseTable(flowsText, flowsName, kFlowColumns, {"id", "from", "to", "tonnes"});
    return projectFromTables(actors, flows, catalogue);
}

}  // namespace traza::model
