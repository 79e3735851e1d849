#include "findings_editor.h"

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/grid.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "error.h"
#include "findings/finding_commands.h"
#include "findings/flag_findings.h"
#include "grid_cells.h"
#include "labels.h"

namespace traza::gui {
namespace {

constexpr int kColumns = static_cast<int>(FindingColumn::Count);
int col(FindingColumn c) { return static_cast<int>(c); }

wxString columnTitle(FindingColumn c) {
    switch (c) {
    case FindingColumn::Id: return _("ID");
    case FindingColumn::Source: return _("Source");
    case FindingColumn::About: return _("About");
    case FindingColumn::Severity: return _("Severity");
    case FindingColumn::Owner: return _("Owner");
    case FindingColumn::Response: return _("Response");
    case FindingColumn::Action: return _("Corrective action");
    case FindingColumn::Due: return _("Due");
    case FindingColumn::Status: return _("Status");
    case FindingColumn::Evidence: return _("Closing evidence");
    case FindingColumn::ClosedOn: return _("Closed on");
    case FindingColumn::Count: break;
    }
    return {};
}

wxString sourceLabel(model::FindingSource s) {
    switch (s) {
    case model::FindingSource::RedFlag: return _("Red flag");
    case model::FindingSource::ChecklistItem: return _("Checklist item");
    case model::FindingSource::User: return _("Assessor");
    }
    return {};
}

const model::FindingResponse kResponses[] = {model::FindingResponse::MitigateWhileTrading, model::FindingResponse::Suspend,
                                             model::FindingResponse::Disengage};
const model::FindingStatus kFindingStatuses[] = {model::FindingStatus::Open, model::FindingStatus::InProgress,
                                          model::FindingStatus::Closed};

wxString responseLabel(model::FindingResponse r) {
    switch (r) {
    case model::FindingResponse::MitigateWhileTrading: return _("Mitigate while trading");
    case model::FindingResponse::Suspend: return _("Suspend trade");
    case model::FindingResponse::Disengage: return _("Disengage");
    }
    return {};
}

wxString statusLabel(model::FindingStatus s) {
    switch (s) {
    case model::FindingStatus::Open: return _("Open");
    case model::FindingStatus::InProgress: return _("In progress");
    case model::FindingStatus::Closed: return _("Closed");
    }
    return {};
}

std::string today() { return toUtf8(wxDateTime::Today().FormatISODate()); }

wxString aboutLabel(const model::Project& p, const model::Finding& f) {
    if (f.subject.empty()) return _("The assessment as a whole");
    if (const model::Actor* a = p.findActor(f.subject)) return toWx(a->name.empty() ? a->id : a->name);
    if (const model::Flow* fl = p.findFlow(f.subject)) return wxString::Format(_("flow %s"), toWx(fl->id));
    return toWx(f.subject);
}

}  // namespace

FindingsEditor::FindingsEditor(wxWindow* parent, Document& doc, Selection& sel)
    : wxPanel(parent, wxID_ANY), m_doc(doc), m_selection(sel) {
    SetName("findings-editor");
    const int gap = FromDIP(4);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxStaticText(this, wxID_ANY, _("Findings and corrective actions (OECD steps 3 and 4)"));
    head->SetFont(head->GetFont().Bold());
    sizer->Add(head, 0, wxALL, gap);

    m_grid = new wxGrid(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(900, 150)));
    m_grid->SetName("findings-grid");
    m_grid->CreateGrid(0, kColumns);
    m_grid->SetRowLabelSize(FromDIP(32));
    m_grid->SetDefaultColSize(FromDIP(90));
    for (int c = 0; c < kColumns; ++c) m_grid->SetColLabelValue(c, columnTitle(static_cast<FindingColumn>(c)));
    m_grid->SetColSize(col(FindingColumn::Id), FromDIP(40));
    m_grid->SetColSize(col(FindingColumn::About), FromDIP(130));
    m_grid->SetColSize(col(FindingColumn::Response), FromDIP(140));
    m_grid->SetColSize(col(FindingColumn::Action), FromDIP(220));
    m_grid->SetColSize(col(FindingColumn::Evidence), FromDIP(160));
    for (FindingColumn c : {FindingColumn::Id, FindingColumn::Source, FindingColumn::About}) {
        auto* attr = new wxGridCellAttr;
        attr->SetReadOnly();
        attr->SetBackgroundColour(wxColour(0xee, 0xf2, 0xf6));
        m_grid->SetColAttr(col(c), attr);
    }
    auto choiceColumn = [this](FindingColumn c, const wxArrayString& choices) {
        auto* attr = new wxGridCellAttr;
        attr->SetEditor(new wxGridCellChoiceEditor(choices));
        m_grid->SetColAttr(col(c), attr);
    };
    wxArrayString severities, responses, statuses;
    for (std::string_view s : model::findingSeverityNames()) severities.push_back(riskLevelLabel(std::string(s)));
    for (auto r : kResponses) responses.push_back(responseLabel(r));
    for (auto s : kFindingStatuses) statuses.push_back(statusLabel(s));
    choiceColumn(FindingColumn::Severity, severities);
    choiceColumn(FindingColumn::Response, responses);
    choiceColumn(FindingColumn::Status, statuses);
    m_grid->GetGridColLabelWindow()->SetToolTip(
        _("Dates as YYYY-MM-DD. A finding is closed with the evidence that closed it and the date; "
          "add one from a red flag in the Analysis pane."));
    sizer->Add(m_grid, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_add = new wxButton(this, wxID_ANY, _("Add finding"));
    m_close = new wxButton(this, wxID_ANY, _("Close finding"));
    m_remove = new wxButton(this, wxID_ANY, _("Delete finding"));
    buttons->Add(m_add, 0, wxRIGHT, gap);
    buttons->Add(m_close, 0, wxRIGHT, gap);
    buttons->Add(m_remove, 0, wxRIGHT, 3 * gap);
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_summary->SetName("findings-summary");
    buttons->Add(m_summary, 1, wxALIGN_CENTER_VERTICAL);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetName("findings-error");
    m_error->SetForegroundColour(wxColour(0xb0, 0x1c, 0x1c));
    sizer->Add(m_error, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(sizer);

    m_grid->Bind(wxEVT_GRID_CELL_CHANGING, &FindingsEditor::onChanging, this);
    m_grid->Bind(wxEVT_GRID_EDITOR_HIDDEN, [this](wxGridEvent& e) {
        e.Skip();
        scheduleRefresh();
    });
    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addFinding(); });
    m_close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { closeFinding(); });
    m_remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { removeFinding(); });
    Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
        if (m_refreshPending && IsShownOnScreen()) refresh();
        e.Skip();
    });
    m_docSlot = m_doc.changed.connect([this](DocumentChange c) {
        if (c != DocumentChange::Saved) scheduleRefresh();
    });
    refresh();
}

