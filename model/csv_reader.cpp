#include "csv_reader.h"

#include "error.h"
#include "utf8.h"

namespace traza::model {
namespace {

// Walks the text once, keeping the physical line so errors point where the user looks.
class Tokenizer {
public:
    Tokenizer(std::string_view text, const std::string& file) : m_text(text), m_file(file) {
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
                const char c = m_text[m_pos++];
                checkByte(c, column);
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
                const char c = m_text[m_pos++];
                checkByte(c, column);
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

    // After a field: true if a comma follows (more fields), false at the end of a record.
    bool consumeSeparator() {
        if (m_pos >= m_text.size()) return false;
        const char c = m_text[m_pos++];
        if (c == ',') return true;
        if (c == '\r' && peek() == '\n') ++m_pos;
        ++m_line;
        return false;
    }

    void checkByte(char c, std::size_t column) const {
        if (c == '\0') fail(m_line, column, "NUL byte: this is not a text file");
    }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    static bool isFieldEnd(char c) { return c == ',' || c == '\n' || c == '\r'; }
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
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
};

}  // namespace

std::string csvLocation(const std::string& fileName, std::size_t line, std::size_t column) {
    return fileName + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::vector<CsvRecord> parseCsv(std::string_view text, const std::string& fileName) {
    return Tokenizer(text, fileName).run();
}

}  // namespace traza::model
