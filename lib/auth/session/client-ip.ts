/**
 * The client's address from X-Forwarded-For. Next.js sets that header from the socket only
 * when the request has none, so without a proxy in front a client could name any address:
 * deploy behind a reverse proxy that appends to it, and set ASSAY_TRUSTED_PROXY_HOPS to the
 * number of proxies beyond the first one (default 0: the rightmost entry is the client as
 * the nearest proxy saw it).
 */
export function clientIpFrom(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const hops = Number(process.env.ASSAY_TRUSTED_PROXY_HOPS ?? 0) || 0;
    const chain = forwarded
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const ip = chain[Math.max(0, chain.length - 1 - hops)];
    if (ip) return normalizeIp(ip);
  }
  return headers.get("x-real-ip") ?? null;
}

function normalizeIp(ip: string): string {
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) reads better, and throttles better, as IPv4.
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}
