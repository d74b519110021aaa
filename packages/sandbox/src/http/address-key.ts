// Whom a per-address limit counts. An IPv4 address is one client. An IPv6 client is counted by its /64:
// a network is usually given a whole /64, so one client can take a fresh address for every request.
import { isIPv6 } from 'node:net';

/** Groups of 16 bits an IPv6 part spells (a dotted IPv4 tail is two). */
const width = (groups: string[]) => groups.reduce((n, group) => n + (group.includes('.') ? 2 : 1), 0);

/** `2001:db8:1:2::/64` for any IPv6 address of that /64; an IPv4 (or IPv4-mapped) address as itself; anything else unchanged. */
export function addressKey(address: string): string {
  const plain = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
  if (mapped) return mapped[1]!;
  if (!isIPv6(plain)) return address;
  const [head = '', tail] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - width(left) - width(right)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
