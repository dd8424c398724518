-- Tinkuy: the one description of the database schema (schema version 1).
--
-- Conventions, held by every table:
-- * STRICT tables; foreign keys enforced (the store turns them on for every connection).
-- * Ids are INTEGER and never collide between two offices' databases: an id is
--   office_code * 10^10 + sequence, where office_code = district UBIGEO * 100 + office number
--   (see `office`). Reference rows shipped with the program use office code 0.
-- * Money is INTEGER céntimos (`*_cents`); shares are INTEGER basis points (`*_bp`, 10000 = 100 %).
-- * Dates are ISO text `YYYY-MM-DD`; instants are ISO text `YYYY-MM-DDTHH:MM:SSZ` in UTC.
-- * History is kept: rows end (end_date, status), they are not deleted. Editable rows carry
--   created_at, updated_at and a version number that an update must match (optimistic locking).
-- * Enumerations are CHECK constraints, spelled in lower-case ASCII.

-- ---------------------------------------------------------------------------------------------
-- The office and its settings
-- ---------------------------------------------------------------------------------------------

-- The office that owns this database. Exactly one row, made at set-up.
CREATE TABLE office (
    code            INTEGER PRIMARY KEY CHECK (code BETWEEN 1 AND 99999999),
    district_ubigeo TEXT NOT NULL REFERENCES district(ubigeo),
    name            TEXT NOT NULL,
    next_sequence   INTEGER NOT NULL DEFAULT 1 CHECK (next_sequence >= 1),
    created_at      TEXT NOT NULL
) STRICT;

