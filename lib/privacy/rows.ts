/** The shapes the privacy pages pass to components (plain, serializable, no pseudonyms). */
export type ConsentRow = {
  id: string;
  subject: string;
  consentType: string;
  status: string;
  purposes: string[];
  policyVersion: string;
  source: string;
  recordedAt: string;
  expiresAt: string;
};

export type RequestRow = {
  id: string;
  subject: string;
  type: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  completedAt: string | null;
  assignee: string | null;
  resolution: string;
};

export type ActivityRow = {
  id: string;
  name: string;
  purpose: string;
  dataCategories: string[];
  legalBasis: string;
  retentionDays: number;
  recipients: string[];
};
