/**
 * SYS_: the PAS's own configuration and housekeeping: users, roles and menus, parameters, sequences, printers,
 * system enumerations (SYS_CODE, which holds every `sys_` code type), scheduled jobs, reports and screen
 * definitions. Nothing here is patient data; none of it migrates.
 */
import { familyTable } from './table-spec.mjs';

const t = familyTable('system');

function securityTables() {
  return [
    t('SYS_USER', [
      'USER_ID i* User identifier',
      'LOGIN s30! Login name',
      'STAFF_ID >STAFF Staff record of the user',
      'SURNAME s35! Surname',
      'FORENAME s35 Forename',
      'JOB_TITLE s60 Job title',
      'EMAIL s100 Email address',
      'SMARTCARD_UUID s12 NHS smartcard user identifier',
      'DEFAULT_SITE_ID >SITE Default site',
      'PWD_HASH s128 Password hash',
      'PWD_CHANGED_DT t Password last changed',
      'PWD_EXPIRY_DT d Password expiry date',
      'FAILED_LOGINS i Failed logins since last success',
      'LOCKED_FLAG b Account locked',
      'LAST_LOGIN_DT t Last successful login',
      'START_DT d Account valid from',
      'END_DT d Account valid to',
    ]),
    t('SYS_ROLE', [
      'ROLE_CODE s12* Role code',
      'ROLE_NAME s60! Role name',
      'RBAC_CODE s10 National RBAC role code',
      'SENSITIVE_ACCESS b May see restricted (S-flag) records',
      'ACTIVE_FLAG b! Active',
    ]),
    t('SYS_USER_ROLE', [
      'USER_ROLE_ID i* User role row',
      'USER_ID >SYS_USER! User',
      'ROLE_CODE >SYS_ROLE! Role',
      '>SITE Site the role applies to (blank = all)',
      'START_DT d From',
      'END_DT d To',
    ]),
    t('SYS_PERMISSION', [
      'PERM_CODE s30* Permission code',
      'PERM_DESC s100! Description',
      'MODULE c4@SYS_MODULE Module',
      'PERM_TYPE c1@SYS_PERM_TYPE R read, W write, X execute',
    ]),
    t('SYS_ROLE_PERM', [
      'ROLE_CODE >SYS_ROLE* Role',
      'PERM_CODE >SYS_PERMISSION* Permission',
      'GRANTED_DT d Granted on',
    ]),
    t('SYS_MENU', [
      'MENU_ID i* Menu option identifier',
      'PARENT_MENU_ID i Parent option (blank = top level)',
      'MENU_TEXT s40! Option text',
      'SCREEN_CODE >SYS_SCREEN Screen opened',
      'HOT_KEY s4 Hot key',
      'SORT_ORDER i Position in the menu',
      'MODULE c4@SYS_MODULE Module',
    ]),
    t('SYS_ROLE_MENU', ['ROLE_CODE >SYS_ROLE* Role', 'MENU_ID >SYS_MENU* Menu option', 'READ_ONLY b Read only']),
    t(
      'SYS_LOGIN_AUDIT',
      [
        'LOGIN_AUDIT_ID i* Login event',
        'LOGIN s30! Login name tried',
        'USER_ID >SYS_USER User (blank when unknown)',
        'EVENT_DT t! Date/time',
        'EVENT_TYPE c2@SYS_LOGIN_EVENT Login, logout, failure, lock',
        'TERMINAL s30 Terminal',
        'IP_ADDR s45 IP address',
        'SMARTCARD_FLAG b Smartcard authentication',
      ],
      { stamps: false },
    ),
    t(
      'SYS_SESSION',
      [
        'SESSION_ID i* Session',
        'USER_ID >SYS_USER! User',
        'START_DT t! Started',
        'LAST_ACTIVE_DT t Last activity',
        'END_DT t Ended',
        'TERMINAL s30 Terminal',
        'PROCESS_ID i Server process',
      ],
      { stamps: false },
    ),
    t(
      'SYS_PASSWORD_HIST',
      ['PWD_HIST_ID i* Row', 'USER_ID >SYS_USER! User', 'PWD_HASH s128! Previous password hash', 'SET_DT t! Set on'],
      { stamps: false },
    ),
    t('SYS_SMARTCARD_ROLE', [
      'SC_ROLE_ID i* Row',
      'USER_ID >SYS_USER! User',
      'SC_ROLE_PROFILE s12! Spine role profile identifier',
      'RBAC_CODE s10 National RBAC role code',
      'ORG_CODE s6 ODS organisation of the role',
      'ROLE_CODE >SYS_ROLE Local role it maps to',
    ]),
  ];
}

