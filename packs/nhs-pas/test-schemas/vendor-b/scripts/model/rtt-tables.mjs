// Referrals and 18-week RTT in the vendor-b PAS. Newer module: date columns, Created/Modified audit.
// A clock row is one RTT period; an activity row is one RTT event.

export const rttTables = [
  {
    name: 'tblPathway',
    target: 'LOAD_RTT_PATHWAYS',
    audit: 'created',
    columns: `
PathwayID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
PPI | str20! | | Patient pathway identifier | | PATIENT_PATHWAY_ID
PPIOrg | str5 | | ODS code of the PPI issuer | | PPI_ISSUER_CODE
UBRN | str12 | | | | UBRN
PathwayStart | date! | | | | PATHWAY_START_DATE
PathwayEnd | date | | | | PATHWAY_END_DATE
LatestRTTStatus | code2 | | Most recent RTT status on the pathway | RTTST | CURRENT_RTT_STATUS
IsRTT | bool | | 18-week pathway (false for non-RTT) | | RTT_FLAG
TFC | str3 | | | | TREATMENT_FUNCTION
ResponsibleCons | str10 | | Consultant code | | CONSULTANT_CODE
PathwayStatus | str1 | | O open, C closed | | PATHWAY_STATUS
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblReferral',
    target: 'LOAD_REFERRALS',
    audit: 'created',
    columns: `
ReferralID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
PathwayID | int | tblPathway.PathwayID | Blank for non-RTT referrals | | LOADPATH_RECORD_NUMBER
ReferralDate | date | | Date of the referral letter | | REFERRAL_DATE
DateReceived | date! | | | | RECEIVED_DATE
RefSourceCode | code2 | | Who referred (GP, consultant, A&E, self ...) | REFSRC | REFERRAL_SOURCE
ReferrerCode | str8 | | National code of the referring GP or consultant | | REFERRER_CODE
ReferrerOrg | str6 | | ODS code of the referring practice or trust | | REFERRER_ORG_CODE
Urgency | code1 | | R routine, U urgent, C cancer two-week wait | URG | PRIORITY
SpecCode | str5! | | Specialty referred to | | TREATMENT_FUNCTION
ConsCode | str10 | | Consultant referred to | | CONSULTANT_CODE
HospitalCode | str6 | | | | SITE_CODE
TeamCode | str10 | | | | TEAM_CODE
RefType | str10 | | OP, IP, DIAG | | REFERRAL_TYPE
ReasonForReferral | str255 | | | | REFERRAL_REASON
PatCategory | code2 | | NHS or private | PATCAT | ADMIN_CATEGORY
UBRN | str12 | | e-Referral booking reference | | UBRN
RefStatus | str1 | | O open, C closed, X cancelled | | REFERRAL_STATUS
OutcomeCode | str10 | | | | OUTCOME_CODE
ClosedDate | date | | | | DISCHARGE_DATE
ClosureReason | str60 | | | | DISCHARGE_REASON
TriagedOn | date | | Date the consultant triaged the letter | | TRIAGE_DATE
WaitResetDt | date | | Wait start override | | WAIT_RESET_DATE
LetterScanRef | str20 | | Document management reference | |
Deleted | bool | | Entered in error | |
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblRTTClock',
    target: 'LOAD_RTT_PERIODS',
    audit: 'created',
    columns: `
ClockID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
PathwayID | int! | tblPathway.PathwayID | | | LOADPATH_RECORD_NUMBER
ReferralID | int | tblReferral.ReferralID | Referral that started the clock | | LOADREF_RECORD_NUMBER
ClockStart | date! | | | | CLOCK_START_DATE
ClockStop | date | | | | CLOCK_STOP_DATE
StartStatus | code2 | | | RTTST | START_RTT_STATUS
StopStatus | code2 | | | RTTST | STOP_RTT_STATUS
TFC | str3 | | | | TREATMENT_FUNCTION
ConsCode | str10 | | | | CONSULTANT_CODE
AdjDays | int | | Days removed from the wait (pauses) | | PAUSE_DAYS
ClockState | str1 | | O running, C stopped | | PERIOD_STATUS
BreachDt | date | | 18-week breach date | | BREACH_DATE
WeeksWaited | int | | At last calculation | |
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblRTTActivity',
    target: 'LOAD_RTT_EVENTS',
    audit: 'created',
    columns: `
ActivityID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
PathwayID | int! | tblPathway.PathwayID | | | LOADPATH_RECORD_NUMBER
ClockID | int! | tblRTTClock.ClockID | | | LOADPER_RECORD_NUMBER
ActivityDate | date! | | | | EVENT_DATE
RTTStatusCode | code2! | | | RTTST | RTT_STATUS
ClockAction | str10 | | START, STOP, BOTH or blank | | RTT_ACTION
SourceType | str4 | | REF, OPA, IPWL, TCI, ADM | | EVENT_SOURCE_TYPE
SourceKey | str30 | | Key of the referral, appointment, list entry, offer or spell | | EVENT_SOURCE_ID
ConsCode | str10 | | | | CONSULTANT_CODE
TFC | str3 | | | | TREATMENT_FUNCTION
Notes | str255 | | | | COMMENTS
`,
  },
];
