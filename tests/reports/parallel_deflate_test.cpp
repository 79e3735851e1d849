#include <zlib.h>

#include <string>

#include <catch2/catch.hpp>

#include "parallel_deflate.h"

using traza::reports::ParallelDeflate;

namespace {

// Text like a sheet's XML, varied enough that deflate has work to do: rows of
// cells with numbers from a small linear congruential generator.
std::string sheetLikeText(std::size_t atLeast) {
    std::string s;
    unsigned x = 12345;
    for (int row = 1; s.size() < atLeast; ++row) {
        s += "<row r=\"" + std::to_string(row) + "\">";
        for (int c = 0; c < 6; ++c) {
            x = x * 1103515245u + 12345u;
            s += "<c s=\"" + std::to_string(x % 7) + "\"><v>" + std::to_string((x >> 8) % 100000) + "." +
                 std::to_string(x % 997) + "</v></c>";
        }
        s += "</row>";
    }
    return s;
}

// zlib's own raw inflate of the whole stream; throws on a broken stream.
std::string inflateRaw(const std::string& compressed, std::size_t expected) {
    std::string out(expected + 1, '\0');
    z_stream z{};
    REQUIRE(inflateInit2(&z, -15) == Z_OK);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z.avail_in = static_cast<uInt>(compressed.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = inflate(&z, Z_FINISH);
    out.resize(out.size() - z.avail_out);
    const bool allRead = z.avail_in == 0;
    inflateEnd(&z);
    CHECK(rc == Z_STREAM_END);
    CHECK(allRead);
    return out;
}

std::string deflateInPieces(const std::string& input, std::size_t piece) {
    std::string compressed;
    ParallelDeflate d(1, [&](std::string_view bytes) {
        compressed.append(bytes);
        return true;
    });
    for (std::size_t at = 0; at < input.size(); at += piece)
        REQUIRE(d.write(input.data() + at, std::min(piece, input.size() - at)));
    REQUIRE(d.finish());
    CHECK(d.totalIn() == input.size());
    CHECK(d.crc32() == ::crc32_z(0, reinterpret_cast<const Bytef*>(input.data()), input.size()));
    return compressed;
}

}  // namespace

TEST_CASE("ParallelDeflate - chunks deflated apart join into one stream zlib inflates", "[writer]") {
    // Several chunks, written in pieces that do not line up with them (libxlsxwriter's are 16 KB).
    const std::string input = sheetLikeText(5 * ParallelDeflate::kChunk + 777);
    for (std::size_t piece : {std::size_t{16384}, std::size_t{100003}, input.size()}) {
        const std::string compressed = deflateInPieces(input, piece);
        const bool same = inflateRaw(compressed, input.size()) == input;  // no 3 MB strings in a failure
        CHECK(same);
        // Each chunk starts from the 32 KB before it, so splitting costs little against one stream.
        uLongf oneStreamSize = compressBound(static_cast<uLong>(input.size()));
        std::string oneStream(oneStreamSize, '\0');
        REQUIRE(compress2(reinterpret_cast<Bytef*>(oneStream.data()), &oneStreamSize,
                          reinterpret_cast<const Bytef*>(input.data()), static_cast<uLong>(input.size()), 1) == Z_OK);
        CHECK(compressed.size() < oneStreamSize * 101 / 100);
    }
}

TEST_CASE("ParallelDeflate - a small part and an empty one", "[writer]") {
    const std::string small = "<sst count=\"0\"/>";
    CHECK(inflateRaw(deflateInPieces(small, 5), small.size()) == small);
    CHECK(inflateRaw(deflateInPieces("", 1), 0).empty());
}

TEST_CASE("ParallelDeflate - a sink that fails stops the stream", "[writer]") {
    const std::string input = sheetLikeText(3 * ParallelDeflate::kChunk);
    int calls = 0;
    ParallelDeflate d(1, [&](std::string_view) { return ++calls < 2; });
    bool ok = true;
    for (std::size_t at = 0; at < input.size() && ok; at += 16384)
        ok = d.write(input.data() + at, std::min<std::size_t>(16384, input.size() - at));
    if (ok) ok = d.finish();
    CHECK_FALSE(ok);
    CHECK(calls == 2);  // nothing handed on after the failure
}
