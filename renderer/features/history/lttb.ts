/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013). A year of one-minute
 * readings is 525,600 points; a chart 800 px wide cannot show more than ~1,600 of them, and
 * LTTB picks the ones that keep the line's visual shape (peaks, drops, top-ups) instead of
 * averaging them away. Returns indices so every series of a reading stays aligned.
 */

/**
 * Indices of at most `threshold` points to draw, always including the first and last.
 * `xs` must be ascending. With threshold < 3 or >= the number of points, every index.
 */
export function lttbIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, threshold: number): Uint32Array {
  const n = Math.min(xs.length, ys.length);
  if (threshold >= n || threshold < 3) {
    const all = new Uint32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }
  const out = new Uint32Array(threshold);
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  out[0] = 0;
  for (let i = 0; i < threshold - 2; i++) {
    // Average of the next bucket: the third corner of the triangle.
    const nextStart = Math.floor((i + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += xs[j]!;
      avgY += ys[j]!;
    }
    const len = nextEnd - nextStart || 1;
    avgX /= len;
    avgY /= len;
    // The point of this bucket making the largest triangle with the previous pick and that average.
    const start = Math.floor(i * every) + 1;
    const end = Math.floor((i + 1) * every) + 1;
    const ax = xs[a]!;
    const ay = ys[a]!;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((ax - avgX) * (ys[j]! - ay) - (ax - xs[j]!) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out[i + 1] = best;
    a = best;
  }
  out[threshold - 1] = n - 1;
  return out;
}
