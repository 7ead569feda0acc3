import type { AiRelevance, Frequency } from "@/lib/controls/vocabulary";

/** A catalog row as the client receives it. */
export type ControlRow = {
  id: string;
  code: string;
  name: string;
  category: string;
  description: string;
  frequency: Frequency;
  dueDay: number;
  aiRelevance: AiRelevance;
  testProcedure: string;
  ownerId: string;
  ownerName: string;
  criteria: string[];
};
