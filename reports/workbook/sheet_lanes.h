#pragma once
// The report's sheets filled on two threads. A national report spends most of
// its time writing four big tables (actors, flows, traceability, red flags),
// one cell after another; on a machine with two cores the second can fill one
// table while the first fills another. Tabs keep their reading order
// (tab_order.h), and the bytes of every sheet are the same as when the sheets
// are written one after another on one thread.
#include <functional>
#include <vector>

namespace traza::reports {

class Workbook;

class SheetLanes {
public:
    enum class Lane { Main, Side };

    /// `parallel` false: every writer runs on the calling thread, in order. True
    /// needs a constant-memory workbook whose formats are indexed
    /// (Workbook::indexFormats), and writers that share nothing else unguarded.
    SheetLanes(Workbook& book, bool parallel) : m_book(book), m_parallel(parallel) {}

    /// The writer of the next tab, run on `lane` (Side: the second thread). A
    /// writer adds at most one sheet.
    void add(std::function<void()> writer, Lane lane = Lane::Main);

    /// Runs every writer; Main's on the calling thread, Side's on a thread of its
    /// own, each lane in the order added. Returns when both are done; rethrows the
    /// failure that stopped them (the first writer's own, not the other lane's
    /// stop).
    void run();

private:
    struct Writer {
        std::function<void()> write;
        Lane lane;
    };
    void runLane(class TabOrder& order, Lane lane);

    Workbook& m_book;
    bool m_parallel;
    std::vector<Writer> m_writers;
};

}  // namespace traza::reports
