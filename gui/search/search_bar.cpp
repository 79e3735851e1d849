#include "search_bar.h"

#include <wx/bmpbuttn.h>
#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "labels.h"

namespace traza::gui {

SearchBar::SearchBar(wxWindow* parent, const Document& doc) : wxPanel(parent, wxID_ANY), m_doc(doc) {
    SetName("search-bar");
    const int gap = FromDIP(4);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("Find:")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, gap);
    m_field = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(300, -1)), wxTE_PROCESS_ENTER);
    m_field->SetName("search-field");
    m_field->SetHint(_("Name, id, region or notes of an actor or flow"));
    sizer->Add(m_field, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    auto* previousButton = new wxButton(this, wxID_ANY, _("Previous"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    previousButton->SetToolTip(_("Previous hit (Shift+F3)"));
    auto* nextButton = new wxButton(this, wxID_ANY, _("Next"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    nextButton->SetToolTip(_("Next hit (Enter, F3)"));
    sizer->Add(previousButton, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    sizer->Add(nextButton, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    m_count = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(220, -1)));
    m_count->SetName("search-count");
    sizer->Add(m_count, 0, wxALIGN_CENTER_VERTICAL);
    SetSizer(sizer);

    m_field->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { next(); });
    m_field->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        // Count once the user pauses; the first hit is shown on Enter.
        m_typingTimer.StartOnce(kTypingPause);
    });
    m_typingTimer.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { searchIfNeeded(); });
    m_field->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE && onClose) onClose();
        else if (e.GetKeyCode() == WXK_F3 && e.GetModifiers() == wxMOD_SHIFT) previous();
        else if (e.GetKeyCode() == WXK_F3 && e.GetModifiers() == wxMOD_NONE) next();
        else e.Skip();
    });
    previousButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { previous(); });
    nextButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { next(); });
    m_docSlot = const_cast<Document&>(m_doc).changed.connect([this](DocumentChange c) {
        if (c == DocumentChange::Replaced) {
            m_cursor.reset({});
            m_searchedOnce = false;
            updateCount();
        }
    });
}

SearchBar::~SearchBar() {
    m_typingTimer.Stop();
    const_cast<Document&>(m_doc).changed.disconnect(m_docSlot);
}

void SearchBar::focusField() {
    m_field->SetFocus();
    m_field->SelectAll();
}

wxString SearchBar::countText() const { return m_count->GetLabel(); }

void SearchBar::searchIfNeeded() {
    m_typingTimer.Stop();
    const wxString text = m_field->GetValue();
    if (m_searchedOnce && text == m_searched && m_searchedRevision == m_doc.revision()) return;
    // After an edit the same text goes on from the hit it showed.
    const bool sameText = m_searchedOnce && text == m_searched;
    std::optional<ItemRef> shown;
    if (sameText && m_cursor.current() >= 0) shown = m_cursor.hits()[static_cast<std::size_t>(m_cursor.current())];
    m_searchedOnce = true;
    ++m_searchesRun;
    m_cursor.reset(searchChain(m_doc.project(), toUtf8(text)));
    if (shown) m_cursor.resume(*shown);
    m_searched = text;
    m_searchedRevision = m_doc.revision();
    updateCount();
}

void SearchBar::next() {
    searchIfNeeded();
    show(m_cursor.next());
}

void SearchBar::previous() {
    searchIfNeeded();
    show(m_cursor.previous());
}

void SearchBar::show(const ItemRef* hit) {
    updateCount();
    if (hit && onHit) onHit(*hit);
}

void SearchBar::updateCount() {
    const auto n = static_cast<int>(m_cursor.hits().size());
    wxString text;
    if (m_field->GetValue().Strip(wxString::both).empty()) text = wxString();
    else if (n == 0) text = _("No match");
    else if (m_cursor.current() < 0) text = wxString::Format(_("%d found"), n);
    else text = wxString::Format(_("%d of %d"), m_cursor.current() + 1, n);
    m_count->SetLabel(text);
}

}  // namespace traza::gui
