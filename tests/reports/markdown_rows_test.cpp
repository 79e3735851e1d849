#include <catch2/catch.hpp>

#include "markdown_rows.h"

using namespace traza::reports;
using Kind = TextRow::Kind;

TEST_CASE("MarkdownRows - headings, paragraphs, list items, tables and code become rows", "[markdown]") {
    const auto rows = markdownRows(
        "# Flow share\n"
        "The share of **destination** input that\n"
        "passed through an actor (see [the spec](spec.md)).\n"
        "\n"
        "## Horizon\n"
        "- first item\n"
        "  continues here\n"
        "2. numbered `code`\n"
        "\n"
        "| level | meaning |\n"
        "|---|:--|\n"
        "| verified | *checked* |\n"
        "```\n"
        "gap = in - out\n"
        "  indented\n"
        "```\n"
        "Last words, 2 * 3.");
    REQUIRE(rows.size() == 9);
    CHECK(rows[0].kind == Kind::Heading);
    CHECK(rows[0].level == 1);
    CHECK(rows[0].text == "Flow share");
    CHECK(rows[1].kind == Kind::Paragraph);
    CHECK(rows[1].section == "Flow share");
    CHECK(rows[1].text == "The share of destination input that passed through an actor (see the spec (spec.md)).");
    CHECK(rows[2].level == 2);
    CHECK(rows[3].kind == Kind::ListItem);
    CHECK(rows[3].text == "\xE2\x80\xA2 first item continues here");
    CHECK(rows[3].section == "Horizon");
    CHECK(rows[4].text == "\xE2\x80\xA2 numbered code");
    CHECK(rows[5].kind == Kind::TableRow);
    CHECK(rows[5].text == "level  |  meaning");
    CHECK(rows[6].text == "verified  |  checked");
    CHECK(rows[7].kind == Kind::Code);
    CHECK(rows[7].text == "gap = in - out\n  indented");
    CHECK(rows[8].kind == Kind::Paragraph);
    CHECK(rows[8].text == "Last words, 2 * 3.");
}

TEST_CASE("MarkdownRows - an indented formula whose lines start with + stays one formula", "[markdown]") {
    // docs/methodology.md writes the choke score this way; it used to become bullets.
    const auto rows = markdownRows(
        "Ranked by\n"
        "\n"
        "    score = a · x\n"
        "          + b · y\n"
        "\n"
        "- then a real item\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].kind == Kind::Paragraph);
    CHECK(rows[1].kind == Kind::Code);
    CHECK(rows[1].text == "score = a · x\n      + b · y");
    CHECK(rows[2].kind == Kind::ListItem);
}
