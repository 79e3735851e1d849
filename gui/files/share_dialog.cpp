#include "share_dialog.h"

#include <wx/choice.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace traza::gui {
namespace {
// The order of the region choice; the default is the second-safest level.
const model::RegionLevel kLevels[] = {model::RegionLevel::Full, model::RegionLevel::Top, model::RegionLevel::Country,
                                      model::RegionLevel::None};
}  // namespace

ShareDialog::ShareDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Share anonymised"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "share-anonymised") {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("The copy that is written names no one: actors become \"Organisation 1\", \"Exporter 1\"… (numbered by "
          "stage, then in the chain's order, the same every time), and notes, document numbers, owners, corrective "
          "actions and certificate numbers are left out. Tonnes, evidence, document types, risks and statuses are "
          "kept, so the analysis is the same. The project itself is not changed."));
    intro->Wrap(FromDIP(460));
    sizer->Add(intro, 0, wxALL, FromDIP(10));

    const wxString formats[] = {_("Due-diligence report (.xlsx)"), _("Chain JSON (.json)"),
                                _("Chain graph for yEd and Gephi (.graphml)"), _("Chain map picture (.png)"),
                                _("Chain map drawing (.svg)")};
    m_format = new wxRadioBox(this, wxID_ANY, _("What to share"), wxDefaultPosition, wxDefaultSize, 5, formats, 1,
                              wxRA_SPECIFY_COLS, wxDefaultValidator, "share-format");
    sizer->Add(m_format, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));

    auto* regionRow = new wxBoxSizer(wxHORIZONTAL);
    regionRow->Add(new wxStaticText(this, wxID_ANY, _("Regions:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    const wxString levels[] = {_("As entered"), _("First part only (\"Atlántico / Soledad\" → \"Atlántico\")"),
                               _("Left out, country kept"), _("Neither region nor country")};
    m_regions = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 4, levels, 0, wxDefaultValidator,
                             "share-regions");
    m_regions->SetSelection(2);
    regionRow->Add(m_regions, 1, wxALIGN_CENTER_VERTICAL);
    sizer->Add(regionRow, 0, wxEXPAND | wxALL, FromDIP(10));

    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
}

ShareFormat ShareDialog::format() const { return static_cast<ShareFormat>(m_format->GetSelection()); }

model::RegionLevel ShareDialog::regions() const {
    const int i = m_regions->GetSelection();
    return i >= 0 && i < 4 ? kLevels[i] : model::RegionLevel::Country;
}

const char* ShareDialog::extension(ShareFormat f) {
    switch (f) {
    case ShareFormat::Report: return ".xlsx";
    case ShareFormat::ChainJson: return ".json";
    case ShareFormat::GraphMl: return ".graphml";
    case ShareFormat::Png: return ".png";
    case ShareFormat::Svg: break;
    }
    return ".svg";
}

}  // namespace traza::gui
