import { vi } from "vitest";

// Service tests run actions and routes with explicit request contexts (the registries'
// `invoke`), so next-auth's request scope is never reached: it is replaced once, here,
// for every file of the service project.
vi.mock("@/lib/auth/next-auth", () => ({
  auth: async () => null,
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: { GET: async () => new Response(null, { status: 404 }), POST: async () => new Response(null, { status: 404 }) },
}));
