#include "chain_export.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "atomic_output.h"
#include "chain_map_image.h"
#include "error.h"
#include "graph_export.h"
#include "labels.h"

namespace traza::reports {

std::string_view toString(ChainFormat f) {
    switch (f) {
    case ChainFormat::GraphMl: return "graphml";
    case ChainFormat::Dot: return "dot";
    case ChainFormat::Svg: return "svg";
    case ChainFormat::Png: return "png";
    }
    return "graphml";
}

std::vector<ChainFormat> chainFormats() { return {ChainFormat::GraphMl, ChainFormat::Dot, ChainFormat::Svg, ChainFormat::Png}; }

std::optional<ChainFormat> parseChainFormat(std::string_view name) {
    for (ChainFormat f : chainFormats())
        if (toString(f) == name) return f;
    return std::nullopt;
}

std::optional<ChainFormat> chainFormatForPath(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".gv") return ChainFormat::Dot;
    return ext.size() > 1 ? parseChainFormat(std::string_view(ext).substr(1)) : std::nullopt;
}

std::string chainExportData(const model::Project& p, const risk::Analysis& a, ChainFormat format, const std::string& language) {
    switch (format) {
    case ChainFormat::GraphMl: return chainGraphMl(p, &a);
    case ChainFormat::Dot: return chainDot(p, &a);
    case ChainFormat::Svg: {
        std::string error;
        std::string svg = renderChainMapSvg(p, a, Labels(language), &error);
        if (svg.empty()) throw Error("chain map: " + error);
        return svg;
    }
    case ChainFormat::Png: {
        ChainMapImage img = renderChainMap(p, a, Labels(language));
        if (img.png.empty()) throw Error("chain map: " + img.error);
        return std::string(img.png.begin(), img.png.end());
    }
    }
    return {};
}

void writeChainExport(const model::Project& p, const risk::Analysis& a, const std::filesystem::path& out, ChainFormat format,
                      const std::string& language) {
    const std::string data = chainExportData(p, a, format, language);
    AtomicOutput output(out);
    {
        std::ofstream file(output.tempPath(), std::ios::binary | std::ios::trunc);
        file.write(data.data(), static_cast<std::streamsize>(data.size()));
        file.flush();
        if (!file) throw IoError(out.string() + ": cannot write (" + std::strerror(errno) + ")");
    }
    output.commit();
}

}  // namespace traza::reports
