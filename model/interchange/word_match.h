#pragma once
// How a user's word is compared with the words Traza knows: case, accents, a
// unit in brackets and the difference between spaces, '_', '-' and '.' do not
// count ("Toneladas (kg)" and "toneladas" are the same header).
#include <string>
#include <string_view>
#include <vector>

namespace traza::model {

/// Lower case, Latin accents removed (á→a, ñ→n, ç→c…), a trailing "(...)" or
/// "[...]" dropped, runs of spaces, '_', '-', '.', '/' made one space, trimmed.
std::string normaliseWord(std::string_view);

/// The unit in brackets at the end of a header, normalised ("kg" for
/// "Cantidad (Kg)"); empty when there is none.
std::string bracketUnit(std::string_view header);

/// Edit distance between two normalised words (for "did you mean").
std::size_t editDistance(std::string_view a, std::string_view b);

/// Up to `count` of `known` closest to `word` by edit distance, closest first,
/// only those within reach (distance at most half the longer word).
std::vector<std::string> closestWords(std::string_view word, const std::vector<std::string>& known, std::size_t count = 3);

}  // namespace traza::model
