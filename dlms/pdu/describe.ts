import { toHex } from '../bytes';
import type { Data } from '../axdr/data';
import { formatData } from '../axdr/format';
import { formatObis } from '../cosem/obis';
import type { AcseApdu, Pdu } from './pdu';
import type { AuthenticationValue } from '../acse/fields';
import type { UserInformation } from '../acse/user-information';
import { applicationContextNameOf, mechanismNameOf } from '../acse/names';
import type { AccessRequestSpecification, AccessResponseSpecification } from '../xdlms/access';
import type { ActionResponseWithOptionalData } from '../xdlms/action';
import type { Apdu } from '../xdlms/apdu';
import type { Conformance } from '../xdlms/conformance';
import type { AttributeWithSelection, CosemAttributeDescriptor, CosemMethodDescriptor, SelectiveAccessDescriptor } from '../xdlms/descriptors';
import type { InvokeIdAndPriority, LongInvokeIdAndPriority } from '../xdlms/invoke-id';
import { nameText } from '../xdlms/named';
import type { DataBlockG, DataBlockSA, GetDataResult } from '../xdlms/results';
import type { ReadResult, VariableAccessSpecification, WriteResult } from '../xdlms/sn';

/**
 * One-line summaries of APDUs for traces and step names (DecodedLayer.summary):
 * `get-request normal invoke 1 class 8 0-0:1.0.0.255 attr 2`,
 * `get-response normal invoke 1 → data-access-result object-undefined`.
 * Secrets (authentication values, dedicated keys) are shown by length only.
 */
const MAX_ITEMS = 8;

const data = (d: Data): string => formatData(d, { maxItems: MAX_ITEMS });
const obis = (b: Uint8Array): string => (b.length === 6 ? formatObis(b) : `instance ${toHex(b)}`);
const invoke = (v: InvokeIdAndPriority): string =>
  `invoke ${v.invokeId}${v.priority === 'high' ? '' : ' normal-priority'}${v.serviceClass === 'confirmed' ? '' : ' unconfirmed'}`;
const longInvoke = (v: LongInvokeIdAndPriority): string => `invoke ${v.invokeId}`;
const hex = (b: Uint8Array): string => (b.length === 0 ? 'empty' : toHex(b));

function list<T>(items: readonly T[], one: (v: T) => string): string {
  const shown = items.slice(0, MAX_ITEMS).map(one);
  if (items.length > MAX_ITEMS) shown.push(`… ${items.length - MAX_ITEMS} more`);
  return `[${shown.join('; ')}]`;
}

const attribute = (a: CosemAttributeDescriptor): string => `class ${a.classId} ${obis(a.instanceId)} attr ${a.attributeId}`;
const method = (m: CosemMethodDescriptor): string => `class ${m.classId} ${obis(m.instanceId)} method ${m.methodId}`;
const selection = (s: SelectiveAccessDescriptor | undefined): string => (s === undefined ? '' : ` selector ${s.accessSelector} ${data(s.accessParameters)}`);
const withSelection = (a: AttributeWithSelection): string => attribute(a.attribute) + selection(a.accessSelection);

function getDataResult(r: GetDataResult): string {
  return r.kind === 'data' ? data(r.data) : `data-access-result ${nameText(r.result)}`;
}

function blockG(b: DataBlockG): string {
  const res = b.result.kind === 'raw-data' ? `raw-data ${b.result.rawData.length} B` : `data-access-result ${nameText(b.result.result)}`;
  return `block ${b.blockNumber}${b.lastBlock ? ' last' : ''} → ${res}`;
}

const blockSA = (b: DataBlockSA): string => `block ${b.blockNumber}${b.lastBlock ? ' last' : ''} ${b.rawData.length} B`;

function actionResult(r: ActionResponseWithOptionalData): string {
  return nameText(r.result) + (r.returnParameters === undefined ? '' : ` → ${getDataResult(r.returnParameters)}`);
}

export function describeConformance(c: Conformance): string {
  return c.length === 0 ? 'none' : c.join(',');
}

