#pragma once
// Sheets written on two threads still get their tabs in reading order.
// libxlsxwriter places a sheet's tab where workbook_add_worksheet is called,
// so each sheet writer is a numbered task (its place among the tabs), and
// Workbook::addSheet lets a task add its sheet only when every earlier task
// has added its own or ended without one. A task then fills its sheet while
// the next tasks, on the other thread, add and fill theirs.
#include <condition_variable>
#include <cstddef>
#include <mutex>

#include "error.h"

namespace traza::reports {

class TabOrder {
public:
    /// Thrown in a task that waits for its turn when another task failed: the
    /// failure that matters is that other task's.
    struct Aborted : Error {
        Aborted() : Error("report: sheet writing stopped because another sheet failed") {}
    };

    /// The calling thread runs task `index` (0-based, in tab order) for the
    /// lifetime of this object. When it ends normally without having added a
    /// sheet it waits for its turn and passes it on; when it ends by an
    /// exception it aborts every task still waiting.
    class Task {
    public:
        Task(TabOrder&, std::size_t index);
        ~Task();
        Task(const Task&) = delete;
        Task& operator=(const Task&) = delete;

    private:
        friend class TabOrder;
        TabOrder& m_order;
        std::size_t m_index;
        bool m_added = false;
        int m_exceptions;
        Task* m_outer;  ///< the task this one runs inside, if any
    };

    /// Called before a sheet is added: waits until the calling thread's task is
    /// next. Throws Error when the thread runs no task or its task already added
    /// a sheet (one sheet per task), Aborted when another task failed.
    void waitForTurn();
    /// Called once the sheet is added: the turn passes to the next task.
    void sheetAdded();
    /// Wakes every waiting task with Aborted.
    void abort();

private:
    void passTurn(std::size_t index);

    std::mutex m_mutex;
    std::condition_variable m_turnPassed;
    std::size_t m_turn = 0;   ///< the task whose sheet comes next
    bool m_aborted = false;
};

}  // namespace traza::reports
