#include "sheet_import.h"

#include <map>
#include <unordered_map>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cell_value.h"
#include "row_reader.h"
#include "sheet_columns.h"
#include "validation.h"
#include "word_match.h"

namespace traza::model {
namespace {

// The records go into fresh memory (a vector of 300 000 flows is one block of
// ~100 MB) while the freed rows stay in the heap, still counted against the
// process; handing them back every so often keeps the peak at the workbook's.
constexpr std::size_t kRowsBetweenReleases = 16384;
void releaseFreedMemory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

std::string listText(const std::vector<ImportProblem>& problems, std::size_t total) {
    std::string s;
    for (const ImportProblem& p : problems) s += (s.empty() ? "" : "\n") + (p.where.empty() ? p.reason : p.where + ": " + p.reason);
    if (total > problems.size()) s += "\n(and " + std::to_string(total - problems.size()) + " more problems)";
    return s;
}

// Gathers problems in order; past the cap it only counts them.
struct Problems {
    std::vector<ImportProblem> list;
    std::size_t total = 0;
    void add(std::string where, std::string reason) {
        ++total;
        if (list.size() < SheetImportError::kMaxReported) list.push_back({std::move(where), std::move(reason)});
    }
};

// One sheet read into records of type Record through its column meanings.
template <typename Record, typename Fields>
struct SheetReader {
    const SheetTable& table;
    SheetTable* consumed;  // when not null (the same table), each row is freed once read
    SheetKind kind;
    const Fields& fields;
    std::vector<ColumnMeaning> columns;
    std::map<std::string, std::size_t> columnOfField;  // field -> index into columns
    DecimalMark decimalMark = DecimalMark::Unknown;     // of the text numbers; see importSheets

    // Where the cells of freed rows were, for the messages of validation: the
    // line of each row's first cell, and the few cells on another line (a CSV
    // field spanning lines), by row * width + column index.
    std::vector<std::size_t> freedRowLine;
    std::unordered_map<std::size_t, std::size_t> freedCellLine;

    SheetReader(const SheetTable& t, SheetTable* consume, SheetKind k, const Fields& f, const ColumnMapping& rules,
                const SpreadsheetWords& words, Problems& problems)
        : table(t), consumed(consume), kind(k), fields(f), columns(readColumns(t, k, rules, words)), decimalMark(t.decimalMark) {
        if (t.rows.empty()) {
            problems.add(t.location(1, 1), std::string("empty sheet; the first row must name the columns (") +
                                               (k == SheetKind::Actors ? "id, kind, ..." : "id, from, to, tonnes, ...") + ")");
            return;
        }
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const ColumnMeaning& c = columns[i];
            if (!c.problem.empty()) problems.add(problemPlace(i), c.problem);
            else if (!c.field.empty()) columnOfField.emplace(c.field, i);
        }
        for (const auto& field : fields)
            if (field.required && !columnOfField.count(std::string(field.key)))
                problems.add(t.location(t.rows[0].empty() ? 1 : t.rows[0][0].line, 1),
                             "no column means \"" + std::string(field.key) + "\" (required); name one \"" +
                                 SpreadsheetWords::installed().columnLabel(k, field.key, "en") + "\" or \"" +
                                 SpreadsheetWords::installed().columnLabel(k, field.key, "es") + "\", or give a rule HEADER=" +
                                 std::string(field.key));
    }

    // A header problem is at its header cell; a column of values without a
    // header (a CSV row with a field too many) is at its first value.
    std::string problemPlace(std::size_t i) const {
        const SheetCell& head = table.rows[0][i];
        if (head.kind == SheetCell::Kind::Empty)
            for (std::size_t r = 1; r < table.rows.size(); ++r)
                if (const SheetCell& c = table.rows[r][i]; c.kind != SheetCell::Kind::Empty) return table.location(c);
        return table.location(head.line ? head.line : 1, columns[i].column);
    }

