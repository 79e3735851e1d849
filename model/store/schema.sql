-- The .traza project file, schema version 8 (PRAGMA user_version = 8).
--
-- This is the one place the schema lives: the build embeds this text and
-- ProjectStore::save() runs it on every new file. Older versions reach this
-- shape through the forward migrations in sqlite_migrations.cpp; change this
-- file only together with a new migration step and a new kSchemaVersion.
-- (No commercial-at sign in this file: the build embeds it with CMake's
-- file(CONFIGURE ... @ONLY).)
--
-- Conventions
--  * Every list of the document keeps its order in an explicit `ord` column
--    (0, 1, 2, ... as written); reading sorts by it, so open(save(p)) == p.
--    For top-level lists `ord` is the INTEGER PRIMARY KEY (the rowid), so
--    rows sit on disk in document order and child rows point at it.
--  * Enumerations are stored as their chain-JSON spelling ("semi_formal"),
--    so a file can be read with any SQLite tool.
--  * A reference to an actor is the actor's `ord` (an INTEGER foreign key):
--    compact, and checked by a rowid look-up rather than a text index, which
--    keeps saving a few hundred thousand flows fast. Join actors to see ids.
--    An optional reference (a goal without a buyer, a support without an
--    actor) is NULL.
--  * Foreign keys are DEFERRABLE INITIALLY DEFERRED: checked when the
--    transaction commits, so a save is one transaction of multi-row INSERTs
--    that needs no statement journal (about a quarter less work).
--  * Tables are STRICT: a value of the wrong type is refused when written.
--    open() does not rely on that (a hostile file can declare anything) and
--    checks the type of every value it reads.
--  * PRAGMA application_id and user_version are set by the code, from
--    ProjectStore::kApplicationId and kSchemaVersion.

