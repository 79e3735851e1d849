#pragma once
// The search bar (Edit > Find, Ctrl+F): a field, the number of hits and the
// one shown ("3 of 12"), Previous and Next. Enter and F3 go to the next hit,
// Shift+F3 to the previous one, Escape closes the bar; each hit is handed to
// onHit, which selects it and centres the canvas on it.
#include <wx/panel.h>

#include <functional>

#include "chain_search.h"
#include "document.h"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace traza::gui {

class SearchBar : public wxPanel {
public:
    SearchBar(wxWindow* parent, const Document&);
    ~SearchBar() override;

    wxTextCtrl* field() const { return m_field; }
    /// "3 of 12", "12 found", "No match".
    wxString countText() const;
    const SearchCursor& results() const { return m_cursor; }
    /// Put the cursor in the field with its text selected (Ctrl+F).
    void focusField();
    /// Show the next / previous hit (the search runs again if the text or the project changed).
    void next();
    void previous();

    std::function<void(const ItemRef&)> onHit;
    /// Escape in the field: the frame hides the bar.
    std::function<void()> onClose;

private:
    void searchIfNeeded();
    void show(const ItemRef*);
    void updateCount();

    const Document& m_doc;
    wxTextCtrl* m_field = nullptr;
    wxStaticText* m_count = nullptr;
    SearchCursor m_cursor;
    wxString m_searched;  ///< the text of the current hits
    std::uint64_t m_searchedRevision = 0;
    bool m_searchedOnce = false;
    int m_docSlot = 0;
};

}  // namespace traza::gui