    // The line of the cell in table row r, column index i, whether or not the row is freed.
    std::size_t firstLine(std::size_t r) const { return r - 1 < freedRowLine.size() ? freedRowLine[r - 1] : table.rows[r].front().line; }
    std::size_t cellLine(std::size_t r, std::size_t i) const {
        if (r - 1 >= freedRowLine.size()) return table.rows[r][i].line;
        auto it = freedCellLine.find(r * columns.size() + i);
        return it == freedCellLine.end() ? freedRowLine[r - 1] : it->second;
    }
    // Frees table row r once read, keeping where its cells were.
    void freeRow(std::size_t r) {
        std::vector<SheetCell>& row = consumed->rows[r];
        const std::size_t first = row.front().line;
        for (std::size_t i = 0; i < row.size(); ++i)
            if (row[i].line != first) freedCellLine.emplace(r * columns.size() + i, row[i].line);
        freedRowLine.push_back(first);
        std::vector<SheetCell>().swap(row);
    }

    // The cell holding `field` in data row `index` (0-based), for validation messages.
    std::string where(std::size_t index, const std::string& field) const {
        if (index + 1 >= table.rows.size()) return table.location(1, 1);
        const std::size_t r = index + 1;
        auto it = columnOfField.find(field);
        const std::size_t first = firstLine(r);
        if (it == columnOfField.end()) return table.location(first, 1);
        const std::size_t line = cellLine(r, it->second);
        return table.location(line ? line : first, columns[it->second].column);
    }
    // The user's header of a field ("Destino" for "to"), or the field key.
    std::string header(const std::string& field) const {
        auto it = columnOfField.find(field);
        return it == columnOfField.end() ? field : columns[it->second].header;
    }

    std::vector<Record> read(const ValueIndex& words, Problems& problems, std::vector<bool>* stageGiven) {
        std::vector<Record> out;
        if (table.rows.size() <= 1) return out;
        const RowReader<Record, Fields> reader(fields, columns, columnOfField, decimalMark);
        out.reserve(table.rows.size() - 1);
        for (std::size_t r = 1; r < table.rows.size(); ++r) {
            bool hasStage = false;
            Record record = reader.read(table, table.rows[r], words, hasStage,
                                        [&](std::string where, std::string reason) { problems.add(std::move(where), std::move(reason)); });
            if (stageGiven) stageGiven->push_back(hasStage);
            out.push_back(std::move(record));
            if (consumed) {
                freeRow(r);
                if (r % kRowsBetweenReleases == 0) releaseFreedMemory();
            }
        }
        if (consumed) releaseFreedMemory();
        return out;
    }

    std::string describe() const { return describeColumns(table, table.rows.empty() ? 0 : table.rows.size() - 1, columns); }
};

// validateProject speaks JSON paths ("flows[4].period.start"); find the cell,
// and say the reason under the user's own header.
ImportProblem problemOfIssue(const ValidationIssue& issue, const SheetReader<Actor, std::vector<ActorField>>& actors,
                             const SheetReader<Flow, std::vector<FlowField>>& flows) {
    const std::string& p = issue.path;
    const bool isActor = p.rfind("actors[", 0) == 0;
    const std::size_t open = p.find('['), close = p.find(']');
    if ((!isActor && p.rfind("flows[", 0) != 0) || close == std::string::npos) return {actors.table.file, p + ": " + issue.reason};
    const std::size_t index = std::stoul(p.substr(open + 1, close - open - 1));
    std::string field = close + 2 <= p.size() ? p.substr(close + 2) : "";
    for (char& c : field)
        if (c == '.') c = '_';
    if (const std::size_t bracket = field.find('['); bracket != std::string::npos) field.erase(bracket);
    if (isActor) return {actors.where(index, field), (field.empty() ? "" : actors.header(field) + ": ") + issue.reason};
    return {flows.where(index, field), (field.empty() ? "" : flows.header(field) + ": ") + issue.reason};
}

}  // namespace

SheetImportError::SheetImportError(std::vector<ImportProblem> problems, std::size_t total)
    : InvalidInput(problems.empty() ? std::string() : problems.front().where,
                   problems.empty() ? std::string("import refused") : problems.front().reason, listText(problems, total)),
      m_problems(std::move(problems)), m_total(total) {}

