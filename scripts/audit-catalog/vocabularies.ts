import type { ActionSpec, AuditVocabulary } from "@/lib/audit/vocabulary";

/**
 * Every module's declared audit actions: the composition root of the catalog. A module with
 * a vocabulary.ts adds its vocabulary here.
 */
export const VOCABULARIES: AuditVocabulary<Record<string, ActionSpec>>[] = [];
