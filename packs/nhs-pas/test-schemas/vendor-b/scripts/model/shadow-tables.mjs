// Look-alike copies of live tables, as a real vendor-b database carries them: trigger-written audit tables
// (aud*), row-version history (hst*), archived older activity (arc*) and a forgotten backup (zz*_bak*).
// Same column names and descriptions as the live table; out of scope; they feed no LOAD table.

const stem = (name) => name.replace(/^tbl/, '');

const auditOf = [
  'tblPatient',
  'tblPatAddrHist',
  'tblRelatedPerson',
  'tblPatGP',
  'tblPatientWarning',
  'tblPathway',
  'tblReferral',
  'tblRTTClock',
  'tblAppointment',
  'tblWLEntry',
  'tblAdmissionOffer',
  'tblSpell',
  'tblFCE',
  'tblBedMove',
  'tblMHALegalStatus',
];
const historyOf = ['tblPatient', 'tblReferral', 'tblWLEntry', 'tblSpell'];
const archiveOf = ['tblReferral', 'tblAppointment', 'tblSpell', 'tblFCE', 'tblFCEDiag', 'tblFCEOper'];
const backupOf = [['tblPatient', 'zzPatient_bak2016']];

/** Copies of `live` columns: no key, no targets, all nullable (the copies have no constraints). */
function copyColumns(live) {
  return live.columns.map((c) => ({ ...c, primaryKey: false, nullable: true, references: '', targets: [] }));
}

function column(name, dataType, description, maxLength) {
  return {
    name,
    dataType,
    maxLength,
    nullable: false,
    primaryKey: false,
    references: '',
    description,
    codeType: '',
    targets: [],
  };
}

/** The shadow tables of the expanded live tables (by name). */
export function shadowTables(liveByName) {
  const live = (name) => {
    const t = liveByName.get(name);
    if (!t) throw new Error(`shadow of unknown table ${name}`);
    return t;
  };
  const out = [];
  for (const name of auditOf) {
    out.push({
      name: `aud${stem(name)}`,
      target: null,
      inScope: false,
      columns: [
        { ...column('AuditID', 'integer', 'Audit row key'), primaryKey: true },
        column('AuditAction', 'string', 'I insert, U update, D delete', 1),
        column('AuditDtTm', 'datetime', 'When the change was made'),
        column('AuditUser', 'string', 'Who made the change', 30),
        column('AuditWorkstation', 'string', '', 30),
        ...copyColumns(live(name)),
      ],
    });
  }
  for (const name of historyOf) {
    out.push({
      name: `hst${stem(name)}`,
      target: null,
      inScope: false,
      columns: [
        { ...column('HistID', 'integer', ''), primaryKey: true },
        column('VersionFrom', 'datetime', 'Row version valid from'),
        column('VersionTo', 'datetime', 'Row version valid to'),
        ...copyColumns(live(name)),
      ],
    });
  }
  for (const name of archiveOf) {
    out.push({
      name: `arc${stem(name)}`,
      target: null,
      inScope: false,
      columns: [...copyColumns(live(name)), column('ArchivedOn', 'datetime', 'Date moved to the archive')],
    });
  }
  for (const [name, copy] of backupOf) {
    out.push({ name: copy, target: null, inScope: false, columns: copyColumns(live(name)) });
  }
  return out;
}
