#include "sheet_preview.h"

#include <wx/grid.h>
#include <wx/renderer.h>
#include <wx/sizer.h>
#include <wx/utils.h>

#include <algorithm>
#include <cctype>

#include "labels.h"

namespace traza::gui {
namespace {
// The meaning row says where a meaning came from: Traza's words, the user's rule, a problem, ignored.
const wxColour kFromWords(0xE3, 0xF2, 0xE1);
const wxColour kFromRule(0xDA, 0xE8, 0xFA);
const wxColour kProblem(0xF8, 0xD4, 0xD2);
const wxColour kIgnored(0xEE, 0xEE, 0xEE);
const wxColour kReadOnly(0xF6, 0xF6, 0xF6);

// A meaning cell looks like what it is: a drop-down (its text, and an arrow at the right).
class DropDownRenderer : public wxGridCellStringRenderer {
public:
    void Draw(wxGrid& grid, wxGridCellAttr& attr, wxDC& dc, const wxRect& rect, int row, int col, bool isSelected) override {
        wxGridCellStringRenderer::Draw(grid, attr, dc, rect, row, col, isSelected);
        const int side = std::min(rect.height, grid.FromDIP(18));
        wxRendererNative::Get().DrawDropArrow(&grid, dc, wxRect(rect.GetRight() - side, rect.y, side, rect.height), 0);
    }
    wxGridCellRenderer* Clone() const override { return new DropDownRenderer; }
};

// "Id" for the key "id", "Kind of actor" for "kind": the key in brackets only when the label does not say it.
bool labelSaysKey(const std::string& label, const std::string& key) {
    if (label.size() != key.size()) return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char k = key[i] == '_' ? ' ' : key[i];
        if (std::tolower(static_cast<unsigned char>(label[i])) != k) return false;
    }
    return true;
}
wxArrayString factorChoices() {
    wxArrayString out;
    for (double f : {1.0, 0.001, 1000.0}) out.Add(toWx(factorText(f)));
    return out;
}
}  // namespace

SheetPreview::SheetPreview(wxWindow* parent, model::SheetKind kind, const wxString& name)
    : wxPanel(parent, wxID_ANY), m_kind(kind) {
    SetName(name);
    m_choices = meaningChoices(kind, model::SpreadsheetWords::installed(), uiLanguage());
    for (const MeaningChoice& c : m_choices) m_choiceTexts.Add(choiceText(c.field));
    m_grid = new wxGrid(this, wxID_ANY);
    m_grid->SetName(name + "-grid");
    m_grid->CreateGrid(0, 0);
    m_grid->SetRowLabelSize(FromDIP(70));
    m_grid->SetColLabelSize(FromDIP(22));
    m_grid->SetDefaultCellOverflow(false);
    m_grid->DisableDragRowSize();
    m_grid->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) {
        const int row = e.GetRow(), col = e.GetCol();
        // After the grid has finished with its editor: the rule re-fills these cells.
        CallAfter([this, row, col] { onCellChanged(row, col); });
    });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_grid, 1, wxEXPAND);
    SetSizer(sizer);
}

wxString SheetPreview::choiceText(const std::string& field) const {
    if (field.empty()) return _("(ignore)");
    for (const MeaningChoice& c : m_choices)
        if (c.field == field) return c.label.empty() ? toWx(field) : labelSaysKey(c.label, field) ? toWx(c.label) : toWx(c.label) + " (" + toWx(field) + ")";
    return toWx(field);
}

void SheetPreview::showTable(const model::SheetTable* table, const std::vector<model::ColumnMeaning>& meanings) {
    m_table = table;
    m_grid->ClearGrid();
    if (m_grid->GetNumberRows() > 0) m_grid->DeleteRows(0, m_grid->GetNumberRows());
    if (m_grid->GetNumberCols() > 0) m_grid->DeleteCols(0, m_grid->GetNumberCols());
    if (!table || table->rows.empty()) {
        m_meanings.clear();
        return;
    }
    const std::size_t shown = std::min<std::size_t>(table->rows.size(), kDataRows + 1);
    const int cols = static_cast<int>(table->rows.front().size());
    m_grid->AppendCols(cols);
    m_grid->AppendRows(kHeaderRow + static_cast<int>(shown));
    m_grid->SetRowLabelValue(kMeaningRow, _("Meaning"));
    m_grid->SetRowLabelValue(kFactorRow, _("Factor"));
    wxFont bold = m_grid->GetDefaultCellFont().Bold();
    for (std::size_t r = 0; r < shown; ++r) {
        const auto& row = table->rows[r];
        const int gridRow = kHeaderRow + static_cast<int>(r);
        m_grid->SetRowLabelValue(gridRow, row.empty() ? wxString() : wxString() << row.front().line);
        for (int c = 0; c < cols && c < static_cast<int>(row.size()); ++c) {
            m_grid->SetCellValue(gridRow, c, toWx(row[c].text));
            m_grid->SetReadOnly(gridRow, c);
            if (r == 0) m_grid->SetCellFont(gridRow, c, bold);
        }
    }
    for (int c = 0; c < cols; ++c) {
        m_grid->SetColLabelValue(c, toWx(model::columnLetters(static_cast<std::size_t>(c) + 1)));
        m_grid->SetCellEditor(kMeaningRow, c, new wxGridCellChoiceEditor(m_choiceTexts));
        m_grid->SetCellRenderer(kMeaningRow, c, new DropDownRenderer);
        // The usual factors to pick, or any other typed ("×0.4536" for pounds).
        m_grid->SetCellEditor(kFactorRow, c, new wxGridCellChoiceEditor(factorChoices(), true));
    }
    showMeanings(meanings);
    m_grid->SetRowLabelSize(wxGRID_AUTOSIZE);  // "Significado" is longer than "Meaning"
    m_grid->AutoSizeColumns(false);
    for (int c = 0; c < cols; ++c) m_grid->SetColSize(c, std::clamp(m_grid->GetColSize(c) + FromDIP(24), FromDIP(90), FromDIP(260)));
    m_grid->ForceRefresh();
}

