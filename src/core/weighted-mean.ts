/**
 * Σ(w·x) / Σw over positive finite weights, for any weights a questionnaire can hold (SPEC §5:
 * never a silently wrong score). Summed as they are, two weights of 1e308 overflow to Infinity
 * and give NaN, and products of the smallest weights (5e-324) with a q below 1 underflow to 0.
 * Each weight is therefore divided by the largest weight seen so far, so every scaled weight is
 * in (0, 1] and the sums stay within the count of terms; when a larger weight arrives, the sums
 * so far are rescaled to it. One pass, no allocation: it runs once per capability per respondent.
 */
export class WeightedMean {
  private largest = 0;
  private sum = 0;
  private weights = 0;
  private lowest = Infinity;
  private highest = -Infinity;

  reset(): this {
    this.largest = 0;
    this.sum = 0;
    this.weights = 0;
    this.lowest = Infinity;
    this.highest = -Infinity;
    return this;
  }

  add(value: number, weight: number): void {
    if (weight > this.largest) {
      // A ratio that underflows to 0 is right: the earlier terms are then below a double's precision.
      const ratio = this.largest / weight;
      this.sum *= ratio;
      this.weights *= ratio;
      this.largest = weight;
    }
    if (value < this.lowest) this.lowest = value;
    if (value > this.highest) this.highest = value;
    const scaled = weight / this.largest;
    this.sum += scaled * value;
    this.weights += scaled;
  }

  /**
   * The mean, or null when nothing was added. A mean lies between the values averaged; after a
   * rescale, rounding can put it one ulp outside (a score of 100.00000000000001), so it is held there.
   */
  get mean(): number | null {
    if (!(this.weights > 0)) return null;
    return Math.min(this.highest, Math.max(this.lowest, this.sum / this.weights));
  }
}