-- Tunable values (thresholds, periods, retention) as key/value text.
CREATE TABLE setting (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- ---------------------------------------------------------------------------------------------
-- Territory (reference data, seeded from INEI/RENIEC tables)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE region (
    code               TEXT PRIMARY KEY CHECK (length(code) = 2),
    reniec_code        TEXT NOT NULL,
    name               TEXT NOT NULL,
    capital            TEXT,
    altitude_m         INTEGER,
    poverty_total_pct  REAL,
    poverty_extreme_pct REAL
) STRICT;

CREATE TABLE province (
    code               TEXT PRIMARY KEY CHECK (length(code) = 4),
    reniec_code        TEXT NOT NULL,
    region_code        TEXT NOT NULL REFERENCES region(code),
    name               TEXT NOT NULL,
    capital            TEXT,
    altitude_m         INTEGER,
    poverty_total_pct  REAL,
    poverty_extreme_pct REAL
) STRICT;

-- A district by its 6-digit INEI UBIGEO; the RENIEC code is kept beside it for conversion
-- (missing for a district created after the source's RENIEC table).
CREATE TABLE district (
    ubigeo             TEXT PRIMARY KEY CHECK (length(ubigeo) = 6),
    reniec_ubigeo      TEXT UNIQUE CHECK (length(reniec_ubigeo) = 6),
    province_code      TEXT NOT NULL REFERENCES province(code),
    name               TEXT NOT NULL,
    capital            TEXT,
    altitude_m         INTEGER,
    poverty_total_pct  REAL,
    poverty_extreme_pct REAL,
    idh_2019           REAL,
    food_vulnerability REAL,
    latitude           REAL,
    longitude          REAL
) STRICT;
CREATE INDEX district_by_province ON district(province_code, name);

-- A community or centro poblado inside a district, with altitude and remoteness
-- (travel time to the district capital, in minutes).
CREATE TABLE community (
    id              INTEGER PRIMARY KEY,
    district_ubigeo TEXT NOT NULL REFERENCES district(ubigeo),
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    name_key        TEXT NOT NULL,
    altitude_m      INTEGER CHECK (altitude_m BETWEEN 0 AND 7000),
    travel_minutes  INTEGER CHECK (travel_minutes >= 0),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    UNIQUE (district_ubigeo, name_key)
) STRICT;

-- ---------------------------------------------------------------------------------------------
-- Agencies and programmes
-- ---------------------------------------------------------------------------------------------

CREATE TABLE agency (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    sector          TEXT NOT NULL CHECK (sector IN ('social_protection', 'agriculture', 'health',
                        'education', 'local_government', 'regional_government', 'ngo', 'other')),
    level           TEXT NOT NULL CHECK (level IN ('national', 'regional', 'provincial',
                        'district', 'community', 'non_governmental')),
    district_ubigeo TEXT REFERENCES district(ubigeo),
    address         TEXT,
    phone           TEXT,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE agency_representative (
    id          INTEGER PRIMARY KEY,
    agency_id   INTEGER NOT NULL REFERENCES agency(id),
    name        TEXT NOT NULL,
    position    TEXT,
    phone       TEXT,
    email       TEXT,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE programme (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (code GLOB '[A-Z]*' AND code NOT GLOB '*[^A-Z0-9_]*'),
    name        TEXT NOT NULL,
    agency_id   INTEGER REFERENCES agency(id),
    sector      TEXT NOT NULL CHECK (sector IN ('social_protection', 'agriculture', 'other')),
    ladder_step INTEGER CHECK (ladder_step BETWEEN 1 AND 4),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

-- What a programme delivers. `overlap_group` puts related activities together for the
-- activity-overlap flag (two agencies doing the same kind of thing in one community).
CREATE TABLE activity_type (
    code          TEXT PRIMARY KEY CHECK (code NOT GLOB '*[^a-z0-9_]*'),
    name_es       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    category      TEXT NOT NULL CHECK (category IN ('transfer', 'agriculture', 'livestock',
                      'housing', 'finance', 'enterprise', 'training', 'other')),
    overlap_group TEXT NOT NULL
) STRICT;

CREATE TABLE sisfoh_class (
    code     TEXT PRIMARY KEY CHECK (code IN ('PE', 'P', 'NP')),
    name_es  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    rank     INTEGER NOT NULL UNIQUE
) STRICT;

-- An agency delivering an activity type in a community over a period.
CREATE TABLE intervention (
    id             INTEGER PRIMARY KEY,
    agency_id      INTEGER NOT NULL REFERENCES agency(id),
    programme_id   INTEGER REFERENCES programme(id),
    activity_code  TEXT NOT NULL REFERENCES activity_type(code),
    community_id   INTEGER NOT NULL REFERENCES community(id),
    start_date     TEXT NOT NULL,
    end_date       TEXT CHECK (end_date IS NULL OR end_date >= start_date),
    households_planned INTEGER CHECK (households_planned >= 0),
    budget_cents   INTEGER CHECK (budget_cents >= 0),
    description    TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX intervention_by_community ON intervention(community_id, activity_code);

-- ---------------------------------------------------------------------------------------------
-- Households, persons, enrolments
-- ---------------------------------------------------------------------------------------------

-- A household. The current SISFOH class is kept here for fast filters; its history is in
-- household_sisfoh.
CREATE TABLE household (
    id              INTEGER PRIMARY KEY,
    district_ubigeo TEXT NOT NULL REFERENCES district(ubigeo),
    community_id    INTEGER REFERENCES community(id),
    address         TEXT,
    sisfoh_class    TEXT REFERENCES sisfoh_class(code),
    sisfoh_date     TEXT,
    herd_size       INTEGER CHECK (herd_size >= 0),
    altitude_m      INTEGER CHECK (altitude_m BETWEEN 0 AND 7000),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    CHECK ((sisfoh_class IS NULL) = (sisfoh_date IS NULL))
) STRICT;
CREATE INDEX household_by_district ON household(district_ubigeo, community_id);

CREATE TABLE household_sisfoh (
    id             INTEGER PRIMARY KEY,
    household_id   INTEGER NOT NULL REFERENCES household(id),
    sisfoh_class   TEXT NOT NULL REFERENCES sisfoh_class(code),
    classified_on  TEXT NOT NULL,
    source         TEXT,
    created_at     TEXT NOT NULL,
    UNIQUE (household_id, classified_on)
) STRICT;

-- Each agency's own household code, kept beside the household.
CREATE TABLE household_code (
    programme_id  INTEGER NOT NULL REFERENCES programme(id),
    code          TEXT NOT NULL,
    household_id  INTEGER NOT NULL REFERENCES household(id),
    created_at    TEXT NOT NULL,
    PRIMARY KEY (programme_id, code)
) STRICT;
CREATE INDEX household_code_by_household ON household_code(household_id);

-- A person. `name_key` is the folded sort key (PATERNAL MATERNAL GIVEN, no accents, Ñ→N).
-- `district_ubigeo` repeats the household's district (kept by triggers) so lists filtered or
-- sorted by district page through an index at a million households.
-- A merged person keeps its row and points at the survivor (undoable).
CREATE TABLE person (
    id               INTEGER PRIMARY KEY,
    household_id     INTEGER NOT NULL REFERENCES household(id),
    district_ubigeo  TEXT NOT NULL REFERENCES district(ubigeo),
    dni              TEXT CHECK (dni IS NULL OR (length(dni) = 8 AND dni NOT GLOB '*[^0-9]*')),
    paternal_surname TEXT NOT NULL CHECK (length(paternal_surname) BETWEEN 1 AND 80),
    maternal_surname TEXT CHECK (maternal_surname IS NULL OR length(maternal_surname) <= 80),
    given_names      TEXT NOT NULL CHECK (length(given_names) BETWEEN 1 AND 80),
    name_key         TEXT NOT NULL,
    birth_date       TEXT,
    sex              TEXT CHECK (sex IN ('F', 'M')),
    pregnant         INTEGER NOT NULL DEFAULT 0 CHECK (pregnant IN (0, 1)),
    pregnancy_noted_on TEXT,
    relationship     TEXT CHECK (relationship IN ('head', 'spouse', 'child', 'grandchild',
                         'parent', 'other')),
    merged_into_id   INTEGER REFERENCES person(id),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX person_by_household ON person(household_id);
CREATE UNIQUE INDEX person_by_dni ON person(dni) WHERE dni IS NOT NULL AND merged_into_id IS NULL;
CREATE INDEX person_by_name ON person(name_key, id) WHERE merged_into_id IS NULL;
CREATE INDEX person_by_district_name ON person(district_ubigeo, name_key, id)
    WHERE merged_into_id IS NULL;

-- A household moving district takes its members along; a person moving household takes the
-- new household's district.
CREATE TRIGGER person_district_follows_household AFTER UPDATE OF district_ubigeo ON household
BEGIN
    UPDATE person SET district_ubigeo = NEW.district_ubigeo WHERE household_id = NEW.id;
END;

CREATE TRIGGER person_district_follows_move AFTER UPDATE OF household_id ON person
BEGIN
    UPDATE person SET district_ubigeo = (SELECT district_ubigeo FROM household
                                         WHERE id = NEW.household_id)
    WHERE id = NEW.id;
END;

-- Full-text index over person names (external content: the person table).
CREATE VIRTUAL TABLE person_fts USING fts5(
    full_name,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

-- One import of a programme roster file.
CREATE TABLE roster_import (
    id             INTEGER PRIMARY KEY,
    programme_id   INTEGER NOT NULL REFERENCES programme(id),
    file_name      TEXT NOT NULL,
    file_sha256    TEXT NOT NULL,
    ubigeo_scheme  TEXT NOT NULL CHECK (ubigeo_scheme IN ('inei', 'reniec')),
    imported_at    TEXT NOT NULL,
    user_id        INTEGER REFERENCES app_user(id),
    rows_total     INTEGER NOT NULL DEFAULT 0,
    rows_new       INTEGER NOT NULL DEFAULT 0,
    rows_updated   INTEGER NOT NULL DEFAULT 0,
    rows_unchanged INTEGER NOT NULL DEFAULT 0,
    rows_ended     INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0
) STRICT;

-- A record of an agency's roster as it was last received: the source of truth for what each
-- agency believes, and what record matching compares. Identified by (programme, source_code).
CREATE TABLE roster_record (
    id               INTEGER PRIMARY KEY,
    programme_id     INTEGER NOT NULL REFERENCES programme(id),
    source_code      TEXT NOT NULL,
    person_id        INTEGER NOT NULL REFERENCES person(id),
    household_code   TEXT,
    dni              TEXT,
    paternal_surname TEXT NOT NULL,
    maternal_surname TEXT,
    given_names      TEXT NOT NULL,
    birth_date       TEXT,
    sex              TEXT CHECK (sex IN ('F', 'M')),
    district_ubigeo  TEXT NOT NULL REFERENCES district(ubigeo),
    community_id     INTEGER REFERENCES community(id),
    sisfoh_class     TEXT REFERENCES sisfoh_class(code),
    start_date       TEXT,
    activity_code    TEXT REFERENCES activity_type(code),
    amount_cents     INTEGER CHECK (amount_cents >= 0),
    altitude_m       INTEGER,
    herd_size        INTEGER CHECK (herd_size >= 0),
    status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
    ended_on         TEXT,
    content_hash     TEXT NOT NULL,
    first_import_id  INTEGER REFERENCES roster_import(id),
    last_import_id   INTEGER REFERENCES roster_import(id),
    match_scanned_at TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    UNIQUE (programme_id, source_code)
) STRICT;
CREATE INDEX roster_record_by_person ON roster_record(person_id);
CREATE INDEX roster_record_by_dni ON roster_record(dni) WHERE dni IS NOT NULL;

-- What each import did to each record: the history of roster changes.
CREATE TABLE roster_record_change (
    id               INTEGER PRIMARY KEY,
    roster_record_id INTEGER NOT NULL REFERENCES roster_record(id),
    import_id        INTEGER REFERENCES roster_import(id),
    kind             TEXT NOT NULL CHECK (kind IN ('new', 'updated', 'ended', 'reactivated')),
    changed_fields   TEXT NOT NULL DEFAULT '[]',
    at               TEXT NOT NULL
) STRICT;
CREATE INDEX roster_record_change_by_record ON roster_record_change(roster_record_id);

-- A person's or household's enrolment in a programme. Ends, never deleted.
CREATE TABLE enrolment (
    id               INTEGER PRIMARY KEY,
    household_id     INTEGER NOT NULL REFERENCES household(id),
    person_id        INTEGER REFERENCES person(id),
    programme_id     INTEGER NOT NULL REFERENCES programme(id),
    roster_record_id INTEGER REFERENCES roster_record(id),
    activity_code    TEXT REFERENCES activity_type(code),
    amount_cents     INTEGER CHECK (amount_cents >= 0),
    start_date       TEXT NOT NULL,
    end_date         TEXT CHECK (end_date IS NULL OR end_date >= start_date),
    end_reason       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    CHECK ((end_date IS NULL) = (end_reason IS NULL))
) STRICT;
CREATE INDEX enrolment_by_household ON enrolment(household_id);
CREATE INDEX enrolment_by_person ON enrolment(person_id);
CREATE INDEX enrolment_by_programme ON enrolment(programme_id, end_date);
-- An import ends or updates the enrolment of each roster record it touches.
CREATE INDEX enrolment_by_record ON enrolment(roster_record_id);

-- ---------------------------------------------------------------------------------------------
-- Producer associations
-- ---------------------------------------------------------------------------------------------

CREATE TABLE association (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    name_key      TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('producer_association', 'interest_group',
                      'community')),
    community_id  INTEGER REFERENCES community(id),
    legal_status  TEXT NOT NULL DEFAULT 'informal' CHECK (legal_status IN ('informal',
                      'in_process', 'registered')),
    ruc           TEXT,
    contact_name  TEXT,
    contact_phone TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
) STRICT;

-- A member of an association: a registry person, or a name and DNI not (yet) in the registry.
CREATE TABLE association_member (
    id             INTEGER PRIMARY KEY,
    association_id INTEGER NOT NULL REFERENCES association(id),
    person_id      INTEGER REFERENCES person(id),
    dni            TEXT,
    full_name      TEXT NOT NULL,
    role           TEXT,
    joined_on      TEXT,
    left_on        TEXT,
    created_at     TEXT NOT NULL,
    UNIQUE (association_id, person_id)
) STRICT;
CREATE INDEX association_member_by_person ON association_member(person_id);
CREATE INDEX association_member_by_dni ON association_member(dni);

-- ---------------------------------------------------------------------------------------------
-- CLAR: calls, proposals, review, sessions, scores, awards, follow-up
-- ---------------------------------------------------------------------------------------------

CREATE TABLE clar_call (
    id                     INTEGER PRIMARY KEY,
    programme_id           INTEGER NOT NULL REFERENCES programme(id),
    title                  TEXT NOT NULL,
    kind                   TEXT NOT NULL CHECK (kind IN ('business_plan', 'community_project',
                               'local_venture')),
    envelope_cents         INTEGER NOT NULL CHECK (envelope_cents >= 0),
    opens_on               TEXT NOT NULL,
    closes_on              TEXT NOT NULL CHECK (closes_on >= opens_on),
    min_members            INTEGER NOT NULL CHECK (min_members >= 1),
    max_members            INTEGER NOT NULL CHECK (max_members >= min_members),
    max_programme_share_bp INTEGER NOT NULL CHECK (max_programme_share_bp BETWEEN 0 AND 10000),
    programme_ceiling_cents INTEGER NOT NULL CHECK (programme_ceiling_cents >= 0),
    materials_share_bp     INTEGER CHECK (materials_share_bp BETWEEN 0 AND 10000),
    assistance_share_bp    INTEGER CHECK (assistance_share_bp BETWEEN 0 AND 10000),
    field_presence_min_bp  INTEGER NOT NULL DEFAULT 5000 CHECK (field_presence_min_bp BETWEEN 0 AND 10000),
    status                 TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open',
                               'closed', 'awarded')),
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    version                INTEGER NOT NULL DEFAULT 1
) STRICT;

-- The scoring rubric of a call, in phases (field evaluation, public presentation).
CREATE TABLE clar_criterion (
    id         INTEGER PRIMARY KEY,
    call_id    INTEGER NOT NULL REFERENCES clar_call(id),
    phase      TEXT NOT NULL CHECK (phase IN ('field', 'presentation')),
    position   INTEGER NOT NULL,
    label_es   TEXT NOT NULL,
    label_en   TEXT NOT NULL,
    max_points INTEGER NOT NULL CHECK (max_points BETWEEN 1 AND 100),
    weight_bp  INTEGER NOT NULL DEFAULT 10000 CHECK (weight_bp BETWEEN 0 AND 100000),
    UNIQUE (call_id, phase, position)
) STRICT;

CREATE TABLE proposal (
    id             INTEGER PRIMARY KEY,
    call_id        INTEGER NOT NULL REFERENCES clar_call(id),
    association_id INTEGER NOT NULL REFERENCES association(id),
    title          TEXT NOT NULL,
    product        TEXT NOT NULL,
    description    TEXT,
    status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted',
                       'viable', 'not_viable', 'scored', 'awarded', 'not_awarded',
                       'in_execution', 'closed')),
    submitted_at   TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX proposal_by_call ON proposal(call_id, status);

CREATE TABLE proposal_budget_line (
    id                INTEGER PRIMARY KEY,
    proposal_id       INTEGER NOT NULL REFERENCES proposal(id),
    position          INTEGER NOT NULL,
    category          TEXT NOT NULL CHECK (category IN ('materials', 'technical_assistance',
                          'training', 'other')),
    description       TEXT NOT NULL,
    programme_cents   INTEGER NOT NULL CHECK (programme_cents >= 0),
    counterpart_cents INTEGER NOT NULL CHECK (counterpart_cents >= 0),
    UNIQUE (proposal_id, position)
) STRICT;

-- Every state change of a proposal, with who and when.
CREATE TABLE proposal_transition (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposal(id),
    from_status TEXT,
    to_status   TEXT NOT NULL,
    user_id     INTEGER REFERENCES app_user(id),
    at          TEXT NOT NULL,
    note        TEXT
) STRICT;
CREATE INDEX proposal_transition_by_proposal ON proposal_transition(proposal_id);

-- The technicians' viability review, with the field visit's check of committed families.
CREATE TABLE technical_review (
    id               INTEGER PRIMARY KEY,
    proposal_id      INTEGER NOT NULL REFERENCES proposal(id),
    reviewer_user_id INTEGER REFERENCES app_user(id),
    reviewed_on      TEXT NOT NULL,
    verdict          TEXT NOT NULL CHECK (verdict IN ('viable', 'not_viable')),
    reasons          TEXT NOT NULL DEFAULT '',
    field_visit_on   TEXT,
    families_listed  INTEGER CHECK (families_listed >= 0),
    families_present INTEGER CHECK (families_present >= 0),
    created_at       TEXT NOT NULL
) STRICT;

-- Which listed members were found at the field visit (checked by DNI).
CREATE TABLE field_visit_presence (
    review_id            INTEGER NOT NULL REFERENCES technical_review(id),
    association_member_id INTEGER NOT NULL REFERENCES association_member(id),
    present              INTEGER NOT NULL CHECK (present IN (0, 1)),
    PRIMARY KEY (review_id, association_member_id)
) STRICT;

-- A person who sits on the CLAR. Linked to a user account for reviewer mode, and to a registry
-- person (or DNI) so a conflict with an association's member list can be detected.
CREATE TABLE clar_member (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER UNIQUE REFERENCES app_user(id),
    full_name   TEXT NOT NULL,
    represents  TEXT NOT NULL,
    person_id   INTEGER REFERENCES person(id),
    dni         TEXT,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

-- A CLAR session; its acta is numbered per office and year (Acta N° 7-2026).
CREATE TABLE clar_session (
    id          INTEGER PRIMARY KEY,
    call_id     INTEGER NOT NULL REFERENCES clar_call(id),
    acta_number INTEGER NOT NULL CHECK (acta_number >= 1),
    acta_year   INTEGER NOT NULL CHECK (acta_year BETWEEN 2000 AND 2999),
    held_on     TEXT NOT NULL,
    place       TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_at   TEXT,
    closed_by   INTEGER REFERENCES app_user(id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (acta_year, acta_number)
) STRICT;

CREATE TABLE clar_session_member (
    session_id INTEGER NOT NULL REFERENCES clar_session(id),
    member_id  INTEGER NOT NULL REFERENCES clar_member(id),
    present    INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
    PRIMARY KEY (session_id, member_id)
) STRICT;

-- A member's declared (or detected) conflict of interest on a proposal: bars scoring it.
CREATE TABLE conflict_declaration (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES clar_session(id),
    member_id   INTEGER NOT NULL REFERENCES clar_member(id),
    proposal_id INTEGER NOT NULL REFERENCES proposal(id),
    kind        TEXT NOT NULL CHECK (kind IN ('member', 'relative', 'other', 'detected')),
    note        TEXT,
    declared_at TEXT NOT NULL,
    UNIQUE (session_id, member_id, proposal_id)
) STRICT;

CREATE TABLE clar_score (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES clar_session(id),
    member_id    INTEGER NOT NULL REFERENCES clar_member(id),
    proposal_id  INTEGER NOT NULL REFERENCES proposal(id),
    criterion_id INTEGER NOT NULL REFERENCES clar_criterion(id),
    points       INTEGER NOT NULL CHECK (points >= 0),
    scored_at    TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (session_id, member_id, proposal_id, criterion_id)
) STRICT;

-- The outcome for each ranked proposal of a session. score_milli: mean score × 1000.
CREATE TABLE award (
    id              INTEGER PRIMARY KEY,
    session_id      INTEGER NOT NULL REFERENCES clar_session(id),
    proposal_id     INTEGER NOT NULL UNIQUE REFERENCES proposal(id),
    rank            INTEGER NOT NULL CHECK (rank >= 1),
    score_milli     INTEGER NOT NULL,
    funded          INTEGER NOT NULL CHECK (funded IN (0, 1)),
    programme_cents INTEGER NOT NULL CHECK (programme_cents >= 0),
    decided_at      TEXT NOT NULL
) STRICT;

-- Tranches of an award (preset 70 % then 30 %, the second after a progress review).
CREATE TABLE disbursement (
    id                INTEGER PRIMARY KEY,
    award_id          INTEGER NOT NULL REFERENCES award(id),
    tranche           INTEGER NOT NULL CHECK (tranche >= 1),
    planned_cents     INTEGER NOT NULL CHECK (planned_cents >= 0),
    planned_on        TEXT,
    paid_cents        INTEGER CHECK (paid_cents >= 0),
    paid_on           TEXT,
    requires_review   INTEGER NOT NULL DEFAULT 0 CHECK (requires_review IN (0, 1)),
    review_session_id INTEGER REFERENCES clar_session(id),
    status            TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'released',
                          'paid')),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    UNIQUE (award_id, tranche)
) STRICT;

CREATE TABLE follow_up_visit (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposal(id),
    visited_on  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('operating', 'struggling', 'stopped')),
    notes       TEXT,
    user_id     INTEGER REFERENCES app_user(id),
    created_at  TEXT NOT NULL
) STRICT;

-- ---------------------------------------------------------------------------------------------
-- Multisector committee
-- ---------------------------------------------------------------------------------------------

CREATE TABLE committee (
    id              INTEGER PRIMARY KEY,
    district_ubigeo TEXT NOT NULL REFERENCES district(ubigeo),
    name            TEXT NOT NULL,
    monthly_rule    TEXT,
    quorum_bp       INTEGER NOT NULL DEFAULT 5001 CHECK (quorum_bp BETWEEN 1 AND 10000),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE committee_member (
    committee_id INTEGER NOT NULL REFERENCES committee(id),
    agency_id    INTEGER NOT NULL REFERENCES agency(id),
    since        TEXT NOT NULL,
    until        TEXT,
    PRIMARY KEY (committee_id, agency_id)
) STRICT;

CREATE TABLE meeting (
    id                   INTEGER PRIMARY KEY,
    committee_id         INTEGER NOT NULL REFERENCES committee(id),
    held_on              TEXT NOT NULL,
    starts_at            TEXT,
    place                TEXT NOT NULL,
    convened_by_agency_id INTEGER REFERENCES agency(id),
    status               TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held',
                             'cancelled')),
    general_notes        TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    version              INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX meeting_by_date ON meeting(committee_id, held_on);

CREATE TABLE agenda_item (
    id                  INTEGER PRIMARY KEY,
    meeting_id          INTEGER NOT NULL REFERENCES meeting(id),
    position            INTEGER NOT NULL,
    title               TEXT NOT NULL,
    kind                TEXT NOT NULL DEFAULT 'regular' CHECK (kind IN ('regular', 'follow_up',
                            'flags', 'clar')),
    presenter_agency_id INTEGER REFERENCES agency(id),
    starts_at           TEXT,
    follows_agreement_id INTEGER REFERENCES agreement(id),
    clar_call_id        INTEGER REFERENCES clar_call(id),
    proposal_id         INTEGER REFERENCES proposal(id),
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX agenda_item_by_meeting ON agenda_item(meeting_id, position);

CREATE TABLE agenda_item_flag (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id),
    flag_id        INTEGER NOT NULL REFERENCES overlap_flag(id),
    PRIMARY KEY (agenda_item_id, flag_id)
) STRICT;

CREATE TABLE attendance (
    meeting_id        INTEGER NOT NULL REFERENCES meeting(id),
    agency_id         INTEGER NOT NULL REFERENCES agency(id),
    status            TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
    representative_id INTEGER REFERENCES agency_representative(id),
    attendee_name     TEXT,
    PRIMARY KEY (meeting_id, agency_id)
) STRICT;

-- An agreement (acuerdo): an owner agency and a due date; comes back until done or dropped.
CREATE TABLE agreement (
    id                    INTEGER PRIMARY KEY,
    meeting_id            INTEGER NOT NULL REFERENCES meeting(id),
    agenda_item_id        INTEGER REFERENCES agenda_item(id),
    description           TEXT NOT NULL CHECK (length(description) >= 1),
    responsible_agency_id INTEGER NOT NULL REFERENCES agency(id),
    due_on                TEXT NOT NULL,
    status                TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done',
                              'dropped')),
    status_note           TEXT,
    closed_on             TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX agreement_by_status ON agreement(status, due_on);

-- ---------------------------------------------------------------------------------------------
-- Overlaps: matching, flags and their workflow
-- ---------------------------------------------------------------------------------------------

-- How a pair of programmes serving the same household is classed.
CREATE TABLE overlap_matrix (
    programme_a_id INTEGER NOT NULL REFERENCES programme(id),
    programme_b_id INTEGER NOT NULL REFERENCES programme(id),
    class          TEXT NOT NULL CHECK (class IN ('complementary', 'review', 'duplication')),
    PRIMARY KEY (programme_a_id, programme_b_id),
    CHECK (programme_a_id < programme_b_id)
) STRICT;

CREATE TABLE scan_run (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('full', 'incremental')),
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    records_scanned INTEGER NOT NULL DEFAULT 0,
    pairs_compared  INTEGER NOT NULL DEFAULT 0,
    flags_new       INTEGER NOT NULL DEFAULT 0,
    flags_seen      INTEGER NOT NULL DEFAULT 0,
    user_id         INTEGER REFERENCES app_user(id)
) STRICT;

-- A flag found in the data. `fingerprint` identifies it across re-scans (never duplicated);
-- `evidence` is JSON kept for the explanation; `evidence_hash` tells whether it changed.
CREATE TABLE overlap_flag (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL CHECK (kind IN ('multi_programme', 'probable_same_person',
                           'dni_conflict', 'double_funding', 'activity_overlap',
                           'targeting_seed_altitude', 'targeting_shed_herd',
                           'targeting_non_poor', 'targeting_juntos_missing',
                           'targeting_sisfoh_expired', 'conditionality_misuse',
                           'household_disagreement')),
    severity           TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged',
                           'resolved', 'dismissed')),
    fingerprint        TEXT NOT NULL UNIQUE,
    evidence           TEXT NOT NULL DEFAULT '{}',
    evidence_hash      TEXT NOT NULL,
    score_milli        INTEGER CHECK (score_milli BETWEEN 0 AND 1000),
    district_ubigeo    TEXT REFERENCES district(ubigeo),
    community_id       INTEGER REFERENCES community(id),
    programme_a_id     INTEGER REFERENCES programme(id),
    programme_b_id     INTEGER REFERENCES programme(id),
    household_id       INTEGER REFERENCES household(id),
    person_a_id        INTEGER REFERENCES person(id),
    person_b_id        INTEGER REFERENCES person(id),
    record_a_id        INTEGER REFERENCES roster_record(id),
    record_b_id        INTEGER REFERENCES roster_record(id),
    association_id     INTEGER REFERENCES association(id),
    assigned_agency_id INTEGER REFERENCES agency(id),
    first_scan_id      INTEGER REFERENCES scan_run(id),
    last_scan_id       INTEGER REFERENCES scan_run(id),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX overlap_flag_by_status ON overlap_flag(status, kind, severity);
