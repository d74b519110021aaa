// The checks a release runs on what it packed: attw on every tarball (or a package's own attw
// script), and the client's size budget when it has one. A check that could not run says so.
import { join } from 'node:path';
import { PUBLISHED, pnpm, readJson, run } from './release-workspace.js';

/** One check of the packed packages. */
export interface Check {
  name: string;
  ran: boolean;
  ok: boolean;
  detail: string;
}

type Published = (typeof PUBLISHED)[number];

/** The last lines of a tool's output, indented under the check. */
const tail = (out: string, lines: number) => out.split('\n').slice(-lines).join('\n    ');

/** attw for one package: its own attw script, else attw on its tarball (esm-only profile for ESM-only packages). */
function attwCheck(work: string, pkgDir: string, p: Published, scripts: Record<string, string>, tarball?: string): Check | undefined {
  const own = Object.entries(scripts).find(([, cmd]) => /\battw\b/.test(cmd));
  if (own) {
    const r = pnpm(['run', own[0]], join(work, p.dir));
    return { name: `${p.name} attw (its "${own[0]}" script)`, ran: true, ok: r.ok, detail: r.ok ? 'passed' : tail(r.out, 15) };
  }
  if (!tarball) return undefined;
  const manifest = readJson(join(work, p.dir, 'package.json'));
  const esmOnly = manifest.type === 'module' && !manifest.main && !JSON.stringify(manifest.exports ?? {}).includes('"require"');
  const args = [tarball, '--format', 'table-flipped', ...(esmOnly ? ['--profile', 'esm-only'] : [])];
  const r = run(join(pkgDir, 'node_modules/.bin/attw'), args, work);
  return {
    name: `${p.name} attw${esmOnly ? ' --profile esm-only' : ''} (packed tarball)`,
    ran: true,
    ok: r.ok,
    detail: r.ok ? 'no problems' : tail(r.out, 20),
  };
}

/** The size budget of one package, through its size/size-limit script; skipped (and said so) for the client without one. */
function sizeCheck(work: string, p: Published, scripts: Record<string, string>): Check | undefined {
  const size = Object.entries(scripts).find(([name, cmd]) => /^size/.test(name) || /size-limit/.test(cmd));
  if (size) {
    const r = pnpm(['run', size[0]], join(work, p.dir));
    return {
      name: `${p.name} size budget (its "${size[0]}" script)`,
      ran: true,
      ok: r.ok,
      detail: r.ok ? 'within budget' : tail(r.out, 15),
    };
  }
  if (p.name !== '@session-obs/client') return undefined;
  return { name: `${p.name} size budget`, ran: false, ok: true, detail: 'skipped: the package has no size-limit script yet' };
}

/** attw on every tarball (or the package's own attw script), and the client's size budget if it has one. */
export function checkPackages(work: string, pkgDir: string, tarballs: string[]): Check[] {
  return PUBLISHED.flatMap((p) => {
    const scripts = (readJson(join(work, p.dir, 'package.json')).scripts ?? {}) as Record<string, string>;
    const tarball = tarballs.find((t) => t.includes(p.name.replace('@', '').replace('/', '-')));
    return [attwCheck(work, pkgDir, p, scripts, tarball), sizeCheck(work, p, scripts)].filter((check): check is Check => Boolean(check));
  });
}
