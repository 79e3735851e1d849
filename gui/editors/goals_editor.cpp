#include "goals_editor.h"

#include <wx/button.h>
#include <wx/grid.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include <algorithm>
#include <cmath>

#include "document_commands.h"
#include "error.h"
#include "goal_progress.h"
#include "goals_editor_fields.h"
#include "grid_cells.h"
#include "labels.h"

namespace traza::gui {
namespace {

constexpr int kGoalColumns = static_cast<int>(GoalColumn::Count);
constexpr int kSupportColumns = static_cast<int>(SupportColumn::Columns);
// Support types of the CARE pilot, offered first; any other text is accepted too. The
// project keeps the code; the table shows and offers the label in the interface language.
struct SupportType {
    const char* code;
    const char* english;
};
const SupportType kSupportTypes[] = {{"equipment", wxTRANSLATE("Equipment")},
                                     {"family_welfare_voucher", wxTRANSLATE("Family welfare voucher")},
                                     {"experiential_outing", wxTRANSLATE("Experiential outing")}};

wxString supportTypeLabel(const std::string& code) {
    for (const SupportType& t : kSupportTypes)
        if (code == t.code) return wxGetTranslation(t.english);
    return toWx(code);
}

std::string supportTypeCode(const wxString& typed) {
    for (const SupportType& t : kSupportTypes)
        if (typed.IsSameAs(wxGetTranslation(t.english), false) || typed.IsSameAs(t.english, false)) return t.code;
    return toUtf8(typed);
}

// Each column at least as wide as its heading (Spanish headings are longer than the
// English the widths were chosen for: "Umbrales alcanzados", "Beneficiarios únicos").
void widenToHeadings(wxGrid* g) {
    for (int c = 0; c < g->GetNumberCols(); ++c) {
        const int chosen = g->GetColSize(c);
        g->AutoSizeColLabelSize(c);
        if (g->GetColSize(c) < chosen) g->SetColSize(c, chosen);
    }
}

// A bold heading: its size measured in the bold font (measured in the normal one, GTK cut it).
wxStaticText* heading(wxWindow* parent, const wxString& text) {
    auto* head = new wxStaticText(parent, wxID_ANY, wxString());
    head->SetFont(head->GetFont().Bold());
    head->SetLabel(text);
    head->SetMinSize(head->GetTextExtent(text));
    return head;
}

wxString goalTitle(GoalColumn c) {
    switch (c) {
    case GoalColumn::Actor: return _("Organisation");
    case GoalColumn::Buyer: return _("Buyer");
    case GoalColumn::Thresholds: return _("Thresholds (t)");
    case GoalColumn::Notes: return _("Notes");
    case GoalColumn::Delivered: return _("Delivered (t)");
    case GoalColumn::Compliance: return _("Compliance");
    case GoalColumn::Reached: return _("Thresholds reached");
    case GoalColumn::Count: break;
    }
    return {};
}

wxString supportTitle(SupportColumn c) {
    switch (c) {
    case SupportColumn::Actor: return _("Organisation");
    case SupportColumn::Type: return _("Type");
    case SupportColumn::Threshold: return _("Threshold no.");
    case SupportColumn::Region: return _("Region");
    case SupportColumn::Count: return _("Count");
    case SupportColumn::Beneficiaries: return _("Beneficiaries");
    case SupportColumn::Cost: return _("Cost");
    case SupportColumn::Notes: return _("Notes");
    case SupportColumn::Columns: break;
    }
    return {};
}

// Grow or shrink a grid to `rows` rows.
void setRowCount(wxGrid* g, int rows) {
    if (g->GetNumberRows() < rows) g->AppendRows(rows - g->GetNumberRows());
    else if (g->GetNumberRows() > rows) g->DeleteRows(rows, g->GetNumberRows() - rows);
}

int cursorOrSelectedRow(wxGrid* g) {
    const wxArrayInt rows = g->GetSelectedRows();
    if (!rows.empty()) return rows.front();
    return g->GetGridCursorRow();
}

}  // namespace

GoalsEditor::GoalsEditor(wxWindow* parent, Document& doc, Selection& sel)
    : wxPanel(parent, wxID_ANY), m_doc(doc), m_selection(sel) {
    askThresholds = [this](const wxString& organisation) -> std::optional<wxString> {
        wxTextEntryDialog dialog(this,
                                 wxString::Format(_("The thresholds agreed with %s, in tonnes, smallest first and separated by ';'.\n"
                                                    "The last one is the goal (e.g. 20; 40; 60)."),
                                                  organisation),
                                 _("New goal"));
        if (dialog.ShowModal() != wxID_OK) return std::nullopt;
        return dialog.GetValue();
    };
    SetName("goals-editor");
    const int gap = FromDIP(4);
    auto makeGrid = [&](const char* name, int columns, auto title) {
        auto* g = new wxGrid(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(480, 150)));
        g->SetName(name);
        g->CreateGrid(0, columns);
        g->SetRowLabelSize(FromDIP(32));
        g->SetDefaultColSize(FromDIP(90));
        for (int c = 0; c < columns; ++c) g->SetColLabelValue(c, title(c));
        return g;
    };
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* tables = new wxBoxSizer(wxHORIZONTAL);

