// A US-built EHR reporting database deployed at an NHS trust: UPPER_SNAKE names in American vocabulary (MRN,
// ZIP, CITY, STATE, CELL phone, PROV for the clinician, ENC for an encounter, DISP for a discharge), category
// columns carrying a `_C` suffix, `_YN` flags, `_DTTM` date-times, lookup
// tables of category values (ZC_*), a text provider key that other tables refer to, a department master and
// an audit trail of the patient table. The data is
// British (NHS numbers, postcodes in ZIP). Descriptions on about half the columns, in the vendor's words.
// Address lines follow the target pack's own descriptions: ADDRESS_LINE4 is the town, ADDRESS_LINE5 the county.
// Columns: name | type | flags | description | LOAD fields (gold, `+` for several) | value kind

const audit = `
REC_CREATE_USER_ID | string | | User who created the record | CREATE_USER | user
REC_CREATE_DTTM | datetime | | | CREATE_DTTM | date:isodt
REC_UPDATE_USER_ID | string | | | MODIF_USER | user
REC_UPDATE_DTTM | datetime | | Instant of the last update | MODIF_DTTM | date:isodt`;

const patientColumns = `
PAT_ID | integer | pk | Unique patient identifier | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id:9000
PAT_MRN_ID | string | uk | Medical record number | MAIN_CRN | hospno:M
NHS_NUM | string | | | NHS_NUMBER | nhs
NHS_NUM_VERIF_C | string | | Verification status of the NHS number | NHS_NUMBER_STATUS | code:01,02,03
PAT_LAST_NAME | string | | | SURNAME | surname
PAT_FIRST_NAME | string | | | FORENAME | forename
PAT_MIDDLE_NAME | string | | | MIDDLE_NAMES | forename
PAT_TITLE_C | string | | | TITLE | title
PREFERRED_NAME | string | | | PREFERRED_NAME | forename
BIRTH_DATE | date | | | DATE_OF_BIRTH | date:iso:1930:2020
SEX_C | string | | Legal sex | SEX | code:1,2,3
ETHNIC_GROUP_C | string | | | ETHNIC_CATEGORY | code:A,B,C,D,H,J
MARITAL_STATUS_C | string | | | MARITAL_STATUS | code:S,M,D,W
RELIGION_C | string | | | RELIGION | code:1,2,3
LANGUAGE_C | string | | Preferred language | PREFERRED_LANGUAGE | code:ENG,POL,URD
INTRPTR_NEEDED_YN | string | | Does the patient need an interpreter | INTERPRETER_REQUIRED | flag
OCCUPATION | string | | | OCCUPATION | word:Teacher,Driver,Retired
BIRTH_CITY | string | | City of birth | BIRTH_PLACE | town
PAT_STATUS_C | string | | Alive or deceased | | code:1,2
DEATH_DATE | date | | | DATE_OF_DEATH | date:iso:2018:2024
CUR_PCP_PROV_ID | string | | Current primary care provider | GP_CODE | ods:G
PCP_PRACTICE_ID | string | | Practice of the primary care provider | GP_PRACTICE_CODE | ods:B
IS_CONFIDENTIAL_YN | string | | | RESTRICTED_FLAG | flag
VIP_YN | string | | | VIP_FLAG | flag
HOME_PHONE | string | | | HOME_PHONE | phone
CELL_PHONE | string | | | MOBILE_PHONE | mobile
WORK_PHONE | string | | | WORK_PHONE | phone
EMAIL_ADDRESS | string | | | EMAIL | email
SSN | string | | Social security number (not used in the UK) | | empty
REG_DATE | date | | Date the patient was registered | REGISTRATION_DATE | date:iso
PAT_COMMENT | string | | | COMMENTS | text${audit}`;

