DROP TABLE documents;
DROP TABLE gate_decisions;
DROP TABLE runs;
DROP TABLE contract_versions;
