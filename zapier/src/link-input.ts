/**
 * What Create Link, Create or Update Link and Update Link send: the fields given, checked by the core before any
 * request, and the chosen campaign setting's UTM values written into the destination (core/resources/utm.ts).
 */
import { buildLinkBody, buildLinkUpdate, type LinkInput, type LinkkitClient } from '../../core';
import { linkClearables } from './fields/clear';
import { given, optionalText, withClears, type InputData } from './inputs';

const LINK_KEYS = ['original_url', 'title', 'custom_domain', 'expire_at', 'notes', 'list_id', 'is_active'] as const;

/** A create's or upsert's input; refused before anything is sent when a field is wrong. */
export async function linkCreateInput(client: LinkkitClient, data: InputData): Promise<LinkInput> {
	const input: LinkInput = given(data, LINK_KEYS);
	buildLinkBody(input);
	const settingId = optionalText(data.campaignSettingId);
	if (settingId) input.utmTemplate = await client.campaignSettings.get(settingId);
	return input;
}

/**
 * An update's input, with Clear Fields; the campaign setting needs a destination to write into, so without a new
 * one the link's current destination is read.
 */
export async function linkUpdateInput(client: LinkkitClient, data: InputData, shortCode: string): Promise<LinkInput & { short_code?: unknown }> {
	const input: LinkInput & { short_code?: unknown } = withClears(given(data, [...LINK_KEYS, 'short_code']), data, linkClearables);
	const settingId = optionalText(data.campaignSettingId);
	if (Object.keys(input).length > 0 || !settingId) buildLinkUpdate(input);
	if (!settingId) return input;
	const template = await client.campaignSettings.get(settingId);
	const destination = input.original_url ?? (await client.links.get(shortCode)).original_url;
	return { ...input, original_url: destination, utmTemplate: template };
}
