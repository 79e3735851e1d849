#pragma once
// The words Traza understands in a user's spreadsheet (data/interchange/
// spreadsheet_words.json): sheet names, column headers and enumeration values in
// English and Spanish, plus the catalogue's own names for catalogue values. The
// template writer takes its labels from here too, so what Traza writes it reads.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.h"
#include "chain_fields.h"

namespace traza::model {

/// Records (issue #19): the optional sheet of delivery records (model/records/records_sheet.h).
enum class SheetKind { Actors, Flows, Records };

class SpreadsheetWords {
public:
    /// Parse the words file; throws InvalidInput naming `name` and the JSON path.
    static SpreadsheetWords fromJson(std::string_view text, const std::string& name);
    /// data/interchange/spreadsheet_words.json (see dataDirectory()); cached.
    static const SpreadsheetWords& installed();

    /// The field key a header means ("Toneladas (kg)" -> "tonnes"), if any.
    std::optional<std::string> columnField(SheetKind, std::string_view header) const;
    /// Known headers nearest to an unknown one, for the error message.
    std::vector<std::string> closestColumns(SheetKind, std::string_view header) const;
    /// The label Traza writes for a field ("es": "Toneladas"; else English).
    std::string columnLabel(SheetKind, std::string_view field, std::string_view lang) const;

    /// Whether a sheet name means the actors, the flows or the records sheet.
    bool isSheet(SheetKind, std::string_view sheetName) const;
    /// The sheet name Traza writes: kind "actors", "flows", "instructions", "lists".
    std::string sheetLabel(std::string_view kind, std::string_view lang) const;

    /// The file spelling of a user's value of that vocabulary ("Autodeclarada" ->
    /// "self_declared", "Recibo de caja" -> "cash_receipt"), or nullopt.
    std::optional<std::string> value(Vocabulary, std::string_view text, const Catalogue&) const;
    /// A yes/no value ("Sí", "no", "x", "1"), or nullopt.
    std::optional<bool> boolean(std::string_view text) const;
    /// Every word `value` compares (not yet normalised) with the file spelling it
    /// stands for, in the order `value` tries them, until `visit` returns true.
    /// ValueIndex builds its hash tables from this, so both read alike.
    void forEachValueWord(Vocabulary, const Catalogue&, const std::function<bool(std::string_view word, const std::string& id)>& visit) const;
    /// The same for the words of `boolean`.
    void forEachBooleanWord(const std::function<bool(std::string_view word, bool value)>& visit) const;
    /// The label of a value in `lang` (catalogue name, or the value itself).
    std::string valueLabel(Vocabulary, std::string_view id, std::string_view lang, const Catalogue&) const;

private:
    struct Labels {
        std::string en;
        std::string es;
        std::vector<std::string> synonyms;
    };
    std::map<std::string, Labels> m_sheets;
    std::vector<std::pair<std::string, Labels>> m_columns[3];  // field -> labels, by SheetKind
    std::map<std::string, std::map<std::string, Labels>> m_values;  // vocabulary -> id -> words
};

}  // namespace traza::model
