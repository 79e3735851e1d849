#include "inflate_ahead.h"

#include <zip.h>

namespace traza::model {

InflateAhead::InflateAhead(zip_file_t* file, std::uint64_t stopAfter)
    : m_file(file), m_stopAfter(stopAfter), m_thread([this] { run(); }) {}

InflateAhead::~InflateAhead() {
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void InflateAhead::run() {
    std::uint64_t produced = 0;
    for (;;) {
        std::string chunk(kChunk, '\0');
        const zip_int64_t n = zip_fread(m_file, chunk.data(), chunk.size());
        std::unique_lock lock(m_mutex);
        if (n <= 0) {
            m_failed = n < 0;
            m_finished = true;
            m_changed.notify_all();
            return;
        }
        chunk.resize(static_cast<std::size_t>(n));
        produced += static_cast<std::uint64_t>(n);
        m_changed.wait(lock, [&] { return m_cancelled || m_queue.size() < kDepth; });
        if (m_cancelled) return;
        m_queue.push_back(std::move(chunk));
        // Past the entry's declared size: the reader refuses it on this chunk.
        if (produced > m_stopAfter) m_finished = true;
        m_changed.notify_all();
        if (m_finished) return;
    }
}

bool InflateAhead::next(std::string& out, bool& failed) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_queue.empty() || m_finished; });
    if (m_queue.empty()) {
        failed = m_failed;
        return false;
    }
    out = std::move(m_queue.front());
    m_queue.pop_front();
    m_changed.notify_all();
    return true;
}

}  // namespace traza::model
