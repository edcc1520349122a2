/**
 * `expect.frame: { type, pf?, ns?, nr?, segmented?, source?, destination?, parameters?, anyOf?, within? }`
 * — the next frame the DUT sends, within a bound from the profile, is exactly this one: its type
 * and the fields named (Green Book 8.4.3). `parameters` judges a UA's negotiation field:
 * `within-proposal` (no value above the SNRM the case sent, Green Book 8.4.5.3.2) or values by
 * name from the server's side, numbers or `$name` of a value a `get ... as:` kept.
 */
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { formatAddress, addressEquals } from '../../dlms/hdlc/address';
import { decodeFrame, type HdlcFrame } from '../../dlms/hdlc/frame';
import { summarizeFrame } from '../../dlms/hdlc/describe';
import { mirrored } from '../../dlms/hdlc/negotiation';
import { PARAMETER_ID, parametersOfInfo, settingsOf, type HdlcParameterName, type HdlcSettings } from '../../dlms/hdlc/parameters';
import { ExpectationFailure, HarnessFault } from '../engine/verdict';
import type { Schema } from '../yaml/schema';
import { type FromSchema, typedSchema } from '../yaml/from-schema';
import type { StepContext } from './context';
import { BOUND_SCHEMA, boundMs, rawAccess, rawView, type RawView } from './hdlc-view';
import { defineStep } from './registry';
import { caseRule } from './rule';

const TYPES = ['I', 'RR', 'RNR', 'SNRM', 'DISC', 'UA', 'DM', 'FRMR', 'UI'] as const;

const NAMES = Object.keys(PARAMETER_ID) as HdlcParameterName[];

const SINGLE = {
  type: 'object',
  properties: {
    type: {
      anyOf: [
        { type: 'string', enum: [...TYPES] },
        { type: 'array', items: { type: 'string', enum: [...TYPES] } },
      ],
    },
    pf: { type: 'boolean', description: 'the P/F bit' },
    ns: { type: 'integer', minimum: 0, maximum: 7 },
    nr: {
      anyOf: [
        { type: 'integer', minimum: 0, maximum: 7 },
        { type: 'string', const: 'unchanged' },
      ],
      description: 'N(R); unchanged: acknowledging exactly the I frames the DUT should have taken (an error probe inside an association)',
    },
    segmented: { type: 'boolean', description: 'the S bit' },
    source: { type: 'string', enum: ['server'], description: 'the server address exactly as the case addressed it' },
    destination: { type: 'string', enum: ['client'], description: "the case's client address" },
    parameters: typedSchema<'within-proposal' | Readonly<Partial<Record<HdlcParameterName, number | string>>>>({
      anyOf: [
        { type: 'string', enum: ['within-proposal'] },
        {
          type: 'object',
          properties: Object.fromEntries(
            NAMES.map((n) => [
              n,
              {
                anyOf: [
                  { type: 'integer', minimum: 0 },
                  { type: 'string', pattern: '^\\$[a-zA-Z][a-zA-Z0-9]*$' },
                ],
              },
            ]),
          ),
        },
      ],
      description: "a UA's parameters, from the server's side",
    }),
  },
} as const satisfies Schema;
type FrameExpectation = FromSchema<typeof SINGLE>;

function valueOf(ctx: StepContext, v: number | string): number {
  if (typeof v === 'number') return v;
  const d = ctx.vars.get(v.slice(1));
  if (d === undefined) throw new HarnessFault(`no value kept as ${v} (an earlier get must keep it with as:)`, 'harness', 'STEP_NO_VALUE');
  if (!('value' in d) || typeof d.value !== 'number') throw new HarnessFault(`${v} is not a number (${d.type})`, 'harness', 'STEP_NOT_A_NUMBER');
  return d.value;
}

function describe(e: FrameExpectation): string {
  const parts: string[] = [e.type === undefined ? 'a frame' : Array.isArray(e.type) ? e.type.join(' or ') : String(e.type)];
  for (const k of ['pf', 'ns', 'nr', 'segmented', 'source', 'destination'] as const) if (e[k] !== undefined) parts.push(`${k} ${String(e[k])}`);
  if (e.parameters !== undefined)
    parts.push(typeof e.parameters === 'string' ? 'parameters within the proposal' : `parameters ${JSON.stringify(e.parameters)}`);
  return parts.join(', ');
}

