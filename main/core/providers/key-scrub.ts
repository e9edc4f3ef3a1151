/**
 * Finding a key in text that came back from a server, a proxy or a stack, in the forms it is
 * echoed in: whole, in part, base64-encoded (a Basic auth header echoed by a proxy) and
 * percent-encoded (a URL echoed in an error).
 *
 * The rule for partial echoes: any run of MIN_RUN or more consecutive characters of the key
 * is removed. DeepSeek keys carry 32 hex characters (128 bits); a 7-character fragment gives
 * away at most 28 bits, and servers legitimately echo short tails (`****18b`) that users
 * need to tell keys apart, like our own mask (`sk-…a1b2`). Eight characters would already be
 * a quarter of the key, and would be found in ordinary prose only by accident (a hex run
 * like "deadbeef" that also happens to be in the key): masking that costs nothing.
 */

/** The shortest run of key characters that is treated as an echo of the key. */
export const MIN_RUN = 8;

/** Every run of >= MIN_RUN characters of `needle` found in `text`, as [start, end) ranges. */
function runsOf(text: string, needle: string): [number, number][] {
  // A needle shorter than MIN_RUN has no window, so nothing is found in it.
  const windows = new Set<string>();
  for (let i = 0; i + MIN_RUN <= needle.length; i++) windows.add(needle.slice(i, i + MIN_RUN));
  const out: [number, number][] = [];
  for (let j = 0; j + MIN_RUN <= text.length; j++) {
    if (!windows.has(text.slice(j, j + MIN_RUN))) continue;
    const last = out[out.length - 1];
    if (last && j <= last[1]) last[1] = j + MIN_RUN;
    else out.push([j, j + MIN_RUN]);
  }
  return out;
}

/** The key as base64 (and base64url) at each of the three byte alignments, padding-free cores only. */
function base64Forms(key: string): string[] {
  const forms: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const enc = Buffer.concat([Buffer.alloc(pad), Buffer.from(key, 'utf8')]).toString('base64');
    // Characters mixing in the dummy bytes or the padding are not stable; keep the middle.
    const core = enc.slice(pad === 0 ? 0 : Math.ceil((pad * 4) / 3) + 1, enc.length - 4);
    forms.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return forms;
}

function percentDecode(token: string): string {
  return token.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) =>
    String.fromCharCode(parseInt(h, 16)),
  );
}

/** Replaces every echo of `key` in `text` with `[key]`. */
export function scrubKey(text: string, key: string): string {
  if (key.length < MIN_RUN) return key.length >= 4 ? text.split(key).join('[key]') : text;
  let out = text;
  for (const needle of [key, ...base64Forms(key)]) {
    const runs = runsOf(out, needle);
    for (let i = runs.length - 1; i >= 0; i--) {
      const [a, b] = runs[i]!;
      out = out.slice(0, a) + '[key]' + out.slice(b);
    }
  }
  // Percent-encoded: decode each URL-ish token and drop the whole token if it hides the key.
  return out.replace(/[A-Za-z0-9%._~+\-/=]*%[0-9A-Fa-f]{2}[A-Za-z0-9%._~+\-/=]*/g, (token) =>
    runsOf(percentDecode(token), key).length > 0 ? '[key]' : token,
  );
}
