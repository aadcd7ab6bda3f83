// Departmental modules and system tables of the vendor-b PAS that no LOAD table takes: A&E, theatres,
// maternity, critical care, pharmacy, letters, interfaces, system administration, reporting, private
// patients, transport, community, order communications, radiology. All out of scope.

const t = (name, columns) => ({ name, target: null, audit: 'none', inScope: false, columns });

export const moduleTables = [
  t(
    'aeAttendance',
    `
AEAttID | int*
PatientID | int! | tblPatient.PatientID
AENumber | str12 | | A&E attendance number
ArrivalDtTm | dt!
ArrivalMode | str2 | | Ambulance, walk-in, police
AttendCat | str1 | | 1 first, 2 planned follow-up, 3 unplanned follow-up
Complaint | str100
TriageCat | str1
SeenDtTm | dt
DepartDtTm | dt
DisposalCode | str2
RefSourceCode | str2
HospitalCode | str6
`,
  ),
  t(
    'aeTriage',
    `
TriageID | int*
AEAttID | int! | aeAttendance.AEAttID
TriageDtTm | dt!
TriageNurse | str30
Category | str1 | | Manchester triage category 1-5
Discriminator | str60
PainScore | int
`,
  ),
  t(
    'aeDiagnosis',
    `
AEDiagID | int*
AEAttID | int! | aeAttendance.AEAttID
DiagCode | str6
DiagSeq | int
DiagText | str100
`,
  ),
  t(
    'aeInvestigation',
    `
AEInvID | int*
AEAttID | int! | aeAttendance.AEAttID
InvCode | str4
InvDtTm | dt
`,
  ),
  t(
    'aeTreatment',
    `
AETreatID | int*
AEAttID | int! | aeAttendance.AEAttID
TreatCode | str4
TreatDtTm | dt
GivenBy | str30
`,
  ),
  t(
    'aeBedRequest',
    `
BedReqID | int*
AEAttID | int! | aeAttendance.AEAttID
RequestedDtTm | dt
SpecCode | str5
WardCode | str8
AllocatedDtTm | dt
`,
  ),
  t(
    'thrTheatre',
    `
TheatreCode | str6*
TheatreName | str40!
HospitalCode | str6
Active | bool
`,
  ),
  t(
    'thrSession',
    `
ThrSessID | int*
TheatreCode | str6!
SessDate | dt!
StartTime | str5
EndTime | str5
SurgeonCode | str10
AnaesCode | str10
SpecCode | str5
Cancelled | bool
`,
  ),
  t(
    'thrCase',
    `
ThrCaseID | int*
ThrSessID | int! | thrSession.ThrSessID
PatientID | int! | tblPatient.PatientID
SpellID | int
WLEntryID | int
PlannedOPCS | str7
InAnaesDtTm | dt
KnifeToSkin | dt
OpEndDtTm | dt
OutTheatreDtTm | dt
ASAGrade | str1
Urgency | str1
Outcome | str10
`,
  ),
  t(
    'thrCaseStaff',
    `
ThrCaseStaffID | int*
ThrCaseID | int! | thrCase.ThrCaseID
HCPCode | str10!
Role | str10 | | SURG, ASST, ANAES, SCRUB
`,
  ),
  t(
    'thrImplant',
    `
ImplantID | int*
ThrCaseID | int! | thrCase.ThrCaseID
ProductCode | str20
BatchNo | str20
Manufacturer | str40
Side | str1
`,
  ),
  t(
    'matPregnancy',
    `
PregnancyID | int*
PatientID | int! | tblPatient.PatientID
EDD | dt | | Estimated date of delivery
Gravida | int
Parity | int
BookingDate | dt
LeadProfessional | str10
RiskCategory | str4
`,
  ),
  t(
    'matDelivery',
    `
DeliveryID | int*
PregnancyID | int! | matPregnancy.PregnancyID
SpellID | int
DeliveryDtTm | dt
DeliveryMethod | str2
DeliveryPlace | str2
Anaesthesia | str2
GestationWeeks | int
`,
  ),
  t(
    'matBaby',
    `
BabyID | int*
DeliveryID | int! | matDelivery.DeliveryID
BabyPatientID | int
BirthOrder | int
BirthWeightGrams | int
SexCode | str1
LiveOrStill | str1
Apgar5 | int
ResusMethod | str2
`,
  ),
  t(
    'matAntenatalVisit',
    `
ANVisitID | int*
PregnancyID | int! | matPregnancy.PregnancyID
VisitDate | dt
GestationWeeks | int
BP | str7
SeenBy | str30
`,
  ),
  t(
    'ccPeriod',
    `
CCPeriodID | int*
SpellID | int!
PatientID | int!
CCUnitCode | str8
StartDtTm | dt
DischReadyDtTm | dt
EndDtTm | dt
ACPSource | str2
CCLevel | int
`,
  ),
  t(
    'ccDailyOrgan',
    `
CCDayID | int*
CCPeriodID | int! | ccPeriod.CCPeriodID
CCDate | dt!
BasicResp | int
AdvResp | int
Renal | int
Neuro | int
Liver | int
`,
  ),
  t(
    'phmPrescription',
    `
RxID | int*
PatientID | int! | tblPatient.PatientID
SpellID | int
DrugCode | str20
DrugName | str100
Dose | str30
Route | str10
Frequency | str20
StartDtTm | dt
StopDtTm | dt
PrescriberCode | str10
`,
  ),
  t(
    'phmDispense',
    `
DispenseID | int*
RxID | int! | phmPrescription.RxID
DispensedOn | dt
Qty | dec
DispensedBy | str30
`,
  ),
  t(
    'phmTTO',
    `
TTOID | int*
SpellID | int!
PatientID | int!
RequestedDtTm | dt
ScreenedDtTm | dt
ReadyDtTm | dt
Pharmacist | str30
`,
  ),
  t(
    'docLetter',
    `
LetterID | int*
PatientID | int! | tblPatient.PatientID
TemplateCode | str20
EventType | str4 | | OPA, REF, TCI, DIS
EventKey | int
CreatedOn | dt
PrintedOn | dt
SentBy | str30
DocRef | str40
`,
  ),
  t(
    'docTemplate',
    `
TemplateCode | str20*
TemplateName | str60
Module | str10
Body | str255
Active | bool
`,
  ),
  t(
    'docRecipient',
    `
RecipientID | int*
LetterID | int! | docLetter.LetterID
RecipientType | str4 | | PAT, GP, REF, CC
RecipientName | str60
AddressLine1 | str50
Postcode | str8
`,
  ),
  t(
    'ifcHL7Inbound',
    `
MsgID | int*
MsgType | str7 | | ADT^A01 etc.
ControlID | str20
ReceivedDtTm | dt!
PatientIdentifier | str12
Status | str1
ErrorText | str255
`,
  ),
  t(
    'ifcHL7Outbound',
    `
MsgID | int*
MsgType | str7
ControlID | str20
QueuedDtTm | dt!
SentDtTm | dt
AckCode | str2
Destination | str20
`,
  ),
  t(
    'ifcPDSTrace',
    `
TraceID | int*
PatientID | int! | tblPatient.PatientID
TraceDtTm | dt!
TraceType | str4 | | CROSS, ADVANCED, BATCH
ResultCode | str2
NHSNumberReturned | str10
Notes | str255
`,
  ),
  t(
    'ifcSUSBatch',
    `
BatchID | int*
CDSType | str3 | | 120 APC, 020 OP
PeriodStart | dt
PeriodEnd | dt
RecordCount | int
SubmittedOn | dt
`,
  ),
  t(
    'ifcERSWorklist',
    `
WorklistID | int*
UBRN | str12!
PatientNHSNo | str10
ServiceID | str10
RequestReceived | dt
ActionStatus | str4
`,
  ),
  t(
    'sysUser',
    `
UserID | int*
UserName | str30!
FullName | str60
Email | str100
HCPCode | str10
LastLogin | dt
Locked | bool
PasswordHash | str100
`,
  ),
  t(
    'sysRole',
    `
RoleID | int*
RoleName | str40!
Description | str100
`,
  ),
  t(
    'sysUserRole',
    `
UserRoleID | int*
UserID | int! | sysUser.UserID
RoleID | int! | sysRole.RoleID
GrantedOn | dt
`,
  ),
  t(
    'sysConfig',
    `
ConfigKey | str40*
ConfigValue | str255
Module | str10
ChangedOn | dt
`,
  ),
  t(
    'sysLoginAudit',
    `
LoginAuditID | int*
UserName | str30
Workstation | str30
LoginDtTm | dt
Success | bool
`,
  ),
  t(
    'sysErrorLog',
    `
ErrorID | int*
ErrorDtTm | dt
Module | str20
Message | str255
StackTrace | str255
`,
  ),
  t(
    'sysJobLog',
    `
JobRunID | int*
JobName | str40
StartedOn | dt
FinishedOn | dt
RowsProcessed | int
Status | str1
`,
  ),
  t(
    'sysPrinter',
    `
PrinterCode | str10*
PrinterName | str60
Location | str40
Tray | int
`,
  ),
  t(
    'rptPTLSnapshot',
    `
SnapshotID | int*
SnapshotDate | dt!
PathwayID | int
PatientID | int
ClockStart | dt
WeeksWaited | int
SpecCode | str5
ConsCode | str10
NextActivity | dt
`,
  ),
  t(
    'rptKPIMonthly',
    `
KPIID | int*
Period | str6 | | CCYYMM
KPICode | str10
Numerator | int
Denominator | int
`,
  ),
  t(
    'rptCDSSubmission',
    `
CDSRowID | int*
BatchID | int
CDSUniqueID | str35
SpellID | int
FCEID | int
ApptID | int
Accepted | bool
`,
  ),
  t(
    'finPrivateInvoice',
    `
InvoiceID | int*
PatientID | int! | tblPatient.PatientID
SpellID | int
InvoiceDate | dt
Amount | dec
Insurer | str40
PolicyNo | str20
PaidOn | dt
`,
  ),
  t(
    'finOSVCharge',
    `
OSVChargeID | int*
PatientID | int! | tblPatient.PatientID
ChargeableFrom | dt
Exemption | str4
Amount | dec
Status | str1
`,
  ),
  t(
    'ptsBooking',
    `
PTSBookingID | int*
PatientID | int! | tblPatient.PatientID
ApptID | int
PickupDtTm | dt
Mobility | str4
Escort | bool
Provider | str20
`,
  ),
  t(
    'comReferral',
    `
ComRefID | int*
PatientID | int! | tblPatient.PatientID
ReferralDate | dt
ServiceCode | str10
RefSourceCode | str2
Urgency | str1
ReferrerCode | str8
Status | str1
DischargedOn | dt
`,
  ),
  t(
    'comContact',
    `
ComContactID | int*
ComRefID | int! | comReferral.ComRefID
ContactDtTm | dt
Location | str4 | | HOME, CLIN, SCH
StaffCode | str10
Mins | int
Attended | str1
`,
  ),
  t(
    'ocRequest',
    `
OrderID | int*
PatientID | int! | tblPatient.PatientID
OrderCode | str10
OrderedDtTm | dt
OrderedBy | str10
Priority | str1
Location | str8
`,
  ),
  t(
    'ocResult',
    `
ResultID | int*
OrderID | int! | ocRequest.OrderID
ResultDtTm | dt
TestCode | str10
Value | str40
Units | str10
AbnormalFlag | str1
`,
  ),
  t(
    'radExam',
    `
ExamID | int*
PatientID | int! | tblPatient.PatientID
AccessionNo | str16
Modality | str2
ExamCode | str10
ExamDtTm | dt
ReportedDtTm | dt
Radiologist | str10
`,
  ),
  t(
    'wbBedState',
    `
BedStateID | int*
WardCode | str8!
BedNo | str10!
State | str1 | | O occupied, E empty, C cleaning, X closed
PatientID | int
Since | dt
`,
  ),
  t(
    'tmpPatientMatch',
    `
MatchID | int*
PatientID1 | int
PatientID2 | int
Score | dec
ReviewedBy | str30
Decision | str1
`,
  ),
];
