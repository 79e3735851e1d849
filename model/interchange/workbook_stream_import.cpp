#include "workbook_stream_import.h"

#include <deque>
#include <future>
#include <map>

#include "row_reader.h"
#include "sheet_columns.h"
#include "spreadsheet/spreadsheet_file.h"
#include "spreadsheet/xlsx_reader.h"
#include "spreadsheet/zip_archive.h"
#include "store/project_file_writer.h"
#include "validation.h"

namespace traza::model {
namespace {

// Thrown by a sheet's row sink when the streamed import cannot accept the
// workbook; not a traza::Error, so that nothing on the way mistakes it for a refusal.
struct GiveUp {};

// One sheet's rows turned into records as they arrive (the RowSink of that sheet).
template <typename Record, typename Fields>
class StreamedSheet {
public:
    StreamedSheet(SheetKind kind, const Fields& fields, const ColumnMapping& rules, const SpreadsheetWords& words, const ValueIndex& values)
        : m_kind(kind), m_fields(fields), m_rules(rules), m_words(words), m_values(values) {}

    RowSink sink(const std::string& file, const std::string& sheet) {
        m_shell.file = file;
        m_shell.sheet = sheet;
        return [this](std::vector<SheetCell>& row) { take(row); };
    }

    bool hasHeader() const { return m_reader != nullptr; }
    const SheetTable& shell() const { return m_shell; }
    const std::vector<ColumnMeaning>& columns() const { return m_columns; }
    std::size_t rows() const { return m_rows; }
    const std::vector<bool>& stageGiven() const { return m_stageGiven; }

    /// The records, in sheet order (moved out one by one, so they are never held twice).
    std::vector<Record> takeRecords() {
        std::vector<Record> out;
        out.reserve(m_records.size());
        while (!m_records.empty()) {
            out.push_back(std::move(m_records.front()));
            m_records.pop_front();
        }
        return out;
    }

private:
    void take(std::vector<SheetCell>& row) {
        if (!m_reader) return header(row);
        // Every data row is as wide as the header (the builder pads it to the widest row so far); a
        // value beyond the header is a problem the import of whole tables names.
        if (row.size() != m_columns.size()) throw GiveUp{};
        bool hasStage = false;
        m_records.push_back(m_reader->read(m_shell, row, m_values, hasStage, [](const std::string&, const std::string&) { throw GiveUp{}; }));
        m_stageGiven.push_back(hasStage);
        ++m_rows;
    }

    // The first row names the columns. A header cell left empty is decided by
    // the whole column below it (ignored when empty), so only whole tables read that.
    void header(std::vector<SheetCell>& row) {
        for (const SheetCell& cell : row)
            if (cell.kind == SheetCell::Kind::Empty || cell.text.empty()) throw GiveUp{};
        m_shell.rows.push_back(row);
        m_columns = readColumns(m_shell, m_kind, m_rules, m_words);
        m_shell.rows.clear();
        std::map<std::string, std::size_t> columnOfField;
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            if (!m_columns[i].problem.empty()) throw GiveUp{};
            if (!m_columns[i].field.empty()) columnOfField.emplace(m_columns[i].field, i);
        }
        for (const auto& field : m_fields)
            if (field.required && !columnOfField.count(std::string(field.key))) throw GiveUp{};
        m_reader = std::make_unique<RowReader<Record, Fields>>(m_fields, m_columns, columnOfField, m_shell.decimalMark);
    }

