#include "red_flag_lines.h"
#include "start_task.h"

#include <algorithm>
#include <future>
#include <string>

namespace traza::cli {
namespace {

constexpr const char* kSeverities[] = {"critical", "high", "medium", "low"};

// From this many flags the second half of the lines is made on a thread of its own.
constexpr std::size_t kFlagsWorthAThread = 2000;

// Lines are made in blocks of this many flags (about 180 kB), each written
// out, or kept, whole: no text of millions of bytes is grown and copied.
constexpr std::size_t kBlock = 1024;

// Appends lines [begin, end) of `order` to `text`; a group's header goes before its first flag.
void appendLines(const std::vector<const risk::RedFlag*>& order, const std::vector<int>& group, std::size_t begin,
                 std::size_t end, bool es, std::string& text) {
    for (std::size_t i = begin; i < end; ++i) {
        const risk::RedFlag& f = *order[i];
        if (i == 0 || group[i] != group[i - 1]) ((text += "  ") += kSeverities[group[i]]) += ":\n";
        text += "    [";
        text += f.rule;
        text += "] ";
        text += f.detail.text();
        // Issue 16: the finding that answers the flag, and a recurrence after it was closed.
        if (!f.finding.empty()) ((text += es ? " (hallazgo " : " (finding ") += f.finding) += ")";
        if (!f.recurrence.empty()) (text += " ") += f.recurrence;
        text += '\n';
    }
}

// Lines [begin, end) in blocks.
std::vector<std::string> blocksOf(const std::vector<const risk::RedFlag*>& order, const std::vector<int>& group,
                                  std::size_t begin, std::size_t end, bool es) {
    std::vector<std::string> blocks;
    for (std::size_t at = begin; at < end; at += kBlock) {
        std::string& text = blocks.emplace_back();
        text.reserve(kBlock * 256);
        appendLines(order, group, at, std::min(end, at + kBlock), es, text);
    }
    return blocks;
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
    // This thread writes the first half, block by block, while the second is made beside it.
    const std::size_t half = order.size() >= kFlagsWorthAThread ? order.size() / 2 : order.size();
    std::future<std::vector<std::string>> second =
        startTask(half < order.size(), [&] { return blocksOf(order, group, half, order.size(), es); });
    std::string text;
    text.reserve(kBlock * 256);
    for (std::size_t at = 0; at < half; at += kBlock) {
        text.clear();
        appendLines(order, group, at, std::min(half, at + kBlock), es, text);
        out << text;
    }
    for (const std::string& block : second.get()) out << block;
}

}  // namespace traza::cli
