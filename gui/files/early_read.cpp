#include "early_read.h"

#include "catalogue.h"
#include "chain_json.h"
#include "process_memory.h"
#include "project_store.h"

namespace traza::gui {

EarlyRead::EarlyRead(std::filesystem::path file) : m_file(std::move(file)) {
    m_read = std::async(std::launch::async, [file = m_file] {
        model::adviseThreadHeap();
        const bool json = file.extension() == ".json" || file.extension() == ".JSON";
        return json ? model::readProjectJson(file, model::Catalogue::installed()) : model::ProjectStore::open(file);
    });
}

EarlyRead::~EarlyRead() {
    if (m_read.valid()) m_read.wait();
}

model::Project EarlyRead::take() { return m_read.get(); }

}  // namespace traza::gui