const model::ColumnMeaning* SheetPreview::meaningOf(int col) const {
    for (const model::ColumnMeaning& m : m_meanings)
        if (static_cast<int>(m.column) == col + 1) return &m;
    return nullptr;
}

void SheetPreview::showMeanings(const std::vector<model::ColumnMeaning>& meanings) {
    m_meanings = meanings;
    for (int c = 0; c < m_grid->GetNumberCols(); ++c) {
        const model::ColumnMeaning* m = meaningOf(c);
        const bool known = m && !m->ignored && !m->field.empty() && m->problem.empty();
        const bool numeric = known && isNumericField(m_kind, m->field);
        wxString meaning = !m ? wxString() : m->ignored ? choiceText("") : !m->field.empty() ? choiceText(m->field) : _("? not understood");
        wxColour back = !m ? kReadOnly
                        : !m->problem.empty() ? kProblem
                        : m->ignored ? kIgnored
                        : m->source == model::ColumnMeaning::Source::Mapping ? kFromRule : kFromWords;
        m_grid->SetCellValue(kMeaningRow, c, meaning);
        m_grid->SetCellBackgroundColour(kMeaningRow, c, back);
        m_grid->SetCellValue(kFactorRow, c, numeric ? toWx(factorText(m->factor)) : wxString());
        m_grid->SetReadOnly(kFactorRow, c, !numeric);
        m_grid->SetCellBackgroundColour(kFactorRow, c, numeric ? *wxWHITE : kReadOnly);
        m_grid->SetCellRenderer(kFactorRow, c, numeric ? new DropDownRenderer : new wxGridCellStringRenderer);
        const wxColour text = m && m->ignored ? wxColour(0x80, 0x80, 0x80) : m_grid->GetDefaultCellTextColour();
        for (int r = kHeaderRow; r < m_grid->GetNumberRows(); ++r) m_grid->SetCellTextColour(r, c, text);
    }
    m_grid->ForceRefresh();
}

void SheetPreview::onCellChanged(int row, int col) {
    const model::ColumnMeaning* m = meaningOf(col);
    if (!m || !onRule) return;
    model::ColumnRule rule{m->header, m->field, m->factor};
    if (row == kMeaningRow) {
        const wxString text = m_grid->GetCellValue(row, col);
        const int index = m_choiceTexts.Index(text);
        if (index == wxNOT_FOUND) return showMeanings(m_meanings);
        rule.field = m_choices[static_cast<std::size_t>(index)].field;
        if (rule.field.empty() || !isNumericField(m_kind, rule.field)) rule.factor = 1;
    } else if (row == kFactorRow) {
        const auto factor = parseFactor(toUtf8(m_grid->GetCellValue(row, col)));
        if (!factor || m->field.empty()) {
            wxBell();
            return showMeanings(m_meanings);
        }
        rule.factor = *factor;
    } else {
        return;
    }
    onRule(rule);
}

bool SheetPreview::selectLocation(const std::string& where) {
    if (!m_table) return false;
    const int rows = m_grid->GetNumberRows() - kHeaderRow;
    for (int r = 0; r < rows && r < static_cast<int>(m_table->rows.size()); ++r)
        for (const model::SheetCell& cell : m_table->rows[static_cast<std::size_t>(r)])
            if (m_table->location(cell) == where) {
                const int col = static_cast<int>(cell.column) - 1;
                m_grid->GoToCell(kHeaderRow + r, col);
                m_grid->SelectBlock(kHeaderRow + r, col, kHeaderRow + r, col);
                m_grid->SetFocus();
                return true;
            }
    return false;
}

}  // namespace traza::gui
