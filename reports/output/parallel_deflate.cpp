#include "parallel_deflate.h"

#include <zlib.h>

#include <algorithm>

namespace traza::reports {

namespace {

constexpr std::size_t kWindow = 32 * 1024;  // deflate's window: what a chunk may refer back to
constexpr std::size_t kMaxInFlight = 3;     // two cores busy and one chunk ready to write

}  // namespace

ParallelDeflate::ParallelDeflate(int level, Sink sink) : m_level(level), m_sink(std::move(sink)) {
    m_pending.reserve(kChunk);
}

ParallelDeflate::~ParallelDeflate() {
    for (auto& f : m_inFlight) f.wait();
}

ParallelDeflate::Chunk ParallelDeflate::compress(int level, std::string input, std::string dictionary, bool last) {
    Chunk out;
    out.size = input.size();
    out.crc = static_cast<std::uint32_t>(
        ::crc32_z(0, reinterpret_cast<const Bytef*>(input.data()), input.size()));
    z_stream z{};
    // Raw deflate (negative window bits): the zip entry carries no zlib header.
    if (deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return out;
    if (!dictionary.empty() &&
        deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dictionary.data()),
                             static_cast<uInt>(dictionary.size())) != Z_OK) {
        deflateEnd(&z);
        return out;
    }
    // deflateBound plus room for the sync flush's empty stored block.
    out.compressed.resize(deflateBound(&z, input.size()) + 64);
    z.next_in = reinterpret_cast<Bytef*>(input.data());
    z.avail_in = static_cast<uInt>(input.size());
    z.next_out = reinterpret_cast<Bytef*>(out.compressed.data());
    z.avail_out = static_cast<uInt>(out.compressed.size());
    const int flush = last ? Z_FINISH : Z_SYNC_FLUSH;
    const int rc = deflate(&z, flush);
    out.ok = z.avail_in == 0 && (last ? rc == Z_STREAM_END : rc == Z_OK && z.avail_out > 0);
    out.compressed.resize(out.compressed.size() - z.avail_out);
    deflateEnd(&z);
    return out;
}

void ParallelDeflate::submit(bool last) {
    std::string input;
    input.swap(m_pending);
    m_pending.reserve(kChunk);
    std::string dictionary = m_dictionary;
    // The next chunk may refer back to the end of this one, as one stream would.
    if (input.size() >= kWindow)
        m_dictionary.assign(input, input.size() - kWindow, kWindow);
    else {
        m_dictionary += input;
        if (m_dictionary.size() > kWindow) m_dictionary.erase(0, m_dictionary.size() - kWindow);
    }
    m_inFlight.push_back(std::async(std::launch::async, &ParallelDeflate::compress, m_level, std::move(input),
                                    std::move(dictionary), last));
}

bool ParallelDeflate::drain(std::size_t keep) {
    while (m_inFlight.size() > keep) {
        Chunk c = m_inFlight.front().get();
        m_inFlight.pop_front();
        if (!m_ok) continue;
        m_ok = c.ok && m_sink(c.compressed);
        m_crc = static_cast<std::uint32_t>(::crc32_combine(m_crc, c.crc, static_cast<z_off_t>(c.size)));
    }
    return m_ok;
}

bool ParallelDeflate::write(const void* data, std::size_t size) {
    const char* bytes = static_cast<const char*>(data);
    m_totalIn += size;
    while (size > 0 && m_ok) {
        const std::size_t n = std::min(size, kChunk - m_pending.size());
        m_pending.append(bytes, n);
        bytes += n;
        size -= n;
        if (m_pending.size() == kChunk) {
            submit(false);
            drain(kMaxInFlight - 1);
        }
    }
    return m_ok;
}

bool ParallelDeflate::finish() {
    if (!m_ok) return drain(0);
    // A small part (most of them) is compressed here, without a thread.
    if (m_inFlight.empty()) {
        Chunk c = compress(m_level, std::move(m_pending), std::move(m_dictionary), true);
        m_crc = static_cast<std::uint32_t>(::crc32_combine(m_crc, c.crc, static_cast<z_off_t>(c.size)));
        return m_ok = c.ok && m_sink(c.compressed);
    }
    submit(true);
    return drain(0);
}

}  // namespace traza::reports
