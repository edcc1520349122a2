/**
 * Masks secrets in what a trace record holds: raw bytes (each secret byte run replaced by '*'
 * of the same length) and any text a decoder produced (the secret as hex in either case, as
 * base64 and as text). Text forms shorter than 4 characters are not masked in prose: they
 * would blank ordinary words; their bytes are still masked.
 */
import type { DecodedLayer } from '../dlms/trace';
import type { Secret } from '../dlms/secret';
import { SECRET_MASK } from '../dlms/secret';
import { toHex } from '../dlms/bytes/hex';

const STAR = 0x2a;

export function maskBytes(bytes: Uint8Array, secrets: readonly Secret[]): { bytes: Uint8Array; count: number } {
  let out = bytes;
  let count = 0;
  for (const s of secrets) {
    const needle = s.reveal();
    if (needle.length === 0) continue;
    for (let i = 0; i + needle.length <= out.length; i++) {
      let hit = true;
      for (let j = 0; j < needle.length && hit; j++) hit = out[i + j] === needle[j];
      if (!hit) continue;
      if (out === bytes) out = bytes.slice();
      out.fill(STAR, i, i + needle.length);
      count++;
      i += needle.length - 1;
    }
  }
  return { bytes: out, count };
}

/** Secrets never change: their text forms are worked out once (masking runs on every frame). */
const FORMS = new WeakMap<Secret, string[]>();

export function textForms(secret: Secret): string[] {
  const known = FORMS.get(secret);
  if (known) return known;
  const forms = computeForms(secret);
  FORMS.set(secret, forms);
  return forms;
}

function computeForms(secret: Secret): string[] {
  const b = secret.reveal();
  const hex = toHex(b);
  const forms = [hex, hex.toLowerCase(), toHex(b, ' '), toHex(b, ' ').toLowerCase(), Buffer.from(b).toString('base64')];
  const text = Buffer.from(b).toString('utf8');
  if (/^[\x20-\x7e]+$/.test(text)) forms.push(text);
  return forms.filter((f) => f.length >= 4);
}

/**
 * Every form of every secret replaced by the mask, one form after another (a form masked first
 * cannot be half-found by a later one). Most text holds no secret: a form is looked for before
 * the text is split, and text shorter than a form cannot hold it.
 */
export function maskText(text: string, secrets: readonly Secret[]): string {
  let out = text;
  for (const s of secrets) {
    for (const form of textForms(s)) if (out.length >= form.length && out.includes(form)) out = out.split(form).join(SECRET_MASK);
  }
  return out;
}

/** The layers with every secret masked; the very same layers (no copy) when none held one. */
export function maskLayers(layers: readonly DecodedLayer[], secrets: readonly Secret[]): readonly DecodedLayer[] {
  if (secrets.length === 0) return layers;
  let changed = false;
  const out = layers.map((l) => {
    const m = maskLayer(l, secrets);
    if (m !== l) changed = true;
    return m;
  });
  return changed ? out : layers;
}

function maskLayer(l: DecodedLayer, secrets: readonly Secret[]): DecodedLayer {
  const summary = maskText(l.summary, secrets);
  let fields = l.fields;
  if (fields) {
    const masked = fields.map((f) => {
      const value = maskText(f.value, secrets);
      return value === f.value ? f : { ...f, value };
    });
    if (masked.some((f, i) => f !== fields![i])) fields = masked;
  }
  let error = l.error;
  if (error) {
    const expected = maskText(error.expected, secrets);
    const actual = maskText(error.actual, secrets);
    if (expected !== error.expected || actual !== error.actual) error = { ...error, expected, actual };
  }
  if (summary === l.summary && fields === l.fields && error === l.error) return l;
  return { ...l, summary, ...(fields ? { fields } : {}), ...(error ? { error } : {}) };
}
