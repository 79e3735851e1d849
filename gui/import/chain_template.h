#pragma once
// File > Save template…: the empty chain workbook (Actors, Flows, Instructions,
// Lists) in the interface language. The one place the workbench calls the
// template writer. No wx.
#include <filesystem>
#include <string>

#include "catalogue.h"

namespace traza::gui {

/// Whether this build has the template writer (the menu item is disabled otherwise).
bool chainTemplateAvailable();

/// Writes the template to `path`. Throws traza::Error (IoError, ...) on failure.
void saveChainTemplate(const std::filesystem::path& path, const std::string& lang, const model::Catalogue&);

}  // namespace traza::gui
