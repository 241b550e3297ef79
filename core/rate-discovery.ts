/**
 * Finding the rate limit from 429s alone, for answers that carry no rate-limit headers (what Linkkit documents: a
 * 429 is a bare `{"error": "Too many requests"}`, docs/assumptions.md A1).
 *
 * A 429 says one thing: the key's bucket was empty when that request arrived (and nothing was done). So:
 *  - Start: pace from a low rate that doubles every second while requests go through, so a big burst is spent
 *    within seconds while few requests are in flight when it runs out. The first 429 halves the pace (it ran on
 *    the burst, not only on the refill).
 *  - Measure: between two 429s the bucket went from empty to empty, so what went through in between is the refill
 *    this client got (others on the key took the rest). A cut sets the peak, the pace where the limit was met, to
 *    that (a little above), never above the pace and never below half of it, and the pace 5 % below the peak. The
 *    window reaches back as many 429s as it takes to hold a few requests, so one unlucky request is not a rate;
 *    until there is one, the pace times the share of the latest answers that went through stands for it (every
 *    client on the key sees about the same share, so together they land on the limit at once).
 *  - Probe: after a cut the pace climbs back to the peak along a cubic, steep first and flat near the peak (the
 *    limit is likely just below it), reaching it after about REGAIN_SUCCESSES successes: one request in that many
 *    meets a 429. Past the peak it climbs faster and faster, so a raised limit, or a share another client gave
 *    back, is found within seconds.
 *  - Pace: one request per 1/pace (a little random, see SPREAD); a 429 re-anchors the pace at an empty bucket,
 *    counting the requests still in flight, so the next ones wait for fresh tokens instead of colliding too.
 *
 * Several clients on one key (n8n workers, parallel executions) run this each on their own. A client that sends
 * more meets more of the 429s and cuts more often; the climb back is timed by a reference rate every client on the
 * key has about alike (what it got at its start, or the best it measured since), not only by its own successes, so
 * a client that fell behind climbs back as fast as the others and the shares even out instead of drifting.
 *
 * Only durations on the local clock are used; no server time is read here. Waiting is the caller's (pacing.ts).
 */

/** The pace before anything is known, requests per ms (2 per second: a low limit's rate). */
const START_RATE = 3 / 1000;
/**
 * While no 429 has come, the pace doubles every START_DOUBLING round trips, within these bounds (when requests were
 * waiting for it): what a fast start costs is the requests in flight when the burst runs out, pace × round trip.
 */
const START_DOUBLING = { roundTrips: 10, minMs: 1000, maxMs: 1000 };
/** The cut that ends the start (whose pace ran on the burst too, not only on the refill). */
const START_CUT = 0.5;
/**
 * The start lasts at least this long: 429s before only re-anchor the pace. Clients that start together on a key then
 * leave the start together, at the same pace (a function of time), instead of the one that met the first 429 (the
 * burst is raced for at once) leaving at a fraction of the others' pace, a split that would last the whole run.
 */
const START_MIN_MS = 2000;
/** Leaving the start, the pace is cut at least by START_CUT, by the share of its latest answers that were 429s, and to
 * no less than this share. */
const START_FLOOR = 0.25;
const START_HOLD = 1;
/** Cuts within this long of the first one may together halve the pace, no more. */
const CUT_WINDOW_MS = 1000;
const CUT_GAIN = 0.5;
const OVERLOAD_CUT = 0;
const ADDITIVE = 0;
const PROBE_DOUBLING_SHARE = 0;
const TRUSTED_WINDOW = 12;
const TRUSTED_BELOW = 0.6;
/** The pace after a cut, this share below the peak. */
const CUT = 0.05;
/** Requests a measuring window must hold for its rate to count (one success more or less is then ~12 %). */
const WINDOW_REQUESTS = 8;
/** Of the latest WINDOW_REQUESTS answers (since the start), how many are needed for their share to count. */
const SHARE_ANSWERS = 2;
/**
 * The regain after a cut takes as long as REGAIN_REQUESTS at the reference rate (so about one request in that many
 * meets a 429), within REGAIN_MS: the same clock for every client that shares a key and started with it.
 */
const REGAIN_REQUESTS = 50;
const REGAIN_MS = { min: 5_000, max: 100_000 };
/**
 * The reference: this share of the pace at the first 429. The start's pace is the same function of time for every
 * client (START_RATE doubling), so clients that start together on a key get about the same reference.
 */
