#include "reconciliation_page.h"

#include <wx/numformatter.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "labels.h"
#include "table_view.h"

namespace traza::gui {
namespace {

using risk::FigureKind;
using risk::FigureStatus;
using risk::ReconciledFigure;

// Locale-aware ("2,00" in Spanish), with the decimals kept: a statistic, not an amount.
wxString number(double v, int decimals) {
    return std::isfinite(v) ? formatNumber(v, decimals, wxNumberFormatter::Style_None) : wxString("–");
}
wxString tonnes(double t) { return std::isfinite(t) ? formatTonnes(t, 2) : wxString("–"); }

// Adjusted figures by |z|, largest first; then computed, not determined, and unchecked.
int statusOrder(FigureStatus s) {
    switch (s) {
    case FigureStatus::Adjusted: return 0;
    case FigureStatus::Computed: return 1;
    case FigureStatus::NotDetermined: return 2;
    case FigureStatus::NotRedundant: return 3;
    }
    return 4;
}

wxString figureName(const ReconciledFigure& f) {
    switch (f.kind) {
    case FigureKind::Flow: return toWx(f.id);
    case FigureKind::StockChange: return wxString::Format(_("%s: stock change"), toWx(f.id));
    case FigureKind::Loss: return wxString::Format(_("%s: losses"), toWx(f.id));
    }
    return toWx(f.id);
}

wxString verdictOf(const ReconciledFigure& f, double zCritical) {
    switch (f.status) {
    case FigureStatus::Adjusted:
        return f.implausible ? wxString::Format(_("implausible: |z| above %s"), number(zCritical, 2))
                             : wxString::Format(_("plausible: |z| within %s"), number(zCritical, 2));
    case FigureStatus::Computed: return _("unknown, computed from the balances");
    case FigureStatus::NotDetermined: return _("unknown, not determined by the balances");
    case FigureStatus::NotRedundant: return _("cannot be checked: no balance tests it, an error would go unseen");
    }
    return {};
}

}  // namespace

wxString reconciliationVerdict(const risk::Reconciliation& r, bool analysisUsesReconciled) {
    wxString s;
    if (r.dof > 0) {
        s = wxString::Format(wxPLURAL("χ² = %s on %ld degree of freedom, p = %s (critical value at 5 %%: %s).",
                                      "χ² = %s on %ld degrees of freedom, p = %s (critical value at 5 %%: %s).", r.dof),
                             number(r.chi2, 2), r.dof, number(r.pValue, 4), number(r.chi2Critical, 2)) +
            " ";
        s += r.pValue < r.alpha ? _("At least one figure is implausible: the figures contradict each other more than their "
                                    "uncertainties allow. The figures ranked first are the likeliest to be wrong.")
                                : _("The figures are consistent: they agree within their uncertainties.");
    } else {
        s = _("No balance checks any uncertain figure, so there is no χ² test and no figure can be called implausible.");
    }
    if (r.status == "inconsistent")
        s += "\n" + _("Some balances are off and none of their figures may change (all exact): they cannot be closed.");
    std::size_t unchecked = 0;
    for (const ReconciledFigure& f : r.figures)
        if (f.status == FigureStatus::NotRedundant) ++unchecked;
    if (unchecked > 0)
        s += "\n" + wxString::Format(wxPLURAL("%d uncertain figure cannot be checked: no balance tests it.",
                                              "%d uncertain figures cannot be checked: no balance tests them.",
                                              static_cast<int>(unchecked)),
                                     static_cast<int>(unchecked));
    s += (unchecked > 0 ? " " : "\n") + (analysisUsesReconciled ? _("The other tabs use the reconciled figures.")
                                        : _("The other tabs use the figures as entered."));
    return s;
}

ReconciliationPage::ReconciliationPage(wxWindow* parent, Selection& sel) : wxPanel(parent, wxID_ANY) {
    SetName("reconciliation");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_verdict = new wxStaticText(this, wxID_ANY, wxString());
    m_verdict->SetName("reconciliation-verdict");
    sizer->Add(m_verdict, 0, wxEXPAND | wxALL, FromDIP(4));
    m_figures = new TableView(this, "reconciled-figures");
    m_figures->setColumns({{_("Figure"), 120}, {_("About"), 260}, {_("Given"), 90, true}, {_("Reconciled"), 90, true},
                           {_("± sd"), 80, true}, {_("z"), 60, true}, {_("Verdict"), 420}});
    m_figures->onItemChosen = [&sel](const ItemRef& r) { sel.set(r); };
    sizer->Add(m_figures, 1, wxEXPAND);
    SetSizer(sizer);
    // The verdict is several sentences: wrapped to the page's width, again when that changes.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        if (GetClientSize().x != m_wrappedAt) CallAfter([this] { wrapVerdict(); });
    });
    clear();
}

