#include "server_connection.h"

#include <pqxx/except>

namespace traza::model {

std::unique_ptr<pqxx::connection> connectToServer(const ServerLocation& location) {
    try {
        return std::make_unique<pqxx::connection>(location.connectionString());
    } catch (const pqxx::broken_connection& e) {
        std::string reason = e.what();
        while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
        throw ServerError(location.redacted(location.display() + ": cannot connect: " + reason));
    } catch (...) {
        rethrowForServer(location, "cannot connect");
    }
}

void rethrowForServer(const ServerLocation& location, const std::string& doing) {
    auto message = [&](const std::string& reason) {
        return location.redacted(location.display() + ": " + doing + ": " + reason);
    };
    // libpq's messages end with a line break; one line each.
    auto trimmed = [](const char* what) {
        std::string r = what;
        while (!r.empty() && (r.back() == '\n' || r.back() == ' ')) r.pop_back();
        return r;
    };
    try {
        throw;
    } catch (const ServerConflict& e) {
        throw ServerConflict(location.redacted(e.what()));
    } catch (const FutureVersionError& e) {
        throw FutureVersionError(location.redacted(e.what()));
    } catch (const InvalidInput& e) {
        throw InvalidInput(location.redacted(e.where()), location.redacted(e.reason()));
    } catch (const Error& e) {
        throw ServerError(location.redacted(e.what()));
    } catch (const pqxx::insufficient_privilege& e) {
        throw ServerError(message(std::string("the database refused: ") + trimmed(e.what()) +
                                  " (this role may not do that: members of traza_reviewer only read, traza_editor members write projects, and only the schema's owner runs server init)"));
    } catch (const pqxx::in_doubt_error& e) {
        throw ServerError(message(std::string("the connection was lost while committing; the command may or may not "
                                              "have been applied, reopen the project to see: ") + trimmed(e.what())));
    } catch (const pqxx::broken_connection& e) {
        throw ServerError(message(std::string("the connection to the server was lost: ") + trimmed(e.what())));
    } catch (const std::exception& e) {
        throw ServerError(message(trimmed(e.what())));
    }
}

bool connectionWasLost(const std::exception& e) {
    if (dynamic_cast<const pqxx::broken_connection*>(&e)) return true;
    // A server shutting down ends sessions with admin_shutdown (57P01) before
    // the socket closes; libpqxx reports it as an sql_error with that state.
    if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) return sql->sqlstate().rfind("57P", 0) == 0;
    return false;
}

}  // namespace traza::model
