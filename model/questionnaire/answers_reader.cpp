#include "answers_reader.h"

#include <charconv>
#include <cmath>
#include <set>

#include "error.h"
#include "spreadsheet_words.h"
#include "validation.h"

namespace traza::model::questionnaire {
namespace {

using Row = std::vector<SheetCell>;

const SheetCell& cellAt(const Row& row, int col) {
    static const SheetCell kEmpty;
    return static_cast<std::size_t>(col) < row.size() ? row[col] : kEmpty;
}

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

std::string textOf(const SheetCell& c) { return c.kind == SheetCell::Kind::Empty ? std::string() : trim(c.text); }

// "q.xlsx: Checklist!C7" for a cell of `row` (padded cells carry their row's line).
std::string where(const SheetTable& t, const Row& row, int col) {
    return t.location(row.empty() ? 0 : row.front().line, static_cast<std::size_t>(col) + 1);
}

[[noreturn]] void refuse(const SheetTable& t, const Row& row, int col, const std::string& reason) {
    throw InvalidInput(where(t, row, col), reason);
}

std::string inQuotes(const std::string& s) { return "\"" + s + "\""; }

// A list cell: parts separated by ';' (as written), trimmed, empty parts dropped.
std::vector<std::string> listOf(const SheetCell& c) {
    std::vector<std::string> out;
    const std::string s = textOf(c);
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t end = std::min(s.find(';', start), s.size());
        if (std::string part = trim(std::string_view(s).substr(start, end - start)); !part.empty()) out.push_back(part);
        start = end + 1;
    }
    return out;
}

// A number cell, or a text holding a plain number ("12.5"); nullopt when empty.
std::optional<double> numberOf(const SheetTable& t, const Row& row, int col) {
    const SheetCell& c = cellAt(row, col);
    if (c.kind == SheetCell::Kind::Empty) return std::nullopt;
    double v = 0;
    if (c.kind == SheetCell::Kind::Number) v = c.number;
    else {
        const std::string s = textOf(c);
        if (s.empty()) return std::nullopt;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || end != s.data() + s.size() || c.kind != SheetCell::Kind::Text)
            refuse(t, row, col, inQuotes(s) + " is not a number of tonnes");
    }
    if (!std::isfinite(v)) refuse(t, row, col, "not a finite number");
    return v;
}

const SheetTable& sheetOf(const Workbook& book, std::string_view kind) {
    for (const char* lang : {"en", "es"})
        if (const int i = book.find(sheetName(kind, lang)); i >= 0) return book.sheets[i];
    throw InvalidInput(book.file, "no " + sheetName(kind, "en") + " sheet: not a Traza questionnaire, or a sheet was removed");
}

Identity readIdentity(const Workbook& book) {
    const int i = book.find(kIdentitySheet);
    if (i < 0) throw InvalidInput(book.file, "not a Traza questionnaire (no identification sheet \"" + std::string(kIdentitySheet) + "\")");
    const SheetTable& t = book.sheets[i];
    const auto& keys = identityKeys();
    if (t.rows.size() != keys.size())
        throw InvalidInput(t.location(1, 1), "the identification sheet was changed (" + std::to_string(t.rows.size()) + " rows, not " +
                                                 std::to_string(keys.size()) + ")");
    Identity id;
    for (std::size_t r = 0; r < keys.size(); ++r) {
        const Row& row = t.rows[r];
        if (textOf(cellAt(row, 0)) != keys[r]) refuse(t, row, 0, "the identification sheet was changed (expected \"" + std::string(keys[r]) + "\")");
        const SheetCell& v = cellAt(row, 1);
        const std::string text = textOf(v);
        const auto count = [&]() -> std::size_t {
            if (v.kind != SheetCell::Kind::Number || v.number < 0 || v.number > 1e7 || v.number != std::floor(v.number))
                refuse(t, row, 1, "the identification sheet was changed (not a count)");
            return static_cast<std::size_t>(v.number);
        };
        const std::string_view key = keys[r];
        if (key == "format") id.format = text;
        else if (key == "version") id.version = static_cast<int>(count());
        else if (key == "project") id.project = text;
        else if (key == "title") id.title = text;
        else if (key == "supplier") id.supplier = text;
        else if (key == "generated") id.generated = text;
        else if (key == "lang") id.lang = text;
        else if (key == "items") id.items = count();
        else if (key == "flows") id.flows = count();
        else if (key == "check") id.check = text;
    }
    if (id.format != kFormat) refuse(t, t.rows[0], 1, "not a Traza questionnaire");
    if (id.version > kFormatVersion)
        refuse(t, t.rows[1], 1, "made by a newer Traza (questionnaire version " + std::to_string(id.version) + "; this version reads up to " +
                                    std::to_string(kFormatVersion) + ")");
    return id;
}

