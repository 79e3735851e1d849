#pragma once
// The help documents (docs/*.md): where they are and their HTML. No wx: the
// help window (help_window.h) only shows what this produces.
#include <filesystem>
#include <string>

namespace traza::gui {

/// A help document found on disk; `fallback` is true when the reader's
/// language was asked for and only the English text exists.
struct HelpDocument {
    std::filesystem::path path;
    bool fallback = false;
};

/// Finds `name` ("user-guide", "methodology") in the language `language`
/// ("en", "es"): docs/<name>.<language>.md first, then docs/<name>.md. The docs
/// folder is the installed one (<data dir>/docs) or, running from a checkout,
/// the one beside data/. Throws traza::InvalidInput when neither exists.
HelpDocument findHelpDocument(const std::string& name, const std::string& language);

/// CommonMark with GitHub tables and strikethrough, as HTML. Raw HTML inside the
/// Markdown is left out (the renderer's safe mode).
std::string markdownToHtml(const std::string& markdown);

/// Adapts cmark's HTML to a simple HTML widget: relative image sources become
/// absolute file: URLs under `baseDir`, shown `imageWidth` pixels wide (the
/// widget keeps the aspect ratio), and tables get borders and padding.
std::string prepareHelpHtml(std::string html, const std::filesystem::path& baseDir, int imageWidth);

}  // namespace traza::gui
