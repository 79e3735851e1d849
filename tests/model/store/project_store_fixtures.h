#pragma once
// Helpers shared by the project-store tests: a generated chain with every
// field set, a private temp folder, file snapshots, and raw SQLite access for
// crafting hostile files the way an attacker would (plain sqlite3 API).
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "project.h"
#include "project_store.h"

namespace traza::model::test {

namespace fs = std::filesystem;

/// A fresh folder under the system temp directory, removed with its contents.
class TempDir {
public:
    TempDir() {
        std::random_device random;
        m_path = fs::temp_directory_path() / ("traza-store-test-" + std::to_string(random()) + std::to_string(random()));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return m_path; }
    fs::path operator/(const std::string& name) const { return m_path / name; }

private:
    fs::path m_path;
};

inline std::string readBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("test: cannot read " + file.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void writeBytes(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("test: cannot write " + file.string());
}

/// Names in a folder, sorted (to see that no side file appeared).
inline std::vector<std::string> listFolder(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

/// Runs SQL on a file with the plain sqlite3 API and default settings
/// (foreign keys off, rollback journal), as any other program would.
inline void rawExec(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    char* error = nullptr;
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : sqlite3_errmsg(db);
    sqlite3_free(error);
    sqlite3_close(db);
    if (rc != SQLITE_OK) throw std::runtime_error("test: crafting " + file.string() + " failed: " + message);
}

/// SQL that turns a file saved with the current schema into one of schema
/// `version`, as an older release wrote it: each migration step undone, newest
/// first, then user_version set. The one place to extend when a step is added.
inline std::string asSchemaVersion(int version) {
    // Index k undoes the step from version k to k + 1 (model/store/sqlite_migrations.cpp).
    static const std::vector<std::string> undo{
        "ALTER TABLE actors DROP COLUMN has_position; ",
        "DROP TABLE import_rules; ",
        "ALTER TABLE assessment DROP COLUMN assessed_on; ALTER TABLE assessment DROP COLUMN reviewer; "
        "ALTER TABLE assessment DROP COLUMN reviewed_on; ",
        "DROP TABLE actor_uncertainty; DROP TABLE flow_uncertainty; ",
        "DROP TABLE findings; DROP TABLE actor_due_diligence; ",
        "DROP TABLE actor_claims; DROP TABLE flow_claims; ",
        "ALTER TABLE checklists DROP COLUMN template; ",
        "DROP TABLE checklist_item_sources; ",
        "DROP TABLE record_documents; DROP TABLE records; DROP TABLE actor_suspensions; ",
        "ALTER TABLE assessment DROP COLUMN series_period; ",
    };
    if (undo.size() != static_cast<std::size_t>(ProjectStore::kSchemaVersion))
        throw std::logic_error("test: asSchemaVersion does not know how to undo every migration step");
    std::string sql;
    for (int k = ProjectStore::kSchemaVersion - 1; k >= version; --k) sql += undo[static_cast<std::size_t>(k)];
    return sql + "PRAGMA user_version = " + std::to_string(version) + ";";
}

/// The message of the exception of type E that f throws; "" when it throws
/// nothing, "<wrong type: ...>" when it throws something else.
template <typename E>
std::string thrownMessage(const std::function<void()>& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("<wrong type: ") + e.what() + ">";
    }
    return "";
}

/// Everything open(save(p)) must give back: chain data, positions, catalogue.
inline bool sameProject(const Project& a, const Project& b) {
    if (!a.sameChain(b) || a.catalogue.texts() != b.catalogue.texts()) return false;
    for (std::size_t i = 0; i < a.actors.size(); ++i)
        if (a.actors[i].hasPosition != b.actors[i].hasPosition || a.actors[i].x != b.actors[i].x ||
            a.actors[i].y != b.actors[i].y)
            return false;
    return true;
}

/// A valid chain with every field of every record set, non-ASCII text, and
/// ids whose alphabetical order differs from their document order.
inline Project makeChain(int actorCount, int flowCount) {
    Project p;
    p.catalogue = Catalogue::installed();
    const Catalogue& cat = p.catalogue;
    p.assessment = {"Piloto CARE 2025 — latas ✓", "Ana María Pérez", "Fundación «Δelta»", "chain_map", "UBC", "CO",
                    {"2025-01-01", "2025-12-31"}, "COP", "Notas:\nlínea 2 \"comillas\" 'x' 漢字 🙂\ttab"};
    for (int i = 0; i < actorCount; ++i) {
        Actor a;
        a.id = "act-" + std::to_string(actorCount - i);
        a.name = "Organización Nº " + std::to_string(i) + " — Bogotá";
        a.kind = static_cast<ActorKind>(i % 8);
        a.stage = a.kind == ActorKind::Other ? 3 : defaultStage(a.kind);
        a.country = i % 2 ? "CO" : "BR";
        a.region = i % 3 ? "Barranquilla" : "São Paulo";
        a.formality = static_cast<Formality>(i % 3);
        a.headcount = i % 50;
        a.capacityT = 0.1 + i * 1.25;
        a.stockChangeT = -0.3 * i;
        a.lossT = 0.01 * i;
        a.publicServiceProvider = i % 2 == 0;
        for (int k = 0; k < i % 4; ++k) a.riskFactors.push_back(cat.riskFactors[(i + k) % cat.riskFactors.size()].id);
        a.notes = i % 5 ? "nota " + std::to_string(i) + " ñ" : "";
        a.hasPosition = i % 3 != 0;
        a.x = a.hasPosition ? i * 12.5 - 3.25 : 0;
        a.y = a.hasPosition ? -i * 0.1 : 0;
        p.actors.push_back(std::move(a));
    }
    for (int i = 0; i < flowCount; ++i) {
        Flow f;
        f.id = "f" + std::to_string((i * 7919) % 1000003) + "-" + std::to_string(i);
        f.from = p.actors[i % actorCount].id;
        f.to = p.actors[(i % actorCount + 1 + (i / actorCount) % (actorCount - 1)) % actorCount].id;  // never `from`
        f.material = i % 2 ? "UBC" : "chatarra de aluminio";
        f.tonnes = 0.1 + (i % 1000) * 0.37;
        f.periodStart = i % 4 ? "2025-01-01" : "";
        f.periodEnd = i % 4 ? "2025-06-30" : "";
        f.documentedT = f.tonnes * (i % 5) / 4.0;
        f.evidence = static_cast<Evidence>(i % 5);
        for (int k = 0; k < i % 3; ++k) f.documents.push_back(cat.documentTypes[(i + k) % cat.documentTypes.size()].id);
        f.payment = static_cast<Payment>(i % 3);
        f.pricePerT = (i % 7) * 1234.5;
        f.typology = i % 5 ? "rrrm-" + std::to_string(1 + i % 4) : "";
        f.notes = i % 6 ? "" : "pesaje en báscula";
        p.flows.push_back(std::move(f));
    }
    const int scopes = std::min(actorCount, 3);
    for (int c = 0; c <= scopes; ++c) {
        Checklist list{c == 0 ? Checklist::kAssessmentScope : p.actors[c - 1].id, {}, {}};
        for (int k = 0; k < 5; ++k) {
            ChecklistItem item;
            item.id = cat.checklistItems[(c + k * 3) % cat.checklistItems.size()].id;
            item.status = static_cast<ItemStatus>((c + k) % 4);
            item.evidence = k % 2 ? "política firmada" : "";
            for (int d = 0; d < k % 3; ++d) item.documents.push_back("acta-" + std::to_string(c) + "-" + std::to_string(d));
            item.owner = k ? "Equipo DD" : "";
            item.due = k % 2 ? "2025-0" + std::to_string(k + 1) + "-15" : "";
            list.items.push_back(std::move(item));
        }
        p.checklists.push_back(std::move(list));
    }
    p.goals.push_back({p.actors[0].id, p.actors[1 % actorCount].id, {90, 120, 150}, "umbral 3 = meta"});
    p.goals.push_back({p.actors[2 % actorCount].id, "", {5.5}, ""});
    p.supports.push_back({p.actors[0].id, "equipment", 1, "Barranquilla", 117, 40, 1500000.5, "dotación"});
    p.supports.push_back({"", "family_voucher", 2, "Bogotá", 71, 0, 0, ""});
    return p;
}

}  // namespace traza::model::test
