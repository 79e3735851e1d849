#include "text_file.h"

#include <fstream>

#include "error.h"

namespace traza::model {

std::string readTextFile(const std::filesystem::path& file, std::uintmax_t maxBytes, const std::string& kind) {
    const std::string name = file.string();
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec) throw IoError(name + ": cannot read (" + ec.message() + ")");
    if (size > maxBytes)
        throw InvalidInput(name, "file too large (" + std::to_string(size) + " bytes; " + kind + " is limited to " +
                                     std::to_string(maxBytes >> 20) + " MiB)");
    std::string text(static_cast<std::size_t>(size), '\0');
    std::ifstream in(file, std::ios::binary);
    if (!in || !in.read(text.data(), static_cast<std::streamsize>(text.size()))) throw IoError(name + ": cannot read");
    return text;
}

}  // namespace traza::model
