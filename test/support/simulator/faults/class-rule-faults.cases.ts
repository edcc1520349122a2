/**
 * The behaviour cases of the class-rule faults, for faults.test.ts: on the meter with every
 * catalogue class (simulator/meters/full.yaml), each fault's object reads clean values the
 * class's rules (harness/classes/semantics/) and catalogue types accept, and with the fault one
 * attribute reads a value they refuse — the rule the fault names, proved without a link.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import type { Data } from '../../../../dlms/axdr/data';
import { classById } from '../../../../dlms/cosem/catalogue/catalogue';
import { checkType, parseTypeSpec } from '../../../../dlms/cosem/catalogue/type-spec';
import { formatObis, parseObis } from '../../../../dlms/cosem/obis';
import { SEMANTICS, type Reference } from '../../../../harness/classes/semantics';
import { faultsNamed } from '../../../../simulator/faults';
import { activeHooks } from '../../../../simulator/faults/types';
import { loadMeterDefinition } from '../../../../simulator/meter/load';
import { readSelected } from '../../../../simulator/server/get-service';
import { testProfile } from '../../harness/profiles';
import { contextFor } from '../testing';

const FULL = loadMeterDefinition(path.join(__dirname, '..', '..', '..', '..', 'simulator', 'meters', 'full.yaml'));
const association = testProfile().associations[0]!;

function read(faults: readonly string[], classId: number, obis: string, attribute: number): Data | undefined {
  const hooks = activeHooks(faultsNamed(faults));
  const address = { classId, logicalName: parseObis(obis), attribute };
  const r = hooks.onGet(address, readSelected(address, undefined, contextFor('management', { meter: FULL }), hooks));
  return r.kind === 'data' ? r.data : undefined;
}

/** What the class's rules and the catalogue types say of the first object of the class, read with `faults`. */
function findings(classId: number, faults: readonly string[]): string[] {
  const object = FULL.objects.find((o) => o.cosemClass.classId === classId);
  if (!object) throw new Error(`the full meter has no object of class ${classId}`);
  const obis = formatObis(object.logicalName);
  const def = classById(classId, object.cosemClass.version)!;
  const values = new Map<number, Data>();
  const out: string[] = [];
  for (const a of def.attributes) {
    const v = read(faults, classId, obis, a.index);
    if (!v) continue;
    values.set(a.index, v);
    out.push(...checkType(v, parseTypeSpec(a.type)).map((p) => `type of ${a.index}: ${p}`));
  }
  const rules = SEMANTICS[classId];
  if (rules) {
    const refs = new Map((rules.references?.(values) ?? []).map((r) => [`${r.obis}/${r.attribute}`, read(faults, r.classId, r.obis, r.attribute)]));
    const referenced = (r: Reference) => refs.get(`${r.obis}/${r.attribute}`);
    const o = { classId, version: object.cosemClass.version, obis, logicalName: object.logicalName, attributes: [] };
    out.push(
      ...rules
        .check({ object: o, values, association, referenced })
        .filter((p) => !p.remark)
        .map((p) => `${p.attribute}: ${p.expected}, got ${p.actual}`),
    );
  }
  return out;
}

