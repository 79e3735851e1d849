#pragma once
// The search bar (Edit > Find, Ctrl+F): a field, the number of hits and the
// one shown ("3 of 12"), Previous and Next. Enter and F3 go to the next hit,
// Shift+F3 to the previous one, Escape closes the bar; each hit is handed to
// onHit, which selects it and centres the canvas on it. Typing counts the hits
// once the keys pause (kTypingPause): on a national chain each search walks
// 150 000 objects, and a search per key made typing lag.
#include <wx/panel.h>
#include <wx/timer.h>

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

    /// How long typing must pause before the hits are counted (Enter and F3 search at once).
    static constexpr int kTypingPause = 250;  // ms
    /// Searches run since the bar was made (for tests: one per pause, not one per key).
    std::size_t searchesRun() const { return m_searchesRun; }
    bool searchPending() const { return m_typingTimer.IsRunning(); }

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
    std::size_t m_searchesRun = 0;
    wxTimer m_typingTimer;
    int m_docSlot = 0;
};

}  // namespace traza::gui
