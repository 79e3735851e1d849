#pragma once
// Traza's one exception family. Front ends catch traza::Error in one place:
// the CLI prints what() and exits 2 (invalid input) or 1; the GUI shows a message box.
#include <stdexcept>
#include <string>

namespace traza {

/// Base of every error Traza throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Bad user input (JSON, CSV, a field typed in the GUI). what() is
/// "<where>: <reason>", where <where> is a JSON path ("flows[3].to") or
/// "file:line:column"; both parts are kept for callers that show them apart.
class InvalidInput : public Error {
public:
    InvalidInput(std::string where, std::string reason)
        : Error(where.empty() ? reason : where + ": " + reason),
          m_where(std::move(where)), m_reason(std::move(reason)) {}
    const std::string& where() const { return m_where; }
    const std::string& reason() const { return m_reason; }

protected:
    /// For errors that gather several problems: what() is `message`.
    InvalidInput(std::string where, std::string reason, const std::string& message)
        : Error(message), m_where(std::move(where)), m_reason(std::move(reason)) {}

private:
    std::string m_where;
    std::string m_reason;
};

/// A project file that is not a Traza project, is damaged or is unreadable.
class FileFormatError : public Error {
public:
    using Error::Error;
};

/// A project file written by a newer Traza (schema version above ours).
class FutureVersionError : public FileFormatError {
public:
    using FileFormatError::FileFormatError;
};

/// An operating-system level failure reading or writing a file.
class IoError : public Error {
public:
    using Error::Error;
};

}  // namespace traza
