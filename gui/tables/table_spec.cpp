#include "table_spec.h"

#include "edit_label.h"

namespace traza::gui {

int TableSpec::columnOf(const std::string& key) const {
    const auto& cols = columns();
    for (std::size_t i = 0; i < cols.size(); ++i)
        if (cols[i].key == key) return static_cast<int>(i);
    return -1;
}

std::string TableSpec::editLabel(const wxString& column, const model::Project& p, const std::string& id) const {
    return fieldEditLabel(column, p, {kind(), id});
}

std::string freshId(const model::Project& p, const std::string& prefix, const std::set<std::string>& taken) {
    // unusedId scans the project once; the few ids of one paste are checked against `taken` here.
    std::string id = p.unusedId(prefix);
    const std::size_t digits = prefix.size();
    for (long n = std::stol(id.substr(digits)); taken.count(id) || p.findActor(id) || p.findFlow(id);) id = prefix + std::to_string(++n);
    return id;
}

}  // namespace traza::gui
