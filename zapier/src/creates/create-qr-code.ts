/** Create QR Code: a QR code for a link's short URL, so scans go through the link and count as its clicks. */
import { shortCodeFrom } from '../../../core';
import { linkPicker } from '../fields/pickers';
import { colorField } from '../fields/workspace';
import { given } from '../inputs';
import { qrCodeOutputFields } from '../output-fields/workspace';
import { qrCodeOutput } from '../outputs/workspace';
import { linkkitPerform } from '../perform';
import { qrCodeSample } from '../samples/workspace';

const inputFields = [
	linkPicker({ helpText: 'The link the QR code opens: pick it, or map its short code or short URL.' }),
	{ key: 'name', label: 'Name', required: false, helpText: 'A name for the QR code, shown in Linkkit.' },
	colorField('QR code'),
	{ key: 'show_logo', label: 'Show Logo', type: 'boolean' as const, required: false, helpText: 'Yes puts a logo in the middle of the code.' },
	{ key: 'logo_url', label: 'Logo URL', required: false, helpText: 'The web address of the logo image, when Show Logo is yes.' },
];

export const createQrCode = {
	key: 'create_qr_code',
	noun: 'QR Code',
	display: { label: 'Create QR Code', description: "Creates a QR code that opens a short link's short URL." },
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle) => {
			const code = shortCodeFrom('link', bundle.inputData.link);
			return qrCodeOutput(await client.qrCodes.createForLink(code, given(bundle.inputData, ['name', 'color', 'show_logo', 'logo_url'])));
		}),
		sample: qrCodeSample,
		outputFields: qrCodeOutputFields,
	},
};
