/**
 * Electron's security checklist, item by item, through the recording fake (what the window,
 * session and shell were asked to do) and on the BUILT renderer HTML. Items already pinned in
 * test/unit/shell (basic preferences, one navigation, preload surface, IPC sender) are
 * widened here to every URL kind and permission rather than repeated. The IPC sender check
 * is fuzzed in test/unit/security/ipc-fuzz.test.ts.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type InlineConfig } from 'vite';
import viteConfig from '../../../electron.vite.config';
import { callsTo, fake, fakeEvent, resetElectronFake } from '../../fakes/electron';
import { recordingLogger } from '../../fakes/fake-core';
import { createWindowController, secureWebPreferences } from '../../../main/shell/window';
import { checkExternalUrl } from '../../../main/shell/external-policy';
import { openExternal } from '../../../main/shell/external';
import { PASTED_PROVIDER_IDS, pastedProviderLink } from '../../../shared/diagnosis/error-providers';
import { LINK_ORIGINS } from '../../../shared/external-links';
import { LINK_KINDS, PROVIDERS } from '../../../shared/providers';

let builtHtml = '';

beforeAll(async () => {
  // The renderer section of the project's own electron-vite config, built into a temp folder
  // (base './' as electron-vite uses for loadFile), so this test never touches out/.
  const renderer = (viteConfig as { renderer: InlineConfig }).renderer;
  const outDir = mkdtempSync(join(tmpdir(), 'creditray-renderer-'));
  await build({
    ...renderer,
    configFile: false,
    base: './',
    logLevel: 'silent',
    build: { ...renderer.build, outDir, emptyOutDir: true },
  });
  builtHtml = readFileSync(join(outDir, 'index.html'), 'utf8');
}, 120_000);

beforeEach(() => resetElectronFake());

/** The CSP of the built page, as directive -> sources. */
function csp(html: string): Map<string, string[]> {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  expect(m, 'the built index.html has a CSP meta tag').not.toBeNull();
  return new Map(
    m![1]!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('CSP in the built renderer HTML', () => {
  it('defaults to nothing, allows only our own scripts and styles, and no network at all', () => {
    const policy = csp(builtHtml);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('allows no inline script, no eval and no remote origin in any directive', () => {
    for (const [directive, sources] of csp(builtHtml)) {
      for (const s of sources) {
        expect(s, directive).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/);
        expect(s, directive).not.toMatch(/^(https?:|wss?:|\*|blob:|filesystem:|'nonce-|'sha)/);
      }
    }
  });

  it('loads only bundled scripts by relative path, with no inline script in the page', () => {
    const scripts = [...builtHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body!.trim(), 'inline script').toBe('');
      expect(attrs).toMatch(/src="\.\/assets\/[^"]+\.js"/);
    }
    expect(builtHtml).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });
});

describe('window preferences and handlers (recording fake)', () => {
  const open = async () => {
    createWindowController({ preloadPath: '/p.cjs', renderer: { root: '/app' }, logger: recordingLogger(), platform: 'linux' }).showView();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.windows).toHaveLength(1);
    return fake.windows[0]!;
  };

  it('creates the window with every hardening preference and no risky one', async () => {
    const w = await open();
    expect(w.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
    expect(w.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    for (const risky of ['experimentalFeatures', 'enableBlinkFeatures', 'nodeIntegrationInWorker', 'additionalArguments']) {
      expect(w.webPreferences).not.toHaveProperty(risky);
    }
  });

  const elsewhere = [
    'https://platform.deepseek.com/top_up',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'file:///app/other.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'smb://attacker/share',
  ];

  it('denies window.open for every kind of URL and blocks navigation away', async () => {
    const wc = (await open()).webContents;
    for (const url of elsewhere) {
      expect(wc.windowOpenHandler?.({ url } as never), url).toEqual({ action: 'deny' });
      expect(wc.tryNavigate(url), url).toBe(false);
    }
  });

  it('refuses to attach a <webview>', async () => {
    const wc = (await open()).webContents;
    const e = fakeEvent();
    wc.emit('will-attach-webview', e, {}, {});
    expect(e.defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', async () => {
    const wc = (await open()).webContents;
    const permissions = ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'hid', 'serial', 'usb', 'unknown'];
    for (const p of permissions) {
      await expect(wc.requestPermission(p), p).resolves.toBe(false);
      expect(wc.session.permissionCheckHandler?.(wc, p, 'file://', {}), p).toBe(false);
    }
  });
});

describe('openExternal allowlist', () => {
  const refused = [
    'http://platform.deepseek.com/top_up',
    'https://evil.example/',
    'https://platform.deepseek.com.evil.example/top_up',
    'https://evil.example/platform.deepseek.com',
    'https://platform.deepseek.com:8443/top_up',
    'https://user:pw@platform.deepseek.com/top_up',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'vscode://file/etc/passwd',
    'data:text/html,hi',
    'not a url',
    '',
  ];

  it.each(refused)('refuses %j and never reaches shell.openExternal', async (url) => {
    expect(checkExternalUrl(url)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await openExternal(url)).toMatchObject({ ok: false });
    expect(callsTo('shell', 'openExternal')).toEqual([]);
  });

  it('opens every provider link, all https on an allowlisted origin', async () => {
    const watched = Object.values(PROVIDERS).flatMap((p) => Object.values(p.links));
    // The error-only providers' pages a diagnosis step can send the user to, too.
    const pasted = PASTED_PROVIDER_IDS.flatMap((id) =>
      LINK_KINDS.map((k) => pastedProviderLink(id, k)).filter((u): u is string => u !== null),
    );
    expect(pasted).toContain('https://console.anthropic.com/settings/billing');
    const links = [...watched, ...pasted];
    for (const url of links) {
      expect(new URL(url).protocol).toBe('https:');
      expect(LINK_ORIGINS.has(new URL(url).origin)).toBe(true);
      expect(await openExternal(url)).toEqual({ ok: true, value: null });
    }
    expect(callsTo('shell', 'openExternal').map((c) => c.args[0])).toEqual(links.map((u) => new URL(u).href));
  });
});