function parameterTables() {
  return [
    t('SYS_ORG', [
      'ORG_CODE s6* ODS code of the trust',
      'ORG_NAME s100! Trust name',
      'ADDR_LINE1 s35 Address line 1',
      'ADDR_LINE2 s35 Address line 2',
      'ADDR_LINE3 s35 Address line 3',
      'POSTCODE s8 Postcode',
      'PHONE s20 Switchboard',
      'CDS_SENDER s5 CDS sender identity',
      'ICB_CODE s3 Host ICB',
    ]),
    t('SYS_PARAM', [
      'PARAM_CODE s30* Parameter',
      'PARAM_VALUE s255 Value',
      'PARAM_DESC s255 What it controls',
      'DATA_TYPE c1@SYS_PARAM_TYPE Value type',
      '>SITE Site override (blank = trust-wide)',
      'MODULE c4@SYS_MODULE Module',
      'EDITABLE b Can be changed on screen',
    ]),
    t('SYS_SEQUENCE', [
      'SEQ_NAME s30* Sequence',
      'NEXT_VALUE i! Next number',
      'INCREMENT_BY i Step',
      'PREFIX s4 Prefix printed before the number',
      'MIN_VALUE i Lowest value',
      'MAX_VALUE i Highest value before wrap',
      'CYCLE_FLAG b Wraps at the maximum',
    ]),
    t('SYS_CODE_TYPE', [
      'CODE_TYPE s30* System code type',
      'TYPE_DESC s100! Description',
      'SYSTEM_OWNED b Maintained by the supplier only',
      'CODE_LENGTH i Maximum code length',
    ]),
    t('SYS_CODE', [
      'SYS_CODE_ID i* Row',
      'CODE_TYPE >SYS_CODE_TYPE! System code type',
      'CODE s10! Code',
      'DESCRIPTION s80! Description',
      'ACTIVE_FLAG b! Active',
      'SORT_ORDER i Position in pick lists',
    ]),
    t('SYS_CODE_MAP', [
      'MAP_ID i* Mapping row',
      'CODE_TYPE s30! Local code type (lookup table name)',
      'LOCAL_CODE s10! Local code',
      'NATIONAL_CODE s10! National code',
      'DATASET c4@SYS_DATASET Data set the mapping is used for (CDS, ECDS, MSDS...)',
      'START_DT d Valid from',
      'END_DT d Valid to',
    ]),
    t('SYS_HOLIDAY', [
      'HOLIDAY_DT d* Date',
      '>SITE Site (blank = all)',
      'HOLIDAY_NAME s40 Name',
      'CLINICS_CLOSED b Clinics closed',
    ]),
    t('SYS_MESSAGE', [
      'MSG_CODE s10* Message code',
      'MSG_TEXT s255! Text shown to the user',
      'SEVERITY c1@SYS_SEVERITY I info, W warning, E error',
      'MODULE c4@SYS_MODULE Module',
    ]),
    t('SYS_NOTICE', [
      'NOTICE_ID i* Notice',
      'NOTICE_TEXT s1000! Text shown at login',
      'START_DT t From',
      'END_DT t To',
      '>SITE Site (blank = all)',
    ]),
    t(
      'SYS_VERSION',
      [
        'VERSION_ID i* Row',
        'VERSION_NO s20! Release number',
        'APPLIED_DT t! Applied on',
        'APPLIED_BY s30 Applied by',
        'SCRIPT_NAME s100 Upgrade script',
        'NOTES s255 Notes',
      ],
      { stamps: false },
    ),
    t('SYS_LICENCE', [
      'LICENCE_ID i* Row',
      'MODULE c4@SYS_MODULE! Module licensed',
      'CONCURRENT_USERS i Concurrent users allowed',
      'START_DT d From',
      'EXPIRY_DT d Expires',
      'LICENCE_KEY s64 Licence key',
    ]),
    t('SYS_DEPT', [
      'DEPT_CODE s8* Department code',
      'DEPT_NAME s60! Name',
      '>SITE Site',
      'COST_CENTRE s10 Ledger cost centre',
      'MANAGER_ID >STAFF Manager',
      'ACTIVE_FLAG b Active',
    ]),
  ];
}

