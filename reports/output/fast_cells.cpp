// The interposers behind fast_cells.h. Each writes what the libxlsxwriter 1.1.4
// function of the same name writes (its source: worksheet.c, utility.c), with
// the library's own XML helpers where text needs escaping; the layouts of
// lxw_worksheet and lxw_cell come from the library's public headers.
#include "fast_cells.h"

#include <dlfcn.h>

#include <atomic>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include <xlsxwriter.h>
#include <xlsxwriter/xmlwriter.h>

namespace {

std::atomic<bool> g_cellsReached{false};
std::atomic<bool> g_enabled{true};

// The interposers only stand in for the library they were written for.
bool sameLibrary() {
    static const bool same = std::strcmp(LXW_VERSION, "1.1.4") == 0 && std::strcmp(lxw_version(), LXW_VERSION) == 0;
    return same;
}

bool fast() { return g_enabled.load(std::memory_order_relaxed) && sameLibrary(); }

template <class F>
F library(const char* name) {
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

using WriteNumberCell = void (*)(lxw_worksheet*, char*, int32_t, lxw_cell*);
using WriteFormulaNumCell = void (*)(lxw_worksheet*, lxw_cell*);
using RowColToCell = void (*)(char*, lxw_row_t, lxw_col_t);
using WriteInlineStringCell = void (*)(lxw_worksheet*, char*, int32_t, lxw_cell*);

// printf's "%.16G" of a finite number: to_chars's general form with precision
// 16 is %.16g by definition; G only writes the exponent's letter in capitals.
char* number16G(char* first, char* last, double value) {
    char* end = std::to_chars(first, last, value, std::chars_format::general, 16).ptr;
    for (char* p = first; p != end; ++p)
        if (*p == 'e') *p = 'E';
    return end;
}

char* append(char* out, const char* text) {
    const std::size_t n = std::strlen(text);
    std::memcpy(out, text, n);
    return out + n;
}

}  // namespace

// <c r="B7" s="3"><v>12.5</v></c> (no s="0"), as fprintf wrote it.
extern "C" __attribute__((visibility("default"))) void _write_number_cell(lxw_worksheet* self, char* range,
                                                                         int32_t style_index, lxw_cell* cell) {
    if (!fast() || !std::isfinite(cell->u.number) || std::strlen(range) >= LXW_MAX_CELL_NAME_LENGTH) {
        static const auto real = library<WriteNumberCell>("_write_number_cell");
        return real(self, range, style_index, cell);
    }
    // Stored once: a store per cell would bounce the flag's cache line between
    // the two threads that fill sheets (sheet_lanes.h).
    if (!g_cellsReached.load(std::memory_order_relaxed)) g_cellsReached = true;
    char xml[128];
    char* p = append(xml, "<c r=\"");
    p = append(p, range);
    if (style_index) {
        p = append(p, "\" s=\"");
        p = std::to_chars(p, p + 12, style_index).ptr;
    }
    p = append(p, "\"><v>");
    p = number16G(p, p + 32, cell->u.number);
    p = append(p, "</v></c>");
    std::fwrite(xml, 1, static_cast<std::size_t>(p - xml), self->file);
}

// <f>formula</f><v>cached value</v>: the value formatted as snprintf("%.16G") did.
extern "C" __attribute__((visibility("default"))) void _write_formula_num_cell(lxw_worksheet* self, lxw_cell* cell) {
    if (!fast() || !std::isfinite(cell->formula_result)) {
        static const auto real = library<WriteFormulaNumCell>("_write_formula_num_cell");
        return real(self, cell);
    }
    char data[32];
    *number16G(data, data + sizeof data - 1, cell->formula_result) = '\0';
    lxw_xml_data_element(self->file, "f", cell->u.string, nullptr);
    lxw_xml_data_element(self->file, "v", data, nullptr);
}

// "B7" for row 6, column 1: the column's letters, then the row's number as snprintf("%d") wrote it.
extern "C" __attribute__((visibility("default"))) void lxw_rowcol_to_cell(char* cell_name, lxw_row_t row, lxw_col_t col) {
    if (!fast() || row >= LXW_ROW_MAX) {
        static const auto real = library<RowColToCell>("lxw_rowcol_to_cell");
        return real(cell_name, row, col);
    }
    lxw_col_to_name(cell_name, col, 0);
    char* p = cell_name + std::strlen(cell_name);
    *std::to_chars(p, p + 8, static_cast<int>(row + 1)).ptr = '\0';
}

// <c r="B7" s="3" t="inlineStr"><is><t>text</t></is></c> (constant-memory mode's
// strings), with xml:space="preserve" on <t> when the escaped text starts or ends
// with white space, and & < > escaped as lxw_escape_data does, without its
// calloc of five times the text and without fprintf.
extern "C" __attribute__((visibility("default"))) void _write_inline_string_cell(lxw_worksheet* self, char* range,
                                                                                int32_t style_index, lxw_cell* cell) {
    const char* text = cell->u.string;
    if (!fast() || !text || !*text) {  // empty: the library looks before the text for its last character
        static const auto real = library<WriteInlineStringCell>("_write_inline_string_cell");
        return real(self, range, style_index, cell);
    }
    thread_local std::string xml;
    xml.assign("<c r=\"").append(range);
    if (style_index) {
        char number[12];
        xml.append("\" s=\"").append(number, std::to_chars(number, number + sizeof number, style_index).ptr);
    }
    xml.append("\" t=\"inlineStr\"><is><t");
    const std::size_t open = xml.size();
    xml.append(">");
    const std::size_t first = xml.size();
    for (const char* c = text; *c; ++c) switch (*c) {
            case '&': xml.append("&amp;"); break;
            case '<': xml.append("&lt;"); break;
            case '>': xml.append("&gt;"); break;
            default: xml.push_back(*c);
        }
    if (std::isspace(static_cast<unsigned char>(xml[first])) || std::isspace(static_cast<unsigned char>(xml.back())))
        xml.insert(open, " xml:space=\"preserve\"");
    xml.append("</t></is></c>");
    std::fwrite(xml.data(), 1, xml.size(), self->file);
}

namespace traza::reports {

void setFastCells(bool on) { g_enabled = on; }

bool fastCellsActive() { return fast() && g_cellsReached.load(); }

}  // namespace traza::reports
