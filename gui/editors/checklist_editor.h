#pragma once
// The checklist editor ("Due diligence" pane, first page): a scope (the
// assessment's own checklist or one supplier's), the template it follows (the
// OECD six steps, the Minerals Guidance's five, a project's own: issue #18),
// its steps with their completion, its items with their status and reference,
// and a form for the chosen item. Every change is one SetChecklistItem (or
// SetChecklistTemplate) through Document::execute, so it can be undone and the
// analysis (risk mitigation) sees it at once. A refused change (a due date
// that is no date) shows its reason and changes nothing.
#include <wx/panel.h>
#include <wx/stattext.h>

#include <string>
#include <vector>

#include "document.h"
#include "selection.h"

class wxBoxSizer;
class wxChoice;
class wxGauge;
class wxListCtrl;
class wxListEvent;
class wxStaticText;
class wxTextCtrl;

namespace traza::model {
struct ChecklistItemTemplate;
}

namespace traza::gui {

class ChecklistItemList;
class ItemStatusButtons;

class ChecklistEditor : public wxPanel {
public:
    ChecklistEditor(wxWindow* parent, Document&, Selection&);
    ~ChecklistEditor() override;

    /// Show the checklist of `scope` ("assessment" or an actor id); unknown ids show the assessment's.
    void showScope(const std::string& scope);
    const std::string& scope() const { return m_scope; }
    /// Choose the item the form edits (a template id such as "2.4").
    void selectItem(const std::string& id);
    const std::string& item() const { return m_item; }

    /// What the panel shows (tests read these like a user would).
    wxChoice* scopeChoice() const { return m_scopeChoice; }
    /// The templates offered for the shown checklist (retired ones only when it follows one).
    wxChoice* templateChoice() const { return m_templateChoice; }
    /// Make the shown checklist follow template `id` (one undoable command).
    void chooseTemplate(const std::string& id);
    ChecklistItemList* itemList() const { return m_list; }
    /// The status of the chosen item, one button per status.
    ItemStatusButtons* statusButtons() const { return m_status; }
    /// The chosen item's heading ("2.4  Name"), whole, and the control showing it wrapped.
    wxString itemTitleText() const;
    wxStaticText* itemTitle() const { return m_itemTitle; }
    wxStaticText* referenceLabel() const { return m_reference; }
    /// The panel of the step rows, and the row of step `index` (its count, gauge and name).
    wxWindow* stepsPanel() const { return m_stepsPanel; }
    wxWindow* stepName(std::size_t index) const { return index < m_stepNames.size() ? m_stepNames[index] : nullptr; }
    wxTextCtrl* evidenceField() const { return m_evidence; }
    wxTextCtrl* documentsField() const { return m_documents; }
    wxTextCtrl* ownerField() const { return m_owner; }
    wxTextCtrl* dueField() const { return m_due; }
    /// "Step 2: 3/5 done" (index 0 = first template step), and "Overall: 12/23 done".
    wxString stepText(std::size_t index) const;
    wxString overallText() const;
    int stepGaugeValue(std::size_t index) const;
    wxString errorText() const;  ///< the message shown, unwrapped

private:
    enum class Field { Status, Evidence, Documents, Owner, Due };
    void buildSteps();
    void scheduleRefresh();
    void refresh();
    void fillScopes();
    void fillTemplates();
    /// The template of the shown checklist, or nullptr when the catalogue lacks it.
    const model::ChecklistTemplate* shownTemplate() const;
    void fillCompletion();
    void fillItems();
    void fillForm();
    void commit(Field);
    void showError(const wxString&);
    wxString itemHeading(const model::ChecklistItemTemplate&) const;
    /// Wrap the heading and the message to the form's width.
    void wrapTexts();

    Document& m_doc;
    Selection& m_selection;
    int m_docSlot = 0;
    int m_selSlot = 0;
    bool m_refreshPending = false;
    bool m_stepsStale = false;  ///< a project was loaded: rebuild the step rows
    bool m_filling = false;  ///< true while the panel sets its own controls
    std::string m_scope = "assessment";
    std::string m_item;
    std::vector<std::string> m_scopeIds;  ///< choice index -> scope
    std::vector<std::string> m_itemIds;   ///< list row -> template item id
    std::vector<std::string> m_templateIds;  ///< template choice index -> template id
    std::string m_stepsTemplate;             ///< the template whose steps are built

    wxChoice* m_scopeChoice = nullptr;
    wxChoice* m_templateChoice = nullptr;
    wxStaticText* m_overall = nullptr;
    wxGauge* m_overallGauge = nullptr;
    wxWindow* m_stepsPanel = nullptr;
    std::vector<wxStaticText*> m_stepCounts;
    std::vector<wxGauge*> m_stepGauges;
    std::vector<wxStaticText*> m_stepNames;
    ChecklistItemList* m_list = nullptr;
    wxBoxSizer* m_form = nullptr;
    wxStaticText* m_itemTitle = nullptr;
    wxString m_itemTitleText;  ///< unwrapped
    wxStaticText* m_reference = nullptr;
    ItemStatusButtons* m_status = nullptr;
    wxTextCtrl* m_evidence = nullptr;
    wxTextCtrl* m_documents = nullptr;
    wxTextCtrl* m_owner = nullptr;
    wxTextCtrl* m_due = nullptr;
    wxStaticText* m_error = nullptr;
    wxString m_errorText;  ///< unwrapped
};

}  // namespace traza::gui
