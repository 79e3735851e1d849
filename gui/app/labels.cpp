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

wxString formatNumber(double value, int decimals, int style) {
    wxString text = wxNumberFormatter::ToString(value, decimals, style);
    // The formatter follows the C locale; where its mark is not the language's,
    // the two marks trade places (its thousands separator is then the other one).
    if (wxNumberFormatter::GetDecimalSeparator() != decimalMark()) {
        for (auto it = text.begin(); it != text.end(); ++it) {
            if (*it == '.') *it = ',';
            else if (*it == ',') *it = '.';
        }
    }
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
