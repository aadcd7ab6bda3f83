// A Java-era (Hibernate/JPA) EHR: PascalCase entity tables, camelCase columns, bigint surrogate ids as primary
// keys, business keys (mrn, staffCode, facilityCode) that are unique but not the primary key and that other
// tables refer to, optimistic-lock `version` columns, an Envers revision table, a Flyway history table.
// Columns: name | type | flags | description | LOAD fields (gold, `+` for several) | value kind

const audit = `
createdBy | string | | | CREATE_USER | user
createdAt | datetime | | | CREATE_DTTM | date:isot
lastModifiedBy | string | | | MODIF_USER | user
lastModifiedAt | datetime | | | MODIF_DTTM | date:isot
version | integer | | | | int:20`;

const patientColumns = `
id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id:5000
mrn | string | uk | Medical record number | MAIN_CRN | hospno:J
nhsNumber | string | | | NHS_NUMBER | nhs
nhsNumberVerificationStatus | string | | | NHS_NUMBER_STATUS | code:01,02,03
familyName | string | | | SURNAME | surname
givenName | string | | | FORENAME | forename
middleNames | string | | | MIDDLE_NAMES | forename
namePrefix | string | | | TITLE | title
knownAs | string | | | PREFERRED_NAME | forename
birthDate | date | | | DATE_OF_BIRTH | date:iso:1930:2020
birthTime | string | | | BIRTH_TIME | time
administrativeGender | string | | | SEX | code:male,female,unknown
ethnicity | string | | | ETHNIC_CATEGORY | code:A,B,C,D,H,J,Z
maritalStatus | string | | | MARITAL_STATUS | code:S,M,D,W
religiousAffiliation | string | | | RELIGION | word:Christian,Muslim,None
preferredLanguage | string | | | PREFERRED_LANGUAGE | word:English,Polish,Urdu
interpreterNeeded | boolean | | | INTERPRETER_REQUIRED | bool
occupation | string | | | OCCUPATION | word:Teacher,Driver,Retired
placeOfBirth | string | | | BIRTH_PLACE | town
deceasedIndicator | boolean | | | | bool
deceasedDate | date | | | DATE_OF_DEATH | date:iso:2018:2024
placeOfDeath | string | | | PLACE_OF_DEATH | word:Home,Hospital
causeOfDeath | string | | | CAUSE_OF_DEATH | text
registeredPracticeOdsCode | string | | | GP_PRACTICE_CODE | ods:B
registeredGpCode | string | | | GP_CODE | ods:G
commissionerOdsCode | string | | | COMMISSIONER_CODE | ods:X
sensitiveRecord | boolean | | | RESTRICTED_FLAG | bool
vip | boolean | | | VIP_FLAG | bool
homePhone | string | | | HOME_PHONE | phone
mobilePhone | string | | | MOBILE_PHONE | mobile
workPhone | string | | | WORK_PHONE | phone
emailAddress | string | | | EMAIL | email
overseasVisitorStatus | string | | | OVERSEAS_STATUS | code:1,2,3
lastPdsTraceDate | date | | | LAST_TRACED_DATE | date:iso
registeredOn | date | | | REGISTRATION_DATE | date:iso
notes | string | | | COMMENTS | text${audit}`;

