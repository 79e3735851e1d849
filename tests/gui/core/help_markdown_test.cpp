// The help documents: Markdown to HTML (cmark-gfm), images made absolute for the
// help window, and the choice of document by language. No display needed.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "catalogue.h"
#include "error.h"
#include "help_markdown.h"

using namespace traza;
using namespace traza::gui;
namespace fs = std::filesystem;

TEST_CASE("HelpMarkdown - headings, emphasis, code and tables come out as HTML", "[help]") {
    const std::string html = markdownToHtml(
        "# Traza user guide\n\nChoose **Chain > Layout chain** and `Ctrl+L`.\n\n"
        "| Stage | Tonnes |\n|---|---:|\n| Exporters | 217.4 |\n");
    CHECK(html.find("<h1>Traza user guide</h1>") != std::string::npos);
    CHECK(html.find("<strong>Chain &gt; Layout chain</strong>") != std::string::npos);
    CHECK(html.find("<code>Ctrl+L</code>") != std::string::npos);
    CHECK(html.find("<table>") != std::string::npos);
    CHECK(html.find("<th>Stage</th>") != std::string::npos);
    CHECK(html.find("<td>Exporters</td>") != std::string::npos);
    CHECK(html.find("217.4</td>") != std::string::npos);
}

TEST_CASE("HelpMarkdown - raw HTML in a document is not passed through", "[help]") {
    const std::string html = markdownToHtml("Text <script>alert(1)</script> more\n\n<iframe src=x></iframe>\n");
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("<iframe") == std::string::npos);
    CHECK(html.find("Text") != std::string::npos);
}

TEST_CASE("HelpMarkdown - relative images become file URLs with a width, web images stay", "[help]") {
    const std::string html = prepareHelpHtml(
        markdownToHtml("![The window](<screenshots/a b.png>)\n\n![web](https://example.org/x.png)\n\n| a |\n|---|\n| 1 |\n"),
        "/opt/traza docs", 640);
    CHECK(html.find("<img width=\"640\" src=\"file:///opt/traza%20docs/screenshots/a%20b.png\"") != std::string::npos);
    CHECK(html.find("src=\"https://example.org/x.png\"") != std::string::npos);
    CHECK(html.find("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">") != std::string::npos);
}

TEST_CASE("HelpMarkdown - the guide is found in the docs folder, English standing in for a missing translation",
          "[help]") {
    // TRAZA_DATA_DIR is the checkout's data/: the docs are beside it.
    const HelpDocument en = findHelpDocument("user-guide", "en");
    CHECK(en.path.filename() == "user-guide.md");
    CHECK_FALSE(en.fallback);
    const HelpDocument es = findHelpDocument("user-guide", "es");
    CHECK(es.path.filename() == "user-guide.es.md");
    CHECK(es.path.parent_path() == en.path.parent_path());
    CHECK_FALSE(es.fallback);
    const HelpDocument method = findHelpDocument("methodology", "es");  // English only
    CHECK(method.path.filename() == "methodology.md");
    CHECK(method.fallback);
    CHECK_FALSE(findHelpDocument("methodology", "en").fallback);
    std::ifstream in(en.path);
    std::string firstLine;
    std::getline(in, firstLine);
    CHECK(firstLine == "# Traza user guide");
    CHECK_THROWS_AS(findHelpDocument("no-such-document", "en"), InvalidInput);
}
