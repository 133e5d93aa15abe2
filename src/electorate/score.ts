import type { Weights } from '../config/schema.js'
import { METRICS } from '../records.js'
import type { MetricCounts } from './types.js'

/** The weighted sum of a person's metrics, rid of binary noise so that 0.1 * 3 reads 0.3. */
export function scoreOf(metrics: MetricCounts, weights: Weights): number {
  const score = METRICS.reduce((sum, metric) => sum + weights[metric] * metrics[metric], 0)
  return Math.round(score * 1e9) / 1e9
}