FindingsEditor::~FindingsEditor() { m_doc.changed.disconnect(m_docSlot); }

wxString FindingsEditor::summaryText() const { return m_summary->GetLabel(); }
wxString FindingsEditor::errorText() const { return m_error->GetLabel(); }

// Like the goals editor: a refresh waits while the page is hidden.
void FindingsEditor::scheduleRefresh() {
    if (m_refreshPending) return;
    m_refreshPending = true;
    CallAfter([this] {
        if (m_refreshPending && IsShownOnScreen()) refresh();
    });
}

void FindingsEditor::refresh() {
    m_refreshPending = false;
    if (m_grid->IsCellEditControlShown()) return;
    const model::Project& p = m_doc.project();
    const std::vector<model::Finding>& findings = p.findings;
    m_grid->BeginBatch();
    const int rows = static_cast<int>(findings.size());
    if (m_grid->GetNumberRows() < rows) m_grid->AppendRows(rows - m_grid->GetNumberRows());
    else if (m_grid->GetNumberRows() > rows) m_grid->DeleteRows(rows, m_grid->GetNumberRows() - rows);
    const std::string reference = p.assessment.assessedOn.empty() ? today() : p.assessment.assessedOn;
    int open = 0, overdue = 0;
    for (int r = 0; r < rows; ++r) {
        const model::Finding& f = findings[static_cast<std::size_t>(r)];
        open += !f.isClosed();
        const bool late = f.isOverdue(reference);
        overdue += late;
        setCellIfChanged(m_grid, r, col(FindingColumn::Id), toWx(f.id));
        setCellIfChanged(m_grid, r, col(FindingColumn::Source),
                f.source == model::FindingSource::RedFlag ? sourceLabel(f.source) + ": " + toWx(f.rule)
                : f.source == model::FindingSource::ChecklistItem ? sourceLabel(f.source) + " " + toWx(f.item)
                                                                  : sourceLabel(f.source));
        setCellIfChanged(m_grid, r, col(FindingColumn::About), aboutLabel(p, f));
        setCellIfChanged(m_grid, r, col(FindingColumn::Severity), riskLevelLabel(f.severity));
        setCellIfChanged(m_grid, r, col(FindingColumn::Owner), toWx(f.owner));
        setCellIfChanged(m_grid, r, col(FindingColumn::Response), responseLabel(f.response));
        setCellIfChanged(m_grid, r, col(FindingColumn::Action), toWx(f.action));
        setCellIfChanged(m_grid, r, col(FindingColumn::Due), toWx(f.due));
        setCellIfChanged(m_grid, r, col(FindingColumn::Status), statusLabel(f.status));
        setCellIfChanged(m_grid, r, col(FindingColumn::Evidence), toWx(f.evidence));
        setCellIfChanged(m_grid, r, col(FindingColumn::ClosedOn), toWx(f.closedOn));
        // Overdue: the due date in red.
        m_grid->SetCellTextColour(r, col(FindingColumn::Due), late ? wxColour(0xb0, 0x1c, 0x1c) : *wxBLACK);
    }
    m_grid->EndBatch();
    m_summary->SetLabel(rows == 0 ? wxString()
                                  : wxString::Format(_("Findings: %d; open or in progress: %d; overdue: %d (at %s)"), rows,
                                                     open, overdue, toWx(reference)));
}

