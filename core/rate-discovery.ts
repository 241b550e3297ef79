/**
 * Finding the rate limit from 429s alone, for answers that carry no rate-limit headers (what Linkkit documents: a
 * 429 is a bare `{"error": "Too many requests"}`, docs/assumptions.md A1). A 429 says one thing: the key's bucket
 * was empty when that request arrived, and nothing was done. From that:
 *
 *  - Start: pace from START_RATE, doubling every second while requests wait for it, so a big burst is spent within
 *    seconds while few requests are in flight when it runs out. The start lasts at least START_MIN_MS, then the next
 *    429 ends it: the pace is cut to the share of its latest answers that went through, at most half (it ran on the
 *    burst, not only on the refill).
 *  - Cut, once per episode (429s of requests sent before the last cut are its echo): to an estimate of the limit, the
 *    rate measured between 429s (refill-log.ts) when that is solid, else the pace times the share of the latest
 *    answers that went through, else a little below the pace; then the pace sits CUT below that estimate.
 *  - Regain and probe: the pace climbs back to the estimate along a cubic, steep first and flat near it (the limit is
 *    likely just there), then past it by a step that doubles every PROBE_DOUBLING_MS, so a raised limit, or a share
 *    another client gave back, is found again.
 *  - Pace (learned-pace.ts): one request per 1/pace, a little random; a 429 re-anchors it at an empty bucket after
 *    the requests still in flight, plus a random part of a gap, so the next ones wait for fresh tokens.
 *
 * Several clients on one key (n8n executions, queue-mode workers) run this each on their own; what keeps their
 * shares close is spelled out at each rule: the start that ends at the same time for clients that began together,
 * cuts that follow one client's measured luck only when the evidence is solid, the regain and probe timed by a clock
 * those clients share rather than by each one's successes, and the random phase after a 429.
 *
 * Only durations on the local clock are used; no server time is read here. Waiting is the caller's (pacing.ts).
 */

import { LearnedPace } from './learned-pace';
import { RefillLog, type Sent } from './refill-log';

/** The pace before anything is known, requests per ms. */
const START_RATE = 3 / 1000;
/** While no 429 has come, the pace doubles this often (counting only time requests spent waiting for it). */
const START_DOUBLING_MS = 1000;
/**
 * The start lasts at least this long; 429s before only re-anchor the pace and stop its doubling. Clients that begin
 * together on a key then leave the start together at about the same pace, instead of the one that met the first 429
 * (the burst is raced for at once) leaving at a fraction of the others' pace: a split that would last the whole run.
 */
const START_MIN_MS = 2000;
/** Leaving the start, the pace is cut at least by half (it ran on the burst too), and to no less than a quarter. */
const START_CUT = { least: 0.5, most: 0.75 };
/** The pace sits this far below the estimated limit after a cut. */
const CUT = 0.05;
/**
 * A measured rate is believed in full when its window held this many requests, or when it is below this share of the
 * pace (no luck makes that much difference). Otherwise, in a bucket that did not look overloaded, it may cut by at
 * most twice CUT: with several clients on a key it is as much the others' luck as the limit, and following it all
 * the way would ratchet an unlucky client down.
 */
const TRUSTED = { requests: 12, belowPace: 0.6 };
/** An estimate not believed in full moves the pace this share of the way to it (noise averages out over episodes). */
const CUT_GAIN = 0.5;
/** Cuts within this long of the first one may together halve the pace, no more: they answer much the same moment. */
const CUT_WINDOW_MS = 1000;
/**
 * The regain after a cut takes as long as REGAIN_REQUESTS at the reference rate (so about one request in that many
 * meets a 429), within these bounds: the same time for every client that shares a key and started with it.
 */
const REGAIN_REQUESTS = 50;
const REGAIN_MS = { min: 5_000, max: 100_000 };
/**
 * The reference rate: this share of the pace when the start ended. The start's pace is the same function of time for
 * every client, so clients that start together on a key get about the same reference, and so the same regain time.
 */
const REFERENCE_SHARE = 0.25;
/** Past the estimated limit, the probe adds this share of it, doubling every PROBE_DOUBLING_MS. */
const PROBE_STEP = 0.1;
const PROBE_DOUBLING_MS = 5_000;

export class RateDiscovery {
	private readonly pace: LearnedPace;
	private readonly log = new RefillLog();
	private limitMet = false;
	/** When the first request went out, and whether a 429 came during the start's minimum time. */
	private startedAt?: number;
	private startHeld = false;
	private lastLetOut?: number;
	/** The reference rate, requests per ms (set when the start ends). */
	private reference = 0;
	/** The last cut: the limit as estimated then, the pace it cut to, and the time spent waiting for the pace since. */
	private limit = START_RATE;
	private floor = START_RATE;
	private pacedSinceCut = 0;
	/** Paced time when the probe past the estimate began. */
	private probingSince?: number;
	/** Requests with a lower sequence were sent before the last cut: their 429s belong to its episode. */
	private cutSeq = 0;
	/** When the current run of cuts began, and the pace then. */
	private cutWindow?: { at: number; pace: number };

	constructor(now: number) {
		this.pace = new LearnedPace(START_RATE, now);
	}

	/** Whether the start is over (a 429 came after its minimum time). */
	get found(): boolean {
		return this.limitMet;
	}

