import type { NextConfig } from "next";
import { getEnv } from "./lib/env";

// Validate the environment at build and start: a bad variable stops here, named.
getEnv();

const nextConfig: NextConfig = {
  // the libSQL driver has a native part; load it from node_modules, never bundle it
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql"],
  experimental: {
    // forbidden() -> app/forbidden.tsx with HTTP 403 for non-admins on /admin
    authInterrupts: true,
  },
  // `next dev` serves its client resources only to localhost unless told otherwise
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
