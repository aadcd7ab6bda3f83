/**
 * IF_: interface engines and their logs: HL7 v2 in and out, PDS tracing, e-RS, MESH, commissioning data set
 * (CDS/SUS) submissions, order communications and results. Logs and queues, not records; none migrates.
 */
import { familyTable } from './table-spec.mjs';

const t = familyTable('interface');

function hl7Tables() {
  return [
    t('IF_PARTNER', [
      'PARTNER_CODE s12* Interface partner',
      'PARTNER_NAME s60! Name',
      'PROTOCOL c4@SYS_IF_PROTOCOL MLLP, MESH, SFTP, HTTP',
      'HOST s100 Host',
      'PORT i Port',
      'MAILBOX_ID s20 MESH mailbox',
      'ACTIVE_FLAG b Active',
    ]),
    t('IF_ROUTE', [
      'ROUTE_ID i* Route',
      'PARTNER_CODE >IF_PARTNER! Partner',
      'DIRECTION c1@SYS_IF_DIRECTION I inbound, O outbound',
      'MSG_TYPE s7! HL7 message type (e.g. ADT^A01)',
      'EVENT_SOURCE s30 PAS event that triggers it',
      'FILTER_EXPR s500 Filter',
      'ACTIVE_FLAG b Active',
    ]),
    t(
      'IF_HL7_IN',
      [
        'HL7_IN_ID i* Inbound message',
        'PARTNER_CODE >IF_PARTNER Sender',
        'MSG_CTRL_ID s40! MSH-10 message control id',
        'MSG_TYPE s7! Message type',
        'MSG_DT t MSH-7 message date/time',
        'RECEIVED_DT t! Received',
        'PROCESSED_DT t Processed',
        '>PATIENT Patient matched',
        'STATUS c1@SYS_MSG_STATUS Status',
        'ERROR_TEXT s1000 Processing error',
        'MSG_TEXT s4000 Message text',
      ],
      { stamps: false, archive: true },
    ),
    t(
      'IF_HL7_OUT',
      [
        'HL7_OUT_ID i* Outbound message',
        'ROUTE_ID >IF_ROUTE! Route',
        'MSG_CTRL_ID s40! MSH-10 message control id',
        'MSG_TYPE s7! Message type',
        'EVENT_DT t! PAS event date/time',
        'QUEUED_DT t! Queued',
        'SENT_DT t Sent',
        'ACK_DT t Acknowledged',
        '>PATIENT Patient',
        'SOURCE_TABLE s30 Table of the event',
        'SOURCE_KEY i Key of the event',
        'STATUS c1@SYS_MSG_STATUS Status',
        'RETRIES i Send attempts',
        'MSG_TEXT s4000 Message text',
      ],
      { stamps: false, archive: true },
    ),
    t(
      'IF_HL7_ACK',
      [
        'ACK_ID i* Acknowledgement',
        'HL7_OUT_ID >IF_HL7_OUT! Message acknowledged',
        'ACK_CODE c2@SYS_HL7_ACK AA, AE or AR',
        'ACK_DT t! Received',
        'ERROR_TEXT s1000 Error text',
      ],
      { stamps: false },
    ),
  ];
}

function spineTables() {
  return [
    t(
      'IF_PDS_BATCH',
      [
        'PDS_BATCH_ID i* Trace batch',
        'FILE_NAME s100 Request file',
        'SENT_DT t Sent',
        'RESPONSE_DT t Response received',
        'RECORDS_SENT i Records sent',
        'MATCHED i Records matched',
        'UNMATCHED i Records not matched',
        'STATUS c1@SYS_BATCH_STATUS Status',
      ],
      { stamps: false },
    ),
    t(
      'IF_PDS_TRACE',
      [
        'TRACE_ID i* Trace',
        '>PATIENT! Patient traced',
        'PDS_BATCH_ID >IF_PDS_BATCH Batch (blank = online trace)',
        'TRACE_TYPE c1@SYS_TRACE_TYPE Cross-check, demographic, batch',
        'REQUEST_DT t! Requested',
        'RESPONSE_DT t Response',
        'RESULT c2@SYS_TRACE_RESULT Result',
        'NHS_NO_RETURNED s10 NHS number returned',
        'SENSITIVE_FLAG b Record is restricted',
        'DECEASED_FLAG b PDS shows the patient deceased',
        'USER_ID >SYS_USER Requested by',
      ],
      { stamps: false },
    ),
    t(
      'IF_PDS_DIFF',
      [
        'DIFF_ID i* Difference',
        'TRACE_ID >IF_PDS_TRACE! Trace',
        'FIELD_NAME s30! Field that differs',
        'LOCAL_VALUE s100 PAS value',
        'PDS_VALUE s100 PDS value',
        'ACTION c1@SYS_DIFF_ACTION Accepted, rejected, pending',
        'ACTION_BY >SYS_USER Decided by',
        'ACTION_DT t Decided',
      ],
      { stamps: false },
    ),
    t(
      'IF_ERS_MSG',
      [
        'ERS_MSG_ID i* e-RS message',
        'UBRN s12! Unique booking reference number',
        'MSG_TYPE c4@SYS_ERS_MSG Referral, booking, cancellation, advice',
        '>PATIENT Patient',
        'REF_ID >REFERRAL Referral created',
        'SERVICE_ID s10 e-RS service',
        'RECEIVED_DT t! Received',
        'STATUS c1@SYS_MSG_STATUS Status',
        'ERROR_TEXT s1000 Error text',
      ],
      { stamps: false },
    ),
    t(
      'IF_ERS_ATTACH',
      [
        'ATTACH_ID i* Attachment',
        'ERS_MSG_ID >IF_ERS_MSG! Message',
        'FILE_NAME s255 File name',
        'MIME_TYPE s60 MIME type',
        'SIZE_BYTES i Size',
        'DOC_REF s100 Document store reference',
      ],
      { stamps: false },
    ),
    t(
      'IF_MESH_MSG',
      [
        'MESH_MSG_ID i* MESH message',
        'PARTNER_CODE >IF_PARTNER Partner',
        'MESH_REF s40 MESH message id',
        'WORKFLOW_ID s30 Workflow',
        'DIRECTION c1@SYS_IF_DIRECTION I inbound, O outbound',
        'FILE_NAME s255 File',
        'SENT_DT t Sent',
        'ACKED_DT t Delivery acknowledged',
        'STATUS c1@SYS_MSG_STATUS Status',
      ],
      { stamps: false },
    ),
  ];
}

