/**
 * Short codes: the rule Linkkit documents for a rename (at least 3 of `[a-zA-Z0-9_-]`), which the sandbox applies
 * to PUT too (A7), and the codes Linkkit picks itself (A5), unique across every workspace.
 */
import { newShortCode } from '../ids';
import type { Store } from '../state/store';

const CODE_PATTERN = /^[a-zA-Z0-9_-]+$/;
const MIN_LENGTH = 3;

/** Why a code cannot be used, or undefined when it can. */
export function codeProblem(code: string): string | undefined {
	if (code.length < MIN_LENGTH || !CODE_PATTERN.test(code)) {
		return 'short_code must be at least 3 characters of letters, digits, hyphens and underscores';
	}
	return undefined;
}

export function freeCode(store: Store): string {
	for (;;) {
		const code = newShortCode();
		if (!store.ownerOfCode(code)) return code;
	}
}
