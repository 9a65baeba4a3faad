import { expect } from "vitest";

/**
 * An executed answer as a test of anything but the cost model expects it:
 * `expect(await response.json()).toEqual(executed({ data }))`. Every executed answer reports
 * its cost in `extensions.cost` (src/graphql/cost.ts); here it must be there, two numbers,
 * whatever their values, so that a change of the cost model fails only the tests about cost
 * (test/worker/schema-cost.test.ts, http-cost.test.ts), which pin the figures.
 * `maximumAvailable` is the MAX_COST in force, a setting, for a test that sets it.
 */
export function executed<T extends { data?: unknown; errors?: unknown }>(
  answer: T,
  { maximumAvailable }: { maximumAvailable?: number } = {},
) {
  return {
    ...answer,
    extensions: {
      cost: { requestedQueryCost: expect.any(Number), maximumAvailable: maximumAvailable ?? expect.any(Number) },
    },
  };
}