function variableAccess(v: VariableAccessSpecification): string {
  switch (v.kind) {
    case 'variable-name':
      return `0x${v.variableName.toString(16).toUpperCase().padStart(4, '0')}`;
    case 'parameterized-access':
      return `0x${v.variableName.toString(16).toUpperCase().padStart(4, '0')} selector ${v.selector} ${data(v.parameter)}`;
    case 'block-number-access':
      return `block ${v.blockNumber}`;
    case 'read-data-block-access':
      return `read-data-block ${v.blockNumber}${v.lastBlock ? ' last' : ''} ${v.rawData.length} B`;
    case 'write-data-block-access':
      return `write-data-block ${v.blockNumber}${v.lastBlock ? ' last' : ''}`;
    default: {
      const never: never = v;
      return String(never);
    }
  }
}

function readResult(r: ReadResult): string {
  switch (r.kind) {
    case 'data':
      return data(r.data);
    case 'data-access-error':
      return `data-access-error ${nameText(r.error)}`;
    case 'data-block-result':
      return `data-block ${r.blockNumber}${r.lastBlock ? ' last' : ''} ${r.rawData.length} B`;
    case 'block-number':
      return `block ${r.blockNumber}`;
    default: {
      const never: never = r;
      return String(never);
    }
  }
}

const writeResult = (r: WriteResult): string =>
  r.kind === 'success' ? 'success' : r.kind === 'block-number' ? `block ${r.blockNumber}` : `data-access-error ${nameText(r.error)}`;

function accessRequestSpec(s: AccessRequestSpecification): string {
  switch (s.kind) {
    case 'action':
      return `action ${method(s.method)}`;
    case 'get':
    case 'set':
      return `${s.kind} ${attribute(s.attribute)}`;
    default:
      return `${s.kind} ${attribute(s.attribute)}${selection(s.accessSelection)}`;
  }
}

const accessResponseSpec = (s: AccessResponseSpecification): string => `${s.kind} ${nameText(s.result)}`;

