#pragma once
// Progress of a report as a fraction 0..1, reported to the caller's callback at
// most about a hundred times; a callback that returns false cancels the report
// (Progress throws Cancelled at the next step). Sheets written on two threads
// share one Progress: its steps and the callback's calls take turns.
#include <functional>
#include <mutex>

namespace traza::reports {

class Progress {
public:
    /// `totalUnits`: the work before the file is packed (rows written, roughly);
    /// those units map to 0..kWritingShare, packing the file does the rest.
    Progress(std::function<bool(double)> callback, double totalUnits);

    static constexpr double kWritingShare = 0.8;

    /// `units` more done. Throws Cancelled when the callback says stop.
    void advance(double units = 1);
    /// Jump to a fixed fraction (e.g. 1.0 when the file is written). Throws Cancelled.
    void reach(double fraction);

private:
    void report(double fraction, bool force);

    std::function<bool(double)> m_callback;
    double m_total;
    double m_done = 0;
    double m_lastReported = -1;
    bool m_cancelled = false;  ///< once cancelled, every later step throws too
    std::mutex m_mutex;
};

}  // namespace traza::reports
