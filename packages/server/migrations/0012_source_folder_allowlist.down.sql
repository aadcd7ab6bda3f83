DROP TABLE source_folder_allowlist;