export default {
  name: 'us-ehr',
  about: 'US-built EHR: American vocabulary, _C category codes, _YN flags, lookup tables, text business keys',
  tables: [
    { name: 'PATIENT', target: 'LOAD_PMI', rows: 150, columns: patientColumns },
    // Audit trail of the patient table: every column plus the change line. Not a source.
    {
      name: 'PATIENT_HX',
      rows: 90,
      noGold: true,
      demotePk: true,
      columns: `HX_LINE | integer | pk | | | id
HX_CHANGE_TYPE_C | string | | | | code:1,2,3
${patientColumns}`,
    },
    {
      name: 'PAT_ADDR_HX',
      target: 'LOAD_PMIADDRS',
      rows: 200,
      columns: `
ADDR_HX_ID | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
PAT_ID | integer | fk=PATIENT.PAT_ID | | LOADPMI_RECORD_NUMBER | fk:9000
ADDR_TYPE_C | string | | Home, temporary or mailing | ADDRESS_TYPE | code:1,2,3
ADDR_LINE_1 | string | | | ADDRESS_LINE1 | street
ADDR_LINE_2 | string | | | ADDRESS_LINE2 | town
CITY | string | | | ADDRESS_LINE4 | town
COUNTY_C | string | | | ADDRESS_LINE5 | county
STATE_C | string | | State or province | | empty
ZIP | string | | ZIP or postal code | POSTCODE | postcode
COUNTRY_C | string | | | COUNTRY_CODE | code:GBR,IRL
EFF_START_DATE | date | | Effective start date | START_DATE | date:iso
EFF_END_DATE | date | | Effective end date | END_DATE | date:iso
ADDR_CONFIDENTIAL_YN | string | | | CONFIDENTIAL_FLAG | flag${audit}`,
    },
    {
      name: 'PAT_RELATIONSHIPS',
      target: 'LOAD_PMINOK',
      rows: 100,
      columns: `
PAT_REL_ID | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
PAT_ID | integer | fk=PATIENT.PAT_ID | | LOADPMI_RECORD_NUMBER | fk:9000
PAT_REL_RELATION_C | string | | Relationship of the contact to the patient | RELATIONSHIP | word:Wife,Son,Daughter
PAT_REL_LAST_NAME | string | | | SURNAME | surname
PAT_REL_FIRST_NAME | string | | | FORENAME | forename
PAT_REL_ADDR_LINE_1 | string | | | ADDRESS_LINE1 | street
PAT_REL_CITY | string | | | ADDRESS_LINE4 | town
PAT_REL_ZIP | string | | | POSTCODE | postcode
PAT_REL_HOME_PHONE | string | | | HOME_PHONE | phone
PAT_REL_CELL_PHONE | string | | | MOBILE_PHONE | mobile
PAT_REL_WORK_PHONE | string | | | WORK_PHONE | phone
PAT_REL_EMAIL | string | | | EMAIL | email
LEGAL_GUARDIAN_YN | string | | Has parental responsibility | PARENTAL_RESPONSIBILITY | flag${audit}`,
    },
    {
      name: 'PAT_ALLERGIES',
      target: 'LOAD_PMIALLERGIES',
      rows: 90,
      columns: `
ALLERGY_ID | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
PAT_ID | integer | fk=PATIENT.PAT_ID | | LOADPMI_RECORD_NUMBER | fk:9000
ALLERGEN_ID | string | | | ALLERGEN_CODE | code:PEN,NUT,LTX
ALLERGEN_NAME | string | | | ALLERGEN_DESCRIPTION | word:Penicillin,Peanut,Latex
ALLERGY_TYPE_C | string | | Drug, food or environmental | ALLERGY_TYPE | code:1,2,3
REACTION | string | | | REACTION | word:Rash,Anaphylaxis
SEVERITY_C | string | | | SEVERITY | code:1,2,3
CERTAINTY_C | string | | | CERTAINTY | code:1,2
SNOMED_CT_ID | string | | | SNOMED_CODE | uuid
NOTED_DATE | date | | Date the allergy was noted | RECORDED_DATE | date:iso
ENTERED_USER_ID | string | | | RECORDED_BY | user
RESOLVED_DATE | date | | | END_DATE | date:iso
ALLERGY_COMMENT | string | | | COMMENTS | text${audit}`,
    },
    {
      name: 'CLARITY_SER',
      target: 'LOAD_STAFF',
      rows: 40,
      columns: `
PROV_ID | string | pk | Provider identifier | RECORD_NUMBER+EXTERNAL_SYSTEM_ID+STAFF_CODE | staffseq:P
PROV_NAME | string | | Provider name, last name first | | surname
PROV_LAST_NAME | string | | | SURNAME | surname
PROV_FIRST_NAME | string | | | FORENAME | forename
PROV_TITLE | string | | | TITLE | title
PROV_TYPE_C | string | | Type of provider | STAFF_TYPE | code:1,2,3
NATL_PROV_CODE | string | | National provider code | NATIONAL_CODE | ods:C
GMC_NUM | string | | | GMC_NUMBER | gmc
CLINICIAN_TITLE | string | | Job title | JOB_TITLE | word:Consultant,Registrar
PRIMARY_SPECIALTY_C | string | | | MAIN_SPECIALTY | code:100,101,110
EMAIL | string | | | EMAIL | email
OFFICE_PHONE | string | | | PHONE | phone
ACTIVE_STATUS_C | string | | Active or inactive | ACTIVE_FLAG | code:1,2
USER_ID | string | | Login of the provider | LOGIN_ID | user`,
    },
    // Department master: clinics and wards alike. Not mapped: a department is a clinic or a ward by its type.
    {
      name: 'CLARITY_DEP',
      rows: 20,
      columns: `
DEPARTMENT_ID | integer | pk | | | id
DEPARTMENT_NAME | string | | | | word:Ortho Clinic,Ward 7
DEPT_ABBREVIATION | string | | | | code:ORTH,W7
SPECIALTY_C | string | | | | code:100,101
DEP_TYPE_C | string | | Clinic or ward | | code:1,2`,
    },
    {
      name: 'ZC_SEX',
      rows: 4,
      columns: `
RCPT_MEM_SEX_C | string | pk | | | code:1,2,3
NAME | string | | | | word:Female,Male,Unknown
ABBR | string | | | | code:F,M,U`,
    },
    {
      name: 'ZC_MARITAL_STATUS',
      rows: 5,
      columns: `
MARITAL_STATUS_C | string | pk | | | code:S,M,D,W
NAME | string | | | | word:Single,Married,Divorced
ABBR | string | | | | code:S,M,D`,
    },
    {
      name: 'REFERRAL',
      target: 'LOAD_REFERRALS',
      rows: 160,
      columns: `
REFERRAL_ID | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
PAT_ID | integer | fk=PATIENT.PAT_ID | | LOADPMI_RECORD_NUMBER | fk:9000
ENTRY_DATE | date | | Date the referral was written | REFERRAL_DATE | date:iso
RECEIVED_DATE | date | | | RECEIVED_DATE | date:iso
RFL_SOURCE_C | string | | Source of the referral | REFERRAL_SOURCE | code:03,05,92
REFERRING_PROV_ID | string | | | REFERRER_CODE | ods:G
REFERRING_ORG_ID | string | | | REFERRER_ORG_CODE | ods:B
RFL_PRIORITY_C | string | | | PRIORITY | code:1,2,3
REFD_TO_SPEC_C | string | | Specialty referred to | TREATMENT_FUNCTION | code:100,101,110
REFD_TO_PROV_ID | string | fk=CLARITY_SER.PROV_ID | Provider referred to | CONSULTANT_CODE | staff:P
RFL_TYPE_C | string | | | REFERRAL_TYPE | code:1,2
RSN_FOR_RFL | string | | Reason for referral | REFERRAL_REASON | text
EREFERRAL_UBRN | string | | e-Referral booking reference | UBRN | uuid
RFL_STATUS_C | string | | | REFERRAL_STATUS | code:1,2,3
CLOSE_RSN_C | string | | Reason the referral was closed | DISCHARGE_REASON | code:1,2
TRIAGE_DATE | date | | | TRIAGE_DATE | date:iso${audit}`,
    },
    {
      name: 'PAT_ENC_APPT',
      target: 'LOAD_OPD_APPOINTMENTS',
      rows: 240,
      columns: `
PAT_ENC_CSN_ID | integer | pk | Contact serial number of the encounter | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
PAT_ID | integer | fk=PATIENT.PAT_ID | | LOADPMI_RECORD_NUMBER | fk:9000
REFERRAL_ID | integer | fk=REFERRAL.REFERRAL_ID | | LOADREF_RECORD_NUMBER | fk
APPT_DTTM | datetime | | Appointment date and time | APPOINTMENT_DTTM | date:isot
APPT_MADE_DATE | date | | Date the appointment was made | BOOKED_DATE | date:iso
APPT_STATUS_C | string | | Scheduled, completed, canceled, no show | ATTENDANCE_STATUS | code:1,2,3,4
VISIT_PROV_ID | string | fk=CLARITY_SER.PROV_ID | Visit provider | CONSULTANT_CODE | staff:P
CLINIC_ID | string | | | CLINIC_CODE | code:ORTH1,GEN2
ENC_PRIORITY_C | string | | | PRIORITY | code:1,2
NEW_PAT_YN | string | | New patient visit | FIRST_ATTENDANCE | flag
CHECKIN_DTTM | datetime | | | ARRIVAL_DTTM | date:isot
CHECKOUT_DTTM | datetime | | | COMPLETED_DTTM | date:isot
APPT_CANC_DATE | date | | Date the appointment was canceled | CANCEL_DATE | date:iso
CANCEL_REASON_C | string | | | CANCEL_REASON | code:1,2,3
VISIT_MODE_C | string | | In person, telephone or video | CONSULTATION_MEDIUM | code:1,2,3
INTERPRETER_NEEDED_YN | string | | | INTERPRETER_REQUIRED | flag
APPT_NOTES | string | | | COMMENTS | text${audit}`,
    },
    {
      name: 'PAT_ENC_HSP',
      target: 'LOAD_ADT_ADMISSIONS',
      rows: 120,
      columns: `
PAT_ENC_CSN_ID | integer | pk | Contact serial number of the hospital encounter | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
PAT_ID | integer | fk=PATIENT.PAT_ID | | LOADPMI_RECORD_NUMBER | fk:9000
HSP_ACCOUNT_ID | string | uk | Hospital account (spell) number | SPELL_NUMBER | hospno:S
HOSP_ADMSN_TIME | datetime | | Hospital admission time | ADMISSION_DTTM | date:isot
ADMIT_METHOD_C | string | | | ADMISSION_METHOD | code:11,12,21
ADMIT_SOURCE_C | string | | | ADMISSION_SOURCE | code:19,29
ADT_PAT_CLASS_C | string | | Patient class | PATIENT_CLASSIFICATION | code:1,2
ADMIT_PROV_ID | string | fk=CLARITY_SER.PROV_ID | Admitting provider | ADMITTING_CONSULTANT | staff:P
HOSP_SERV_C | string | | Hospital service (specialty) | TREATMENT_FUNCTION | code:100,101
ADMIT_DEPT_ID | string | | Department of admission | ADMISSION_WARD | code:W1,W2
EXP_DISCH_DATE | date | | Expected discharge date | EXPECTED_DISCHARGE_DATE | date:iso
MED_FIT_DATE | date | | | MEDICALLY_FIT_DATE | date:iso
HOSP_DISCH_TIME | datetime | | Hospital discharge time | DISCHARGE_DTTM | date:isot
DISCH_METHOD_C | string | | | DISCHARGE_METHOD | code:1,2,4
DISCH_DISP_C | string | | Discharge disposition (destination) | DISCHARGE_DESTINATION | code:19,29
DISCH_DEPT_ID | string | | | DISCHARGE_WARD | code:W1,W2
HSP_ENC_NOTES | string | | | COMMENTS | text${audit}`,
    },
  ],
};
