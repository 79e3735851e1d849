#include "background_task.h"

#include <wx/progdlg.h>
#include <wx/utils.h>

#include <chrono>

namespace traza::gui {
namespace {
struct Outcome {
    std::atomic<bool> done{false};
    std::exception_ptr error;
};
constexpr int kQuietMs = 300;  // no dialog for a step that ends sooner
constexpr int kPollMs = 50;
}  // namespace

BackgroundTasks::~BackgroundTasks() {
    for (std::thread& t : m_abandoned)
        if (t.joinable()) t.join();
}

bool BackgroundTasks::runErased(wxWindow* parent, const wxString& title, const wxString& message, std::function<void()> work) {
    auto outcome = std::make_shared<Outcome>();
    std::thread worker([outcome, work = std::move(work), hook = workerHook] {
        try {
            if (hook) hook();
            work();
        } catch (...) {
            outcome->error = std::current_exception();
        }
        outcome->done = true;
    });
    for (int waited = 0; waited < kQuietMs && !outcome->done; waited += 10) wxMilliSleep(10);
    bool cancelled = false;
    if (!outcome->done) {
        wxProgressDialog dialog(title, message, 100, parent, wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME);
        dialog.SetName("import-progress");
        m_dialog = &dialog;
        if (onProgressShown) onProgressShown(dialog);
        // Pulse() yields to the event loop and returns false once Cancel was pressed.
        while (!outcome->done && !cancelled) {
            if (!dialog.Pulse()) cancelled = true;
            else wxMilliSleep(kPollMs);
        }
        m_dialog = nullptr;
    }
    if (cancelled && !outcome->done) {
        m_abandoned.push_back(std::move(worker));
        return false;
    }
    worker.join();
    if (outcome->error) std::rethrow_exception(outcome->error);
    return !cancelled;
}

}  // namespace traza::gui
