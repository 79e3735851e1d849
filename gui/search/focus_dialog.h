#pragma once
// View > Focus… (issue #17): what part of the chain the canvas shows — the
// selected actors' upstream, downstream or both, within a number of steps, or
// the actors of one red-flag rule of the last analysis.
#include <wx/dialog.h>

#include <string>
#include <utility>
#include <vector>

#include "chain_focus.h"

class wxRadioBox;
class wxSpinCtrl;
class wxChoice;

namespace traza::gui {

struct FocusRequest {
    bool byRule = false;
    FocusDirection direction = FocusDirection::Both;
    int hops = 0;  ///< 0: no limit
    std::string rule;
};

class FocusDialog : public wxDialog {
public:
    /// `rules`: (rule id, label with its count) of the red flags raised, most first.
    FocusDialog(wxWindow* parent, bool actorsSelected, const std::vector<std::pair<std::string, wxString>>& rules);
    FocusRequest request() const;

    wxRadioBox* showBox() const { return m_show; }
    wxSpinCtrl* hopsBox() const { return m_hops; }
    wxChoice* ruleBox() const { return m_rule; }

private:
    void updateEnabled();
    wxRadioBox* m_show = nullptr;
    wxSpinCtrl* m_hops = nullptr;
    wxChoice* m_rule = nullptr;
    std::vector<std::string> m_ruleIds;
};

/// The choices for FocusDialog: each rule that raised flags in `analysis`, named
/// from the catalogue in the interface language, with its count, most first.
std::vector<std::pair<std::string, wxString>> focusRuleChoices(const model::Project&, const risk::Analysis&);

}  // namespace traza::gui
