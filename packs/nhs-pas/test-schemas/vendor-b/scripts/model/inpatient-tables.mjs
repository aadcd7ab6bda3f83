// Elective waiting list, ADT and clinical coding in the vendor-b PAS. The ADT module uses Added/Amended
// audit columns and the coding module Ins/Upd; FCE = finished consultant episode, "Oper" = operation.
// Some parent keys are not declared as foreign keys (the ADT module predates them).

export const inpatientTables = [
  {
    name: 'tblWLEntry',
    target: 'LOAD_IPWL',
    audit: 'created',
    columns: `
WLEntryID | int* | | Elective waiting list entry | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
ReferralID | int | tblReferral.ReferralID | | | LOADREF_RECORD_NUMBER
DTADate | dt! | | Decision to admit | | DECISION_TO_ADMIT_DATE
DateListed | dt! | | | | WL_DATE
IntMgmt | code1! | | | INTMAN | INTENDED_MANAGEMENT
ElectiveType | code2! | | WL waiting list, BK booked, PL planned | ELTYPE | ELECTIVE_ADMISSION_TYPE
Urgency | code1 | | | URG | PRIORITY
SpecCode | str5! | | | | TREATMENT_FUNCTION
ConsCode | str10! | | | | CONSULTANT_CODE
HospitalCode | str6 | | | | SITE_CODE
IntendedWard | str8 | | | | WARD_CODE
PlannedOPCS | str7 | | Intended procedure (OPCS-4) | | PLANNED_PROCEDURE
ProcedureText | str100 | | | | PLANNED_PROCEDURE_TEXT
PatCategory | code2 | | | PATCAT | ADMIN_CATEGORY
AnaesType | str4 | | GA, LA, SED, REG | | ANAESTHETIC_TYPE
ExpLOS | int | | Expected stay (days) | | EXPECTED_LOS
WLStatus | str1! | | W waiting, D deferred, L linked, A admitted, N not fit, C closed | | LIST_STATUS
GuaranteedDate | dt | | | | GUARANTEED_ADMISSION_DATE
ReviewDt | dt | | | | REVIEW_DATE
RemovedOn | dt | | | | REMOVAL_DATE
RemovalReasonDesc | str60 | | | | REMOVAL_REASON
WaitResetDt | dt | | | | WAIT_RESET_DATE
TheatreMins | int | | Estimated theatre time | |
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblWLDeferral',
    target: 'LOAD_IPWL_SUSPENSIONS',
    audit: 'created',
    columns: `
DeferralID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
WLEntryID | int! | tblWLEntry.WLEntryID | | | LOADIPWL_RECORD_NUMBER
DeferredFrom | dt! | | | | SUSPENSION_START_DATE
DeferredUntil | dt | | | | SUSPENSION_END_DATE
DeferralType | str4 | | MED medical, SOC social (patient choice) | | SUSPENSION_TYPE
DeferralReason | str60 | | | | SUSPENSION_REASON
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblAdmissionOffer',
    target: 'LOAD_IPWL_TCIS',
    audit: 'created',
    columns: `
OfferID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
WLEntryID | int! | tblWLEntry.WLEntryID | | | LOADIPWL_RECORD_NUMBER
DateOffered | dt | | | | OFFER_DATE
TCIDate | dt! | | To come in | | TCI_DATE
TCITime | str5 | | | | TCI_TIME
DateAgreed | dt | | | | AGREED_DATE
PreAssessDate | dt | | Pre-assessment clinic date | | PRE_OP_DATE
HospitalCode | str6 | | | | SITE_CODE
WardCode | str8 | | | | WARD_CODE
OfferStatus | str1! | | B booked, A admitted, C cancelled, D DNA | | TCI_STATUS
OfferOutcome | str10 | | | | TCI_OUTCOME
CancDt | dt | | | | CANCEL_DATE
CancReason | str60 | | | | CANCEL_REASON
CancBy | str1 | | P patient, H hospital | | CANCELLED_BY
Reasonable | bool | | Reasonable offer (3 weeks notice, 2 dates) | | REASONABLE_OFFER_FLAG
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblSpell',
    target: 'LOAD_ADT_ADMISSIONS',
    audit: 'added',
    columns: `
SpellID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | | | | LOADPMI_RECORD_NUMBER
WLEntryID | int | | Elective list entry the patient came from | | LOADIPWL_RECORD_NUMBER
ProviderSpellNo | str12! | | | | SPELL_NUMBER
AdmitDtTm | dt! | | | | ADMISSION_DTTM
AdmMethod | code2! | | | ADMMTH | ADMISSION_METHOD
AdmSource | code2 | | | ADMSRC | ADMISSION_SOURCE
PatClass | code1 | | | PCLASS | PATIENT_CLASSIFICATION
AdminCat | code2 | | | PATCAT | ADMIN_CATEGORY
IntMgmt | code1 | | | INTMAN | INTENDED_MANAGEMENT
DTADate | dt | | | | DECISION_TO_ADMIT_DATE
AdmCons | str10! | | | | ADMITTING_CONSULTANT
AdmSpec | str5 | | | | TREATMENT_FUNCTION
HospitalCode | str6! | | | | SITE_CODE
AdmWard | str8 | | | | ADMISSION_WARD
ReferrerCode | str8 | | | | REFERRER_CODE
ReferrerOrg | str6 | | | | REFERRER_ORG_CODE
EDD | dt | | | | EXPECTED_DISCHARGE_DATE
MFFDDate | dt | | | | MEDICALLY_FIT_DATE
DischDtTm | dt | | | | DISCHARGE_DTTM
DischMethod | code1 | | | DISMTH | DISCHARGE_METHOD
DischDest | code2 | | | DISDST | DISCHARGE_DESTINATION
DischWard | str8 | | | | DISCHARGE_WARD
RTTClockAction | str10 | | | | RTT_ACTION
RTTStatus | code2 | | | RTTST | RTT_STATUS
LOS | int | | Length of stay in days | |
HRG | str5 | | Spell HRG (grouper output) | |
Deleted | bool | | Entered in error | |
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblFCE',
    target: 'LOAD_ADT_EPISODES',
    audit: 'added',
    columns: `
FCEID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | | | | LOADPMI_RECORD_NUMBER
SpellID | int! | | | | LOADADM_RECORD_NUMBER
EpiNo | int! | | Order in the spell | | EPISODE_NUMBER
EpiStartDtTm | dt! | | | | EPISODE_START_DTTM
EpiEndDtTm | dt | | | | EPISODE_END_DTTM
ConsCode | str10! | | | | CONSULTANT_CODE
ConsMainSpec | str3 | | | | MAIN_SPECIALTY
SpecCode | str5! | | | | TREATMENT_FUNCTION
HospitalCode | str6 | | | | SITE_CODE
TeamCode | str10 | | | | TEAM_CODE
LastInSpell | bool | | | | LAST_EPISODE_FLAG
CodingState | str1 | | C complete, U not coded, P part coded | | CODING_STATUS
HRG | str5 | | Episode HRG | |
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblBedMove',
    target: 'LOAD_ADT_WARDSTAYS',
    audit: 'added',
    columns: `
MoveID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | | | | LOADPMI_RECORD_NUMBER
SpellID | int! | | | | LOADADM_RECORD_NUMBER
FCEID | int! | | | | LOADEPI_RECORD_NUMBER
WardCode | str8! | | | | WARD_CODE
HospitalCode | str6 | | | | SITE_CODE
BedNo | str10 | | Bed / bay | | BED_NUMBER
MoveInDtTm | dt! | | | | START_DTTM
MoveOutDtTm | dt | | | | END_DTTM
OnLeave | bool | | Home leave | | LEAVE_FLAG
AWOL | bool | | Absent without leave | | AWOL_FLAG
MoveReason | str60 | | | | TRANSFER_REASON
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblFCEDiag',
    target: 'LOAD_CODING_DIAGNOSES',
    audit: 'ins',
    columns: `
FCEDiagID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | | | | LOADPMI_RECORD_NUMBER
FCEID | int! | tblFCE.FCEID | | | LOADEPI_RECORD_NUMBER
ICD10 | str6! | | | | DIAGNOSIS_CODE
DiagSeq | int! | | | | SEQUENCE_NUMBER
IsPrimary | bool | | | | PRIMARY_FLAG
DiagText | str100 | | | | DIAGNOSIS_DESCRIPTION
POA | bool | | | | PRESENT_ON_ADMISSION
ICDEdition | str10 | | | | CODE_VERSION
CodedBy | str30 | | | | CODED_BY
CodedDate | dt | | | | CODED_DATE
`,
  },
  {
    name: 'tblFCEOper',
    target: 'LOAD_CODING_PROCEDURES',
    audit: 'ins',
    columns: `
FCEOperID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | | | | LOADPMI_RECORD_NUMBER
FCEID | int! | tblFCE.FCEID | | | LOADEPI_RECORD_NUMBER
OPCS4 | str5! | | | | PROCEDURE_CODE
OperSeq | int! | | | | SEQUENCE_NUMBER
OperDate | dt | | | | PROCEDURE_DATE
OperText | str100 | | | | PROCEDURE_DESCRIPTION
SurgeonCode | str10 | | Main operator | | OPERATOR_CODE
AnaesthetistCode | str10 | | | | ANAESTHETIST_CODE
Side | str1 | | L, R, B | | LATERALITY
CodedBy | str30 | | | | CODED_BY
CodedDate | dt | | | | CODED_DATE
`,
  },
];
