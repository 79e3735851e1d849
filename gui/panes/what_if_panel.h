#pragma once
// "If these flows were documented" (issue #20): the user ticks flows (the
// plan's, the best next ones, or the flow selected on the canvas) and sees the
// traced share by stage at the plan's evidence level, today and with those
// flows documented for all their tonnes. The numbers come from
// risk::traceabilityIfDocumented on a copy: the project is not changed, nothing
// goes on the undo stack. Reset unticks everything.
#include <wx/panel.h>

#include <memory>
#include <string>
#include <vector>

#include "analysis.h"
#include "document.h"
#include "selection.h"

class wxButton;
class wxCheckListBox;
class wxStaticText;

namespace traza::gui {

class TableView;

class WhatIfPanel : public wxPanel {
public:
    struct Candidate {
        std::string flow;
        wxString label;
    };
    WhatIfPanel(wxWindow* parent, const Document&, const Selection&);

    /// The flows offered for ticking (ticks of flows still offered are kept).
    void setCandidates(std::vector<Candidate>);
    /// The analysis "today" is read from, and the level the what-if documents at; recomputes.
    void setContext(std::shared_ptr<const risk::Analysis>, model::Evidence level);
    void clear();
    /// Untick every flow.
    void reset();

    std::vector<std::string> tickedFlows() const;
    wxCheckListBox* flows() const { return m_flows; }
    TableView* shares() const { return m_shares; }
    wxButton* resetButton() const { return m_reset; }
    wxButton* addSelectedButton() const { return m_addSelected; }

private:
    void recompute();
    void addSelectedFlow();

    const Document& m_doc;
    const Selection& m_selection;
    std::vector<Candidate> m_candidates;
    std::vector<std::string> m_ticked;  ///< in the order they were ticked
    std::shared_ptr<const risk::Analysis> m_analysis;
    model::Evidence m_level = model::Evidence::Documented;
    wxStaticText* m_heading = nullptr;
    wxCheckListBox* m_flows = nullptr;
    TableView* m_shares = nullptr;
    wxButton* m_reset = nullptr;
    wxButton* m_addSelected = nullptr;
};

}  // namespace traza::gui
