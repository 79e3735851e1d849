#pragma once
// Which spreadsheet number formats show a number as a date. An xlsx file stores
// a date as a plain number; only the cell's style says "date", through its
// number format: a built-in id or a format code of the workbook's own.
#include <string_view>

namespace traza::model {

/// Whether built-in xlsx number format `id` (ECMA-376 18.8.30) is a date:
/// 14-17 and 22 (d/m/yy, d-mmm-yy, ..., m/d/yy h:mm) and the East Asian date
/// formats 27-36 and 50-58. The time-of-day formats (18-21, 45-47) are not:
/// a duration or a time is no day, and stays a number.
bool isBuiltinDateFormat(int id);

/// Whether a format code shows a date: it has a day, month or year token
/// (d, m, y) outside quoted text, [brackets] (colours,
/// locales, elapsed [h]), escaped characters (\x) and _x/*x padding. An m
/// with h or s in the same code and no d or y is minutes ("h:mm", "mm:ss").
/// Only the first section (before ';') counts. The era-year token e is not
/// looked for: it would make "0.00E+00" and "General" dates.
bool isDateFormatCode(std::string_view code);

}  // namespace traza::model
