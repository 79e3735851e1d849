#include "typology_action.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "bulk_typology.h"
#include "catalogue_help.h"
#include "error_dialog.h"
#include "labels.h"

namespace traza::gui {
namespace {

TypologyChooser& chooser() {
    static TypologyChooser c;
    return c;
}

// The list of typologies ("(not set)" first) beside the explanation of the highlighted one.
class TypologyDialog : public wxDialog {
public:
    TypologyDialog(wxWindow* parent, const model::Catalogue& c, const wxString& heading, const std::string& current)
        : wxDialog(parent, wxID_ANY, _("Set typology of outgoing flows"), wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
          m_catalogue(c) {
        SetName("typology-dialog");
        m_ids.push_back("");
        wxArrayString labels;
        labels.push_back(_("(not set)"));
        for (const model::Typology& t : c.typologies) {
            m_ids.push_back(t.id);
            labels.push_back(wxString::Format("%s — %s", toWx(t.id), localText(t.name)));
        }
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* text = new wxStaticText(this, wxID_ANY, heading);
        sizer->Add(text, 0, wxALL, FromDIP(8));
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        m_list = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(380, 220)), labels, wxLB_SINGLE);
        m_list->SetName("typology-list");
        m_help = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(440, 220)),
                                wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
        m_help->SetName("typology-help");
        row->Add(m_list, 0, wxEXPAND | wxRIGHT, FromDIP(8));
        row->Add(m_help, 1, wxEXPAND);
        sizer->Add(row, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
        sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
        SetSizerAndFit(sizer);
        const auto at = std::find(m_ids.begin(), m_ids.end(), current);
        m_list->SetSelection(at == m_ids.end() ? 0 : static_cast<int>(at - m_ids.begin()));
        m_list->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { explain(); });
        m_list->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { EndModal(wxID_OK); });
        explain();
    }
    std::string chosen() const {
        const int i = m_list->GetSelection();
        return i >= 0 && static_cast<std::size_t>(i) < m_ids.size() ? m_ids[i] : std::string();
    }

private:
    void explain() { m_help->ChangeValue(typologyHelp(m_catalogue, chosen())); }
    const model::Catalogue& m_catalogue;
    std::vector<std::string> m_ids;
    wxListBox* m_list = nullptr;
    wxTextCtrl* m_help = nullptr;
};

void status(wxWindow* parent, const wxString& text) {
    if (auto* frame = dynamic_cast<wxFrame*>(wxGetTopLevelParent(parent)))
        if (frame->GetStatusBar()) frame->SetStatusText(text, 0);
}

}  // namespace

void setTypologyChooser(TypologyChooser c) { chooser() = std::move(c); }

std::size_t setOutgoingTypologyWithDialog(wxWindow* parent, Document& doc, const Selection& selection) {
    const model::Project& p = doc.project();
    const std::vector<std::string> actors(selection.actors().begin(), selection.actors().end());
    std::size_t outgoing = 0;
    std::string current;  // preselected: the typology the first outgoing flow has
    for (const model::Flow& f : p.flows)
        if (std::find(actors.begin(), actors.end(), f.from) != actors.end()) {
            if (outgoing++ == 0) current = f.typology;
        }
    if (outgoing == 0) {
        status(parent, actors.empty() ? _("Select an actor first") : _("The selected actors have no outgoing flows"));
        return 0;
    }
    std::optional<std::string> choice;
    if (chooser()) {
        choice = chooser()(actors);
    } else {
        const model::Actor* first = p.findActor(actors.front());
        const wxString who = actors.size() == 1 && first ? toWx(first->name.empty() ? first->id : first->name)
                                                         : wxString::Format(_("%d actors"), static_cast<int>(actors.size()));
        const wxString heading = wxString::Format(
            wxPLURAL("Typology for the %d outgoing flow of %s:", "Typology for the %d outgoing flows of %s:", outgoing),
            static_cast<int>(outgoing), who);
        TypologyDialog dlg(parent, p.catalogue, heading, current);
        if (dlg.ShowModal() == wxID_OK) choice = dlg.chosen();
    }
    if (!choice) return 0;
    try {
        const std::size_t changed = setOutgoingTypology(doc, actors, *choice);
        status(parent, wxString::Format(wxPLURAL("Typology set on %d flow", "Typology set on %d flows", changed),
                                        static_cast<int>(changed)));
        return changed;
    } catch (const std::exception& e) {
        showError(parent, e);
        return 0;
    }
}

}  // namespace traza::gui
