#include "tab_order.h"

#include <exception>

namespace traza::reports {

namespace {
thread_local TabOrder::Task* t_task = nullptr;  // the task the calling thread runs
}  // namespace

TabOrder::Task::Task(TabOrder& order, std::size_t index)
    : m_order(order), m_index(index), m_exceptions(std::uncaught_exceptions()), m_outer(t_task) {
    t_task = this;
}

TabOrder::Task::~Task() {
    t_task = m_outer;
    if (std::uncaught_exceptions() > m_exceptions) {
        m_order.abort();
        return;
    }
    if (m_added) return;
    try {
        m_order.passTurn(m_index);
    } catch (const Aborted&) {
        // Another task failed; its exception is the one reported.
    }
}

void TabOrder::waitForTurn() {
    const Task* task = t_task;
    if (!task || &task->m_order != this) throw Error("report: a sheet was added outside the tasks that order the tabs");
    if (task->m_added) throw Error("report: a sheet-writing task added a second sheet");
    std::unique_lock lock(m_mutex);
    m_turnPassed.wait(lock, [&] { return m_aborted || m_turn == task->m_index; });
    if (m_aborted) throw Aborted();
}

void TabOrder::sheetAdded() {
    Task* task = t_task;
    {
        std::lock_guard lock(m_mutex);
        m_turn = task->m_index + 1;
    }
    task->m_added = true;
    m_turnPassed.notify_all();
}

void TabOrder::passTurn(std::size_t index) {
    {
        std::unique_lock lock(m_mutex);
        m_turnPassed.wait(lock, [&] { return m_aborted || m_turn == index; });
        if (m_aborted) throw Aborted();
        m_turn = index + 1;
    }
    m_turnPassed.notify_all();
}

void TabOrder::abort() {
    {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
    }
    m_turnPassed.notify_all();
}

}  // namespace traza::reports
