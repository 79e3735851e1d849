#pragma once
// Excel writes characters that XML 1.0 cannot carry (control characters such
// as carriage return) as "_xHHHH_", a UTF-16 code unit in hex, and a literal
// "_x" sequence as "_x005F_x...". This undoes that in string cells.
#include <string>

namespace traza::model {

/// Replaces every "_xHHHH_" in `text` by the character it stands for (a
/// surrogate pair written as two escapes is joined). NUL and lone surrogates
/// become U+FFFD, so the result stays valid UTF-8 when `text` was.
void decodeOoxmlEscapes(std::string& text);

}  // namespace traza::model
