#pragma once
// The analysis pane's Reconciliation tab (issue #21): the χ² verdict in words
// and every uncertain or unknown figure, the adjusted ones ranked by |z| (the
// most implausible first), then the unknown flows the balances computed or could
// not determine, then the figures no balance checks ("cannot be checked", never
// "fine"). A row selects its flow, or the actor of a stock change or loss.
#include <wx/panel.h>

#include <memory>

#include "analysis.h"
#include "project.h"
#include "selection.h"

class wxStaticText;

namespace traza::gui {

class TableView;

class ReconciliationPage : public wxPanel {
public:
    ReconciliationPage(wxWindow* parent, Selection&);
    void show(std::shared_ptr<const risk::Analysis>, const model::Project&);
    void clear();

    TableView* figures() const { return m_figures; }
    wxString verdictText() const;

private:
    void setVerdict(const wxString&);
    void wrapVerdict();
    wxString m_verdictText;  ///< unwrapped
    int m_wrappedAt = 0;
    wxStaticText* m_verdict = nullptr;
    TableView* m_figures = nullptr;
};

/// The verdict of a reconciliation in words (also for tests): χ² with its
/// degrees of freedom, p-value and 5 % critical value, and what that means.
wxString reconciliationVerdict(const risk::Reconciliation&, bool analysisUsesReconciled);

}  // namespace traza::gui