    auto* goalsBox = new wxBoxSizer(wxVERTICAL);
    auto* goalsHead = heading(this, _("Goals per organisation and buyer"));
    goalsBox->Add(goalsHead, 0, wxALL, gap);
    m_goals = makeGrid("goals-grid", kGoalColumns, [](int c) { return goalTitle(static_cast<GoalColumn>(c)); });
    m_goals->SetColSize(static_cast<int>(GoalColumn::Actor), FromDIP(110));
    m_goals->SetColSize(static_cast<int>(GoalColumn::Buyer), FromDIP(100));
    m_goals->SetColSize(static_cast<int>(GoalColumn::Thresholds), FromDIP(110));
    m_goals->SetColSize(static_cast<int>(GoalColumn::Notes), FromDIP(80));
    m_goals->SetColSize(static_cast<int>(GoalColumn::Reached), FromDIP(80));
    m_goals->SetColSize(static_cast<int>(GoalColumn::Compliance), FromDIP(80));
    widenToHeadings(m_goals);
    // The computed columns: read-only, shaded, numbers on the right.
    for (GoalColumn c : {GoalColumn::Delivered, GoalColumn::Compliance, GoalColumn::Reached}) {
        auto* attr = new wxGridCellAttr;
        attr->SetReadOnly();
        attr->SetBackgroundColour(wxColour(0xee, 0xf2, 0xf6));
        attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTRE);
        m_goals->SetColAttr(static_cast<int>(c), attr);
    }
    m_goals->GetGridColLabelWindow()->SetToolTip(_("Thresholds in tonnes, ascending, separated by ; (the last is the goal). "
                                                   "Delivered, compliance and thresholds reached are computed from the flows."));
    goalsBox->Add(m_goals, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    auto* goalButtons = new wxBoxSizer(wxHORIZONTAL);
    m_addGoal = new wxButton(this, wxID_ANY, _("Add goal"));
    m_removeGoal = new wxButton(this, wxID_ANY, _("Remove goal"));
    goalButtons->Add(m_addGoal, 0, wxRIGHT, gap);
    goalButtons->Add(m_removeGoal, 0, wxRIGHT, 3 * gap);
    m_total = new wxStaticText(this, wxID_ANY, wxString());
    m_total->SetName("goals-total");
    goalButtons->Add(m_total, 1, wxALIGN_CENTER_VERTICAL);
    goalsBox->Add(goalButtons, 0, wxEXPAND | wxALL, gap);
    tables->Add(goalsBox, 3, wxEXPAND);  // the goals have the live columns: more room

    auto* supportsBox = new wxBoxSizer(wxVERTICAL);
    auto* supportsHead = heading(this, _("Supports delivered"));
    supportsBox->Add(supportsHead, 0, wxALL, gap);
    m_supports = makeGrid("supports-grid", kSupportColumns, [](int c) { return supportTitle(static_cast<SupportColumn>(c)); });
    m_supports->SetColSize(static_cast<int>(SupportColumn::Type), FromDIP(150));
    widenToHeadings(m_supports);
    for (SupportColumn c : {SupportColumn::Threshold, SupportColumn::Count, SupportColumn::Beneficiaries, SupportColumn::Cost}) {
        auto* attr = new wxGridCellAttr;
        attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTRE);
        m_supports->SetColAttr(static_cast<int>(c), attr);
    }
    wxArrayString types;
    for (const SupportType& t : kSupportTypes) types.push_back(wxGetTranslation(t.english));
    auto* typeAttr = new wxGridCellAttr;
    typeAttr->SetEditor(new wxGridCellChoiceEditor(types, true));
    m_supports->SetColAttr(static_cast<int>(SupportColumn::Type), typeAttr);
    supportsBox->Add(m_supports, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    auto* supportButtons = new wxBoxSizer(wxHORIZONTAL);
    m_addSupport = new wxButton(this, wxID_ANY, _("Add support"));
    m_removeSupport = new wxButton(this, wxID_ANY, _("Remove support"));
    supportButtons->Add(m_addSupport, 0, wxRIGHT, gap);
    supportButtons->Add(m_removeSupport, 0);
    supportsBox->Add(supportButtons, 0, wxALL, gap);
    tables->Add(supportsBox, 2, wxEXPAND);

    sizer->Add(tables, 1, wxEXPAND);
    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetName("goals-error");
    m_error->SetForegroundColour(wxColour(0xb0, 0x1c, 0x1c));
    sizer->Add(m_error, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(sizer);

    m_goals->Bind(wxEVT_GRID_CELL_CHANGING, &GoalsEditor::onGoalChanging, this);
    m_supports->Bind(wxEVT_GRID_CELL_CHANGING, &GoalsEditor::onSupportChanging, this);
    // A refresh that came while a cell was being edited waited for the editor to close.
    for (wxGrid* g : {m_goals, m_supports})
        g->Bind(wxEVT_GRID_EDITOR_HIDDEN, [this](wxGridEvent& e) {
            e.Skip();
            scheduleRefresh();
        });
    m_addGoal->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addGoal(); });
    m_removeGoal->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { removeGoal(); });
    m_addSupport->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addSupport(); });
    m_removeSupport->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { removeSupport(); });
    // Flows feed the computed columns: every content change refreshes.
    Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
        if (m_refreshPending && IsShownOnScreen()) refresh();
        e.Skip();
    });
    m_docSlot = m_doc.changed.connect([this](DocumentChange c) {
        if (c != DocumentChange::Saved) scheduleRefresh();
    });
    refresh();
}

