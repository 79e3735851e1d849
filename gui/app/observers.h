#pragma once
// A minimal observer list: views subscribe to the document and the selection
// without the model knowing them (FileZilla's engine-to-UI notification, in small).
#include <functional>
#include <utility>
#include <vector>

namespace traza::gui {

template <typename... Args>
class Observers {
public:
    using Slot = std::function<void(Args...)>;
    /// Returns a handle for disconnect().
    int connect(Slot s) {
        m_slots.emplace_back(++m_lastId, std::move(s));
        return m_lastId;
    }
    void disconnect(int id) {
        std::erase_if(m_slots, [id](const auto& p) { return p.first == id; });
    }
    /// Calls every slot in connection order. Slots may not connect or disconnect meanwhile.
    void emit(Args... args) const {
        for (const auto& [id, slot] : m_slots) slot(args...);
    }

private:
    std::vector<std::pair<int, Slot>> m_slots;
    int m_lastId = 0;
};

}  // namespace traza::gui
