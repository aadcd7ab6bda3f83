// Reference data of the vendor-b PAS: clinicians (HCP), hospitals, wards, specialties.
// The oldest module of the system: Ins/Upd audit columns, some dates still held as CCYYMMDD text.

export const referenceTables = [
  {
    name: 'tblHCP',
    target: 'LOAD_STAFF',
    audit: 'ins',
    columns: `
HCPID | int* | | Internal key | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
HCPCode | str10! | | Local code used on clinical records (consultant code) | | STAFF_CODE
NatCode | str8 | | National code (GMC-based C code, GP G code, D code for dentists) | | NATIONAL_CODE
GMCNo | str7 | | | | GMC_NUMBER
NMCRegNo | str8 | | NMC registration (PIN) for nurses and midwives | | NMC_PIN
HCPType | str6 | | CON consultant, REG registrar, SHO, NUR nurse, AHP, GPR general practitioner, ADM | | STAFF_TYPE
Title | str10 | | | | TITLE
LastName | str40 | | Family name | | SURNAME
FirstName | str30 | | | | FORENAME
Inits | str5 | | | | INITIALS
RegSpec | str5 | | Specialty the clinician is registered in (GMC specialist register, national main specialty) | | MAIN_SPECIALTY
JobTitle | str50 | | | | JOB_TITLE
Grade | str20 | | Pay grade | |
EmailAddress | str80 | | NHS.net mail | | EMAIL
WorkTel | str20 | | Office telephone | | PHONE
BleepNo | str6 | | Bleep | |
SecretaryName | str50 | | Medical secretary | |
DateStarted | str8 | | Start date (CCYYMMDD) | | START_DATE
DateLeft | str8 | | Leaving date (CCYYMMDD) | | END_DATE
IsActive | bool! | | Available for selection on new activity | | ACTIVE_FLAG
EmployingOrg | str5 | | ODS code of the employing trust | | ODS_ORG_CODE
SmartcardUUID | str12 | | Spine smartcard UUID | | SMARTCARD_UUID
NetworkLogin | str30 | | Windows domain login | | LOGIN_ID
PrivatePractice | bool | | Also sees private patients | |
`,
  },
  {
    name: 'tblHospital',
    target: 'LOAD_SITES',
    audit: 'ins',
    columns: `
HospitalID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
HospitalCode | str6! | | Local hospital code | | SITE_CODE
ODSSiteCode | str5 | | ODS site code | | ODS_SITE_CODE
HospitalName | str80! | | | | SITE_NAME
Abbrev | str15 | | Abbreviated name for screens and lists | | SHORT_NAME
HospitalType | str6 | | ACUTE, COMM community hospital, CLIN clinic only | | SITE_TYPE
Address1 | str50 | | | | ADDRESS_LINE1
Address2 | str50 | | | | ADDRESS_LINE2
Address3 | str50 | | Town | | ADDRESS_LINE3
Address4 | str50 | | County | | ADDRESS_LINE4
PostCode | str8 | | | | POSTCODE
Switchboard | str20 | | Switchboard telephone | | PHONE
FaxNo | str20 | | | |
TrustODS | str5 | | ODS code of the trust that runs the hospital | | PARENT_ORG_CODE
Active | bool! | | | | ACTIVE_FLAG
OpenedOn | str8 | | CCYYMMDD | | START_DATE
ClosedOn | str8 | | CCYYMMDD | | END_DATE
CostCentre | str10 | | Finance cost centre | |
`,
  },
  {
    name: 'tblWard',
    target: 'LOAD_WARDS',
    audit: 'ins',
    columns: `
WardID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
HospitalID | int! | tblHospital.HospitalID | | | LOADSITE_RECORD_NUMBER
WardCode | str8! | | | | WARD_CODE
WardName | str60! | | | | WARD_NAME
HospitalCode | str6 | | Hospital the ward is on | | SITE_CODE
WardCategory | str6 | | MED, SURG, MAT, PAED, MH, DAY | | WARD_TYPE
NoOfBeds | int | | Funded beds | | BED_COUNT
WardGender | str1 | | M male, F female, X mixed | | WARD_SEX
SpecCode | str5 | | Default specialty of the ward | | TREATMENT_FUNCTION
IsMHWard | bool | | Mental health ward | | MH_WARD_FLAG
IsDayUnit | bool | | Day unit (no overnight stays) | | DAY_CASE_FLAG
TelNo | str20 | | Ward telephone | | PHONE
Floor | str10 | | | |
SisterName | str50 | | Ward manager | |
Active | bool! | | | | ACTIVE_FLAG
OpenedOn | str8 | | CCYYMMDD | | START_DATE
ClosedOn | str8 | | CCYYMMDD | | END_DATE
`,
  },
  {
    name: 'tblSpecialty',
    target: 'LOAD_SPECIALTIES',
    audit: 'ins',
    columns: `
SpecialtyID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
SpecCode | str5! | | Local specialty code | | SPECIALTY_CODE
Description | str60! | | | | SPECIALTY_NAME
TFC | str3 | | National treatment function code | | TREATMENT_FUNCTION
MainSpec | str3 | | National main specialty code | | MAIN_SPECIALTY
RTTGroup | str3 | | RTT return group (X02..X06) where the TFC is not reported on its own | | NATIONAL_GROUP
Directorate | str30 | | Clinical directorate | | DIVISION
RTTReportable | bool | | Counted on the RTT return | | RTT_REPORTABLE_FLAG
IsPaeds | bool | | Children's specialty | | PAEDIATRIC_FLAG
Active | bool! | | | | ACTIVE_FLAG
EffectiveFrom | dt | | | | START_DATE
EffectiveTo | dt | | | | END_DATE
`,
  },
];
