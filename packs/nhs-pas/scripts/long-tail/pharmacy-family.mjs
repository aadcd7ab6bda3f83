/**
 * PH_: pharmacy: the drug file and formulary, stock and ordering, prescriptions (inpatient, TTO and outpatient),
 * dispensing, administration and controlled drugs. Out of scope: medicines move to the EPR's e-prescribing module
 * by medicines reconciliation, not by a data load.
 */
import { familyTable } from './table-spec.mjs';

const t = familyTable('pharmacy');

function drugFileTables() {
  return [
    t('PH_ITEM', [
      'ITEM_CODE s12* Drug file item',
      'DMD_ID s18 dm+d identifier (AMP/VMP)',
      'ITEM_NAME s120! Name',
      'FORM c4@PH_FORM Form',
      'STRENGTH s30 Strength',
      'ROUTE c4@PH_ROUTE Default route',
      'PACK_SIZE i Pack size',
      'UNIT_COST n Cost per pack',
      'CD_SCHEDULE c1@PH_CD_SCHEDULE Controlled drug schedule',
      'FRIDGE_ITEM b Stored in a fridge',
      'ACTIVE_FLAG b Active',
    ]),
    t('PH_FORMULARY', [
      'FORMULARY_ID i* Formulary entry',
      'ITEM_CODE >PH_ITEM! Item',
      'STATUS c2@PH_FORMULARY_STATUS Formulary, restricted, non-formulary',
      'BNF_CHAPTER s10 BNF section',
      'RESTRICTION_TEXT s500 Restriction',
      'APPROVED_DT d Approved by the drugs committee',
      'REVIEW_DT d Review due',
    ]),
    t('PH_SUPPLIER', [
      'SUPPLIER_CODE s10* Supplier',
      'SUPPLIER_NAME s60! Name',
      'ACCOUNT_NO s20 Account number',
      'PHONE s20 Phone',
      'EDI_FLAG b Orders sent electronically',
      'ACTIVE_FLAG b Active',
    ]),
    t('PH_STORE', [
      'STORE_CODE s8* Pharmacy store or ward stock point',
      'STORE_NAME s60! Name',
      '>SITE Site',
      '>WARD Ward (for ward stock)',
      'STORE_TYPE c2@PH_STORE_TYPE Main, satellite, ward, theatre',
    ]),
    t('PH_STOCK', [
      'STOCK_ID i* Stock line',
      'STORE_CODE >PH_STORE! Store',
      'ITEM_CODE >PH_ITEM! Item',
      'QTY_ON_HAND n Quantity held',
      'MIN_LEVEL n Reorder level',
      'MAX_LEVEL n Top-up level',
      'BIN_LOCATION s10 Bin',
      'LAST_COUNT_DT d Last stock take',
    ]),
    t('PH_STOCK_MOVE', [
      'STOCK_MOVE_ID i* Stock movement',
      'STOCK_ID >PH_STOCK! Stock line',
      'MOVE_TYPE c2@PH_MOVE_TYPE Receipt, issue, transfer, return, write-off',
      'QTY n! Quantity',
      'BATCH_NO s20 Batch',
      'EXPIRY_DT d Expiry',
      'MOVE_DT t! Date/time',
      'REFERENCE s30 Order or issue reference',
    ]),
    t('PH_ORDER', [
      'PH_ORDER_ID i* Purchase order',
      'SUPPLIER_CODE >PH_SUPPLIER! Supplier',
      'STORE_CODE >PH_STORE! Store',
      'ORDER_DT d! Ordered',
      'EXPECTED_DT d Expected',
      'STATUS c2@PH_ORDER_STATUS Status',
      'TOTAL_COST n Total cost',
    ]),
    t('PH_ORDER_LINE', [
      'ORDER_LINE_ID i* Order line',
      'PH_ORDER_ID >PH_ORDER! Order',
      'ITEM_CODE >PH_ITEM! Item',
      'QTY_ORDERED n! Packs ordered',
      'QTY_RECEIVED n Packs received',
      'UNIT_COST n Cost per pack',
    ]),
  ];
}