/** Why `f` is not `e`, or undefined when it is. */
function mismatch(ctx: StepContext, view: RawView, f: HdlcFrame, e: FrameExpectation): string | undefined {
  const link = ctx.client.raw?.link();
  if (e.type !== undefined) {
    const types = typeof e.type === 'string' ? [e.type] : e.type;
    if (!types.includes(f.type)) return `another type (${f.type})`;
  }
  if (e.pf !== undefined && f.pf !== e.pf) return `P/F ${f.pf ? 1 : 0}`;
  if (e.ns !== undefined && (f.type !== 'I' || f.ns !== e.ns)) return f.type === 'I' ? `N(S)=${f.ns}` : `no N(S) (${f.type})`;
  const nr = e.nr === 'unchanged' ? view.vs : e.nr;
  if (nr !== undefined && (!('nr' in f) || f.nr !== nr))
    return 'nr' in f ? `N(R)=${f.nr}${e.nr === 'unchanged' ? ` where ${nr} (unchanged) is due` : ''}` : `no N(R) (${f.type})`;
  if (e.segmented !== undefined && ('segmented' in f ? f.segmented : false) !== e.segmented) return `S bit ${e.segmented ? 'clear' : 'set'}`;
  if (e.source === 'server' && link && !addressEquals(f.source, link.server))
    return `source address ${formatAddress(f.source)} (${f.source.size} byte(s)), not ${formatAddress(link.server)}`;
  if (e.destination === 'client' && link && !addressEquals(f.destination, link.client))
    return `destination address ${formatAddress(f.destination)}, not ${formatAddress(link.client)}`;
  if (e.parameters !== undefined) return parameterMismatch(ctx, view, f, e.parameters);
  return undefined;
}

function parameterMismatch(ctx: StepContext, view: RawView, f: HdlcFrame, want: NonNullable<FrameExpectation['parameters']>): string | undefined {
  if (f.type !== 'UA') return `no parameters (${f.type})`;
  let ua: HdlcSettings;
  try {
    ua = settingsOf(parametersOfInfo(f.info));
  } catch (err) {
    if (!isDecodeError(err)) throw err;
    return `UA parameters that do not decode: ${err.code} at byte ${err.offset}`;
  }
  if (want === 'within-proposal') {
    const proposal = view.proposal;
    if (!proposal) throw new HarnessFault('parameters: within-proposal needs an SNRM sent by hdlc.send before', 'harness', 'STEP_NO_PROPOSAL');
    const ours = mirrored(ua);
    const over = NAMES.filter((k) => ours[k] > proposal[k]);
    return over.length === 0 ? undefined : over.map((k) => `${k} ${ours[k]} above the proposed ${proposal[k]}`).join(', ');
  }
  const off = NAMES.filter((k) => want[k] !== undefined && ua[k] !== valueOf(ctx, want[k]!));
  return off.length === 0 ? undefined : off.map((k) => `${k} ${ua[k]} where ${valueOf(ctx, want[k]!)} is due`).join(', ');
}

defineStep({
  name: 'expect.frame',
  description: 'The next frame from the DUT, within a bound from the profile, is of this type with these fields (or any one of anyOf)',
  schema: { ...SINGLE, properties: { ...SINGLE.properties, anyOf: { type: 'array', minItems: 2, items: SINGLE }, within: BOUND_SCHEMA } },
  async run(ctx, args) {
    const raw = rawAccess(ctx);
    const view = rawView(ctx, raw.link());
    const choices = args.anyOf ?? [args];
    const expected = choices.map(describe).join(', or ');
    const ms = boundMs(ctx, args.within ?? 'response');
    const got = await raw.nextFrame(ms);
    if (got.kind === 'silence') throw new ExpectationFailure(caseRule(ctx), expected, `no frame within ${ms} ms`);
    if (got.kind === 'closed') throw new ExpectationFailure(caseRule(ctx), expected, 'the meter closed the connection');
    let frame: HdlcFrame;
    try {
      frame = decodeFrame(got.bytes);
    } catch (err) {
      if (!isDecodeError(err)) throw err;
      throw new ExpectationFailure(
        caseRule(ctx),
        expected,
        `a frame that does not decode: ${err.code} at byte ${err.offset} (expected ${err.expected}, got ${err.actual})`,
      );
    }
    if (frame.type === 'I') view.vr = (frame.ns + 1) % 8;
    if (frame.type === 'UA') {
      view.vs = 0;
      view.vr = 0;
    }
    const misses = choices.map((c) => mismatch(ctx, view, frame, c));
    if (misses.every((m) => m !== undefined))
      throw new ExpectationFailure(caseRule(ctx), expected, `${summarizeFrame(frame)}: ${[...new Set(misses)].join('; ')}`);
    ctx.note(`received ${summarizeFrame(frame)}, as required`);
  },
});
