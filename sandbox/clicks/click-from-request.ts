/**
 * A30: the Click a redirect records. Device, OS and browser come from a real User-Agent parser (ua-parser-js) and
 * bot detection from isbot, since hand-written patterns would drift from real-world agents; country and city from
 * the test headers `X-Sandbox-Country` / `X-Sandbox-City` (else null); `referer` is the Referer header as sent.
 */
import type { Request } from 'express';
import { isbot } from 'isbot';
import { UAParser } from 'ua-parser-js';
import { newUuid } from '../ids';
import type { Click } from '../state/types';

function deviceOf(userAgent: string, parsed: UAParser.IResult): string | null {
	if (userAgent && isbot(userAgent)) return 'bot';
	switch (parsed.device.type) {
		case 'mobile':
		case 'wearable':
			return 'mobile';
		case 'tablet':
			return 'tablet';
		case undefined:
			// ua-parser-js leaves desktop devices untyped; an identified OS or browser means a desktop.
			return parsed.os.name || parsed.browser.name ? 'desktop' : null;
		default:
			return parsed.device.type;
	}
}

function headerValue(req: Request, name: string): string | null {
	const value = req.get(name)?.trim();
	return value ? value : null;
}

export function clickFromRequest(req: Request, clickedAt: string): Click {
	const userAgent = req.get('user-agent') ?? '';
	const parsed = new UAParser(userAgent).getResult();
	return {
		id: newUuid(),
		clicked_at: clickedAt,
		country: headerValue(req, 'x-sandbox-country')?.toUpperCase() ?? null,
		city: headerValue(req, 'x-sandbox-city'),
		device: deviceOf(userAgent, parsed),
		browser: parsed.browser.name ?? null,
		os: parsed.os.name ?? null,
		referer: headerValue(req, 'referer'),
	};
}
