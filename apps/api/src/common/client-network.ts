import { isIP } from 'node:net';

/**
 * What the audit log keeps of a client address: its network, never the host. IPv4 keeps the /24,
 * IPv6 the /48 (a site's prefix); an IPv4 address mapped into IPv6 is kept as IPv4. Anything else
 * (`local`, a proxy's name) is kept as it is, since it names no person.
 */
export function clientNetwork(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped?.[1] ?? address;
  const family = isIP(ip);
  if (family === 4) return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
  if (family === 6) {
    // Written as Postgres writes `network(set_masklen(ip::inet, 48))`, so converted rows and new rows look the same.
    const prefix = expandIpv6(ip).slice(0, 3);
    while (prefix[prefix.length - 1] === '0') prefix.pop();
    return `${prefix.join(':')}::/48`;
  }
  return address;
}

/** The eight groups of an IPv6 address, without leading zeros (an embedded IPv4 tail counts as two groups, never kept). */
function expandIpv6(ip: string): string[] {
  const [head = '', tail] = (ip.split('%')[0] ?? ip).split('::');
  const groupsOf = (part: string) => (part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []);
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const gap = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...gap, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}
