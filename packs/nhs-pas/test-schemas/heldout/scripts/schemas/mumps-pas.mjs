// A MUMPS/Caché-era PAS read over ODBC: lower-case, vowel-dropped and truncated names, many columns without a
// description, dates as yyyymmdd text or Horolog day counts, names/addresses/phones in their own history tables,
// audit and archive copies of core tables. Every table is "in scope" as an ODBC projection lists it.
// Columns: name | type | flags | description | LOAD fields (gold, `+` for several) | value kind

const audit = `
crt_usr | string | | | CREATE_USER | user
crt_dt | string | | | CREATE_DTTM | date:yyyymmdd
upd_usr | string | | | MODIF_USER | user
upd_dt | string | | | MODIF_DTTM | date:yyyymmdd`;

const ptntColumns = `
ptnt_id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
hsp_no | string | | Hospital number | MAIN_CRN | hospno:M
nhs_no | string | | | NHS_NUMBER | nhs
nhs_vrf_st | string | | | NHS_NUMBER_STATUS | code:01,02,03
srnm | string | | Current surname | SURNAME | surname
gvn_nm | string | | | FORENAME | forename
mdl_nms | string | | | MIDDLE_NAMES | forename
ttl | string | | | TITLE | title
prf_nm | string | | | PREFERRED_NAME | forename
brth_dt | string | | | DATE_OF_BIRTH | date:yyyymmdd:1930:2020
brth_tm | string | | | BIRTH_TIME | time
sx | string | | | SEX | code:M,F,U
ethn_cat | string | | | ETHNIC_CATEGORY | code:A,B,C,D,H,J,Z
mrtl_st | string | | | MARITAL_STATUS | code:S,M,D,W
rlgn | string | | | RELIGION | word:Christian,Muslim,None,Hindu
prf_lang | string | | Preferred language | PREFERRED_LANGUAGE | word:English,Polish,Urdu
intrp_rqd | string | | | INTERPRETER_REQUIRED | flag
occptn | string | | | OCCUPATION | word:Teacher,Driver,Retired
brth_plc | string | | | BIRTH_PLACE | town
dcsd | string | | Deceased Y/N | | flag
dth_dt | integer | | | DATE_OF_DEATH | date:horolog:2018:2024
dth_plc | string | | | PLACE_OF_DEATH | word:Home,Hospital,Hospice
gp_prac | string | | Registered GP practice | GP_PRACTICE_CODE | ods:B
reg_gp | string | | | GP_CODE | ods:G
rstrctd | string | | | RESTRICTED_FLAG | flag
vip | string | | | VIP_FLAG | flag
lst_trcd | string | | Date last traced on the spine | LAST_TRACED_DATE | date:yyyymmdd
rgstrd | integer | | | REGISTRATION_DATE | date:horolog:1990:2024
cmnt | string | | | COMMENTS | text${audit}`;