export default {
  name: 'java-ehr',
  about: 'Java-era EHR: camelCase columns, surrogate ids, business keys that are not the primary key',
  tables: [
    { name: 'Patient', target: 'LOAD_PMI', rows: 150, columns: patientColumns },
    // Envers revision table: the patient columns plus the revision number and type. Not a source.
    {
      name: 'Patient_AUD',
      rows: 80,
      noGold: true,
      demotePk: true,
      columns: `rev | integer | pk | | | id
revtype | integer | | | | code:0,1,2
${patientColumns}`,
    },
    // A consent record holding little besides the patient link and the audit columns.
    {
      name: 'PatientConsent',
      rows: 60,
      columns: `
id | integer | pk | | | id
patientId | integer | fk=Patient.id | | | fk:5000
consentType | string | | | | code:SMS,EMAIL,RESEARCH
granted | boolean | | | | bool${audit.replace(/\| [A-Z_]+ \|/g, '| |')}`,
    },
    {
      name: 'PatientAddress',
      target: 'LOAD_PMIADDRS',
      rows: 200,
      columns: `
id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
patientId | integer | fk=Patient.id | | LOADPMI_RECORD_NUMBER | fk:5000
addressUse | string | | | ADDRESS_TYPE | code:home,temp,postal
line1 | string | | | ADDRESS_LINE1 | street
line2 | string | | | ADDRESS_LINE2 | town
line3 | string | | | ADDRESS_LINE3 | town
line4 | string | | | ADDRESS_LINE4 | county
postalCode | string | | | POSTCODE | postcode
countryCode | string | | | COUNTRY_CODE | code:GBR,IRL
periodStart | date | | | START_DATE | date:iso
periodEnd | date | | | END_DATE | date:iso
isCurrent | boolean | | | CURRENT_FLAG | bool
uprn | string | | | UPRN | uuid${audit}`,
    },
    {
      name: 'EmergencyContact',
      target: 'LOAD_PMINOK',
      rows: 100,
      columns: `
id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
patientId | integer | fk=Patient.id | | LOADPMI_RECORD_NUMBER | fk:5000
contactRole | string | | | NOK_TYPE | code:NOK,EMERGENCY
relationshipToPatient | string | | | RELATIONSHIP | word:Wife,Husband,Son,Daughter
familyName | string | | | SURNAME | surname
givenName | string | | | FORENAME | forename
namePrefix | string | | | TITLE | title
addressLine1 | string | | | ADDRESS_LINE1 | street
addressLine2 | string | | | ADDRESS_LINE2 | town
addressLine3 | string | | | ADDRESS_LINE3 | county
postalCode | string | | | POSTCODE | postcode
homePhone | string | | | HOME_PHONE | phone
mobilePhone | string | | | MOBILE_PHONE | mobile
workPhone | string | | | WORK_PHONE | phone
emailAddress | string | | | EMAIL | email
hasParentalResponsibility | boolean | | | PARENTAL_RESPONSIBILITY | bool
validFrom | date | | | START_DATE | date:iso
validTo | date | | | END_DATE | date:iso${audit}`,
    },
    {
      name: 'ClinicalWarning',
      target: 'LOAD_PMIALERTS',
      rows: 80,
      columns: `
id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
patientId | integer | fk=Patient.id | | LOADPMI_RECORD_NUMBER | fk:5000
warningCategory | string | | | ALERT_TYPE | code:SAFEG,CLIN
warningCode | string | | | ALERT_CODE | code:A01,A02
warningText | string | | | ALERT_TEXT | text
effectiveFrom | date | | | START_DATE | date:iso
effectiveTo | date | | | END_DATE | date:iso
nextReviewDate | date | | | REVIEW_DATE | date:iso
severityLevel | string | | | SEVERITY | code:HIGH,LOW
recordedByUser | string | | | RECORDED_BY | user${audit}`,
    },
    {
      name: 'Practitioner',
      target: 'LOAD_STAFF',
      rows: 40,
      columns: `
id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
staffCode | string | uk | | STAFF_CODE | staffseq:P
nationalCode | string | | | NATIONAL_CODE | ods:C
gmcRegistration | string | | | GMC_NUMBER | gmc
nmcPin | string | | | NMC_PIN | uuid
practitionerType | string | | | STAFF_TYPE | code:CONS,GP,NURSE
namePrefix | string | | | TITLE | title
familyName | string | | | SURNAME | surname
givenName | string | | | FORENAME | forename
initials | string | | | INITIALS | initials
mainSpecialtyCode | string | | | MAIN_SPECIALTY | code:100,101,110
jobTitle | string | | | JOB_TITLE | word:Consultant,Registrar
emailAddress | string | | | EMAIL | email
telephone | string | | | PHONE | phone
employmentStart | date | | | START_DATE | date:iso:2000:2020
employmentEnd | date | | | END_DATE | date:iso:2020:2024
active | boolean | | | ACTIVE_FLAG | bool
smartcardUuid | string | | | SMARTCARD_UUID | uuid
loginName | string | | | LOGIN_ID | user${audit}`,
    },
    {
      name: 'Facility',
      target: 'LOAD_SITES',
      rows: 8,
      columns: `
id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
facilityCode | string | uk | | SITE_CODE | code:GEN,STJ,CHP
odsCode | string | | | ODS_SITE_CODE | ods:R
facilityName | string | | | SITE_NAME | word:General Hospital,St James
shortName | string | | | SHORT_NAME | code:GEN,STJ
facilityType | string | | | SITE_TYPE | code:HOSP,CLINIC
addressLine1 | string | | | ADDRESS_LINE1 | street
addressLine2 | string | | | ADDRESS_LINE2 | town
postalCode | string | | | POSTCODE | postcode
telephone | string | | | PHONE | phone
parentOrganisationCode | string | | | PARENT_ORG_CODE | ods:R
active | boolean | | | ACTIVE_FLAG | bool${audit}`,
    },
    {
      name: 'ReferralRequest',
      target: 'LOAD_REFERRALS',
      rows: 160,
      columns: `
id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
referralNumber | string | uk | | | hospno:R
patientId | integer | fk=Patient.id | | LOADPMI_RECORD_NUMBER | fk:5000
referralDate | date | | | REFERRAL_DATE | date:iso
receivedDate | date | | | RECEIVED_DATE | date:iso
referralSourceCode | string | | | REFERRAL_SOURCE | code:03,05,92
referrerCode | string | | | REFERRER_CODE | ods:G
referrerOrganisationCode | string | | | REFERRER_ORG_CODE | ods:B
priorityCode | string | | | PRIORITY | code:routine,urgent,2ww
treatmentFunctionCode | string | | | TREATMENT_FUNCTION | code:100,101,110
consultantCode | string | fk=Practitioner.staffCode | | CONSULTANT_CODE | staff:P
facilityCode | string | fk=Facility.facilityCode | | SITE_CODE | code:GEN,STJ
serviceTeamCode | string | | | TEAM_CODE | code:T1,T2
referralReason | string | | | REFERRAL_REASON | text
administrativeCategory | string | | | ADMIN_CATEGORY | code:01,02
ubrn | string | | | UBRN | uuid
referralStatus | string | | | REFERRAL_STATUS | code:active,completed
outcomeCode | string | | | OUTCOME_CODE | code:A,B
dischargedOn | date | | | DISCHARGE_DATE | date:iso
dischargeReason | string | | | DISCHARGE_REASON | text
triagedOn | date | | | TRIAGE_DATE | date:iso${audit}`,
    },
    {
      name: 'OutpatientBooking',
      target: 'LOAD_OPD_APPOINTMENTS',
      rows: 240,
      columns: `
id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
patientId | integer | fk=Patient.id | | LOADPMI_RECORD_NUMBER | fk:5000
referralId | integer | fk=ReferralRequest.id | | LOADREF_RECORD_NUMBER | fk
appointmentStart | datetime | | | APPOINTMENT_DTTM | date:isot
bookedOn | date | | | BOOKED_DATE | date:iso
clinicCode | string | | | CLINIC_CODE | code:ORTH1,GEN2
facilityCode | string | fk=Facility.facilityCode | | SITE_CODE | code:GEN,STJ
consultantCode | string | fk=Practitioner.staffCode | | CONSULTANT_CODE | staff:P
treatmentFunctionCode | string | | | TREATMENT_FUNCTION | code:100,101,110
mainSpecialtyCode | string | | | MAIN_SPECIALTY | code:100,101
firstOrFollowUp | string | | | FIRST_ATTENDANCE | code:first,followup
priorityCode | string | | | PRIORITY | code:routine,urgent
bookingTypeCode | string | | | BOOKING_TYPE | code:EB,DB
attendanceStatusCode | string | | | ATTENDANCE_STATUS | code:attended,dna,cancelled
outcomeCode | string | | | ATTENDANCE_OUTCOME | code:1,2,3
arrivedAt | datetime | | | ARRIVAL_DTTM | date:isot
seenAt | datetime | | | SEEN_DTTM | date:isot
completedAt | datetime | | | COMPLETED_DTTM | date:isot
cancelledOn | date | | | CANCEL_DATE | date:iso
cancellationReason | string | | | CANCEL_REASON | text
cancelledByParty | string | | | CANCELLED_BY | code:H,P
consultationMedium | string | | | CONSULTATION_MEDIUM | code:01,02
transportNeeded | boolean | | | TRANSPORT_REQUIRED | bool
interpreterNeeded | boolean | | | INTERPRETER_REQUIRED | bool
notes | string | | | COMMENTS | text${audit}`,
    },
    {
      name: 'InpatientEncounter',
      target: 'LOAD_ADT_ADMISSIONS',
      rows: 120,
      columns: `
id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
patientId | integer | fk=Patient.id | | LOADPMI_RECORD_NUMBER | fk:5000
spellIdentifier | string | uk | | SPELL_NUMBER | hospno:S
admittedAt | datetime | | | ADMISSION_DTTM | date:isot
admissionMethodCode | string | | | ADMISSION_METHOD | code:11,12,21
admissionSourceCode | string | | | ADMISSION_SOURCE | code:19,29
patientClassificationCode | string | | | PATIENT_CLASSIFICATION | code:1,2
administrativeCategory | string | | | ADMIN_CATEGORY | code:01,02
intendedManagementCode | string | | | INTENDED_MANAGEMENT | code:1,2
decisionToAdmitDate | date | | | DECISION_TO_ADMIT_DATE | date:iso
admittingConsultantCode | string | fk=Practitioner.staffCode | | ADMITTING_CONSULTANT | staff:P
treatmentFunctionCode | string | | | TREATMENT_FUNCTION | code:100,101
facilityCode | string | fk=Facility.facilityCode | | SITE_CODE | code:GEN,STJ
admissionWardCode | string | | | ADMISSION_WARD | code:W1,W2
expectedDischargeDate | date | | | EXPECTED_DISCHARGE_DATE | date:iso
medicallyFitOn | date | | | MEDICALLY_FIT_DATE | date:iso
dischargedAt | datetime | | | DISCHARGE_DTTM | date:isot
dischargeMethodCode | string | | | DISCHARGE_METHOD | code:1,2,4
dischargeDestinationCode | string | | | DISCHARGE_DESTINATION | code:19,29
dischargeWardCode | string | | | DISCHARGE_WARD | code:W1,W2
notes | string | | | COMMENTS | text${audit}`,
    },
    {
      name: 'AppUser',
      rows: 10,
      columns: `
id | integer | pk | | | id
username | string | uk | | | user
passwordHash | string | | | | uuid
enabled | boolean | | | | bool
lastLoginAt | datetime | | | | date:isot`,
    },
    {
      name: 'flyway_schema_history',
      rows: 12,
      columns: `
installed_rank | integer | pk | | | id
version | string | | | | int:40
description | string | | | | text
script | string | | | | word
checksum | integer | | | | int:100000
installed_by | string | | | | user
installed_on | datetime | | | | date:isodt
success | boolean | | | | bool`,
    },
  ],
};
