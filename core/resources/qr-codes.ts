/**
 * QR codes. A QR code points at a URL, not at a link; `createForLink` points one at a link's short URL, so scans go
 * through the link (and are counted as its clicks). Linkkit documents no image download and no scan statistics.
 */

import { inputError } from '../errors';
import type { LinkkitHttp } from '../http';
import { paginate, type Paged, type PaginateOptions } from '../pagination';
import { validateBoolean, validateColor, validateText, validateUrl, validateUuid } from '../validation';
import { put, sameName, type Schemas } from './common';
import { createReconciled, madeSince } from './reconcile';

export type QrCode = Schemas['QrCode'];

export interface QrCodeInput {
	url?: unknown;
	name?: unknown;
	color?: unknown;
	show_logo?: unknown;
	logo_url?: unknown;
}

interface QrCodeBody {
	url?: string;
	name?: string | null;
	color?: string;
	show_logo?: boolean;
	logo_url?: string | null;
}

function fill(body: QrCodeBody, input: QrCodeInput, clearable: boolean): void {
	put(body, 'name', input.name, (v) => validateText('name', v, 200), clearable);
	put(body, 'color', input.color, (v) => validateColor('color', v));
	put(body, 'show_logo', input.show_logo, (v) => validateBoolean('show_logo', v));
	put(body, 'logo_url', input.logo_url, (v) => validateUrl('logo_url', v), clearable);
}

export function qrCodesApi(http: LinkkitHttp, shortUrlOfLink: (link: string) => Promise<string>) {
	const idOf = (value: unknown) => validateUuid('qrCodeId', value, 'QR code');
	const iterate = (options: PaginateOptions = {}) =>
		paginate<QrCode>((page, limit) => http.call<Paged<QrCode>>('listQrCodes', { query: { page, limit }, action: 'read QR codes' }), options);

	const create = async (input: QrCodeInput): Promise<QrCode> => {
		const body: QrCodeBody & { url: string } = { url: validateUrl('url', input.url) };
		fill(body, input, false);
		return await createReconciled(http, {
			send: () => http.call<QrCode>('createQrCode', { body, action: 'create QR codes' }),
			// QR codes are listed newest first (docs/assumptions.md A14): stop at the first one older than the attempt.
			find: async (since) => {
				for await (const qr of iterate({ returnAll: true })) {
					if (!madeSince(qr.created_at, since)) return undefined;
					if (qr.url === body.url && sameName(qr.name, body.name ?? null)) return qr;
				}
				return undefined;
			},
		});
	};

	return {
		iterate,
		get: (id: unknown) => http.call<QrCode>('getQrCode', { pathParams: { id: idOf(id) }, action: 'read QR codes' }),
		create,
		/** A QR code for a link's short URL (by short code or short URL). */
		async createForLink(link: string, input: Omit<QrCodeInput, 'url'> = {}): Promise<QrCode> {
			return await create({ ...input, url: await shortUrlOfLink(link) });
		},
		update(id: unknown, input: QrCodeInput): Promise<QrCode> {
			const body: QrCodeBody = {};
			put(body, 'url', input.url, (v) => validateUrl('url', v));
			fill(body, input, true);
			if (Object.keys(body).length === 0) throw inputError('fields', 'give at least one field to change');
			return http.call<QrCode>('updateQrCode', { pathParams: { id: idOf(id) }, body, action: 'change QR codes' });
		},
		async delete(id: unknown): Promise<{ id: string; deleted: true }> {
			const checked = idOf(id);
			await http.call('deleteQrCode', { pathParams: { id: checked }, action: 'delete QR codes' });
			return { id: checked, deleted: true };
		},
	};
}
