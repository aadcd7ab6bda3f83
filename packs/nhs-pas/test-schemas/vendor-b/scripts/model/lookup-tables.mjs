// Lookup (tlkp) tables of the vendor-b PAS: the local code lists behind the coded columns, with the national
// code each maps to where the vendor holds one. In scope (the crosswalks are built from them) but no LOAD
// table is fed from them. A few demographic lists are keyed by an integer id, the rest by the local code.

/** [table, description of the list, keyed by id?] */
const codeLists = [
  ['tlkpEthnicOrigin', 'Ethnic origin', true],
  ['tlkpMaritalStatus', 'Marital status', true],
  ['tlkpReligion', 'Religion', true],
  ['tlkpLanguage', 'Spoken language', true],
  ['tlkpSex', 'Sex', false],
  ['tlkpNNStatus', 'NHS number tracing status', false],
  ['tlkpRefSource', 'Referral source', false],
  ['tlkpUrgency', 'Urgency', false],
  ['tlkpPatCategory', 'Patient category (NHS, private, amenity)', false],
  ['tlkpRTTStatus', 'RTT status', false],
  ['tlkpVisitType', 'Outpatient visit type', false],
  ['tlkpAttendCode', 'Attendance', false],
  ['tlkpOutcome', 'Attendance outcome', false],
  ['tlkpIntMgmt', 'Intended management', false],
  ['tlkpElectiveType', 'Elective admission type', false],
  ['tlkpAdmMethod', 'Admission method', false],
  ['tlkpAdmSource', 'Admission source', false],
  ['tlkpPatClass', 'Patient classification', false],
  ['tlkpDischMethod', 'Discharge method', false],
  ['tlkpDischDest', 'Discharge destination', false],
  ['tlkpMHASection', 'Mental Health Act section', false],
  ['tlkpCancReason', 'Cancellation reason', false],
  ['tlkpRemovalReason', 'Waiting list removal reason', false],
  ['tlkpWarningType', 'Patient warning type', false],
];

function codeListTable([name, what, byId]) {
  const stem = name.slice('tlkp'.length);
  const key = byId
    ? `${stem}ID | int* | | | |\n${stem}Code | str6! | | Local code | |`
    : `${stem}Code | str6* | | ${what} code | |`;
  return {
    name,
    target: null,
    audit: 'none',
    columns: `
${key}
${stem}Desc | str60! | | | |
NationalCode | str3 | | Equivalent national code | |
SortOrder | int | | | |
Active | bool! | | | |
`,
  };
}

export const lookupTables = [
  ...codeLists.map(codeListTable),
  {
    name: 'tlkpCaseNoteLocation',
    target: null,
    audit: 'none',
    columns: `
LocCode | str20* | | | |
LocName | str60! | | | |
HospitalCode | str6 | | | |
LocType | str4 | | LIB library, WARD, CLIN, OFF office | |
Active | bool! | | | |
`,
  },
  {
    name: 'tlkpTeam',
    target: null,
    audit: 'none',
    columns: `
TeamCode | str10* | | | |
TeamName | str60! | | | |
SpecCode | str5 | | | |
LeadCons | str10 | | | |
Active | bool! | | | |
`,
  },
  {
    name: 'tlkpGPPractice',
    target: null,
    audit: 'none',
    columns: `
PracticeCode | str6* | | ODS code | |
PracticeName | str80! | | | |
Address1 | str50 | | | |
Address2 | str50 | | | |
Address3 | str50 | | | |
Address4 | str50 | | | |
Postcode | str8 | | | |
TelNo | str20 | | | |
CCGCode | str5 | | | |
OpenDate | dt | | | |
CloseDate | dt | | | |
`,
  },
  {
    name: 'tlkpGP',
    target: null,
    audit: 'none',
    columns: `
GPNatCode | str8* | | National G code | |
Surname | str35! | | | |
Initials | str6 | | | |
PracticeCode | str6 | | | |
JoinedPractice | dt | | | |
LeftPractice | dt | | | |
`,
  },
];