function datasetTables() {
  return [
    t(
      'IF_CDS_EXTRACT',
      [
        'CDS_EXTRACT_ID i* Extract run',
        'CDS_TYPE s3! CDS type (e.g. 120, 130, 020)',
        'PERIOD_START d! Period from',
        'PERIOD_END d! Period to',
        'SUBMISSION c1@SYS_CDS_PROTOCOL Bulk replacement or net change',
        'RECORDS i Records',
        'FILE_NAME s100 File',
        'SENT_DT t Sent to SUS+',
        'STATUS c1@SYS_BATCH_STATUS Status',
      ],
      { stamps: false },
    ),
    t(
      'IF_CDS_RECORD',
      [
        'CDS_RECORD_ID i* Record',
        'CDS_EXTRACT_ID >IF_CDS_EXTRACT! Extract',
        'CDS_UNIQUE_ID s35! CDS unique identifier',
        '>PATIENT Patient',
        'SOURCE_TABLE s30 Source table',
        'SOURCE_KEY i Source key',
        'UPDATE_TYPE c1@SYS_CDS_UPDATE 1 delete, 9 new or replace',
        'PBR_FLAG b In PbR scope',
      ],
      { stamps: false },
    ),
    t(
      'IF_CDS_ERROR',
      [
        'CDS_ERROR_ID i* Error',
        'CDS_RECORD_ID >IF_CDS_RECORD! Record',
        'DATA_ITEM s60 Data item',
        'ERROR_CODE s10 Validation code',
        'ERROR_TEXT s255 Text',
        'SEVERITY c1@SYS_SEVERITY I info, W warning, E error',
        'RESOLVED_FLAG b Resolved',
      ],
      { stamps: false },
    ),
    t(
      'IF_SUS_RESPONSE',
      [
        'SUS_RESP_ID i* Response',
        'CDS_EXTRACT_ID >IF_CDS_EXTRACT! Extract',
        'RECEIVED_DT t! Received',
        'ACCEPTED i Records accepted',
        'REJECTED i Records rejected',
        'REPORT_FILE s255 Report file',
      ],
      { stamps: false },
    ),
  ];
}

function orderTables() {
  return [
    t(
      'IF_ORDER_OUT',
      [
        'ORDER_OUT_ID i* Order message',
        '>PATIENT! Patient',
        'ORDER_TYPE c2@SYS_ORDER_TYPE Pathology, radiology, other',
        'PLACER_ORDER_NO s22! Placer order number',
        'FILLER_ORDER_NO s22 Filler order number',
        'SOURCE_TABLE s30 Order table',
        'SOURCE_KEY i Order key',
        'SENT_DT t Sent',
        'STATUS c1@SYS_MSG_STATUS Status',
      ],
      { stamps: false },
    ),
    t(
      'IF_RESULT_IN',
      [
        'RESULT_IN_ID i* Result message',
        '>PATIENT Patient matched',
        'PLACER_ORDER_NO s22 Placer order number',
        'FILLER_ORDER_NO s22 Filler order number',
        'RESULT_TYPE c2@SYS_ORDER_TYPE Pathology, radiology, other',
        'RECEIVED_DT t! Received',
        'FILED_DT t Filed to the record',
        'STATUS c1@SYS_MSG_STATUS Status',
        'UNMATCHED_REASON s255 Why it could not be matched',
      ],
      { stamps: false },
    ),
    t(
      'IF_DOC_EXPORT',
      [
        'DOC_EXPORT_ID i* Exported document',
        '>PATIENT! Patient',
        'DOC_TYPE c4@SYS_DOC_TYPE Document type',
        'DEST_ORG s6 Recipient organisation (ODS)',
        'TRANSPORT c4@SYS_IF_PROTOCOL Transport',
        'SENT_DT t Sent',
        'ACK_DT t Business acknowledgement',
        'STATUS c1@SYS_MSG_STATUS Status',
      ],
      { stamps: false },
    ),
    t('IF_CODE_MAP', [
      'IF_MAP_ID i* Interface code map row',
      'PARTNER_CODE >IF_PARTNER! Partner',
      'CODE_TYPE s30! Code type',
      'PAS_CODE s20! PAS code',
      'PARTNER_CODE_VALUE s20! Partner code',
      'DIRECTION c1@SYS_IF_DIRECTION I inbound, O outbound, B both',
    ]),
  ];
}

/** All IF_ tables. */
export function interfaceTables() {
  return [...hl7Tables(), ...spineTables(), ...datasetTables(), ...orderTables()];
}