/** One line for an xDLMS APDU. */
export function describeApdu(apdu: Apdu): string {
  switch (apdu.type) {
    case 'initiate-request':
      return (
        `initiate-request dlms ${apdu.proposedDlmsVersionNumber} conformance ${describeConformance(apdu.proposedConformance)} max-pdu ${apdu.clientMaxReceivePduSize}` +
        (apdu.dedicatedKey === undefined ? '' : ` dedicated-key ${apdu.dedicatedKey.length} B`) +
        (apdu.responseAllowed === false ? ' no-response' : '') +
        (apdu.proposedQualityOfService === undefined ? '' : ` qos ${apdu.proposedQualityOfService}`)
      );
    case 'initiate-response':
      return (
        `initiate-response dlms ${apdu.negotiatedDlmsVersionNumber} conformance ${describeConformance(apdu.negotiatedConformance)} max-pdu ${apdu.serverMaxReceivePduSize} vaa 0x${apdu.vaaName.toString(16).toUpperCase().padStart(4, '0')}` +
        (apdu.negotiatedQualityOfService === undefined ? '' : ` qos ${apdu.negotiatedQualityOfService}`)
      );
    case 'confirmed-service-error':
      return `confirmed-service-error ${nameText(apdu.service)} ${nameText(apdu.error.kind)} ${nameText(apdu.error.value)}`;
    case 'exception-response': {
      const se = apdu.serviceError;
      return `exception-response ${nameText(apdu.stateError)} ${se.kind}${se.kind === 'invocation-counter-error' ? ` ${se.invocationCounter}` : ''}`;
    }
    case 'get-request':
      switch (apdu.variant) {
        case 'normal':
          return `get-request normal ${invoke(apdu.invokeIdAndPriority)} ${attribute(apdu.attribute)}${selection(apdu.accessSelection)}`;
        case 'next':
          return `get-request next ${invoke(apdu.invokeIdAndPriority)} block ${apdu.blockNumber}`;
        default:
          return `get-request with-list ${invoke(apdu.invokeIdAndPriority)} ${list(apdu.attributes, withSelection)}`;
      }
    case 'get-response':
      switch (apdu.variant) {
        case 'normal':
          return `get-response normal ${invoke(apdu.invokeIdAndPriority)} → ${getDataResult(apdu.result)}`;
        case 'with-datablock':
          return `get-response with-datablock ${invoke(apdu.invokeIdAndPriority)} ${blockG(apdu.result)}`;
        default:
          return `get-response with-list ${invoke(apdu.invokeIdAndPriority)} → ${list(apdu.result, getDataResult)}`;
      }
    case 'set-request': {
      const head = `set-request ${apdu.variant} ${invoke(apdu.invokeIdAndPriority)}`;
      switch (apdu.variant) {
        case 'normal':
          return `${head} ${attribute(apdu.attribute)}${selection(apdu.accessSelection)} ← ${data(apdu.value)}`;
        case 'with-first-datablock':
          return `${head} ${attribute(apdu.attribute)}${selection(apdu.accessSelection)} ${blockSA(apdu.datablock)}`;
        case 'with-datablock':
          return `${head} ${blockSA(apdu.datablock)}`;
        case 'with-list':
          return `${head} ${list(apdu.attributes, withSelection)} ← ${list(apdu.values, data)}`;
        default:
          return `${head} ${list(apdu.attributes, withSelection)} ${blockSA(apdu.datablock)}`;
      }
    }
    case 'set-response': {
      const head = `set-response ${apdu.variant} ${invoke(apdu.invokeIdAndPriority)}`;
      switch (apdu.variant) {
        case 'normal':
          return `${head} → ${nameText(apdu.result)}`;
        case 'datablock':
          return `${head} block ${apdu.blockNumber}`;
        case 'last-datablock':
          return `${head} block ${apdu.blockNumber} → ${nameText(apdu.result)}`;
        case 'last-datablock-with-list':
          return `${head} block ${apdu.blockNumber} → ${list(apdu.result, nameText)}`;
        default:
          return `${head} → ${list(apdu.result, nameText)}`;
      }
    }
    case 'action-request': {
      const head = `action-request ${apdu.variant} ${invoke(apdu.invokeIdAndPriority)}`;
      switch (apdu.variant) {
        case 'normal':
          return `${head} ${method(apdu.method)}${apdu.methodInvocationParameters === undefined ? '' : ` ← ${data(apdu.methodInvocationParameters)}`}`;
        case 'next-pblock':
          return `${head} block ${apdu.blockNumber}`;
        case 'with-list':
          return `${head} ${list(apdu.methods, method)} ← ${list(apdu.methodInvocationParameters, data)}`;
        case 'with-first-pblock':
          return `${head} ${method(apdu.method)} ${blockSA(apdu.pblock)}`;
        case 'with-list-and-first-pblock':
          return `${head} ${list(apdu.methods, method)} ${blockSA(apdu.pblock)}`;
        default:
          return `${head} ${blockSA(apdu.pblock)}`;
      }
    }
    case 'action-response': {
      const head = `action-response ${apdu.variant} ${invoke(apdu.invokeIdAndPriority)}`;
      switch (apdu.variant) {
        case 'normal':
          return `${head} → ${actionResult(apdu.singleResponse)}`;
        case 'with-pblock':
          return `${head} ${blockSA(apdu.pblock)}`;
        case 'with-list':
          return `${head} → ${list(apdu.listOfResponses, actionResult)}`;
        default:
          return `${head} block ${apdu.blockNumber}`;
      }
    }
    case 'data-notification':
      return `data-notification ${longInvoke(apdu.longInvokeIdAndPriority)} date-time ${hex(apdu.dateTime)} → ${data(apdu.notificationBody)}`;
    case 'event-notification-request':
      return `event-notification-request ${attribute(apdu.attribute)}${apdu.time === undefined ? '' : ` time ${hex(apdu.time)}`} → ${data(apdu.attributeValue)}`;
    case 'access-request':
      return `access-request ${longInvoke(apdu.longInvokeIdAndPriority)} ${list(apdu.requestSpecification, accessRequestSpec)} ← ${list(apdu.listOfData, data)}`;
    case 'access-response':
      return `access-response ${longInvoke(apdu.longInvokeIdAndPriority)} ${list(apdu.responseSpecification, accessResponseSpec)} → ${list(apdu.listOfData, data)}`;
    case 'read-request':
      return `read-request ${list(apdu.variableAccessSpecification, variableAccess)}`;
    case 'read-response':
      return `read-response → ${list(apdu.results, readResult)}`;
    case 'write-request':
    case 'unconfirmed-write-request':
      return `${apdu.type} ${list(apdu.variableAccessSpecification, variableAccess)} ← ${list(apdu.listOfData, data)}`;
    case 'write-response':
      return `write-response → ${list(apdu.results, writeResult)}`;
    case 'general-block-transfer':
      return `general-block-transfer block ${apdu.blockNumber} ack ${apdu.blockNumberAck} window ${apdu.window}${apdu.lastBlock ? ' last' : ''}${apdu.streaming ? ' streaming' : ''} ${apdu.blockData.length} B`;
    case 'ciphered':
      switch (apdu.tag) {
        case 'general-glo-ciphering':
        case 'general-ded-ciphering':
          return `${apdu.tag} system-title ${hex(apdu.systemTitle)} ${apdu.content.length} B`;
        case 'general-ciphering':
          return `general-ciphering from ${hex(apdu.originatorSystemTitle)} to ${hex(apdu.recipientSystemTitle)}${apdu.keyInfo === undefined ? '' : ` ${apdu.keyInfo.kind}`} ${apdu.content.length} B`;
        case 'general-signing':
          return `general-signing from ${hex(apdu.originatorSystemTitle)} to ${hex(apdu.recipientSystemTitle)} ${apdu.content.length} B signature ${apdu.signature.length} B`;
        default:
          return `${apdu.tag} ${apdu.content.length} B`;
      }
    default: {
      const never: never = apdu;
      return String(never);
    }
  }
}

