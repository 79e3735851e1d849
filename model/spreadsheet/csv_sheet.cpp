#include "csv_sheet.h"

#include <algorithm>
#include <fstream>

#include "csv_dialect.h"
#include "error.h"
#include "locale_number.h"
#include "text_encoding.h"

namespace traza::model {

CsvDocument readCsvDocument(std::string_view bytes, const std::string& fileName) {
    CsvDocument doc;
    const DecodedText text = decodeText(bytes);
    if (!text.note.empty()) doc.notes.push_back(text.note);
    doc.separator = detectCsvSeparator(text.utf8);
    doc.notes.push_back("separator: " + separatorName(doc.separator));
    std::optional<CsvTextFault> fault;
    if (text.fault) fault = CsvTextFault{text.fault->offset, text.fault->reason};
    doc.records = parseCsv(text.utf8, fileName, doc.separator, fault ? &*fault : nullptr);
    DecimalMarkEvidence evidence;
    for (const CsvRecord& record : doc.records)
        for (const CsvField& field : record.fields) evidence.add(field.value);
    doc.decimalMark = evidence.verdict();
    doc.decimalMarksConflict = evidence.conflicting();
    if (std::string note = evidence.note(); !note.empty()) doc.notes.push_back(std::move(note));
    return doc;
}

SheetTable csvToSheetTable(std::string_view bytes, const std::string& fileName) {
    CsvDocument doc = readCsvDocument(bytes, fileName);
    SheetTable table;
    table.file = fileName;
    table.decimalMark = doc.decimalMark;
    table.notes = std::move(doc.notes);
    std::size_t width = 0;
    for (CsvRecord& record : doc.records) {
        std::vector<SheetCell> row;
        row.reserve(record.fields.size());
        bool empty = true;
        for (CsvField& field : record.fields) {
            SheetCell cell;
            cell.kind = field.quoted || !field.value.empty() ? SheetCell::Kind::Text : SheetCell::Kind::Empty;
            cell.text = std::move(field.value);
            cell.line = field.line;
            cell.column = field.column;
            empty = empty && cell.kind == SheetCell::Kind::Empty;
            row.push_back(std::move(cell));
        }
        if (empty) continue;
        width = std::max(width, row.size());
        table.rows.push_back(std::move(row));
    }
    for (auto& row : table.rows)
        for (std::size_t column = row.size() + 1; column <= width; ++column) {
            SheetCell pad;
            pad.line = row.front().line;
            pad.column = column;
            row.push_back(pad);
        }
    return table;
}

std::string readCsvBytes(const std::filesystem::path& path) {
    const std::string name = path.string();
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) throw IoError(name + ": cannot read (" + ec.message() + ")");
    if (size > maxCsvBytes)
        throw InvalidInput(csvLocation(name, 1, 1), "file too large (" + std::to_string(size) + " bytes; CSV import is limited to " +
                                                        std::to_string(maxCsvBytes >> 20) + " MiB)");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::ifstream in(path, std::ios::binary);
    if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) throw IoError(name + ": cannot read");
    return bytes;
}

SheetTable readCsvSheet(const std::filesystem::path& path) { return csvToSheetTable(readCsvBytes(path), path.string()); }

}  // namespace traza::model
