#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "spreadsheet/text_encoding.h"

using namespace traza::model;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(TRAZA_MODEL_FIXTURES) + "/spreadsheet/" + name, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("TextEncoding - UTF-8 is kept as is, its byte-order mark removed, with no note") {
    const DecodedText plain = decodeText("Organización;Bogotá\n");
    CHECK(plain.encoding == TextEncoding::Utf8);
    CHECK(plain.utf8 == "Organización;Bogotá\n");
    CHECK(plain.note.empty());
    CHECK_FALSE(plain.fault);
    const DecodedText marked = decodeText("\xEF\xBB\xBFid;nombre\n");
    CHECK(marked.encoding == TextEncoding::Utf8WithBom);
    CHECK(marked.utf8 == "id;nombre\n");
    CHECK(marked.note.empty());
    CHECK(decodeText("").utf8.empty());
}

TEST_CASE("TextEncoding - Windows-1252 bytes are converted, 0x80-0x9F as Windows maps them") {
    const DecodedText t = decodeText("Organizaci\xF3n;Bogot\xE1;\x80 5;\x93s\xED\x94;\x96;\x85;\x8A\x9A\x8C\x9C\x9F\n");
    CHECK(t.encoding == TextEncoding::Windows1252);
    CHECK(t.utf8 == "Organización;Bogotá;€ 5;“sí”;–;…;ŠšŒœŸ\n");
    CHECK(t.note == "read as Windows-1252 and converted to UTF-8");
    CHECK_FALSE(t.fault);
    // A NUL byte is kept: the CSV reader refuses it with its place.
    CHECK(decodeText(std::string("a\xE1\0b", 4)).utf8 == std::string("a\xC3\xA1\0b", 5));
}

TEST_CASE("TextEncoding - every byte Windows-1252 defines decodes as Python's cp1252 codec decodes it") {
    const DecodedText t = decodeText(fixture("cp1252_high.txt"));
    CHECK(t.encoding == TextEncoding::Windows1252);
    CHECK_FALSE(t.fault);
    CHECK(t.utf8 == fixture("cp1252_high.utf8.txt"));
}

TEST_CASE("TextEncoding - the five undefined Windows-1252 bytes are a fault at their place, not guessed") {
    for (const char byte : {'\x81', '\x8D', '\x8F', '\x90', '\x9D'}) {
        const DecodedText t = decodeText(std::string("Bogot\xE1;a") + byte + "b;\x81");
        INFO(int(static_cast<unsigned char>(byte)));
        CHECK(t.encoding == TextEncoding::Windows1252);
        REQUIRE(t.fault);
        CHECK(t.fault->offset == 9);  // "Bogotá;a" is 9 bytes of UTF-8; the first fault is kept
        CHECK(t.utf8.substr(9, 3) == "\xEF\xBF\xBD");
        CHECK_THAT(t.fault->reason, Catch::StartsWith("byte 0x"));
        CHECK_THAT(t.fault->reason, Catch::Contains("is not a character in Windows-1252"));
    }
    CHECK(decodeText("\x9D").fault->reason ==
          "byte 0x9D is not a character in Windows-1252, the encoding this file is read in; save the file as \"CSV UTF-8\"");
}

TEST_CASE("TextEncoding - a file mixing UTF-8 and Windows-1252 is a fault at the first byte that is not UTF-8") {
    const DecodedText t = decodeText("Bogotá\nMedell\xEDn\n");  // "á" is UTF-8, 0xED is not
    REQUIRE(t.fault);
    CHECK(t.fault->offset == 16);  // "Bogot" + "Ã¡" (4 bytes) + "\n" + "Medell"
    CHECK(t.fault->reason == "byte 0xED is not UTF-8, yet the rest of the file is UTF-8: the file mixes two encodings; "
                             "save it again as \"CSV UTF-8\"");
    const DecodedText marked = decodeText("\xEF\xBB\xBFok\nMedell\xEDn\n");
    REQUIRE(marked.fault);
    CHECK(marked.fault->offset == 9);
    CHECK_THAT(marked.fault->reason, Catch::Contains("starts with a UTF-8 byte-order mark"));
}

TEST_CASE("TextEncoding - UTF-16 with a byte-order mark (Excel's Unicode text) is converted") {
    // "id\tBogotá €\n😀" in UTF-16 LE and BE.
    const std::string le("\xFF\xFEi\0d\0\t\0B\0o\0g\0o\0t\0\xE1\0 \0\xAC\x20\n\0\x3D\xD8\x00\xDE", 30);
    const DecodedText t = decodeText(le);
    CHECK(t.encoding == TextEncoding::Utf16Le);
    CHECK(t.utf8 == "id\tBogotá €\n😀");
    CHECK(t.note == "read as UTF-16 LE (\"Unicode text\") and converted to UTF-8");
    CHECK_FALSE(t.fault);
    const std::string be("\xFE\xFF\0i\0d\0\t\0B\0o\0g\0o\0t\0\xE1\0 \x20\xAC\0\n\xD8\x3D\xDE\x00", 30);
    CHECK(decodeText(be).utf8 == "id\tBogotá €\n😀");
    CHECK(decodeText(be).encoding == TextEncoding::Utf16Be);

    const DecodedText odd = decodeText(std::string("\xFF\xFEi\0d", 5));
    REQUIRE(odd.fault);
    CHECK(odd.fault->offset == 1);
    CHECK(odd.fault->reason == "the UTF-16 text ends in half a character (an odd number of bytes)");
    const DecodedText lone = decodeText(std::string("\xFF\xFEi\0\x3D\xD8x\0", 8));
    REQUIRE(lone.fault);
    CHECK(lone.fault->offset == 1);
    CHECK(lone.utf8 == "i\xEF\xBF\xBDx");
}
