/**
 * BILL_: private patients, overseas visitors and non-NHS billing: accounts, insurers and policies,
 * pre-authorisations, tariffs, invoices, payments and debt recovery, plus the local PbR grouping.
 * Out of scope: billing moves to the finance system's own ledger.
 */
import { familyTable } from './table-spec.mjs';

const t = familyTable('billing');

function accountTables() {
  return [
    t('BILL_INSURER', [
      'INSURER_CODE s10* Insurer',
      'INSURER_NAME s60! Name',
      'ADDR_LINE1 s35 Address line 1',
      'ADDR_LINE2 s35 Address line 2',
      'POSTCODE s8 Postcode',
      'CLAIMS_EMAIL s100 Claims address',
      'PAYMENT_TERMS_DAYS i Payment terms (days)',
      'ACTIVE_FLAG b Active',
    ]),
    t('BILL_ACCOUNT', [
      'ACCOUNT_ID i* Billing account',
      '>PATIENT! Patient',
      'ACCOUNT_TYPE c2@BILL_ACCOUNT_TYPE Self-pay, insured, overseas, embassy, RTA',
      'GUARANTOR_NAME s100 Person responsible for payment',
      'GUARANTOR_ADDR s255 Their address',
      'OPENED_DT d! Opened',
      'CLOSED_DT d Closed',
      'BALANCE n Balance',
      'STATUS c2@BILL_ACCOUNT_STATUS Status',
    ]),
    t('BILL_POLICY', [
      'POLICY_ID i* Insurance policy',
      'ACCOUNT_ID >BILL_ACCOUNT! Account',
      'INSURER_CODE >BILL_INSURER! Insurer',
      'POLICY_NO s30! Policy number',
      'MEMBER_NO s30 Membership number',
      'EXCESS n Excess',
      'START_DT d Cover from',
      'END_DT d Cover to',
    ]),
    t('BILL_PREAUTH', [
      'PREAUTH_ID i* Pre-authorisation',
      'POLICY_ID >BILL_POLICY! Policy',
      'AUTH_NO s30 Authorisation number',
      'PROC_TEXT s255 Treatment authorised',
      'OPCS4 s5 Procedure code',
      'AUTH_DT d Authorised',
      'EXPIRY_DT d Expires',
      'AMOUNT n Amount authorised',
    ]),
    t('BILL_OSV', [
      'OSV_ID i* Overseas visitor assessment',
      '>PATIENT! Patient',
      'ASSESSED_DT d! Assessed',
      'OUTCOME c2@BILL_OSV_OUTCOME Chargeable, exempt, pending',
      'COUNTRY c3@COUNTRY Country of residence',
      'EHIC_NO s20 EHIC/GHIC number',
      'VISA_TYPE s30 Visa or immigration status',
      'IHS_PAID b Immigration health surcharge paid',
      'ASSESSOR_ID >STAFF Overseas visitor officer',
    ]),
    t('BILL_OSV_EXEMPT', [
      'OSV_EXEMPT_ID i* Exemption',
      'OSV_ID >BILL_OSV! Assessment',
      'EXEMPT_CATEGORY c4@BILL_OSV_EXEMPTION Exemption category (charging regulations)',
      'EVIDENCE s255 Evidence seen',
      'START_DT d From',
      'END_DT d To',
    ]),
  ];
}

