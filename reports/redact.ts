/**
 * A last-line check that no output leaks a secret: finds a secret's bytes written in any of the
 * forms a report could hold them — hex (upper, lower, spaced), base64 (at every alignment) and
 * the text itself. Redaction happens when trace records are made (client/); this is how tests
 * prove it held all the way to the files on disk.
 */
export type LeakForm = 'hex' | 'hex-spaced' | 'base64' | 'text';

export interface Leak {
  readonly form: LeakForm;
  /** Character index of the first occurrence in the text. */
  readonly index: number;
}

/** Shorter needles would match ordinary text by chance. */
const MIN_NEEDLE = 4;

export function secretForms(secret: Uint8Array): { form: LeakForm; needle: string }[] {
  const hex = Buffer.from(secret).toString('hex');
  const spaced = hex.match(/../g)?.join(' ') ?? '';
  const forms: { form: LeakForm; needle: string }[] = [
    { form: 'hex', needle: hex },
    { form: 'hex-spaced', needle: spaced },
  ];
  // Base64 of a longer buffer holding the secret depends on where it starts modulo 3: take the
  // groups made of secret bytes only, for each of the three alignments.
  for (let k = 0; k < 3; k++) {
    const whole = Math.floor((secret.length - k) / 3) * 3;
    if (whole <= 0) continue;
    const b64 = Buffer.from(secret.subarray(k, k + whole)).toString('base64');
    forms.push({ form: 'base64', needle: b64 });
  }
  const text = Buffer.from(secret).toString('utf8');
  if (/^[\x20-\x7e]+$/.test(text)) forms.push({ form: 'text', needle: text });
  return forms.filter((f) => f.needle.length >= MIN_NEEDLE);
}

export function findSecretLeaks(text: string, secrets: readonly Uint8Array[]): Leak[] {
  const leaks: Leak[] = [];
  const lower = text.toLowerCase();
  for (const s of secrets) {
    for (const { form, needle } of secretForms(s)) {
      const hay = form === 'hex' || form === 'hex-spaced' ? lower : text;
      const index = hay.indexOf(needle);
      if (index >= 0) leaks.push({ form, index });
    }
  }
  return leaks;
}
