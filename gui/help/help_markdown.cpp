#include "help_markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "catalogue.h"
#include "error.h"

namespace traza::gui {
namespace fs = std::filesystem;

namespace {

// Replaces every occurrence of `from` by `to`.
void replaceAll(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

// A file: URL of a folder, with the characters that would end or confuse a URL or an HTML attribute escaped.
std::string fileUrl(const fs::path& p) {
    std::string url = "file://";
    for (unsigned char c : p.generic_string()) {
        if (c == ' ' || c == '"' || c == '%' || c == '#' || c == '?' || c < 0x20) {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            url += buf;
        } else {
            url += static_cast<char>(c);
        }
    }
    return url;
}

}  // namespace

HelpDocument findHelpDocument(const std::string& name, const std::string& language) {
    const fs::path data = model::dataDirectory();
    for (const fs::path& dir : {data / "docs", data.parent_path() / "docs"}) {
        if (language != "en" && fs::is_regular_file(dir / (name + "." + language + ".md")))
            return {dir / (name + "." + language + ".md"), false};
        if (fs::is_regular_file(dir / (name + ".md"))) return {dir / (name + ".md"), language != "en"};
    }
    throw InvalidInput(data.string(), "help document " + name + ".md not found in docs/");
}

std::string markdownToHtml(const std::string& markdown) {
    cmark_gfm_core_extensions_ensure_registered();
    const int options = CMARK_OPT_DEFAULT;  // safe: raw HTML is not passed through
    std::unique_ptr<cmark_parser, void (*)(cmark_parser*)> parser(cmark_parser_new(options), cmark_parser_free);
    for (const char* name : {"table", "strikethrough", "autolink"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(cmark_parser_finish(parser.get()), cmark_node_free);
    char* html = cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
    std::string result(html ? html : "");
    std::free(html);  // cmark's default allocator is malloc
    return result;
}

std::string prepareHelpHtml(std::string html, const fs::path& baseDir, int imageWidth) {
    const std::string src = "<img src=\"";
    for (std::size_t at = html.find(src); at != std::string::npos; at = html.find(src, at + 1)) {
        const std::size_t begin = at + src.size();
        const std::size_t end = html.find('"', begin);
        if (end == std::string::npos) break;
        const std::string target = html.substr(begin, end - begin);
        if (target.find(':') != std::string::npos || target.empty() || target.front() == '/') continue;  // a URL or absolute
        // cmark has already escaped the link target for a URL; only the folder needs it.
        const std::string absolute = fileUrl(baseDir) + "/" + target;
        html.replace(begin, end - begin, absolute);
        html.insert(at + 4, " width=\"" + std::to_string(imageWidth) + "\"");
    }
    replaceAll(html, "<table>", "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">");
    return html;
}

}  // namespace traza::gui
