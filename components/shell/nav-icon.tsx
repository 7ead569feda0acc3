export type NavIconName = "home" | "users" | "key" | "account" | "audit" | "privacy" | "models" | "inbox" | "pulse" | "controls";

const PATHS: Record<NavIconName, React.ReactNode> = {
  // A cube: the model registry.
  models: (
    <>
      <path d="M10 2.75 16.25 6.25v7.5L10 17.25 3.75 13.75v-7.5z" />
      <path d="M3.75 6.25 10 9.75l6.25-3.5M10 9.75v7.5" />
    </>
  ),
  // A tray: requests waiting for a decision.
  inbox: (
    <>
      <path d="M3.5 11.5 5.25 4.5h9.5l1.75 7v4a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1z" />
      <path d="M3.5 11.5h4l.75 1.75h3.5l.75-1.75h4" />
    </>
  ),
  home: <path d="M3.5 9 10 3.5 16.5 9v7a1 1 0 0 1-1 1h-3.5v-5h-4v5H4.5a1 1 0 0 1-1-1z" />,
  users: (
    <>
      <circle cx="7.5" cy="7" r="2.75" />
      <path d="M2.75 16.5c.4-2.6 2.3-4.25 4.75-4.25s4.35 1.65 4.75 4.25M13 4.6a2.6 2.6 0 0 1 0 4.8M14.6 12.5c1.4.5 2.4 1.9 2.65 4" />
    </>
  ),
  key: (
    <>
      <circle cx="6.5" cy="13.5" r="3" />
      <path d="m8.7 11.3 7.3-7.3M13.5 6.5l2 2M11.5 8.5l1.5 1.5" />
    </>
  ),
  account: (
    <>
      <circle cx="10" cy="7" r="3" />
      <path d="M4 17c.6-3 3-4.75 6-4.75S15.4 14 16 17" />
    </>
  ),
  // A ledger with a check mark: the audit log.
  audit: (
    <>
      <path d="M5.5 3.5h9a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1z" />
      <path d="M7.5 7h5M7.5 10h2.5M10.5 13l1.25 1.25L14 12" />
    </>
  ),
  // A heartbeat line: availability of the AI services.
  pulse: <path d="M2.5 10.5h3.25l1.75-4.5 3 9 2-6 1.25 1.5h3.75" />,
  // A checklist: controls tested on schedule.
  controls: (
    <>
      <path d="m3.75 5.5 1.25 1.25L7.25 4.5M3.75 10.5l1.25 1.25 2.25-2.25M3.75 15.5l1.25 1.25 2.25-2.25" />
      <path d="M9.75 5.75h6.5M9.75 10.75h6.5M9.75 15.75h6.5" />
    </>
  ),
  // A shield with a check mark: privacy and consent.
  privacy: <path d="M10 2.75 4.5 5v4.5c0 3.4 2.3 6.1 5.5 7.75 3.2-1.65 5.5-4.35 5.5-7.75V5zM7.75 10l1.6 1.6 2.9-3.1" />,
};

export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      className="size-4 shrink-0"
      aria-hidden="true"
    >
      {PATHS[name]}
    </svg>
  );
}