GoalsEditor::~GoalsEditor() { m_doc.changed.disconnect(m_docSlot); }

wxString GoalsEditor::totalText() const { return m_total->GetLabel(); }
wxString GoalsEditor::errorText() const { return m_error->GetLabel(); }

// A refresh waits while the page is not on screen (the due-diligence pane is
// hidden by default): opening a national chain then does not fill tables nobody
// sees. The idle handler bound in the constructor catches up once it is shown.
void GoalsEditor::scheduleRefresh() {
    if (m_refreshPending) return;
    m_refreshPending = true;
    CallAfter([this] {
        if (m_refreshPending && IsShownOnScreen()) refresh();
    });
}

void GoalsEditor::refresh() {
    m_refreshPending = false;
    fillActorChoices();
    if (!m_goals->IsCellEditControlShown()) fillGoals();
    if (!m_supports->IsCellEditControlShown()) fillSupports();
}

void GoalsEditor::fillActorChoices() {
    std::map<std::string, wxString> labelOf;
    std::map<wxString, std::string> idOf;
    wxArrayString labels, organisations;
    for (const model::Actor& a : m_doc.project().actors) {
        wxString label = toWx(a.name.empty() ? a.id : a.name);
        if (idOf.count(label)) label += " [" + toWx(a.id) + "]";  // two actors of one name stay apart
        labelOf[a.id] = label;
        idOf[label] = a.id;
        labels.push_back(label);
        if (a.kind == model::ActorKind::PickerOrganisation) organisations.push_back(label);
    }
    // Goals are agreed with picker organisations; a chain without any offers every actor.
    if (organisations.empty()) organisations = labels;
    if (labels == m_actorLabels && organisations == m_organisationLabels) return;
    m_organisationLabels = organisations;
    m_labelOfId = std::move(labelOf);
    m_idOfLabel = std::move(idOf);
    m_actorLabels = labels;
    wxArrayString withAny = labels;
    withAny.Insert(wxString(), 0);  // empty: any buyer / no organisation
    auto choiceColumn = [](wxGrid* g, int col, const wxArrayString& choices) {
        auto* attr = new wxGridCellAttr;
        attr->SetEditor(new wxGridCellChoiceEditor(choices));
        g->SetColAttr(col, attr);
    };
    choiceColumn(m_goals, static_cast<int>(GoalColumn::Actor), organisations);
    choiceColumn(m_goals, static_cast<int>(GoalColumn::Buyer), withAny);  // each row narrows it to its buyers (fillGoals)
    choiceColumn(m_supports, static_cast<int>(SupportColumn::Actor), withAny);
}

