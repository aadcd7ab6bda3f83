/**
 * LTR_: letters and correspondence (templates, generated letters, recipients, dictation, SMS reminders) and
 * CNT_: case-note tracking beyond the core (requests, pull lists, loans, scanning, destruction).
 * The documents themselves move to the new EPR's document store separately, not through the PAS migration.
 */
import { familyTable } from './table-spec.mjs';

const t = familyTable('letters');
const cn = familyTable('casenotes');

function letterTemplateTables() {
  return [
    t('LTR_TEMPLATE', [
      'TEMPLATE_CODE s12* Letter template',
      'TEMPLATE_NAME s60! Name',
      'LETTER_TYPE c4@LETTER_TYPE Appointment, admission, discharge, clinic, general',
      '>SPECIALTY Specialty (blank = all)',
      '>SITE Site (blank = all)',
      'DOC_FILE s255 Word-processor template file',
      'VERSION_NO i Version',
      'ACTIVE_FLAG b Active',
    ]),
    t('LTR_TEMPLATE_FIELD', [
      'TEMPLATE_CODE >LTR_TEMPLATE* Template',
      'MERGE_FIELD s40* Merge field',
      'SOURCE_EXPR s255 Where its value comes from',
      'FORMAT_MASK s30 Format',
    ]),
    t('LTR_ENCLOSURE', [
      'ENCLOSURE_CODE s12* Enclosure (leaflet, map, questionnaire)',
      'ENCLOSURE_NAME s60! Name',
      'DOC_FILE s255 File',
      'ACTIVE_FLAG b Active',
    ]),
    t('LTR_TEMPLATE_ENCL', [
      'TEMPLATE_CODE >LTR_TEMPLATE* Template',
      'ENCLOSURE_CODE >LTR_ENCLOSURE* Enclosure sent with it',
    ]),
  ];
}

function letterTables() {
  return [
    t('LTR_BATCH', [
      'LTR_BATCH_ID i* Overnight print batch',
      'RUN_DT t! Run',
      'LETTERS i Letters',
      'PRINTER_CODE >SYS_PRINTER Printer',
      'STATUS c1@SYS_BATCH_STATUS Status',
    ]),
    t(
      'LTR_LETTER',
      [
        'LETTER_ID i* Letter',
        '>PATIENT! Patient',
        'TEMPLATE_CODE >LTR_TEMPLATE Template used',
        'LETTER_TYPE c4@LETTER_TYPE Letter type',
        'SOURCE_TABLE s30 Event table (appointment, TCI, spell...)',
        'SOURCE_KEY i Event key',
        'AUTHOR_ID >STAFF Author',
        'LETTER_DT d! Date of the letter',
        'SIGNED_DT t Signed off',
        'PRINTED_DT t Printed',
        'LTR_BATCH_ID >LTR_BATCH Print batch',
        'STATUS c2@LETTER_STATUS Draft, typed, checked, signed, sent',
        'DOC_REF s100 Document store reference',
      ],
      { archive: true },
    ),
    t('LTR_RECIPIENT', [
      'RECIPIENT_ID i* Recipient',
      'LETTER_ID >LTR_LETTER! Letter',
      'RECIPIENT_TYPE c2@RECIPIENT_TYPE Patient, GP, referrer, other',
      'NAME s100 Name',
      'ORG_CODE s6 Organisation (ODS)',
      'ADDR_LINE1 s35 Address line 1',
      'ADDR_LINE2 s35 Address line 2',
      'ADDR_LINE3 s35 Address line 3',
      'POSTCODE s8 Postcode',
      'SEND_METHOD c2@SEND_METHOD Post, email, electronic',
      'SENT_DT t Sent',
    ]),
    t('LTR_DICTATION', [
      'DICTATION_ID i* Dictation',
      'LETTER_ID >LTR_LETTER Letter typed from it',
      '>PATIENT! Patient',
      'AUTHOR_ID >STAFF! Dictated by',
      'AUDIO_REF s255 Audio file',
      'DURATION_SECS i Length',
      'DICTATED_DT t! Dictated',
      'PRIORITY c1@PRIORITY Priority',
      'TYPIST_ID >SYS_USER Typist',
      'TYPED_DT t Typed',
    ]),
    t(
      'LTR_SMS_LOG',
      [
        'SMS_ID i* Text message',
        '>PATIENT! Patient',
        'SOURCE_TABLE s30 Event table',
        'SOURCE_KEY i Event key',
        'MOBILE s20! Number sent to',
        'MSG_TEMPLATE s12 Template',
        'SENT_DT t Sent',
        'DELIVERY_STATUS c2@SYS_SMS_STATUS Delivery status',
        'REPLY_TEXT s160 Patient reply',
      ],
      { stamps: false },
    ),
    t(
      'LTR_EMAIL_LOG',
      [
        'EMAIL_ID i* Email',
        'LETTER_ID >LTR_LETTER Letter sent',
        'TO_ADDR s255! Address',
        'SUBJECT s255 Subject',
        'SENT_DT t Sent',
        'STATUS c2@SYS_MSG_STATUS Status',
      ],
      { stamps: false },
    ),
  ];
}