    SheetKind m_kind;
    const Fields& m_fields;
    const ColumnMapping& m_rules;
    const SpreadsheetWords& m_words;
    const ValueIndex& m_values;
    SheetTable m_shell;  // file and sheet name, for the places readCell names
    std::vector<ColumnMeaning> m_columns;
    std::unique_ptr<RowReader<Record, Fields>> m_reader;  // once the header is read
    std::deque<Record> m_records;  // a deque grows without copying what it holds
    std::vector<bool> m_stageGiven;
    std::size_t m_rows = 0;  // data rows read (the records may have been taken)
};

// The stage of each actor that gave none, from its kind (as the import of whole tables does).
void completeStages(std::vector<Actor>& actors, const std::vector<bool>& stageGiven) {
    for (std::size_t i = 0; i < actors.size(); ++i)
        if (!completeActorStage(actors[i], stageGiven[i])) throw GiveUp{};
}

bool isXlsx(std::string_view bytes, const std::string& fileName, const SpreadsheetLimits& limits) {
    if (sniffWorkbookFile(bytes) != WorkbookFileKind::Zip) return false;
    ZipArchive zip(bytes, fileName, limits);
    return zip.contains("xl/workbook.xml") || zip.contains("_rels/.rels");
}

std::optional<SheetImport> importStreamed(std::string_view bytes, const std::string& fileName, const std::string& actorsSheet,
                                          const std::string& flowsSheet, const Catalogue& catalogue, const ColumnMapping& rules,
                                          const SpreadsheetWords& words, const SpreadsheetLimits& limits, ProjectFileWriter* writer) {
    if (!isXlsx(bytes, fileName, limits)) return std::nullopt;

    const ValueIndex values(words, catalogue);
    StreamedSheet<Actor, std::vector<ActorField>> actors(SheetKind::Actors, actorFields(), rules, words, values);
    StreamedSheet<Flow, std::vector<FlowField>> flows(SheetKind::Flows, flowFields(), rules, words, values);
    std::size_t actorsAt = 0, flowsAt = 0;
    const SheetSinks choose = [&](const std::vector<std::string>& names) {
        Workbook named;
        for (const std::string& name : names) named.sheets.emplace_back().sheet = name;
        const auto [a, f] = chainSheets(named, actorsSheet, flowsSheet, words);
        if (a == f) throw GiveUp{};
        // A Records sheet (issue #19) is read by the import of whole tables.
        for (const std::string& name : names)
            if (words.isSheet(SheetKind::Records, name)) throw GiveUp{};
        actorsAt = static_cast<std::size_t>(a - named.sheets.data());
        flowsAt = static_cast<std::size_t>(f - named.sheets.data());
        std::vector<RowSink> sinks(names.size());
        sinks[actorsAt] = actors.sink(fileName, names[actorsAt]);
        sinks[flowsAt] = flows.sink(fileName, names[flowsAt]);
        return sinks;
    };
    // With a writer, the actors are written on the thread that read them, as soon as their
    // sheet is read, while the other thread may still be parsing the flows sheet.
    std::vector<Actor> writtenActors;
    const SheetRead sheetRead = [&](std::size_t i) {
        if (!writer || i != actorsAt || !actors.hasHeader()) return;
        writtenActors = actors.takeRecords();
        completeStages(writtenActors, actors.stageGiven());
        writer->writeActors(writtenActors);
    };
    // The two big sheets are read by the plain XML scanner: whatever it refuses is read again by expat.
    const Workbook book = workbookFromXlsx(bytes, fileName, limits, choose, true, sheetRead);
    if (!actors.hasHeader() || !flows.hasHeader()) throw GiveUp{};  // an empty sheet

    SheetImport out;
    if (writer) {
        out.project.actors = std::move(writtenActors);
    } else {
        out.project.actors = actors.takeRecords();
        completeStages(out.project.actors, actors.stageGiven());
    }
    out.project.flows = flows.takeRecords();
    out.project.catalogue = catalogue;
    if (writer) {
        // The flows go into the file on a second thread while this one validates the project
        // (both only read it); the file is committed by the caller, and only if all is well.
        std::future<void> written = std::async(std::launch::async, [&] { writer->writeFlows(out.project.flows, out.project.actors); });
        const bool valid = validateProject(out.project).empty();
        written.get();
        if (!valid) throw GiveUp{};
    } else if (!validateProject(out.project).empty()) {
        throw GiveUp{};
    }

    for (const std::size_t at : {actorsAt, flowsAt})
        for (const std::string& note : book.sheets[at].notes)
            out.summary.push_back(fileName + ", sheet \"" + book.sheets[at].sheet + "\": " + note);
    out.summary.push_back(describeColumns(actors.shell(), actors.rows(), actors.columns()));
    out.summary.push_back(describeColumns(flows.shell(), flows.rows(), flows.columns()));
    for (const auto* columns : {&actors.columns(), &flows.columns()})
        for (const ColumnMeaning& c : *columns)
            if (c.source == ColumnMeaning::Source::Mapping)
                if (const ColumnRule* r = rules.find(c.header)) out.rulesUsed.add(*r);
    return out;
}

}  // namespace

std::optional<SheetImport> importXlsxStreamed(const std::filesystem::path& file, const std::string& actorsSheet,
                                              const std::string& flowsSheet, const Catalogue& catalogue, const ColumnMapping& rules,
                                              const SpreadsheetWords& words, const SpreadsheetLimits& limits, ProjectFileWriter* writer) {
    std::string bytes;
    try {
        bytes = readWorkbookFile(file, limits);
    } catch (const Error&) {
        return std::nullopt;
    }
    return importXlsxStreamed(bytes, file.string(), actorsSheet, flowsSheet, catalogue, rules, words, limits, writer);
}

std::optional<SheetImport> importXlsxStreamed(std::string_view bytes, const std::string& fileName, const std::string& actorsSheet,
                                              const std::string& flowsSheet, const Catalogue& catalogue, const ColumnMapping& rules,
                                              const SpreadsheetWords& words, const SpreadsheetLimits& limits, ProjectFileWriter* writer) {
    try {
        return importStreamed(bytes, fileName, actorsSheet, flowsSheet, catalogue, rules, words, limits, writer);
    } catch (const GiveUp&) {
        return std::nullopt;
    } catch (const Error&) {
        return std::nullopt;
    }
}

}  // namespace traza::model
