#include "labels.h"

#include <wx/intl.h>
#include <wx/numformatter.h>
#include <wx/translation.h>

#include <cmath>
#include <iterator>

namespace traza::gui {
namespace {

// Index = enumerator value; wxTRANSLATE marks them for the catalogue extractor.
const char* const kKinds[] = {wxTRANSLATE("Waste picker"), wxTRANSLATE("Picker organisation"),
                              wxTRANSLATE("Intermediary"), wxTRANSLATE("Exporter"),
                              wxTRANSLATE("Refiner"),      wxTRANSLATE("Manufacturer"),
                              wxTRANSLATE("Brand / EPR scheme"), wxTRANSLATE("Other")};
const char* const kFormality[] = {wxTRANSLATE("Informal"), wxTRANSLATE("Semi-formal"), wxTRANSLATE("Formal")};
const char* const kEvidence[] = {wxTRANSLATE("none"), wxTRANSLATE("self-declared"), wxTRANSLATE("reported"),
                                 wxTRANSLATE("documented"), wxTRANSLATE("verified")};
const char* const kPayment[] = {wxTRANSLATE("Unknown"), wxTRANSLATE("Cash"), wxTRANSLATE("Credit")};
const char* const kStatus[] = {wxTRANSLATE("Not started"), wxTRANSLATE("In progress"), wxTRANSLATE("Done"),
                               wxTRANSLATE("Not applicable")};
const char* const kStages[] = {wxTRANSLATE("Waste pickers"), wxTRANSLATE("Picker organisations"),
                               wxTRANSLATE("Intermediaries"), wxTRANSLATE("Exporters"),
                               wxTRANSLATE("Refiners"), wxTRANSLATE("Manufacturers"),
                               wxTRANSLATE("Brands and EPR schemes")};
// The model's command labels, so the catalogue can translate "Undo Add flow".
[[maybe_unused]] const char* const kCommands[] = {
    wxTRANSLATE("Add actor"),  wxTRANSLATE("Delete actor"),   wxTRANSLATE("Edit actor"),
    wxTRANSLATE("Move actor"), wxTRANSLATE("Move actors"),    wxTRANSLATE("Add flow"),
    wxTRANSLATE("Delete flow"), wxTRANSLATE("Edit flow"),     wxTRANSLATE("Edit assessment"),
    wxTRANSLATE("Edit checklist item"), wxTRANSLATE("Change checklist template"), wxTRANSLATE("Edit goals"), wxTRANSLATE("Edit supports"),
    wxTRANSLATE("Layout chain"), wxTRANSLATE("Delete selection"), wxTRANSLATE("Import spreadsheet"), wxTRANSLATE("Import answers"),
    wxTRANSLATE("Add finding"), wxTRANSLATE("Edit finding"), wxTRANSLATE("Close finding"), wxTRANSLATE("Delete finding"),
    wxTRANSLATE("Paste rows"), wxTRANSLATE("Delete rows")};

template <std::size_t N>
wxString pick(const char* const (&table)[N], int i) {
    return (i >= 0 && static_cast<std::size_t>(i) < N) ? wxGetTranslation(table[i]) : wxString("?");
}

}  // namespace

std::string uiLanguage() {
    // Asked once: the lookup scans the catalogue folders, and a table of 60 000
    // red flags asks for every row.
    static const std::string language = [] {
        wxTranslations* t = wxTranslations::Get();
        return t && t->GetBestTranslation("traza").StartsWith("es") ? std::string("es") : std::string("en");
    }();
    return language;
}

wxChar decimalMark() { return uiLanguage() == "es" ? wxChar(',') : wxChar('.'); }

wxString withNumberMarks(const wxString& plain, wxChar plainDecimal, wxChar decimal, wxChar thousands) {
    const int point = plain.Find(plainDecimal);
    const wxString whole = point == wxNOT_FOUND ? plain : plain.Left(static_cast<size_t>(point));
    const wxString fraction = point == wxNOT_FOUND ? wxString() : plain.Mid(static_cast<size_t>(point) + 1);
    wxString out;
    std::size_t digits = 0;  // in the whole part, after any sign
    for (wxChar c : whole)
        if (wxIsdigit(c)) ++digits;
    for (wxChar c : whole) {
        out += c;
        if (!wxIsdigit(c)) continue;
        --digits;
        if (thousands && digits > 0 && digits % 3 == 0) out += thousands;
    }
    if (point != wxNOT_FOUND) out << decimal << fraction;
    return out;
}

wxString formatNumber(double value, int decimals, int style) {
    // The formatter follows the C locale, which may have no thousands separator
    // (a machine without es_ES): it writes the plain number, and the language's
    // marks are put in here.
    const bool grouped = (style & wxNumberFormatter::Style_WithThousandsSep) != 0;
    const wxString plain = wxNumberFormatter::ToString(value, decimals, style & ~wxNumberFormatter::Style_WithThousandsSep);
    const wxChar thousands = !grouped ? wxChar(0) : decimalMark() == ',' ? wxChar('.') : wxChar(',');
    return withNumberMarks(plain, wxNumberFormatter::GetDecimalSeparator(), decimalMark(), thousands);
}

wxString editableNumber(const std::string& exactText) {
    wxString text = toWx(exactText);
    text.Replace(".", wxString(decimalMark()));
    return text;
}

wxString kindLabel(model::ActorKind k) { return pick(kKinds, static_cast<int>(k)); }
wxString formalityLabel(model::Formality f) { return pick(kFormality, static_cast<int>(f)); }
wxString evidenceLabel(model::Evidence e) { return pick(kEvidence, static_cast<int>(e)); }
wxString paymentLabel(model::Payment p) { return pick(kPayment, static_cast<int>(p)); }
wxString itemStatusLabel(model::ItemStatus s) { return pick(kStatus, static_cast<int>(s)); }

wxString stageName(int stage) {
    if (stage >= 1 && stage <= static_cast<int>(std::size(kStages))) return wxGetTranslation(kStages[stage - 1]);
    return wxString::Format(_("Stage %d"), stage);
}

wxString riskLevelLabel(const std::string& level) {
    if (level == "low") return _("low");
    if (level == "medium") return _("medium");
    if (level == "high") return _("high");
    if (level == "critical") return _("critical");
    return level.empty() ? _("not analysed") : toWx(level);
}

wxString commandLabel(const std::string& modelLabel) { return wxGetTranslation(toWx(modelLabel)); }

wxString formatTonnes(double t, int decimals) {
    // Locale-aware: "1,234.5 t" in English, "1.234,5 t" in Spanish.
    const wxString s = formatNumber(t, decimals, wxNumberFormatter::Style_NoTrailingZeroes | wxNumberFormatter::Style_WithThousandsSep);
    return wxString::Format(_("%s t"), s);
}

wxString formatUncertainTonnes(double t, double sdT, bool unknown, int decimals) {
    if (unknown) return _("? t");
    if (!(sdT > 0)) return formatTonnes(t, decimals);
    const auto style = wxNumberFormatter::Style_NoTrailingZeroes | wxNumberFormatter::Style_WithThousandsSep;
    return wxString::Format(_("%s ± %s t"), formatNumber(t, decimals, style), formatNumber(sdT, decimals, style));
}

wxString formatShare(double share, int decimals) {
    return wxString::Format(_("%s %%"), formatNumber(share * 100, decimals));
}

wxString formatPoints(double change, int decimals) {
    const wxString n = formatNumber(std::abs(change) * 100, decimals);
    return wxString::Format(change < 0 ? _("−%s pts") : _("+%s pts"), n);
}

}  // namespace traza::gui