function caseNoteTables() {
  return [
    cn('CNT_LOCATION', [
      'LOC_CODE s8* Case-note location',
      'LOC_NAME s60! Name',
      'LOC_TYPE c2@CN_LOC_TYPE Library, ward, clinic, office, off-site store',
      '>SITE Site',
      'CONTACT_EXT s10 Phone extension',
      'ACTIVE_FLAG b Active',
    ]),
    cn('CNT_REQUEST', [
      'CN_REQUEST_ID i* Request for notes',
      '>PATIENT! Patient',
      'REQUESTED_BY >SYS_USER Requested by',
      'REQUIRED_DT t! Needed by',
      'DEST_LOC >CNT_LOCATION! Deliver to',
      'REASON c4@CN_REQ_REASON Clinic, admission, audit, legal',
      'SOURCE_TABLE s30 Event table',
      'SOURCE_KEY i Event key',
      'STATUS c1@CN_REQ_STATUS Status',
      'FULFILLED_DT t Delivered',
    ]),
    cn('CNT_PULL_LIST', [
      'PULL_LIST_ID i* Pull list',
      'LIST_DT d! For date',
      'LOC_CODE >CNT_LOCATION! Library',
      'GENERATED_DT t Generated',
      'ITEMS i Items',
      'STATUS c1@SYS_BATCH_STATUS Status',
    ]),
    cn('CNT_PULL_ITEM', [
      'PULL_ITEM_ID i* Item',
      'PULL_LIST_ID >CNT_PULL_LIST! Pull list',
      'CN_REQUEST_ID >CNT_REQUEST! Request',
      'PULLED_FLAG b Pulled',
      'NOT_FOUND_FLAG b Not found on the shelf',
    ]),
    cn('CNT_MOVEMENT', [
      'CN_MOVE_ID i* Movement',
      '>PATIENT! Patient',
      'VOLUME_NO i Volume',
      'FROM_LOC >CNT_LOCATION From',
      'TO_LOC >CNT_LOCATION! To',
      'MOVED_DT t! Moved',
      'MOVED_BY >SYS_USER Moved by',
      'CN_REQUEST_ID >CNT_REQUEST Request fulfilled',
      'BARCODE s20 Volume barcode scanned',
    ]),
    cn('CNT_LOAN', [
      'CN_LOAN_ID i* Loan',
      '>PATIENT! Patient',
      'VOLUME_NO i Volume',
      'BORROWER s60! Borrower',
      'LOAN_DT d! Lent',
      'DUE_DT d Due back',
      'RETURNED_DT d Returned',
      'REASON s100 Reason',
    ]),
    cn('CNT_SCAN', [
      'CN_SCAN_ID i* Scanning batch item',
      '>PATIENT! Patient',
      'VOLUME_NO i Volume scanned',
      'PREPPED_DT d Prepared',
      'SCANNED_DT d Scanned',
      'QA_DT d Quality checked',
      'PAGES i Pages',
      'EDM_REF s100 Electronic document store reference',
      'DESTROY_AFTER_DT d Paper may be destroyed after',
    ]),
    cn('CNT_DESTRUCTION', [
      'CN_DESTROY_ID i* Destruction record',
      '>PATIENT! Patient',
      'VOLUME_NO i Volume',
      'RETENTION_RULE c4@RETENTION_RULE Retention schedule rule applied',
      'APPROVED_BY >STAFF Approved by',
      'DESTROYED_DT d Destroyed',
      'CERT_NO s20 Destruction certificate',
    ]),
    cn('CNT_LABEL_PRINT', [
      'LABEL_ID i* Label print',
      '>PATIENT! Patient',
      'LABEL_TYPE c2@SYS_LABEL_TYPE Folder, addressograph, wristband',
      'COPIES i Copies',
      'PRINTER_CODE >SYS_PRINTER Printer',
      'PRINTED_DT t! Printed',
    ]),
    cn('CNT_TEMP_NOTE', [
      'TEMP_NOTE_ID i* Temporary folder',
      '>PATIENT! Patient',
      'OPENED_DT d! Date the temporary folder was opened',
      'REASON s100 Why the main notes were unavailable',
      'MERGED_DT d Merged back into the main notes',
      'LOC_CODE >CNT_LOCATION Where it is',
    ]),
  ];
}

/** All LTR_ tables. */
export function letterFamilyTables() {
  return [...letterTemplateTables(), ...letterTables()];
}

/** All CNT_ tables. */
export function caseNoteFamilyTables() {
  return caseNoteTables();
}
