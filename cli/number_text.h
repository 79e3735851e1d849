#pragma once
// Numbers as the commands print them: a fixed number of decimals, and in
// Spanish the decimal comma (and a space before %), as a Spanish reader writes them.
#include <string>

namespace traza::cli {

std::string fixed(double x, int decimals, bool es);
/// 0.425 -> "42.5%" / "42,5 %".
std::string percent(double share, bool es);

}  // namespace traza::cli