const REFERENCE_SHARE = 0.25;
/** Past the peak, the probe's step: this share of max(peak, 2 × reference), doubling every PROBE_DOUBLING_MS. */
const PROBE_STEP = 0.1;
const PROBE_DOUBLING_MS = 5_000;
const CATCH_UP = 0;
const SUCCESS_PROGRESS = 0;
/**
 * Each request waits a random 0..SPREAD of a gap longer than its due (the pace accrues that much faster to keep its
 * mean): a client paced exactly at the refill would otherwise take every token the moment it appears, and another
 * client on the key, arriving in between, would find the bucket empty every time. Never shorter than a gap, so a
 * bucket of one token is not hit twice within one refill.
 */
const SPREAD = 0.1;
/** Sends and 429s remembered for measuring (older ones are dropped). */
const LOG_SIZE = 1000;
const MARKS = 64;
/** Never slower than one request in this many ms, so a client that met only 429s still tries again. */
const SLOWEST_INTERVAL_MS = 10_000;

interface Sent {
	seq: number;
	at: number;
	/** The pace when it went out, requests per ms. */
	pace: number;
	ok: boolean;
	/** Whether it waited for the pace (only then does its success say the pace could be higher). */
	paced: boolean;
}

export class RateDiscovery {
	/** The pace, requests per ms. */
	private ratePerMs = START_RATE;
	private limitMet = false;
	/** The last cut: the limit as estimated then, the pace it cut to, and the time spent paced since. */
	private limit = START_RATE;
	private floor = START_RATE;
	private pacedSinceCut = 0;
	private successes = 0;
	/** When the current run of cuts began, and the pace then. */
	private cutWindow?: { at: number; pace: number };
	/** Paced time when the probe past the limit began (undefined until then). */
	private probingSince?: number;
	/** Requests with a lower sequence were sent before the last cut: their 429s belong to its episode. */
	private cutSeq = 0;
	/** Requests sent lately, in sequence order without gaps; and the 429s among them (empty-bucket moments). */
	private log: Sent[] = [];
	private marks: Array<{ seq: number; at: number }> = [];
	/** The latest answers to requests sent after the start ended (true for a 429), newest last. */
	private recent: boolean[] = [];
	/** When the start began. */
	private startedAt?: number;
	private roundTripMs?: number;
	/** A 429 came during the start's minimum time: the pace stops doubling. */
	private startHeld = false;
	/** The reference rate, requests per ms (set when the start ends). */
	private reference = 0;
	/** The pacing model: tokens this client may use at `at` (at most 1 + SPREAD: no burst is assumed). */
	private tokens = 1;
	private at: number;
	private lastLetOut?: number;

	constructor(now: number) {
		this.at = now;
	}

	/** Whether a 429 has come yet (until then the pace is only a start that doubles). */
	get found(): boolean {
		return this.limitMet;
	}

	/** The pace, requests per second. */
	get ratePerSecond(): number {
		return this.ratePerMs * 1000;
	}

	/** How long until the pace lets the next request out; `spread` in [0, 1) is the request's own draw. */
	msUntilNext(now: number, spread: number): number {
		const wanted = 1 + SPREAD * spread;
		const tokens = this.level(now);
		return tokens >= wanted ? 0 : (wanted - tokens) / this.accrual();
	}

	/**
	 * Request `seq` let out at `now`; `paced` when it had to wait, `byPace` when this pace let it out (not a count of
	 * tokens left that the headers gave): only then does it take a token from the pace, and its wait tell the pace
	 * it could be higher.
	 */
	letOut(seq: number, now: number, how: { paced: boolean; byPace: boolean }): void {
		const paced = how.paced && how.byPace;
		this.startedAt ??= now;
		if (paced && this.lastLetOut !== undefined) {
			const elapsed = now - this.lastLetOut;
			this.pacedSinceCut += elapsed;
			const doublingMs = Math.min(START_DOUBLING.maxMs, Math.max(START_DOUBLING.minMs, START_DOUBLING.roundTrips * (this.roundTripMs ?? Infinity)));
			const grow = this.startHeld && START_HOLD ? 1 : 2 ** (elapsed / doublingMs);
			this.setRate(this.limitMet ? this.probe() : this.ratePerMs * grow, now);
		}
		if (how.byPace) {
			// What a longer wait accrued is not carried over: the next gap is a whole one again.
			this.tokens = Math.min(0, this.level(now) - 1);
			this.at = now;
			this.lastLetOut = now;
		}
		this.log.push({ seq, at: now, pace: this.ratePerMs, ok: false, paced });
		if (this.log.length > LOG_SIZE) this.log.shift();
	}

