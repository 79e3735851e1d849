#include "chain_template.h"

#include "error.h"

// TODO(#14): #include "chain_workbook.h" once reports::writeChainTemplate is merged.

namespace traza::gui {

// TODO(#14): return true once reports::writeChainTemplate is merged.
bool chainTemplateAvailable() { return false; }

void saveChainTemplate(const std::filesystem::path& path, const std::string& lang, const model::Catalogue& catalogue) {
    // TODO(#14): reports::writeChainTemplate(path, lang, catalogue);
    (void)lang;
    (void)catalogue;
    throw Error(path.filename().string() + ": the template writer is not available yet in this build");
}

}  // namespace traza::gui
