#include "ods_content.h"

#include <atomic>
#include <charconv>
#include <cmath>
#include <memory>

#include "error.h"
#include "excel_date.h"
#include "sheet_builder.h"
#include "xml_sax.h"
#include "zip_archive.h"

namespace traza::model {
namespace {

constexpr std::size_t kMaxCellBytes = 1 << 20;

// A repeat count; absent means 1. Counts past any grid are clamped, not trusted.
std::uint64_t repeatCount(const XmlAttributes& a, std::string_view name) {
    const auto v = a.get(name);
    if (!v) return 1;
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec == std::errc::result_out_of_range) return std::uint64_t(1) << 40;
    if (ec != std::errc() || end != v->data() + v->size() || n == 0) return 1;
    return std::min<std::uint64_t>(n, std::uint64_t(1) << 40);
}

// An ISO 8601 duration as ODF writes times, "PT12H30M15.5S" (also "-PT..."),
// in days; std::nullopt if it is none.
std::optional<double> durationDays(std::string_view text) {
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) text.remove_prefix(1);
    if (text.substr(0, 2) != "PT" || text.size() == 2) return std::nullopt;
    text.remove_prefix(2);
    double days = 0;
    while (!text.empty()) {
        double v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end == text.data() + text.size() || !std::isfinite(v) || v < 0) return std::nullopt;
        const char unit = *end;
        if (unit == 'H') days += v / 24;
        else if (unit == 'M') days += v / 1440;
        else if (unit == 'S') days += v / 86400;
        else return std::nullopt;
        text.remove_prefix(static_cast<std::size_t>(end - text.data()) + 1);
    }
    return negative ? -days : days;
}

class ContentHandler : public XmlHandler {
public:
    ContentHandler(std::string file, const SpreadsheetLimits& limits) : m_file(std::move(file)), m_limits(limits) {}

    std::vector<SheetTable> sheets;

    void startElement(std::string_view name, const XmlAttributes& a) override {
        if (m_skip > 0) {
            ++m_skip;
            return;
        }
        if (m_inCell) {
            startInCell(name, a);
            return;
        }
        if (name == "table") {
            if (m_builder) {  // a table inside a table: not a sheet
                m_skip = 1;
                return;
            }
            if (sheets.size() >= m_limits.maxSheets)
                fail("more than " + std::to_string(m_limits.maxSheets) + " sheets; Traza reads at most that many");
            const std::string_view sheetName = a.get("name").value_or("");
            if (sheetName.empty()) fail("a table without a name");
            m_builder = std::make_unique<SheetBuilder>(m_file, std::string(sheetName), m_limits, m_cellsUsed);
            m_nextRow = 1;
        } else if (name == "table-row" && m_builder) {
            m_rowRepeat = repeatCount(a, "number-rows-repeated");
            m_nextColumn = 1;
            m_row.clear();
        } else if ((name == "table-cell" || name == "covered-table-cell") && m_builder) {
            startCell(a);
        }
    }

    void endElement(std::string_view name) override {
        if (m_skip > 0) {
            --m_skip;
            return;
        }
        if (m_inCell && !(m_cellDepth == 0 && (name == "table-cell" || name == "covered-table-cell"))) {
            endInCell(name);
            return;
        }
        if (name == "table-cell" || name == "covered-table-cell") {
            endCell();
        } else if (name == "table-row" && m_builder) {
            endRow();
        } else if (name == "table" && m_builder) {
            sheets.push_back(m_builder->finish());
            m_builder.reset();
        }
    }

    void characters(std::string_view text) override {
        if (m_skip > 0 || !m_inParagraph) return;
        append(text);
    }

private:
    void append(std::string_view text) {
        if (m_text.size() + text.size() > kMaxCellBytes) cellFail("this cell holds more than 1 MiB of text");
        m_text.append(text);
    }

    [[noreturn]] void cellFail(const std::string& reason) const {
        throw InvalidInput(m_builder->table().location(m_nextRow, m_nextColumn), reason);
    }

