// libFuzzer target: a period or range of periods typed on the command line
// (traza-cli compare --periods, report --compare-periods; model/series/
// period_project.h). Any bytes either read as inclusive ISO dates, start
// before end, each a period's own first and last day, or are refused with
// InvalidInput naming the option, without a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "error.h"
#include "series/period_project.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace traza::model;
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const PeriodRange r = parsePeriodRange(text, "--periods");
        if (r.label != text || r.start.size() != 10 || r.end.size() != 10 || r.end < r.start) std::abort();
        // The first and last days are the bounds of a period of the kind written.
        const SeriesPeriod kind = text.find('W') != std::string::npos ? SeriesPeriod::Weekly : SeriesPeriod::Monthly;
        if (periodOf(r.start, kind).start != r.start || periodOf(r.end, kind).end != r.end) std::abort();
        if (text.find("..") == std::string::npos && periodNamed(text).key != text) std::abort();
    } catch (const traza::InvalidInput& e) {
        if (e.where() != "--periods") std::abort();
    }
    return 0;
}
