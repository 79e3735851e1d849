#include "markdown_rows.h"

#include <cctype>

namespace traza::reports {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// "- x", "* x", "+ x", "12. x" -> the length of the marker, else 0.
std::size_t listMarker(std::string_view s) {
    if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') return 2;
    std::size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') return i + 2;
    return 0;
}

bool tableSeparator(std::string_view s) {
    for (char c : s)
        if (c != '|' && c != '-' && c != ':' && c != ' ') return false;
    return true;
}

}  // namespace

std::string plainInline(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '`') continue;
        if ((c == '*' || c == '_') && i + 1 < s.size() && s[i + 1] == c) {  // ** or __
            ++i;
            continue;
        }
        if (c == '*') {  // *emphasis* hugs its text; a star between spaces is arithmetic
            const bool spaceBefore = i == 0 || s[i - 1] == ' ';
            const bool spaceAfter = i + 1 == s.size() || s[i + 1] == ' ';
            if (!(spaceBefore && spaceAfter)) continue;
        }
        if (c == '[') {
            const std::size_t close = s.find("](", i);
            const std::size_t end = close == std::string_view::npos ? close : s.find(')', close);
            if (close != std::string_view::npos && end != std::string_view::npos) {
                out += plainInline(s.substr(i + 1, close - i - 1));
                out += " (";
                out += s.substr(close + 2, end - close - 2);
                out += ")";
                i = end;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::vector<TextRow> markdownRows(std::string_view md) {
    std::vector<TextRow> rows;
    std::string section, paragraph, code, indented;
    bool inCode = false, inItem = false;
    // An indented code block (4 spaces after a blank line, as in CommonMark) holds
    // formulas whose continuation lines start with "+ ": kept as one formula, not bullets.
    auto flushIndented = [&] {
        if (!indented.empty()) rows.push_back({TextRow::Kind::Code, 0, section, indented});
        indented.clear();
    };
    auto flush = [&] {
        if (!paragraph.empty())
            rows.push_back({inItem ? TextRow::Kind::ListItem : TextRow::Kind::Paragraph, 0, section,
                            (inItem ? "\xE2\x80\xA2 " : "") + plainInline(paragraph)});
        paragraph.clear();
        inItem = false;
    };
    std::size_t pos = 0;
    while (pos <= md.size()) {
        std::size_t nl = md.find('\n', pos);
        if (nl == std::string_view::npos) nl = md.size();
        std::string_view raw = md.substr(pos, nl - pos);
        pos = nl + 1;
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        const std::string_view line = trim(raw);

        const bool codeIndent = startsWith(raw, "    ") || startsWith(raw, "\t");
        if (!inCode && !line.empty() && codeIndent && paragraph.empty()) {
            if (!indented.empty()) indented += '\n';
            indented += raw.substr(raw[0] == '\t' ? 1 : 4);
            continue;
        }
        flushIndented();

        if (startsWith(line, "```")) {
            if (inCode) {
                rows.push_back({TextRow::Kind::Code, 0, section, code});
                code.clear();
            } else {
                flush();
            }
            inCode = !inCode;
            continue;
        }
        if (inCode) {
            if (!code.empty()) code += '\n';
            code += raw;
            continue;
        }
        if (line.empty()) {
            flush();
            continue;
        }
        if (line[0] == '#') {
            flush();
            int level = 0;
            while (level < static_cast<int>(line.size()) && line[level] == '#') ++level;
            section = plainInline(trim(line.substr(level)));
            rows.push_back({TextRow::Kind::Heading, level, section, section});
            continue;
        }
        if (line[0] == '|') {
            flush();
            if (tableSeparator(line)) continue;
            std::string joined;
            std::string_view cells = trim(line.substr(1));
            if (!cells.empty() && cells.back() == '|') cells.remove_suffix(1);
            std::size_t start = 0;
            while (start <= cells.size()) {
                std::size_t bar = cells.find('|', start);
                if (bar == std::string_view::npos) bar = cells.size();
                if (!joined.empty()) joined += "  |  ";
                joined += plainInline(trim(cells.substr(start, bar - start)));
                start = bar + 1;
            }
            rows.push_back({TextRow::Kind::TableRow, 0, section, joined});
            continue;
        }
        if (const std::size_t m = listMarker(line)) {
            flush();
            inItem = true;
            paragraph = std::string(line.substr(m));
            continue;
        }
        if (!paragraph.empty()) paragraph += ' ';
        paragraph += line;
    }
    if (inCode && !code.empty()) rows.push_back({TextRow::Kind::Code, 0, section, code});
    flushIndented();
    flush();
    return rows;
}

}  // namespace traza::reports