std::string GoalsEditor::actorIdOf(const wxString& label) const {
    auto it = m_idOfLabel.find(label);
    return it != m_idOfLabel.end() ? it->second : toUtf8(label);
}

wxString GoalsEditor::actorLabel(const std::string& id) const {
    auto it = m_labelOfId.find(id);
    return it != m_labelOfId.end() ? it->second : toWx(id);
}

wxArrayString GoalsEditor::buyerChoices(const model::Goal& goal) const {
    // The buyer is one the organisation sells to (or any, empty): those its flows go to.
    wxArrayString buyers;
    buyers.push_back(wxString());
    for (const model::Flow& f : m_doc.project().flows)
        if (f.from == goal.actor && buyers.Index(actorLabel(f.to)) == wxNOT_FOUND) buyers.push_back(actorLabel(f.to));
    if (!goal.buyer.empty() && buyers.Index(actorLabel(goal.buyer)) == wxNOT_FOUND) buyers.push_back(actorLabel(goal.buyer));
    return buyers;
}

void GoalsEditor::fillGoals() {
    const model::GoalTable table = model::goalTable(m_doc.project());
    m_goals->BeginBatch();
    setRowCount(m_goals, static_cast<int>(table.rows.size()));
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const model::GoalProgress& r = table.rows[i];
        const int row = static_cast<int>(i);
        setCellIfChanged(m_goals, row, static_cast<int>(GoalColumn::Actor), actorLabel(r.goal->actor));
        setCellIfChanged(m_goals, row, static_cast<int>(GoalColumn::Buyer), actorLabel(r.goal->buyer));
        m_goals->SetCellEditor(row, static_cast<int>(GoalColumn::Buyer), new wxGridCellChoiceEditor(buyerChoices(*r.goal)));
        setCellIfChanged(m_goals, row, static_cast<int>(GoalColumn::Thresholds), editableNumber(formatThresholds(r.goal->thresholdsT)));
        setCellIfChanged(m_goals, row, static_cast<int>(GoalColumn::Notes), toWx(r.goal->notes));
        // In the interface language's decimals, as the total under the table and the analysis write them.
        setCellIfChanged(m_goals, row, static_cast<int>(GoalColumn::Delivered), formatNumber(r.deliveredT, 1));
        setCellIfChanged(m_goals, row, static_cast<int>(GoalColumn::Compliance), toWx(computedCell(r, GoalColumn::Compliance)));
        setCellIfChanged(m_goals, row, static_cast<int>(GoalColumn::Reached), toWx(computedCell(r, GoalColumn::Reached)));
    }
    m_goals->EndBatch();
    if (table.rows.empty()) m_total->SetLabel(wxString());
    else
        m_total->SetLabel(wxString::Format(_("Total: %s delivered of %s (%d%%)"), formatTonnes(table.deliveredT),
                                           formatTonnes(table.goalT), static_cast<int>(std::lround(table.compliance * 100))));
}