    void startCell(const XmlAttributes& a) {
        m_inCell = true;
        m_cellDepth = 0;
        m_paragraphs = 0;
        m_text.clear();
        m_cellRepeat = repeatCount(a, "number-columns-repeated");
        m_cell = SheetCell{};
        m_textIsValue = false;
        // calcext:value-type="error": a formula error, kept as its text like an xlsx error cell.
        if (a.any("value-type", "error")) {
            m_textIsValue = true;
            return;
        }
        const std::string_view type = a.get("value-type").value_or("");
        if (type == "float" || type == "percentage" || type == "currency") {
            const std::string_view value = a.get("value").value_or("");
            double v = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (value.empty() || ec != std::errc() || end != value.data() + value.size() || !std::isfinite(v))
                cellFail("'" + std::string(value) + "' is not a number, yet the cell says it holds one");
            m_cell.kind = SheetCell::Kind::Number;
            m_cell.number = v;
            m_cell.text = value;
        } else if (type == "date") {
            const std::string_view value = a.get("date-value").value_or("");
            const auto date = parseIsoDate(value);
            const auto serial = date ? dateToExcelSerial(*date) : std::nullopt;
            if (serial) {
                m_cell.kind = SheetCell::Kind::Date;
                m_cell.number = *serial;
                m_cell.text = isoDate(*date);
            } else if (!value.empty()) {
                m_cell.kind = SheetCell::Kind::Text;  // before 1900 or unreadable: the importer decides
                m_cell.text = value;
            }
        } else if (type == "boolean") {
            const std::string_view value = a.get("boolean-value").value_or("");
            if (value != "true" && value != "false")
                cellFail("'" + std::string(value) + "' is not a boolean, yet the cell says it holds one");
            m_cell.kind = SheetCell::Kind::Boolean;
            m_cell.number = value == "true" ? 1 : 0;
            m_cell.text = value == "true" ? "TRUE" : "FALSE";
        } else if (type == "time") {
            // A time or duration (PT12H30M00S): a number of days, as xlsx stores it.
            const std::string_view value = a.get("time-value").value_or("");
            const auto days = durationDays(value);
            if (!days) cellFail("'" + std::string(value) + "' is not a time, yet the cell says it holds one");
            m_cell.kind = SheetCell::Kind::Number;
            m_cell.number = *days;
            m_cell.text = value;
        } else if (type == "string") {
            if (const auto s = a.get("string-value")) {
                if (!s->empty()) {
                    m_cell.kind = SheetCell::Kind::Text;
                    m_cell.text = *s;
                }
            } else {
                m_textIsValue = true;
            }
        }
    }

    // Inside a cell only its paragraphs count; annotations, frames, notes and
    // anything else are skipped whole.
    void startInCell(std::string_view name, const XmlAttributes& a) {
        ++m_cellDepth;
        if (m_cellDepth == 1) {
            if (name == "p" || name == "h") {
                if (m_textIsValue && m_paragraphs++ > 0) append("\n");
                m_inParagraph = m_textIsValue;
                return;
            }
            --m_cellDepth;
            m_skip = 1;
            return;
        }
        if (name == "note" || name == "annotation" || name == "ruby-text") {
            --m_cellDepth;
            m_skip = 1;
        } else if (m_inParagraph && name == "s") {
            const std::uint64_t n = repeatCount(a, "c");
            if (n > kMaxCellBytes) cellFail("this cell holds more than 1 MiB of text");
            append(std::string(static_cast<std::size_t>(n), ' '));
        } else if (m_inParagraph && name == "tab") {
            append("\t");
        } else if (m_inParagraph && name == "line-break") {
            append("\n");
        }
    }

    void endInCell(std::string_view) {
        if (--m_cellDepth == 0) m_inParagraph = false;
    }

    void endCell() {
        m_inCell = false;
        m_inParagraph = false;
        if (m_textIsValue && !m_text.empty()) {
            m_cell.kind = SheetCell::Kind::Text;
            m_cell.text = std::move(m_text);
            m_text.clear();
        }
        if (m_cell.kind != SheetCell::Kind::Empty) {
            if (m_nextColumn + m_cellRepeat - 1 > m_limits.maxColumn)
                throw InvalidInput(m_builder->table().location(m_nextRow, m_limits.maxColumn + 1),
                                   "a cell lies outside the sheet (columns A to " + columnLetters(m_limits.maxColumn) + ")");
            for (std::uint64_t k = 0; k < m_cellRepeat; ++k) {
                SheetCell& c = m_row.emplace_back(m_cell);
                c.column = static_cast<std::size_t>(m_nextColumn + k);
            }
        }
        m_nextColumn += m_cellRepeat;  // at most (grid + 1) x 2^40: no overflow
        if (m_nextColumn > (std::uint64_t(1) << 50)) m_nextColumn = std::uint64_t(1) << 50;
    }

    void endRow() {
        if (!m_row.empty()) {
            for (std::uint64_t k = 0; k < m_rowRepeat; ++k) {
                const std::uint64_t line = m_nextRow + k;
                for (const SheetCell& c : m_row) {
                    SheetCell copy = c;
                    copy.line = static_cast<std::size_t>(std::min<std::uint64_t>(line, SIZE_MAX));
                    m_builder->add(std::move(copy));  // refuses rows past the grid and the cell budget
                }
            }
        }
        m_nextRow = std::min<std::uint64_t>(m_nextRow + m_rowRepeat, std::uint64_t(1) << 50);
    }

    std::string m_file;
    const SpreadsheetLimits& m_limits;
    std::atomic<std::size_t> m_cellsUsed{0};
    std::unique_ptr<SheetBuilder> m_builder;  ///< the table being read
    int m_skip = 0;                           ///< depth inside a skipped subtree
    std::uint64_t m_nextRow = 1, m_rowRepeat = 1;
    std::uint64_t m_nextColumn = 1, m_cellRepeat = 1;
    std::vector<SheetCell> m_row;  ///< the current row's non-empty cells
    bool m_inCell = false, m_inParagraph = false, m_textIsValue = false;
    int m_cellDepth = 0;
    std::size_t m_paragraphs = 0;
    SheetCell m_cell;
    std::string m_text;
};

}  // namespace

std::vector<SheetTable> readOdsContent(ZipArchive& zip, const SpreadsheetLimits& limits) {
    ContentHandler handler(zip.fileName(), limits);
    parseXmlPart(zip, "content.xml", handler);
    return std::move(handler.sheets);
}

}  // namespace traza::model
