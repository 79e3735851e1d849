#include "today.h"

#include <cstdlib>
#include <ctime>

#include "validation.h"

namespace traza::model {

std::string todayIso() {
    if (const char* fixed = std::getenv("TRAZA_TODAY"); fixed && model::isCalendarDate(fixed)) return fixed;
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char out[11];
    std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
    return out;
}

}  // namespace traza::model