wxString ReconciliationPage::verdictText() const { return m_verdictText; }

void ReconciliationPage::setVerdict(const wxString& text) {
    m_verdictText = text;
    wrapVerdict();
}

void ReconciliationPage::wrapVerdict() {
    m_wrappedAt = GetClientSize().x;
    m_verdict->SetLabel(m_verdictText);
    m_verdict->Wrap(std::max(m_wrappedAt - FromDIP(12), FromDIP(300)));
    Layout();
}

void ReconciliationPage::clear() {
    setVerdict(_("No figure carries an uncertainty (± sd) and none is unknown: there is nothing to reconcile. "
                          "Give a flow's ± sd in the Properties pane."));
    m_figures->setRows({});
}

void ReconciliationPage::show(std::shared_ptr<const risk::Analysis> a, const model::Project& p) {
    if (!a->reconciliation) {
        clear();
        return;
    }
    const risk::Reconciliation& r = *a->reconciliation;
    setVerdict(reconciliationVerdict(r, a->usesReconciledFigures));

    // What each figure is about, copied now: the table outlives later edits.
    std::unordered_map<std::string, std::string> names;
    names.reserve(p.actors.size());
    for (const model::Actor& actor : p.actors) names.emplace(actor.id, actor.name.empty() ? actor.id : actor.name);
    auto nameOf = [&](const std::string& id) {
        auto it = names.find(id);
        return it == names.end() ? id : it->second;
    };
    auto about = std::make_shared<std::vector<wxString>>();
    about->reserve(r.figures.size());
    for (const ReconciledFigure& f : r.figures) {
        if (f.kind == FigureKind::Flow && f.index < p.flows.size())
            about->push_back(toWx(nameOf(p.flows[f.index].from) + " → " + nameOf(p.flows[f.index].to)));
        else about->push_back(toWx(nameOf(f.id)));
    }
    auto order = std::make_shared<std::vector<std::size_t>>(r.figures.size());
    std::iota(order->begin(), order->end(), std::size_t{0});
    std::stable_sort(order->begin(), order->end(), [&](std::size_t x, std::size_t y) {
        const ReconciledFigure &fx = r.figures[x], &fy = r.figures[y];
        if (statusOrder(fx.status) != statusOrder(fy.status)) return statusOrder(fx.status) < statusOrder(fy.status);
        return fx.status == FigureStatus::Adjusted && std::fabs(fx.z) > std::fabs(fy.z);
    });
    m_figures->setRowSource(order->size(), [a, about, order](std::size_t i) {
        const risk::Reconciliation& rec = *a->reconciliation;
        const std::size_t k = (*order)[i];
        const ReconciledFigure& f = rec.figures[k];
        TableView::Row row;
        const bool unknown = f.status == FigureStatus::Computed || f.status == FigureStatus::NotDetermined;
        row.cells = {figureName(f), (*about)[k], unknown ? wxString(_("unknown")) : tonnes(f.givenT), tonnes(f.reconciledT),
                     tonnes(f.sdT), number(f.z, 2), verdictOf(f, rec.flowZCritical)};
        row.item = ItemRef{f.kind == FigureKind::Flow ? ItemKind::Flow : ItemKind::Actor, f.id};
        return row;
    });
}

}  // namespace traza::gui
