#include "progress_pane.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include "labels.h"

namespace traza::gui {

ProgressPane::ProgressPane(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("progress");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &ProgressPane::onPaint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
    m_note = _("No delivery records: the progress series need dated records (Records table).");
}

void ProgressPane::showAnalysis(std::shared_ptr<const risk::Analysis> result, const model::Project& project) {
    m_tonnes = {};
    m_shares = {};
    if (result && result->series && !result->series->periods.empty()) {
        const risk::Series& s = *result->series;
        const bool weekly = s.kind == model::SeriesPeriod::Weekly;
        m_tonnes.title = weekly ? _("Cumulative tonnes per organisation by week, against its goal (dashed)")
                                : _("Cumulative tonnes per organisation by month, against its goal (dashed)");
        m_shares.title = _("Documented share of the records at each evidence level");
        m_shares.shares = true;
        for (const model::PeriodSlot& p : s.periods) m_tonnes.categories.push_back(toWx(p.key));
        m_shares.categories = m_tonnes.categories;
        for (std::size_t g = 0; g < s.goals.size(); ++g) {
            const risk::GoalSeries& goal = s.goals[g];
            const model::Actor* a = project.findActor(goal.actor);
            const wxString name = toWx(a && !a->name.empty() ? a->name : goal.actor);
            ChartLine cumulative{name, {}, chartColour(g), false};
            for (const risk::GoalPeriod& p : goal.periods) cumulative.values.push_back(p.cumulativeT);
            m_tonnes.lines.push_back(std::move(cumulative));
            if (goal.thresholdsT.empty()) continue;
            ChartLine target{wxString::Format(_("%s: goal"), name),
                             std::vector<double>(s.periods.size(), goal.thresholdsT.back()), chartColour(g), true};
            m_tonnes.lines.push_back(std::move(target));
        }
        for (int l = static_cast<int>(model::Evidence::SelfDeclared); l <= static_cast<int>(model::Evidence::Verified); ++l) {
            ChartLine line{evidenceLabel(static_cast<model::Evidence>(l)), {}, chartColour(static_cast<std::size_t>(l - 1)), false};
            for (const risk::EvidencePeriod& e : s.evidence) line.values.push_back(e.documentedShare[l]);
            m_shares.lines.push_back(std::move(line));
        }
        m_note = wxString::Format(_("Only dated records count: flows without records (%s) are left out."),
                                  formatTonnes(s.undatedT));
    } else {
        m_note = _("No delivery records: the progress series need dated records (Records table).");
    }
    Refresh();
}

void ProgressPane::onPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    const wxSize size = GetClientSize();
    gc->SetFont(GetFont(), wxColour(80, 80, 80));
    const int top = static_cast<int>(drawWrapped(*gc, m_note, 6, 4, size.x - 12)) + 6;
    m_pointsDrawn = 0;
    if (!hasSeries()) return;
    const int half = (size.y - top) / 2;
    m_pointsDrawn += drawLineChart(*gc, wxRect(4, top, size.x - 8, half - 6), m_tonnes);
    m_pointsDrawn += drawLineChart(*gc, wxRect(4, top + half, size.x - 8, half - 6), m_shares);
}

}  // namespace traza::gui
