#pragma once
// One deflate stream compressed in chunks on worker threads (the way pigz does
// it): each chunk is a raw deflate of its bytes primed with the 32 KB before it,
// ended by a sync flush so the chunks join into one ordinary stream; the last
// ends the stream. fast_deflate.cpp uses it for each part of a workbook, so the
// deflate runs on both cores and beside libxlsxwriter's own copying of the
// part. Level 1, the workbooks' level, is compressed with ISA-L, other levels
// with zlib.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <string>
#include <string_view>

namespace traza::reports {

class ParallelDeflate {
public:
    /// `sink` takes the compressed bytes, in order; returning false stops the stream.
    using Sink = std::function<bool(std::string_view compressed)>;

    ParallelDeflate(int level, Sink sink);
    ~ParallelDeflate();  // waits for the chunks still being compressed
    ParallelDeflate(const ParallelDeflate&) = delete;
    ParallelDeflate& operator=(const ParallelDeflate&) = delete;

    /// Adds bytes to the stream; false once compressing or the sink failed.
    bool write(const void* data, std::size_t size);
    /// Compresses what is left, ends the stream and hands everything to the sink.
    bool finish();

    std::uint32_t crc32() const { return m_crc; }
    std::uint64_t totalIn() const { return m_totalIn; }

    static constexpr std::size_t kChunk = 512 * 1024;
    /// The level compressed with ISA-L (igzip's level 1); others with zlib.
    static constexpr int kIsalLevel = 1;

private:
    struct Chunk {
        std::string compressed;
        std::uint32_t crc = 0;
        std::size_t size = 0;
        bool ok = false;
    };
    static Chunk compress(int level, std::string input, std::string dictionary, bool last);
    void submit(bool last);
    bool drain(std::size_t keep);

    int m_level;
    Sink m_sink;
    std::string m_pending;     // bytes not yet handed to a worker
    std::string m_dictionary;  // the last 32 KB handed to one
    std::deque<std::future<Chunk>> m_inFlight;
    std::uint32_t m_crc = 0;
    std::uint64_t m_totalIn = 0;
    bool m_ok = true;
};

}  // namespace traza::reports
