/** Who is making a call: every read and write in the service layer runs as someone. */
export interface UserContext {
  userId: string;
  orgId: string;
  username: string;
  profileId: string | null;
  /** The session the call came in on, for logout and audit; absent for internal calls. */
  sessionId?: string;
}
