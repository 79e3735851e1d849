#include "red_flag_lines.h"

#include <future>
#include <string>
#include <system_error>

namespace traza::cli {
namespace {

constexpr const char* kSeverities[] = {"critical", "high", "medium", "low"};

// From this many flags the second half of the lines is made on a thread of its own.
constexpr std::size_t kFlagsWorthAThread = 2000;

// Lines [begin, end) of `order`; a group's header goes before its first flag.
std::string linesOf(const std::vector<const risk::RedFlag*>& order, const std::vector<int>& group,
                    std::size_t begin, std::size_t end, bool es) {
    std::string text;
    text.reserve((end - begin) * 160);
    for (std::size_t i = begin; i < end; ++i) {
        const risk::RedFlag& f = *order[i];
        if (i == 0 || group[i] != group[i - 1]) (text += "  ") += std::string(kSeverities[group[i]]) + ":\n";
        text += "    [";
        text += f.rule;
        text += "] ";
        text += f.detail.text();
        // Issue 16: the finding that answers the flag, and a recurrence after it was closed.
        if (!f.finding.empty()) text += (es ? " (hallazgo " : " (finding ") + f.finding + ")";
        if (!f.recurrence.empty()) text += " " + f.recurrence;
        text += '\n';
    }
    return text;
}

}  // namespace

void printRedFlagLines(const std::vector<risk::RedFlag>& flags, bool es, std::ostream& out) {
    // The flags in printing order, with their group: one pass per severity,
    // as the summary always printed them (a flag of another severity is not shown).
    std::vector<const risk::RedFlag*> order;
    std::vector<int> group;
    order.reserve(flags.size());
    group.reserve(flags.size());
    for (int g = 0; g < 4; ++g)
        for (const risk::RedFlag& f : flags)
            if (f.severity == kSeverities[g]) {
                order.push_back(&f);
                group.push_back(g);
            }
    const std::size_t half = order.size() / 2;
    std::future<std::string> second;
    try {
        if (order.size() >= kFlagsWorthAThread)
            second = std::async(std::launch::async, [&] { return linesOf(order, group, half, order.size(), es); });
    } catch (const std::system_error&) {  // no thread to be had: all of it on this one
    }
    if (!second.valid()) {
        out << linesOf(order, group, 0, order.size(), es);
        return;
    }
    std::string first = linesOf(order, group, 0, half, es);
    out << first;
    out << second.get();
}

}  // namespace traza::cli
