// Semantic versions of the spec (info.version) and the release bump they imply.

export type Bump = 'major' | 'minor' | 'patch';

/** Parses `1.2.3` (a pre-release or build suffix is ignored); throws on anything else. */
export function parseVersion(v: string): [number, number, number] {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(v).trim());
  if (!m) throw new Error(`"${v}" is not a semantic version (major.minor.patch)`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Negative, zero or positive as `a` is lower than, equal to or higher than `b`. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** `version` raised by `bump`. */
export function bumpVersion(version: string, bump: Bump): string {
  const [ma, mi, pa] = parseVersion(version);
  if (bump === 'major') return `${ma + 1}.0.0`;
  if (bump === 'minor') return `${ma}.${mi + 1}.0`;
  return `${ma}.${mi}.${pa + 1}`;
}

/** The larger of two bumps. */
export function maxBump(a: Bump, b: Bump): Bump {
  const order: Bump[] = ['patch', 'minor', 'major'];
  return order[Math.max(order.indexOf(a), order.indexOf(b))]!;
}
