#include "catalogue_entry_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <map>

#include "error.h"
#include "labels.h"

namespace traza::gui {
namespace {

// The label of a JSON key; keys Traza does not know show as they are written.
wxString keyLabel(const std::string& key) {
    static const std::map<std::string, const char*> known{
        {"id", wxTRANSLATE("Id")},
        {"name", wxTRANSLATE("Name")},
        {"description", wxTRANSLATE("Description")},
        {"weight", wxTRANSLATE("Weight (share of the remaining risk)")},
        {"category", wxTRANSLATE("Category")},
        {"severity", wxTRANSLATE("Severity (low, medium, high, critical)")},
        {"parameters", wxTRANSLATE("Parameters (JSON)")},
        {"explanation", wxTRANSLATE("Explanation")},
        {"baseline_risk", wxTRANSLATE("Baseline risk (0 to 1)")},
        {"baseline_label", wxTRANSLATE("Baseline label")},
        {"inherent_risk", wxTRANSLATE("Inherent risk (0 to 1)")},
        {"default_stage", wxTRANSLATE("Default stage")},
        {"typical_evidence", wxTRANSLATE("Typical evidence")},
        {"expected_due_diligence", wxTRANSLATE("Expected due diligence")},
        {"source_note", wxTRANSLATE("Source")},
    };
    auto it = known.find(key);
    return it == known.end() ? toWx(key) : wxGetTranslation(it->second);
}

wxString fieldLabel(const std::string& key) {
    const std::size_t dot = key.rfind('.');
    if (dot != std::string::npos && key.substr(dot + 1) == "en") return wxString::Format(_("%s (English)"), keyLabel(key.substr(0, dot)));
    if (dot != std::string::npos && key.substr(dot + 1) == "es") return wxString::Format(_("%s (Spanish)"), keyLabel(key.substr(0, dot)));
    return keyLabel(key);
}

bool isLongText(const EntryField& f) {
    return f.kind == EntryField::Kind::Json || f.key.rfind("description.", 0) == 0 || f.key.rfind("explanation.", 0) == 0 ||
           f.key.rfind("expected_due_diligence.", 0) == 0;
}

}  // namespace

CatalogueEntryDialog::CatalogueEntryDialog(wxWindow* parent, const wxString& title, std::vector<EntryField> fields, Check check)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxSize(640, 620), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_fields(std::move(fields)),
      m_check(std::move(check)) {
    SetName("traza-catalogue-entry");
    auto* scroll = new wxScrolledWindow(this);
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
    grid->AddGrowableCol(1);
    for (const EntryField& f : m_fields) {
        grid->Add(new wxStaticText(scroll, wxID_ANY, fieldLabel(f.key)), 0, wxALIGN_TOP | wxTOP, 4);
        wxWindow* c = nullptr;
        if (f.kind == EntryField::Kind::Flag) {
            auto* box = new wxCheckBox(scroll, wxID_ANY, wxString());
            box->SetValue(f.text == "1");
            c = box;
        } else {
            const long style = isLongText(f) ? wxTE_MULTILINE : 0;
            auto* text = new wxTextCtrl(scroll, wxID_ANY, toWx(f.text), wxDefaultPosition,
                                        isLongText(f) ? wxSize(-1, f.kind == EntryField::Kind::Json ? 120 : 60) : wxDefaultSize, style);
            text->SetEditable(!f.readOnly);
            c = text;
        }
        c->SetName(toWx("entry-field-" + f.key));
        grid->Add(c, 1, wxEXPAND);
        m_controls.push_back(c);
    }
    auto* inner = new wxBoxSizer(wxVERTICAL);
    inner->Add(grid, 1, wxEXPAND | wxALL, 10);
    scroll->SetSizer(inner);
    scroll->SetScrollRate(0, 10);

    m_problem = new wxStaticText(this, wxID_ANY, wxString());
    m_problem->SetName("entry-problem");
    m_problem->SetForegroundColour(*wxRED);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(scroll, 1, wxEXPAND);
    top->Add(m_problem, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    top->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 10);
    SetSizer(top);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
        if (accept()) e.Skip();  // let the dialog end with wxID_OK
    }, wxID_OK);
}

wxWindow* CatalogueEntryDialog::control(const std::string& key) const {
    for (std::size_t i = 0; i < m_fields.size(); ++i)
        if (m_fields[i].key == key) return m_controls[i];
    return nullptr;
}

bool CatalogueEntryDialog::accept() {
    std::vector<EntryField> now = m_fields;
    for (std::size_t i = 0; i < now.size(); ++i) {
        if (auto* box = dynamic_cast<wxCheckBox*>(m_controls[i])) now[i].text = box->GetValue() ? "1" : "0";
        else if (auto* text = dynamic_cast<wxTextCtrl*>(m_controls[i])) now[i].text = toUtf8(text->GetValue());
    }
    std::string reason;
    try {
        m_entry = entryFromFields(now);
        reason = m_check ? m_check(m_entry) : std::string();
    } catch (const InvalidInput& e) {
        reason = e.what();
    }
    m_problem->SetLabel(toWx(reason));
    if (GetClientSize().x > 100) m_problem->Wrap(GetClientSize().x - 20);
    Layout();
    return reason.empty();
}

wxString CatalogueEntryDialog::problem() const { return m_problem->GetLabel(); }

}  // namespace traza::gui