function tariffTables() {
  return [
    t('BILL_TARIFF', [
      'TARIFF_CODE s10* Price list',
      'TARIFF_NAME s60! Name',
      'TARIFF_TYPE c2@BILL_TARIFF_TYPE Private, overseas, contract',
      'START_DT d! From',
      'END_DT d To',
    ]),
    t('BILL_TARIFF_ITEM', [
      'TARIFF_ITEM_ID i* Price',
      'TARIFF_CODE >BILL_TARIFF! Price list',
      'ITEM_TYPE c2@BILL_ITEM_TYPE Bed day, theatre, procedure, consultation, drug, test',
      'ITEM_CODE s10! Item',
      'DESCRIPTION s100 Description',
      'PRICE n! Price',
      'VAT_CODE c1@BILL_VAT VAT code',
    ]),
    t('BILL_CONTRACT', [
      'CONTRACT_ID i* Non-NHS contract',
      'CUSTOMER s100! Customer (insurer, embassy, other trust)',
      'TARIFF_CODE >BILL_TARIFF Price list',
      'START_DT d From',
      'END_DT d To',
      'CONTACT_NAME s100 Contact',
    ]),
    t('BILL_PBR_SPELL', [
      'PBR_SPELL_ID i* Grouped spell',
      'SPELL_ID >ADM_SPELL! Spell',
      'HRG_CODE s5 HRG',
      'GROUPER_VERSION s10 Grouper version',
      'TARIFF n National tariff',
      'EXCESS_DAYS i Excess bed days',
      'COMMISSIONER s5 Commissioner',
      'GROUPED_DT t Grouped',
    ]),
  ];
}

function invoiceTables() {
  return [
    t('BILL_INVOICE', [
      'INVOICE_ID i* Invoice',
      'ACCOUNT_ID >BILL_ACCOUNT! Account',
      'INVOICE_NO s20! Invoice number',
      'INVOICE_DT d! Issued',
      'DUE_DT d Due',
      'NET_AMOUNT n Net',
      'VAT_AMOUNT n VAT',
      'TOTAL_AMOUNT n Total',
      'PAID_AMOUNT n Paid so far',
      'STATUS c2@BILL_INVOICE_STATUS Draft, issued, part paid, paid, written off',
      'LEDGER_REF s20 Finance ledger reference',
    ]),
    t('BILL_INVOICE_LINE', [
      'INVOICE_LINE_ID i* Line',
      'INVOICE_ID >BILL_INVOICE! Invoice',
      'TARIFF_ITEM_ID >BILL_TARIFF_ITEM Price used',
      'SOURCE_TABLE s30 Activity table',
      'SOURCE_KEY i Activity key',
      'SERVICE_DT d Date of service',
      'QTY n Quantity',
      'UNIT_PRICE n Unit price',
      'LINE_AMOUNT n Amount',
    ]),
    t('BILL_PAYMENT', [
      'PAYMENT_ID i* Payment',
      'ACCOUNT_ID >BILL_ACCOUNT! Account',
      'INVOICE_ID >BILL_INVOICE Invoice paid',
      'PAYMENT_DT d! Received',
      'AMOUNT n! Amount',
      'METHOD c2@BILL_PAY_METHOD Card, cash, cheque, transfer, insurer',
      'RECEIPT_NO s20 Receipt',
      'TAKEN_BY >SYS_USER Taken by',
    ]),
    t('BILL_DEPOSIT', [
      'DEPOSIT_ID i* Deposit',
      'ACCOUNT_ID >BILL_ACCOUNT! Account',
      'REQUESTED_AMOUNT n Requested',
      'RECEIVED_AMOUNT n Received',
      'RECEIVED_DT d Received',
      'REFUNDED_DT d Refunded',
    ]),
    t('BILL_CREDIT_NOTE', [
      'CREDIT_NOTE_ID i* Credit note',
      'INVOICE_ID >BILL_INVOICE! Invoice credited',
      'CREDIT_NO s20! Credit note number',
      'CREDIT_DT d! Issued',
      'AMOUNT n! Amount',
      'REASON s255 Reason',
    ]),
    t('BILL_DEBT_CHASE', [
      'DEBT_CHASE_ID i* Recovery action',
      'INVOICE_ID >BILL_INVOICE! Invoice',
      'ACTION_DT d! Date',
      'ACTION c2@BILL_DEBT_ACTION Reminder, final demand, agency, write-off',
      'AGENCY s60 Debt agency',
      'NOTES s500 Notes',
    ]),
  ];
}

/** All BILL_ tables. */
export function billingTables() {
  return [...accountTables(), ...tariffTables(), ...invoiceTables()];
}
