/**
 * MAT_: maternity: pregnancies and booking, antenatal contacts, scans and screening, labour and delivery,
 * babies and neonatal checks, postnatal care and the MSDS extract. Out of scope: maternity moves to a specialist
 * maternity system with its own migration.
 */
import { familyTable } from './table-spec.mjs';

const t = familyTable('maternity');

function antenatalTables() {
  return [
    t('MAT_PREG', [
      'PREG_ID i* Pregnancy',
      '>PATIENT! Mother',
      'LMP_DT d Last menstrual period',
      'EDD_DT d Estimated date of delivery (dates)',
      'EDD_SCAN_DT d Estimated date of delivery (scan)',
      'GRAVIDA i Gravida',
      'PARITY i Parity',
      'LEAD_PROF c2@MAT_LEAD_PROF Lead professional type',
      'CONS_ID >STAFF Named consultant',
      'MIDWIFE_ID >STAFF Named midwife',
      'PLANNED_PLACE c2@MAT_BIRTH_PLACE Planned place of birth',
      'OUTCOME c2@MAT_PREG_OUTCOME Live birth, stillbirth, miscarriage, termination',
      'END_DT d Pregnancy ended',
    ]),
    t('MAT_BOOKING', [
      'BOOKING_ID i* Booking appointment',
      'PREG_ID >MAT_PREG! Pregnancy',
      'BOOKING_DT d! Booked',
      'GEST_WEEKS i Gestation at booking (weeks)',
      'HEIGHT_CM n Height (cm)',
      'WEIGHT_KG n Weight (kg)',
      'BMI n Body mass index',
      'SMOKING c2@MAT_SMOKING Smoking status',
      'ALCOHOL_UNITS i Alcohol units a week',
      'FOLIC_ACID c2@MAT_FOLIC Folic acid status',
      'EMPLOY_STATUS c2@EMPLOY_STATUS Employment status',
      'COMPLEX_SOCIAL b Complex social factors',
      'MIDWIFE_ID >STAFF Booking midwife',
    ]),
    t('MAT_RISK', [
      'MAT_RISK_ID i* Risk factor',
      'PREG_ID >MAT_PREG! Pregnancy',
      'RISK_CODE c6@MAT_RISK Risk factor',
      'IDENTIFIED_DT d Identified',
      'RESOLVED_DT d Resolved',
      'PLAN_TEXT s500 Care plan',
    ]),
    t('MAT_AN_VISIT', [
      'AN_VISIT_ID i* Antenatal contact',
      'PREG_ID >MAT_PREG! Pregnancy',
      'VISIT_DT d! Date',
      'GEST_WEEKS i Gestation (weeks)',
      'LOCATION c2@MAT_CONTACT_LOC Home, clinic, hospital, virtual',
      'BP_SYS i Systolic BP',
      'BP_DIA i Diastolic BP',
      'URINE_PROTEIN c2@MAT_URINALYSIS Urine protein',
      'FUNDAL_HT_CM n Symphysis-fundal height (cm)',
      'FETAL_HR i Fetal heart rate',
      'PRESENTATION c2@MAT_PRESENTATION Presentation',
      'SEEN_BY >STAFF Seen by',
    ]),
    t('MAT_SCAN', [
      'MAT_SCAN_ID i* Ultrasound scan',
      'PREG_ID >MAT_PREG! Pregnancy',
      'SCAN_DT d! Date',
      'SCAN_TYPE c2@MAT_SCAN_TYPE Dating, anomaly, growth, other',
      'GEST_DAYS i Gestation (days)',
      'FETUSES i Number of fetuses',
      'EFW_G i Estimated fetal weight (g)',
      'FINDINGS s1000 Findings',
      'SONOGRAPHER_ID >STAFF Sonographer',
    ]),
    t('MAT_SCREENING', [
      'MAT_SCREEN_ID i* Screening test',
      'PREG_ID >MAT_PREG! Pregnancy',
      'SCREEN_TYPE c4@MAT_SCREEN_TYPE Test (HIV, hepatitis B, syphilis, sickle cell, Down syndrome...)',
      'OFFERED_DT d Offered',
      'ACCEPTED b Accepted',
      'SAMPLE_DT d Sample taken',
      'RESULT c2@MAT_SCREEN_RESULT Result',
      'RESULT_DT d Result date',
    ]),
  ];
}

