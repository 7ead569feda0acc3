/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let parallel builds (several engineers, benchmarks) not collide.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native binaries must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2"],
  poweredByHeader: false,
  // `npm test` type-checks the whole tree in its own layer (tsc --noEmit), tests included;
  // checking again inside every build only costs time.
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  async headers() {
    // The nonce-based CSP is set per request in proxy.ts; these are static.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
