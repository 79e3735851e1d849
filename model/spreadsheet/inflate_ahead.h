#pragma once
// Inflates one zip entry on a second thread while the caller parses what has
// already come out. Reading a large sheet is inflate (zlib) then parse
// (expat), about one third and two thirds of the time; overlapping them takes
// the inflate off the critical path. At most kDepth chunks wait in the queue,
// so memory stays bounded whatever the entry's size.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

struct zip_file;

namespace traza::model {

class InflateAhead {
public:
    /// Starts inflating `file` (which must stay open, and whose archive the
    /// caller must not use, until this object is destroyed). The thread stops
    /// on its own once it has produced more than `stopAfter` bytes.
    InflateAhead(struct zip_file* file, std::uint64_t stopAfter);
    /// Stops the thread (it finishes at most the chunk in hand) and joins it.
    ~InflateAhead();
    InflateAhead(const InflateAhead&) = delete;
    InflateAhead& operator=(const InflateAhead&) = delete;

    /// The next chunk in `out`; false at the end of the entry, with `failed`
    /// set when libzip failed (a CRC error, damaged data: zip_file_get_error
    /// of the file then says why).
    bool next(std::string& out, bool& failed);

private:
    static constexpr std::size_t kChunk = 256 * 1024;
    static constexpr std::size_t kDepth = 4;

    void run();

    struct zip_file* m_file;
    std::uint64_t m_stopAfter;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::string> m_queue;
    bool m_finished = false;   ///< no more chunks will come
    bool m_cancelled = false;  ///< the reader is gone
    bool m_failed = false;
    std::thread m_thread;      ///< last: starts once everything above exists
};

}  // namespace traza::model
