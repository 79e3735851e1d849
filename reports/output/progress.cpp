#include "progress.h"

#include <algorithm>

#include "report.h"

namespace traza::reports {

Progress::Progress(std::function<bool(double)> callback, double totalUnits)
    : m_callback(std::move(callback)), m_total(std::max(totalUnits, 1.0)) {}

void Progress::advance(double units) {
    std::lock_guard lock(m_mutex);
    m_done += units;
    report(std::min(m_done / m_total, 1.0) * kWritingShare, false);
}

void Progress::reach(double fraction) {
    std::lock_guard lock(m_mutex);
    report(std::clamp(fraction, 0.0, 1.0), true);
}

void Progress::report(double fraction, bool force) {
    if (!m_callback) return;
    if (m_cancelled) throw Cancelled();
    // Calling out for every row would cost more than the row; a 1% step is enough for a bar.
    if (!force && fraction < m_lastReported + 0.01) return;
    m_lastReported = fraction;
    if (!m_callback(fraction)) {
        m_cancelled = true;
        throw Cancelled();
    }
}

}  // namespace traza::reports