function contextName(oid: string): string {
  return applicationContextNameOf(oid) ?? oid;
}

function authValue(v: AuthenticationValue): string {
  return v.kind === 'charstring' ? `${v.value.length} B` : v.kind === 'bitstring' ? `bitstring ${v.value.length} bits` : 'other';
}

function userInfo(u: UserInformation | undefined): string {
  if (u === undefined) return '';
  if (u.apdu !== undefined) return ` | ${describeApdu(u.apdu)}`;
  return ` | user-information ${u.raw.length} B undecodable: ${u.error?.code ?? 'unknown'} at byte ${u.error?.offset ?? '?'}`;
}

/** One line for an ACSE APDU, its user-information's xDLMS APDU after a `|`. */
export function describeAcse(acse: AcseApdu): string {
  switch (acse.type) {
    case 'aarq': {
      const parts = ['AARQ', contextName(acse.applicationContextName)];
      if (acse.mechanismName !== undefined) parts.push(`mechanism ${mechanismNameOf(acse.mechanismName) ?? acse.mechanismName}`);
      if (acse.callingAuthenticationValue !== undefined) parts.push(`calling-authentication-value ${authValue(acse.callingAuthenticationValue)}`);
      if (acse.callingApTitle !== undefined) parts.push(`calling-AP-title ${hex(acse.callingApTitle)}`);
      return parts.join(' ') + userInfo(acse.userInformation);
    }
    case 'aare': {
      const d = acse.resultSourceDiagnostic;
      const parts = ['AARE', nameText(acse.result), `(${d.source} ${nameText(d.diagnostic)})`, contextName(acse.applicationContextName)];
      if (acse.mechanismName !== undefined) parts.push(`mechanism ${mechanismNameOf(acse.mechanismName) ?? acse.mechanismName}`);
      if (acse.respondingAuthenticationValue !== undefined) parts.push(`responding-authentication-value ${authValue(acse.respondingAuthenticationValue)}`);
      if (acse.respondingApTitle !== undefined) parts.push(`responding-AP-title ${hex(acse.respondingApTitle)}`);
      return parts.join(' ') + userInfo(acse.userInformation);
    }
    case 'rlrq':
    case 'rlre':
      return `${acse.type.toUpperCase()}${acse.reason === undefined ? '' : ` ${nameText(acse.reason)}`}${userInfo(acse.userInformation)}`;
    default: {
      const never: never = acse;
      return String(never);
    }
  }
}

/** One line for any PDU. */
export function describePdu(pdu: Pdu): string {
  switch (pdu.type) {
    case 'aarq':
    case 'aare':
    case 'rlrq':
    case 'rlre':
      return describeAcse(pdu);
    default:
      return describeApdu(pdu);
  }
}
