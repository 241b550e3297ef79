/** Decides whether a visitor belongs to a segment: the rules of `match: all` must all hold, of `any` at least one. */
import type { Segment, SegmentRule } from './types';

/** What segment rules can look at; null when the request did not tell. */
export interface VisitorTraits {
	country: string | null;
	device: string;
	os: string | null;
	browser: string | null;
	/** The first Accept-Language tag, e.g. `de-DE`. */
	language: string | null;
	/** The referrer's host name, e.g. `news.ycombinator.com`. */
	referrer: string | null;
}

/**
 * `is` compares case-insensitively; for language a rule value without a region (`de`) also matches `de-DE`,
 * because segments are usually written by language, visitors send language-region.
 */
function isEqual(field: SegmentRule['field'], actual: string, expected: string): boolean {
	const a = actual.toLowerCase();
	const e = expected.toLowerCase();
	if (a === e) return true;
	return field === 'language' && !e.includes('-') && a.split('-')[0] === e;
}

export function ruleMatches(rule: SegmentRule, visitor: VisitorTraits): boolean {
	const actual = visitor[rule.field];
	switch (rule.operator) {
		case 'is':
			return actual !== null && isEqual(rule.field, actual, rule.value);
		case 'is_not':
			// An unknown value is "not X": a visitor without a referrer is not from the newsletter.
			return actual === null || !isEqual(rule.field, actual, rule.value);
		case 'contains':
			return actual !== null && actual.toLowerCase().includes(rule.value.toLowerCase());
	}
}

export function segmentMatches(segment: Segment, visitor: VisitorTraits): boolean {
	const results = segment.rules.map((rule) => ruleMatches(rule, visitor));
	return segment.match === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/** Ids of every segment the visitor matches, in the order given. */
export function matchingSegmentIds(segments: Iterable<Segment>, visitor: VisitorTraits): string[] {
	const ids: string[] = [];
	for (const segment of segments) if (segmentMatches(segment, visitor)) ids.push(segment.id);
	return ids;
}
