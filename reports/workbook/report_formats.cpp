#include "report_formats.h"

#include "workbook_writer.h"

namespace traza::reports {

namespace {

constexpr lxw_color_t kHeaderFill = 0xDDEBF7;
constexpr lxw_color_t kTotalFill = 0xF2F2F2;
constexpr lxw_color_t kHorizonFill = 0xFFD966;

lxw_format* top(lxw_format* f) {
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

lxw_format* numeric(Workbook& book, const char* numFormat, bool total) {
    lxw_format* f = top(book.addFormat());
    format_set_num_format(f, numFormat);
    if (total) {
        format_set_bold(f);
        format_set_bg_color(f, kTotalFill);
        format_set_top(f, LXW_BORDER_THIN);
    }
    return f;
}

lxw_format* fill(Workbook& book, lxw_color_t bg, lxw_color_t fg) {
    lxw_format* f = book.addFormat();
    format_set_bg_color(f, bg);
    format_set_font_color(f, fg);
    return f;
}

}  // namespace

Formats Formats::create(Workbook& book) {
    Formats f;
    f.title = book.addFormat();
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    format_set_font_color(f.title, 0x1F3864);
    format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);

    f.section = book.addFormat();
    format_set_bold(f.section);
    format_set_font_size(f.section, 12);
    format_set_font_color(f.section, 0x1F3864);
    format_set_bottom(f.section, LXW_BORDER_THIN);

    f.header = top(book.addFormat());
    format_set_bold(f.header);
    format_set_bg_color(f.header, kHeaderFill);
    format_set_text_wrap(f.header);
    format_set_border(f.header, LXW_BORDER_THIN);

    f.label = top(book.addFormat());
    format_set_bold(f.label);

    f.text = top(book.addFormat());
    f.center = top(book.addFormat());
    format_set_align(f.center, LXW_ALIGN_CENTER);
    f.wrap = top(book.addFormat());
    format_set_text_wrap(f.wrap);
    f.note = top(book.addFormat());
    format_set_italic(f.note);
    format_set_text_wrap(f.note);
    format_set_font_color(f.note, 0x595959);

    f.integer = numeric(book, "0", false);
    f.decimal = numeric(book, "0.00", false);
    f.score = numeric(book, "0.0000", false);
    f.tonnes = numeric(book, "0.0", false);
    f.share = numeric(book, "0.0%", false);
    f.money = numeric(book, "#,##0", false);
    f.totalLabel = numeric(book, "General", true);
    f.totalTonnes = numeric(book, "0.0", true);
    f.totalShare = numeric(book, "0.0%", true);
    f.totalInteger = numeric(book, "0", true);
    f.totalMoney = numeric(book, "#,##0", true);

    f.horizon = numeric(book, "0.0%", false);
    format_set_bold(f.horizon);
    format_set_bg_color(f.horizon, kHorizonFill);
    format_set_border(f.horizon, LXW_BORDER_MEDIUM);

    f.warning = top(book.addFormat());
    format_set_italic(f.warning);
    format_set_text_wrap(f.warning);
    format_set_font_color(f.warning, 0x9C0006);

    f.fillLow = fill(book, 0xC6EFCE, 0x006100);
    f.fillMedium = fill(book, 0xFFEB9C, 0x9C5700);
    f.fillHigh = fill(book, 0xF8CBAD, 0x833C0B);
    f.fillCritical = fill(book, 0xFFC7CE, 0x9C0006);
    format_set_bold(f.fillCritical);
    f.fillGood = fill(book, 0xC6EFCE, 0x006100);
    // Numbered now, not as cells first use them: the sheets may be filled on two threads.
    book.indexFormats({f.fillLow, f.fillMedium, f.fillHigh, f.fillCritical, f.fillGood});
    return f;
}

}  // namespace traza::reports