function birthTables() {
  return [
    t('MAT_LABOUR', [
      'LABOUR_ID i* Labour',
      'PREG_ID >MAT_PREG! Pregnancy',
      'SPELL_ID >ADM_SPELL Admission',
      'ONSET c2@MAT_LABOUR_ONSET Spontaneous, induced, caesarean before labour',
      'ONSET_DT t Onset of established labour',
      'INDUCTION_METHOD c2@MAT_INDUCTION Induction method',
      'MEMBRANES_DT t Membranes ruptured',
      'ANALGESIA c2@MAT_ANALGESIA Analgesia in labour',
      'STAGE2_DT t Second stage began',
    ]),
    t('MAT_DELIVERY', [
      'DELIVERY_ID i* Delivery',
      'LABOUR_ID >MAT_LABOUR! Labour',
      'DELIVERY_DT t! Delivered',
      'DELIVERY_METHOD c2@MAT_DELIVERY_METHOD Delivery method',
      'PLACE c2@MAT_BIRTH_PLACE Actual place of birth',
      'PLACE_CHANGE_REASON c2@MAT_PLACE_CHANGE Reason place differed from plan',
      'ANAES_DELIVERY c2@MAT_ANAESTHETIC Anaesthetic at delivery',
      'BLOOD_LOSS_ML i Estimated blood loss (ml)',
      'PLACENTA_DT t Placenta delivered',
      'DELIVERED_BY >STAFF Delivered by',
    ]),
    t('MAT_PERINEUM', [
      'PERINEUM_ID i* Perineal outcome',
      'DELIVERY_ID >MAT_DELIVERY! Delivery',
      'TRAUMA c2@MAT_PERINEAL Perineal trauma degree',
      'EPISIOTOMY b Episiotomy',
      'REPAIRED_BY >STAFF Repaired by',
    ]),
    t('MAT_BABY', [
      'BABY_ID i* Baby',
      'DELIVERY_ID >MAT_DELIVERY! Delivery',
      'BABY_PAT_ID >PATIENT Baby patient record',
      'BIRTH_ORDER i! Birth order',
      'BIRTH_DT t! Born',
      'SEX c1@SEX Sex',
      'WEIGHT_G i Birth weight (g)',
      'GEST_WEEKS i Gestation at birth (weeks)',
      'LIVE_BIRTH b Live birth',
      'APGAR_1 i Apgar at 1 minute',
      'APGAR_5 i Apgar at 5 minutes',
      'RESUSCITATION c2@MAT_RESUS Resuscitation method',
      'NHS_NO_ISSUED_DT d NHS number issued (birth notification)',
    ]),
    t('MAT_BIRTH_NOTIF', [
      'BIRTH_NOTIF_ID i* Birth notification',
      'BABY_ID >MAT_BABY! Baby',
      'SENT_DT t Sent to the Spine',
      'NHS_NO s10 NHS number allocated',
      'STATUS c1@SYS_MSG_STATUS Status',
    ]),
    t('MAT_BABY_EXAM', [
      'BABY_EXAM_ID i* Newborn examination',
      'BABY_ID >MAT_BABY! Baby',
      'EXAM_DT d! Date',
      'EXAM_TYPE c2@MAT_EXAM_TYPE NIPE, 6-8 week, other',
      'HIPS c2@MAT_EXAM_RESULT Hips',
      'HEART c2@MAT_EXAM_RESULT Heart',
      'EYES c2@MAT_EXAM_RESULT Eyes',
      'TESTES c2@MAT_EXAM_RESULT Testes',
      'EXAMINER_ID >STAFF Examiner',
    ]),
    t('MAT_FEEDING', [
      'FEEDING_ID i* Feeding record',
      'BABY_ID >MAT_BABY! Baby',
      'RECORDED_DT d! Date',
      'FEED_METHOD c2@MAT_FEEDING Breast, formula, mixed',
      'FIRST_FEED_DT t First feed',
      'SKIN_TO_SKIN b Skin-to-skin within an hour',
    ]),
    t('MAT_PN_VISIT', [
      'PN_VISIT_ID i* Postnatal contact',
      'PREG_ID >MAT_PREG! Pregnancy',
      'VISIT_DT d! Date',
      'LOCATION c2@MAT_CONTACT_LOC Location',
      'MOOD_SCREEN c2@MAT_MOOD Mood screen result',
      'SEEN_BY >STAFF Seen by',
      'DISCHARGED b Discharged from midwifery care',
    ]),
    t(
      'MAT_MSDS_EXTRACT',
      [
        'MSDS_ID i* MSDS submission row',
        'PREG_ID >MAT_PREG! Pregnancy',
        'PERIOD_START d! Reporting period',
        'SENT_DT t Sent',
        'VALID_FLAG b Passed validation',
      ],
      { stamps: false },
    ),
  ];
}

/** All MAT_ tables. */
export function maternityTables() {
  return [...antenatalTables(), ...birthTables()];
}
