#pragma once
// Reading a user's workbook and importing it can take seconds for a national
// chain; this runs such a step on a worker thread while an app-modal progress
// dialog pulses, with Cancel. A cancelled step is not stopped (the readers have
// no cancellation point): its result is discarded and its thread is joined when
// the owner is destroyed. The work therefore owns everything it touches: it
// gets its inputs by value (or shared_ptr) and returns its result.
#include <wx/string.h>

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

class wxWindow;
class wxGenericProgressDialog;

namespace traza::gui {

class BackgroundTasks {
public:
    BackgroundTasks() = default;
    BackgroundTasks(const BackgroundTasks&) = delete;
    BackgroundTasks& operator=(const BackgroundTasks&) = delete;
    /// Joins the threads of cancelled steps.
    ~BackgroundTasks();

    /// Runs `work` on a worker thread; returns its result, or nullopt when the
    /// user pressed Cancel. Rethrows what `work` threw. The dialog appears only
    /// when the work takes longer than a moment.
    template <typename T>
    std::optional<T> run(wxWindow* parent, const wxString& title, const wxString& message, std::function<T()> work) {
        auto result = std::make_shared<std::optional<T>>();
        const bool finished = runErased(parent, title, message, [result, work = std::move(work)] { *result = work(); });
        if (!finished) return std::nullopt;
        return std::move(*result);
    }

    /// The progress dialog while a step runs and shows it, else null.
    wxGenericProgressDialog* dialog() const { return m_dialog; }
    /// Tests: called on the worker before each step's work (to slow it down).
    std::function<void()> workerHook;
    /// Tests: called on the GUI thread once the progress dialog is shown (to press Cancel).
    std::function<void(wxGenericProgressDialog&)> onProgressShown;

private:
    bool runErased(wxWindow* parent, const wxString& title, const wxString& message, std::function<void()> work);

    std::vector<std::thread> m_abandoned;
    wxGenericProgressDialog* m_dialog = nullptr;
};

}  // namespace traza::gui
