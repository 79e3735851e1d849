#pragma once
// The bytes of a user's text file (a CSV) turned into UTF-8, whatever Excel or
// another program saved them as: UTF-8 with or without a byte-order mark,
// UTF-16 with a byte-order mark (Excel's "Unicode text"), or Windows-1252 (what
// Excel in a Western European locale, e.g. Spanish, writes as plain "CSV").
// Depends on the standard library only.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace traza::model {

enum class TextEncoding { Utf8, Utf8WithBom, Utf16Le, Utf16Be, Windows1252 };

/// A place the decoder could not read: an offset into the decoded text, where
/// U+FFFD stands in for what could not be read, and the reason for the user.
struct TextFault {
    std::size_t offset = 0;
    std::string reason;
};

struct DecodedText {
    std::string utf8;  ///< the text, well-formed UTF-8 (NUL bytes are kept: the reader refuses them)
    TextEncoding encoding = TextEncoding::Utf8;
    /// For the import summary: "read as Windows-1252 and converted to UTF-8";
    /// empty when the file was UTF-8 already (with or without a byte-order mark).
    std::string note;
    /// The first unreadable place, if any. The text must then be refused (the CSV
    /// reader does so at that field's line and column); `utf8` may end soon after it.
    std::optional<TextFault> fault;
};

/// Decides the encoding and decodes; never throws. In order:
/// - a UTF-8 byte-order mark: UTF-8, the mark removed;
/// - a UTF-16 LE or BE byte-order mark: UTF-16, transcoded (an odd byte count
///   or an unpaired surrogate is a fault);
/// - well-formed UTF-8: as is;
/// - ill-formed UTF-8 that nevertheless holds a well-formed multi-byte UTF-8
///   sequence: a file mixing two encodings; a fault at the first bad byte (it is
///   read as Windows-1252 meanwhile), because converting it would garble the UTF-8 part;
/// - otherwise Windows-1252, 0x80-0x9F mapped as Windows maps them (0x80 is €);
///   the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
///   are a fault, not guessed.
DecodedText decodeText(std::string_view bytes);

/// "UTF-8", "UTF-16 LE", "Windows-1252", ... for messages.
const char* encodingName(TextEncoding encoding);

}  // namespace traza::model
