#pragma once
// Turns a Markdown document (docs/methodology.md) into spreadsheet rows: one row
// per heading, paragraph, list item, table row or code block, each tagged with
// the heading it falls under. Inline markup is reduced to plain text.
#include <string>
#include <string_view>
#include <vector>

namespace traza::reports {

struct TextRow {
    enum class Kind { Heading, Paragraph, ListItem, TableRow, Code };
    Kind kind = Kind::Paragraph;
    int level = 0;         ///< heading level (1 for "#"), else 0
    std::string section;   ///< the nearest heading above
    std::string text;
};

std::vector<TextRow> markdownRows(std::string_view markdown);

/// Inline Markdown to plain text: **bold**, *em*, `code`, [text](url) -> "text (url)".
std::string plainInline(std::string_view);

}  // namespace traza::reports