CREATE INDEX overlap_flag_by_district ON overlap_flag(district_ubigeo, status);

-- Status history and notes of a flag.
CREATE TABLE flag_event (
    id                 INTEGER PRIMARY KEY,
    flag_id            INTEGER NOT NULL REFERENCES overlap_flag(id),
    at                 TEXT NOT NULL,
    user_id            INTEGER REFERENCES app_user(id),
    from_status        TEXT,
    to_status          TEXT,
    assigned_agency_id INTEGER REFERENCES agency(id),
    note               TEXT
) STRICT;
CREATE INDEX flag_event_by_flag ON flag_event(flag_id);

-- A person's decision on a proposed record match: a rejected one is never proposed again.
CREATE TABLE match_decision (
    record_a_id INTEGER NOT NULL REFERENCES roster_record(id),
    record_b_id INTEGER NOT NULL REFERENCES roster_record(id),
    decision    TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
    user_id     INTEGER REFERENCES app_user(id),
    at          TEXT NOT NULL,
    PRIMARY KEY (record_a_id, record_b_id),
    CHECK (record_a_id < record_b_id)
) STRICT;

-- A merge of two persons, with what is needed to undo it.
CREATE TABLE person_merge (
    id                 INTEGER PRIMARY KEY,
    surviving_person_id INTEGER NOT NULL REFERENCES person(id),
    merged_person_id   INTEGER NOT NULL REFERENCES person(id),
    flag_id            INTEGER REFERENCES overlap_flag(id),
    moved              TEXT NOT NULL DEFAULT '{}',
    merged_at          TEXT NOT NULL,
    merged_by          INTEGER REFERENCES app_user(id),
    undone_at          TEXT,
    undone_by          INTEGER REFERENCES app_user(id)
) STRICT;

