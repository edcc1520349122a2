/**
 * Makes trace records for one client: masks every secret the client holds in each frame's bytes
 * before the record exists (DESIGN: redaction happens when a record is made) and decodes the
 * frame into layers once, when a report first reads them, masked with the secrets held when the
 * frame crossed the wire. A frame whose bytes held a secret is decoded at once, so that no
 * record keeps the unmasked bytes for later. A masked frame keeps its length; its bytes no longer
 * check, and the record says so.
 */
import type { DiscardReason } from '../drivers/framer';
import type { DecodedLayer, Direction } from '../dlms/trace';
import type { HdlcFrame } from '../dlms/hdlc/frame';
import type { Secret } from '../dlms/secret';
import { maskLayers, maskBytes, maskText } from './redact';
import type { TraceRecorder } from './recorder';

export type LayerDescriber = (bytes: Uint8Array, dir: Direction) => readonly DecodedLayer[];
/**
 * Takes in what the decoding depends on now (the state of segmentation, the keys of an open
 * session) and returns the decoding for later; `bytes` is not changed afterwards.
 */
export type DeferredDescriber = (bytes: Uint8Array, dir: Direction, frame?: HdlcFrame) => () => readonly DecodedLayer[];

/**
 * What the link that records a frame already knows of it, so the hot path does no work twice:
 * `owned` — the bytes are a fresh array the caller never touches again (kept without a copy);
 * `frame` — the frame those bytes decode to (the describer need not decode them to follow the
 * segmentation).
 */
export interface FrameHint {
  readonly owned?: boolean;
  readonly frame?: HdlcFrame;
}

export class FrameRecorder {
  private readonly secrets: Secret[] = [];

  constructor(
    readonly recorder: TraceRecorder,
    private readonly describe: DeferredDescriber,
  ) {}

  /** Every later record masks this secret wherever its bytes or their text forms appear. */
  protect(secret: Secret): void {
    if (secret.length > 0 && !this.secrets.some((s) => s === secret || sameBytes(s.reveal(), secret.reveal()))) this.secrets.push(secret);
  }

  tx(bytes: Uint8Array, note?: string, hint?: FrameHint): void {
    this.frame('tx', bytes, note, hint);
  }

  rx(bytes: Uint8Array, note?: string, hint?: FrameHint): void {
    this.frame('rx', bytes, note, hint);
  }

  event(note: string, layers: readonly DecodedLayer[] = []): void {
    this.recorder.event(maskText(note, this.secrets), maskLayers(layers, this.secrets));
  }

  /**
   * An event whose layers are decoded when a report first reads them (a reassembled APDU: most
   * are never rendered in detail); at once if a secret is held, so nothing unmasked waits.
   */
  eventLater(note: string, layers: () => readonly DecodedLayer[]): void {
    if (this.secrets.length > 0) this.event(note, layers());
    else this.recorder.event(note, layers);
  }

  discarded(bytes: Uint8Array, reason: DiscardReason): void {
    const masked = maskBytes(bytes, this.secrets);
    this.recorder.frame('rx', masked.count > 0 ? masked.bytes : bytes.slice(), [], `discarded by the framer (${reason})`);
  }

  private frame(dir: Direction, bytes: Uint8Array, note?: string, hint?: FrameHint): void {
    if (this.secrets.length === 0) {
      // Nothing to mask (the usual case): no scan, and no copy of bytes handed over.
      const kept = hint?.owned === true ? bytes : bytes.slice();
      this.recorder.frame(dir, kept, this.describe(kept, dir, hint?.frame), note);
      return;
    }
    const masked = maskBytes(bytes, this.secrets);
    // The copy the record keeps; the caller's buffer may be reused.
    const kept = masked.count > 0 ? masked.bytes : hint?.owned === true ? bytes : bytes.slice();
    const describe = this.describe(kept === masked.bytes ? bytes : kept, dir, hint?.frame);
    // Secrets are only ever added: the first `held` are the ones held now.
    const held = this.secrets.length;
    const layers = () => maskLayers(describe(), this.secrets.slice(0, held));
    const notes = [note, masked.count > 0 ? 'secret bytes masked' : undefined].filter((n): n is string => n !== undefined);
    this.recorder.frame(dir, kept, masked.count > 0 ? layers() : layers, notes.length > 0 ? notes.join('; ') : undefined);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
