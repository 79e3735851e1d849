#pragma once
// Runs risk::analyze off the GUI thread so typing never waits for it.
// schedule() restarts a ~300 ms debounce; when it fires, a copy of the project
// goes to one worker thread; the result comes back on the GUI thread through
// CallAfter, and a result older than the latest request is dropped (generation
// counter), so a slow analysis of an old state never overwrites a newer one.
#include <wx/event.h>
#include <wx/timer.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "analysis.h"
#include "project.h"

namespace traza::gui {

class AnalysisRunner : public wxEvtHandler {
public:
    using Analyze = std::function<risk::Analysis(const model::Project&)>;
    /// Called on the GUI thread with a current result, or with an error text.
    using OnResult = std::function<void(std::shared_ptr<const risk::Analysis>, std::uint64_t generation)>;
    using OnError = std::function<void(const std::string& message)>;

    /// `snapshot` copies the current project (called on the GUI thread when the
    /// debounce fires). `analyze` defaults to risk::analyze; tests inject a slow one.
    AnalysisRunner(std::function<model::Project()> snapshot, OnResult onResult, OnError onError,
                   Analyze analyze = {}, int debounceMs = 300);
    /// Stops the worker; waits for an analysis in progress to finish.
    ~AnalysisRunner() override;

    /// The project changed: analyse it once no change came for the debounce time.
    void schedule();
    /// Analyse now (skipping the debounce), e.g. right after opening a file.
    void runNow();
    /// Analyse `project` now: a project not yet the document's (one just read,
    /// which the document will hold a copy of), so the analysis need not wait
    /// for that copy. Nobody may change it any more.
    void runNow(std::shared_ptr<const model::Project> project);
    /// True from schedule() until the matching result (or error) was delivered.
    bool busy() const { return m_pendingDelivery; }
    std::uint64_t generation() const { return m_generation; }

private:
    struct Job {
        std::uint64_t generation = 0;
        std::shared_ptr<const model::Project> project;
    };
    void workerLoop();

    std::function<model::Project()> m_snapshot;
    OnResult m_onResult;
    OnError m_onError;
    Analyze m_analyze;
    int m_debounceMs;
    wxTimer m_timer;
    std::uint64_t m_generation = 0;          ///< GUI thread only
    std::atomic<std::uint64_t> m_latest{0};  ///< newest generation requested (read by the worker)
    bool m_pendingDelivery = false;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Job> m_job;  ///< the newest request not yet taken; older ones are overwritten
    bool m_stop = false;
    std::thread m_worker;
};

}  // namespace traza::gui
