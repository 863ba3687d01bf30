// The engine never calls Math.random(): randomness comes in as a Random, usually seeded.
export interface Random {
  /** A float in [0, 1). */
  next(): number;
}