	/**
	 * The answer to request `seq` (not a 5xx, nor no answer at all: those say nothing about the limit). `refused`
	 * for a 429; `newest` when no later request's answer was read yet; `sentSoFar` counts every request let out;
	 * `draw` in [0, 1) is a random number for the phase after a 429. `empty` when the answer went through but its
	 * headers say no token is left (`X-RateLimit-Remaining: 0`): an empty bucket like a 429's, for free.
	 */
	answered(answer: { seq: number; now: number; refused: boolean; newest: boolean; sentSoFar: number; draw: number; empty?: boolean }): void {
		const { seq, now, refused, newest, sentSoFar, draw } = answer;
		const sent = this.sent(seq);
		// The shortest round trip seen: the network's, without the server's queueing.
		if (sent) this.roundTripMs = Math.min(this.roundTripMs ?? Infinity, now - sent.at);
		const before = this.recent;
		this.recent = [...before.slice(1 - WINDOW_REQUESTS), refused];
		if (!refused) {
			if (sent) sent.ok = true;
			if (this.limitMet && seq >= this.cutSeq && sent?.paced) this.successes++;
			if (answer.empty && newest) this.anchorEmpty(seq, now, sentSoFar, 0);
			if (answer.empty && sent) this.mark(sent);
			return;
		}
		// The next one also waits a random part of a gap more (like Ethernet after a collision): two clients paced
		// alike keep their phases for many requests, and the one just behind the other would meet every 429.
		if (newest) this.anchorEmpty(seq, now, sentSoFar, draw);
		if (!sent) return;
		const starting = !this.limitMet && now - (this.startedAt ?? now) < START_MIN_MS;
		if (starting) this.startHeld = true;
		if (seq >= this.cutSeq && !starting) this.cut(sent, now, sentSoFar, before);
		this.mark(sent);
	}

	/** The bucket was empty when request `seq` arrived: those sent after it find (nearly) nothing either. */
	private anchorEmpty(seq: number, now: number, sentSoFar: number, extra: number): void {
		this.tokens = Math.min(this.level(now), -(sentSoFar - seq - 1)) - extra;
		this.at = now;
	}

	/** An empty-bucket moment, to measure from. */
	private mark(sent: Sent): void {
		this.marks.push({ seq: sent.seq, at: sent.at });
		this.marks.sort((a, b) => a.seq - b.seq);
		if (this.marks.length > MARKS) this.marks.shift();
	}

	/**
	 * A new episode: the limit was met at the pace `refused` went out at. The pace is cut to what went through since
	 * an earlier 429 when that was measured, else to the pace times the share of the latest answers (`before`) that
	 * went through, at least by CUT and at most by half. The peak stays the pace where the limit was met: the measured
	 * rate is this client's share of the key, which another client's luck may have squeezed for a while.
	 */
	private cut(refused: Sent, now: number, sentSoFar: number, before: boolean[]): void {
		const pace = this.ratePerMs;
		const share = before.length >= SHARE_ANSWERS ? before.filter((was429) => !was429).length / before.length : 1;
		if (!this.limitMet) {
			// The start's pace ran on the burst too: half of it or less, probed upwards at once.
			this.reference = pace * REFERENCE_SHARE;
			this.limit = pace * Math.max(START_FLOOR, Math.min(1 - START_CUT, share));
			this.floor = this.limit;
			this.limitMet = true;
			this.recent = [];
		} else {
			// If some of the latest answers were 429s as well, the bucket is overloaded: that share of the pace went
			// through. Otherwise a rate measured between 429s is the estimate, but it may cut by at most twice CUT: in a
			// calm bucket it is as much another client's luck as the limit, and following it all the way would ratchet
			// a client down.
			const measured = this.achieved(refused);
			const trusted = measured !== undefined && (measured.requests >= TRUSTED_WINDOW || measured.rate <= pace * TRUSTED_BELOW);
			let estimate = pace;
			if (trusted) estimate = measured.rate;
			else if (share < 1) estimate = OVERLOAD_CUT > 0 ? pace * (1 - OVERLOAD_CUT) : pace * share;
			else if (measured !== undefined) estimate = Math.max(measured.rate, pace * (1 - 2 * CUT));
			// Cuts in quick succession answer much the same moment of the bucket: together they may halve the pace
			// once per CUT_WINDOW_MS, not once each (one unlucky client would fall far below the others).
			if (this.cutWindow === undefined || now - this.cutWindow.at > CUT_WINDOW_MS) this.cutWindow = { at: now, pace };
			if (!trusted) estimate = pace - CUT_GAIN * (pace - estimate);
			this.limit = Math.min(pace, Math.max(estimate, this.cutWindow.pace * (1 - START_CUT)));
			this.floor = this.limit * (1 - CUT);
		}
		this.pacedSinceCut = 0;
		this.successes = 0;
		this.probingSince = undefined;
		this.cutSeq = sentSoFar;
		this.setRate(this.floor, now);
	}

