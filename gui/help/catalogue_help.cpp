#include "catalogue_help.h"

#include <wx/propgrid/manager.h>
#include <wx/propgrid/propgrid.h>

#include <algorithm>

#include "labels.h"

namespace traza::gui {
namespace {
// "low_medium" reads "low–medium", each part translated like a risk level.
wxString baselineText(const std::string& label) {
    wxString out;
    std::size_t start = 0;
    while (start <= label.size()) {
        const std::size_t end = std::min(label.find('_', start), label.size());
        if (!out.empty()) out << wxString::FromUTF8("\u2013");
        out << riskLevelLabel(label.substr(start, end - start));
        start = end + 1;
    }
    return out;
}
}  // namespace

wxString typologyHelp(const model::Catalogue& c, const std::string& id) {
    const model::Typology* t = id.empty() ? nullptr : c.typology(id);
    if (!t)
        return _("Recycled-input typology of the material (after RRRM). Each typology carries a baseline risk and "
                 "the due diligence expected for it; choose one to read its explanation here.");
    wxString s = wxString::Format("%s — %s\n%s", toWx(t->id), localText(t->name), localText(t->description));
    if (!t->baselineLabel.empty()) s << "\n" << wxString::Format(_("Baseline risk: %s."), baselineText(t->baselineLabel));
    if (!localText(t->expectedDueDiligence).empty())
        s << (t->baselineLabel.empty() ? "\n" : " ") << wxString::Format(_("Expected due diligence: %s"), localText(t->expectedDueDiligence));
    if (!localText(t->sourceNote).empty()) s << "\n" << localText(t->sourceNote);
    return s;
}

wxString riskFactorsHelp(const model::Catalogue& c, const std::vector<std::string>& chosen) {
    if (chosen.empty())
        return _("Risk factors present at this actor, chosen from the catalogue; each one raises the actor's "
                 "inherent risk by its weight. None chosen.");
    wxString s;
    for (const std::string& id : chosen) {
        if (!s.empty()) s << "\n";
        if (const model::RiskFactor* f = c.riskFactor(id))
            s << wxString::Format("%s (%s): %s", localText(f->name), toWx(f->category), localText(f->description));
        else
            s << wxString::Format(_("%s: not in this project's catalogue"), toWx(id));
    }
    return s;
}

void showPropertyHelp(wxPropertyGrid& g, const wxString& name, const wxString& help) {
    wxPGProperty* p = g.GetPropertyByName(name);
    if (!p) return;
    g.SetPropertyHelpString(p, help);
    if (g.GetSelection() != p) return;
    if (auto* manager = dynamic_cast<wxPropertyGridManager*>(g.GetParent())) manager->SetDescription(p->GetLabel(), help);
}

}  // namespace traza::gui
