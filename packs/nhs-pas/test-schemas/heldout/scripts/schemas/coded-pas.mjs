// A package PAS whose tables and columns are opaque codes (T010, T010F03): the data dictionary's descriptions
// are the only readable text, written in the vendor's words, not the target's.
// Columns: name (`~` = the table's next field code) | type | flags | description | LOAD fields | value kind

const audit = `
~ | string | | User who created the row | CREATE_USER | user
~ | datetime | | When the row was created | CREATE_DTTM | date:isodt
~ | string | | User who last changed the row | MODIF_USER | user
~ | datetime | | When the row was last changed | MODIF_DTTM | date:isodt`;

export default {
  name: 'coded-pas',
  about: 'opaque table and column codes; the data dictionary descriptions are the only readable text',
  tables: [
    {
      name: 'T010',
      target: 'LOAD_PMI',
      rows: 150,
      columns: `
~ | integer | pk | Internal person key | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
~ | string | | Case record number printed on the notes | MAIN_CRN | hospno:K
~ | string | | NHS number | NHS_NUMBER | nhs
~ | string | | Trace status of the NHS number | NHS_NUMBER_STATUS | code:01,02,03
~ | string | | Family name | SURNAME | surname
~ | string | | Given name | FORENAME | forename
~ | string | | Other given names | MIDDLE_NAMES | forename
~ | string | | Honorific (Mr, Mrs, Dr) | TITLE | title
~ | string | | Name the person likes to be called | PREFERRED_NAME | forename
~ | date | | Date the person was born | DATE_OF_BIRTH | date:dmy:1930:2020
~ | string | | Gender | SEX | code:1,2,9
~ | string | | Ethnic group | ETHNIC_CATEGORY | code:A,B,C,D
~ | string | | Marital state | MARITAL_STATUS | code:S,M,D
~ | string | | Faith | RELIGION | word:Christian,Muslim,None
~ | string | | Spoken language | PREFERRED_LANGUAGE | word:English,Polish
~ | string | | Needs an interpreter (Y/N) | INTERPRETER_REQUIRED | flag
~ | string | | Job | OCCUPATION | word:Teacher,Driver
~ | date | | Date the person died | DATE_OF_DEATH | date:dmy:2018:2024
~ | string | | Where the person died | PLACE_OF_DEATH | word:Home,Hospital
~ | string | | Registered general practice (ODS) | GP_PRACTICE_CODE | ods:B
~ | string | | Registered family doctor | GP_CODE | ods:G
~ | string | | Record access restricted | RESTRICTED_FLAG | flag
~ | string | | Home telephone | HOME_PHONE | phone
~ | string | | Mobile telephone | MOBILE_PHONE | mobile
~ | string | | Daytime work telephone | WORK_PHONE | phone
~ | string | | E-mail address | EMAIL | email
~ | date | | Date first registered at this hospital | REGISTRATION_DATE | date:dmy
~ | string | | Free text remarks | COMMENTS | text${audit}`,
    },
    {
      name: 'T011',
      target: 'LOAD_PMIADDRS',
      rows: 200,
      columns: `
~ | integer | pk | Address key | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
~ | integer | fk=T010.T010F01 | Person | LOADPMI_RECORD_NUMBER | fk
~ | string | | Kind of address (home, temporary, correspondence) | ADDRESS_TYPE | code:H,T,C
~ | string | | House and street | ADDRESS_LINE1 | street
~ | string | | Locality | ADDRESS_LINE2 | town
~ | string | | Post town | ADDRESS_LINE3 | town
~ | string | | County | ADDRESS_LINE4 | county
~ | string | | Post code | POSTCODE | postcode
~ | date | | Lived here from | START_DATE | date:dmy
~ | date | | Lived here until | END_DATE | date:dmy
~ | string | | Address is confidential | CONFIDENTIAL_FLAG | flag${audit}`,
    },
    {
      name: 'T012',
      target: 'LOAD_PMINOK',
      rows: 100,
      columns: `
~ | integer | pk | Contact key | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
~ | integer | fk=T010.T010F01 | Person | LOADPMI_RECORD_NUMBER | fk
~ | string | | Relationship of the contact to the person | RELATIONSHIP | word:Wife,Son,Daughter
~ | string | | Contact family name | SURNAME | surname
~ | string | | Contact given name | FORENAME | forename
~ | string | | Contact house and street | ADDRESS_LINE1 | street
~ | string | | Contact post code | POSTCODE | postcode
~ | string | | Contact home telephone | HOME_PHONE | phone
~ | string | | Contact mobile telephone | MOBILE_PHONE | mobile
~ | string | | Holds parental responsibility | PARENTAL_RESPONSIBILITY | flag${audit}`,
    },
    {
      name: 'T020',
      target: 'LOAD_STAFF',
      rows: 40,
      columns: `
~ | integer | pk | Clinician key | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
~ | string | | Local clinician code | STAFF_CODE | staffseq:D
~ | string | | National consultant code | NATIONAL_CODE | ods:C
~ | string | | General Medical Council number | GMC_NUMBER | gmc
~ | string | | Clinician family name | SURNAME | surname
~ | string | | Clinician given name | FORENAME | forename
~ | string | | Speciality | MAIN_SPECIALTY | code:100,101,110
~ | string | | Still in post | ACTIVE_FLAG | flag`,
    },
    {
      name: 'T030',
      target: 'LOAD_REFERRALS',
      rows: 160,
      columns: `
~ | integer | pk | Referral key | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
~ | integer | fk=T010.T010F01 | Person | LOADPMI_RECORD_NUMBER | fk
~ | date | | Date of the referral letter | REFERRAL_DATE | date:dmy
~ | date | | Date the letter arrived | RECEIVED_DATE | date:dmy
~ | string | | Who referred (source of referral) | REFERRAL_SOURCE | code:03,05
~ | string | | Referring doctor | REFERRER_CODE | ods:G
~ | string | | Urgency | PRIORITY | code:1,2,3
~ | string | | Treatment function | TREATMENT_FUNCTION | code:100,101
~ | string | | Consultant in charge | CONSULTANT_CODE | staff:D
~ | string | | Reason for referral | REFERRAL_REASON | text
~ | string | | Unique booking reference number | UBRN | uuid
~ | date | | Date the referral was closed | DISCHARGE_DATE | date:dmy${audit}`,
    },
    {
      name: 'T031',
      target: 'LOAD_OPD_APPOINTMENTS',
      rows: 240,
      columns: `
~ | integer | pk | Appointment key | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
~ | integer | fk=T010.T010F01 | Person | LOADPMI_RECORD_NUMBER | fk
~ | integer | fk=T030.T030F01 | Referral | LOADREF_RECORD_NUMBER | fk
~ | datetime | | When the appointment is | APPOINTMENT_DTTM | date:isodt
~ | string | | Clinic | CLINIC_CODE | code:ORTH1,GEN2
~ | string | | Consultant | CONSULTANT_CODE | staff:D
~ | string | | Treatment function | TREATMENT_FUNCTION | code:100,101
~ | string | | New or follow-up | FIRST_ATTENDANCE | code:1,2
~ | string | | Attended or did not attend | ATTENDANCE_STATUS | code:5,6,7
~ | string | | What happened at the appointment | ATTENDANCE_OUTCOME | code:1,2,3
~ | datetime | | Arrival time | ARRIVAL_DTTM | date:isodt
~ | date | | Date the appointment was cancelled | CANCEL_DATE | date:dmy
~ | string | | Why it was cancelled | CANCEL_REASON | text${audit}`,
    },
    {
      name: 'T040',
      target: 'LOAD_ADT_ADMISSIONS',
      rows: 120,
      columns: `
~ | integer | pk | Stay key | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
~ | integer | fk=T010.T010F01 | Person | LOADPMI_RECORD_NUMBER | fk
~ | string | | Hospital stay number | SPELL_NUMBER | hospno:S
~ | datetime | | When the person was admitted | ADMISSION_DTTM | date:isodt
~ | string | | How the person was admitted | ADMISSION_METHOD | code:11,12,21
~ | string | | Where the person came from | ADMISSION_SOURCE | code:19,29
~ | string | | Consultant admitting | ADMITTING_CONSULTANT | staff:D
~ | string | | Ward on admission | ADMISSION_WARD | code:W1,W2
~ | datetime | | When the person left hospital | DISCHARGE_DTTM | date:isodt
~ | string | | How the person left | DISCHARGE_METHOD | code:1,2,4
~ | string | | Where the person went | DISCHARGE_DESTINATION | code:19,29${audit}`,
    },
    {
      name: 'T099',
      rows: 20,
      columns: `
~ | integer | pk | Message key | | id
~ | string | | Interface message type | | code:A01,A03
~ | datetime | | When the message was sent | | date:isodt
~ | string | | Message payload | | text`,
    },
  ],
};
