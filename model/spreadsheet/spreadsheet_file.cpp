#include "spreadsheet_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "error.h"

namespace traza::model {
namespace {

constexpr std::string_view kOleSignature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

// An encrypted OOXML package (MS-OFFCRYPTO) keeps "EncryptionInfo" and
// "EncryptedPackage" streams; directory entry names are UTF-16LE.
bool hasUtf16Name(std::string_view bytes, std::string_view name) {
    std::string wide;
    for (char c : name) wide += {c, '\0'};
    return bytes.find(wide) != std::string_view::npos;
}

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

WorkbookFileKind sniffWorkbookFile(std::string_view bytes) {
    if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) || bytes.substr(0, 4) == std::string_view("PK\x05\x06", 4))
        return WorkbookFileKind::Zip;
    if (bytes.substr(0, kOleSignature.size()) == kOleSignature)
        return hasUtf16Name(bytes, "EncryptedPackage") ? WorkbookFileKind::EncryptedOoxml : WorkbookFileKind::LegacyXls;
    return WorkbookFileKind::Other;
}

void requireZip(std::string_view bytes, const std::string& fileName, const std::string& expected) {
    switch (sniffWorkbookFile(bytes)) {
    case WorkbookFileKind::Zip: return;
    case WorkbookFileKind::LegacyXls:
        throw InvalidInput(fileName, "old .xls format: save as .xlsx (Excel Workbook) or .ods, then import that");
    case WorkbookFileKind::EncryptedOoxml:
        throw InvalidInput(fileName, "encrypted or not an xlsx: the workbook is password-protected; save a copy without a password");
    case WorkbookFileKind::Other: break;
    }
    throw InvalidInput(fileName, "not an " + expected + " file (it is no zip archive)");
}

std::string readWorkbookFile(const std::filesystem::path& file, const SpreadsheetLimits& limits) {
    const std::string name = file.string();
    auto reason = [] { return std::string(std::strerror(errno)); };
    Fd in{::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};  // O_NONBLOCK: a FIFO must not hang us
    if (in.fd < 0) throw IoError("could not open " + name + ": " + reason());
    struct stat st {};
    if (::fstat(in.fd, &st) != 0) throw IoError("could not open " + name + ": " + reason());
    if (S_ISDIR(st.st_mode)) throw IoError("could not open " + name + ": it is a directory");
    if (!S_ISREG(st.st_mode)) throw IoError("could not open " + name + ": it is not a regular file");
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > limits.maxFileBytes)
        throw InvalidInput(name, "the file is too large to be read as a workbook (" + std::to_string(size >> 20) +
                                     " MiB; at most " + std::to_string(limits.maxFileBytes >> 20) + " MiB)");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(in.fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw IoError("could not read " + name + ": " + reason());
        if (n == 0) break;  // the file shrank while we read it
        done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    return bytes;
}

}  // namespace traza::model
