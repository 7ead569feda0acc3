import type { Transaction } from "./client";

type Results<T extends readonly PromiseLike<unknown>[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

/**
 * Statements of one transaction sent together: one round trip instead of one each.
 *
 * A transaction holds one connection; postgres.js writes each query to it as soon as the
 * query starts, and PostgreSQL runs them one after another in the order they arrive. Drizzle
 * starts a query when it is first awaited, and this function starts them in the order given
 * (Promise.all subscribes to its inputs in order), so the statements run in exactly that
 * order — a lock taken by the first is held when the second reads. Only for statements that
 * do not need each other's results. The transaction is asked for to keep this to one
 * connection: on the pool, statements would spread over connections with no order at all.
 */
export function pipelined<const T extends readonly PromiseLike<unknown>[]>(tx: Transaction, statements: T): Promise<Results<T>> {
  void tx;
  return Promise.all(statements) as Promise<Results<T>>;
}
