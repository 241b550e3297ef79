/** The QR code fields Create and Update share, and how n8n's values become the core's QrCodeInput. */

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { QrCodeInput } from '../../../../core';
import { locatorField } from '../common/locators';

export const qrCodePicker = locatorField('qrCode', { displayName: 'QR Code', name: 'qrCodeId', required: true, description: 'The QR code to use' });

export const qrCodeDetailFields: INodeProperties[] = [
	{ displayName: 'Color', name: 'color', type: 'color', default: '', placeholder: '#000000', description: "The code's colour, as #RRGGBB (Linkkit's default is black)" },
	{ displayName: 'Logo URL', name: 'logoUrl', type: 'string', default: '', placeholder: 'https://example.com/logo.png', description: 'An image to show in the middle of the code (Linkkit: logo_url)' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'A name to recognise the QR code by in Linkkit' },
	{ displayName: 'Show Logo', name: 'showLogo', type: 'boolean', default: false, description: 'Whether to show the logo in the middle of the code (Linkkit: show_logo)' },
];

/** The values of a QR code collection in the core's (the API's) terms; the core checks every one. */
export function qrCodeInputFrom(fields: IDataObject): QrCodeInput {
	return { url: fields.url, name: fields.name, color: fields.color, show_logo: fields.showLogo, logo_url: fields.logoUrl };
}