// The data rows of a sheet (below its header), after checking their count.
std::vector<Row> dataRows(const SheetTable& t, std::size_t expected) {
    std::vector<Row> rows(t.rows.empty() ? t.rows.end() : t.rows.begin() + 1, t.rows.end());
    if (rows.size() != expected)
        throw InvalidInput(t.location(1, 1), std::to_string(rows.size()) + " rows where the questionnaire had " + std::to_string(expected) +
                                                 " (rows may not be added or removed)");
    return rows;
}

ChecklistItem readItem(const SheetTable& t, const Row& row, ChecklistItem item) {
    const std::string status = textOf(cellAt(row, kItemStatus));
    if (status.empty()) refuse(t, row, kItemStatus, "a status is required");
    const std::optional<ItemStatus> s = statusFromWord(status);
    if (!s) refuse(t, row, kItemStatus, inQuotes(status) + " is not a status");
    item.status = *s;
    item.evidence = textOf(cellAt(row, kItemEvidence));
    item.documents = listOf(cellAt(row, kItemDocuments));
    item.owner = textOf(cellAt(row, kItemOwner));
    const SheetCell& due = cellAt(row, kItemDue);
    const std::string dueText = textOf(due);
    if (due.kind == SheetCell::Kind::Number || due.kind == SheetCell::Kind::Boolean || (!dueText.empty() && !isCalendarDate(dueText)))
        refuse(t, row, kItemDue, inQuotes(dueText) + " is not a date (YYYY-MM-DD)");
    item.due = dueText;
    return item;
}

Flow readFlow(const SheetTable& t, const Row& row, Flow f, const Catalogue& catalogue) {
    if (textOf(cellAt(row, kFlowFrom)) != f.from) refuse(t, row, kFlowFrom, "a locked cell was changed (the flow comes from " + inQuotes(f.from) + ")");
    if (textOf(cellAt(row, kFlowTo)) != f.to) refuse(t, row, kFlowTo, "a locked cell was changed (the flow goes to " + inQuotes(f.to) + ")");
    if (const std::optional<double> tonnes = numberOf(t, row, kFlowTonnes)) {
        if (*tonnes <= 0) refuse(t, row, kFlowTonnes, "tonnes must be more than 0");
        f.tonnes = *tonnes;
        f.tonnesUnknown = false;
    } else if (!f.tonnesUnknown) {
        refuse(t, row, kFlowTonnes, "the tonnes are required");
    }
    f.documentedT = numberOf(t, row, kFlowDocumented).value_or(0);
    if (f.documentedT < 0) refuse(t, row, kFlowDocumented, "documented tonnes must not be negative");
    if (!f.tonnesUnknown && f.documentedT > f.tonnes)
        refuse(t, row, kFlowDocumented, "documented tonnes must not exceed the tonnes of the flow");
    const SpreadsheetWords& words = SpreadsheetWords::installed();
    const std::string evidence = textOf(cellAt(row, kFlowEvidence));
    f.evidence = Evidence::None;
    if (!evidence.empty()) {
        const std::optional<std::string> id = words.value(Vocabulary::Evidence, evidence, catalogue);
        const std::optional<Evidence> e = id ? parseEvidence(*id) : std::nullopt;
        if (!e) refuse(t, row, kFlowEvidence, inQuotes(evidence) + " is not an evidence level");
        f.evidence = *e;
    }
    f.documents.clear();
    for (const std::string& d : listOf(cellAt(row, kFlowDocuments))) {
        const std::optional<std::string> id = words.value(Vocabulary::DocumentTypes, d, catalogue);
        if (!id) refuse(t, row, kFlowDocuments, inQuotes(d) + " is not a document type");
        f.documents.push_back(*id);
    }
    if (const std::vector<ValidationIssue> issues = validateFlow(f, "", &catalogue); !issues.empty())
        refuse(t, row, kFlowId, issues.front().path + (issues.front().path.empty() ? "" : ": ") + issues.front().reason);
    return f;
}

