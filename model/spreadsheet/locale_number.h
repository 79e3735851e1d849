#pragma once
// Numbers as people type them in a spreadsheet's locale: "173,8" and "3.200.000"
// from a Spanish Excel, "173.8" and "3,200,000" from an English one, "3 200 000"
// from either. Nothing is guessed: a text that reads as two different numbers
// ("1.234": 1.234 or 1234?) is read only if the file shows its decimal mark.
// Depends on the standard library and sheet_table.h (DecimalMark).
#include <optional>
#include <string>
#include <string_view>

#include "sheet_table.h"

namespace traza::model {

// The forms, under a decimal mark d (the other of '.' ',' is the thousands separator t):
//   [sign] digits [d digits] [e|E [sign] digits]      "1234,5" "-5" "+5" "1e3" "1.5E-3"
//   [sign] g ( t ddd )+ [d digits]                    "1.234,5" "3.200.000" "3 200 000"
// where g is 1-3 digits not starting with 0, and t is one separator used
// throughout the number: '.' or ',' (whichever is not d), a space, a no-break
// space (U+00A0) or a narrow no-break space (U+202F). ".5" and "5." are fine;
// thousands separators and an exponent do not mix. Spaces around are ignored.

/// Reads `text` as a number. `mark`: the decimal mark the file shows (see
/// detectDecimalMark). Under Unknown, a text that is a number under one mark
/// only is read so ("173,8", "0.25", "1.234,5", "3.200.000"), one that is the
/// same under both is read ("1234", "3 200 000"), and one that differs
/// ("1.234", "1,234": a separator, then exactly three digits) is refused as
/// ambiguous. Under Point or Comma, a text that fits only the other mark is refused.
/// On refusal returns std::nullopt and, if `whyNot`, a reason for the user
/// (English, quoting the text), e.g. "not a number (\"12abc\")".
/// Never returns infinity or NaN; an empty text is refused ("no number").
std::optional<double> parseLocaleNumber(std::string_view text, DecimalMark mark, std::string* whyNot = nullptr);

/// What one text shows of the decimal mark: Point or Comma if it is a number
/// under that mark only ("173.8", "1,234.5", "3,200,000", "0.25" show Point;
/// "173,8", "1.234,5", "3.200.000", "0,25" show Comma); Unknown for anything
/// else (not a number, "1234", "1e3", "3 200 000", or the ambiguous "1.234").
DecimalMark decimalMarkShownBy(std::string_view text);

/// Collects what the cells of a file show; the verdict is Unknown when no cell
/// shows a mark and also when cells show both (conflicting evidence: then each
/// number is read by its own form and the ambiguous ones are refused).
class DecimalMarkEvidence {
public:
    void add(std::string_view text);
    DecimalMark verdict() const;
    bool conflicting() const { return m_point && m_comma; }
    /// For the import summary: "decimal mark: comma", ...; empty if nothing was shown.
    std::string note() const;

private:
    bool m_point = false;
    bool m_comma = false;
};

/// The verdict of DecimalMarkEvidence over every Text cell of the table.
DecimalMark detectDecimalMark(const SheetTable& table);

}  // namespace traza::model
