// Outpatients in the vendor-b PAS: clinic templates, sessions, slots, the OP waiting list and its
// suspensions, appointments and attendance coding. Created/Modified audit; dates are datetime.

export const outpatientTables = [
  {
    name: 'tblClinic',
    target: 'LOAD_CLINICS',
    audit: 'created',
    columns: `
ClinicID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
HospitalID | int! | tblHospital.HospitalID | | | LOADSITE_RECORD_NUMBER
HCPID | int | tblHCP.HCPID | Lead clinician | | LOADSTAFF_RECORD_NUMBER
ClinicCode | str8! | | | | CLINIC_CODE
ClinicDesc | str60! | | Clinic description | | CLINIC_NAME
HospitalCode | str6 | | | | SITE_CODE
ConsCode | str10 | | Lead consultant code | | CONSULTANT_CODE
SpecCode | str5! | | | | TREATMENT_FUNCTION
ClinicType | str6 | | NEW, FUP, MIX | | CLINIC_TYPE
DefaultMedium | str2 | | FF face to face, TL telephone, VC video | | CONSULTATION_MEDIUM
SlotLength | int | | Minutes | | DEFAULT_SLOT_MINS
NewPatSlots | int | | | | NEW_SLOTS
FUPSlots | int | | | | FOLLOWUP_SLOTS
ChooseAndBook | bool | | Directly bookable through Choose and Book | | EBOOKING_FLAG
Location | str40 | | Outpatient department and room | | LOCATION
LetterTemplate | str20 | | Appointment letter template | |
Active | bool! | | | | ACTIVE_FLAG
ValidFrom | dt | | | | START_DATE
ValidTo | dt | | | | END_DATE
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblClinicSession',
    target: 'LOAD_CLINIC_SESSIONS',
    audit: 'created',
    columns: `
SessionID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
ClinicID | int! | tblClinic.ClinicID | | | LOADCLIN_RECORD_NUMBER
ClinicCode | str8! | | | | CLINIC_CODE
SessionDate | dt! | | | | SESSION_DATE
StartTime | str5! | | HH:MM | | START_TIME
EndTime | str5! | | HH:MM | | END_TIME
AMPM | str2 | | | | AM_PM
ConsCode | str10 | | Clinician running the session | | CONSULTANT_CODE
HospitalCode | str6 | | | | SITE_CODE
Status | str1! | | A available, H held, X cancelled | | SESSION_STATUS
CancelledDate | dt | | | | CANCEL_DATE
CancelReasonText | str60 | | | | CANCEL_REASON
MaxBookings | int | | | | MAX_SLOTS
AllowOverbook | bool | | | | OVERBOOK_FLAG
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblSlot',
    target: 'LOAD_CLINIC_SLOTS',
    audit: 'created',
    columns: `
SlotID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
SessionID | int! | | | | LOADSESS_RECORD_NUMBER
ClinicCode | str8! | | | | CLINIC_CODE
SlotDate | dt! | | | | SLOT_DATE
SlotStart | str5! | | | | SLOT_TIME
Mins | int | | | | DURATION_MINS
SlotType | str4! | | NEW, FU, URG, 2WW | | SLOT_TYPE
SlotStatus | str1! | | F free, B booked, X blocked | | SLOT_STATUS
Bookable | bool | | | | BOOKABLE_FLAG
ERSPublished | bool | | Published to e-RS | | EBOOKING_FLAG
Comment | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblOPWaitList',
    target: 'LOAD_OPWL',
    audit: 'created',
    columns: `
OPWLID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
ReferralID | int! | tblReferral.ReferralID | | | LOADREF_RECORD_NUMBER
ListType | str3! | | NEW or FUP | | LIST_TYPE
DateOnList | dt! | | | | WL_DATE
TargetDt | dt | | Date the follow-up is due | | TARGET_DATE
Urgency | code1 | | | URG | PRIORITY
SpecCode | str5! | | | | TREATMENT_FUNCTION
ConsCode | str10 | | | | CONSULTANT_CODE
ClinicCode | str8 | | Clinic to book into | | CLINIC_CODE
HospitalCode | str6 | | | | SITE_CODE
EntryStatus | str1! | | W waiting, D deferred, L linked, A appointed, C closed | | LIST_STATUS
RemovedOn | dt | | | | REMOVAL_DATE
RemovalReason | str60 | | | | REMOVAL_REASON
PartialBooking | bool | | Patient to be invited to book | | PARTIAL_BOOKING_FLAG
WaitResetDt | dt | | | | WAIT_RESET_DATE
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblOPWLSuspension',
    target: 'LOAD_OPWL_SUSPENSIONS',
    audit: 'created',
    columns: `
SuspID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
OPWLID | int! | tblOPWaitList.OPWLID | | | LOADOPWL_RECORD_NUMBER
SuspFrom | dt! | | | | SUSPENSION_START_DATE
SuspTo | dt | | | | SUSPENSION_END_DATE
SuspType | str4 | | MED medical, SOC social | | SUSPENSION_TYPE
SuspReason | str60 | | | | SUSPENSION_REASON
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblAppointment',
    target: 'LOAD_OPD_APPOINTMENTS',
    audit: 'created',
    columns: `
ApptID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
ReferralID | int! | tblReferral.ReferralID | | | LOADREF_RECORD_NUMBER
SlotID | int | tblSlot.SlotID | | | LOADSLOT_RECORD_NUMBER
OPWLID | int | tblOPWaitList.OPWLID | List entry the appointment was made from | | LOADOPWL_RECORD_NUMBER
ApptDateTime | dt! | | | | APPOINTMENT_DTTM
DateBooked | dt | | | | BOOKED_DATE
ClinicCode | str8! | | | | CLINIC_CODE
HospitalCode | str6 | | | | SITE_CODE
ConsCode | str10 | | Consultant responsible for the clinic | | CONSULTANT_CODE
SeenBy | str30 | | Name of the clinician who saw the patient | |
SpecCode | str5! | | | | TREATMENT_FUNCTION
ConsMainSpec | str3 | | | | MAIN_SPECIALTY
VisitType | code2! | | N1 new face to face, F1 follow-up face to face, N2 new telephone, F2 follow-up telephone | VISTYP | FIRST_ATTENDANCE
Urgency | code1 | | | URG | PRIORITY
BookingMethod | str4 | | PB partial booking, DB direct booking, ERS | | BOOKING_TYPE
AttendCode | code2 | | | ATT | ATTENDANCE_STATUS
OutcomeCode | code2 | | | OUTC | ATTENDANCE_OUTCOME
ArrivedTime | dt | | | | ARRIVAL_DTTM
SeenTime | dt | | | | SEEN_DTTM
DepartedTime | dt | | Attendance completed | | COMPLETED_DTTM
CancDt | dt | | | | CANCEL_DATE
CancReason | str60 | | | | CANCEL_REASON
CancBy | str1 | | P patient, H hospital | | CANCELLED_BY
ContactMedium | str2 | | FF, TL, VC | | CONSULTATION_MEDIUM
RTTClockAction | str10 | | | | RTT_ACTION
RTTStatus | code2 | | | RTTST | RTT_STATUS
PatCategory | code2 | | | PATCAT | ADMIN_CATEGORY
TransportBooked | bool | | | | TRANSPORT_REQUIRED
InterpBooked | bool | | | | INTERPRETER_REQUIRED
LetterPrinted | bool | | | |
SMSReminderSent | bool | | | |
Notes | str255 | | | | COMMENTS
`,
  },
  {
    name: 'tblAttendanceCoding',
    target: 'LOAD_OPD_CODING',
    audit: 'created',
    columns: `
ApptCodeID | int* | | | | RECORD_NUMBER EXTERNAL_SYSTEM_ID
PatientID | int! | tblPatient.PatientID | | | LOADPMI_RECORD_NUMBER
ApptID | int! | tblAppointment.ApptID | | | LOADAPPT_RECORD_NUMBER
CodingScheme | str5! | | I10 ICD-10, OPC OPCS-4 | | CODE_SCHEME
Code | str7! | | | | CLINICAL_CODE
SeqNo | int! | | 1 = primary | | SEQUENCE_NUMBER
CodeText | str100 | | | | CODE_DESCRIPTION
ProcDate | dt | | | | PROCEDURE_DATE
CoderID | str30 | | | | CODED_BY
CodedOn | dt | | | | CODED_DATE
`,
  },
];