bool sameAnswer(const ChecklistItem& a, ChecklistItem b) {
    b.source = a.source;
    return a == b;
}

}  // namespace

Answers readAnswers(const Project& project, const Workbook& book, const std::string& fileName, const std::string& today,
                    const std::string& supplier) {
    Answers out;
    out.identity = readIdentity(book);
    const Identity& id = out.identity;
    const SheetTable& idSheet = book.sheets[book.find(kIdentitySheet)];
    if (id.project != projectKey(project))
        refuse(idSheet, idSheet.rows[2], 1, "made for another project (" + inQuotes(id.title) + "), not " + inQuotes(project.assessment.title));
    if (!supplier.empty() && id.supplier != supplier)
        refuse(idSheet, idSheet.rows[4], 1, "made for supplier " + inQuotes(id.supplier) + ", not " + inQuotes(supplier));
    if (!project.findActor(id.supplier)) refuse(idSheet, idSheet.rows[4], 1, "no actor has id " + inQuotes(id.supplier));
    out.source = "questionnaire " + std::filesystem::path(fileName).filename().string() + " " + today;

    // The identification and the id columns first: an edited one is named as such.
    const SheetTable& checklist = sheetOf(book, "checklist");
    const std::vector<Row> itemRows = dataRows(checklist, id.items);
    const SheetTable& flows = sheetOf(book, "flows");
    const std::vector<Row> flowRows = dataRows(flows, id.flows);
    std::vector<std::string> itemIds, flowIds;
    for (const Row& row : itemRows) itemIds.push_back(textOf(cellAt(row, kItemId)));
    for (const Row& row : flowRows) flowIds.push_back(textOf(cellAt(row, kFlowId)));
    if (id.check != identityCheck(id, itemIds, flowIds))
        refuse(idSheet, idSheet.rows.back(), 1, "the identification or an id of the questionnaire was changed (its check does not match)");

    // Checklist: every row an item the questionnaire asked, once.
    const std::vector<ChecklistItem> asked = supplierItems(project, id.supplier);
    std::set<std::string> seen;
    for (const Row& row : itemRows) {
        const std::string itemId = textOf(cellAt(row, kItemId));
        const ChecklistItem* before = nullptr;
        for (const ChecklistItem& it : asked)
            if (it.id == itemId) before = &it;
        if (!before || !seen.insert(itemId).second)
            refuse(checklist, row, kItemId, "a locked cell was changed (" + inQuotes(itemId) + " is not an item of this questionnaire)");
        ChecklistItem after = readItem(checklist, row, *before);
        if (!sameAnswer(*before, after)) {
            after.source = out.source;
            out.items.push_back({id.supplier, *before, std::move(after)});
        }
    }

    // Flows: every row a flow in or out of the supplier, its ends unchanged.
    seen.clear();
    for (const Row& row : flowRows) {
        const std::string flowId = textOf(cellAt(row, kFlowId));
        const Flow* before = project.findFlow(flowId);
        if (!before || (before->from != id.supplier && before->to != id.supplier) || !seen.insert(flowId).second)
            refuse(flows, row, kFlowId, "a locked cell was changed (" + inQuotes(flowId) + " is not a flow of this questionnaire)");
        Flow after = readFlow(flows, row, *before, project.catalogue);
        if (!(after == *before)) out.flows.push_back({*before, std::move(after)});
    }
    return out;
}

}  // namespace traza::model::questionnaire
