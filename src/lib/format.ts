const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** How the story writes a count: en-US grouping, as the source does ("200,000"). */
export function formatCount(value: number): string {
	return counts.format(value);
}