int FindingsEditor::rowOf(const std::string& id) const {
    const std::vector<model::Finding>& findings = m_doc.project().findings;
    for (std::size_t i = 0; i < findings.size(); ++i)
        if (findings[i].id == id) return static_cast<int>(i);
    return -1;
}

void FindingsEditor::onChanging(wxGridEvent& e) {
    const auto column = static_cast<FindingColumn>(e.GetCol());
    const std::vector<model::Finding>& findings = m_doc.project().findings;
    if (e.GetRow() < 0 || static_cast<std::size_t>(e.GetRow()) >= findings.size()) return;
    const model::Finding& current = findings[static_cast<std::size_t>(e.GetRow())];
    model::Finding f = current;
    const wxString value = e.GetString();
    const std::string text = toUtf8(value);
    switch (column) {
    case FindingColumn::Severity:
        for (std::string_view s : model::findingSeverityNames())
            if (riskLevelLabel(std::string(s)) == value) f.severity = std::string(s);
        break;
    case FindingColumn::Owner: f.owner = text; break;
    case FindingColumn::Response:
        for (auto r : kResponses)
            if (responseLabel(r) == value) f.response = r;
        break;
    case FindingColumn::Action: f.action = text; break;
    case FindingColumn::Due: f.due = text; break;
    case FindingColumn::Status:
        for (auto s : kFindingStatuses)
            if (statusLabel(s) == value) f.status = s;
        // Closing dates itself today; reopening clears the date.
        if (f.isClosed() && f.closedOn.empty()) f.closedOn = today();
        if (!f.isClosed()) f.closedOn.clear();
        break;
    case FindingColumn::Evidence: f.evidence = text; break;
    case FindingColumn::ClosedOn: f.closedOn = text; break;
    default: return;
    }
    if (f == current) return;
    try {
        m_doc.execute(std::make_unique<model::UpdateFinding>(current.id, f, f.isClosed() && !current.isClosed()
                                                                                ? "Close finding"
                                                                                : "Edit finding"));
        showError(wxString());
    } catch (const InvalidInput& x) {
        e.Veto();
        showError(wxString::Format(_("Finding %s, %s: %s. Nothing was changed."), toWx(current.id), columnTitle(column),
                                   toWx(x.reason())));
    }
}

