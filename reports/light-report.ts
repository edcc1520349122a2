/**
 * A light and private single-file report. Light: a case that passed keeps its readable trace in
 * the report — the decoded layers of every frame, with the frame's byte count in place of its hex
 * — while the full text trace, the JSON trace, the timeline SVG and the pcapng capture (about
 * 15 KB a case in the packed page, most of the default run's report) stay as files beside the
 * results (allure-results/, where `dlmsct export` reads them too) and the report links to them;
 * a case that did not pass embeds everything. And the page is packed (packHtml). Private: the
 * page makes no network request. Allure's report plugin switches its analytics script on
 * unconditionally; it is cut out of the generated page, and a Content-Security-Policy that
 * allows nothing off the page is added so that nothing else in the bundle can phone home.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

/** Attachments a passing case keeps as linked files instead of embedding them (reports/allure-case.ts and trace-exports.ts name them). */
export const HEAVY_ATTACHMENTS: ReadonlySet<string> = new Set(['frame trace (JSON)', 'timeline (SVG)', 'trace.pcapng']);

/** The text trace: a passing case embeds it with byte counts (trace-text.ts withByteCounts) and links the full file. */
export const TEXT_TRACE = 'frame trace (text)';
export const TEXT_TRACE_COUNTS = 'frame trace (decoded; the bytes are in the linked text file)';

interface Attachment {
  readonly name: string;
  readonly source: string;
  readonly type?: string;
}

interface ResultNode {
  name?: string;
  attachments?: Attachment[];
  steps?: ResultNode[];
}

/** Allure 3 writes an attachment of a test as a step of its own, named as the attachment, holding only it. */
function isAttachmentStep(n: ResultNode): boolean {
  return !n.steps?.length && n.attachments?.length === 1 && n.name === n.attachments[0]!.name;
}

interface AllureResultJson extends ResultNode {
  status?: string;
  links?: { name?: string; url: string; type?: string }[];
}

export interface LightResult {
  readonly result: AllureResultJson;
  /** The attachment files the report still carries. */
  readonly embedded: readonly string[];
  /** Of those, the text traces the report carries with byte counts instead of hex (withByteCounts). */
  readonly counted: readonly string[];
}

/**
 * The result as the report should show it: for a passed case, heavy attachments (anywhere in
 * its step tree) are taken out and linked instead, at `linkBase` + their file name, and its text
 * trace is shown with byte counts and linked in full.
 */
export function lightResult(result: AllureResultJson, linkBase: string): LightResult {
  const embedded: string[] = [];
  const counted: string[] = [];
  const links: { name: string; url: string; type: string }[] = [];
  const passed = result.status === 'passed';
  const link = (a: Attachment): void => {
    links.push({ name: `${a.name} (file)`, url: `${linkBase}${a.source}`, type: 'attachment' });
  };
  const visit = (node: ResultNode): ResultNode => {
    const kept: Attachment[] = [];
    for (const a of node.attachments ?? []) {
      if (passed && HEAVY_ATTACHMENTS.has(a.name)) link(a);
      else if (passed && a.name === TEXT_TRACE) {
        link(a);
        kept.push({ ...a, name: TEXT_TRACE_COUNTS });
        embedded.push(a.source);
        counted.push(a.source);
      } else {
        kept.push(a);
        embedded.push(a.source);
      }
    }
    // A step that held only a linked attachment goes (the link says where it is); the one holding the counted trace takes its name.
    const steps = node.steps
      ?.map((step) => ({ step, light: visit(step) }))
      .filter(({ step, light }) => !isAttachmentStep(step) || light.attachments!.length > 0)
      .map(({ step, light }) =>
        isAttachmentStep(step) && light.attachments![0]!.name !== step.name ? { ...light, name: light.attachments![0]!.name } : light,
      );
    return { ...node, ...(node.attachments ? { attachments: kept } : {}), ...(steps ? { steps } : {}) };
  };
  const light = visit(result) as AllureResultJson;
  if (links.length > 0) light.links = [...(result.links ?? []), ...links];
  return { result: light, embedded, counted };
}

const ANALYTICS_LOADER = /<script\b[^>]*\bsrc="https:\/\/www\.googletagmanager\.com\/[^"]*"[^>]*><\/script>/g;
/** The inline block that configures it: `<script> window.dataLayer … gtag('config', …) </script>`. */
const ANALYTICS_CONFIG = /<script>\s*window\.dataLayer[\s\S]*?<\/script>/g;

/**
 * Nothing leaves the page: scripts, styles, fonts and images from the page itself or data:/blob:
 * URLs only; no connections at all.
 */
export const PRIVATE_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' data: blob:; style-src 'unsafe-inline' data: blob:; img-src data: blob:; font-src data: blob:; media-src data: blob:; connect-src data: blob:; worker-src blob: data:; frame-src data: blob:; form-action 'none'";

/** The generated page without the analytics, with the policy above as the first thing in <head>, packed (packHtml). */
export function privateHtml(html: string): string {
  const stripped = packHtml(html.replace(ANALYTICS_LOADER, '').replace(ANALYTICS_CONFIG, ''));
  return stripped.replace(/<head>/i, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${PRIVATE_CSP}">`);
}

/**
 * Every place the page would load something from another host: src/href/action attributes and
 * CSS url(…) with an http(s) or protocol-relative URL. Plain text that merely mentions a URL (a
 * spec link shown as text, an XML namespace inside inline SVG) is not a request and not listed.
 */
export function externalReferences(html: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\b(?:src|href|action|poster|data)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi,
    /@import\s+["']((?:https?:)?\/\/[^"']+)/gi,
  ];
  for (const p of patterns) for (const m of html.matchAll(p)) found.add(m[1]!);
  return [...found];
}

const APP_SCRIPT = /<script\s+src="data:text\/javascript;base64,([A-Za-z0-9+/=]+)"\s*><\/script>/;
const DATA_SCRIPT =
  /<script defer>\s*Promise\.allSettled\(\[([\s\S]*?)\]\)\s*\.then\(function\(\)\{\s*window\.allureReportDataReady = true;\s*\}\)\s*<\/script>/;
const DATA_ENTRY = /d\("([^"\\]+)","([A-Za-z0-9+/=]*)"\)/g;