function deviceTables() {
  return [
    t('SYS_TERMINAL', [
      'TERMINAL s30* Terminal or host name',
      '>SITE Site',
      'LOCATION_DESC s60 Where it is',
      'DEFAULT_PRINTER >SYS_PRINTER Default printer',
      'LABEL_PRINTER >SYS_PRINTER Label printer',
      'WRISTBAND_PRINTER >SYS_PRINTER Wristband printer',
      'ACTIVE_FLAG b Active',
    ]),
    t('SYS_PRINTER', [
      'PRINTER_CODE s12* Printer code',
      'PRINTER_NAME s60! Name',
      'QUEUE_NAME s100 Print queue',
      'PRINTER_TYPE c2@SYS_PRINTER_TYPE Laser, label, wristband, dot matrix',
      '>SITE Site',
      'LOCATION_DESC s60 Where it is',
      'ACTIVE_FLAG b Active',
    ]),
    t('SYS_PRINTER_MAP', [
      'PRINTER_MAP_ID i* Row',
      'DOC_TYPE c4@SYS_DOC_TYPE Document type',
      '>WARD Ward',
      '>OP_CLINIC Clinic',
      'PRINTER_CODE >SYS_PRINTER! Printer used',
    ]),
    t(
      'SYS_PRINT_JOB',
      [
        'PRINT_JOB_ID i* Print job',
        'PRINTER_CODE >SYS_PRINTER! Printer',
        'DOC_TYPE c4@SYS_DOC_TYPE Document type',
        'USER_ID >SYS_USER Requested by',
        'REQUEST_DT t! Requested',
        'PRINTED_DT t Printed',
        'PAGES i Pages',
        'COPIES i Copies',
        'STATUS c1@SYS_PRINT_STATUS Status',
      ],
      { stamps: false },
    ),
  ];
}

