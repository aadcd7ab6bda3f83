// The master patient index of the vendor-b PAS. Children carry only the integer PatientID (the hospital
// number is not copied onto them, except on case-note volumes). Coded demographics are either local codes
// or integer keys of tlkp lookup tables. Phone numbers live on the patient row (there is no contacts table).

export const pmiTables = [
  {
    name: 'tblPatient',
    target: 'LOAD_PMI',
    audit: 'created',
    columns: `
PatientID | int* | | Internal patient key | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientIdentifier | str12! | | Hospital number (case record number printed on wristbands and letters) | | MAIN_CRN
NHSNumber | str10 | | | | NHS_NUMBER
NHSNoStatus | code2 | | Tracing status of the NHS number | NNSTAT | NHS_NUMBER_STATUS
Surname | str35! | | | | SURNAME
Forename | str35! | | | | FORENAME
OtherForenames | str35 | | | | MIDDLE_NAMES
Title | str10 | | | | TITLE
KnownAs | str35 | | Name the patient likes to be called | | PREFERRED_NAME
DateOfBirth | dt! | | | | DATE_OF_BIRTH
TimeOfBirth | str5 | | HH:MM, babies born here | | BIRTH_TIME
SexCode | code1! | | M, F, U unknown, I indeterminate | SEX | SEX
EthnicOriginID | int | tlkpEthnicOrigin.EthnicOriginID | | | ETHNIC_CATEGORY
MaritalStatusID | int | tlkpMaritalStatus.MaritalStatusID | | | MARITAL_STATUS
ReligionDesc | str30 | | Religion as stated | | RELIGION
FirstLanguage | str30 | | Main spoken language | | PREFERRED_LANGUAGE
InterpReqd | bool | | | | INTERPRETER_REQUIRED
Occupation | str50 | | | | OCCUPATION
PlaceOfBirth | str50 | | Town or country of birth | | BIRTH_PLACE
Deceased | bool | | Patient has died | |
DateOfDeath | dt | | | | DATE_OF_DEATH
RegGPPractice | str6 | | Registered GP practice (ODS code) | | GP_PRACTICE_CODE
RegGP | str8 | | Registered GP (national G code) | | GP_CODE
CCGCode | str5 | | Responsible commissioner (CCG, now ICB) | | COMMISSIONER_CODE
SensitiveFlag | bool | | PDS sensitive record: address and GP withheld | | RESTRICTED_FLAG
VIP | bool | | Access to this record is audited | | VIP_FLAG
HomeTel | str20 | | | | HOME_PHONE
MobileTel | str20 | | | | MOBILE_PHONE
WorkTel | str20 | | Daytime number | | WORK_PHONE
EmailAddr | str100 | | | | EMAIL
OSVStatus | str2 | | Overseas visitor charging status | | OVERSEAS_STATUS
XRef1 | str10 | | School code (children's records) | | SCHOOL_CODE
PDSLastTraced | dt | | Last successful PDS trace | | LAST_TRACED_DATE
DateRegistered | dt | | Date the patient was first registered at the trust | | REGISTRATION_DATE
CurrAddr1 | str50 | | Current address line 1 (copy of the current home address) | |
CurrAddr2 | str50 | | Current address line 2 | |
CurrAddr3 | str50 | | Current address line 3 | |
CurrAddr4 | str50 | | Current address line 4 | |
CurrPostcode | str8 | | Current postcode | |
MothersPatientID | int | | Mother (babies born here) | |
LastAttendance | dt | | Date of the latest attendance or admission | |
RecordStatus | str1 | | A active, D deleted, M merged | |
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblPatientDeath',
    target: null,
    audit: 'created',
    columns: `
PatientDeathID | int* | | | |
PatientID | int! | tblPatient.PatientID | | |
DeathPlace | str60 | | Place of death | |
DeathPlaceType | str2 | | Hospital, home, hospice, other | |
CauseText | str100 | | Cause of death as recorded | |
NotifiedBy | str50 | | | |
NotifiedOn | dt | | | |
`,
  },
  {
    name: 'tblPatientAltID',
    target: 'LOAD_PMIIDS',
    audit: 'created',
    columns: `
AltIDKey | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
IDType | str10! | | AE A&E number, OLDHN previous hospital number, RAD radiology number, NHSOLD superseded NHS number | | ID_TYPE
IDNumber | str30! | | | | ID_VALUE
IssuedBy | str10 | | Organisation that issued the number | | ISSUING_ORG
IsPreferred | bool | | Preferred number of its type | | PRIMARY_FLAG
ValidFrom | dt | | | | START_DATE
ValidTo | dt | | | | END_DATE
Comment | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblPatientAlias',
    target: 'LOAD_PMIALIASES',
    audit: 'created',
    columns: `
AliasID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
AliasType | str10! | | PREV previous name, MAIDEN, AKA also known as, BABY baby name | | ALIAS_TYPE
AliasSurname | str35! | | | | SURNAME
AliasForename | str35 | | | | FORENAME
AliasMiddle | str35 | | | | MIDDLE_NAMES
AliasTitle | str10 | | | | TITLE
AliasDOB | dt | | Date of birth recorded with the alias | | ALIAS_DATE_OF_BIRTH
AliasSex | str1 | | | | ALIAS_SEX
UsedFrom | dt | | | | START_DATE
UsedTo | dt | | | | END_DATE
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblPatAddrHist',
    target: 'LOAD_PMIADDRS',
    audit: 'created',
    columns: `
PatAddrHistID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
AddrType | str4! | | H home, T temporary, C correspondence | | ADDRESS_TYPE
AddrLine1 | str50! | | | | ADDRESS_LINE1
AddrLine2 | str50 | | | | ADDRESS_LINE2
AddrLine3 | str50 | | | | ADDRESS_LINE3
AddrLine4 | str50 | | | | ADDRESS_LINE4
AddrLine5 | str50 | | | | ADDRESS_LINE5
PCode | str8 | | | | POSTCODE
CountryCd | str3 | | Country (overseas addresses) | | COUNTRY_CODE
DateFrom | dt | | Date moved in | | START_DATE
DateTo | dt | | Date moved out | | END_DATE
IsCurrent | bool | | | | CURRENT_FLAG
DoNotDisclose | bool | | Address must not be given out | | CONFIDENTIAL_FLAG
PAFRef | str10 | | Royal Mail PAF key | | PAF_KEY
UPRN | str12 | | | | UPRN
PCTOfResidence | str5 | | ODS code of the PCT (now ICB) of residence | | RESIDENCE_ORG_CODE
`,
  },
  {
    name: 'tblRelatedPerson',
    target: 'LOAD_PMINOK',
    audit: 'created',
    columns: `
RelPersonID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
RoleCode | str6! | | NOK next of kin, EMERG emergency contact, CARER, GUARD guardian | | NOK_TYPE
RelationshipToPatient | str20 | | Mother, Husband, Son, Friend, ... | | RELATIONSHIP
FamilyName | str35! | | | | SURNAME
GivenName | str35 | | | | FORENAME
Title | str10 | | | | TITLE
AddressLine1 | str50 | | | | ADDRESS_LINE1
AddressLine2 | str50 | | | | ADDRESS_LINE2
AddressLine3 | str50 | | | | ADDRESS_LINE3
AddressLine4 | str50 | | | | ADDRESS_LINE4
Postcode | str8 | | | | POSTCODE
HomePhoneNo | str20 | | | | HOME_PHONE
MobilePhoneNo | str20 | | | | MOBILE_PHONE
WorkPhoneNo | str20 | | | | WORK_PHONE
Email | str100 | | | | EMAIL
HasParentalResp | bool | | Holds parental responsibility | | PARENTAL_RESPONSIBILITY
EffFrom | dt | | | | START_DATE
EffTo | dt | | | | END_DATE
Comments | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblPatGP',
    target: 'LOAD_PMIGPAUDIT',
    audit: 'created',
    columns: `
PatGPID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
PracticeCode | str6! | | ODS practice code (V81997 none, V81999 not known) | | GP_PRACTICE_CODE
GPNatCode | str8 | | | | GP_CODE
GPFullName | str60 | | | | GP_NAME
PracticeName | str80 | | | | PRACTICE_NAME
PracticePostcode | str8 | | | | PRACTICE_POSTCODE
RegFrom | dt | | | | START_DATE
RegTo | dt | | | | END_DATE
CurrentGP | bool | | | | CURRENT_FLAG
Source | str10 | | PDS or LOCAL | | REGISTRATION_SOURCE
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblAllergyIntolerance',
    target: 'LOAD_PMIALLERGIES',
    audit: 'created',
    columns: `
AllergyID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
AllergenCode | str20 | | Local allergen code | | ALLERGEN_CODE
Allergen | str100! | | | | ALLERGEN_DESCRIPTION
AllergyCategory | str10 | | DRUG, FOOD, ENV, OTH | | ALLERGY_TYPE
ReactionDesc | str100 | | | | REACTION
Severity | str10 | | MILD, MOD, SEV | | SEVERITY
Certainty | str10 | | Confirmed or suspected | | CERTAINTY
SCTConceptID | str18 | | SNOMED CT concept id | | SNOMED_CODE
DateRecorded | dt | | | | RECORDED_DATE
RecordedByUser | str30 | | | | RECORDED_BY
DateInactive | dt | | | | END_DATE
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblPatientWarning',
    target: 'LOAD_PMIALERTS',
    audit: 'created',
    columns: `
WarningID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
WarningType | str10! | | INF infection, SAFE safeguarding, VIOL violence, LD learning disability, DNAR, OTH | | ALERT_TYPE
WarningCode | str10 | | | | ALERT_CODE
WarningText | str255! | | | | ALERT_TEXT
StartDate | dt! | | | | START_DATE
EndDate | dt | | | | END_DATE
ReviewDue | dt | | | | REVIEW_DATE
SeverityLevel | str10 | | | | SEVERITY
StaffRisk | bool | | Risk to staff | | STAFF_WARNING_FLAG
EnteredBy | str30 | | | | RECORDED_BY
Deleted | bool | | Entered in error | |
Comments | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblCaseNoteVolume',
    target: 'LOAD_CASENOTELOCS',
    audit: 'added',
    columns: `
VolumeID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | | | | LOADPMI_RECORD_NUMBER
HospitalNo | str12 | | Hospital number of the patient | | MAIN_CRN
CaseNoteNo | str20! | | Folder number | | CASENOTE_NUMBER
VolNo | int | | | | VOLUME_NUMBER
FolderType | str10 | | MAIN, XRAY, MH | | CASENOTE_TYPE
CurrentLocCode | str20! | | Where the folder is now | | CURRENT_LOCATION
LocatedSince | dt | | | | LOCATION_DTTM
HomeLib | str20 | | Owning library | | HOME_LOCATION
BorrowedBy | str35 | | | | BORROWER
ReturnDue | dt | | | | EXPECTED_RETURN_DATE
VolStatus | str1 | | A active, C closed, M missing, D destroyed | | CASENOTE_STATUS
DestroyedOn | dt | | | | DESTROYED_DATE
Remarks | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblPatientMerge',
    target: 'LOAD_PMI_MERGES',
    audit: 'none',
    columns: `
MergeID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
RetainedPatientID | int! | tblPatient.PatientID | Patient record kept | | LOADPMI_RECORD_NUMBER
RetiredPatientID | int! | | Internal key of the record merged away | | MINOR_EXTERNAL_ID
RetiredHospNo | str12! | | Hospital number of the record merged away | | MINOR_CRN
OldNN | str10 | | | | MINOR_NHS_NUMBER
RetiredSurname | str35 | | | | MINOR_SURNAME
RetiredForename | str35 | | | | MINOR_FORENAME
RetiredDOB | dt | | | | MINOR_DATE_OF_BIRTH
MergedOn | dt! | | | | MERGE_DTTM
MergedBy | str30 | | | | MERGED_BY
MergeReason | str100 | | | | MERGE_REASON
Reversed | bool | | Merge undone | | UNMERGED_FLAG
Notes | str255 | | | | COMMENTS
`,
  },
];
