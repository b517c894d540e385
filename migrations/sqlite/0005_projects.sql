-- The project of a project group (local or remote: a remote group's project is what its
-- actor document carried), coordinators' featured remote projects. Keep in step with
-- migrations/postgres/0005_projects.sql.
--
-- Lists of one project live in its row: `focus_areas` and `tags` are written ",a,b," (so a
-- filter is one LIKE), `partners`, `funders` and `measures` are JSON arrays, and
-- `partner_search` is the partners' names and references in lower case, one per line, for
-- the directory's partner filter. Dates are ISO days (YYYY-MM-DD).
CREATE TABLE projects (
    group_id       INTEGER PRIMARY KEY NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    summary        TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,
    start_date     TEXT,
    end_date       TEXT,
    focus_areas    TEXT NOT NULL DEFAULT '',
    tags           TEXT NOT NULL DEFAULT '',
    region         TEXT NOT NULL DEFAULT '',
    partners       TEXT NOT NULL DEFAULT '[]',
    partner_search TEXT NOT NULL DEFAULT '',
    funders        TEXT NOT NULL DEFAULT '[]',
    website        TEXT NOT NULL DEFAULT '',
    contact        TEXT NOT NULL DEFAULT '',
    measures       TEXT NOT NULL DEFAULT '[]',
    updated_at     INTEGER NOT NULL
);
CREATE INDEX projects_status ON projects (status);

-- Remote project groups a coordinator put into the local project directory.
CREATE TABLE featured_projects (
    group_id    INTEGER PRIMARY KEY NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    featured_by INTEGER REFERENCES actors (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL
);