-- The one assessment of the project (exactly one row, id = 1).
-- Sign-off (schema 3, issue 16): assessed_on and reviewed_on are ISO dates or '',
-- reviewer a name or ''.
CREATE TABLE assessment (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    title         TEXT NOT NULL,
    assessor      TEXT NOT NULL,
    organisation  TEXT NOT NULL,
    purpose       TEXT NOT NULL,
    material      TEXT NOT NULL,
    country       TEXT NOT NULL,
    period_start  TEXT NOT NULL,   -- ISO date or ''
    period_end    TEXT NOT NULL,
    currency      TEXT NOT NULL,
    notes         TEXT NOT NULL,
    assessed_on   TEXT NOT NULL DEFAULT '',
    reviewer      TEXT NOT NULL DEFAULT '',
    reviewed_on   TEXT NOT NULL DEFAULT '',
    -- Schema 10 (issue #19): the period of the progress series.
    series_period TEXT NOT NULL DEFAULT 'monthly' CHECK (series_period IN ('monthly', 'weekly'))
) STRICT;

-- Actors (nodes of the chain); flows, goals and supports refer to them by ord.
-- x, y: canvas position, meaningful only when has_position = 1.
CREATE TABLE actors (
    ord                      INTEGER PRIMARY KEY,
    id                       TEXT NOT NULL UNIQUE,
    name                     TEXT NOT NULL,
    kind                     TEXT NOT NULL,   -- waste_picker ... other
    stage                    INTEGER NOT NULL,
    country                  TEXT NOT NULL,
    region                   TEXT NOT NULL,
    formality                TEXT NOT NULL,   -- informal, semi_formal, formal
    headcount                INTEGER NOT NULL,
    capacity_t               REAL NOT NULL,
    stock_change_t           REAL NOT NULL,
    loss_t                   REAL NOT NULL,
    public_service_provider  INTEGER NOT NULL CHECK (public_service_provider IN (0, 1)),
    notes                    TEXT NOT NULL,
    has_position             INTEGER NOT NULL CHECK (has_position IN (0, 1)),
    x                        REAL NOT NULL,
    y                        REAL NOT NULL
) STRICT;

-- Risk factors ticked on an actor (ids from the risk_factors catalogue), in order.
CREATE TABLE actor_risk_factors (
    actor   INTEGER NOT NULL REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,
    ord     INTEGER NOT NULL,
    factor  TEXT NOT NULL,
    PRIMARY KEY (actor, ord)
) STRICT, WITHOUT ROWID;

-- Flows of material (edges). Both ends are actors of this project, by ord:
--   SELECT f.id, a.id AS "from", b.id AS "to", f.tonnes FROM flows f
--   JOIN actors a ON a.ord = f.from_actor JOIN actors b ON b.ord = f.to_actor;
CREATE TABLE flows (
    ord           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    from_actor    INTEGER NOT NULL REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,
    to_actor      INTEGER NOT NULL REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,
    material      TEXT NOT NULL,
    tonnes        REAL NOT NULL,
    period_start  TEXT NOT NULL,   -- '' = the assessment period
    period_end    TEXT NOT NULL,
    documented_t  REAL NOT NULL,
    evidence      TEXT NOT NULL,   -- none, self_declared, reported, documented, verified
    payment       TEXT NOT NULL,   -- unknown, cash, credit
    price_per_t   REAL NOT NULL,
    typology      TEXT NOT NULL,   -- rrrm-1 ... rrrm-4 or ''
    notes         TEXT NOT NULL
) STRICT;

-- Document types backing a flow (ids from the document_types catalogue), in order.
CREATE TABLE flow_documents (
    flow      INTEGER NOT NULL REFERENCES flows (ord) DEFERRABLE INITIALLY DEFERRED,
    ord       INTEGER NOT NULL,
    document  TEXT NOT NULL,
    PRIMARY KEY (flow, ord)
) STRICT, WITHOUT ROWID;

-- Checklists: scope is 'assessment' or the id of the assessed actor.
-- (Not a foreign key: 'assessment' is no actor.) template is the catalogue
-- checklist template the checklist follows, '' for the default oecd_rbc
-- (added in version 7, issue #18).
CREATE TABLE checklists (
    ord       INTEGER PRIMARY KEY,
    scope     TEXT NOT NULL UNIQUE,
    template  TEXT NOT NULL DEFAULT ''
) STRICT;

-- Items of a checklist, in order; id is a checklist-template item id ("2.3").
CREATE TABLE checklist_items (
    checklist  INTEGER NOT NULL REFERENCES checklists (ord) DEFERRABLE INITIALLY DEFERRED,
    ord        INTEGER NOT NULL,
    id         TEXT NOT NULL,
    status     TEXT NOT NULL,   -- not_started, in_progress, done, not_applicable
    evidence   TEXT NOT NULL,
    owner      TEXT NOT NULL,
    due        TEXT NOT NULL,   -- ISO date or ''
    PRIMARY KEY (checklist, ord),
    UNIQUE (checklist, id)
) STRICT, WITHOUT ROWID;

-- Document references of a checklist item (free text), in order.
CREATE TABLE checklist_item_documents (
    checklist  INTEGER NOT NULL,
    item       INTEGER NOT NULL,
    ord        INTEGER NOT NULL,
    document   TEXT NOT NULL,
    PRIMARY KEY (checklist, item, ord),
    FOREIGN KEY (checklist, item) REFERENCES checklist_items (checklist, ord) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;

-- Goals: tonnage thresholds of an organisation towards a buyer (NULL = none).
CREATE TABLE goals (
    ord    INTEGER PRIMARY KEY,
    actor  INTEGER NOT NULL REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,
    buyer  INTEGER REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,
    notes  TEXT NOT NULL
) STRICT;

-- The thresholds of a goal in tonnes, in order (the last one is the goal).
CREATE TABLE goal_thresholds (
    goal      INTEGER NOT NULL REFERENCES goals (ord) DEFERRABLE INITIALLY DEFERRED,
    ord       INTEGER NOT NULL,
    tonnes    REAL NOT NULL,
    PRIMARY KEY (goal, ord)
) STRICT, WITHOUT ROWID;

-- Supports delivered against goal thresholds (actor NULL = not tied to one).
CREATE TABLE supports (
    ord            INTEGER PRIMARY KEY,
    actor          INTEGER REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,
    type           TEXT NOT NULL,
    threshold      INTEGER NOT NULL,   -- 1-based threshold number, 0 = none
    region         TEXT NOT NULL,
    count          INTEGER NOT NULL,
    beneficiaries  INTEGER NOT NULL,
    cost           REAL NOT NULL,
    notes          TEXT NOT NULL
) STRICT;

-- The project's own copy of the reference catalogues: file stem -> JSON text,
-- exactly as read from data/catalogue when the project was created.
CREATE TABLE catalogue (
    stem  TEXT PRIMARY KEY NOT NULL,
    json  TEXT NOT NULL
) STRICT;

-- The user's rules for reading spreadsheet columns ("Kg entregados" means
-- tonnes divided by 1000; "Observ." is ignored), remembered from the last
-- import so the next import of the same workbook needs none. An empty field
-- means the column is ignored. (Added in version 2.)
CREATE TABLE import_rules (
    ord     INTEGER PRIMARY KEY,
    header  TEXT NOT NULL,
    field   TEXT NOT NULL,
    factor  REAL NOT NULL CHECK (factor > 0)
) STRICT;

-- ---- Uncertainty (added in version 4, issue #21) ----
-- The standard deviations of an actor's stock change and losses, in tonnes;
-- a row only for an actor that has one (no row: both figures are exact).
CREATE TABLE actor_uncertainty (
    actor              INTEGER PRIMARY KEY REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,
    stock_change_sd_t  REAL NOT NULL,
    loss_sd_t          REAL NOT NULL
) STRICT;

-- The standard deviation of a flow's tonnes, and whether its tonnes are
-- unknown (then flows.tonnes is 0 and reconciliation computes the amount);
-- a row only for a flow that has either.
CREATE TABLE flow_uncertainty (
    flow            INTEGER PRIMARY KEY REFERENCES flows (ord) DEFERRABLE INITIALLY DEFERRED,
    sd_t            REAL NOT NULL,
    tonnes_unknown  INTEGER NOT NULL CHECK (tonnes_unknown IN (0, 1))
) STRICT;
-- ---- end of Uncertainty ----

-- ---- Findings (added in version 5, issue 16) ----
-- The findings register (OECD steps 3 and 4), in the order entered. subject is
-- the id of an actor or a flow, or '' for the assessment as a whole (text, not
-- a foreign key: it may name either). Spellings as in chain JSON:
-- source red_flag | checklist_item | user; response mitigate_while_trading |
-- suspend | disengage; status open | in_progress | closed. rule is the
-- red-flag rule id of a red_flag finding, item the checklist item id of a
-- checklist_item finding ('' otherwise). Dates are ISO or ''.
CREATE TABLE findings (
    ord        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    source     TEXT NOT NULL,
    rule       TEXT NOT NULL,
    item       TEXT NOT NULL,
    subject    TEXT NOT NULL,
    severity   TEXT NOT NULL,
    owner      TEXT NOT NULL,
    response   TEXT NOT NULL,
    action     TEXT NOT NULL,
    due        TEXT NOT NULL,
    status     TEXT NOT NULL,
    evidence   TEXT NOT NULL,
    closed_on  TEXT NOT NULL,
    notes      TEXT NOT NULL
) STRICT;

-- An actor's own due diligence (none | self_assessed | third_party_audited)
-- and chain-of-custody certification (free text); a row only for an actor
-- that has either.
CREATE TABLE actor_due_diligence (
    actor              INTEGER PRIMARY KEY REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,
    dd_status          TEXT NOT NULL,
    coc_certification  TEXT NOT NULL
) STRICT;
-- ---- end of Findings ----

-- ---- Claims (added in version 6, issue #20) ----
-- An actor's claim settings; a row only for an actor that has one set.
-- makes_claims NULL: the default by kind (refiners make claims); yield 0: not
-- set (taken as 1); profile '': the "asi" claim profile.
CREATE TABLE actor_claims (
    actor         INTEGER PRIMARY KEY REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,
    makes_claims  INTEGER CHECK (makes_claims IN (0, 1)),
    yield         REAL NOT NULL,
    profile       TEXT NOT NULL
) STRICT;

-- The tonnes of a flow sold with a chain-of-custody claim; a row only for a
-- flow that carries one.
CREATE TABLE flow_claims (
    flow       INTEGER PRIMARY KEY REFERENCES flows (ord) DEFERRABLE INITIALLY DEFERRED,
    claimed_t  REAL NOT NULL
) STRICT;
-- ---- end of Claims ----

-- ---- Answer sources (added in version 8, issue #18) ----
-- Where a checklist item's answer came from ("questionnaire q.xlsx 2026-12-03");
-- a row only for an item that has one (no row = typed in the workbench).
CREATE TABLE checklist_item_sources (
    checklist  INTEGER NOT NULL,
    item       INTEGER NOT NULL,
    source     TEXT NOT NULL,
    PRIMARY KEY (checklist, item),
    FOREIGN KEY (checklist, item) REFERENCES checklist_items (checklist, ord) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;
-- ---- end of Answer sources ----

-- ---- Records (added in version 9, issue #19) ----
-- Delivery records: the transactions behind a flow, flow by flow in the
-- project's order (ord). A flow with records takes its tonnes from them; the
-- flows row holds their sum and summary. id is unique across the project
-- (checked on reading, like every rule of validation; no index, so saving
-- 750 000 records stays fast). Spellings as in chain JSON.
CREATE TABLE records (
    ord          INTEGER PRIMARY KEY,
    flow         INTEGER NOT NULL REFERENCES flows (ord) DEFERRABLE INITIALLY DEFERRED,
    id           TEXT NOT NULL,
    date         TEXT NOT NULL,   -- ISO date
    tonnes       REAL NOT NULL,
    evidence     TEXT NOT NULL,   -- none, self_declared, reported, documented, verified
    payment      TEXT NOT NULL,   -- unknown, cash, credit
    price_per_t  REAL NOT NULL,
    notes        TEXT NOT NULL
) STRICT;

-- The documents of a record, in order: a document_types catalogue id and the
-- number printed on the document ('' when not known).
CREATE TABLE record_documents (
    record  INTEGER NOT NULL REFERENCES records (ord) DEFERRABLE INITIALLY DEFERRED,
    ord     INTEGER NOT NULL,
    type    TEXT NOT NULL,
    number  TEXT NOT NULL,
    PRIMARY KEY (record, ord)
) STRICT, WITHOUT ROWID;

-- The date from which the buyer suspended trading with an actor; a row only
-- for a suspended actor (red flag delivery_after_suspension).
CREATE TABLE actor_suspensions (
    actor           INTEGER PRIMARY KEY REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,
    suspended_from  TEXT NOT NULL   -- ISO date
) STRICT;
-- ---- end of Records ----
