/** Segments, campaign settings, tags and QR codes with every documented field present (null when empty). */
import { UTM_PARAMETERS } from '../../../core';

function complete<K extends string>(item: object, keys: readonly K[]): Record<K, unknown> {
	const source = item as Record<string, unknown>;
	return Object.fromEntries(keys.map((key) => [key, source[key] ?? null])) as Record<K, unknown>;
}

export const segmentOutput = (segment: object) => complete(segment, ['id', 'name', 'color', 'created_at']);
export const tagOutput = (tag: object) => complete(tag, ['id', 'name', 'color', 'created_at']);
export const campaignSettingOutput = (setting: object) => complete(setting, ['id', 'name', ...UTM_PARAMETERS, 'created_at']);
export const qrCodeOutput = (qr: object) => complete(qr, ['id', 'url', 'name', 'color', 'show_logo', 'logo_url', 'created_at']);
