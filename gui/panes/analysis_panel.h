#pragma once
// The bottom pane: what the latest analysis says, in tables an auditor can
// scan: choke points, the traceability matrix (evidence level × stage) with the
// limits statement, red flags, warnings, every actor's figures and, when some
// figure is uncertain, the reconciliation (reconciliation_page.h). Rows about
// an actor or flow select it when clicked.
#include <wx/panel.h>

#include <memory>

#include "analysis.h"
#include "project.h"
#include "selection.h"

class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace traza::gui {

class ReconciliationPage;
class TableView;

class AnalysisPanel : public wxPanel {
public:
    AnalysisPanel(wxWindow* parent, Selection&);

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
    TableView* redFlags() const { return m_flags; }
    TableView* warnings() const { return m_warnings; }
    TableView* actors() const { return m_actors; }
    ReconciliationPage* reconciliation() const { return m_reconciliation; }
    wxString statementText() const;
    wxString summaryText() const;

private:
    struct Names;
    void fillChokePoints(const risk::Analysis&, const Names&);
    void fillTraceability(const risk::Analysis&);
    void fillRedFlags(std::shared_ptr<const risk::Analysis>, std::shared_ptr<const Names>, const model::Project&);
    void fillActors(std::shared_ptr<const risk::Analysis>, std::shared_ptr<const Names>);

    Selection& m_selection;
    wxStaticText* m_summary = nullptr;
    wxNotebook* m_book = nullptr;
    TableView* m_choke = nullptr;
    TableView* m_trace = nullptr;
    wxTextCtrl* m_statement = nullptr;
    TableView* m_flags = nullptr;
    TableView* m_warnings = nullptr;
    TableView* m_actors = nullptr;
    ReconciliationPage* m_reconciliation = nullptr;
};

}  // namespace traza::gui