void GoalsEditor::fillSupports() {
    const std::vector<model::Support>& supports = m_doc.project().supports;
    m_supports->BeginBatch();
    setRowCount(m_supports, static_cast<int>(supports.size()));
    for (std::size_t i = 0; i < supports.size(); ++i) {
        const model::Support& s = supports[i];
        const int row = static_cast<int>(i);
        setCellIfChanged(m_supports, row, static_cast<int>(SupportColumn::Actor), actorLabel(s.actor));
        setCellIfChanged(m_supports, row, static_cast<int>(SupportColumn::Type), supportTypeLabel(s.type));
        setCellIfChanged(m_supports, row, static_cast<int>(SupportColumn::Threshold), wxString::Format("%d", s.threshold));
        setCellIfChanged(m_supports, row, static_cast<int>(SupportColumn::Region), toWx(s.region));
        setCellIfChanged(m_supports, row, static_cast<int>(SupportColumn::Count), wxString::Format("%d", s.count));
        setCellIfChanged(m_supports, row, static_cast<int>(SupportColumn::Beneficiaries), wxString::Format("%d", s.beneficiaries));
        setCellIfChanged(m_supports, row, static_cast<int>(SupportColumn::Cost), editableNumber(formatNumber(s.cost)));
        setCellIfChanged(m_supports, row, static_cast<int>(SupportColumn::Notes), toWx(s.notes));
    }
    m_supports->EndBatch();
}

void GoalsEditor::onGoalChanging(wxGridEvent& e) {
    const auto column = static_cast<GoalColumn>(e.GetCol());
    const bool actorColumn = column == GoalColumn::Actor || column == GoalColumn::Buyer;
    const std::string text = actorColumn ? actorIdOf(e.GetString()) : toUtf8(e.GetString());
    try {
        std::vector<model::Goal> goals = withGoalCell(m_doc.project().goals, static_cast<std::size_t>(e.GetRow()), column, text);
        if (goals != m_doc.project().goals) m_doc.execute(std::make_unique<model::SetGoals>(std::move(goals)));
        showError(wxString());
    } catch (const InvalidInput& x) {
        e.Veto();
        showError(wxString::Format(_("Goal %d, %s: %s. Nothing was changed."), e.GetRow() + 1, goalTitle(column), toWx(x.reason())));
    }
}

void GoalsEditor::onSupportChanging(wxGridEvent& e) {
    const auto column = static_cast<SupportColumn>(e.GetCol());
    const std::string text = column == SupportColumn::Actor  ? actorIdOf(e.GetString())
                             : column == SupportColumn::Type ? supportTypeCode(e.GetString())
                                                             : toUtf8(e.GetString());
    try {
        std::vector<model::Support> supports =
            withSupportCell(m_doc.project().supports, static_cast<std::size_t>(e.GetRow()), column, text);
        if (supports != m_doc.project().supports) m_doc.execute(std::make_unique<model::SetSupports>(std::move(supports)));
        showError(wxString());
    } catch (const InvalidInput& x) {
        e.Veto();
        showError(wxString::Format(_("Support %d, %s: %s. Nothing was changed."), e.GetRow() + 1, supportTitle(column),
                                   toWx(x.reason())));
    }
}

