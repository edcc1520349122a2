/**
 * `hdlc.send: { frame, corrupt?, ... }` — send one HDLC frame built from its fields, correct or
 * wrong in one named way (dlms/hdlc/craft.ts), on the case's link (opened without SNRM when no
 * link is open). The DUT's answer, if any, is judged by `expect.frame` or `expect.silence`.
 *
 * Fields default to what a correct client would send now: the profile's addresses, P set, the
 * case's N(S) and N(R), a GET of the logical device name as the APDU of an I frame. The negative
 * variants: `ns`/`nr: wrong`, `info: too-long` (one byte past the negotiated maximum), the
 * destination `unknown`, `other-size`, `all-station`, `no-station`, `three-byte`, `five-byte`,
 * the source `two-byte` (Green Book 8.4.2 and 8.4.3; DLMS UA 1001-3 HDLC_FRAME, HDLC_ADDRESS,
 * HDLC_INFO test purposes).
 */
import { encodePduBytes } from '../../dlms/pdu/pdu';
import { fromHex } from '../../dlms/bytes/hex';
import { parseObis } from '../../dlms/cosem/obis';
import { serverAddress, SERVER_LOWER_ADDRESS, SERVER_UPPER_ADDRESS, type HdlcAddress } from '../../dlms/hdlc/address';
import { CORRUPTIONS, craftFrame, oddAddressBytes, type CraftOptions } from '../../dlms/hdlc/craft';
import type { HdlcFrame } from '../../dlms/hdlc/frame';
import { addLlc } from '../../dlms/hdlc/llc';
import { summarizeFrame } from '../../dlms/hdlc/describe';
import { DEFAULT_SETTINGS, infoOfParameters, parameterList, type HdlcSettings } from '../../dlms/hdlc/parameters';
import { ASSOCIATION_REF_SCHEMA, eachOutsideForEach, plainestAssociation, resolveAssociation } from './association-ref';
import { profileAddresses, rawAccess, rawView } from './hdlc-view';
import { CURRENT_ASSOCIATION_SN } from './sn-names';
import { defineStep } from './registry';
import type { Schema } from '../yaml/schema';
import type { FromSchema } from '../yaml/from-schema';
import type { StepContext } from './context';

type Destination = 'server' | 'unknown' | 'other-size' | 'all-station' | 'no-station' | 'three-byte' | 'five-byte';

/** Green Book 8.4.5.3.2: the largest values that may be proposed. */
const MAXIMUM: HdlcSettings = { maxInfoFieldLengthTransmit: 2030, maxInfoFieldLengthReceive: 2030, windowSizeTransmit: 7, windowSizeReceive: 7 };
/** An upper address no logical device is likely to use (not reserved, Green Book 8.4.2.3). */
const UNKNOWN_UPPER = 0x5a;

/**
 * Logical device name (Green Book 4.2.1: class 1, 0-0:42.0.0.255, attribute 2): every server has
 * it. In a short-name association the probe is a READ of the current Association SN's
 * logical_name (Blue Book 4.4.2, 0xFA00), which an SN-only server can parse.
 */
function defaultApdu(referencing: 'ln' | 'sn' = 'ln'): Uint8Array {
  if (referencing === 'sn')
    return encodePduBytes({ type: 'read-request', variableAccessSpecification: [{ kind: 'variable-name', variableName: CURRENT_ASSOCIATION_SN }] });
  return encodePduBytes({
    type: 'get-request',
    variant: 'normal',
    invokeIdAndPriority: { invokeId: 1, serviceClass: 'confirmed', priority: 'high' },
    attribute: { classId: 1, instanceId: parseObis('0-0:42.0.0.255'), attributeId: 2 },
  });
}

