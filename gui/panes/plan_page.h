#pragma once
// The analysis pane's "What to document next" tab (issue #20): the user picks
// the evidence level, the stage K and the target share θ; the page shows the
// library's document-next plan (risk/claims/documentation_plan.h) — per step
// the flow "A → B", the tonnes to document, what the step adds and the traced
// share after it — and, while the tab is in front, the plan's flows are
// highlighted on the canvas with their gain. Clicking a step selects its flow
// and shows it. Beside it, the what-if (what_if_panel.h).
#include <wx/panel.h>

#include <functional>
#include <memory>
#include <string>

#include "analysis.h"
#include "chain_scene.h"
#include "document.h"
#include "plan_request.h"
#include "selection.h"

class wxChoice;
class wxSpinCtrl;
class wxStaticText;

namespace traza::gui {

class TableView;
class WhatIfPanel;

class PlanPage : public wxPanel {
public:
    PlanPage(wxWindow* parent, const Document&, Selection&);

    void show(std::shared_ptr<const risk::Analysis>, const model::Project&);
    void clear();
    /// The tab came to the front (true) or went behind another (false).
    void setActive(bool active);
    bool active() const { return m_active; }

    /// The level, stage and target chosen in the page.
    PlanChoice choice() const;
    /// The plan's flows as the canvas marks them (empty while no plan is shown).
    PlanMarks marks() const;

    /// The user changed the level, stage or target (the frame re-runs the analysis with it).
    std::function<void(const PlanChoice&)> onChoiceChanged;
    /// The marks to show on the canvas changed (empty: show none).
    std::function<void(const PlanMarks&)> onMarksChanged;
    /// A step was clicked: select the flow and bring it into view.
    std::function<void(const std::string& flowId)> onShowFlow;

    wxChoice* levelChoice() const { return m_level; }
    wxSpinCtrl* stageSpin() const { return m_stage; }
    wxSpinCtrl* targetSpin() const { return m_target; }
    TableView* steps() const { return m_steps; }
    WhatIfPanel* whatIf() const { return m_whatIf; }
    wxString summaryText() const;

private:
    void choiceChanged();
    void publishMarks();

    const Document& m_doc;
    Selection& m_selection;
    bool m_active = false;
    std::shared_ptr<const risk::Analysis> m_analysis;
    wxChoice* m_level = nullptr;
    wxSpinCtrl* m_stage = nullptr;
    wxSpinCtrl* m_target = nullptr;
    wxStaticText* m_summary = nullptr;
    TableView* m_steps = nullptr;
    WhatIfPanel* m_whatIf = nullptr;
};

}  // namespace traza::gui
