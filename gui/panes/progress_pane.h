#pragma once
// The Progress pane (issue #19, "Time"): the analysis's progress series as two
// charts, cumulative tonnes per organisation against its goal (dashed), and
// the records' documented share at each evidence level, per month or ISO week.
// Shown from View > Show progress; without delivery records it says so.
#include <wx/panel.h>

#include <memory>

#include "analysis.h"
#include "line_chart.h"

namespace traza::gui {

class ProgressPane : public wxPanel {
public:
    explicit ProgressPane(wxWindow* parent);

    /// The series of `result` (none when the project has no records), with the
    /// organisations named from `project`.
    void showAnalysis(std::shared_ptr<const risk::Analysis> result, const model::Project& project);

    /// What the pane draws (for tests): the two charts, and the points plotted at the last paint.
    const LineChart& tonnesChart() const { return m_tonnes; }
    const LineChart& sharesChart() const { return m_shares; }
    std::size_t pointsDrawn() const { return m_pointsDrawn; }
    const wxString& note() const { return m_note; }
    bool hasSeries() const { return !m_tonnes.categories.empty(); }

private:
    void onPaint(wxPaintEvent&);

    LineChart m_tonnes;
    LineChart m_shares;
    wxString m_note;
    std::size_t m_pointsDrawn = 0;
};

}  // namespace traza::gui