function proposalOf(p: SendArgs['parameters']): HdlcSettings | undefined {
  if (p === undefined || p === 'none') return undefined;
  if (p === 'maximum') return MAXIMUM;
  return {
    maxInfoFieldLengthTransmit: p.maxInfoTx ?? DEFAULT_SETTINGS.maxInfoFieldLengthTransmit,
    maxInfoFieldLengthReceive: p.maxInfoRx ?? DEFAULT_SETTINGS.maxInfoFieldLengthReceive,
    windowSizeTransmit: p.windowTx ?? DEFAULT_SETTINGS.windowSizeTransmit,
    windowSizeReceive: p.windowRx ?? DEFAULT_SETTINGS.windowSizeReceive,
  };
}

/** The destination as an address, or as raw bytes for lengths no address has. */
function destinationOf(ctx: StepContext, server: HdlcAddress, d: Destination): { address: HdlcAddress; bytes?: Uint8Array } {
  const h = ctx.profile.hdlc;
  const lower = h.serverPhysical ?? 1;
  switch (d) {
    case 'server':
      return { address: server };
    case 'unknown': {
      const upper = h.serverLogical === UNKNOWN_UPPER ? UNKNOWN_UPPER + 1 : UNKNOWN_UPPER;
      return { address: server.size === 1 ? serverAddress(upper) : { ...server, upper } };
    }
    case 'other-size':
      // One byte is the only size a server of 2 or 4 bytes must not take (HDLC_ADDRESS_N6); a one-byte server gets four.
      return { address: server.size === 1 ? serverAddress(h.serverLogical, lower, 4) : serverAddress(h.serverLogical) };
    case 'all-station':
      return {
        address:
          server.size === 4
            ? { size: 4, upper: SERVER_UPPER_ADDRESS.allStation2, lower: SERVER_LOWER_ADDRESS.allStation2 }
            : serverAddress(SERVER_UPPER_ADDRESS.allStation1),
      };
    case 'no-station':
      return { address: serverAddress(SERVER_UPPER_ADDRESS.noStation) };
    case 'three-byte':
      return { address: server, bytes: oddAddressBytes(serverAddress(h.serverLogical, lower), 3) };
    case 'five-byte':
      return { address: server, bytes: oddAddressBytes(serverAddress(h.serverLogical, lower), 5) };
    default: {
      const never: never = d;
      throw new Error(`unknown destination ${String(never)}`);
    }
  }
}

const SEND_SCHEMA = {
  type: 'object',
  properties: {
    frame: { type: 'string', enum: ['snrm', 'disc', 'rr', 'rnr', 'i', 'ui'], description: 'the frame type' },
    corrupt: { type: 'string', enum: [...CORRUPTIONS], description: 'break the frame in this one way' },
    association: ASSOCIATION_REF_SCHEMA,
    pf: { type: 'boolean', description: 'the P bit; default set' },
    ns: {
      anyOf: [
        { type: 'integer', minimum: 0, maximum: 7 },
        { type: 'string', const: 'wrong' },
      ],
    },
    nr: {
      anyOf: [
        { type: 'integer', minimum: 0, maximum: 7 },
        { type: 'string', const: 'wrong' },
      ],
    },
    segmented: { type: 'boolean', description: 'the S bit of an I or UI frame' },
    apdu: { type: 'string', pattern: '^([0-9A-Fa-f]{2})*$', description: 'the APDU of an I or UI frame, hex' },
    info: { type: 'string', enum: ['too-long'], description: 'an information field one byte longer than negotiated' },
    parameters: {
      anyOf: [
        { type: 'string', enum: ['none', 'maximum'] },
        {
          type: 'object',
          properties: {
            maxInfoTx: { type: 'integer', minimum: 0, maximum: 0xffff },
            maxInfoRx: { type: 'integer', minimum: 0, maximum: 0xffff },
            windowTx: { type: 'integer', minimum: 0, maximum: 255 },
            windowRx: { type: 'integer', minimum: 0, maximum: 255 },
          },
        },
      ],
      description: 'SNRM parameters, from the client side',
    },
    destination: { type: 'string', enum: ['server', 'unknown', 'other-size', 'all-station', 'no-station', 'three-byte', 'five-byte'] },
    source: { type: 'string', enum: ['client', 'two-byte'] },
  },
  required: ['frame'],
} as const satisfies Schema;
export type SendArgs = FromSchema<typeof SEND_SCHEMA>;