	/**
	 * What went through per ms between an earlier 429 and `refused`: the bucket was empty at both, so it is the
	 * refill this client got, unless the bucket filled up meanwhile and refill was lost. That can only have happened
	 * while the pace was below the result, so then it is measured again from where the pace reached it. Undefined
	 * when no earlier 429 leaves WINDOW_REQUESTS requests in between.
	 */
	private achieved(refused: Sent): { rate: number; requests: number } | undefined {
		for (let m = this.marks.length - 1; m >= 0; m--) {
			const mark = this.marks[m];
			if (mark.seq >= refused.seq) continue;
			const window = this.log.filter((entry) => entry.seq > mark.seq && entry.seq < refused.seq);
			if (window.length < WINDOW_REQUESTS) continue;
			if (window[0].seq !== mark.seq + 1) return undefined;
			const rate = (from: number, start: number) => window.slice(from).filter((entry) => entry.ok).length / Math.max(1, refused.at - start);
			const whole = rate(0, mark.at);
			const reached = window.findIndex((entry) => entry.pace >= whole);
			if (reached > 0 && window.length - reached >= WINDOW_REQUESTS) return { rate: Math.max(whole, rate(reached, window[reached].at)), requests: window.length - reached };
			return { rate: whole, requests: window.length };
		}
		return undefined;
	}

	/**
	 * The pace after a cut: back up to the limit as estimated along a cubic, steep first and flat near it, then past
	 * it by a step that doubles every PROBE_DOUBLING_MS (slow first: the limit is likely close). Both run on time
	 * spent waiting for the pace, on a clock every client of the key shares (the regain time from the reference, the
	 * probe's doubling), not on a client's own successes: with those, a client that sends more would also climb
	 * faster, and shares would drift apart. The step is at least a share of twice the reference, so a client whose
	 * share fell far below the key's scale climbs back quickly.
	 */
	private probe(): number {
		const scale = ADDITIVE ? Math.min(1, Math.max(ADDITIVE, this.limit / Math.max(this.reference, 1e-9))) : 1;
		const regainMs = scale * Math.min(REGAIN_MS.max, Math.max(REGAIN_MS.min, REGAIN_REQUESTS / Math.max(this.reference, 1e-9)));
		const u = Math.max(this.pacedSinceCut / regainMs, SUCCESS_PROGRESS ? this.successes / REGAIN_REQUESTS : 0);
		if (u < 1 && this.floor < this.limit) return this.limit - (this.limit - this.floor) * (1 - u) ** 3;
		this.probingSince ??= this.pacedSinceCut;
		const past = this.pacedSinceCut - this.probingSince;
		const doublingMs = Math.max(PROBE_DOUBLING_MS, regainMs * PROBE_DOUBLING_SHARE);
		return this.limit + PROBE_STEP * Math.max(this.limit, CATCH_UP * this.reference) * (2 ** (past / doublingMs) - 1);
	}

	private sent(seq: number): Sent | undefined {
		const entry = this.log.length ? this.log[seq - this.log[0].seq] : undefined;
		return entry?.seq === seq ? entry : undefined;
	}

	/** Changes the pace from `now` on, keeping the tokens accrued so far. */
	private setRate(ratePerMs: number, now: number): void {
		this.tokens = this.level(now);
		this.at = now;
		this.ratePerMs = Math.max(1 / SLOWEST_INTERVAL_MS, ratePerMs);
	}

	/** Tokens accrue a little faster than the pace, as the spread makes the mean wait 1 + SPREAD / 2 tokens. */
	private accrual(): number {
		return this.ratePerMs * (1 + SPREAD / 2);
	}

	private level(now: number): number {
		return Math.min(1 + SPREAD, this.tokens + this.accrual() * Math.max(0, now - this.at));
	}
}
