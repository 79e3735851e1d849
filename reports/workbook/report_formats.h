#pragma once
// The workbook's cell formats, created once per workbook and shared by every sheet
// (libxlsxwriter keeps one style record per format; creating them per cell would
// bloat the file). Number formats: tonnes "0.0", shares "0.0%".
#include <xlsxwriter.h>

namespace traza::reports {

class Workbook;

struct Formats {
    lxw_format* title = nullptr;     ///< sheet title, large bold
    lxw_format* section = nullptr;   ///< heading of a block within a sheet
    lxw_format* header = nullptr;    ///< table header: bold, filled, wrapped, bordered
    lxw_format* label = nullptr;     ///< bold label of a label/value pair
    lxw_format* text = nullptr;      ///< plain text, top-aligned
    lxw_format* center = nullptr;    ///< short flags (Yes/No), centred
    lxw_format* wrap = nullptr;      ///< wrapped text, top-aligned
    lxw_format* note = nullptr;      ///< italic wrapped note
    lxw_format* integer = nullptr;   ///< "0"
    lxw_format* decimal = nullptr;   ///< "0.00" (scores, exposure)
    lxw_format* score = nullptr;     ///< "0.0000" (choke scores: two that differ in the 3rd digit rank apart)
    lxw_format* tonnes = nullptr;    ///< "0.0"
    lxw_format* share = nullptr;     ///< "0.0%"
    lxw_format* money = nullptr;     ///< "#,##0"
    lxw_format* totalLabel = nullptr;
    lxw_format* totalTonnes = nullptr;
    lxw_format* totalShare = nullptr;
    lxw_format* totalInteger = nullptr;
    lxw_format* totalMoney = nullptr;
    lxw_format* horizon = nullptr;   ///< the traceability-horizon cell: share, highlighted
    lxw_format* warning = nullptr;   ///< a discrepancy note (CARE compliance)

    // Fills used by conditional formats (risk levels, severities, compliance).
    lxw_format* fillLow = nullptr;
    lxw_format* fillMedium = nullptr;
    lxw_format* fillHigh = nullptr;
    lxw_format* fillCritical = nullptr;
    lxw_format* fillGood = nullptr;

    static Formats create(Workbook&);
};

}  // namespace traza::reports