-- A report that an agency threatened a Juntos household's transfer to force other participation.
CREATE TABLE conditionality_report (
    id                INTEGER PRIMARY KEY,
    reported_on       TEXT NOT NULL,
    household_id      INTEGER REFERENCES household(id),
    community_id      INTEGER REFERENCES community(id),
    accused_agency_id INTEGER NOT NULL REFERENCES agency(id),
    forced_activity   TEXT NOT NULL,
    description       TEXT NOT NULL,
    reported_by       TEXT,
    flag_id           INTEGER REFERENCES overlap_flag(id),
    user_id           INTEGER REFERENCES app_user(id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1
) STRICT;

-- ---------------------------------------------------------------------------------------------
-- Users and the audit log
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app_user (
    id             INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 2 AND 40
                       AND username NOT GLOB '*[^a-z0-9._-]*'),
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'registrador', 'miembro_clar',
                       'coordinador', 'consulta')),
    password_hash  TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Append-only record of every write: who, when, which entity, what changed (JSON).
-- Each entry carries the hash of the previous one, so an edit breaks the chain.
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    user_id    INTEGER REFERENCES app_user(id),
    username   TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  INTEGER,
    details    TEXT NOT NULL DEFAULT '{}',
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_by_user ON audit_log(user_id, at);
CREATE INDEX audit_log_by_entity ON audit_log(entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- ---------------------------------------------------------------------------------------------
-- Counters for the overview, kept by triggers so it answers at once at a million households
-- ---------------------------------------------------------------------------------------------

-- Households and (unmerged) persons per district.
CREATE TABLE stat_district (
    district_ubigeo TEXT PRIMARY KEY REFERENCES district(ubigeo),
    households      INTEGER NOT NULL DEFAULT 0,
    persons         INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

-- Active (not ended) enrolments per district and programme.
CREATE TABLE stat_enrolment (
    district_ubigeo TEXT NOT NULL REFERENCES district(ubigeo),
    programme_id    INTEGER NOT NULL REFERENCES programme(id),
    active          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (district_ubigeo, programme_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER stat_household_insert AFTER INSERT ON household
BEGIN
    INSERT INTO stat_district(district_ubigeo, households) VALUES (NEW.district_ubigeo, 1)
    ON CONFLICT(district_ubigeo) DO UPDATE SET households = households + 1;
END;

CREATE TRIGGER stat_household_delete AFTER DELETE ON household
BEGIN
    UPDATE stat_district SET households = households - 1
    WHERE district_ubigeo = OLD.district_ubigeo;
END;

-- A household moving district takes its members and enrolments with it.
CREATE TRIGGER stat_household_move AFTER UPDATE OF district_ubigeo ON household
WHEN OLD.district_ubigeo <> NEW.district_ubigeo
BEGIN
    UPDATE stat_district SET households = households - 1,
        persons = persons - (SELECT count(*) FROM person
                             WHERE household_id = NEW.id AND merged_into_id IS NULL)
    WHERE district_ubigeo = OLD.district_ubigeo;
    INSERT INTO stat_district(district_ubigeo, households, persons)
    SELECT NEW.district_ubigeo, 1, count(*) FROM person
    WHERE household_id = NEW.id AND merged_into_id IS NULL
    ON CONFLICT(district_ubigeo) DO UPDATE
        SET households = households + 1, persons = persons + excluded.persons;
    UPDATE stat_enrolment SET active = active - (SELECT count(*) FROM enrolment e
        WHERE e.household_id = NEW.id AND e.end_date IS NULL
          AND e.programme_id = stat_enrolment.programme_id)
    WHERE district_ubigeo = OLD.district_ubigeo;
    INSERT INTO stat_enrolment(district_ubigeo, programme_id, active)
    SELECT NEW.district_ubigeo, programme_id, count(*) FROM enrolment
    WHERE household_id = NEW.id AND end_date IS NULL GROUP BY programme_id
    ON CONFLICT(district_ubigeo, programme_id) DO UPDATE SET active = active + excluded.active;
END;

CREATE TRIGGER stat_person_insert AFTER INSERT ON person WHEN NEW.merged_into_id IS NULL
BEGIN
    INSERT INTO stat_district(district_ubigeo, persons) VALUES (NEW.district_ubigeo, 1)
    ON CONFLICT(district_ubigeo) DO UPDATE SET persons = persons + 1;
END;

CREATE TRIGGER stat_person_delete AFTER DELETE ON person WHEN OLD.merged_into_id IS NULL
BEGIN
    UPDATE stat_district SET persons = persons - 1
    WHERE district_ubigeo = (SELECT district_ubigeo FROM household WHERE id = OLD.household_id);
END;

CREATE TRIGGER stat_person_update AFTER UPDATE OF household_id, merged_into_id ON person
BEGIN
    UPDATE stat_district SET persons = persons - 1
    WHERE OLD.merged_into_id IS NULL
      AND district_ubigeo = (SELECT district_ubigeo FROM household WHERE id = OLD.household_id);
    INSERT INTO stat_district(district_ubigeo, persons)
    SELECT district_ubigeo, 1 FROM household
    WHERE id = NEW.household_id AND NEW.merged_into_id IS NULL
    ON CONFLICT(district_ubigeo) DO UPDATE SET persons = persons + 1;
END;

CREATE TRIGGER stat_enrolment_insert AFTER INSERT ON enrolment WHEN NEW.end_date IS NULL
BEGIN
    INSERT INTO stat_enrolment(district_ubigeo, programme_id, active)
    SELECT district_ubigeo, NEW.programme_id, 1 FROM household WHERE id = NEW.household_id
    ON CONFLICT(district_ubigeo, programme_id) DO UPDATE SET active = active + 1;
END;

CREATE TRIGGER stat_enrolment_delete AFTER DELETE ON enrolment WHEN OLD.end_date IS NULL
BEGIN
    UPDATE stat_enrolment SET active = active - 1
    WHERE programme_id = OLD.programme_id
      AND district_ubigeo = (SELECT district_ubigeo FROM household WHERE id = OLD.household_id);
END;

CREATE TRIGGER stat_enrolment_update
AFTER UPDATE OF end_date, household_id, programme_id ON enrolment
BEGIN
    UPDATE stat_enrolment SET active = active - 1
    WHERE OLD.end_date IS NULL AND programme_id = OLD.programme_id
      AND district_ubigeo = (SELECT district_ubigeo FROM household WHERE id = OLD.household_id);
    INSERT INTO stat_enrolment(district_ubigeo, programme_id, active)
    SELECT district_ubigeo, NEW.programme_id, 1 FROM household
    WHERE id = NEW.household_id AND NEW.end_date IS NULL
    ON CONFLICT(district_ubigeo, programme_id) DO UPDATE SET active = active + 1;
END;

-- ---------------------------------------------------------------------------------------------
-- Demo data only
-- ---------------------------------------------------------------------------------------------

-- For generated demo data: which true person each roster record stands for, so record
-- matching can be measured (precision and recall) against a known answer. Empty in an
-- office's real database.
CREATE TABLE demo_identity (
    roster_record_id INTEGER PRIMARY KEY REFERENCES roster_record(id),
    true_person      INTEGER NOT NULL,
    noise            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX demo_identity_by_person ON demo_identity(true_person);
