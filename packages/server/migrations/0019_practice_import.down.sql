-- ferry:destroys practice-records practice_records
DROP TABLE practice_import_rejects;
DROP TABLE practice_records;
DROP TABLE practice_import_jobs;
