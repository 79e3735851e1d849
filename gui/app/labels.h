#pragma once
// Every user-visible name of a model value, translated (wxTRANSLATE tables), and
// UTF-8 <-> wxString conversion. The model stays English and untranslated; the
// GUI translates at the moment it shows a text.
#include <wx/intl.h>
#include <wx/string.h>

#include <string>

#include "catalogue.h"
#include "enums.h"

namespace traza::gui {

/// UTF-8 std::string to wxString and back (the model is UTF-8 throughout).
inline wxString toWx(const std::string& s) { return wxString::FromUTF8(s.data(), s.size()); }
inline std::string toUtf8(const wxString& s) {
    const wxScopedCharBuffer b = s.utf8_str();
    return std::string(b.data(), b.length());
}

/// "es" when the interface runs in Spanish, else "en" (for catalogue texts and analysis sentences).
std::string uiLanguage();
/// The interface language's decimal mark: ',' in Spanish, '.' in English.
wxChar decimalMark();
/// A number with the interface language's marks ("1.234,5" in Spanish, "1,234.5"
/// in English) whatever the C locale, so a Spanish window on a machine without
/// es_ES writes its numbers as its sentences do. `style`: wxNumberFormatter's.
wxString formatNumber(double value, int decimals, int style = 0);
/// `plain` (digits, a sign, and `plainDecimal` as decimal mark, no grouping)
/// written with `decimal` as mark and, when `thousands` is not 0, the whole part
/// grouped by threes with it: ("801836.7", '.', ',', '.') -> "801.836,7".
wxString withNumberMarks(const wxString& plain, wxChar plainDecimal, wxChar decimal, wxChar thousands);
/// A number as typed back into an editable cell: the shortest exact text
/// ("19.2"), with the interface language's decimal mark ("19,2" in Spanish).
wxString editableNumber(const std::string& exactText);
/// A catalogue text in the interface language.
inline wxString localText(const model::LocalText& t) { return toWx(t.in(uiLanguage())); }

wxString kindLabel(model::ActorKind);
wxString formalityLabel(model::Formality);
wxString evidenceLabel(model::Evidence);
wxString paymentLabel(model::Payment);
wxString itemStatusLabel(model::ItemStatus);
/// "Waste pickers", "Picker organisations", ... ; "Stage 8" beyond the named ones.
wxString stageName(int stage);
/// "low", "high", ... translated; "not analysed" for an empty level.
wxString riskLevelLabel(const std::string& level);
/// A command label from the model ("Add flow"), translated.
wxString commandLabel(const std::string& modelLabel);
/// "12.5 t" with up to `decimals` decimals, trailing zeros dropped.
wxString formatTonnes(double t, int decimals = 1);
/// "100 ± 5 t" (uncertain), "100 t" (sd 0), "? t" (unknown amount), as formatTonnes.
wxString formatUncertainTonnes(double t, double sdT, bool unknown, int decimals = 1);
/// A share as a percentage in the locale's decimals: 0.4123 -> "41.2 %".
wxString formatShare(double share, int decimals = 1);
/// What a change adds to a share, in percentage points: 0.032 -> "+3.2 pts".
wxString formatPoints(double change, int decimals = 1);

}  // namespace traza::gui
