/**
 * What a client can measure about its key's refill from its own requests alone: which went through, and the moments
 * the bucket was empty (a 429, or an answer saying no token is left). Between two such moments the bucket went from
 * empty to empty, so what went through in between is the refill this client got (others on the key took the rest).
 */

/** A measuring window must hold this many requests for its rate to count (one success more or less is then ~12 %). */
const WINDOW_REQUESTS = 8;
/** Of the latest WINDOW_REQUESTS answers, how many are needed for their share of 429s to count. */
const SHARE_ANSWERS = 2;
/** Sends and empty moments remembered (older ones are dropped). */
const LOG_SIZE = 1000;
const MARKS = 64;

export interface Sent {
	seq: number;
	/** When it went out (local ms). */
	at: number;
	/** The pace when it went out, requests per ms. */
	pace: number;
	ok: boolean;
}

export interface Measured {
	/** Requests per ms that went through. */
	rate: number;
	/** Requests the window held: the more, the less a rate is luck. */
	requests: number;
}

export class RefillLog {
	/** Requests sent lately, in sequence order without gaps. */
	private sends: Sent[] = [];
	/** Requests that met an empty bucket, by sequence. */
	private marks: Array<{ seq: number; at: number }> = [];
	/** The latest answers (true for a 429), newest last. */
	private recent: boolean[] = [];

	sent(seq: number, at: number, pace: number): void {
		this.sends.push({ seq, at, pace, ok: false });
		if (this.sends.length > LOG_SIZE) this.sends.shift();
	}

	find(seq: number): Sent | undefined {
		const entry = this.sends.length ? this.sends[seq - this.sends[0].seq] : undefined;
		return entry?.seq === seq ? entry : undefined;
	}

	/**
	 * Records an answer, and returns the share of the latest answers before it that went through (1 when there are
	 * too few to say): every client on a key sees about the same share, since it is the bucket's, not the client's.
	 */
	answered(sent: Sent | undefined, refused: boolean): number {
		const before = this.recent;
		this.recent = [...before.slice(1 - WINDOW_REQUESTS), refused];
		if (sent && !refused) sent.ok = true;
		return before.length >= SHARE_ANSWERS ? before.filter((was429) => !was429).length / before.length : 1;
	}

	/** Forgets the latest answers (the start's, which had the burst to spend, say nothing about later ones). */
	forgetRecent(): void {
		this.recent = [];
	}

	/** The bucket was empty when `sent` arrived. */
	mark(sent: Sent): void {
		this.marks.push({ seq: sent.seq, at: sent.at });
		this.marks.sort((a, b) => a.seq - b.seq);
		if (this.marks.length > MARKS) this.marks.shift();
	}

	/**
	 * What went through per ms between the latest earlier empty moment that leaves WINDOW_REQUESTS requests in
	 * between and `refused`: the refill this client got, unless the bucket filled up meanwhile and refill was lost.
	 * That can only have happened while the pace was below the result, so then it is measured again from where the
	 * pace reached it. Undefined when there is no such window.
	 */
	achieved(refused: Sent): Measured | undefined {
		for (let m = this.marks.length - 1; m >= 0; m--) {
			const mark = this.marks[m];
			if (mark.seq >= refused.seq) continue;
			const window = this.sends.filter((entry) => entry.seq > mark.seq && entry.seq < refused.seq);
			if (window.length < WINDOW_REQUESTS) continue;
			if (window[0].seq !== mark.seq + 1) return undefined;
			const rate = (from: number, start: number) => window.slice(from).filter((entry) => entry.ok).length / Math.max(1, refused.at - start);
			const whole = rate(0, mark.at);
			const reached = window.findIndex((entry) => entry.pace >= whole);
			if (reached > 0 && window.length - reached >= WINDOW_REQUESTS) {
				return { rate: Math.max(whole, rate(reached, window[reached].at)), requests: window.length - reached };
			}
			return { rate: whole, requests: window.length };
		}
		return undefined;
	}
}