void FindingsEditor::chooseRow(int row, FindingColumn column) {
    refresh();
    if (row < 0 || row >= m_grid->GetNumberRows()) return;
    m_grid->SetGridCursor(row, col(column));
    m_grid->MakeCellVisible(row, col(column));
}

void FindingsEditor::addFinding() {
    model::Finding f;
    f.source = model::FindingSource::User;
    f.severity = "medium";
    if (const auto primary = m_selection.primary()) {
        const model::Project& p = m_doc.project();
        if ((primary->kind == ItemKind::Actor && p.findActor(primary->id)) ||
            (primary->kind == ItemKind::Flow && p.findFlow(primary->id)))
            f.subject = primary->id;
    }
    auto command = std::make_unique<model::AddFinding>(f);
    model::AddFinding* added = command.get();
    m_doc.execute(std::move(command));
    showError(wxString());
    chooseRow(rowOf(added->id()), FindingColumn::Action);
}

void FindingsEditor::addFromFlag(const risk::RedFlag& flag) {
    const std::string& subject = risk::flagSubject(flag);
    for (const model::Finding& f : m_doc.project().findings)
        if (f.source == model::FindingSource::RedFlag && f.rule == flag.rule && f.subject == subject && !f.isClosed()) {
            showError(wxString::Format(_("Finding %s already answers this red flag."), toWx(f.id)));
            chooseRow(rowOf(f.id), FindingColumn::Action);
            return;
        }
    model::Finding f;
    f.source = model::FindingSource::RedFlag;
    f.rule = flag.rule;
    f.subject = subject;
    f.severity = flag.severity;
    try {
        auto command = std::make_unique<model::AddFinding>(f);
        model::AddFinding* added = command.get();
        m_doc.execute(std::move(command));
        showError(wxString());
        chooseRow(rowOf(added->id()), FindingColumn::Action);
    } catch (const InvalidInput& x) {
        showError(wxString::Format(_("This red flag cannot become a finding: %s"), toWx(x.reason())));
    }
}

void FindingsEditor::closeFinding() {
    const int row = m_grid->GetGridCursorRow();
    const std::vector<model::Finding>& findings = m_doc.project().findings;
    if (row < 0 || static_cast<std::size_t>(row) >= findings.size()) return;
    const model::Finding& current = findings[static_cast<std::size_t>(row)];
    if (current.isClosed()) return;
    if (current.evidence.empty()) {
        showError(wxString::Format(_("Finding %s: type the evidence that closed it first."), toWx(current.id)));
        chooseRow(row, FindingColumn::Evidence);
        return;
    }
    model::Finding f = current;
    f.status = model::FindingStatus::Closed;
    f.closedOn = today();
    try {
        m_doc.execute(std::make_unique<model::UpdateFinding>(current.id, f, "Close finding"));
        showError(wxString());
    } catch (const InvalidInput& x) {
        showError(wxString::Format(_("Finding %s: %s. Nothing was changed."), toWx(current.id), toWx(x.reason())));
    }
}

void FindingsEditor::removeFinding() {
    const int row = m_grid->GetGridCursorRow();
    const std::vector<model::Finding>& findings = m_doc.project().findings;
    if (row < 0 || static_cast<std::size_t>(row) >= findings.size()) return;
    m_doc.execute(std::make_unique<model::RemoveFinding>(findings[static_cast<std::size_t>(row)].id));
    showError(wxString());
}

void FindingsEditor::showError(const wxString& text) {
    if (m_error->GetLabel() == text) return;
    m_error->SetLabel(text);
    Layout();
}

}  // namespace traza::gui
