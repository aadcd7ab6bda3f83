/**
 * TR_: patient transport bookings and journeys, and EST_: estates and facilities (buildings, rooms, assets,
 * maintenance, cleaning). Both out of scope: operational systems with their own replacements.
 */
import { familyTable } from './table-spec.mjs';

const tr = familyTable('transport');
const est = familyTable('estates');

/** All TR_ tables. */
export function transportTables() {
  return [
    tr('TR_PROVIDER', [
      'TR_PROVIDER_CODE s8* Transport provider',
      'PROVIDER_NAME s60! Name',
      'CONTRACT_REF s20 Contract',
      'PHONE s20 Control room',
      'ACTIVE_FLAG b Active',
    ]),
    tr('TR_VEHICLE', [
      'VEHICLE_CODE s10* Vehicle',
      'TR_PROVIDER_CODE >TR_PROVIDER! Provider',
      'REG_NO s8 Registration',
      'VEHICLE_TYPE c2@TR_VEHICLE_TYPE Car, ambulance, stretcher, wheelchair',
      'SEATS i Seats',
      'WHEELCHAIR_SPACES i Wheelchair spaces',
    ]),
    tr('TR_ELIGIBILITY', [
      'TR_ELIG_ID i* Eligibility assessment',
      '>PATIENT! Patient',
      'ASSESSED_DT d! Assessed',
      'ELIGIBLE b Eligible for non-emergency transport',
      'CRITERIA c4@TR_CRITERIA Eligibility criterion',
      'MOBILITY c2@TR_MOBILITY Mobility',
      'REVIEW_DT d Review',
    ]),
    tr('TR_BOOKING', [
      'TR_BOOKING_ID i* Transport booking',
      '>PATIENT! Patient',
      'TR_ELIG_ID >TR_ELIGIBILITY Eligibility used',
      'SOURCE_TABLE s30 Appointment or discharge table',
      'SOURCE_KEY i Appointment or discharge key',
      'PICKUP_ADDR s255 Pick-up address',
      'DEST_ADDR s255 Destination',
      'REQUIRED_DT t! Needed at destination by',
      'MOBILITY c2@TR_MOBILITY Mobility',
      'ESCORTS i Escorts travelling',
      'RETURN_REQ b Return journey needed',
      'STATUS c2@TR_STATUS Booked, planned, done, aborted, cancelled',
    ]),
    tr('TR_JOURNEY', [
      'TR_JOURNEY_ID i* Journey',
      'TR_BOOKING_ID >TR_BOOKING! Booking',
      'VEHICLE_CODE >TR_VEHICLE Vehicle',
      'LEG c1@TR_LEG Outward or return',
      'PICKUP_DT t Picked up',
      'DROP_DT t Dropped off',
      'MILES n Miles',
      'OUTCOME c2@TR_OUTCOME Completed, aborted, not ready, not required',
    ]),
    tr('TR_CREW', [
      'TR_CREW_ID i* Crew on a journey',
      'TR_JOURNEY_ID >TR_JOURNEY! Journey',
      'CREW_NAME s60! Crew member',
      'CREW_ROLE c2@TR_CREW_ROLE Driver, attendant',
    ]),
    tr('TR_CANCEL', [
      'TR_CANCEL_ID i* Cancellation',
      'TR_BOOKING_ID >TR_BOOKING! Booking',
      'CANCEL_DT t! Cancelled',
      'CANCEL_BY c2@TR_CANCEL_BY Patient, hospital, provider',
      'REASON c4@CANC_REASON Reason',
    ]),
  ];
}

/** All EST_ tables. */
export function estatesTables() {
  return [
    est('EST_BUILDING', [
      'BUILDING_CODE s8* Building',
      'BUILDING_NAME s60! Name',
      '>SITE! Site',
      'FLOORS i Floors',
      'BUILT_YEAR i Year built',
      'LISTED_FLAG b Listed building',
    ]),
    est('EST_ROOM', [
      'ROOM_CODE s12* Room',
      'BUILDING_CODE >EST_BUILDING! Building',
      'FLOOR_NO i Floor',
      'ROOM_NAME s60 Name',
      'ROOM_USE c4@EST_ROOM_USE Use',
      'AREA_M2 n Floor area (m2)',
      '>WARD Ward it belongs to',
    ]),
    est('EST_CONTRACTOR', [
      'CONTRACTOR_CODE s10* Contractor',
      'CONTRACTOR_NAME s60! Name',
      'TRADE c4@EST_TRADE Trade',
      'PHONE s20 Phone',
      'INSURANCE_EXPIRY_DT d Insurance expires',
    ]),
    est('EST_ASSET', [
      'ASSET_NO s20* Asset',
      'ASSET_DESC s100! Description',
      'ASSET_TYPE c4@EST_ASSET_TYPE Type',
      'ROOM_CODE >EST_ROOM Location',
      'MANUFACTURER s60 Manufacturer',
      'SERIAL_NO s30 Serial number',
      'INSTALLED_DT d Installed',
      'REPLACE_DUE_DT d Replacement due',
      'CONDITION c1@EST_CONDITION Condition A-D',
    ]),
    est('EST_PPM_SCHED', [
      'PPM_ID i* Planned maintenance schedule',
      'ASSET_NO >EST_ASSET! Asset',
      'TASK_TEXT s255! Task',
      'FREQ_DAYS i Every (days)',
      'NEXT_DUE_DT d Next due',
      'CONTRACTOR_CODE >EST_CONTRACTOR Contractor',
    ]),
    est('EST_JOB', [
      'EST_JOB_ID i* Maintenance job',
      'ASSET_NO >EST_ASSET Asset',
      'ROOM_CODE >EST_ROOM Room',
      'PPM_ID >EST_PPM_SCHED Schedule (planned jobs)',
      'REPORTED_DT t! Reported',
      'PRIORITY c1@EST_PRIORITY Emergency, urgent, routine',
      'FAULT_TEXT s500 Fault',
      'CONTRACTOR_CODE >EST_CONTRACTOR Contractor',
      'COMPLETED_DT t Completed',
      'COST n Cost',
    ]),
    est('EST_BED_MAINT', [
      'BED_MAINT_ID i* Bed frame maintenance',
      'ASSET_NO >EST_ASSET! Bed frame',
      '>WARD Ward',
      'CHECK_DT d! Checked',
      'RESULT c2@EST_CHECK_RESULT Pass, fail, repaired',
    ]),
    est('EST_CLEAN_AUDIT', [
      'CLEAN_AUDIT_ID i* Cleanliness audit',
      'ROOM_CODE >EST_ROOM Room',
      '>WARD Ward',
      'AUDIT_DT d! Date',
      'RISK_CATEGORY c2@EST_CLEAN_RISK Functional risk category',
      'SCORE_PCT n Score (%)',
      'AUDITOR s60 Auditor',
    ]),
    est('EST_KEY', [
      'KEY_NO s10* Key',
      'ROOM_CODE >EST_ROOM Opens',
      'HOLDER s60 Holder',
      'ISSUED_DT d Issued',
      'RETURNED_DT d Returned',
    ]),
  ];
}