// The actor a new row is about: the selected one, else none.
std::string GoalsEditor::preferredActor() const {
    const auto primary = m_selection.primary();
    if (primary && primary->kind == ItemKind::Actor && m_doc.project().findActor(primary->id)) return primary->id;
    return {};
}

void GoalsEditor::addGoal() {
    const model::Project& p = m_doc.project();
    if (p.actors.empty()) {
        showError(_("Add the organisation to the chain first: a goal belongs to an actor."));
        return;
    }
    model::Goal g;
    // The selected organisation, else the first organisation without a goal, else the first.
    g.actor = preferredActor();
    if (g.actor.empty() || m_organisationLabels.Index(actorLabel(g.actor)) == wxNOT_FOUND) {
        g.actor.clear();
        for (const wxString& label : m_organisationLabels) {
            const std::string id = actorIdOf(label);
            if (std::none_of(p.goals.begin(), p.goals.end(), [&](const model::Goal& x) { return x.actor == id; })) {
                g.actor = id;
                break;
            }
        }
        if (g.actor.empty()) g.actor = m_organisationLabels.empty() ? p.actors.front().id : actorIdOf(m_organisationLabels[0]);
    }
    // The thresholds are asked for, not invented: a goal of 1 t would read as met.
    const std::optional<wxString> typed = askThresholds(actorLabel(g.actor));
    if (!typed) return;
    try {
        g.thresholdsT = parseThresholds(toUtf8(*typed));
    } catch (const InvalidInput& e) {
        showError(toWx(e.reason()));
        return;
    }
    if (g.thresholdsT.empty()) {
        showError(_("A goal needs at least one threshold in tonnes."));
        return;
    }
    std::vector<model::Goal> goals = p.goals;
    goals.push_back(g);
    try {
        m_doc.execute(std::make_unique<model::SetGoals>(std::move(goals)));
    } catch (const InvalidInput& e) {  // descending thresholds, a duplicate goal
        showError(toWx(e.reason()));
        return;
    }
    showError(wxString());
    refresh();
    m_goals->SetGridCursor(m_goals->GetNumberRows() - 1, static_cast<int>(GoalColumn::Buyer));
    m_goals->MakeCellVisible(m_goals->GetNumberRows() - 1, static_cast<int>(GoalColumn::Buyer));
}

void GoalsEditor::removeGoal() {
    const int row = cursorOrSelectedRow(m_goals);
    std::vector<model::Goal> goals = m_doc.project().goals;
    if (row < 0 || static_cast<std::size_t>(row) >= goals.size()) return;
    goals.erase(goals.begin() + row);
    m_doc.execute(std::make_unique<model::SetGoals>(std::move(goals)));
    showError(wxString());
}

void GoalsEditor::addSupport() {
    model::Support s;
    s.actor = preferredActor();
    if (const model::Actor* a = m_doc.project().findActor(s.actor)) s.region = a->region;
    std::vector<model::Support> supports = m_doc.project().supports;
    supports.push_back(s);
    m_doc.execute(std::make_unique<model::SetSupports>(std::move(supports)));
    showError(wxString());
    refresh();
    m_supports->SetGridCursor(m_supports->GetNumberRows() - 1, static_cast<int>(SupportColumn::Type));
    m_supports->MakeCellVisible(m_supports->GetNumberRows() - 1, static_cast<int>(SupportColumn::Type));
}

void GoalsEditor::removeSupport() {
    const int row = cursorOrSelectedRow(m_supports);
    std::vector<model::Support> supports = m_doc.project().supports;
    if (row < 0 || static_cast<std::size_t>(row) >= supports.size()) return;
    supports.erase(supports.begin() + row);
    m_doc.execute(std::make_unique<model::SetSupports>(std::move(supports)));
    showError(wxString());
}

void GoalsEditor::showError(const wxString& text) {
    if (m_error->GetLabel() == text) return;
    m_error->SetLabel(text);
    Layout();
}

}  // namespace traza::gui
