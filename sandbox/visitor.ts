/**
 * Turns a redirect request into visitor traits. Device, OS and browser come from a real User-Agent parser
 * (ua-parser-js) and bot detection from isbot: hand-written regexes would drift from real-world agents.
 */
import type { Request } from 'express';
import { isbot } from 'isbot';
import { UAParser } from 'ua-parser-js';
import { shortHash } from './ids';
import type { VisitorTraits } from './segments-match';
import type { Device } from './types';

export interface Visitor extends VisitorTraits {
	device: Device;
	city: string | null;
	/** Stable per visitor: `X-Visitor-Id` when sent, else a hash of address + User-Agent (never stored raw). */
	visitorId: string;
}

function deviceOf(userAgent: string, parsed: UAParser.IResult): Device {
	if (userAgent && isbot(userAgent)) return 'bot';
	switch (parsed.device.type) {
		case 'mobile':
		case 'wearable':
			return 'mobile';
		case 'tablet':
			return 'tablet';
		case undefined:
			// ua-parser-js leaves desktop devices untyped; an identified OS or browser means a desktop.
			return parsed.os.name || parsed.browser.name ? 'desktop' : 'other';
		default:
			return 'other';
	}
}

function headerValue(req: Request, name: string): string | null {
	const value = req.get(name)?.trim();
	return value ? value : null;
}

function referrerHost(referer: string | null): string | null {
	if (!referer) return null;
	try {
		return new URL(referer).hostname.replace(/^www\./, '') || null;
	} catch {
		return null;
	}
}

function firstLanguage(acceptLanguage: string | null): string | null {
	const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim();
	return first && first !== '*' ? first : null;
}

export function visitorFromRequest(req: Request): Visitor {
	const userAgent = req.get('user-agent') ?? '';
	const parsed = new UAParser(userAgent).getResult();
	const country = headerValue(req, 'x-country');
	return {
		country: country ? country.toUpperCase() : null,
		city: headerValue(req, 'x-city'),
		device: deviceOf(userAgent, parsed),
		os: parsed.os.name ?? null,
		browser: parsed.browser.name ?? null,
		language: firstLanguage(headerValue(req, 'accept-language')),
		referrer: referrerHost(headerValue(req, 'referer')),
		visitorId: headerValue(req, 'x-visitor-id') ?? shortHash(`${req.socket.remoteAddress ?? ''}|${userAgent}`),
	};
}
