#include "csv_dialect.h"

#include <vector>

namespace traza::model {
namespace {

// Field counts of the first `limit` non-blank records when split at `separator`.
// A lenient pass over the quoting rules of csv_reader.cpp: a quote opens a quoted
// field only at the start of a field, and "" inside one is a quote.
std::vector<std::size_t> fieldCounts(std::string_view text, char separator, std::size_t limit) {
    std::vector<std::size_t> counts;
    std::size_t fields = 1;
    bool fieldStart = true, quoted = false, blank = true;
    auto endRecord = [&] {
        if (!blank) counts.push_back(fields);
        fields = 1;
        fieldStart = true;
        blank = true;
    };
    for (std::size_t i = 0; i < text.size() && counts.size() < limit; ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') ++i;
            else if (c == '"') quoted = false;
            continue;
        }
        if (c == '\n' || c == '\r') {
            endRecord();
            continue;
        }
        if (c == separator) {
            ++fields;
            fieldStart = true;
            blank = false;
            continue;
        }
        if (c == '"' && fieldStart) quoted = true;
        if (c != ' ' && c != '\t') {  // spaces around a field are trimmed by the tokenizer
            fieldStart = false;
            blank = false;
        }
    }
    if (counts.size() < limit) endRecord();
    return counts;
}

}  // namespace

char detectCsvSeparator(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    char best = ',';
    std::size_t bestAgreeing = 0, bestWidth = 0;
    for (char separator : kCsvSeparators) {
        const std::vector<std::size_t> counts = fieldCounts(text, separator, kSeparatorSampleRecords);
        if (counts.empty() || counts[0] < 2) continue;
        std::size_t agreeing = 0;
        for (std::size_t n : counts) agreeing += n == counts[0];
        if (agreeing > bestAgreeing || (agreeing == bestAgreeing && counts[0] > bestWidth)) {
            best = separator;
            bestAgreeing = agreeing;
            bestWidth = counts[0];
        }
    }
    return best;
}

std::string separatorName(char separator) {
    switch (separator) {
    case ',': return "comma";
    case ';': return "semicolon";
    case '\t': return "tab";
    case '|': return "vertical bar";
    }
    return std::string("'") + separator + "'";
}

}  // namespace traza::model