namespace {

// `consumeActors` and `consumeFlows`, when given, are the tables themselves: their rows are freed as they are read.
SheetImport importTables(const SheetTable& actorsTable, const SheetTable& flowsTable, SheetTable* consumeActors, SheetTable* consumeFlows,
                         const Catalogue& catalogue, const ColumnMapping& rules, const SpreadsheetWords& words) {
    Problems problems;
    SheetReader<Actor, std::vector<ActorField>> actors(actorsTable, consumeActors, SheetKind::Actors, actorFields(), rules, words, problems);
    SheetReader<Flow, std::vector<FlowField>> flows(flowsTable, consumeFlows, SheetKind::Flows, flowFields(), rules, words, problems);
    SheetImport out;
    // The two files of a chain come from one spreadsheet program in one locale:
    // a decimal mark that one of them shows holds for the other, unless it shows the opposite.
    if (actors.decimalMark == DecimalMark::Unknown && flows.decimalMark != DecimalMark::Unknown) actors.decimalMark = flows.decimalMark;
    if (flows.decimalMark == DecimalMark::Unknown && actors.decimalMark != DecimalMark::Unknown) flows.decimalMark = actors.decimalMark;
    if (problems.total == 0) {
        std::vector<bool> stageGiven;
        const ValueIndex values(words, catalogue);
        out.project.actors = actors.read(values, problems, &stageGiven);
        out.project.flows = flows.read(values, problems, nullptr);
        for (std::size_t i = 0; i < out.project.actors.size(); ++i)
            if (!completeActorStage(out.project.actors[i], stageGiven[i]))
                problems.add(actors.where(i, actors.columnOfField.count("stage") ? "stage" : "kind"),
                             "an actor of kind \"other\" needs a stage (1 to 9)");
    }
    if (problems.total == 0) {
        out.project.catalogue = catalogue;
        for (const ValidationIssue& issue : validateProject(out.project)) {
            ImportProblem problem = problemOfIssue(issue, actors, flows);
            problems.add(std::move(problem.where), std::move(problem.reason));
        }
    }
    if (problems.total > 0) throw SheetImportError(std::move(problems.list), problems.total);

    for (const SheetTable* t : {&actorsTable, &flowsTable})
        for (const std::string& note : t->notes) out.summary.push_back((t->sheet.empty() ? t->file : t->file + ", sheet \"" + t->sheet + "\"") + ": " + note);
    out.summary.push_back(actors.describe());
    out.summary.push_back(flows.describe());
    for (const auto* reader : {&actors.columns, &flows.columns})
        for (const ColumnMeaning& c : *reader)
            if (c.source == ColumnMeaning::Source::Mapping)
                if (const ColumnRule* r = rules.find(c.header)) out.rulesUsed.add(*r);
    return out;
}

}  // namespace

SheetImport importSheets(const SheetTable& actors, const SheetTable& flows, const Catalogue& catalogue, const ColumnMapping& rules,
                         const SpreadsheetWords& words) {
    return importTables(actors, flows, nullptr, nullptr, catalogue, rules, words);
}

SheetImport importSheets(SheetTable&& actors, SheetTable&& flows, const Catalogue& catalogue, const ColumnMapping& rules,
                         const SpreadsheetWords& words) {
    // One table given as both is read without freeing anything.
    const bool same = &actors == &flows;
    return importTables(actors, flows, same ? nullptr : &actors, same ? nullptr : &flows, catalogue, rules, words);
}

std::pair<const SheetTable*, const SheetTable*> chainSheets(const Workbook& book, const std::string& actorsSheet, const std::string& flowsSheet,
                                                           const SpreadsheetWords& words) {
    auto pick = [&](SheetKind kind, const std::string& named) -> const SheetTable* {
        if (!named.empty()) {
            const int i = book.find(named);
            if (i >= 0) return &book.sheets[i];
        } else {
            for (const SheetTable& s : book.sheets)
                if (words.isSheet(kind, s.sheet)) return &s;
        }
        std::string have;
        for (const SheetTable& s : book.sheets) have += (have.empty() ? "\"" : ", \"") + s.sheet + "\"";
        const std::string what = kind == SheetKind::Actors ? "actors" : "flows";
        throw InvalidInput(book.file, (named.empty() ? "no sheet of " + what + " (named \"" + words.sheetLabel(what, "en") + "\" or \"" +
                                                           words.sheetLabel(what, "es") + "\")"
                                                     : "no sheet named \"" + named + "\"") +
                                          "; the workbook has " + (have.empty() ? "no sheets" : have) + ". Name the sheet with --" + what + "-sheet");
    };
    return {pick(SheetKind::Actors, actorsSheet), pick(SheetKind::Flows, flowsSheet)};
}

}  // namespace traza::model
