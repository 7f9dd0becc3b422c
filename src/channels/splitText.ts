/**
 * Splits text into parts no longer than max, preferring paragraph, then line, then sentence, then word
 * boundaries, so a long answer arrives as a few readable messages instead of being cut off.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = bestCut(rest, max);
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

function bestCut(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const boundary of ['\n\n', '\n', '. ', ' ']) {
    const at = window.lastIndexOf(boundary);
    // Only accept a boundary that keeps the part reasonably full.
    if (at > max / 3) return at + (boundary === '. ' ? 1 : 0);
  }
  return max;
}