/** Fault → the class it reaches and a fragment of the finding it must cause. */
const EXPECTED: Readonly<Record<string, readonly [number, string]>> = {
  'demand-register-no-periods': [5, 'number_of_periods'],
  'register-activation-mask-undefined': [6, 'active_mask one of the mask_names'],
  'register-activation-index-outside': [6, 'index_list indexes into register_assignment'],
  'script-table-service-id-invalid': [9, 'got service_id 3'],
  'script-table-duplicate-id': [9, 'each script_identifier used by one script'],
  'schedule-duplicate-index': [10, 'each entry index used once'],
  'schedule-switch-time-invalid': [10, 'type of 2'],
  'special-days-duplicate-index': [11, 'each special day index used once'],
  'special-days-date-invalid': [11, 'type of 2'],
  'image-transfer-status-out-of-range': [18, 'type of 6'],
  'image-transfer-blocks-status-inconsistent': [18, 'the first block image_transferred_blocks_status marks as missing'],
  'activity-calendar-week-undefined': [20, 'week_name one of week_profile_table_active'],
  'activity-calendar-day-undefined': [20, 'a day_id of day_profile_table_active'],
  'register-monitor-threshold-type': [21, "of the monitored attribute's type"],
  'register-monitor-actions-count': [21, 'one action_up/action_down pair per threshold'],
  'single-action-schedule-type-invalid': [22, 'type in 1..5'],
  'single-action-schedule-times-differ': [22, 'every execution_time at the same time of day'],
  'local-port-baud-out-of-range': [19, 'default_baud'],
  'mbus-client-primary-address-out-of-range': [72, 'primary_address in 0..250'],
  'gsm-signal-quality-out-of-range': [47, 'signal_quality 0..31 or 99'],
  'utility-table-length-mismatch': [26, 'the octets in buffer'],
  'register-table-values-count': [61, 'one table_cell_value per group_E_value'],
  'modem-speed-out-of-range': [27, 'comm_speed'],
  'account-status-out-of-range': [111, 'account_status 1 (new), 2 (active) or 3 (closed)'],
  'limiter-threshold-type': [71, "threshold_active of the monitored attribute's type"],
  'security-setup-system-title-short': [64, 'server_system_title of 8 octets'],
  'profile-sort-method-invalid': [7, 'sort_method in 1..6'],
  'disconnect-control-mode-out-of-range': [70, 'control_mode in 0..6'],
  'clock-time-zone-out-of-range': [8, 'time_zone in -720..720'],
  'mbus-slave-bus-address-out-of-range': [25, 'bus_address in 0..250'],
  'auto-answer-status-out-of-range': [28, 'status (0 inactive, 1 active, 2 locked) one of 0..2'],
  'auto-connect-mode-reserved': [29, 'mode one of 0..6, 101..104, 200..255'],
  'push-transport-service-reserved': [40, 'transport_service one of 0..8, 200..255'],
  'tcp-udp-mss-out-of-range': [41, 'MSS in 40..65535'],
  'ipv4-multicast-address-not-multicast': [42, 'multicast_IP_address[0] in 224.0.0.0..239.255.255.255'],
  'ipv6-multicast-address-not-multicast': [48, 'multicast_IPv6_addresses[0] a multicast address'],
  'sensor-manager-actions-count': [67, 'one action_up/action_down pair per raw_value threshold'],
  'arbitrator-weightings-mismatch': [68, 'weightings_table[0] one weight per action'],
  'mbus-port-primary-address-out-of-range': [76, 'primary_address in 0..250'],
  'charge-proportion-out-of-range': [113, 'proportion (hundredths of a percent) in 0..10000'],
  'token-gateway-status-code-out-of-range': [115, 'token_status_code one of 0..8'],
  'function-control-status-unlisted': [122, 'activation_status names functions of function_list'],
  'array-manager-duplicate-id': [123, 'each array component id used once'],
  'compact-data-buffer-template-mismatch': [62, 'compact_buffer whole values of template_description'],
  'mac-address-length-invalid': [43, 'MAC_address (an EUI-48 or EUI-64) of 6 or 8 octets'],
  'sfsk-mac-address-out-of-range': [50, 'mac_address a 12-bit S-FSK MAC address'],
  'sfsk-active-initiator-address-out-of-range': [51, 'active_initiator.mac_address a 12-bit S-FSK MAC address'],
  'sfsk-counters-address-out-of-range': [53, 'synchronization_register[0].mac_address a 12-bit S-FSK MAC address'],
  'llc-reply-status-address-out-of-range': [55, 'reply_status_list[0].mac_address a 12-bit S-FSK MAC address'],
  'prime-sna-not-eui48': [83, 'sna (the base node EUI-48) of 6 octets'],
  'ntp-duplicate-key-id': [100, 'each authentication key_id used once'],
  'zigbee-extended-pan-id-short': [101, 'extended_pan_id (64 bits) of 8 octets'],
  'port-protection-status-inconsistent': [124, 'protection_status 0 (unlocked) under protection_mode 2 (unlocked)'],
  'g3-mac-min-be-above-max': [91, 'mac_min_BE at most mac_max_BE (5)'],
  'zigbee-aps-window-too-large': [103, 'aps_max_window_size in 1..8'],
  'gprs-apn-too-long': [45, 'APN of at most 100 octets'],
  'gprs-qos-class-out-of-range': [45, 'quality_of_service.requested.peak_throughput a 4-bit class (0..15)'],
};

export const CLASS_RULE_FAULT_CASES: Readonly<Record<string, () => void>> = Object.fromEntries(
  Object.entries(EXPECTED).map(([fault, [classId, finding]]) => [
    fault,
    () => {
      expect(findings(classId, []), `class ${classId} on the clean meter`).to.deep.equal([]);
      const faulty = findings(classId, [fault]);
      expect(
        faulty.some((f) => f.includes(finding)),
        `${fault}: ${faulty.join('; ')}`,
      ).to.equal(true);
    },
  ]),
);
