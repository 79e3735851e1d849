#include "number_format.h"

namespace traza::model {

bool isBuiltinDateFormat(int id) {
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

bool isDateFormatCode(std::string_view code) {
    bool day = false, month = false, year = false, hour = false, second = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == ';') break;
        if (c == '"') {
            const std::size_t end = code.find('"', i + 1);
            if (end == std::string_view::npos) break;
            i = end;
            continue;
        }
        if (c == '[') {
            const std::size_t end = code.find(']', i + 1);
            if (end == std::string_view::npos) break;
            i = end;
            continue;
        }
        if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is literal (or the padding character)
            continue;
        }
        switch (c) {
        case 'd': case 'D': day = true; break;
        case 'm': case 'M': month = true; break;
        case 'y': case 'Y': year = true; break;
        case 'h': case 'H': hour = true; break;
        case 's': case 'S': second = true; break;
        default: break;
        }
    }
    return day || year || (month && !hour && !second);
}

}  // namespace traza::model
