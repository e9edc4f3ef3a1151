/**
 * `npm run icons`: regenerates every app icon from the one source drawing
 * (scripts/icon-drawing.ts) into build/, where electron-builder finds them:
 *   build/icon.png             1024 px master (also the fallback for every platform)
 *   build/icons/NxN.png        Linux icon set (hicolor sizes; the name must carry the size)
 *   build/icon.ico             Windows: 16..256 px, PNG entries
 *   build/icon.icns            macOS: ic11..ic14 and ic07..ic10, PNG entries
 * The results are committed, so building installers needs no image tools. Run it again
 * after changing the drawing; test/unit/scripts/make-icons.test.ts notices a stale commit.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIco, buildIcns } from './icon-containers';
import { iconPng } from './icon-drawing';

/** Sizes of the Linux PNG set (build/icons/NxN.png). */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
/** Sizes inside build/icon.ico (Windows uses 16, 24, 32, 48 and 256; 64 and 128 for high DPI). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** Edge of build/icon.png. */
export const MASTER_SIZE = 1024;

/** Writes all icons into `buildDir`; returns the paths written (relative to buildDir). */
export async function makeIcons(buildDir: string): Promise<string[]> {
  const cache = new Map<number, Buffer>();
  const png = (size: number): Buffer => {
    let bytes = cache.get(size);
    if (!bytes) cache.set(size, (bytes = iconPng(size)));
    return bytes;
  };
  const files: Array<[string, Buffer]> = [
    ['icon.png', png(MASTER_SIZE)],
    ...LINUX_SIZES.map((s): [string, Buffer] => [join('icons', `${s}x${s}.png`), png(s)]),
    ['icon.ico', buildIco(ICO_SIZES.map((size) => ({ size, png: png(size) })))],
    ['icon.icns', buildIcns(png)],
  ];
  await mkdir(join(buildDir, 'icons'), { recursive: true });
  for (const [name, bytes] of files) await writeFile(join(buildDir, name), bytes);
  return files.map(([name]) => name);
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const buildDir = fileURLToPath(new URL('../build', import.meta.url));
  const written = await makeIcons(buildDir);
  console.log(
    `make-icons: wrote ${written.length} files to ${buildDir}:\n  ${written.join('\n  ')}`,
  );
}