	/** The pace, requests per second. */
	get ratePerSecond(): number {
		return this.pace.ratePerMs * 1000;
	}

	/** How long until the pace lets the next request out; `spread` in [0, 1) is the request's own draw. */
	msUntilNext(now: number, spread: number): number {
		return this.pace.msUntilNext(now, spread);
	}

	/**
	 * Request `seq` let out at `now`; `paced` when it had to wait, `byPace` when this pace let it out (not a count of
	 * tokens left that the headers gave): only then does it take a token from the pace, and its wait move the pace on.
	 */
	letOut(seq: number, now: number, how: { paced: boolean; byPace: boolean }): void {
		this.startedAt ??= now;
		if (how.paced && how.byPace && this.lastLetOut !== undefined) {
			const elapsed = now - this.lastLetOut;
			this.pacedSinceCut += elapsed;
			const started = this.pace.ratePerMs * (this.startHeld ? 1 : 2 ** (elapsed / START_DOUBLING_MS));
			this.pace.setRate(this.limitMet ? this.probe() : started, now);
		}
		if (how.byPace) {
			this.pace.take(now);
			this.lastLetOut = now;
		}
		this.log.sent(seq, now, this.pace.ratePerMs);
	}

	/**
	 * The answer to request `seq` (not a 5xx, nor no answer at all: those say nothing about the limit). `refused`
	 * for a 429; `newest` when no later request's answer was read yet; `sentSoFar` counts every request let out;
	 * `draw` in [0, 1) is a random number for the phase after a 429. `empty` when the answer went through but its
	 * headers say no token is left (`X-RateLimit-Remaining: 0`): an empty bucket like a 429's, for free.
	 */
	answered(answer: { seq: number; now: number; refused: boolean; newest: boolean; sentSoFar: number; draw: number; empty?: boolean }): void {
		const { seq, now, refused, newest, sentSoFar, draw } = answer;
		const sent = this.log.find(seq);
		const share = this.log.answered(sent, refused);
		if (!refused) {
			if (answer.empty && newest) this.pace.anchorEmpty(now, sentSoFar - seq - 1, 0);
			if (answer.empty && sent) this.log.mark(sent);
			return;
		}
		// The next request also waits a random part of a gap more (like Ethernet after a collision): two clients
		// paced alike keep their phases for many requests, and the one just behind the other would meet every 429.
		if (newest) this.pace.anchorEmpty(now, sentSoFar - seq - 1, draw);
		if (!sent) return;
		const starting = !this.limitMet && now - (this.startedAt ?? now) < START_MIN_MS;
		if (starting) this.startHeld = true;
		else if (seq >= this.cutSeq) this.cut(sent, now, sentSoFar, share);
		this.log.mark(sent);
	}

	/** A new episode: the limit was met at the pace `refused` went out at; `share` of the latest answers went through. */
	private cut(refused: Sent, now: number, sentSoFar: number, share: number): void {
		const pace = this.pace.ratePerMs;
		if (!this.limitMet) {
			this.reference = pace * REFERENCE_SHARE;
			this.limit = pace * Math.max(1 - START_CUT.most, Math.min(1 - START_CUT.least, share));
			this.floor = this.limit;
			this.limitMet = true;
			this.log.forgetRecent();
		} else {
			this.limit = this.estimate(refused, now, pace, share);
			this.floor = this.limit * (1 - CUT);
		}
		this.pacedSinceCut = 0;
		this.probingSince = undefined;
		this.cutSeq = sentSoFar;
		this.pace.setRate(this.floor, now);
	}

	/** The limit as this episode shows it (see TRUSTED, CUT_GAIN, CUT_WINDOW_MS). */
	private estimate(refused: Sent, now: number, pace: number, share: number): number {
		const measured = this.log.achieved(refused);
		const trusted = measured !== undefined && (measured.requests >= TRUSTED.requests || measured.rate <= pace * TRUSTED.belowPace);
		let estimate: number;
		if (trusted) estimate = measured.rate;
		else if (share < 1) estimate = pace * share;
		else if (measured !== undefined) estimate = Math.max(measured.rate, pace * (1 - 2 * CUT));
		else estimate = pace;
		if (!trusted) estimate = pace - CUT_GAIN * (pace - estimate);
		if (this.cutWindow === undefined || now - this.cutWindow.at > CUT_WINDOW_MS) this.cutWindow = { at: now, pace };
		return Math.min(pace, Math.max(estimate, this.cutWindow.pace / 2));
	}

	/**
	 * The pace after a cut: back up to the estimated limit along a cubic, then past it by a step that doubles every
	 * PROBE_DOUBLING_MS. Both run on time spent waiting for the pace, measured against the reference, not on this
	 * client's own successes: with those, a client that sends more would also climb faster, and shares would drift.
	 */
	private probe(): number {
		const regainMs = Math.min(REGAIN_MS.max, Math.max(REGAIN_MS.min, REGAIN_REQUESTS / Math.max(this.reference, 1e-9)));
		const u = this.pacedSinceCut / regainMs;
		if (u < 1 && this.floor < this.limit) return this.limit - (this.limit - this.floor) * (1 - u) ** 3;
		this.probingSince ??= this.pacedSinceCut;
		const past = this.pacedSinceCut - this.probingSince;
		return this.limit + PROBE_STEP * this.limit * (2 ** (past / PROBE_DOUBLING_MS) - 1);
	}
}
