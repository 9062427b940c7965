-- Checks keep the catalog they apply (matters, measures, memoranda in force and their acceptances,
-- list types) in process memory (ADR 013). Every write to those tables bumps one counter, in the
-- writing transaction; every check reads the counter in the same statement as its subject facts and
-- reloads its copy when the counter moved — so a check never applies a stale catalog, in any process.
CREATE TABLE check_catalog_version (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  version bigint NOT NULL
);
INSERT INTO check_catalog_version (version) VALUES (1);

CREATE FUNCTION bump_check_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE check_catalog_version SET version = version + 1;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['matter', 'measure', 'memorandum', 'memorandum_measure', 'memorandum_acceptance', 'memorandum_list_type', 'list_type'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_check_catalog_version()', t || '_bumps_check_catalog', t);
  END LOOP;
END $$;
