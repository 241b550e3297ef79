/**
 * QR Code → Create: a QR code for one of your links (it points at the link's short URL, so scans count as the
 * link's clicks) or for any URL. Linkkit's QR code points at a URL, not at a link.
 */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { QrCodeInput } from '../../../../core';
import { asJson, runPerItem } from '../common/execution';
import { ledgerKey, onceInRun } from '../common/execution-ledger';
import { writeOptionsField } from '../common/fields';
import { linkCodeOf } from '../common/locators';
import { linkPicker } from '../link/get.operation';
import { qrCodeDetailFields, qrCodeInputFrom } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'For',
		name: 'target',
		type: 'options',
		options: [
			{ name: 'A Link', value: 'link', description: "The link's short URL: scans count as the link's clicks" },
			{ name: 'Any URL', value: 'url', description: 'Any web address' },
		],
		default: 'link',
	},
	{ ...linkPicker, description: 'The link whose short URL the code opens', displayOptions: { show: { target: ['link'] } } },
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/menu',
		description: 'The address the code opens',
		displayOptions: { show: { target: ['url'] } },
	},
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: qrCodeDetailFields },
	writeOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['qrCode'], operation: ['create'] } }, properties);

interface CreateInput {
	/** The link's short code, when the code is for a link. */
	code?: string;
	qr: QrCodeInput;
}

/** Stands in for the link's short URL while checking the other fields before anything is sent. */
const STAND_IN_URL = 'https://uselinkkit.com/check';

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem<CreateInput>(this, {
		read: (itemIndex) => {
			const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const forLink = this.getNodeParameter('target', itemIndex) === 'link';
			return forLink
				? { code: linkCodeOf(this.getNodeParameter('link', itemIndex)), qr: qrCodeInputFrom(fields) }
				: { qr: qrCodeInputFrom({ ...fields, url: this.getNodeParameter('url', itemIndex) }) };
		},
		check: (client, input) => client.qrCodes.create(input.code ? { ...input.qr, url: STAND_IN_URL } : input.qr),
		run: async (client, input, itemIndex) =>
			await onceInRun(this, ledgerKey('qrCode.create', itemIndex, input), async () =>
				asJson(input.code ? await client.qrCodes.createForLink(input.code, input.qr) : await client.qrCodes.create(input.qr)),
			),
	});
}
