#include "sheet_lanes.h"

#include <exception>
#include <system_error>
#include <thread>

#include "error.h"
#include "tab_order.h"
#include "workbook_writer.h"

namespace traza::reports {

namespace {

bool isAborted(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const TabOrder::Aborted&) {
        return true;
    } catch (...) {
        return false;
    }
}

}  // namespace

void SheetLanes::add(std::function<void()> writer, Lane lane) { m_writers.push_back({std::move(writer), lane}); }

void SheetLanes::runLane(TabOrder& order, Lane lane) {
    for (std::size_t i = 0; i < m_writers.size(); ++i) {
        if (m_writers[i].lane != lane) continue;
        const TabOrder::Task task(order, i);
        m_writers[i].write();
    }
}

void SheetLanes::run() {
    if (!m_parallel) {
        for (const Writer& w : m_writers) w.write();
        return;
    }
    if (!m_book.constantMemory())
        throw Error("report: sheets can be filled on two threads only in constant-memory mode");
    TabOrder order;
    m_book.setTabOrder(&order);
    std::exception_ptr mainError, sideError;
    std::thread side;
    try {
        side = std::thread([&] {
            try {
                runLane(order, Lane::Side);
            } catch (...) {
                sideError = std::current_exception();
            }
        });
    } catch (const std::system_error&) {  // no thread to be had: one after another here
        m_book.setTabOrder(nullptr);
        for (const Writer& w : m_writers) w.write();
        return;
    }
    try {
        runLane(order, Lane::Main);
    } catch (...) {
        mainError = std::current_exception();
    }
    side.join();
    m_book.setTabOrder(nullptr);
    if (mainError && (!sideError || !isAborted(mainError))) std::rethrow_exception(mainError);
    if (sideError) std::rethrow_exception(sideError);
}

}  // namespace traza::reports
