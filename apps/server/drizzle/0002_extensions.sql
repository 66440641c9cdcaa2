-- Trigram matching for name search (partner directory, conflict checks). Ships with PostgreSQL's
-- contrib (Debian: postgresql-contrib) and with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
