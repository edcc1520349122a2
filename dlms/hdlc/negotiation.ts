/**
 * HDLC parameter negotiation (IEC 62056-46 / Green Book 8.4.5.3.2): the client proposes in the
 * SNRM, the server answers in the UA with values no larger than proposed and no larger than it
 * supports. Each side's settings are from its own point of view (transmit = what it sends),
 * so the client's transmit meets the server's receive.
 */
import { DEFAULT_SETTINGS, type HdlcSettings } from './parameters';

/** The same settings seen from the other end: transmit and receive swap. */
export function mirrored(s: HdlcSettings): HdlcSettings {
  return {
    maxInfoFieldLengthTransmit: s.maxInfoFieldLengthReceive,
    maxInfoFieldLengthReceive: s.maxInfoFieldLengthTransmit,
    windowSizeTransmit: s.windowSizeReceive,
    windowSizeReceive: s.windowSizeTransmit,
  };
}

/** Field by field minimum. */
function least(a: HdlcSettings, b: HdlcSettings): HdlcSettings {
  return {
    maxInfoFieldLengthTransmit: Math.min(a.maxInfoFieldLengthTransmit, b.maxInfoFieldLengthTransmit),
    maxInfoFieldLengthReceive: Math.min(a.maxInfoFieldLengthReceive, b.maxInfoFieldLengthReceive),
    windowSizeTransmit: Math.min(a.windowSizeTransmit, b.windowSizeTransmit),
    windowSizeReceive: Math.min(a.windowSizeReceive, b.windowSizeReceive),
  };
}

/**
 * The server's answer to a proposal (client's point of view, defaults for absent parameters),
 * given what the server supports: the settings to put in its UA, from the server's point of view.
 */
export function serverAccepts(proposal: HdlcSettings, supported: HdlcSettings): HdlcSettings {
  return least(mirrored(proposal), supported);
}

export interface ClientOutcome {
  /** What the client uses: its point of view, never more than it proposed. */
  readonly settings: HdlcSettings;
  /** The UA values that exceed the proposal, by name: the server broke the rule. */
  readonly exceeded: readonly (keyof HdlcSettings)[];
}

/** The client's reading of a UA (server's point of view) against what it proposed. */
export function clientAccepts(proposal: HdlcSettings, ua: HdlcSettings = DEFAULT_SETTINGS): ClientOutcome {
  const answered = mirrored(ua);
  const exceeded = (Object.keys(proposal) as (keyof HdlcSettings)[]).filter((k) => answered[k] > proposal[k]);
  return { settings: least(answered, proposal), exceeded };
}
