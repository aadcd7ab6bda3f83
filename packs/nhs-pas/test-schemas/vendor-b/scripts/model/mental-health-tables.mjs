// Mental Health Act module of the vendor-b PAS: legal status (detention) periods, section changes and
// hospital transfers, tribunal and managers' hearings, section 17 leave. CPA is held in the community
// mental health system, not in this PAS. Ins/Upd audit columns.

export const mentalHealthTables = [
  {
    name: 'tblMHALegalStatus',
    target: 'LOAD_MH_DETENTIONS',
    audit: 'ins',
    columns: `
LegalStatusID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
SpellID | int | | Admission during the detention | | LOADADM_RECORD_NUMBER
SectionCode | code2! | | Section of the Act | MHSECT | MHA_SECTION
SectionStart | dt! | | | | START_DTTM
SectionExpiry | dt | | | | EXPIRY_DTTM
SectionEnd | dt | | | | END_DTTM
EndReason | str60 | | | | END_REASON
RenewedOn | date | | | | RENEWAL_DATE
T2T3Date | date | | | | CONSENT_TO_TREATMENT_DATE
RCCode | str10 | | | | RESPONSIBLE_CLINICIAN
AMHP | str60 | | | | AMHP_NAME
HospitalCode | str6 | | | | SITE_CODE
WardCode | str8 | | | | WARD_CODE
LSStatus | str1 | | A active, E ended | | DETENTION_STATUS
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblMHASectionChange',
    target: 'LOAD_MH_TRANSFERS',
    audit: 'ins',
    columns: `
ChangeID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
LegalStatusID | int! | tblMHALegalStatus.LegalStatusID | | | LOADDET_RECORD_NUMBER
ChangeDate | date! | | | | TRANSFER_DATE
ChangeType | str4! | | SECT change of section, HOSP transfer between hospitals | | TRANSFER_TYPE
PrevSection | code2 | | | MHSECT | FROM_SECTION
NewSection | code2 | | | MHSECT | TO_SECTION
FromProvider | str6 | | ODS code | | FROM_ORG_CODE
ToProvider | str6 | | ODS code | | TO_ORG_CODE
AuthorisedBy | str35 | | | | AUTHORISED_BY
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblMHAHearing',
    target: 'LOAD_MH_TRIBUNALS',
    audit: 'ins',
    columns: `
HearingID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
LegalStatusID | int! | tblMHALegalStatus.LegalStatusID | | | LOADDET_RECORD_NUMBER
HearingType | str10! | | MHRT tribunal, MGR hospital managers | | TRIBUNAL_TYPE
AppliedOn | date! | | | | APPLICATION_DATE
Applicant | str10 | | PAT, NR nearest relative, REF | | APPLIED_BY
HearingDate | date | | | | HEARING_DATE
Result | str10 | | DISCH, UPHELD, ADJ adjourned, WDRAWN withdrawn | | OUTCOME
ResultDate | date | | | | OUTCOME_DATE
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblMHALeave',
    target: null,
    audit: 'ins',
    columns: `
LeaveID | int* | | Section 17 leave | |
PatientID | int! | tblPatient.PatientID | | |
LegalStatusID | int! | tblMHALegalStatus.LegalStatusID | | |
LeaveStart | dt! | | | |
LeaveEnd | dt | | | |
Escorted | bool | | | |
Conditions | str255 | | | |
GrantedBy | str10 | | | |
`,
  },
];