function prescribingTables() {
  return [
    t(
      'PH_PRESC',
      [
        'PRESC_ID i* Prescription',
        '>PATIENT! Patient',
        'PRESC_TYPE c2@PH_PRESC_TYPE Inpatient, TTO, outpatient, homecare',
        'SPELL_ID >ADM_SPELL Admission',
        '>OP_APPT Outpatient appointment',
        'PRESCRIBER_ID >STAFF! Prescriber',
        'WRITTEN_DT t! Written',
        'STATUS c2@PH_PRESC_STATUS Status',
        'FP10_NO s20 FP10 form number (outpatient)',
      ],
      { archive: true },
    ),
    t('PH_PRESC_ITEM', [
      'PRESC_ITEM_ID i* Prescription item',
      'PRESC_ID >PH_PRESC! Prescription',
      'ITEM_CODE >PH_ITEM! Item',
      'DOSE s30 Dose',
      'DOSE_UNIT c4@PH_DOSE_UNIT Dose unit',
      'ROUTE c4@PH_ROUTE Route',
      'FREQUENCY c6@PH_FREQUENCY Frequency',
      'PRN_FLAG b As required',
      'START_DT t Start',
      'STOP_DT t Stop',
      'DURATION_DAYS i Duration (days)',
      'INDICATION s255 Indication',
      'STOP_REASON c4@PH_STOP_REASON Why stopped',
    ]),
    t('PH_CLIN_CHECK', [
      'CLIN_CHECK_ID i* Pharmacist clinical check',
      'PRESC_ID >PH_PRESC! Prescription',
      'PHARMACIST_ID >STAFF! Pharmacist',
      'CHECK_DT t! Checked',
      'OUTCOME c2@PH_CHECK_OUTCOME Approved, query, amended',
      'INTERVENTION s500 Intervention made',
    ]),
    t('PH_ALLERGY_CHECK', [
      'ALLERGY_CHECK_ID i* Allergy override',
      'PRESC_ITEM_ID >PH_PRESC_ITEM! Item',
      'ALERT_TEXT s255 Alert shown',
      'OVERRIDE_REASON s255 Override reason',
      'OVERRIDDEN_BY >STAFF Overridden by',
    ]),
    t('PH_TTO', [
      'TTO_ID i* Discharge medicines',
      'PRESC_ID >PH_PRESC! Prescription',
      'SPELL_ID >ADM_SPELL Admission',
      'REQUESTED_DT t Requested',
      'READY_DT t Ready for collection',
      'COLLECTED_DT t Collected by the ward',
      'COUNSELLED b Patient counselled',
    ]),
    t('PH_HOMECARE', [
      'HOMECARE_ID i* Homecare registration',
      '>PATIENT! Patient',
      'ITEM_CODE >PH_ITEM! Item',
      'PROVIDER s60 Homecare provider',
      'START_DT d! Start',
      'END_DT d End',
      'DELIVERY_FREQ_DAYS i Delivery interval (days)',
    ]),
  ];
}

function dispensingTables() {
  return [
    t('PH_DISP', [
      'DISP_ID i* Dispensing',
      'PRESC_ID >PH_PRESC Prescription',
      '>PATIENT Patient (blank for ward stock)',
      'STORE_CODE >PH_STORE! Dispensed from',
      'DISP_DT t! Dispensed',
      'DISPENSED_BY >STAFF Dispensed by',
      'CHECKED_BY >STAFF Final check by',
      'LABEL_COUNT i Labels printed',
    ]),
    t('PH_DISP_ITEM', [
      'DISP_ITEM_ID i* Dispensed line',
      'DISP_ID >PH_DISP! Dispensing',
      'PRESC_ITEM_ID >PH_PRESC_ITEM Prescription item',
      'ITEM_CODE >PH_ITEM! Item',
      'QTY n! Quantity',
      'BATCH_NO s20 Batch',
      'EXPIRY_DT d Expiry',
      'LABEL_TEXT s500 Label directions',
    ]),
    t('PH_ADMIN', [
      'ADMIN_ID i* Administration (drug chart)',
      'PRESC_ITEM_ID >PH_PRESC_ITEM! Item',
      'DUE_DT t Due',
      'GIVEN_DT t Given',
      'DOSE_GIVEN s30 Dose given',
      'OUTCOME c2@PH_ADMIN_OUTCOME Given, refused, omitted, not available',
      'GIVEN_BY >STAFF Given by',
      'WITNESS_ID >STAFF Witness (controlled drugs)',
    ]),
    t('PH_RETURN', [
      'RETURN_ID i* Return to pharmacy',
      'DISP_ITEM_ID >PH_DISP_ITEM Dispensed line',
      'ITEM_CODE >PH_ITEM! Item',
      'QTY n! Quantity',
      'RETURN_DT d! Returned',
      'REASON c2@PH_RETURN_REASON Reason',
      'REUSABLE b Fit to reissue',
    ]),
    t('PH_CD_REGISTER', [
      'CD_ENTRY_ID i* Controlled drug register entry',
      'STORE_CODE >PH_STORE! Store',
      'ITEM_CODE >PH_ITEM! Drug',
      'ENTRY_DT t! Date/time',
      'ENTRY_TYPE c2@PH_MOVE_TYPE Receipt, issue, return, destruction',
      'QTY n! Quantity',
      'BALANCE n! Running balance',
      '>PATIENT Patient (issues)',
      'SIGNED_BY >STAFF Signed by',
      'WITNESS_ID >STAFF Witness',
    ]),
  ];
}

/** All PH_ tables. */
export function pharmacyTables() {
  return [...drugFileTables(), ...prescribingTables(), ...dispensingTables()];
}