defineStep({
  name: 'hdlc.send',
  description: 'Send one HDLC frame from its fields, intact or broken in one named way; judge the answer with expect.frame or expect.silence',
  schema: SEND_SCHEMA,
  crossCheck: (args, c) => eachOutsideForEach(args.association, c.forEach),
  async run(ctx, args) {
    const raw = rawAccess(ctx);
    const association = args.association !== undefined ? resolveAssociation(ctx, args.association) : plainestAssociation(ctx);
    await raw.open(association.clientSap);
    const link = raw.link();
    const view = rawView(ctx, link);
    const { client, server } = link ?? profileAddresses(ctx, association.clientSap);
    const dst = destinationOf(ctx, server, args.destination ?? 'server');
    const source: HdlcAddress = args.source === 'two-byte' ? { size: 2, upper: client.upper, lower: 1 } : client;
    const a = { destination: dst.address, source, pf: args.pf ?? true };
    const wrongNs = args.ns === 'wrong';
    const ns = args.ns === 'wrong' ? (view.vs + 2) % 8 : (args.ns ?? view.vs);
    // An N(R) four ahead acknowledges frames the DUT never sent, whatever it holds unacknowledged.
    const nr = args.nr === 'wrong' ? (view.vr + 4) % 8 : (args.nr ?? view.vr);
    let frame: HdlcFrame;
    switch (args.frame) {
      case 'snrm': {
        const proposal = proposalOf(args.parameters);
        view.proposal = proposal ?? DEFAULT_SETTINGS;
        frame = { type: 'SNRM', ...a, info: proposal ? infoOfParameters(parameterList(proposal)) : new Uint8Array(0) };
        break;
      }
      case 'disc':
        frame = { type: 'DISC', ...a };
        break;
      case 'rr':
      case 'rnr':
        frame = { type: args.frame === 'rr' ? 'RR' : 'RNR', ...a, nr };
        break;
      case 'i': {
        let info = addLlc(
          'request',
          args.apdu === undefined
            ? defaultApdu(ctx.association?.referencing ?? (ctx.profile.associations.some((x) => x.referencing === 'ln') ? 'ln' : 'sn'))
            : fromHex(args.apdu),
        );
        if (args.info === 'too-long') {
          const max = link?.settings.maxInfoFieldLengthTransmit ?? DEFAULT_SETTINGS.maxInfoFieldLengthTransmit;
          const padded = new Uint8Array(max + 1);
          padded.set(info.subarray(0, max + 1));
          info = padded;
        }
        frame = { type: 'I', ...a, ns, nr, segmented: args.segmented ?? false, info };
        break;
      }
      case 'ui':
        frame = {
          type: 'UI',
          ...a,
          segmented: args.segmented ?? false,
          info: args.apdu === undefined ? new Uint8Array(0) : addLlc('request', fromHex(args.apdu)),
        };
        break;
      default: {
        const never: never = args.frame;
        throw new Error(`unknown frame ${String(never)}`);
      }
    }
    const options: CraftOptions = dst.bytes ? { destinationBytes: dst.bytes } : {};
    const bytes = craftFrame(frame, args.corrupt, options);
    const what = `${summarizeFrame(frame)}${args.corrupt ? `, corrupted: ${args.corrupt}` : ''}${dst.bytes ? `, ${args.destination} destination` : ''}`;
    await raw.sendRawFrame(bytes, `crafted: ${what}`);
    // A frame the DUT should take moves the case's sequence numbers as it moves the DUT's.
    const intact = args.corrupt === undefined && dst.bytes === undefined && (args.destination ?? 'server') === 'server' && args.source !== 'two-byte';
    if (intact && frame.type === 'I' && !wrongNs && args.nr !== 'wrong' && args.info === undefined) view.vs = (ns + 1) % 8;
    ctx.note(`sent ${what}`);
  },
});