/**
 * Like with like: gzip finds repeats only within its last 32 KB, so the results of all cases
 * side by side, then each kind of attachment, compress far better than the order Allure wrote
 * them in (by file, results and attachments mixed). The loader fills the data by name: the order
 * is free.
 */
function packingOrder<T extends { readonly name: string }>(entries: readonly T[]): T[] {
  const kind = (name: string): string =>
    name.startsWith('data/attachments/') ? `data/attachments/*${name.slice(name.lastIndexOf('.'))}` : name.replace(/[^/]*$/, '');
  return entries
    .map((e, i) => ({ e, i, k: kind(e.name) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
    .map((x) => x.e);
}

const STEP_ID = /"stepId":"([0-9a-f]{16,})"/g;

/**
 * Allure names every step of every result by a random 32-digit id, which nothing else in the
 * page refers to: random digits do not compress, and were a third of the packed results. Each
 * becomes a short id of its own (one map per page: still unique, still the same id for the same
 * step).
 */
function shortStepIds(name: string, bytes: Buffer, ids: Map<string, string>): Buffer {
  if (!name.startsWith('data/test-results/')) return bytes;
  const text = bytes.toString('utf8');
  const short = text.replace(STEP_ID, (_, id: string) => {
    let s = ids.get(id);
    if (s === undefined) ids.set(id, (s = `s${ids.size.toString(36)}`));
    return `"stepId":"${s}"`;
  });
  return short === text ? bytes : Buffer.from(short, 'utf8');
}

/**
 * The page with Allure's app and its data packed into one gzip stream (DecompressionStream, in
 * every current browser): the single file shrinks about fourfold — base64 of JSON and of the app
 * bundle compresses well — and opens as fast, since unpacking takes milliseconds. The loader
 * fills `window.allureReportData` as Allure's own data script did (each entry base64, as the app
 * expects), marks it ready, then starts the app from a blob: URL. A page whose layout this does
 * not recognise (another Allure version) is returned unchanged.
 */
export function packHtml(html: string): string {
  const app = APP_SCRIPT.exec(html);
  const data = DATA_SCRIPT.exec(html);
  if (!app || !data) return html;
  const ids = new Map<string, string>();
  const entries = packingOrder([...data[1]!.matchAll(DATA_ENTRY)].map((m) => ({ name: m[1]!, bytes: shortStepIds(m[1]!, Buffer.from(m[2]!, 'base64'), ids) })));
  const appBytes = Buffer.from(app[1]!, 'base64');
  const packed = gzipSync(Buffer.concat([appBytes, ...entries.map((e) => e.bytes)]), { level: 9 }).toString('base64');
  const index = JSON.stringify(entries.map((e) => [e.name, e.bytes.length]));
  const loader = `<script>
(function () {
  var index = ${index.replace(/</g, '\\u003c')};
  var appLength = ${appBytes.length};
  var packed = "${packed}";
  function fromBase64(s) { var b = atob(s), u = new Uint8Array(b.length); for (var i = 0; i < b.length; i++) u[i] = b.charCodeAt(i); return u; }
  function toBase64(u) { var s = ''; for (var i = 0; i < u.length; i += 0x8000) s += String.fromCharCode.apply(null, u.subarray(i, i + 0x8000)); return btoa(s); }
  new Response(new Blob([fromBase64(packed)]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer().then(function (buffer) {
    var all = new Uint8Array(buffer), at = appLength;
    window.allureReportData = window.allureReportData || {};
    index.forEach(function (e) { window.allureReportData[e[0]] = toBase64(all.subarray(at, at + e[1])); at += e[1]; });
    window.allureReportDataReady = true;
    var s = document.createElement('script');
    s.src = URL.createObjectURL(new Blob([all.subarray(0, appLength)], { type: 'text/javascript' }));
    document.body.appendChild(s);
  });
})();
</script>`;
  return html.replace(data[0], () => loader).replace(app[0], '');
}

/**
 * What a packed page carries (packHtml's inverse): the app bundle and each data file by name.
 * For tests and the bench, which look at what the report embeds; undefined for another layout.
 */
export function unpackHtml(html: string): { readonly app: Buffer; readonly data: ReadonlyMap<string, Buffer> } | undefined {
  const index = /var index = (\[[\s\S]*?\]);\n/.exec(html);
  const appLength = /var appLength = (\d+);/.exec(html);
  const packed = /var packed = "([A-Za-z0-9+/=]*)";/.exec(html);
  if (!index || !appLength || !packed) return undefined;
  const all = gunzipSync(Buffer.from(packed[1]!, 'base64'));
  const data = new Map<string, Buffer>();
  let at = Number(appLength[1]);
  for (const [name, length] of JSON.parse(index[1]!.replace(/\\u003c/g, '<')) as [string, number][]) {
    data.set(name, all.subarray(at, at + length));
    at += length;
  }
  return { app: all.subarray(0, Number(appLength[1])), data };
}
