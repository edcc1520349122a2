/**
 * Makes trace records for one client: decodes each frame into layers as it crosses the wire
 * and masks every secret the client holds before the record exists (DESIGN: redaction happens
 * when a record is made). A masked frame keeps its length; its bytes no longer check, and the
 * record says so.
 */
import type { DiscardReason } from '../drivers/framer';
import type { DecodedLayer, Direction } from '../dlms/trace';
import type { Secret } from '../dlms/secret';
import { maskLayers, maskBytes, maskText } from './redact';
import type { TraceRecorder } from './recorder';

export type LayerDescriber = (bytes: Uint8Array, dir: Direction) => readonly DecodedLayer[];

export class FrameRecorder {
  private readonly secrets: Secret[] = [];

  constructor(
    readonly recorder: TraceRecorder,
    private readonly describe: LayerDescriber,
  ) {}

  /** Every later record masks this secret wherever its bytes or their text forms appear. */
  protect(secret: Secret): void {
    if (secret.length > 0) this.secrets.push(secret);
  }

  tx(bytes: Uint8Array, note?: string): void {
    this.frame('tx', bytes, note);
  }

  rx(bytes: Uint8Array, note?: string): void {
    this.frame('rx', bytes, note);
  }

  event(note: string, layers: readonly DecodedLayer[] = []): void {
    this.recorder.event(maskText(note, this.secrets), maskLayers(layers, this.secrets));
  }

  discarded(bytes: Uint8Array, reason: DiscardReason): void {
    this.recorder.frame('rx', maskBytes(bytes, this.secrets).bytes, [], `discarded by the framer (${reason})`);
  }

  private frame(dir: Direction, bytes: Uint8Array, note?: string): void {
    const layers = maskLayers(this.describe(bytes, dir), this.secrets);
    const masked = maskBytes(bytes, this.secrets);
    const notes = [note, masked.count > 0 ? 'secret bytes masked' : undefined].filter((n): n is string => n !== undefined);
    this.recorder.frame(dir, masked.bytes, layers, notes.length > 0 ? notes.join('; ') : undefined);
  }
}
