-- Practice imports (optical practice switches): a company (organisation) imports its outgoing system's export through
-- jobs; every imported record is kept with the job, source file and line it came from (for rollback and lineage), and
-- every record that did not import with its reason. All three tables are tenant-owned under forced row-level
-- security, so one company's import, rollback or export never sees another's rows.
CREATE TABLE practice_import_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  -- The pack preset (`optical:optix`) and, when the job was created for one record type, that type (`patients`).
  preset text NOT NULL CHECK (length(preset) BETWEEN 1 AND 200),
  record_type text CHECK (length(record_type) BETWEEN 1 AND 100),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'failed', 'rolled_back')),
  skip_duplicates boolean NOT NULL DEFAULT false,
  continue_on_error boolean NOT NULL DEFAULT false,
  batch_size integer NOT NULL DEFAULT 1000 CHECK (batch_size BETWEEN 1 AND 10000),
  records_read integer NOT NULL DEFAULT 0 CHECK (records_read >= 0),
  records_imported integer NOT NULL DEFAULT 0 CHECK (records_imported >= 0),
  records_skipped integer NOT NULL DEFAULT 0 CHECK (records_skipped >= 0),
  records_rejected integer NOT NULL DEFAULT 0 CHECK (records_rejected >= 0),
  records_out_of_scope integer NOT NULL DEFAULT 0 CHECK (records_out_of_scope >= 0),
  records_removed integer NOT NULL DEFAULT 0 CHECK (records_removed >= 0),
  error text,
  created_by uuid,
  created_by_email text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  rolled_back_at timestamptz,
  UNIQUE (id, organisation_id)
);
CREATE INDEX practice_import_jobs_org ON practice_import_jobs (organisation_id, created_at DESC);

-- A company's records: one per target table and key (the key is unique within a company, so a second import of the
-- same record is a duplicate: skipped or rejected as the job says).
CREATE TABLE practice_records (
  organisation_id uuid NOT NULL,
  record_type text NOT NULL,
  record_key text NOT NULL,
  job_id uuid NOT NULL,
  data jsonb NOT NULL,
  source_file text NOT NULL,
  source_line integer NOT NULL CHECK (source_line >= 1),
  PRIMARY KEY (organisation_id, record_type, record_key),
  FOREIGN KEY (job_id, organisation_id) REFERENCES practice_import_jobs (id, organisation_id) ON DELETE CASCADE
);
CREATE INDEX practice_records_job ON practice_records (job_id);

CREATE TABLE practice_import_rejects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  job_id uuid NOT NULL,
  record_type text NOT NULL,
  record_key text NOT NULL,
  source_file text NOT NULL,
  source_line integer NOT NULL CHECK (source_line >= 1),
  reason_code text NOT NULL,
  field text NOT NULL,
  message text NOT NULL,
  FOREIGN KEY (job_id, organisation_id) REFERENCES practice_import_jobs (id, organisation_id) ON DELETE CASCADE
);
CREATE INDEX practice_import_rejects_job ON practice_import_rejects (job_id, reason_code);

ALTER TABLE practice_import_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE practice_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE practice_import_rejects ENABLE ROW LEVEL SECURITY;
ALTER TABLE practice_import_jobs FORCE ROW LEVEL SECURITY;
ALTER TABLE practice_records FORCE ROW LEVEL SECURITY;
ALTER TABLE practice_import_rejects FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_import_jobs_tenant ON practice_import_jobs
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
CREATE POLICY practice_records_tenant ON practice_records
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
CREATE POLICY practice_import_rejects_tenant ON practice_import_rejects
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));

GRANT SELECT, INSERT, UPDATE ON practice_import_jobs TO ferry_app;
GRANT SELECT, INSERT, DELETE ON practice_records TO ferry_app;
GRANT SELECT, INSERT, DELETE ON practice_import_rejects TO ferry_app;
