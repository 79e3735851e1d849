#pragma once
// Edit > Catalogues…: the project's own catalogues (risk factors, document
// types, typologies, red-flag rules, actor kinds), one page each, with what
// uses every entry. Add…, Edit… and Retire/Restore are each one undoable step
// (model::SetCatalogueEntry) and re-run the analysis like any edit; retiring
// an entry in use says where it is used.
#include <wx/dialog.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

class wxButton;
class wxListEvent;
class wxListView;
class wxNotebook;
class wxStaticText;

namespace traza::gui {

class Document;

class CatalogueDialog : public wxDialog {
public:
    CatalogueDialog(wxWindow* parent, Document& doc);

    /// Shows the page of `list` (a chain JSON catalogue key, e.g. "risk_factors").
    void showList(const std::string& list);
    std::string currentList() const;
    wxListView* listView(const std::string& list) const;
    /// Selects the row of entry `id` on the current page; false if there is none.
    bool selectEntry(const std::string& id);

    /// The buttons' actions on the current page and selection. Add and Edit open
    /// the entry editor modally.
    void addEntry();
    void editEntry();
    void toggleRetired();
    /// What the last action did (e.g. where a retired entry is still used).
    wxString status() const;

private:
    void fillPage(const std::string& list);
    void updateButtons();
    std::string selectedId() const;
    nlohmann::ordered_json entriesOf(const std::string& list) const;
    /// "" when `entry` can be merged into `list` (and, when `isNew`, its id is free).
    std::string problemWith(const std::string& list, const nlohmann::ordered_json& entry, bool isNew) const;
    void execute(const std::string& list, nlohmann::ordered_json entry, const char* label);

    Document& m_doc;
    wxNotebook* m_pages = nullptr;
    std::vector<wxListView*> m_lists;
    wxButton* m_add = nullptr;
    wxButton* m_edit = nullptr;
    wxButton* m_retire = nullptr;
    wxStaticText* m_status = nullptr;
};

/// Shows the dialog modally over `parent`.
void editCatalogues(wxWindow* parent, Document& doc);

}  // namespace traza::gui
