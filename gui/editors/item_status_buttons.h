#pragma once
// The status of a checklist item as four buttons side by side (issue #17: the
// status could only be changed through a choice box, two clicks and a look at
// a drop-down). One click on a button chooses that status; the button of the
// shown status stays pressed.
#include <wx/panel.h>

#include <functional>

#include "enums.h"

class wxToggleButton;

namespace traza::gui {

class ItemStatusButtons : public wxPanel {
public:
    explicit ItemStatusButtons(wxWindow* parent);

    /// Show `status` as the pressed button (no onChosen).
    void show(model::ItemStatus status);
    /// The status shown, as the pressed button says.
    model::ItemStatus shown() const { return m_shown; }
    wxToggleButton* button(model::ItemStatus) const;

    /// Called when the user presses the button of another status.
    std::function<void(model::ItemStatus)> onChosen;

private:
    wxToggleButton* m_buttons[4] = {};
    model::ItemStatus m_shown = model::ItemStatus::NotStarted;
};

}  // namespace traza::gui
