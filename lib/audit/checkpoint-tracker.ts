import type { ChainFailure, CheckpointClaim } from "./chain-verifier";

/** Holds a chain to its checkpoints as rows go by; shared by the row-by-row and batch verifiers. */
export class CheckpointTracker {
  private readonly claims = new Map<number, CheckpointClaim[]>();
  lastMatched: CheckpointClaim | null = null;

  constructor(checkpoints: CheckpointClaim[], fromSeq: number) {
    for (const cp of checkpoints) {
      if (cp.size < fromSeq) continue;
      const list = this.claims.get(cp.size) ?? [];
      list.push(cp);
      this.claims.set(cp.size, list);
    }
  }

  get sizes(): number[] {
    return [...this.claims.keys()];
  }

  /** Checks the claims at this position against the row's (already verified) hash. */
  check(seq: number, hash: string): ChainFailure | null {
    for (const cp of this.claims.get(seq) ?? []) {
      if (!cp.signatureValid) {
        return {
          kind: "CHECKPOINT_SIGNATURE_INVALID",
          seq,
          detail: `the signature of the ${cp.source} checkpoint at size ${cp.size} does not verify`,
        };
      }
      if (cp.headHash !== hash) {
        return {
          kind: "CHECKPOINT_MISMATCH",
          seq,
          detail: `the ${cp.source} checkpoint at size ${cp.size} names a different hash: the history was rewritten`,
        };
      }
      if (!this.lastMatched || cp.size >= this.lastMatched.size) this.lastMatched = cp;
    }
    return null;
  }

  /** After the last row (the chain ends at headSeq): a checkpoint beyond it means events were cut off. */
  finish(headSeq: number, rangeEnd = Infinity): ChainFailure | null {
    const beyond = this.sizes.filter((size) => size > headSeq && size <= rangeEnd).sort((a, b) => a - b);
    for (const size of beyond) {
      const invalid = this.claims.get(size)!.find((cp) => !cp.signatureValid);
      if (invalid) {
        return {
          kind: "CHECKPOINT_SIGNATURE_INVALID",
          seq: size,
          detail: `the signature of the ${invalid.source} checkpoint at size ${size} does not verify`,
        };
      }
      return {
        kind: "TRUNCATED_BELOW_CHECKPOINT",
        seq: headSeq + 1,
        detail: `a signed checkpoint says the log had ${size} events; it ends at ${headSeq}`,
      };
    }
    return null;
  }
}
