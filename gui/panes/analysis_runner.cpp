#include "analysis_runner.h"

#include "process_memory.h"

#include <exception>

namespace traza::gui {

AnalysisRunner::AnalysisRunner(std::function<model::Project()> snapshot, OnResult onResult, OnError onError,
                               Analyze analyze, int debounceMs)
    : m_snapshot(std::move(snapshot)), m_onResult(std::move(onResult)), m_onError(std::move(onError)),
      m_analyze(analyze ? std::move(analyze) : Analyze([](const model::Project& p) { return risk::analyze(p); })),
      m_debounceMs(debounceMs), m_timer(this) {
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { runNow(); });
    m_worker = std::thread([this] { workerLoop(); });
}

AnalysisRunner::~AnalysisRunner() {
    m_timer.Stop();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
        m_job.reset();
    }
    m_wake.notify_all();
    m_worker.join();
    // Results the worker posted but not yet delivered die with this handler.
}

void AnalysisRunner::schedule() {
    // Whatever is being analysed now describes an outdated project: drop it.
    m_latest = ++m_generation;
    m_pendingDelivery = true;
    m_timer.StartOnce(m_debounceMs);
}

void AnalysisRunner::runNow() { runNow(std::make_shared<const model::Project>(m_snapshot())); }

void AnalysisRunner::runNow(std::shared_ptr<const model::Project> project) {
    m_timer.Stop();
    m_pendingDelivery = true;
    Job job{++m_generation, std::move(project)};
    m_latest = job.generation;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_job = std::move(job);
    }
    m_wake.notify_one();
}

void AnalysisRunner::workerLoop() {
    model::adviseThreadHeap();  // each analysis allocates tens of MB on this thread
    for (;;) {
        Job job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_job.has_value(); });
            if (m_stop) return;
            job = std::move(*m_job);
            m_job.reset();
        }
        std::shared_ptr<const risk::Analysis> result;
        std::string error;
        try {
            result = std::make_shared<const risk::Analysis>(m_analyze(*job.project));
        } catch (const std::exception& e) {
            error = e.what();
        }
        if (job.generation != m_latest) continue;  // a newer request is queued: don't bother the GUI
        const std::uint64_t gen = job.generation;
        // CallAfter is thread-safe; the lambda runs on the GUI thread.
        CallAfter([this, result, error, gen] {
            if (gen != m_generation) return;  // stale: the project changed meanwhile
            m_pendingDelivery = m_timer.IsRunning();
            if (result) m_onResult(result, gen);
            else m_onError(error);
        });
    }
}

}  // namespace traza::gui
