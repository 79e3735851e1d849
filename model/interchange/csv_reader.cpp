#include "csv_reader.h"

#include "error.h"
#include "utf8.h"

namespace traza::model {
namespace {

// Walks the text once, keeping the physical line so errors point where the user looks.
class Tokenizer {
public:
    Tokenizer(std::string_view text, const std::string& file, char separator, const CsvTextFault* fault)
        : m_text(text), m_file(file), m_separator(separator), m_fault(fault) {
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;
    }

    std::vector<CsvRecord> run() {
        std::vector<CsvRecord> records;
        while (m_pos < m_text.size()) {
            CsvRecord record{m_line, {}};
            bool endOfRecord = false;
            while (!endOfRecord) {
                CsvField field = readField(record.fields.size() + 1);
                endOfRecord = !consumeSeparator();
                record.fields.push_back(std::move(field));
            }
            const bool blank = record.fields.size() == 1 && !record.fields[0].quoted && record.fields[0].value.empty();
            if (!blank) records.push_back(std::move(record));
        }
        return records;
    }

private:
    CsvField readField(std::size_t column) {
        CsvField f{{}, m_line, column, false};
        if (peek() == '"') {
            f.quoted = true;
            ++m_pos;
            for (;;) {
                if (m_pos >= m_text.size()) fail(f.line, column, "quoted field is not closed (a \" is missing)");
                checkByte(column);
                const char c = m_text[m_pos++];
                if (c == '"') {
                    if (peek() != '"') break;
                    ++m_pos;  // "" stands for one quote
                } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
                    ++m_line;
                }
                f.value += c;
            }
            if (m_pos < m_text.size() && !isFieldEnd(peek()))
                fail(m_line, column, "text after the closing quote of a quoted field");
        } else {
            while (m_pos < m_text.size() && !isFieldEnd(peek())) {
                checkByte(column);
                const char c = m_text[m_pos++];
                if (c == '"')
                    fail(m_line, column, "a quote inside an unquoted field; quote the whole field and double the quote (\"\")");
                f.value += c;
            }
            trim(f.value);
        }
        if (auto bad = firstInvalidUtf8(f.value))
            fail(f.line, column, "not valid UTF-8 text (save the file as \"CSV UTF-8\")");
        return f;
    }

    // After a field: true if a separator follows (more fields), false at the end of a record.
    bool consumeSeparator() {
        if (m_pos >= m_text.size()) return false;
        const char c = m_text[m_pos++];
        if (c == m_separator) return true;
        if (c == '\r' && peek() == '\n') ++m_pos;
        ++m_line;
        return false;
    }

    // The byte at m_pos, about to join a field.
    void checkByte(std::size_t column) const {
        if (m_fault && m_fault->offset == m_pos) fail(m_line, column, m_fault->reason);
        if (m_text[m_pos] == '\0') fail(m_line, column, "NUL byte: this is not a text file");
    }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    bool isFieldEnd(char c) const { return c == m_separator || c == '\n' || c == '\r'; }
    static void trim(std::string& s) {
        const auto first = s.find_first_not_of(" \t");
        if (first == std::string::npos) return s.clear();
        s.erase(s.find_last_not_of(" \t") + 1);
        s.erase(0, first);
    }
    [[noreturn]] void fail(std::size_t line, std::size_t column, const std::string& reason) const {
        throw InvalidInput(csvLocation(m_file, line, column), reason);
    }

    std::string_view m_text;
    const std::string& m_file;
    char m_separator;
    const CsvTextFault* m_fault;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
};

}  // namespace

std::string csvLocation(const std::string& fileName, std::size_t line, std::size_t column) {
    return fileName + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::vector<CsvRecord> parseCsv(std::string_view text, const std::string& fileName, char separator,
                                const CsvTextFault* fault) {
    return Tokenizer(text, fileName, separator, fault).run();
}

}  // namespace traza::model
