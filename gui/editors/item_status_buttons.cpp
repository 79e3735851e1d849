#include "item_status_buttons.h"

#include <wx/sizer.h>
#include <wx/tglbtn.h>

#include "labels.h"

namespace traza::gui {
namespace {
constexpr model::ItemStatus kItemStatuses[] = {model::ItemStatus::NotStarted, model::ItemStatus::InProgress,
                                           model::ItemStatus::Done, model::ItemStatus::NotApplicable};
}

ItemStatusButtons::ItemStatusButtons(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("checklist-status");
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    for (model::ItemStatus s : kItemStatuses) {
        const int i = static_cast<int>(s);
        auto* b = new wxToggleButton(this, wxID_ANY, itemStatusLabel(s), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        b->SetName(wxString::Format("checklist-status-%d", i));
        b->Bind(wxEVT_TOGGLEBUTTON, [this, s](wxCommandEvent&) {
            const model::ItemStatus was = m_shown;
            show(s);  // a second click on the pressed button keeps it pressed
            if (s != was && onChosen) onChosen(s);
        });
        row->Add(b, 0, wxRIGHT, FromDIP(2));  // each as wide as its label: equal widths took the items' room
        m_buttons[i] = b;
    }
    SetSizer(row);
    show(m_shown);
}

void ItemStatusButtons::show(model::ItemStatus status) {
    m_shown = status;
    for (model::ItemStatus s : kItemStatuses) m_buttons[static_cast<int>(s)]->SetValue(s == status);
}

wxToggleButton* ItemStatusButtons::button(model::ItemStatus s) const { return m_buttons[static_cast<int>(s)]; }

}  // namespace traza::gui