export default {
  name: 'mumps-pas',
  about: 'MUMPS/Caché-era PAS over ODBC: abbreviated lower-case names, yyyymmdd and Horolog dates, history tables',
  tables: [
    { name: 'ptnt', target: 'LOAD_PMI', rows: 150, columns: ptntColumns },
    // Trigger audit of ptnt: every column plus the audit action. Not a source.
    {
      name: 'ptnt_aud',
      rows: 60,
      noGold: true,
      demotePk: true,
      columns: `aud_id | integer | pk | | | id
${ptntColumns}
aud_act | string | | | | code:I,U,D
aud_usr | string | | | | user
aud_tm | string | | | | date:yyyymmdd`,
    },
    // Archive copy of ptnt, emptied after a purge: no rows.
    { name: 'ptnt_arc', rows: 0, noGold: true, columns: ptntColumns },
    {
      name: 'ptnt_nm_hst',
      target: 'LOAD_PMIALIASES',
      rows: 90,
      columns: `
nm_id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
ptnt_id | integer | fk=ptnt.ptnt_id | | LOADPMI_RECORD_NUMBER | fk
nm_typ | string | | Name type (PRV previous, MAI maiden, ALS alias) | ALIAS_TYPE | code:PRV,MAI,ALS
srnm | string | | | SURNAME | surname
gvn_nm | string | | | FORENAME | forename
mdl_nms | string | | | MIDDLE_NAMES | forename
ttl | string | | | TITLE | title
eff_frm | string | | | START_DATE | date:yyyymmdd
eff_to | string | | | END_DATE | date:yyyymmdd
crt_usr | string | | | CREATE_USER | user
crt_dt | string | | | CREATE_DTTM | date:yyyymmdd`,
    },
    {
      name: 'ptnt_adr_hst',
      target: 'LOAD_PMIADDRS',
      rows: 200,
      columns: `
adr_id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
ptnt_id | integer | fk=ptnt.ptnt_id | | LOADPMI_RECORD_NUMBER | fk
adr_typ | string | | | ADDRESS_TYPE | code:HOME,TEMP,CORR
adr_ln1 | string | | | ADDRESS_LINE1 | street
adr_ln2 | string | | | ADDRESS_LINE2 | town
adr_ln3 | string | | | ADDRESS_LINE3 | town
adr_ln4 | string | | | ADDRESS_LINE4 | county
pst_cd | string | | | POSTCODE | postcode
cntry | string | | | COUNTRY_CODE | code:GBR,IRL
frm_dt | integer | | | START_DATE | date:horolog:2000:2024
to_dt | integer | | | END_DATE | date:horolog:2000:2024
curr | string | | Current address Y/N | CURRENT_FLAG | flag
cnfdntl | string | | | CONFIDENTIAL_FLAG | flag
uprn | string | | | UPRN | uuid
crt_usr | string | | | CREATE_USER | user
crt_dt | string | | | CREATE_DTTM | date:yyyymmdd`,
    },
    {
      name: 'ptnt_tel_hst',
      target: 'LOAD_PMICONTACTS',
      rows: 180,
      columns: `
tel_id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
ptnt_id | integer | fk=ptnt.ptnt_id | | LOADPMI_RECORD_NUMBER | fk
tel_typ | string | | | CONTACT_TYPE | code:HOME,MOB,WORK
tel_no | string | | | CONTACT_VALUE | phone
prf | string | | | PREFERRED_FLAG | flag
sms_cnsnt | string | | | SMS_CONSENT | flag
frm_dt | integer | | | START_DATE | date:horolog:2005:2024
to_dt | integer | | | END_DATE | date:horolog:2005:2024`,
    },
    {
      name: 'nok',
      target: 'LOAD_PMINOK',
      rows: 100,
      columns: `
nok_id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
ptnt_id | integer | fk=ptnt.ptnt_id | | LOADPMI_RECORD_NUMBER | fk
nok_typ | string | | | NOK_TYPE | code:NOK,EMER
rltn | string | | Relationship to patient | RELATIONSHIP | word:Wife,Husband,Son,Daughter,Friend
srnm | string | | | SURNAME | surname
gvn_nm | string | | | FORENAME | forename
ttl | string | | | TITLE | title
adr_ln1 | string | | | ADDRESS_LINE1 | street
adr_ln2 | string | | | ADDRESS_LINE2 | town
adr_ln3 | string | | | ADDRESS_LINE3 | county
pst_cd | string | | | POSTCODE | postcode
hm_tel | string | | | HOME_PHONE | phone
mob_tel | string | | | MOBILE_PHONE | mobile
wrk_tel | string | | | WORK_PHONE | phone
par_rsp | string | | Has parental responsibility | PARENTAL_RESPONSIBILITY | flag
frm_dt | string | | | START_DATE | date:yyyymmdd
to_dt | string | | | END_DATE | date:yyyymmdd`,
    },
    {
      name: 'alrt',
      target: 'LOAD_PMIALERTS',
      rows: 80,
      columns: `
alrt_id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
ptnt_id | integer | fk=ptnt.ptnt_id | | LOADPMI_RECORD_NUMBER | fk
alrt_typ | string | | | ALERT_TYPE | code:SAFEG,CLIN,BEHAV
alrt_cd | string | | | ALERT_CODE | code:A01,A02,B10
alrt_txt | string | | | ALERT_TEXT | text
strt_dt | string | | | START_DATE | date:yyyymmdd
end_dt | string | | | END_DATE | date:yyyymmdd
rvw_dt | string | | | REVIEW_DATE | date:yyyymmdd
svrty | string | | | SEVERITY | code:HIGH,MED,LOW
rcrd_by | string | | | RECORDED_BY | user${audit}`,
    },
    {
      name: 'stf',
      target: 'LOAD_STAFF',
      rows: 40,
      columns: `
stf_id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
stf_cd | string | | | STAFF_CODE | staffseq:C
ntnl_cd | string | | | NATIONAL_CODE | ods:C
gmc_no | string | | | GMC_NUMBER | gmc
stf_typ | string | | | STAFF_TYPE | code:CONS,GP,NURSE
ttl | string | | | TITLE | title
srnm | string | | | SURNAME | surname
frnm | string | | | FORENAME | forename
inits | string | | | INITIALS | initials
spclty | string | | | MAIN_SPECIALTY | code:100,101,110,300
job_ttl | string | | | JOB_TITLE | word:Consultant,Registrar
eml | string | | | EMAIL | email
tel | string | | | PHONE | phone
strt_dt | string | | | START_DATE | date:yyyymmdd:2000:2020
end_dt | string | | | END_DATE | date:yyyymmdd:2020:2024
actv | string | | | ACTIVE_FLAG | flag`,
    },
    {
      name: 'loc',
      target: 'LOAD_SITES',
      rows: 8,
      columns: `
loc_id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
loc_cd | string | | | SITE_CODE | code:GEN,STJ,CHP,WRD
ods_cd | string | | | ODS_SITE_CODE | ods:R
loc_nm | string | | | SITE_NAME | word:General Hospital,St James,Chapel Allerton
shrt_nm | string | | | SHORT_NAME | code:GEN,STJ,CHP
loc_typ | string | | | SITE_TYPE | code:HOSP,CLINIC
adr_ln1 | string | | | ADDRESS_LINE1 | street
adr_ln2 | string | | | ADDRESS_LINE2 | town
pst_cd | string | | | POSTCODE | postcode
tel | string | | | PHONE | phone
actv | string | | | ACTIVE_FLAG | flag`,
    },
    {
      name: 'rfrl',
      target: 'LOAD_REFERRALS',
      rows: 160,
      columns: `
rfrl_id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
ptnt_id | integer | fk=ptnt.ptnt_id | | LOADPMI_RECORD_NUMBER | fk
rfrl_dt | string | | | REFERRAL_DATE | date:yyyymmdd
rcvd_dt | string | | | RECEIVED_DATE | date:yyyymmdd
rfrl_src | string | | | REFERRAL_SOURCE | code:03,05,92
rfrr_cd | string | | | REFERRER_CODE | ods:G
rfrr_org | string | | | REFERRER_ORG_CODE | ods:B
prty | string | | | PRIORITY | code:1,2,3
trt_fn | string | | | TREATMENT_FUNCTION | code:100,101,110,300
cnslt | string | | | CONSULTANT_CODE | staff:C
loc_cd | string | | | SITE_CODE | code:GEN,STJ,CHP
tm_cd | string | | | TEAM_CODE | code:T1,T2
rfrl_rsn | string | | | REFERRAL_REASON | text
ubrn | string | | | UBRN | uuid
rfrl_st | string | | | REFERRAL_STATUS | code:O,C
dsch_dt | string | | | DISCHARGE_DATE | date:yyyymmdd
dsch_rsn | string | | | DISCHARGE_REASON | text${audit}`,
    },
    {
      name: 'appt',
      target: 'LOAD_OPD_APPOINTMENTS',
      rows: 240,
      columns: `
appt_id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
ptnt_id | integer | fk=ptnt.ptnt_id | | LOADPMI_RECORD_NUMBER | fk
rfrl_id | integer | fk=rfrl.rfrl_id | | LOADREF_RECORD_NUMBER | fk
appt_dttm | string | | | APPOINTMENT_DTTM | date:isodt
bkd_dt | string | | | BOOKED_DATE | date:yyyymmdd
clnc_cd | string | | | CLINIC_CODE | code:ORTH1,GEN2,DERM1
loc_cd | string | | | SITE_CODE | code:GEN,STJ,CHP
cnslt | string | | | CONSULTANT_CODE | staff:C
trt_fn | string | | | TREATMENT_FUNCTION | code:100,101,110,300
frst_att | string | | | FIRST_ATTENDANCE | code:1,2,3,4
prty | string | | | PRIORITY | code:1,2,3
att_st | string | | | ATTENDANCE_STATUS | code:5,6,7,2,3
att_outc | string | | | ATTENDANCE_OUTCOME | code:1,2,3
arrv_tm | string | | | ARRIVAL_DTTM | date:isodt
seen_tm | string | | | SEEN_DTTM | date:isodt
cncl_dt | string | | | CANCEL_DATE | date:yyyymmdd
cncl_rsn | string | | | CANCEL_REASON | text
cncl_by | string | | | CANCELLED_BY | code:H,P
trnsprt | string | | | TRANSPORT_REQUIRED | flag
intrp_rqd | string | | | INTERPRETER_REQUIRED | flag
opr | string | | Operator who booked | CREATE_USER | user
opr_dt | string | | | CREATE_DTTM | date:yyyymmdd`,
    },
    {
      name: 'adm',
      target: 'LOAD_ADT_ADMISSIONS',
      rows: 120,
      columns: `
adm_id | integer | pk | | RECORD_NUMBER+EXTERNAL_SYSTEM_ID | id
ptnt_id | integer | fk=ptnt.ptnt_id | | LOADPMI_RECORD_NUMBER | fk
spl_no | string | | Spell number | SPELL_NUMBER | hospno:S
adm_dttm | string | | | ADMISSION_DTTM | date:isodt
adm_mthd | string | | | ADMISSION_METHOD | code:11,12,21,22
adm_src | string | | | ADMISSION_SOURCE | code:19,29,51
pt_cls | string | | | PATIENT_CLASSIFICATION | code:1,2,3
adm_cat | string | | | ADMIN_CATEGORY | code:01,02
int_mgmt | string | | | INTENDED_MANAGEMENT | code:1,2
dta_dt | string | | | DECISION_TO_ADMIT_DATE | date:yyyymmdd
adm_cnslt | string | | | ADMITTING_CONSULTANT | staff:C
trt_fn | string | | | TREATMENT_FUNCTION | code:100,101,110,300
loc_cd | string | | | SITE_CODE | code:GEN,STJ,CHP
adm_wrd | string | | | ADMISSION_WARD | code:W1,W2,W3
exp_dsch_dt | string | | | EXPECTED_DISCHARGE_DATE | date:yyyymmdd
dsch_dttm | string | | | DISCHARGE_DTTM | date:isodt
dsch_mthd | string | | | DISCHARGE_METHOD | code:1,2,4
dsch_dstn | string | | | DISCHARGE_DESTINATION | code:19,29,79
dsch_wrd | string | | | DISCHARGE_WARD | code:W1,W2,W3${audit}`,
    },
    // Row history of adm: a copy with a history sequence; not a source.
    {
      name: 'adm_hst',
      rows: 40,
      columns: `
hst_id | integer | pk | | | id
adm_id | integer | | | | fk
hst_seq | integer | | | | seq
ptnt_id | integer | | | | fk
spl_no | string | | | | hospno:S
adm_dttm | string | | | | date:isodt
adm_mthd | string | | | | code:11,12,21,22
adm_src | string | | | | code:19,29,51
pt_cls | string | | | | code:1,2,3
adm_cat | string | | | | code:01,02
int_mgmt | string | | | | code:1,2
adm_cnslt | string | | | | staff:C
trt_fn | string | | | | code:100,101
loc_cd | string | | | | code:GEN,STJ
adm_wrd | string | | | | code:W1,W2
dsch_dttm | string | | | | date:isodt
dsch_mthd | string | | | | code:1,2,4
dsch_dstn | string | | | | code:19,29
upd_usr | string | | | | user
upd_dt | string | | | | date:yyyymmdd`,
    },
    {
      name: 'sys_usr',
      rows: 10,
      columns: `
usr_id | integer | pk | | | id
usr_nm | string | | | | user
pswd_hsh | string | | | | uuid
lst_lgn | string | | | | date:yyyymmdd
actv | string | | | | flag`,
    },
    {
      name: 'cfg_prm',
      rows: 5,
      columns: `
prm_cd | string | pk | | | code:A,B,C,D,E
prm_val | string | | | | word
upd_usr | string | | | | user
upd_dt | string | | | | date:yyyymmdd`,
    },
  ],
};
