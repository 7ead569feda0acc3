import type { OccurrenceState } from "@/lib/controls/vocabulary";

/** What the calendar needs of a test occurrence (serializable: passed from the server page). */
export type CalendarItem = {
  id: string;
  controlCode: string;
  controlName: string;
  ownerName: string;
  windowStart: string;
  windowEnd: string;
  dueOn: string;
  testedOn: string | null;
  state: OccurrenceState;
};
