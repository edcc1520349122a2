/**
 * The interface-class catalogue (Blue Book, DLMS UA 1000-1) as data: one file per class, this
 * index to look them up. Code reads these tables rather than repeating them (DESIGN.md, "spec
 * data is data").
 */
import { ACCOUNT } from './account';
import { ACTIVITY_CALENDAR } from './activity-calendar';
import { ASSOCIATION_LN, ASSOCIATION_LN_V0, ASSOCIATION_LN_V1, ASSOCIATION_LN_V3 } from './association-ln';
import { ASSOCIATION_SN, ASSOCIATION_SN_V3, ASSOCIATION_SN_V4 } from './association-sn';
import { AUTO_ANSWER, AUTO_ANSWER_V2 } from './auto-answer';
import { AUTO_CONNECT } from './auto-connect';
import { CLOCK } from './clock';
import { DATA } from './data';
import { DEMAND_REGISTER } from './demand-register';
import { DISCONNECT_CONTROL, DISCONNECT_CONTROL_V0 } from './disconnect-control';
import { EXTENDED_REGISTER } from './extended-register';
import { GPRS_MODEM_SETUP } from './gprs-modem-setup';
import { IEC_HDLC_SETUP } from './iec-hdlc-setup';
import { IEC_LOCAL_PORT_SETUP } from './iec-local-port-setup';
import { IMAGE_TRANSFER } from './image-transfer';
import { IPV4_SETUP } from './ipv4-setup';
import { LIMITER } from './limiter';
import { MODEM_CONFIGURATION } from './modem-configuration';
import { PROFILE_GENERIC } from './profile-generic';
import { PUSH_SETUP, PUSH_SETUP_V1, PUSH_SETUP_V2 } from './push-setup';
import { REGISTER } from './register';
import { REGISTER_ACTIVATION } from './register-activation';
import { REGISTER_MONITOR } from './register-monitor';
import { REGISTER_TABLE } from './register-table';
import { SAP_ASSIGNMENT } from './sap-assignment';
import { SCHEDULE } from './schedule';
import { SCRIPT_TABLE } from './script-table';
import { SECURITY_SETUP, SECURITY_SETUP_V0 } from './security-setup';
import { SINGLE_ACTION_SCHEDULE } from './single-action-schedule';
import { SPECIAL_DAYS_TABLE } from './special-days-table';
import { STATUS_MAPPING } from './status-mapping';
import { TCP_UDP_SETUP } from './tcp-udp-setup';
import { UTILITY_TABLES } from './utility-tables';
import { ACCESS_CONTROL_EXTRA } from './access-control-extra';
import { COMPACT_DATA, COMPACT_DATA_V0 } from './compact-data';
import { G3_FAMILY } from './g3';
import { IEC_TWISTED_PAIR_SETUP } from './iec-twisted-pair-setup';
import { INTERNET_FAMILY } from './internet';
import { MBUS_FAMILY } from './mbus';
import { PAYMENT_FAMILY } from './payment';
import { SFSK_FAMILY } from './plc-sfsk';
import { PRIME_FAMILY } from './prime';
import { TIME_EVENT_EXTRA } from './time-event-extra';
import { WIRELESS_FAMILY } from './wireless';
import { ZIGBEE_FAMILY } from './zigbee';
import type { AttributeDef, InterfaceClassDef, MethodDef } from './types';

export type { AttributeDef, InterfaceClassDef, MethodDef } from './types';

/** Every class and version the catalogue knows, in class_id order. */
export const CATALOGUE: readonly InterfaceClassDef[] = [
  DATA,
  REGISTER,
  EXTENDED_REGISTER,
  DEMAND_REGISTER,
  REGISTER_ACTIVATION,
  PROFILE_GENERIC,
  CLOCK,
  SCRIPT_TABLE,
  SCHEDULE,
  SPECIAL_DAYS_TABLE,
  ASSOCIATION_SN,
  ASSOCIATION_SN_V3,
  ASSOCIATION_SN_V4,
  ASSOCIATION_LN_V0,
  ASSOCIATION_LN_V1,
  ASSOCIATION_LN,
  ASSOCIATION_LN_V3,
  SAP_ASSIGNMENT,
  IMAGE_TRANSFER,
  IEC_LOCAL_PORT_SETUP,
  ACTIVITY_CALENDAR,
  REGISTER_MONITOR,
  SINGLE_ACTION_SCHEDULE,
  IEC_HDLC_SETUP,
  IEC_TWISTED_PAIR_SETUP,
  UTILITY_TABLES,
  MODEM_CONFIGURATION,
  AUTO_ANSWER,
  AUTO_ANSWER_V2,
  AUTO_CONNECT,
  PUSH_SETUP,
  PUSH_SETUP_V1,
  PUSH_SETUP_V2,
  TCP_UDP_SETUP,
  IPV4_SETUP,
  GPRS_MODEM_SETUP,
  REGISTER_TABLE,
  COMPACT_DATA_V0,
  COMPACT_DATA,
  STATUS_MAPPING,
  SECURITY_SETUP_V0,
  SECURITY_SETUP,
  DISCONNECT_CONTROL_V0,
  DISCONNECT_CONTROL,
  LIMITER,
  ACCOUNT,
  ...ACCESS_CONTROL_EXTRA,
  ...TIME_EVENT_EXTRA,
  ...PAYMENT_FAMILY,
  ...MBUS_FAMILY,
  ...INTERNET_FAMILY,
  ...SFSK_FAMILY,
  ...PRIME_FAMILY,
  ...G3_FAMILY,
  ...ZIGBEE_FAMILY,
  ...WIRELESS_FAMILY,
].sort((a, b) => a.classId - b.classId || a.version - b.version);

const BY_ID: ReadonlyMap<number, readonly InterfaceClassDef[]> = (() => {
  const m = new Map<number, InterfaceClassDef[]>();
  for (const c of CATALOGUE)
    m.set(
      c.classId,
      [...(m.get(c.classId) ?? []), c].sort((a, b) => a.version - b.version),
    );
  return m;
})();

/**
 * The class with this id: the exact version when given (undefined if the catalogue lacks it),
 * else the highest version known.
 */
export function classById(classId: number, version?: number): InterfaceClassDef | undefined {
  const versions = BY_ID.get(classId);
  if (!versions) return undefined;
  return version === undefined ? versions[versions.length - 1] : versions.find((c) => c.version === version);
}

/** Every version of a class the catalogue knows, oldest first. */
export function classVersions(classId: number): readonly InterfaceClassDef[] {
  return BY_ID.get(classId) ?? [];
}

export function attributeOf(c: InterfaceClassDef, index: number): AttributeDef | undefined {
  return c.attributes.find((a) => a.index === index);
}

export function methodOf(c: InterfaceClassDef, index: number): MethodDef | undefined {
  return c.methods.find((m) => m.index === index);
}

/** Distinct class ids, versions, attributes and methods the catalogue knows: its coverage. */
export function catalogueCoverage(): { classIds: number; versions: number; attributes: number; methods: number } {
  return {
    classIds: BY_ID.size,
    versions: CATALOGUE.length,
    attributes: CATALOGUE.reduce((n, c) => n + c.attributes.length, 0),
    methods: CATALOGUE.reduce((n, c) => n + c.methods.length, 0),
  };
}

/** `Register (3) v0`: for traces and messages. */
export function formatClass(c: InterfaceClassDef): string {
  return `${c.name} (${c.classId}) v${c.version}`;
}
