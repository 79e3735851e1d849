#pragma once
// The bottom pane: what the latest analysis says, in tables an auditor can
// scan: choke points, the traceability matrix (evidence level × stage) with the
// limits statement, red flags, warnings, every actor's figures, what to document
// next (plan_page.h), the claim accounts (claims_page.h) and, when some figure
// is uncertain, the reconciliation (reconciliation_page.h). Rows about
// an actor or flow select it when clicked.
#include <wx/panel.h>

#include <functional>
#include <memory>

#include "analysis.h"
#include "document.h"
#include "project.h"
#include "selection.h"

class wxButton;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace traza::gui {

class RedFlagsPage;

class ClaimsPage;
class PlanPage;
class ReconciliationPage;
class TableView;

class AnalysisPanel : public wxPanel {
public:
    AnalysisPanel(wxWindow* parent, const Document&, Selection&);

    /// Show a result for `project` (names are copied from there). The big tables
    /// (actors, red flags) keep `result` and format a row only when it is shown.
    void showAnalysis(std::shared_ptr<const risk::Analysis> result, const model::Project&);
    /// The analysis is running / failed (the tables keep the last result).
    void showBusy();
    /// A different project was loaded: the tables empty (they described the old
    /// one) and the summary says the analysis is on its way.
    void showPending();
    void showFailure(const wxString& reason);

    TableView* chokePoints() const { return m_choke; }
    TableView* traceability() const { return m_trace; }
    TableView* redFlags() const;
    RedFlagsPage* redFlagsPage() const { return m_flags; }
    TableView* warnings() const { return m_warnings; }
    TableView* actors() const { return m_actors; }
    ReconciliationPage* reconciliation() const { return m_reconciliation; }
    PlanPage* plan() const { return m_plan; }
    ClaimsPage* claims() const { return m_claims; }
    /// Bring the page `page` of the pane's notebook to the front.
    void showPage(wxWindow* page);
    wxButton* addFindingButton() const;
    /// The red flag of the chosen row of the Red flags page, or nullptr.
    const risk::RedFlag* chosenRedFlag() const;
    /// A row about an actor or flow was chosen (and selected): the frame centres the canvas on it.
    std::function<void(const ItemRef&)> onItemShown;
    /// "Add finding" under the red flags: the frame hands the chosen flag to the findings register.
    std::function<void(const risk::RedFlag&)> onAddFinding;
    wxString statementText() const;
    wxString summaryText() const;

private:
    struct Names;
    void fillChokePoints(const risk::Analysis&, const Names&);
    void fillTraceability(const risk::Analysis&);
    void fillActors(std::shared_ptr<const risk::Analysis>, std::shared_ptr<const Names>);

    Selection& m_selection;
    wxStaticText* m_summary = nullptr;
    wxNotebook* m_book = nullptr;
    TableView* m_choke = nullptr;
    TableView* m_trace = nullptr;
    wxTextCtrl* m_statement = nullptr;
    RedFlagsPage* m_flags = nullptr;
    TableView* m_warnings = nullptr;
    TableView* m_actors = nullptr;
    ReconciliationPage* m_reconciliation = nullptr;
    PlanPage* m_plan = nullptr;
    ClaimsPage* m_claims = nullptr;
};

}  // namespace traza::gui
