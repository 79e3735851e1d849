#include "sheet_columns.h"

#include <algorithm>

#include "cell_value.h"
#include "word_match.h"

namespace traza::model {
namespace {

// Units of mass a header may carry in brackets, as factors to tonnes.
double tonnesPer(const std::string& unit) {
    static const std::vector<std::pair<std::string, double>> kUnits{
        {"t", 1},     {"tm", 1},     {"ton", 1},      {"tons", 1}, {"tonne", 1}, {"tonnes", 1}, {"tonelada", 1}, {"toneladas", 1},
        {"kg", 1e-3}, {"kgs", 1e-3}, {"kilos", 1e-3}, {"kilogramos", 1e-3}, {"kilograms", 1e-3}};
    for (const auto& [u, f] : kUnits)
        if (u == unit) return f;
    return 0;
}

bool columnIsEmpty(const SheetTable& t, std::size_t index) {
    for (std::size_t r = 1; r < t.rows.size(); ++r)
        if (index < t.rows[r].size() && t.rows[r][index].kind != SheetCell::Kind::Empty) return false;
    return true;
}

// Header cells left empty at the end of the header row.
std::size_t trailingEmpty(const std::vector<SheetCell>& header) {
    std::size_t n = 0;
    for (auto it = header.rbegin(); it != header.rend() && it->kind == SheetCell::Kind::Empty; ++it) ++n;
    return n;
}

}  // namespace

std::string describeColumns(const SheetTable& table, std::size_t dataRows, const std::vector<ColumnMeaning>& columns) {
    std::string s = (table.sheet.empty() ? table.file : table.file + ", sheet \"" + table.sheet + "\"") + ": " +
                    std::to_string(dataRows) + (dataRows == 1 ? " row" : " rows") + "; columns ";
    bool first = true;
    for (const ColumnMeaning& c : columns) {
        if (c.ignored && c.header.empty()) continue;
        s += (first ? "" : ", ") + std::string("\"") + c.header + "\" → " + (c.ignored ? "ignored" : c.field);
        if (c.factor != 1) s += " × " + numberAsText(c.factor);
        if (c.source == ColumnMeaning::Source::Mapping) s += " (your rule)";
        first = false;
    }
    return s;
}

std::vector<std::string> fieldKeys(SheetKind kind) {
    std::vector<std::string> keys;
    if (kind == SheetKind::Actors)
        for (const auto& f : actorFields()) keys.emplace_back(f.key);
    else
        for (const auto& f : flowFields()) keys.emplace_back(f.key);
    return keys;
}

bool isTonnage(SheetKind kind, const std::string& field) {
    if (kind == SheetKind::Actors) {
        const ActorField* f = findActorField(field);
        return f && f->tonnage;
    }
    const FlowField* f = findFlowField(field);
    return f && f->tonnage;
}

std::vector<ColumnMeaning> readColumns(const SheetTable& table, SheetKind kind, const ColumnMapping& mapping, const SpreadsheetWords& words) {
    std::vector<ColumnMeaning> out;
    if (table.rows.empty()) return out;
    const std::vector<std::string> keys = fieldKeys(kind);
    const char* sheetWord = kind == SheetKind::Actors ? "actors" : "flows";
    for (std::size_t i = 0; i < table.rows[0].size(); ++i) {
        const SheetCell& cell = table.rows[0][i];
        ColumnMeaning m;
        m.column = cell.column ? cell.column : i + 1;
        m.header = cell.text;
        if (const ColumnRule* rule = mapping.find(m.header); rule && !m.header.empty()) {
            m.source = ColumnMeaning::Source::Mapping;
            if (rule->field.empty()) {
                m.ignored = true;
            } else if (std::find(keys.begin(), keys.end(), rule->field) == keys.end()) {
                m.problem = "the rule \"" + ruleText(*rule) + "\" names \"" + rule->field + "\", which is not a field of the " + sheetWord +
                            " sheet";
                const auto near = closestWords(rule->field, keys);
                if (!near.empty()) m.problem += "; did you mean \"" + near.front() + "\"?";
            } else {
                m.field = rule->field;
                m.factor = rule->factor;
            }
        } else if (cell.kind == SheetCell::Kind::Empty || m.header.empty()) {
            if (columnIsEmpty(table, i)) m.ignored = true;
            else m.problem = "a value in column " + columnLetters(m.column) + ", which has no header (the header row names " + std::to_string(table.rows[0].size() - trailingEmpty(table.rows[0])) + " columns)";
        } else if (auto field = words.columnField(kind, m.header)) {
            m.source = ColumnMeaning::Source::Words;
            m.field = *field;
            const std::string unit = bracketUnit(m.header);
            if (!unit.empty() && isTonnage(kind, m.field)) {
                m.factor = tonnesPer(unit);
                if (m.factor == 0)
                    m.problem = "unit \"" + unit + "\" of column \"" + m.header + "\" is not understood (t or kg); give a rule such as \"" +
                                m.header + "=" + m.field + "/1000\"";
            }
        } else {
            m.problem = "column \"" + m.header + "\" is not one Traza knows for " + sheetWord;
            const auto near = words.closestColumns(kind, m.header);
            if (!near.empty()) {
                m.problem += "; closest: ";
                for (std::size_t k = 0; k < near.size(); ++k) m.problem += (k ? ", \"" : "\"") + near[k] + "\"";
            }
            m.problem += ". Map it with a rule such as \"" + m.header + "=notes\" or \"" + m.header + "=ignore\"";
        }
        out.push_back(std::move(m));
    }
    // A field read from two columns is a problem of the second.
    for (std::size_t i = 0; i < out.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (!out[i].field.empty() && out[i].field == out[j].field && out[i].problem.empty())
                out[i].problem = "column \"" + out[i].header + "\" means " + out[i].field + ", as column " + columnLetters(out[j].column) +
                                 " (\"" + out[j].header + "\") does";
    return out;
}

}  // namespace traza::model
