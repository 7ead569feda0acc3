import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientIpFrom } from "./session/client-ip";
import { SESSION_TTL_SECONDS } from "./session/session-store";
import { authenticate, SignInRefused, type SignInRefusal } from "./sign-in/sign-in";

/** Carries the refusal reason to the sign-in action (`error.code`). */
class Refused extends CredentialsSignin {
  constructor(reason: SignInRefusal, retryAfter: number) {
    super();
    this.code = retryAfter > 0 ? `${reason}:${retryAfter}` : reason;
  }
}

/**
 * next-auth issues and checks the session cookie (a JWT holding only our session row's
 * id, `sid`). Everything else — roles, disabled flag, revocation — is read from PostgreSQL
 * on each request by getRequestContext().
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: SESSION_TTL_SECONDS },
  pages: { signIn: "/sign-in" },
  trustHost: true,
  logger: {
    // A refused sign-in is expected, answered to the user and already in the audit log:
    // no stack trace in the server log for it. Everything else is still logged.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        try {
          const { userId, sessionId } = await authenticate(credentials, {
            ip: clientIpFrom(request.headers),
            userAgent: request.headers.get("user-agent"),
          });
          return { id: userId, sid: sessionId };
        } catch (err) {
          if (err instanceof SignInRefused) throw new Refused(err.reason, err.retryAfterSeconds);
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sid" in user) token.sid = user.sid as string;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
});