function jobTables() {
  return [
    t('SYS_JOB', [
      'JOB_CODE s20* Batch job',
      'JOB_DESC s100! Description',
      'PROGRAM s60! Program run',
      'SCHEDULE s60 Schedule (cron-like)',
      'NEXT_RUN_DT t Next run',
      'ENABLED b Enabled',
      'NOTIFY_EMAIL s100 Failure notification address',
    ]),
    t(
      'SYS_JOB_RUN',
      [
        'JOB_RUN_ID i* Run',
        'JOB_CODE >SYS_JOB! Job',
        'START_DT t! Started',
        'END_DT t Finished',
        'STATUS c1@SYS_BATCH_STATUS Status',
        'ROWS_PROCESSED i Rows processed',
        'LOG_FILE s255 Log file',
        'ERROR_TEXT s1000 Error text',
      ],
      { stamps: false },
    ),
    t(
      'SYS_ERROR_LOG',
      [
        'ERROR_ID i* Error',
        'ERROR_DT t! Date/time',
        'USER_ID >SYS_USER User',
        'PROGRAM s60 Program',
        'ERROR_CODE s20 Error code',
        'ERROR_TEXT s1000 Error text',
        'STACK_TEXT s4000 Stack or call trace',
        'TERMINAL s30 Terminal',
      ],
      { stamps: false },
    ),
    t('SYS_REPORT', [
      'REPORT_CODE s20* Report',
      'REPORT_NAME s100! Name',
      'CATEGORY c4@SYS_REPORT_CATEGORY Category',
      'PROGRAM s100 Report definition file',
      'OUTPUT_FORMAT c4@SYS_OUTPUT_FORMAT Output format',
      'ACTIVE_FLAG b Active',
    ]),
    t('SYS_REPORT_PARAM', [
      'REPORT_CODE >SYS_REPORT* Report',
      'PARAM_SEQ i* Position',
      'PARAM_NAME s30! Parameter',
      'PROMPT s60 Prompt',
      'DATA_TYPE c1@SYS_PARAM_TYPE Type',
      'DEFAULT_VALUE s60 Default',
      'MANDATORY b Must be given',
    ]),
    t(
      'SYS_REPORT_RUN',
      [
        'REPORT_RUN_ID i* Run',
        'REPORT_CODE >SYS_REPORT! Report',
        'USER_ID >SYS_USER Run by',
        'RUN_DT t! Started',
        'END_DT t Finished',
        'PARAM_TEXT s1000 Parameters used',
        'OUTPUT_FILE s255 Output file',
        'ROWS_RETURNED i Rows returned',
      ],
      { stamps: false },
    ),
  ];
}

function screenTables() {
  return [
    t('SYS_SCREEN', [
      'SCREEN_CODE s12* Screen',
      'SCREEN_TITLE s60! Title',
      'MODULE c4@SYS_MODULE Module',
      'PROGRAM s60 Form program',
      'HELP_TEXT s2000 Help text',
    ]),
    t('SYS_SCREEN_FIELD', [
      'SCREEN_CODE >SYS_SCREEN* Screen',
      'FIELD_NAME s30* Field',
      'LABEL s40 Label',
      'TABLE_NAME s30 Table the field writes',
      'COLUMN_NAME s30 Column the field writes',
      'MANDATORY b Mandatory on this screen',
      'HIDDEN b Hidden',
      'HELP_TEXT s1000 Help text',
    ]),
    t('SYS_FIELD_RULE', [
      'RULE_ID i* Rule',
      'SCREEN_CODE >SYS_SCREEN Screen',
      'FIELD_NAME s30! Field',
      'RULE_TYPE c2@SYS_RULE_TYPE Mandatory, range, pattern, cross-field',
      'RULE_EXPR s500 Rule expression',
      'MSG_CODE >SYS_MESSAGE Message shown when it fails',
      'ACTIVE_FLAG b Active',
    ]),
    t('SYS_WORKLIST', [
      'WORKLIST_CODE s12* Work list',
      'WORKLIST_NAME s60! Name',
      'MODULE c4@SYS_MODULE Module',
      'QUERY_TEXT s4000 Selection query',
      'OWNER_ROLE >SYS_ROLE Role that works it',
    ]),
    t('SYS_WORKLIST_ITEM', [
      'ITEM_ID i* Item',
      'WORKLIST_CODE >SYS_WORKLIST! Work list',
      '>PATIENT Patient',
      'SOURCE_TABLE s30 Table of the record to act on',
      'SOURCE_KEY i Key of the record to act on',
      'ADDED_DT t! Added',
      'ASSIGNED_TO >SYS_USER Assigned to',
      'DONE_DT t Completed',
      'STATUS c1@SYS_ITEM_STATUS Status',
    ]),
  ];
}

/** All SYS_ tables. */
export function systemTables() {
  return [...securityTables(), ...parameterTables(), ...deviceTables(), ...jobTables(), ...screenTables()];
}
